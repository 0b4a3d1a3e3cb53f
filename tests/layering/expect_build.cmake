# Builds one probe target and checks the outcome (cmake -P):
#   -DBUILD_DIR=<dir> -DTARGET=<probe> -DEXPECT=fail -DMESSAGE=<regex>   the build must fail, its output matching
#   -DBUILD_DIR=<dir> -DTARGET=<probe> -DEXPECT=pass                     the build must succeed
# Matching the message keeps a probe from passing because it failed for some other reason (a typo, a missing file).
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(EXPECT STREQUAL "pass")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${TARGET} should build:\n${out}")
  endif()
  message(STATUS "${TARGET} builds")
elseif(rc EQUAL 0)
  message(FATAL_ERROR "${TARGET} built, but it must not")
elseif(NOT out MATCHES "${MESSAGE}")
  message(FATAL_ERROR "${TARGET} failed, but not with '${MESSAGE}':\n${out}")
else()
  message(STATUS "${TARGET} fails as it must: ${CMAKE_MATCH_0}")
endif()
