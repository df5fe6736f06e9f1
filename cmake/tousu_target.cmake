# Our own targets: warnings on (errors with TOUSU_WERROR), and the dependency ladder enforced by the
# build (CONVENTIONS.md §1).
function(tousu_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)
  if(TOUSU_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# tousu_library(name FOLDER f SOURCES … [PUBLIC libs…] [PRIVATE libs…])
# A layer's static library. Includes are written from src/ ("core/time.h"), but no library sees all
# of src/: each gets an include root of its own holding only its folder (build/layers/<f>/<f> → src/<f>),
# and sees another layer's folder only by linking that layer. PUBLIC for a layer its headers expose,
# PRIVATE for one only its sources use — so an include up the ladder, or of a layer a header hides
# (store below app), fails to compile. tests/layering_test.py checks the ladder itself.
function(tousu_library name)
  cmake_parse_arguments(ARG "" "FOLDER" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  tousu_layer_include(${name} ${ARG_FOLDER})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
  tousu_warnings(${name})
endfunction()

# tousu_layer_include(target folder): `folder` of src/ on the target's (and its users') include path.
function(tousu_layer_include target folder)
  set(root ${CMAKE_BINARY_DIR}/layers/${folder})
  if(NOT EXISTS ${root}/${folder})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${folder} ${root}/${folder} SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC ${root})
endfunction()
