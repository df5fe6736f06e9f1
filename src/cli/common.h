// What every tousu-cli command shares: error output, JSON output, opening a database, files.
#pragma once
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/app.h"
#include "cli/args.h"
#include "core/clock.h"

namespace tousu::cli {

int fail(const std::string& message, int code = 1);
int failWith(const core::Error& e);
void print(const nlohmann::json& j);

// Opens an existing, initialised database (a path that does not exist is an error, not a new file).
core::Result<std::unique_ptr<app::App>> openExisting(const Args& a, const core::Clock& clock, std::uint64_t seed);

// Whole-file reads refuse files over `maxBytes` before reading them.
core::Result<std::string> readFile(const std::string& path, std::size_t maxBytes);
core::Status writeFile(const std::string& path, const std::string& text);

} // namespace tousu::cli
