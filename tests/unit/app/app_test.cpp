#include <doctest/doctest.h>

#include <cstdio>
#include <set>
#include <sqlite3.h>

#include "app/app.h"
#include "app/context.h"
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

// Defaults are the same events on every desk and older than any edit: an office's edit made before a
// desk was set up still wins there (a fresh desk's defaults used to be newer and undo it).
TEST_CASE("desks start with the same defaults, and an edit made before a desk was set up wins over them") {
    core::SimulatedClock clock(core::parseIso8601("2026-11-28T09:00:00+08:00").value());
    auto office = std::move(app::App::open(":memory:", clock, 1).value());
    REQUIRE(office->initialize("BJ01", "北京一营").ok());
    office->setActor({"s10", core::Role::Admin});
    core::Department billing;
    for (const core::Department& d : office->departments())
        if (d.id == "billing") billing = d;
    REQUIRE(billing.id == "billing");
    billing.nameZh = "计费中心";
    REQUIRE(office->settings().saveDepartment(billing).ok());

    clock.jumpBy(30 * 24 * core::kHourMs);
    auto desk = std::move(app::App::open(":memory:", clock, 2).value());
    REQUIRE(desk->initialize("BJ01", "北京一营").ok());
    const auto seeds = [](app::App& a) {
        std::set<std::string> ids;
        const sync::Bundle all = a.exchange().exportBundle({}).value();
        for (const core::Event& e : all.events)
            if (e.origin == app::kSeedOrigin) ids.insert(e.id);
        return ids;
    };
    CHECK(seeds(*desk).size() > 20);
    CHECK(seeds(*desk) == seeds(*office));

    const sync::Bundle fromOffice = office->exchange().exportBundle({}).value();
    auto summary = desk->exchange().importBundle(fromOffice, true);
    REQUIRE(summary.ok());
    CHECK(summary.value().newEvents == 1); // the edit; the defaults were there already
    std::string shown;
    for (const core::Department& d : desk->departments())
        if (d.id == "billing") shown = d.nameZh;
    CHECK(shown == "计费中心");
}
