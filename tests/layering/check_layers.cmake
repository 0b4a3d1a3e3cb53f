# The layering rules of docs/architecture.md, checked over the source tree (cmake -P):
#   1. Screens (views/, widgets/) include nothing from models/storage and no database API (libpq, sqlite3, QtSql).
#   2. The pure core (models/domain/) includes no storage, no libpq, no sqlite3 and no QtSql.
#   3. SQL text is written only under models/storage/: no string literal outside it starts with an SQL command.
#   4. The core (models/) includes no GUI header (QtWidgets, QtGui, QtCharts) by any spelling.
#
#   cmake -DROOT=<tree> -P check_layers.cmake                  fails when any rule is broken in <tree>
#   cmake -DROOT=<tree> -DEXPECT_BROKEN=<n> -P ...             fails unless exactly <n> breaches are found (the
#                                                              positive control runs this on tests/layering/control)
# Every run prints how many files it read per rule and fails when a rule read none, so a moved folder cannot turn the
# check into a pass that looked at nothing.
if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source tree> [-DEXPECT_BROKEN=<n>] -P check_layers.cmake")
endif()

set(breaches "")
set(breach_count 0)

# Reads every .h/.cpp under the given folders of ROOT; appends "file:line: text" for each line matching regex.
function(scan rule regex)
  set(files "")
  foreach(folder IN LISTS ARGN)
    file(GLOB_RECURSE found ${ROOT}/${folder}/*.h ${ROOT}/${folder}/*.cpp)
    list(APPEND files ${found})
  endforeach()
  list(LENGTH files scanned)
  if(scanned EQUAL 0)
    message(FATAL_ERROR "rule '${rule}': no source files found under ${ROOT} in: ${ARGN}")
  endif()
  set(count 0)
  foreach(f IN LISTS files)
    file(SIZE ${f} size)
    if(size EQUAL 0)
      message(FATAL_ERROR "rule '${rule}': ${f} is empty")
    endif()
    file(STRINGS ${f} lines REGEX "${regex}")
    foreach(line IN LISTS lines)
      file(RELATIVE_PATH rel ${ROOT} ${f})
      string(STRIP "${line}" line)
      string(REPLACE ";" "," line "${line}")
      list(APPEND breaches "${rule}: ${rel}: ${line}")
      math(EXPR count "${count} + 1")
    endforeach()
  endforeach()
  message(STATUS "rule '${rule}': ${scanned} files read, ${count} breaches")
  math(EXPR total "${breach_count} + ${count}")
  set(breach_count ${total} PARENT_SCOPE)
  set(breaches "${breaches}" PARENT_SCOPE)
endfunction()

set(db_include "#[ \t]*include[ \t]*[<\"](storage/|libpq-fe\\.h|sqlite3\\.h|sqlcipher/|QtSql|QSql)")
scan("screens use no storage" "${db_include}" views widgets)
scan("domain is pure" "${db_include}" models/domain)

set(sql_commands "SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|WITH")
string(APPEND sql_commands "|COPY|LISTEN|UNLISTEN|NOTIFY|TRUNCATE|VACUUM|ATTACH|DETACH|SET|REINDEX|ANALYZE")
set(sql_literal "(R\"[A-Za-z_]*\\(|\")[ \t]*(${sql_commands})([ \t\"(;]|$)")
scan("SQL only in storage" "${sql_literal}" models/domain models/services views widgets app)

set(gui_include "#[ \t]*include[ \t]*<(QtWidgets|QtGui|QtCharts|QWidget|QDialog|QMainWindow|QApplication|QPixmap|QImage|QChart)")
scan("core has no GUI" "${gui_include}" models/domain models/storage models/services)

if(DEFINED EXPECT_BROKEN)
  string(REPLACE ";" "\n" listing "${breaches}")
  if(NOT breach_count EQUAL EXPECT_BROKEN)
    message(FATAL_ERROR "expected ${EXPECT_BROKEN} breaches in the control tree, found ${breach_count}:\n${listing}")
  endif()
  message(STATUS "control tree: all ${breach_count} planted breaches found:\n${listing}")
elseif(breach_count GREATER 0)
  string(REPLACE ";" "\n" listing "${breaches}")
  message(FATAL_ERROR "${breach_count} layering breaches:\n${listing}")
else()
  message(STATUS "layering holds")
endif()
