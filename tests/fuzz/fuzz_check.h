// A broken invariant is a finding: say which one, then trap like a sanitizer would (libFuzzer then
// keeps the input as a crash). No dependencies, so every target can use it.
#pragma once
#include <cstdio>

#define FUZZ_CHECK(cond)                                                                                               \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            std::fprintf(stderr, "\n== fuzz invariant failed: %s\n== at %s:%d\n", #cond, __FILE__, __LINE__);          \
            __builtin_trap();                                                                                          \
        }                                                                                                              \
    } while (0)
