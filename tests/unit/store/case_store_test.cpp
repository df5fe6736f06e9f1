#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sqlite3.h>

#include "store/case_store.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/queries.h"
#include "store/statement.h"

using namespace tousu;

namespace {

struct Fixture {
    std::unique_ptr<store::Database> db = std::move(store::Database::open(":memory:").value());
    core::Calendar calendar = core::Calendar::clockHours();
    store::CaseStore cases{*db, calendar};
};

core::Event registerEvent(const std::string& caseId, int n, const std::string& name, const std::string& content,
                          core::TimeMs received) {
    core::Event e;
    e.id = "reg-" + caseId;
    e.caseId = caseId;
    e.hlc = {received, 0};
    e.origin = "dev-a";
    e.type = "register";
    char number[32];
    std::snprintf(number, sizeof number, "TS-HQ-20261128-%04d", n);
    e.fields = {{"number", number},
                {"customer_name", name},
                {"content", content},
                {"category", "billing"},
                {"channel", "phone"},
                {"phone", "13800138000"},
                {"received_at", std::to_string(received)},
                {"limits", "handled=259200000"},
                {"at", std::to_string(received)}};
    return e;
}

core::Event actionEvent(const std::string& caseId, const std::string& type, core::TimeMs at, const std::string& id) {
    core::Event e;
    e.id = id;
    e.caseId = caseId;
    e.hlc = {at, 0};
    e.origin = "dev-a";
    e.type = type;
    e.prev = {at - 1, 0};
    e.fields = {{"at", std::to_string(at)}};
    return e;
}

core::ListQuery search(const std::string& text) {
    core::ListQuery q;
    q.filter.search = text;
    q.limit = 100;
    return q;
}

} // namespace

TEST_CASE("a database at schema version 1 is migrated to the current version and keeps its data") {
    const char* path = "/tmp/tousu_test_migrate.sqlite";
    std::remove(path);
    sqlite3* raw = nullptr;
    sqlite3_open(path, &raw);
    REQUIRE(sqlite3_exec(raw, store::migrations()[0].sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_exec(raw, "PRAGMA user_version = 1; INSERT INTO meta(key, value) VALUES ('office_code', 'BJ01')", nullptr,
                 nullptr, nullptr);
    sqlite3_close(raw);
    auto db = store::Database::open(path);
    REQUIRE(db.ok());
    CHECK(db.value()->schemaVersion() == store::Database::kSchemaVersion);
    CHECK(store::getMeta(*db.value(), "office_code").value().value_or("") == "BJ01");
    CHECK(db.value()->exec("INSERT INTO peers(name, last_seq, updated_at) VALUES ('SH02', 0, 0)").ok());
}

TEST_CASE("a database at schema version 7 whose desks gave two complaints one number shows them apart") {
    const char* path = "/tmp/tousu_test_migrate_twins.sqlite";
    std::remove(path);
    sqlite3* raw = nullptr;
    sqlite3_open(path, &raw);
    for (const store::Migration& m : store::migrations())
        if (m.version <= 7) REQUIRE(sqlite3_exec(raw, m.sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    for (const char* id : {"c2", "c1", "c3"}) { // as they arrived
        const std::string sql =
            std::string("INSERT INTO cases VALUES (NULL, '") + id +
            "', 'TS-BJ01-20261206-0007', 'registered', 'phone', 'billing', '', 'normal', '王芳', '', '', '', '', 0, "
            "'', '', 0, 0, 'open', 0, 0, 0, 0, '', 0, 0, 0, 1, '', 0, ''); INSERT INTO cases_fts(rowid, number) "
            "VALUES (last_insert_rowid(), 'TS-BJ01-20261206-0007')";
        REQUIRE(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    sqlite3_exec(raw, "PRAGMA user_version = 7", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    auto db = store::Database::open(path);
    REQUIRE(db.ok());
    store::Statement s(*db.value(),
                       "SELECT c.id, c.number, f.number FROM cases c JOIN cases_fts f ON f.rowid = c.rowid "
                       "ORDER BY c.id");
    std::vector<std::string> shown;
    REQUIRE(s.eachRow([&] { shown.push_back(s.text(0) + " " + s.text(1) + " " + s.text(2)); }).ok());
    CHECK(shown == std::vector<std::string>{"c1 TS-BJ01-20261206-0007 TS-BJ01-20261206-0007",
                                            "c2 TS-BJ01-20261206-0007-2 TS-BJ01-20261206-0007-2",
                                            "c3 TS-BJ01-20261206-0007-3 TS-BJ01-20261206-0007-3"});
}

TEST_CASE("two complaints registered under one number by desks apart: the first keeps it, the next show -2, -3, "
          "whatever order they arrive in") {
    const std::vector<std::string> ids{"c-a", "c-b", "c-c"}; // time-ordered: c-a was registered first
    std::vector<std::string> arrival = ids;
    do {
        CAPTURE(arrival[0] + arrival[1] + arrival[2]);
        Fixture f;
        for (const std::string& id : arrival)
            REQUIRE(f.cases.insertEvents({registerEvent(id, 1, "王芳", "宽带断网 " + id, 1000)}).ok());
        store::Statement s(*f.db, "SELECT id, number FROM cases ORDER BY id");
        std::vector<std::string> shown;
        REQUIRE(s.eachRow([&] { shown.push_back(s.text(0) + " " + s.text(1)); }).ok());
        CHECK(shown == std::vector<std::string>{"c-a TS-HQ-20261128-0001", "c-b TS-HQ-20261128-0001-2",
                                                "c-c TS-HQ-20261128-0001-3"});
        CHECK(f.cases.caseIdByNumber("TS-HQ-20261128-0001-3").value().value_or("") == "c-c");
        CHECK(f.cases.verify().value().empty());
        // Later steps on a twin keep the number it shows.
        REQUIRE(f.cases.insertEvents({actionEvent("c-b", "confirm", 2000, "e-b")}).ok());
        CHECK(f.cases.caseIdByNumber("TS-HQ-20261128-0001-2").value().value_or("") == "c-b");
        CHECK(f.cases.verify().value().empty());
    } while (std::next_permutation(arrival.begin(), arrival.end()));
}

TEST_CASE("inserting events projects the case and the same event twice is stored once") {
    Fixture f;
    const auto reg = registerEvent("c1", 1, "王芳", "宽带经常掉线", 1000);
    auto r = f.cases.insertEvents({reg, actionEvent("c1", "confirm", 2000, "e2")});
    REQUIRE(r.ok());
    CHECK(r.value().inserted == 2);
    auto again = f.cases.insertEvents({reg});
    REQUIRE(again.ok());
    CHECK(again.value().inserted == 0);
    CHECK(again.value().duplicates == 1);
    CHECK(f.cases.eventCount().value() == 2);
    CHECK(f.cases.loadCase("c1").value().state == core::State::Confirmed);
    CHECK(f.cases.verify().value().empty());
}

TEST_CASE("a case that has no events is not found, and reference data of an unknown kind is refused") {
    Fixture f;
    CHECK(f.cases.loadCase("c404").error().messageKey == "error.case_not_found");
    core::Event e = actionEvent("", "ref.colour", 1000, "r1"); // the import gate knows no such kind either
    auto r = f.cases.insertEvents({e});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().messageKey == "error.unknown_reference");
}

TEST_CASE("an event id reused with different content is refused") {
    Fixture f;
    auto reg = registerEvent("c1", 1, "王芳", "宽带经常掉线", 1000);
    REQUIRE(f.cases.insertEvents({reg}).ok());
    reg.fields["content"] = "改过的内容";
    auto r = f.cases.insertEvents({reg});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::Conflict);
}

TEST_CASE("verify notices a projection row that no longer matches its events") {
    Fixture f;
    REQUIRE(f.cases.insertEvents({registerEvent("c1", 1, "王芳", "宽带经常掉线", 1000)}).ok());
    REQUIRE(f.db->exec("UPDATE cases SET state = 'archived'").ok());
    const auto bad = f.cases.verify().value();
    REQUIRE(bad.size() == 1);
    CHECK(bad[0] == "TS-HQ-20261128-0001");
    REQUIRE(f.cases.reproject("c1").ok());
    CHECK(f.cases.verify().value().empty());
}

TEST_CASE("verify notices search text that differs from its case, and index rows of no case") {
    Fixture f;
    REQUIRE(f.cases.insertEvents({registerEvent("c1", 1, "王芳", "宽带经常掉线", 1000)}).ok());
    CHECK(f.cases.verify().value().empty());
    REQUIRE(f.db->exec("UPDATE cases_fts SET content = '别的内容' WHERE rowid = (SELECT rowid FROM cases)").ok());
    CHECK(f.cases.verify().value() == std::vector<std::string>{"TS-HQ-20261128-0001"});
    REQUIRE(f.db->exec("UPDATE cases_fts SET content = '宽带经常掉线' WHERE rowid = (SELECT rowid FROM cases)").ok());
    CHECK(f.cases.verify().value().empty());
    REQUIRE(f.db->exec("INSERT INTO cases_fts(rowid, number, customer_name, phone, content) "
                       "VALUES (999, 'TS-X', '鬼', '', '不存在的投诉')")
                .ok());
    CHECK(f.cases.verify().value() == std::vector<std::string>{"cases_fts"});
}

TEST_CASE("verify notices a reference record that no longer matches its last event") {
    Fixture f;
    const auto staff = [](const char* id, const char* role, core::TimeMs at) {
        core::Event e;
        e.id = std::string("ref-") + id + "-" + std::to_string(at);
        e.hlc = {at, 0};
        e.origin = "dev-a";
        e.actor = "system";
        e.type = "ref.staff";
        e.fields = {{"id", id}, {"name", "周敏"}, {"role", role}, {"department", "d1"}};
        return e;
    };
    REQUIRE(f.cases.insertEvents({staff("s21", "admin", 1000), staff("s21", "agent", 2000)}).ok());
    CHECK(f.cases.verify().value().empty());                                      // the later event won
    REQUIRE(f.db->exec("UPDATE staff SET role = 'admin' WHERE id = 's21'").ok()); // someone edited the table
    const auto bad = f.cases.verify().value();
    REQUIRE(bad.size() == 1);
    CHECK(bad[0] == "ref.staff:s21");
    REQUIRE(
        f.db->exec("INSERT INTO departments(id, name_zh, name_en, head, updated_hlc) VALUES ('x', 'x', 'x', '', '')")
            .ok());
    CHECK(f.cases.verify().value().size() == 2); // a record no event made
}

TEST_CASE("full-text search finds Chinese substrings of content, names and numbers") {
    Fixture f;
    REQUIRE(f.cases
                .insertEvents({registerEvent("c1", 1, "王芳", "家中宽带经常掉线，影响办公", 1000),
                               registerEvent("c2", 2, "李娜", "本月话费多扣了五十元", 2000),
                               registerEvent("c3", 3, "欧阳宽", "营业厅工作人员态度差", 3000)})
                .ok());
    const auto ids = [&](const std::string& text) {
        std::vector<std::string> out;
        const auto page = store::listCases(*f.db, search(text));
        for (const auto& r : page.value().rows) out.push_back(r.id);
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(ids("经常掉线") == std::vector<std::string>{"c1"}); // FTS trigram path
    CHECK(ids("掉线") == std::vector<std::string>{"c1"});     // two characters: LIKE path
    CHECK(ids("宽") == std::vector<std::string>{"c1", "c3"}); // content and name
    CHECK(ids("0002") == std::vector<std::string>{"c2"});     // complaint number
    CHECK(ids("多扣了五十").size() == 1);
    CHECK(ids("不存在的词").empty());
    CHECK(ids("%").empty()); // LIKE wildcards are literal
}

TEST_CASE("paging through a sorted list returns every case exactly once, even with equal keys") {
    Fixture f;
    std::vector<core::Event> events;
    for (int i = 1; i <= 57; ++i)
        events.push_back(registerEvent("c" + std::to_string(i), i, "客户", "内容", 1000 + (i % 5) * 1000));
    REQUIRE(f.cases.insertEvents(events).ok());
    for (bool descending : {true, false}) {
        std::set<std::string> seen;
        core::ListQuery q;
        q.sort = core::SortKey::Received;
        q.descending = descending;
        q.limit = 10;
        core::TimeMs last = descending ? INT64_MAX : INT64_MIN;
        for (q.offset = 0; q.offset < 60; q.offset += 10) {
            const auto page = store::listCases(*f.db, q).value();
            CHECK(page.total == 57);
            for (const auto& r : page.rows) {
                CHECK(seen.insert(r.id).second);
                CHECK((descending ? r.receivedAt <= last : r.receivedAt >= last));
                last = r.receivedAt;
            }
        }
        CHECK(seen.size() == 57);
    }
}

TEST_CASE("filters combine: state, category and overdue") {
    Fixture f;
    REQUIRE(f.cases
                .insertEvents({registerEvent("c1", 1, "甲", "内容", 1000), registerEvent("c2", 2, "乙", "内容", 2000),
                               actionEvent("c2", "confirm", 3000, "e3")})
                .ok());
    core::ListQuery q;
    q.filter.state = "confirmed";
    CHECK(store::listCases(*f.db, q).value().total == 1);
    q.filter = {};
    q.filter.overdueOnly = true;
    q.now = 1000 + 72 * core::kHourMs; // c1 due exactly now: not yet overdue
    CHECK(store::listCases(*f.db, q).value().total == 0);
    q.now = 1000 + 72 * core::kHourMs + 1;
    CHECK(store::listCases(*f.db, q).value().total == 1);
}

TEST_CASE("property: events inserted in any order give the same digest and projections") {
    std::vector<core::Event> events;
    for (int c = 1; c <= 6; ++c) {
        const std::string id = "c" + std::to_string(c);
        events.push_back(registerEvent(id, c, "客户" + id, "内容" + id, c * 100));
        const char* steps[] = {"confirm", "classify", "dispatch", "investigate", "propose_solution"};
        for (int s = 0; s < 1 + c % 5; ++s)
            events.push_back(actionEvent(id, steps[s], c * 100 + (s + 1) * 10, id + "-" + std::to_string(s)));
    }
    std::string reference;
    std::mt19937 rng(7);
    for (int trial = 0; trial < 25; ++trial) {
        Fixture f;
        std::shuffle(events.begin(), events.end(), rng);
        // Insert in random chunks, as partial sync bundles would arrive.
        for (std::size_t i = 0; i < events.size();) {
            const std::size_t n = 1 + rng() % 5;
            std::vector<core::Event> chunk(events.begin() + i, events.begin() + std::min(events.size(), i + n));
            REQUIRE(f.cases.insertEvents(chunk).ok());
            i += n;
        }
        const std::string digest = f.cases.digest().value();
        if (trial == 0) reference = digest;
        CHECK(digest == reference);
        CHECK(f.cases.verify().value().empty());
        CHECK(f.cases.loadCase("c3").value().state == core::State::Investigating);    // 4 steps
        CHECK(f.cases.loadCase("c4").value().state == core::State::SolutionProposed); // 5 steps
    }
}
