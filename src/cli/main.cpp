// tousu-cli: the command-line front over the same app layer, for head-office admins and scripts.
// Contract: JSON on stdout, errors on stderr, exit 0 only on success, --help for each command.
#include <cstdio>
#include <cstring>
#include <string>

#include "core/version.h"

namespace {

constexpr const char* kUsage =
    "usage: tousu-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  version      print the version as JSON\n"
    "  --help       this text\n";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    if (command == "version" || command == "--version") {
        std::printf("{\"version\":\"%s\"}\n", tousu::core::version());
        return 0;
    }
    std::fprintf(stderr, "tousu-cli: unknown command '%s' (see tousu-cli --help)\n", command.c_str());
    return 2;
}
