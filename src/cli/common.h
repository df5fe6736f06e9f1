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

// The first line of a file (a password or passphrase file), without its line end.
core::Result<std::string> firstLineOf(const std::string& path);
// A CouchDB password: from --password-file (its first line) or TOUSU_COUCH_PASSWORD, never an
// argument others can read; empty when neither is given.
core::Result<std::string> couchPassword(const Args& a);
// Whole-file reads refuse files over `maxBytes` before reading them.
core::Result<std::string> readFile(const std::string& path, std::size_t maxBytes);
// A command's output file (the database is positional[0]): refused when it is the database itself
// (the same file under any name), written beside its target, flushed to disk, then renamed over it,
// so a failure leaves neither half a file nor a damaged database.
core::Status writeOutput(const Args& a, const std::string& path, const std::string& text);

} // namespace tousu::cli
