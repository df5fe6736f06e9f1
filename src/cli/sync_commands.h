// tousu-cli export / import: sync bundles between offices (README, "Bundle format").
#pragma once
#include "cli/args.h"

namespace tousu::cli {

int cmdExport(const Args& a);
int cmdImport(const Args& a);

} // namespace tousu::cli
