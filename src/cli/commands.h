// The tousu-cli commands. Each prints JSON on stdout, errors on stderr, and returns the exit code.
#pragma once
#include "cli/args.h"

namespace tousu::cli {

struct Command {
    const char* name;
    const char* usage; // one line of synopsis
    const char* help;  // what it does
    int (*run)(const Args&);
};

const Command* commands(); // terminated by a {nullptr…} entry

// The options that take no value; every other --option takes the next argument as its value.
const std::vector<std::string>& flagOptions();

// What tousu-cli does with its command line (argv[1] the command): the exit code, 2 for a usage
// error. main() is only this, so tests and the fuzzer (tests/fuzz/fuzz_cli_args.cpp) run the same.
int run(int argc, char** argv);

} // namespace tousu::cli
