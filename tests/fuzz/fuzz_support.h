// Shared by the libFuzzer targets in tests/fuzz/: an invariant check that stops the run (so
// libFuzzer keeps the input as a crash) and a fresh office (an App over its own database) on a
// frozen clock.
// Depends on the app layer only; never included by product code.
#pragma once
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "app/app.h"
#include "core/clock.h"
#include "core/time.h"

#include "fuzz_check.h"

namespace tousu::fuzz {

// Fixed "now" for every run, so a crash input replays exactly (the example bundle was made the day before).
inline core::TimeMs fuzzEpoch() { return core::parseIso8601("2026-11-30T10:00:00+08:00").value(); }

// Where this process keeps its database files: /dev/shm/tousu-fuzz-<pid>-… (or the temp folder).
inline std::string scratchPath(const std::string& name) {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::is_directory("/dev/shm", ec)
                                          ? std::filesystem::path("/dev/shm")
                                          : std::filesystem::temp_directory_path();
    return (dir / ("tousu-fuzz-" + std::to_string(::getpid()) + "-" + name + ".db")).string();
}

// Removes a database file and its journal.
inline void removeDatabase(const std::string& path) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    std::filesystem::remove(path + "-journal", ignored);
}

// An office for one fuzz input. Creating the schema and the default reference data costs ~14 ms
// under the sanitizers, so it is done once per process (templateDatabase); each desk opens its own
// copy of that database file (~2 ms), on tmpfs when there is one. The copy is removed with the desk.
class Desk {
  public:
    core::SimulatedClock clock{fuzzEpoch()};
    std::unique_ptr<app::App> app;

    explicit Desk(std::string path) : m_path(std::move(path)) {}
    ~Desk() {
        app.reset();
        removeDatabase(m_path);
    }
    Desk(const Desk&) = delete;
    Desk& operator=(const Desk&) = delete;

  private:
    std::string m_path;
};

// The template: an office "FZ01" initialised with id seed 1, as the bytes of its database file. Desks
// use seed 2, so the ids they make never repeat the template's.
inline const std::string& templateDatabase() {
    static const std::string bytes = [] {
        const std::string path = scratchPath("template");
        removeDatabase(path);
        {
            core::SimulatedClock clock{fuzzEpoch()};
            auto opened = app::App::open(path, clock, 1);
            FUZZ_CHECK(opened.ok());
            FUZZ_CHECK(opened.value()->initialize("FZ01", "fuzz office").ok());
        }
        std::ifstream in(path, std::ios::binary);
        std::string image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        removeDatabase(path);
        FUZZ_CHECK(!image.empty());
        return image;
    }();
    return bytes;
}

// A new office "FZ01" with the default reference data, signed in as the administrator s10.
// (Written with a stream, which retries interrupted writes: libFuzzer's -timeout timer sends
// SIGALRM, and std::filesystem::copy_file gives up on EINTR.)
inline std::unique_ptr<Desk> freshDesk() {
    static int count = 0;
    const std::string path = scratchPath("desk" + std::to_string(++count));
    const std::string& image = templateDatabase();
    auto desk = std::make_unique<Desk>(path);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(image.data(), static_cast<std::streamsize>(image.size()));
        out.close();
        FUZZ_CHECK(out.good());
    }
    auto opened = app::App::open(path, desk->clock, 2);
    FUZZ_CHECK(opened.ok());
    desk->app = std::move(opened.value());
    desk->app->setActor({"s10", core::Role::Admin});
    return desk;
}

// True when the whole text is well-formed UTF-8 (what a text field or a JSON string can hold).
inline bool validUtf8(const unsigned char* s, std::size_t n) {
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > n) return false;
        unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        const unsigned minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < minimum[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

} // namespace tousu::fuzz
