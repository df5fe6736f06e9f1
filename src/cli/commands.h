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

} // namespace tousu::cli
