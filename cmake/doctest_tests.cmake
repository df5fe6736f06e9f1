# tousu_test(name SOURCES … DEPS …): a doctest executable whose TEST_CASEs are registered with ctest
# one by one (doctest's own discovery script, run through node when cross-compiling to wasm).
find_file(TOUSU_DOCTEST_CMAKE doctest.cmake PATHS /usr/lib/cmake/doctest /usr/share/doctest/cmake
          /usr/lib/x86_64-linux-gnu/cmake/doctest NO_DEFAULT_PATH)
if(TOUSU_DOCTEST_CMAKE)
  include(${TOUSU_DOCTEST_CMAKE})
endif()

function(tousu_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${CMAKE_SOURCE_DIR}/tests/unit/doctest_main.cpp ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} tousu_doctest)
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit)
  tousu_warnings(${name})
  if(TOUSU_WEB)
    target_link_options(${name} PRIVATE -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -sNODERAWFS=1)
  endif()
  if(COMMAND doctest_discover_tests)
    doctest_discover_tests(${name})
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
endfunction()
