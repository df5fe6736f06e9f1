// A damaged database file reads as damaged: never as fewer rows (issue: "damage is never silent").
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "store/case_store.h"
#include "store/database.h"
#include "store/exchange.h"
#include "store/queries.h"
#include "store/statement.h"

using namespace tousu;

namespace {

constexpr int kEvents = 3000;

std::string damagedDatabase() {
    const std::string path = "/tmp/tousu_test_damaged.sqlite";
    std::remove(path.c_str());
    {
        auto db = std::move(store::Database::open(path).value());
        const core::Calendar calendar = core::Calendar::clockHours();
        store::CaseStore cases(*db, calendar);
        std::vector<core::Event> events;
        for (int i = 0; i < kEvents; ++i) {
            core::Event e;
            e.id = "e-" + std::to_string(i);
            e.caseId = "c-" + std::to_string(i);
            e.hlc = {1'790'000'000'000 + i, 0};
            e.origin = "dev-a";
            e.type = "investigate"; // no registration: stored, no case row projected
            e.fields = {{"note", std::string(200, 'x') + std::to_string(i)}};
            events.push_back(std::move(e));
        }
        store::Transaction tx(db->handle());
        REQUIRE(cases.insertEvents(events).ok());
        REQUIRE(tx.commit().ok());
    }
    // Overwrite a stretch of pages in the middle of the file, as a failing disk or a bad copy would.
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(0, std::ios::end);
    const std::streamoff size = f.tellg();
    f.seekp(size * 2 / 5);
    const std::string garbage(static_cast<std::size_t>(size / 10), '\x55');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    return path;
}

} // namespace

TEST_CASE("reading the events of a damaged database is an error naming the damage, not a shorter list") {
    const std::string path = damagedDatabase();
    auto db = store::Database::open(path);
    REQUIRE(db.ok());
    auto events = store::eventsAfter(*db.value(), 0);
    REQUIRE_FALSE(events.ok());
    CHECK(events.error().messageKey == "error.database_damaged");
    const core::Calendar calendar = core::Calendar::clockHours();
    store::CaseStore cases(*db.value(), calendar);
    auto digest = cases.digest();
    REQUIRE_FALSE(digest.ok());
    CHECK(digest.error().messageKey == "error.database_damaged");
}

TEST_CASE("a lookup tells no row from a failed read") {
    auto db = std::move(store::Database::open(":memory:").value());
    auto absent = store::getMeta(*db, "no such key");
    REQUIRE(absent.ok());
    CHECK_FALSE(absent.value().has_value());
    REQUIRE(store::setMeta(*db, "k", "v").ok());
    CHECK(store::getMeta(*db, "k").value() == std::optional<std::string>("v"));
    store::Statement broken(*db, "SELECT value FROM no_such_table");
    auto row = broken.row();
    REQUIRE_FALSE(row.ok());
    CHECK(row.error().messageKey == "error.storage");
}
