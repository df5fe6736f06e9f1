// tousu-cli: the command-line front over the same app layer, for head-office admins and scripts.
// Contract: JSON on stdout, errors on stderr, exit 0 only on success, --help for each command.
#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "core/version.h"

using namespace tousu::cli;

namespace {

void usage(std::FILE* out) {
    std::fprintf(out, "tousu-cli %s — complaint desk tools\n\nusage: tousu-cli <command> [options]\n\ncommands:\n",
                 tousu::core::version());
    for (const Command* c = commands(); c->name; ++c) std::fprintf(out, "  %-11s %s\n", c->name, c->help);
    std::fprintf(out, "\n`tousu-cli <command> --help` shows a command's options.\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        usage(stdout);
        return 0;
    }
    if (name == "--version" || name == "version") {
        std::printf("{\"version\":\"%s\"}\n", tousu::core::version());
        return 0;
    }
    for (const Command* c = commands(); c->name; ++c) {
        if (name != c->name) continue;
        const Args args =
            parseArgs(argc, argv, 2, {"--dry-run", "--full-phones", "--mask", "--encrypt", "--registrations-only"});
        if (args.help) {
            std::printf("usage: tousu-cli %s\n\n%s\n", c->usage, c->help);
            return 0;
        }
        return c->run(args);
    }
    std::fprintf(stderr, "tousu-cli: unknown command '%s' (see tousu-cli --help)\n", name.c_str());
    return 2;
}
