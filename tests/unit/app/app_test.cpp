#include <doctest/doctest.h>

#include <cstdio>
#include <sqlite3.h>

#include "app/app.h"
#include "store/database.h"

using namespace tousu;

TEST_CASE("the app opens a fresh database at the current schema and reports its version") {
    core::SimulatedClock clock(0);
    auto app = app::App::open(":memory:", clock, 1);
    REQUIRE(app.ok());
    CHECK(app.value()->info().schemaVersion == store::Database::kSchemaVersion);
    CHECK_FALSE(app.value()->info().version.empty());
}

TEST_CASE("the app passes on the store's refusal of a newer database as a message key") {
    const char* path = "/tmp/tousu_test_app_newer.sqlite";
    std::remove(path);
    sqlite3* raw = nullptr;
    sqlite3_open(path, &raw);
    sqlite3_exec(raw, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    core::SimulatedClock clock(0);
    auto app = app::App::open(path, clock, 1);
    REQUIRE_FALSE(app.ok());
    CHECK(app.error().messageKey == "error.schema_too_new");
}
