#include "cli/common.h"

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

void print(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

core::Result<std::unique_ptr<app::App>> openExisting(const Args& a, const core::Clock& clock, std::uint64_t seed) {
    if (a.positional.empty()) return makeError(ErrorCode::InvalidInput, "missing DB argument");
    const std::string& path = a.positional[0];
    if (!std::filesystem::exists(path)) return makeError(ErrorCode::NotFound, "no such database", path);
    auto app = app::App::open(path, clock, seed);
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

core::Status writeFile(const std::string& path, const std::string& text) {
    // Written next to the target and renamed, so a failure never leaves half a file under its name.
    const std::string tmp = path + ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out.write(text.data(), static_cast<std::streamsize>(text.size())) || !out.flush())
            return makeError(ErrorCode::Storage, "cannot write", tmp);
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return makeError(ErrorCode::Storage, "cannot write", path);
    return core::Ok{};
}

} // namespace tousu::cli
