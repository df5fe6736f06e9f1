// Shared by the libFuzzer targets in tests/fuzz/: an invariant check that stops the run (so
// libFuzzer keeps the input as a crash), a fresh office (an App over its own in-memory database) on a
// frozen clock, and the bytes of that database, to tell cheaply that nothing changed.
// Depends on the app layer and on SQLite (to fill and read the in-memory databases the App opens by
// name); never included by product code.
#pragma once
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "app/app.h"
#include "core/clock.h"
#include "core/time.h"

#include "fuzz_check.h"

namespace tousu::fuzz {

// Fixed "now" for every run, so a crash input replays exactly (the example bundle was made the day before).
inline core::TimeMs fuzzEpoch() { return core::parseIso8601("2026-11-30T10:00:00+08:00").value(); }

// A database in this process's memory. SQLite's "memdb" VFS shares a database whose name starts with
// "/" between every connection that opens that name, and frees it when the last one closes. So the
// harness fills one through its own connection (here), and an App opens the same name through
// App::open's vfs argument: a desk costs one copy in memory instead of a file written to tmpfs and
// read back (2 ms a desk under the sanitizers), and a crashed run leaves nothing in /dev/shm.
class MemoryDatabase {
  public:
    static constexpr const char* kVfs = "memdb";

    explicit MemoryDatabase(const std::string& label) : m_name("/tousu-fuzz-" + label) {
        FUZZ_CHECK(sqlite3_open_v2(m_name.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, kVfs) ==
                   SQLITE_OK);
    }
    ~MemoryDatabase() { sqlite3_close(m_db); }
    MemoryDatabase(const MemoryDatabase&) = delete;
    MemoryDatabase& operator=(const MemoryDatabase&) = delete;

    const std::string& name() const { return m_name; }

    // Makes the database file exactly `image` (what readInto() gave for another database), written
    // through the VFS as a file copy would be: SQLite's backup API would bump the copy's change
    // counter and schema cookie, and copies could no longer be compared byte for byte. No App may
    // have it open yet.
    void assign(std::string_view image) {
        sqlite3_file* f = file();
        FUZZ_CHECK(f->pMethods->xTruncate(f, 0) == SQLITE_OK);
        FUZZ_CHECK(f->pMethods->xWrite(f, image.data(), static_cast<int>(image.size()), 0) == SQLITE_OK);
    }

    // The database file as it is now, into `out` (whose capacity is reused). Committed pages only:
    // an open transaction's are still in its connection's cache.
    void readInto(std::string& out) const {
        sqlite3_file* f = file();
        sqlite3_int64 size = 0;
        FUZZ_CHECK(f->pMethods->xFileSize(f, &size) == SQLITE_OK);
        out.resize(static_cast<std::size_t>(size));
        FUZZ_CHECK(f->pMethods->xRead(f, out.data(), static_cast<int>(size), 0) == SQLITE_OK);
    }

    // True when the database file is byte for byte `image`; compared a page at a time, no copy made.
    bool holds(std::string_view image) const {
        sqlite3_file* f = file();
        sqlite3_int64 size = 0;
        FUZZ_CHECK(f->pMethods->xFileSize(f, &size) == SQLITE_OK);
        if (static_cast<std::size_t>(size) != image.size()) return false;
        char page[4096];
        for (std::size_t at = 0; at < image.size(); at += sizeof page) {
            const std::size_t n = std::min(sizeof page, image.size() - at);
            FUZZ_CHECK(f->pMethods->xRead(f, page, static_cast<int>(n), static_cast<sqlite3_int64>(at)) == SQLITE_OK);
            if (std::memcmp(page, image.data() + at, n) != 0) return false;
        }
        return true;
    }

  private:
    // The memdb file under the connection (sqlite3_serialize gives no pointer into a shared one).
    sqlite3_file* file() const {
        sqlite3_file* f = nullptr;
        FUZZ_CHECK(sqlite3_file_control(m_db, "main", SQLITE_FCNTL_FILE_POINTER, &f) == SQLITE_OK);
        FUZZ_CHECK(f && f->pMethods);
        return f;
    }

    std::string m_name;
    sqlite3* m_db = nullptr;
};

// The template: the database of an office "FZ01" initialised with id seed 1. Creating the schema and
// the default reference data costs ~14 ms under the sanitizers, so it is done once per process;
// desks copy it. Desks use seed 2, so the ids they make never repeat the template's.
inline const std::string& templateImage() {
    static const std::string image = [] {
        MemoryDatabase db("template");
        core::SimulatedClock clock{fuzzEpoch()};
        auto opened = app::App::open(db.name(), clock, 1, MemoryDatabase::kVfs);
        FUZZ_CHECK(opened.ok());
        FUZZ_CHECK(opened.value()->initialize("FZ01", "fuzz office").ok());
        opened.value().reset();
        std::string bytes;
        db.readInto(bytes);
        FUZZ_CHECK(!bytes.empty());
        return bytes;
    }();
    return image;
}

// An office for one fuzz input: its own copy of the template, opened by an App. The memory goes
// with the desk.
class Desk {
    MemoryDatabase m_db; // first, so closed last: the memory goes with the App's connection

  public:
    core::SimulatedClock clock{fuzzEpoch()};
    std::unique_ptr<app::App> app;

    explicit Desk(const std::string& label) : m_db(label) {}
    Desk(const Desk&) = delete;
    Desk& operator=(const Desk&) = delete;

    MemoryDatabase& database() { return m_db; }
    const MemoryDatabase& database() const { return m_db; }
};

// A new office "FZ01" with the default reference data, signed in as the administrator s10. Its
// database starts byte for byte as templateImage().
inline std::unique_ptr<Desk> freshDesk() {
    static int count = 0;
    auto desk = std::make_unique<Desk>("desk" + std::to_string(++count));
    desk->database().assign(templateImage());
    auto opened = app::App::open(desk->database().name(), desk->clock, 2, MemoryDatabase::kVfs);
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
