// Backup and restore: a backup restores to the same content; every kind of bad file is refused
// with its own message and leaves the current data untouched.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sqlite3.h>

#include "app/app.h"
#include "store/database.h"

using namespace tousu;

namespace {

core::TimeMs at(const char* iso) { return core::parseIso8601(iso).value(); }

struct Desk {
    core::SimulatedClock clock{at("2026-11-28T09:00:00+08:00")};
    std::unique_ptr<app::App> app;
    explicit Desk(const char* office, const std::string& path = ":memory:") {
        app = std::move(app::App::open(path, clock, 5).value());
        REQUIRE(app->initialize(office, office).ok());
        REQUIRE(app->signIn("s10").ok()); // restoring is an administrator's
    }
    void registerOne(const char* content) {
        core::Registration r{"phone", "王芳",    "13800138000", "",       "phone",
                             content, "billing", "bill_error",  "normal", clock.now()};
        REQUIRE(app->cases().registerCase(r).ok());
    }
    std::string digest() { return app->digest().value(); }
};

// Edits a backup image with SQL through a temporary file, as a tampering user would.
std::string edited(const std::string& image, const std::string& sql) {
    const auto path = std::filesystem::temp_directory_path() / "tousu-backup-edit.db";
    std::ofstream(path, std::ios::binary).write(image.data(), static_cast<std::streamsize>(image.size()));
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream out;
    out << in.rdbuf();
    std::filesystem::remove(path);
    return out.str();
}

} // namespace

TEST_CASE("a backup restores into another desk as the same content, and is described before") {
    Desk a("A"), b("B");
    a.registerOne("本月话费多扣五十元");
    a.registerOne("套餐变更后仍按原套餐扣费");
    const std::string image = a.app->backups().backup().value();
    auto info = b.app->backups().checkBackup(image);
    REQUIRE(info.ok());
    CHECK(info.value().officeCode == "A");
    CHECK(info.value().cases == 2);
    CHECK(info.value().events > 2);
    REQUIRE(b.app->backups().restore(image).ok());
    CHECK(b.digest() == a.digest());
    CHECK(b.app->verify().value().empty());
    CHECK(b.app->info().officeCode == "A"); // the restored identity, without reopening
}

TEST_CASE("restore replaces a file database durably: reopened, it holds the backup") {
    const std::string path = (std::filesystem::temp_directory_path() / "tousu-restore-test.db").string();
    std::filesystem::remove(path);
    Desk a("A");
    a.registerOne("宽带断网");
    const std::string image = a.app->backups().backup().value();
    {
        Desk b("B", path);
        b.registerOne("另一件投诉：信号差");
        REQUIRE(b.app->backups().restore(image).ok());
    }
    core::SimulatedClock clock{at("2026-11-28T10:00:00+08:00")};
    auto reopened = std::move(app::App::open(path, clock, 9).value());
    CHECK(reopened->digest().value() == a.digest());
    CHECK(reopened->info().officeCode == "A");
    reopened.reset();
    std::filesystem::remove(path);
}

TEST_CASE("bad backup files are refused with their own message and change nothing") {
    Desk a("A"), b("B");
    a.registerOne("本月话费多扣五十元");
    b.registerOne("宽带断网");
    const std::string image = a.app->backups().backup().value();
    const std::string before = b.digest();
    const auto refusal = [&](const std::string& bytes) {
        auto r = b.app->backups().restore(bytes);
        return r.ok() ? std::string("restored") : r.error().messageKey;
    };
    CHECK(refusal("not a database at all, just text that is long enough to have a header ...") ==
          "error.backup_not_sqlite");
    CHECK(refusal(image.substr(0, image.size() / 2)) == "error.backup_corrupt");
    std::string flipped = image;
    for (std::size_t page = 4096; page < flipped.size(); page += 4096) flipped[page] = '\x42'; // no b-tree page type
    CHECK(refusal(flipped) == "error.backup_corrupt");
    CHECK(refusal(edited(image, "PRAGMA user_version = 99")) == "error.schema_too_new");
    CHECK(refusal(edited(image, "DELETE FROM meta WHERE key = 'created_by'")) == "error.backup_not_tousu");
    CHECK(refusal(edited(image, "UPDATE cases SET state = 'archived'")) == "error.backup_inconsistent");
    CHECK(b.digest() == before);
    CHECK(b.app->verify().value().empty());
}

TEST_CASE("a read-only tab cannot restore — the reminder interval is validated and the last backup remembered") {
    Desk a("A");
    CHECK_FALSE(a.app->backups().lastBackupAt().has_value());
    CHECK(a.app->backups().backupReminderDays() == 7);
    const std::string image = a.app->backups().backup().value();
    CHECK(a.app->backups().lastBackupAt() == a.clock.now());
    CHECK(a.app->backups().setBackupReminderDays(30).ok());
    CHECK(a.app->backups().backupReminderDays() == 30);
    CHECK_FALSE(a.app->backups().setBackupReminderDays(0).ok());
    a.app->setReadOnly(true);
    CHECK(a.app->backups().restore(image).error().messageKey == "error.read_only");
}

TEST_CASE("a database that failed to read refuses every write until a backup is restored over it") {
    const std::string path = (std::filesystem::temp_directory_path() / "tousu-damaged-desk.db").string();
    std::filesystem::remove(path);
    Desk desk("BJ01", path);
    for (int i = 0; i < 200; ++i) desk.registerOne("账单多扣了月租费用，请核实并退还");
    const std::string good = desk.app->backups().backup().value();
    const std::string before = desk.digest();
    // The case rows' root page overwritten on disk, under the open desk (a failing disk).
    std::int64_t page = 0, pageSize = 0;
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(raw,
                           "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master "
                           "WHERE name = 'cases'",
                           -1, &s, nullptr);
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        page = sqlite3_column_int64(s, 0);
        pageSize = sqlite3_column_int64(s, 1);
        sqlite3_finalize(s);
        sqlite3_close(raw);
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp((page - 1) * pageSize);
        const std::string garbage(static_cast<std::size_t>(pageSize), '\x55');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    auto reopened = app::App::open(path, desk.clock, 6);
    REQUIRE(reopened.ok());
    app::App& app = *reopened.value();
    REQUIRE(app.signIn("s10").ok());
    CHECK_FALSE(app.cases().listCases({}).ok()); // the damage shows on the first read of the cases
    REQUIRE(app.fault().has_value());
    core::Registration r{"phone", "李雷",   "13900139000",   "", "phone", "宽带断网", "service_quality",
                         "",      "normal", desk.clock.now()};
    auto refused = app.cases().registerCase(r);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().messageKey == "error.database_damaged");
    CHECK(app.settings().setPreference("language", "en").error().messageKey == "error.database_damaged");
    REQUIRE(app.backups().restore(good).ok());
    CHECK_FALSE(app.fault().has_value());
    CHECK(app.digest().value() == before);
    CHECK(app.cases().registerCase(r).ok());
    std::filesystem::remove(path);
}
