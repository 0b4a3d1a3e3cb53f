# SQLCipher 4 (bookworm-backports) linked statically with its symbols hidden.
#
# Why: Qt's QSQLITE plugin and SQLCipher export the same sqlite3_* symbols. If our executables exported
# SQLCipher's copy, QSQLITE could bind to it (or the cache could bind to plain SQLite) and a "keyed" database
# would silently be written in plain text. The static archive plus --exclude-libs keeps SQLCipher private to
# our binaries; CipherDatabase additionally refuses to run unless `PRAGMA cipher_version` reports 4.x.
# The .pc file carries the SQLite version (3.46.x), not the SQLCipher one, hence the odd minimum.
pkg_check_modules(SQLCIPHER REQUIRED sqlcipher>=3.46)
find_library(SQLCIPHER_STATIC_LIBRARY NAMES libsqlcipher.a HINTS ${SQLCIPHER_LIBRARY_DIRS} REQUIRED NO_CACHE)
find_path(SQLCIPHER_INCLUDE_DIR NAMES sqlite3.h PATHS /usr/include/sqlcipher ${SQLCIPHER_INCLUDE_DIRS} NO_DEFAULT_PATH
          REQUIRED NO_CACHE)
find_package(ZLIB REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
add_library(upstream_sqlcipher STATIC IMPORTED GLOBAL)
set_target_properties(upstream_sqlcipher PROPERTIES IMPORTED_LOCATION "${SQLCIPHER_STATIC_LIBRARY}"
                                                    INTERFACE_INCLUDE_DIRECTORIES "${SQLCIPHER_INCLUDE_DIR}")
target_link_libraries(upstream_sqlcipher INTERFACE OpenSSL::Crypto ZLIB::ZLIB m pthread dl)
