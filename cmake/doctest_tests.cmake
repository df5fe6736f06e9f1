# tousu_test(name SOURCES … DEPS …): a doctest executable whose TEST_CASEs are registered with ctest
# one by one (doctest's own discovery script, run through node when cross-compiling to wasm).
# (A plain path check: Emscripten's toolchain confines find_file() to its sysroot.)
set(TOUSU_DOCTEST_DISCOVERY "/usr/lib/cmake/doctest/doctest.cmake" CACHE FILEPATH "doctest's CMake test discovery")
if(EXISTS "${TOUSU_DOCTEST_DISCOVERY}")
  include(${TOUSU_DOCTEST_DISCOVERY})
endif()

# doctest's runner is compiled once for all test executables, and each executable's sources start
# from a precompiled header of doctest and the standard library (compiling doctest.h was most of
# each file). (One header shared through REUSE_FROM fails to generate with clang in CMake 3.25.)
add_library(tousu_doctest_main OBJECT ${CMAKE_SOURCE_DIR}/tests/unit/doctest_main.cpp)
target_link_libraries(tousu_doctest_main PRIVATE tousu_doctest)
tousu_warnings(tousu_doctest_main)

function(tousu_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} $<TARGET_OBJECTS:tousu_doctest_main>)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} tousu_doctest)
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
  target_compile_definitions(${name} PRIVATE TOUSU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  tousu_warnings(${name})
  target_precompile_headers(${name} PRIVATE <doctest/doctest.h> <string> <vector> <optional> <functional>)
  if(TOUSU_WEB)
    target_link_options(${name} PRIVATE -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -sNODERAWFS=1)
  endif()
  if(COMMAND doctest_discover_tests)
    doctest_discover_tests(${name})
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
endfunction()
