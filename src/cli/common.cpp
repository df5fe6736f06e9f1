#include "cli/common.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "present/i18n.h"

namespace tousu::cli {

using core::ErrorCode;
using core::makeError;

int fail(const std::string& message, int code) {
    std::fprintf(stderr, "tousu-cli: %s\n", message.c_str());
    return code;
}

namespace {

// The desk's English message for a key, so the CLI explains errors the way the desk does.
std::string english(const std::string& key) {
    for (const present::StringRow& row : present::stringTable())
        if (row.key == key) return " (" + row.en + ")";
    return {};
}

} // namespace

int failWith(const core::Error& e) {
    std::string msg = e.messageKey + english(e.messageKey) + (e.detail.empty() ? "" : ": " + e.detail);
    for (const auto& f : e.fieldErrors) msg += "\n  " + f.field + ": " + f.messageKey;
    return fail(msg);
}

// A file name need not be UTF-8 on Linux, and JSON text must be: bytes that are not come out as
// U+FFFD instead of an exception (nlohmann's default) that ends the command after its work is done.
void print(const nlohmann::json& j) {
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

core::Result<std::string> firstLineOf(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line)) return makeError(ErrorCode::NotFound, "cannot read", path);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

core::Result<std::string> couchPassword(const Args& a) {
    if (a.has("--password-file")) return firstLineOf(a.get("--password-file"));
    if (const char* env = std::getenv("TOUSU_COUCH_PASSWORD")) return std::string(env);
    return std::string();
}

core::Result<std::unique_ptr<app::App>> openExisting(const Args& a, const core::Clock& clock, std::uint64_t seed) {
    if (a.positional.empty()) return makeError(ErrorCode::InvalidInput, "missing DB argument");
    const std::string& path = a.positional[0];
    // The error_code form: a name the file system cannot even look up (longer than NAME_MAX) is an
    // error to report, not an exception that ends the program.
    std::error_code ec;
    const bool there = std::filesystem::exists(path, ec);
    if (ec) return makeError(ErrorCode::NotFound, "cannot read", path + ": " + ec.message());
    if (!there) return makeError(ErrorCode::NotFound, "no such database", path);
    auto app = app::App::openExisting(path, clock, seed);
    if (!app) return app.error();
    if (app.value()->info().deviceId.empty())
        return makeError(ErrorCode::InvalidInput, "database not initialised (run tousu-cli init)", path);
    return app;
}

core::Result<std::string> readFile(const std::string& path, std::size_t maxBytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return makeError(ErrorCode::NotFound, "cannot read", path);
    if (size > maxBytes) return makeError(ErrorCode::InvalidInput, "error.bundle_too_large", path);
    std::ifstream in(path, std::ios::binary);
    std::string text(size, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size)))
        return makeError(ErrorCode::NotFound, "cannot read", path);
    return text;
}

core::Status writeOutput(const Args& a, const std::string& path, const std::string& text) {
    std::error_code ec;
    if (!a.positional.empty() && std::filesystem::equivalent(path, a.positional[0], ec))
        return makeError(ErrorCode::InvalidInput, "error.output_is_database", path);
    const std::string tmp = path + ".part";
    FILE* out = std::fopen(tmp.c_str(), "wb");
    if (!out) return makeError(ErrorCode::Storage, "cannot write", tmp);
    const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size() && std::fflush(out) == 0 &&
                         ::fsync(fileno(out)) == 0;
    if (std::fclose(out) != 0 || !written) {
        std::filesystem::remove(tmp, ec);
        return makeError(ErrorCode::Storage, "cannot write", tmp);
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return makeError(ErrorCode::Storage, "cannot write", path);
    }
    return core::Ok{};
}

} // namespace tousu::cli
