// Sync between offices: bundles round-trip, import is idempotent, all or nothing, and replicas
// that exchange bundles in any order converge (the property test at the end).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <random>

#include "app/app.h"
#include "app/built_in.h"
#include "app/generator.h"
#include "app/import_job.h"
#include "store/page_vfs.h"
#include <nlohmann/json.hpp>

#include "app/test_office.h"
#include "sync/bundle.h"

using namespace tousu;
using test::Office;

TEST_CASE("export and import into an empty database gives the same digest and consistent projections") {
    Office a("A", 1), b("B", 2);
    const std::string id = a.registerOne();
    REQUIRE(a.app->cases().confirm(id, "sms", "").ok());
    REQUIRE(a.app->cases().classify(id, "service_quality", "network_fault", "normal").ok());
    REQUIRE(a.app->cases().dispatch(id, "network", "s03", a.clock.now() + core::kHourMs).ok());
    a.importFrom(b.exportAll());
    const app::ImportSummary s = b.importFrom(a.exportAll());
    CHECK(s.newCases == 1);
    CHECK(s.updatedCases == 0);
    CHECK(a.digest() == b.digest());
    CHECK(b.app->verify().value().empty());
    const core::Case copy = b.app->cases().caseById(id).value();
    CHECK(copy.state == core::State::Dispatched);
    CHECK(copy.person == "s03");
}

TEST_CASE("importing the same bundle twice changes nothing the second time") {
    Office a("A", 1), b("B", 2);
    a.registerOne();
    const sync::Bundle bundle = a.exportAll();
    const app::ImportSummary first = b.importFrom(bundle);
    const std::string digest = b.digest();
    const std::uint64_t revision = b.app->revision();
    const app::ImportSummary second = b.importFrom(bundle);
    CHECK(first.newEvents == static_cast<int>(bundle.events.size()) - first.duplicates);
    CHECK(second.newEvents == 0);
    CHECK(second.duplicates == static_cast<int>(bundle.events.size()));
    CHECK(second.newCases + second.updatedCases == 0);
    CHECK(b.digest() == digest);
    CHECK(b.app->revision() == revision);
}

TEST_CASE("a dry run reports what an import would do and changes nothing") {
    Office a("A", 1), b("B", 2);
    a.registerOne();
    a.registerOne("手机信号差，通话断断续续");
    const std::string before = b.digest();
    auto preview = b.app->exchange().importBundle(a.exportAll(), false);
    REQUIRE(preview.ok());
    CHECK(preview.value().newCases == 2);
    CHECK(b.digest() == before);
    CHECK(b.caseCount() == 0);
    CHECK(b.importFrom(a.exportAll()).newCases == 2);
    CHECK(b.caseCount() == 2);
}

TEST_CASE("a peer export sends only what that peer has not been sent, and remembers it") {
    Office a("A", 1), b("B", 2);
    a.registerOne();
    const sync::Bundle first = a.exportAll({"B", {}});
    const std::string second = a.registerOne("账单多扣费五十元");
    const sync::Bundle delta = a.exportAll({"B", {}});
    REQUIRE_FALSE(delta.events.empty());
    CHECK(std::all_of(delta.events.begin(), delta.events.end(),
                      [&](const core::Event& e) { return e.caseId == second; }));
    CHECK(a.exportAll({"B", {}}).events.empty());
    CHECK(a.exportAll({"C", {}}).events.size() == first.events.size() + delta.events.size());
    b.importFrom(delta); // out of order: the later delta first
    b.importFrom(first);
    CHECK(b.importFrom(a.exportAll()).newEvents == 0); // b already holds all of a's events
    CHECK(b.app->verify().value().empty());
}

TEST_CASE("a peer export that was never delivered moves no watermark: the next one sends the same events") {
    Office a("A", 1);
    a.registerOne();
    auto undelivered = a.app->exchange().prepareExport({"B", {}});
    REQUIRE(undelivered.ok());
    REQUIRE_FALSE(undelivered.value().bundle.events.empty());
    CHECK(a.app->exchange().peers().empty()); // nothing remembered yet
    auto again = a.app->exchange().prepareExport({"B", {}});
    REQUIRE(again.ok());
    CHECK(again.value().bundle.events.size() == undelivered.value().bundle.events.size());
    REQUIRE(a.app->exchange().markDelivered(again.value()).ok());
    CHECK(a.app->exchange().prepareExport({"B", {}}).value().bundle.events.empty());
}

TEST_CASE("a bundle stamped far in the future (year 9999) is refused whole, and local stamps stay readable") {
    Office a("A", 1), b("B", 2);
    a.registerOne();
    sync::Bundle hostile = a.exportAll();
    core::Event e = hostile.events.back();
    e.id = "e0000000-0000-4000-8000-000000000009";
    e.type = "investigate";
    e.fields = {{"at", e.fields.at("at")}, {"note", "from the far future"}};
    e.prev = e.hlc;
    e.hlc = core::parseHlc("9999999999999999-99999999").value();
    hostile.events.push_back(e);
    const std::string before = b.digest();
    auto refused = b.app->exchange().importBundle(hostile, true);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().messageKey == "error.bundle_hlc_range");
    CHECK(b.digest() == before);
    // A day ahead of this device is already too far; an hour is a clock slightly off, and accepted.
    hostile.events.back().hlc = {b.clock.now() + 25 * core::kHourMs, 0};
    CHECK_FALSE(b.app->exchange().importBundle(hostile, true).ok());
    hostile.events.back().hlc = {b.clock.now() + core::kHourMs, 0};
    REQUIRE(b.app->exchange().importBundle(hostile, true).ok());
    b.registerOne("本机随后登记的投诉：账单多扣费"); // a local write stamped after the accepted one
    CHECK(b.app->verify().value().empty());
    CHECK(b.app->digest().ok());
}

TEST_CASE(
    "a registration with a limit of 9e18 ms for an office on working hours is refused at once, not computed for ever") {
    Office a("A", 1), b("B", 2);
    REQUIRE(b.app->settings().useWorkingHours(std::string(app::builtInCalendarTsv())).ok());
    a.registerOne();
    sync::Bundle hostile = a.exportAll();
    for (core::Event& e : hostile.events)
        if (e.type == "register") {
            e.fields["working_hours"] = "1";
            e.fields["limits"] = "feedback=9223372036854775807";
        }
    const std::string before = b.digest();
    auto refused = b.app->exchange().importBundle(hostile, true);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().messageKey == "error.bundle_limits");
    CHECK(b.digest() == before);
}

TEST_CASE(
    "values no desk writes are refused whole: an out-of-range time, rating or level, an unknown category or actor") {
    Office a("A", 1), b("B", 2);
    const std::string id = a.registerOne();
    const sync::Bundle good = a.exportAll();
    const auto refusal = [&](const char* field, const std::string& value, const char* type = "register") {
        sync::Bundle bundle = good;
        for (core::Event& e : bundle.events)
            if (e.caseId == id && e.type == type) e.fields[field] = value;
        auto r = b.app->exchange().importBundle(bundle, true);
        return r.ok() ? std::string("accepted") : r.error().messageKey;
    };
    const std::string before = b.digest();
    CHECK(refusal("received_at", "-9000000000000000000") == "error.bundle_value");
    CHECK(refusal("received_at", "12abc") == "error.bundle_value");
    CHECK(refusal("category", "refunds") == "error.bundle_value");
    // A registration carries no rating or level: malformed before out of range (a survey's rating of
    // 99999999999 and an escalation to level 2^31 are tests/samples/refused/rating_huge and level_huge).
    CHECK(refusal("rating", "99999999999") == "error.bundle_event");
    CHECK(refusal("level", "2147483648") == "error.bundle_event");
    {
        sync::Bundle bundle = good;
        for (core::Event& e : bundle.events)
            if (e.caseId == id) e.actor = "s404";
        auto r = b.app->exchange().importBundle(bundle, true);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().messageKey == "error.bundle_unknown_reference");
        CHECK(r.error().detail.find("actor s404") != std::string::npos);
    }
    CHECK(b.digest() == before);
    CHECK(refusal("received_at", std::to_string(b.clock.now() - core::kHourMs)) == "accepted");
}

TEST_CASE("a case export carries those cases and the reference data, nothing else") {
    Office a("A", 1), b("B", 2);
    const std::string wanted = a.registerOne();
    a.registerOne("另一件投诉：宽带很慢很慢");
    const std::string number = a.app->cases().caseById(wanted).value().number;
    const sync::Bundle bundle = a.exportAll({"", {number}});
    for (const core::Event& e : bundle.events) CHECK((e.caseId == wanted || e.caseId.empty()));
    CHECK(b.importFrom(bundle).newCases == 1);
    CHECK(b.app->cases().caseIdByNumber(number) == wanted);
    CHECK_FALSE(a.app->exchange().exportBundle({"", {"TS-NOPE-1"}}).ok());
}

TEST_CASE("a masked export hides every customer's name, phone and key but keeps their cases linked") {
    Office a("A", 1), b("B", 2);
    const std::string first = a.registerOne();
    a.clock.jumpBy(core::kHourMs);
    const std::string second = a.registerOne("宽带又断了，第二次投诉");
    app::ExportScope scope;
    scope.maskPersonal = true;
    const sync::Bundle bundle = a.exportAll(scope);
    CHECK(bundle.masked);
    const std::string text = sync::writeBundle(bundle);
    CHECK(text.find("13800138000") == std::string::npos);
    CHECK(b.importFrom(bundle).newCases == 2);
    const core::Case one = b.app->cases().caseById(first).value(), two = b.app->cases().caseById(second).value();
    CHECK(one.customerName == "王*");
    CHECK(one.phone == "138****8000");
    CHECK(one.customerKey.rfind("anon-", 0) == 0);
    CHECK(one.customerKey == two.customerKey);
    CHECK(two.repeatOf == first);
    CHECK(a.app->cases().caseById(first).value().phone == "13800138000");
    const auto keyOf = [&](const sync::Bundle& from) {
        for (const core::Event& e : from.events)
            if (e.caseId == first && e.type == "register") return core::getField(e.fields, "customer_key");
        return std::string();
    };
    CHECK(keyOf(a.exportAll(scope)) != keyOf(bundle)); // a new pseudonym for every export
}

TEST_CASE("an import done a few events per step ends as the whole import at once, with progress rising to 1") {
    Office a("A", 1), b("B", 2), c("B", 2); // b and c start identical
    REQUIRE(b.digest() == c.digest());
    for (int i = 0; i < 6; ++i) {
        const std::string id = a.registerOne();
        REQUIRE(a.app->cases().confirm(id, "sms", "").ok());
        a.clock.jumpBy(core::kHourMs);
    }
    const sync::Bundle bundle = a.exportAll();
    const app::ImportSummary whole = b.importFrom(bundle);

    const std::string before = c.digest();
    for (bool apply : {false, true}) {
        auto job = c.app->exchange().startImport(bundle, apply);
        REQUIRE(job.ok());
        double last = 0;
        int steps = 0;
        for (bool done = false; !done; ++steps) {
            auto st = job.value()->step(3);
            REQUIRE(st.ok());
            done = st.value();
            CHECK(job.value()->progress() >= last);
            last = job.value()->progress();
        }
        CHECK(steps > 10);
        CHECK(last == 1.0);
        const app::ImportSummary& s = job.value()->summary();
        CHECK(s.newCases == whole.newCases);
        CHECK(s.newEvents == whole.newEvents);
        CHECK(s.referenceChanges == whole.referenceChanges);
        if (!apply) CHECK(c.digest() == before); // the preview rolled back
    }
    CHECK(c.digest() == b.digest());
    CHECK(c.app->verify().value().empty());
}

TEST_CASE("the preview of a large import hands nothing to the page store — the import one batch") {
    Office a("A", 1);
    REQUIRE(app::generate(*a.app, a.clock, {1500, 4, a.clock.now(), 30}).ok());
    const sync::Bundle bundle = a.exportAll();
    core::SimulatedClock clock{a.clock.now()}; // after the 30 generated days: the bundle is not from the future
    store::registerPageVfs("tousu-pages-import");
    store::forgetPageFile("import.db");
    int batches = 0;
    store::setPageSink("import.db", [&batches](const store::PageBatch&) { ++batches; });
    auto b = std::move(app::App::open("import.db", clock, 9, "tousu-pages-import").value());
    REQUIRE(b->initialize("B", "B office").ok());
    const int afterSetUp = batches;
    REQUIRE(b->exchange().importBundle(bundle, false).ok()); // far more pages than SQLite's cache holds
    CHECK(batches == afterSetUp);
    REQUIRE(b->exchange().importBundle(bundle, true).ok());
    CHECK(batches == afterSetUp + 1);
    b.reset();
    store::forgetPageFile("import.db");
}

TEST_CASE("a bundle that names unknown staff is refused whole and the database is unchanged") {
    Office a("A", 1), b("B", 2);
    const std::string id = a.registerOne();
    sync::Bundle bundle = a.exportAll({"", {a.app->cases().caseById(id).value().number}});
    bundle.events.erase(std::remove_if(bundle.events.begin(), bundle.events.end(),
                                       [](const core::Event& e) { return e.caseId.empty(); }),
                        bundle.events.end());
    core::Event dispatch = bundle.events.back();
    dispatch.id = "d0000000-0000-4000-8000-000000000001";
    dispatch.type = "dispatch";
    dispatch.hlc.counter += 1;
    dispatch.fields = {{"at", std::to_string(dispatch.hlc.wall)},
                       {"department", "network"},
                       {"person", "s99"},
                       {"expected_at", std::to_string(dispatch.hlc.wall + 48 * core::kHourMs)}};
    bundle.events.push_back(dispatch);
    const std::string before = b.digest();
    auto r = b.app->exchange().importBundle(bundle, true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().messageKey == "error.bundle_unknown_reference");
    CHECK(r.error().detail.find("person s99") != std::string::npos);
    CHECK(b.digest() == before);
    CHECK(b.caseCount() == 0);
}

TEST_CASE("an event id already stored with other content refuses the whole bundle") {
    Office a("A", 1), b("B", 2);
    a.registerOne();
    b.importFrom(a.exportAll());
    a.registerOne("第二件：话费不明扣费");
    sync::Bundle bundle = a.exportAll();
    const std::string before = b.digest();
    const int cases = b.caseCount();
    for (core::Event& e : bundle.events)
        if (e.type == "register") {
            e.fields["content"] = "篡改过的内容";
            break;
        }
    auto r = b.app->exchange().importBundle(bundle, true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().messageKey == "error.event_conflict");
    CHECK(b.digest() == before);
    CHECK(b.caseCount() == cases); // the new case in the same bundle was not applied either
}

TEST_CASE("concurrent edits of one case resolve the same in both offices and are flagged") {
    Office a("A", 1), b("B", 2);
    const std::string id = a.registerOne();
    REQUIRE(a.app->cases().confirm(id, "sms", "").ok());
    REQUIRE(a.app->cases().classify(id, "service_quality", "network_fault", "normal").ok());
    REQUIRE(a.app->cases().dispatch(id, "network", "s03", a.clock.now() + core::kHourMs).ok());
    b.importFrom(a.exportAll());
    a.clock.jumpBy(60000);
    b.clock.jumpBy(60000);
    REQUIRE(a.app->cases().reassign(id, "network", "s04", "张伟休假").ok());
    REQUIRE(b.app->cases().reassign(id, "network", "s03", "仍由张伟处理").ok());
    const app::ImportSummary intoB = b.importFrom(a.exportAll());
    a.importFrom(b.exportAll());
    CHECK(a.digest() == b.digest());
    const core::Case ca = a.app->cases().caseById(id).value(), cb = b.app->cases().caseById(id).value();
    CHECK(ca.person == cb.person);
    CHECK(ca.concurrentEdit);
    CHECK(cb.concurrentEdit);
    REQUIRE(intoB.concurrentCases.size() == 1);
    CHECK(intoB.concurrentCases[0] == ca.number);
}

TEST_CASE("two desks of one office that register while apart give one number twice, and once synced the later "
          "complaint shows it with -2 on both desks") {
    Office a("BJ01", 1), b("BJ01", 2);
    const std::string first = a.registerOne("宽带断网");
    b.clock.jumpBy(60'000);
    const std::string second = b.registerOne("话费多扣");
    const std::string number = a.app->cases().caseById(first).value().number;
    REQUIRE(b.app->cases().caseById(second).value().number == number); // apart, both took the next number
    a.importFrom(b.exportAll());
    b.importFrom(a.exportAll());
    for (Office* desk : {&a, &b}) {
        const core::Case one = desk->app->cases().caseById(first).value();
        const core::Case two = desk->app->cases().caseById(second).value();
        CHECK(one.number == number);
        CHECK(two.number == number + "-2");
        CHECK(two.registeredNumber == number);
        CHECK(desk->app->cases().caseIdByNumber(number + "-2") == second);
        CHECK(desk->app->verify().value().empty());
    }
    CHECK(a.digest() == b.digest());
    // The next complaint on either desk takes a new number.
    CHECK(a.app->cases().caseById(a.registerOne()).value().number > number + "-2");
}

TEST_CASE("a read-only tab refuses imports") {
    Office a("A", 1), b("B", 2);
    a.registerOne();
    b.app->setReadOnly(true);
    auto r = b.app->exchange().importBundle(a.exportAll(), true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().messageKey == "error.read_only");
}

// [SECTION] Convergence property

namespace {

// A random export from `from` to `to`: everything, the peer delta, or some cases; sometimes twice.
void exchange(Office& from, Office& to, std::mt19937_64& rng) {
    app::ExportScope scope;
    const int mode = int(rng() % 3);
    if (mode == 1) scope.peer = to.code;
    if (mode == 2) {
        for (const auto& row : from.cases().rows)
            if (rng() % 2) scope.caseNumbers.push_back(row.number);
        if (scope.caseNumbers.empty()) return;
    }
    sync::Bundle b = from.exportAll(scope);
    std::shuffle(b.events.begin(), b.events.end(), rng); // order within a bundle must not matter
    to.importFrom(b);
    if (rng() % 4 == 0) to.importFrom(b);
}

} // namespace

TEST_CASE("offices that exchange bundles in any order, with repeats and partial exports, converge") {
    const int trials = std::getenv("TOUSU_SYNC_TRIALS") ? std::atoi(std::getenv("TOUSU_SYNC_TRIALS")) : 1000;
    int divergent = 0, events = 0, concurrent = 0;
    for (int trial = 0; trial < trials; ++trial) {
        std::mt19937_64 rng(trial);
        const int n = 3 + int(rng() % 3);
        std::vector<std::unique_ptr<Office>> offices;
        for (int i = 0; i < n; ++i)
            offices.push_back(std::make_unique<Office>("O" + std::to_string(i), trial * 10 + i));
        for (int round = 0; round < 12; ++round) {
            Office& o = *offices[rng() % n];
            o.clock.jumpBy(core::TimeMs(rng() % 600000));
            test::actRandomly(o, rng);
            if (rng() % 2) exchange(*offices[rng() % n], *offices[rng() % n], rng);
        }
        // Then everyone sends everything to everyone (bundles straight from memory: the JSON path was
        // taken above): office j ends with the union once every i before it has sent to it.
        for (int i = 0; i < n; ++i) {
            const sync::Bundle all = offices[i]->app->exchange().exportBundle({}).value();
            for (int j = 0; j < n; ++j) offices[j]->importFrom(all);
        }
        const std::string digest = offices[0]->digest();
        for (auto& o : offices) {
            const bool same = o->digest() == digest && o->app->verify().value().empty() &&
                              o->app->staff().size() == offices[0]->app->staff().size();
            divergent += same ? 0 : 1;
        }
        events += static_cast<int>(offices[0]->app->exchange().exportBundle({}).value().events.size());
        for (const auto& row : offices[0]->cases().rows) concurrent += row.concurrentEdit ? 1 : 0;
    }
    MESSAGE(trials << " trials, " << events << " events, " << concurrent << " concurrently edited cases, " << divergent
                   << " divergent replicas");
    CHECK(divergent == 0);
    CHECK(events > trials * 28); // more than each office's reference data: cases really travelled
}

// [SECTION] Interchange

TEST_CASE("TMF621 export: one ticket per case with every event as a note and the status history") {
    Office a("A", 1);
    const std::string id = a.registerOne();
    REQUIRE(a.app->cases().confirm(id, "sms", "您的投诉已受理").ok());
    REQUIRE(a.app->cases().classify(id, "service_quality", "network_fault", "urgent").ok());
    REQUIRE(a.app->cases().dispatch(id, "network", "s03", a.clock.now() + core::kHourMs).ok());
    REQUIRE(a.app->cases().waitForCustomer(id, "客户出差，下周在家").ok());
    const std::string other = a.registerOne("手机信号差");
    REQUIRE(a.app->cases().cancel(other, "客户撤回").ok());
    std::string out;
    auto count = a.app->exchange().exportTmf(out);
    REQUIRE(count.ok());
    CHECK(count.value() == 2);
    const auto tickets = nlohmann::json::parse(out);
    REQUIRE(tickets.size() == 2);
    const core::Case c = a.app->cases().caseById(id).value();
    const auto& t = tickets[0]["externalId"] == id ? tickets[0] : tickets[1];
    const auto& cancelled = tickets[0]["externalId"] == id ? tickets[1] : tickets[0];
    CHECK(t["id"] == c.number);
    CHECK(t["ticketType"] == "complaint");
    CHECK(t["status"] == "pending");
    CHECK(t["severity"] == "critical");
    CHECK(t["description"] == "家中宽带无法上网，光猫亮红灯");
    CHECK(t["note"].size() == 4); // every event after registration
    const std::string lastNote = t["note"][3]["text"];
    CHECK(lastNote.find("客户出差") != std::string::npos);
    std::vector<std::string> statuses;
    for (const auto& h : t["statusChangeHistory"]) statuses.push_back(h["status"]);
    CHECK(statuses == std::vector<std::string>{"acknowledged", "inProgress", "pending"});
    CHECK(t["relatedParty"][0]["contactMedium"][0]["characteristic"]["phoneNumber"] == "13800138000");
    CHECK(t["relatedParty"][1]["id"] == "s03");
    CHECK(cancelled["status"] == "cancelled");
    CHECK_FALSE(t.contains("attachment"));
}

TEST_CASE("TMF621 export lists a case's files as attachment references, not the withdrawn ones") {
    Office a("A", 2);
    const std::string id = a.registerOne();
    const std::string sha = a.app->attachments().attach(id, "账单.pdf", "%PDF-1.4 账单").value();
    const std::string gone = a.app->attachments().attach(id, "错的.png", "not this one").value();
    REQUIRE(a.app->attachments().withdraw(id, gone, "传错了").ok());
    std::string out;
    REQUIRE(a.app->exchange().exportTmf(out).ok());
    const auto t = nlohmann::json::parse(out)[0];
    REQUIRE(t["attachment"].size() == 1);
    CHECK(t["attachment"][0]["id"] == sha);
    CHECK(t["attachment"][0]["name"] == "账单.pdf");
    CHECK(t["attachment"][0]["mimeType"] == "application/pdf");
    CHECK(t["attachment"][0]["size"]["amount"] == std::string("%PDF-1.4 账单").size());
    CHECK(t["attachment"][0]["@type"] == "AttachmentRef");
}
