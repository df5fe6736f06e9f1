# Third-party code, built once per build tree and cached there (never committed; see shell/setup.sh).
#   tousu_sqlite3  — the SQLite amalgamation with the options we rely on (FTS5 for trigram search)
#   tousu_imgui    — Dear ImGui core (+ the OpenGL3 backend on the web), test-engine hooks enabled
#   tousu_headers  — nlohmann/json and doctest copied into the build tree, so emcc never sees /usr/include
foreach(f "${TOUSU_SQLITE_DIR}/sqlite3.c" "${TOUSU_IMGUI_DIR}/imgui.h"
          "${TOUSU_JSON_INCLUDE}/nlohmann/json.hpp" "${TOUSU_DOCTEST_INCLUDE}/doctest/doctest.h")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "missing ${f}: run shell/setup.sh (or point TOUSU_*_DIR / TOUSU_*_INCLUDE at your copy)")
  endif()
endforeach()

add_library(tousu_sqlite3 STATIC ${TOUSU_SQLITE_DIR}/sqlite3.c)
if(TOUSU_FUZZ)
  # SQLite is fuzzed upstream; the fuzzers target our parsers and workflow. Instrumenting its 9 MB
  # amalgamation with ASan + coverage took 166 s of a 200 s fuzz build, so it is compiled plain.
  set_property(TARGET tousu_sqlite3 PROPERTY COMPILE_OPTIONS -O1 -g0)
endif()
target_include_directories(tousu_sqlite3 SYSTEM PUBLIC ${TOUSU_SQLITE_DIR})
target_compile_definitions(tousu_sqlite3 PRIVATE
  SQLITE_ENABLE_FTS5 SQLITE_DQS=0 SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_OMIT_DEPRECATED
  SQLITE_OMIT_SHARED_CACHE SQLITE_LIKE_DOESNT_MATCH_BLOBS SQLITE_USE_ALLOCA SQLITE_DEFAULT_FOREIGN_KEYS=1)
if(TOUSU_WEB)
  target_compile_definitions(tousu_sqlite3 PRIVATE SQLITE_THREADSAFE=0 SQLITE_OMIT_LOAD_EXTENSION)
  # -Os, not -O3: V8 runs SQLite's bytecode interpreter (sqlite3VdbeExec) faster as LLVM compiles it
  # for size. At 200k cases (tests/bench/peer_queries.sql, V8's optimising tier), -O3 → -Os: every
  # case's KPI columns about 245 → 190 ms, counts by state 40 → 34 ms, a deep offset 113 → 98 ms; a LIKE
  # scan about 165 → 176 ms, timelines 1.83 → 1.95 s. -O2 and -O1 scanned as slowly as -O3.
  target_compile_options(tousu_sqlite3 PRIVATE -Os)
else()
  find_package(Threads REQUIRED)
  target_link_libraries(tousu_sqlite3 PUBLIC Threads::Threads ${CMAKE_DL_LIBS})
endif()
target_compile_options(tousu_sqlite3 PRIVATE -w)

set(imgui_sources imgui.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp misc/cpp/imgui_stdlib.cpp)
if(TOUSU_WEB)
  list(APPEND imgui_sources backends/imgui_impl_opengl3.cpp)
endif()
list(TRANSFORM imgui_sources PREPEND ${TOUSU_IMGUI_DIR}/)
add_library(tousu_imgui STATIC ${imgui_sources})
target_include_directories(tousu_imgui SYSTEM PUBLIC ${TOUSU_IMGUI_DIR} ${TOUSU_IMGUI_DIR}/backends)
target_compile_definitions(tousu_imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_OBSOLETE_KEYIO)
if(TOUSU_WEB)
  target_compile_definitions(tousu_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_compile_options(tousu_imgui PRIVATE -O2)
endif()
target_compile_options(tousu_imgui PRIVATE -w)

set(TOUSU_HEADERS_DIR ${CMAKE_BINARY_DIR}/third_party/include)
file(COPY ${TOUSU_JSON_INCLUDE}/nlohmann DESTINATION ${TOUSU_HEADERS_DIR})
file(COPY ${TOUSU_DOCTEST_INCLUDE}/doctest/doctest.h DESTINATION ${TOUSU_HEADERS_DIR}/doctest)
add_library(tousu_json INTERFACE)
target_include_directories(tousu_json SYSTEM INTERFACE ${TOUSU_HEADERS_DIR})
add_library(tousu_doctest INTERFACE)
target_include_directories(tousu_doctest SYSTEM INTERFACE ${TOUSU_HEADERS_DIR})
