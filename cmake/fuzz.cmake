# The libFuzzer build (-DTOUSU_FUZZ=ON; shell/fuzz.sh configures it in build/fuzz). Every object —
# SQLite and our libraries included — is compiled with ASan + UBSan and libFuzzer's coverage
# instrumentation (fuzzer-no-link); only the fuzz executables, made by tousu_fuzzer() in
# tests/fuzz/, link libFuzzer itself (-fsanitize=fuzzer). Included from the top-level CMakeLists.txt
# before any target exists, so the directory-wide options below reach every target.
# Needs clang (libFuzzer ships with it); depends on nothing else in cmake/.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "TOUSU_FUZZ needs clang: -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
endif()
if(TOUSU_WEB)
  message(FATAL_ERROR "TOUSU_FUZZ is for native builds, not Emscripten")
endif()

# Sanitizer reports are the findings; a warning is not, so it must not stop the build.
set(TOUSU_WERROR OFF CACHE BOOL "Treat warnings in our code as errors" FORCE)

# UBSan stops at the first report (as ASan does), so libFuzzer sees it as a crash and keeps the input.
add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
                    -fsanitize=fuzzer-no-link)
add_link_options(-fsanitize=address,undefined)

# tousu_fuzzer(name SOURCES … DEPS …): a libFuzzer executable in the build tree's root.
function(tousu_fuzzer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS})
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  target_compile_definitions(${name} PRIVATE TOUSU_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  tousu_warnings(${name})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
endfunction()
