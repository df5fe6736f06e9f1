#include <doctest/doctest.h>

#include <cstdio>
#include <sqlite3.h>
#include <string>

#include "store/database.h"

using namespace tousu::store;

namespace {

std::string tempPath(const char* name) {
    std::string p = std::string("/tmp/tousu_test_") + name + ".sqlite";
    std::remove(p.c_str());
    return p;
}

void setUserVersion(const std::string& path, int version) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, ("PRAGMA user_version = " + std::to_string(version)).c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

} // namespace

TEST_CASE("a new database is migrated to the current schema version") {
    auto db = Database::open(":memory:");
    REQUIRE(db.ok());
    CHECK(db.value()->schemaVersion() == Database::kSchemaVersion);
    CHECK(db.value()->exec("SELECT value FROM meta WHERE key = 'created_by'").ok());
}

TEST_CASE("reopening a database keeps its data and does not migrate twice") {
    const std::string path = tempPath("reopen");
    {
        auto db = Database::open(path);
        REQUIRE(db.ok());
        REQUIRE(db.value()->exec("INSERT INTO meta(key, value) VALUES ('office', 'BJ01')").ok());
    }
    auto db = Database::open(path);
    REQUIRE(db.ok());
    CHECK(db.value()->schemaVersion() == Database::kSchemaVersion);
    // A second insert of the same key would fail if the row were gone or the table recreated.
    CHECK_FALSE(db.value()->exec("INSERT INTO meta(key, value) VALUES ('office', 'BJ01')").ok());
}

TEST_CASE("a database from a newer schema is refused and left untouched") {
    const std::string path = tempPath("newer");
    { REQUIRE(Database::open(path).ok()); }
    setUserVersion(path, Database::kSchemaVersion + 5);
    auto db = Database::open(path);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().messageKey == "error.schema_too_new");
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, nullptr);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_int(stmt, 0) == Database::kSchemaVersion + 5);
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
}

TEST_CASE("SQLite is built with FTS5 and its trigram tokenizer") {
    auto db = Database::open(":memory:");
    REQUIRE(db.ok());
    CHECK(db.value()->exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram')").ok());
}
