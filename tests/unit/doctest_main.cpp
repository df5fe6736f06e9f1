#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
// No colour codes: under node (wasm) stdout looks like a terminal, and ctest's discovery parses it.
#define DOCTEST_CONFIG_COLORS_NONE
#include <doctest/doctest.h>
