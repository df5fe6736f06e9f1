// Personal data erased (app/personal_data.h): on request, from every case of the customer, once they
// are closed or cancelled; proven by searching the database file's bytes. An erasure travels in a
// bundle and redacts the other office's copy; the original events arriving again change nothing; a
// retention run erases what is past the years kept, a batch at a time, and resumes after a crash.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/app.h"
#include "core/redact.h"
#include "sync/bundle.h"

using namespace tousu;

namespace {

constexpr const char* kName = "欧阳明远";
constexpr const char* kPhone = "13912345678";
constexpr const char* kAccount = "ACC778899";
constexpr const char* kOtherName = "司马青云";

struct Desk {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::string path;
    std::unique_ptr<app::App> app;
    explicit Desk(std::string file = ":memory:", const char* office = "BJ01") : path(std::move(file)) {
        open();
        REQUIRE(app->initialize(office, std::string(office) + " office").ok());
    }
    void open() {
        app = std::move(app::App::open(path, clock, 11).value());
        app->setActor({"s10", core::Role::Admin});
    }
    std::string registerOne(const char* name, const char* phone, const char* account) {
        const std::string content =
            std::string("我是") + name + "，电话" + phone + "，账户" + account + "的话费多扣了二十元";
        auto ref = app->cases().registerCase(
            {"phone", name, phone, account, "phone", content, "billing", "bill_error", "normal", clock.now()});
        REQUIRE(ref.ok());
        clock.jumpBy(60'000);
        return ref.value().id;
    }
    int found(const std::string& text) {
        core::ListQuery q;
        q.filter.search = text;
        return app->cases().listCases(q).value().total;
    }
};

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every event of the case: no personal field holds anything, no text holds the values.
void checkRedacted(app::App& app, const std::string& caseId) {
    const auto events = app.cases().timeline(caseId);
    REQUIRE(events.ok());
    for (const core::Event& e : events.value())
        for (const auto& field : e.fields) {
            const std::string& key = field.first; // a named variable: clang 16 cannot capture a binding
            const std::string& value = field.second;
            CAPTURE(key);
            if (core::isPersonalField(key)) CHECK(value.empty());
            for (const char* v : {kName, kPhone, kAccount}) CHECK(value.find(v) == std::string::npos);
        }
}

} // namespace

TEST_CASE(
    "an erased customer's name, phone and account are gone from the database file, while cases and figures stay") {
    const std::string path = (std::filesystem::temp_directory_path() / "tousu-erase-test.db").string();
    std::filesystem::remove(path);
    {
        Desk d(path);
        const std::string first = d.registerOne(kName, kPhone, kAccount);
        const std::string second = d.registerOne(kName, kPhone, kAccount);
        const std::string other = d.registerOne(kOtherName, "13700001111", "ACC000111");
        REQUIRE(d.app->cases().cancel(first, "客户撤回").ok());
        const auto preview = d.app->personalData().preview(first).value();
        CHECK(preview.numbers.size() == 2);
        CHECK(preview.open == 1);
        CHECK(d.app->personalData().eraseCustomer(first).error().messageKey == "error.erase_open_cases");
        REQUIRE(d.app->cases().cancel(second, "客户撤回").ok());
        const auto receivedBefore = d.app->statistics().kpis(0, INT64_MAX / 2).value().total.cases;
        REQUIRE(d.app->personalData().eraseCustomer(second).value() == 2);

        for (const std::string& id : {first, second}) {
            const core::Case c = d.app->cases().caseById(id).value();
            CHECK(c.erased);
            CHECK(c.customerName.empty());
            CHECK(c.phone.empty());
            CHECK(c.account.empty());
            CHECK(c.customerKey.empty());
            CHECK(c.content.find(core::kErasedMark) != std::string::npos);
            CHECK(c.content.find("话费多扣了二十元") != std::string::npos); // the complaint itself stays
            checkRedacted(*d.app, id);
        }
        CHECK(d.found(kName) == 0);
        CHECK(d.found(kPhone) == 0);
        CHECK(d.found(kOtherName) == 1);
        CHECK(d.app->statistics().kpis(0, INT64_MAX / 2).value().total.cases == receivedBefore);
        CHECK(d.app->verify().value().empty());
        CHECK(d.app->personalData().eraseCustomer(first).error().messageKey == "error.already_erased");
        const auto log = d.app->auditLog(1).value();
        CHECK(log.front().action == "erase");
        CHECK(log.front().detail == "request, 2 cases");
        (void)other;
    }
    const std::string bytes = fileBytes(path);
    CHECK(bytes.find(kOtherName) != std::string::npos); // the search finds what is there
    CHECK(bytes.find(kName) == std::string::npos);
    CHECK(bytes.find(kPhone) == std::string::npos);
    CHECK(bytes.find(kAccount) == std::string::npos);
    std::filesystem::remove(path);
}

TEST_CASE("an erasure travels in a bundle: the other office's copy is redacted, and the originals sent again change "
          "nothing") {
    Desk a(":memory:", "BJ01"), b(":memory:", "SH01");
    const std::string id = a.registerOne(kName, kPhone, kAccount);
    REQUIRE(a.app->cases().cancel(id, "客户撤回").ok());
    const sync::Bundle before = a.app->exchange().exportBundle({}).value();
    REQUIRE(b.app->exchange().importBundle(before, true).ok());
    CHECK(b.found(kName) == 1);
    REQUIRE(a.app->personalData().eraseCustomer(id).ok());
    REQUIRE(b.app->exchange().importBundle(a.app->exchange().exportBundle({}).value(), true).ok());
    CHECK(b.app->cases().caseById(id).value().erased);
    CHECK(b.found(kName) == 0);
    checkRedacted(*b.app, id);
    CHECK(b.app->digest().value() == a.app->digest().value());
    // The bundle from before the erasure, imported again: the same events, nothing comes back.
    const auto again = b.app->exchange().importBundle(before, true);
    REQUIRE(again.ok());
    CHECK(again.value().newEvents == 0);
    checkRedacted(*b.app, id);
    CHECK(b.app->digest().value() == a.app->digest().value());
}

TEST_CASE("an erasure of a case never seen is kept and harmless: the case arriving later comes redacted") {
    Desk a(":memory:", "BJ01"), c(":memory:", "GZ01");
    const std::string id = a.registerOne(kName, kPhone, kAccount);
    REQUIRE(a.app->cases().cancel(id, "客户撤回").ok());
    const sync::Bundle before = a.app->exchange().exportBundle({}).value();
    REQUIRE(a.app->personalData().eraseCustomer(id).ok());
    sync::Bundle onlyErasure = a.app->exchange().exportBundle({}).value();
    std::erase_if(onlyErasure.events, [](const core::Event& e) { return e.type != "erase"; });
    REQUIRE(onlyErasure.events.size() == 1);
    const auto took = c.app->exchange().importBundle(onlyErasure, true);
    if (!took) FAIL(std::string(took.error().messageKey + " " + took.error().detail));
    CHECK(c.app->cases().caseById(id).value().id.empty()); // no case from an erasure alone
    CHECK(c.found("") == 0);
    CHECK(c.app->verify().value().empty());
    REQUIRE(c.app->exchange().importBundle(before, true).ok());
    CHECK(c.app->cases().caseById(id).value().erased);
    CHECK(c.found(kName) == 0);
    checkRedacted(*c.app, id);
}

TEST_CASE("a retention run erases closed cases past the years kept, a batch at a time, and goes on after a crash") {
    const std::string path = (std::filesystem::temp_directory_path() / "tousu-retention-test.db").string();
    std::filesystem::remove(path);
    Desk d(path);
    const std::string old1 = d.registerOne(kName, kPhone, kAccount);
    const std::string old2 = d.registerOne(kOtherName, "13700001111", "ACC000111");
    const std::string open = d.registerOne("东方既白", "13600002222", "ACC000222");
    REQUIRE(d.app->cases().cancel(old1, "客户撤回").ok());
    REQUIRE(d.app->cases().cancel(old2, "客户撤回").ok());
    CHECK(d.app->personalData().retentionDue().value() == 0);
    d.clock.jumpBy(3 * 365 * 24 * core::kHourMs + core::kHourMs);
    CHECK(d.app->personalData().retentionDue().value() == 2); // the open case is kept whatever its age
    CHECK(d.app->personalData().eraseDue(1).value() == 1);
    CHECK(d.app->personalData().retentionDue().value() == 1);
    d.app.reset(); // the desk closed between two batches, as a crash would
    d.open();
    CHECK(d.app->personalData().retentionDue().value() == 1);
    CHECK(d.app->personalData().eraseDue(50).value() == 1);
    CHECK(d.app->personalData().retentionDue().value() == 0);
    CHECK(d.app->cases().caseById(old1).value().erased);
    CHECK(d.app->cases().caseById(old2).value().erased);
    CHECK_FALSE(d.app->cases().caseById(open).value().erased);
    CHECK(d.app->verify().value().empty());
    CHECK(d.app->auditLog(1).value().front().detail == "retention, 1 cases");
    // Kept longer from now on: nothing is due.
    REQUIRE(d.app->personalData().setRetentionYears(5).ok());
    CHECK(d.app->personalData().retentionYears() == 5);
    CHECK(d.app->personalData().setRetentionYears(0).error().fieldErrors.front().messageKey == "error.retention_years");
    d.app.reset();
    std::filesystem::remove(path);
}

TEST_CASE("an erasure in a bundle by someone who was not an administrator is refused, and nothing is stored") {
    Desk a(":memory:", "BJ01"), b(":memory:", "SH01");
    const std::string id = a.registerOne(kName, kPhone, kAccount);
    REQUIRE(a.app->cases().cancel(id, "客户撤回").ok());
    REQUIRE(b.app->exchange().importBundle(a.app->exchange().exportBundle({}).value(), true).ok());
    REQUIRE(a.app->personalData().eraseCustomer(id).ok());
    sync::Bundle forged = a.app->exchange().exportBundle({}).value();
    for (core::Event& e : forged.events)
        if (e.type == "erase") e.actor = "s01"; // an agent
    const auto refused = b.app->exchange().importBundle(forged, true);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().messageKey == "error.erase_not_administrator");
    CHECK_FALSE(b.app->cases().caseById(id).value().erased);
    CHECK(b.found(kName) == 1);
}
