// tousu-cli: the command-line front over the same app layer, for head-office admins and scripts.
// Contract: JSON on stdout, errors on stderr, exit 0 only on success, --help for each command.
// The commands and their dispatch live in the tousu_cli library (cli/commands.h).
#include "cli/commands.h"

int main(int argc, char** argv) { return tousu::cli::run(argc, argv); }
