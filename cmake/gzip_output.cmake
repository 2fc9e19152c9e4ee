# Runs COMMAND (its words separated by '|') and writes what it prints to OUTPUT, gzipped as Debian
# wants documentation (gzip -9n: no file name or time inside, so two builds give the same bytes).
# A failing command fails the build and leaves no OUTPUT behind.
#   cmake "-DCOMMAND=prog|arg" -DOUTPUT=file.gz -P gzip_output.cmake
string(REPLACE "|" ";" COMMAND "${COMMAND}")
set(plain "${OUTPUT}.tmp")
execute_process(COMMAND ${COMMAND} OUTPUT_FILE "${plain}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(REMOVE "${plain}" "${OUTPUT}")
    message(FATAL_ERROR "${COMMAND}: ${result}")
endif()
execute_process(COMMAND gzip -9nc "${plain}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE result)
file(REMOVE "${plain}")
if(NOT result EQUAL 0)
    file(REMOVE "${OUTPUT}")
    message(FATAL_ERROR "gzip ${OUTPUT}: ${result}")
endif()
