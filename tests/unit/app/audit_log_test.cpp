// The device's audit log (审计日志): what it records, by whom, newest first, and never a customer's
// personal data.
#include <doctest/doctest.h>

#include "app/app.h"

using namespace tousu;

namespace {

constexpr const char* kCustomer = "赵小燕";
constexpr const char* kPhone = "13912345678";

struct Desk {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app;
    explicit Desk(std::uint64_t seed) : app(std::move(app::App::open(":memory:", clock, seed).value())) {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        app->setActor({"s10", core::Role::Admin});
    }
    std::vector<core::AuditEntry> log() {
        app->setActor({"s10", core::Role::Admin});
        return app->auditLog(-1).value();
    }
};

std::string lineOf(const core::AuditEntry& e) { return e.actor + " " + e.action + " " + e.detail; }

bool has(const std::vector<core::AuditEntry>& log, const std::string& line) {
    for (const auto& e : log)
        if (lineOf(e) == line) return true;
    return false;
}

} // namespace

TEST_CASE("the audit log records sign-ins, settings, exports, backups, imports and restores, newest first") {
    Desk office(1);
    REQUIRE(office.app->cases()
                .registerCase({"phone", kCustomer, kPhone, "", "phone", "话费多扣了二十元", "billing", "bill_error",
                               "normal", office.clock.now()})
                .ok());
    REQUIRE(office.app->access().secure("s10", "管理员的长口令呀").ok());
    REQUIRE(office.app->access().setSecret("s03", "4321").ok());
    CHECK_FALSE(office.app->signIn("s03", "1111").ok());
    office.clock.jumpBy(1000); // the wrong entry's wait
    REQUIRE(office.app->signIn("s03", "4321").ok());
    office.app->setActor({"s10", core::Role::Admin});
    const std::string newcomer = office.app->settings().saveStaff({"", "林新", "agent", "customer_service"}).value();
    REQUIRE(office.app->exchange().exportBundle({"", {}, true}).ok());
    const sync::Bundle whole = office.app->exchange().exportBundle({"SH01", {}, false}).value();
    const std::string backup = office.app->backups().backup().value();

    const auto log = office.log();
    CHECK(has(log, "s10 pin_set s03"));
    CHECK(has(log, "s10 sign_in_failed s03"));
    CHECK(has(log, "s03 sign_in "));
    CHECK(has(log, "s10 staff " + newcomer + " agent"));
    CHECK(has(log, "s10 export masked bundle, " + std::to_string(whole.events.size()) + " events"));
    CHECK(has(log, "s10 export whole bundle, " + std::to_string(whole.events.size()) + " events for SH01"));
    CHECK(has(log, "s10 backup "));
    REQUIRE(log.size() >= 7);
    for (std::size_t i = 1; i < log.size(); ++i) CHECK(log[i - 1].seq > log[i].seq); // newest first
    CHECK(office.app->auditCount().value() == std::int64_t(log.size()));

    Desk other(2);
    REQUIRE(other.app->exchange().importBundle(whole, false).ok()); // a preview changes nothing, records nothing
    const auto imported = other.app->exchange().importBundle(whole, true).value();
    CHECK(has(other.log(), "s10 import " + std::to_string(imported.newEvents) + " new events from office BJ01 (" +
                               whole.origin + ")"));
    CHECK(other.log().size() == 1);
    REQUIRE(other.app->backups().restore(backup).ok());
    const auto restored = other.log(); // the backup's log, and the restore on top
    CHECK(lineOf(restored.front()) == "s10 restore a backup of office BJ01, 1 cases");
    CHECK(has(restored, "s10 staff " + newcomer + " agent"));

    for (const auto& e : office.log()) { // ids and counts only
        CHECK(lineOf(e).find(kCustomer) == std::string::npos);
        CHECK(lineOf(e).find(kPhone) == std::string::npos);
    }
}

TEST_CASE("a suggestion is not in the audit log, and only administrators read it") {
    Desk d(3);
    REQUIRE(d.app->suggestions().add("staff", "打印机经常卡纸").ok());
    CHECK(d.log().empty());
    d.app->setActor({"s09", core::Role::Supervisor});
    CHECK(d.app->auditLog(10).error().messageKey == "error.role_not_allowed");
}
