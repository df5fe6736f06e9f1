#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app/app.h"
#include "core/deadline.h"
#include "store/queries.h"

using namespace tousu;

namespace {

core::TimeMs at(const char* iso) { return core::parseIso8601(iso).value(); }

struct Desk {
    core::SimulatedClock clock{at("2026-11-28T09:00:00+08:00")};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 42).value());
    Desk() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        app->setActor({"s09", core::Role::Supervisor});
    }

    core::Registration registration(const char* phone = "138 0013 8000", const char* category = "billing") {
        const char* subType = std::string(category) == "billing" ? "bill_error" : ""; // one of the category's
        return {"phone",  "王芳",  phone,    "",         "phone", "本月话费多扣了五十元，要求退费",
                category, subType, "normal", clock.now()};
    }
    // Registered → … → implementing, the steps every closing test needs.
    void toImplementing(const std::string& id) {
        REQUIRE(app->cases().confirm(id, "sms", "").ok());
        REQUIRE(app->cases().classify(id, "billing", "", "").ok());
        REQUIRE(app->cases().dispatch(id, "billing", "s05", clock.now() + core::kHourMs).ok());
        REQUIRE(app->cases().investigate(id, "查").ok());
        REQUIRE(app->cases().proposeSolution(id, "退费").ok());
        REQUIRE(app->cases().implement(id, "已退").ok());
    }
    std::string digest() { return app->digest().value(); }
    void later(core::TimeMs ms) { clock.jumpBy(ms); }
};

} // namespace

TEST_CASE("registering a complaint numbers it per office and day, normalises the phone") {
    Desk d;
    auto a = d.app->cases().registerCase(d.registration());
    auto b = d.app->cases().registerCase(d.registration("13900139000"));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value().number == "TS-BJ01-20261128-0001");
    CHECK(b.value().number == "TS-BJ01-20261128-0002");
    const core::Case c = d.app->cases().caseById(a.value().id).value();
    CHECK(c.phone == "13800138000");
    CHECK(c.state == core::State::Registered);
    CHECK(c.milestones.size() == 1);
}

TEST_CASE("invalid input is refused field by field and nothing is written") {
    Desk d;
    const std::string before = d.digest();
    core::Registration r = d.registration("12345");
    r.customerName = "";
    auto res = d.app->cases().registerCase(r);
    REQUIRE_FALSE(res.ok());
    CHECK(res.error().messageKey == "error.invalid_input"); // 请检查标红的字段, above the marked fields
    REQUIRE(res.error().fieldErrors.size() == 2);
    CHECK(res.error().fieldErrors[0].field == "customer_name");
    CHECK(res.error().fieldErrors[1].messageKey == "error.phone_format");
    CHECK(d.digest() == before);
}

TEST_CASE("each bad form input is refused with its own message on its field, and nothing is written") {
    Desk d;
    const std::string id = d.app->cases().registerCase(d.registration()).value().id;
    // The first field error of a refusal: "field error.key".
    const auto refusal = [](const auto& st) {
        REQUIRE_FALSE(st.ok());
        REQUIRE_FALSE(st.error().fieldErrors.empty());
        return st.error().fieldErrors[0].field + " " + st.error().fieldErrors[0].messageKey;
    };
    core::Registration noContact = d.registration("");
    CHECK(refusal(d.app->cases().registerCase(noContact)) == "customer_phone error.phone_or_account");
    core::Registration wrongSubType = d.registration();
    wrongSubType.subType = "network_fault"; // a service-quality sub-type on a billing complaint
    CHECK(refusal(d.app->cases().registerCase(wrongSubType)) == "sub_type error.unknown_sub_type");
    CHECK(d.app->cases().listCases({}).value().total == 1);
    REQUIRE(d.app->cases().confirm(id, "sms", "").ok());
    REQUIRE(d.app->cases().classify(id, "billing", "bill_error", "normal").ok());
    const std::string classified = d.digest();
    CHECK(refusal(d.app->cases().classify(id, "billing", "network_fault", "normal")) ==
          "sub_type error.unknown_sub_type");
    CHECK(refusal(d.app->cases().dispatch(id, "nowhere", "s05", d.clock.now() + core::kHourMs)) ==
          "department error.unknown_department");
    CHECK(refusal(d.app->cases().dispatch(id, "billing", "nobody", d.clock.now() + core::kHourMs)) ==
          "person error.unknown_person");
    CHECK(refusal(d.app->cases().dispatch(id, "billing", "s05", d.clock.now() - 24 * core::kHourMs)) ==
          "expected_at error.in_past");
    CHECK(refusal(d.app->cases().dispatch(id, "billing", "s05", d.clock.now() + core::kYearMs + 1)) ==
          "expected_at error.over_a_year");
    CHECK(refusal(d.app->cases().survey(id, 7, "", false)) == "rating error.rating_range");
    CHECK(refusal(d.app->cases().merge(id, "TS-BJ01-20261128-9999", "重复")) == "into error.unknown_case");
    CHECK(refusal(d.app->cases().merge(id, d.app->cases().caseById(id).value().number, "重复")) ==
          "into error.unknown_case");
    CHECK(refusal(d.app->cases().setDeadline(id, "feedback", 0, "客户同意延期")) == "limit_hours error.limit_range");
    CHECK(refusal(d.app->cases().setDeadline(id, "feedback", 24 * 365, "客户同意延期")) ==
          "limit_hours error.limit_range");
    CHECK(d.digest() == classified);
}

TEST_CASE("walking a case through every step to archive keeps projections equal to a fresh fold") {
    Desk d;
    const std::string id = d.app->cases().registerCase(d.registration()).value().id;
    const auto step = [&](core::Status st) {
        REQUIRE(st.ok());
        d.later(core::kHourMs);
        REQUIRE(d.app->verify().value().empty());
    };
    step(d.app->cases().confirm(id, "sms", "您的投诉已受理"));
    step(d.app->cases().classify(id, "billing", "bill_error", "important"));
    step(d.app->cases().dispatch(id, "billing", "s05", d.clock.now() + 48 * core::kHourMs));
    step(d.app->cases().investigate(id, "已核实扣费记录"));
    step(d.app->cases().recordContact(id, "phone", "与客户确认扣费时间"));
    step(d.app->cases().waitForCustomer(id, "等待客户提供截图"));
    step(d.app->cases().customerResponded(id, "客户已提供"));
    step(d.app->cases().proposeSolution(id, "退还多扣费用"));
    step(d.app->cases().implement(id, "已提交退费申请"));
    step(d.app->cases().feedback(id, "已退费并告知客户", "phone"));
    step(d.app->cases().survey(id, 5, "满意", false));
    step(d.app->cases().archive(id));
    const core::Case c = d.app->cases().caseById(id).value();
    CHECK(c.state == core::State::Archived);
    CHECK(c.pausedTotalMs == core::kHourMs);
    CHECK(c.milestones[0].metAt > 0);
    CHECK(d.app->cases().timeline(id).value().size() == 13);
}

TEST_CASE("an action the workflow forbids is refused with the state and action, nothing written") {
    Desk d;
    const std::string id = d.app->cases().registerCase(d.registration()).value().id;
    const std::string before = d.digest();
    auto st = d.app->cases().archive(id);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().messageKey == "error.action_not_allowed");
    CHECK(st.error().detail == "archive in registered");
    CHECK(d.digest() == before);
}

TEST_CASE("a role may only do what it is allowed to") {
    Desk d;
    const std::string id = d.app->cases().registerCase(d.registration()).value().id;
    d.app->setActor({"s03", core::Role::Handler});
    auto st = d.app->cases().confirm(id, "sms", "已受理");
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().messageKey == "error.role_not_allowed");
}

TEST_CASE("archived cases are read-only except follow-up and reopen") {
    Desk d;
    const std::string id = d.app->cases().registerCase(d.registration()).value().id;
    d.toImplementing(id);
    REQUIRE(d.app->cases().feedback(id, "已告知", "phone").ok());
    REQUIRE(d.app->cases().survey(id, 0, "", true).ok());
    REQUIRE(d.app->cases().archive(id).ok());
    CHECK_FALSE(d.app->cases().investigate(id, "再查").ok());
    CHECK_FALSE(d.app->cases().reassign(id, "billing", "s06", "换人").ok());
    REQUIRE(d.app->cases().followUp(id, false, "问题再次出现").ok());
    CHECK(d.app->cases().caseById(id).value().state == core::State::Investigating);
}

TEST_CASE("a repeat complaint within 30 days is flagged and linked — after 30 days it is not") {
    Desk d;
    const auto first = d.app->cases().registerCase(d.registration()).value();
    CHECK_FALSE(first.repeat);
    d.later(29 * 24 * core::kHourMs);
    const auto second = d.app->cases().registerCase(d.registration("+86 138-0013-8000")).value();
    CHECK(second.repeat);
    CHECK(d.app->cases().caseById(second.id).value().repeatOf == first.id);
    const auto otherCategory = d.app->cases().registerCase(d.registration("13800138000", "business")).value();
    CHECK_FALSE(otherCategory.repeat);
    d.later(31 * 24 * core::kHourMs);
    CHECK_FALSE(d.app->cases().registerCase(d.registration()).value().repeat);
}

TEST_CASE("dispatch refuses unknown departments and people, and a time in the past") {
    Desk d;
    const std::string id = d.app->cases().registerCase(d.registration()).value().id;
    REQUIRE(d.app->cases().confirm(id, "sms", "").ok());
    REQUIRE(d.app->cases().classify(id, "billing", "", "").ok());
    auto st = d.app->cases().dispatch(id, "nowhere", "nobody", d.clock.now() - core::kHourMs);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().fieldErrors.size() == 3);
    CHECK(d.app->cases().caseById(id).value().state == core::State::Classified);
}

TEST_CASE("escalations are recorded once per level crossed") {
    Desk d;
    const std::string id = d.app->cases().registerCase(d.registration()).value().id; // billing: 72 h
    d.later(44 * core::kHourMs);                                                     // 61 %
    CHECK(d.app->cases().recordEscalations().value() == 1);
    CHECK(d.app->cases().recordEscalations().value() == 0);
    d.later(30 * core::kHourMs); // past the limit
    CHECK(d.app->cases().recordEscalations().value() == 1);
    CHECK(d.app->cases().caseById(id).value().escalationLevel == 3);
}

TEST_CASE("KPIs from the app count what the cases did") {
    Desk d;
    const std::string id = d.app->cases().registerCase(d.registration()).value().id;
    d.app->cases().registerCase(d.registration("13900139000"));
    d.toImplementing(id);
    d.later(10 * core::kHourMs);
    REQUIRE(d.app->cases().feedback(id, "已告知", "phone").ok());
    REQUIRE(d.app->cases().survey(id, 4, "", false).ok());
    const auto k = d.app->statistics().kpis(0, at("2027-01-01T00:00:00+08:00")).value();
    CHECK(k.total.cases == 2);
    CHECK(k.total.decided == 1);
    CHECK(k.total.onTime == 1);
    CHECK(k.total.satisfactionMean() == doctest::Approx(4.0));
    CHECK(k.total.meanHandlingHours() == doctest::Approx(10.0));
    CHECK(k.byPerson.at("s05").cases == 1);
}

TEST_CASE("with the 2026 working calendar a case's limit skips the National Day holiday") {
    Desk d;
    std::ifstream in(TOUSU_SOURCE_DIR "/assets/calendar/cn-2026.tsv");
    std::stringstream tsv;
    tsv << in.rdbuf();
    d.app->setActor({"s10", core::Role::Admin}); // settings are the administrator's
    REQUIRE(d.app->settings().useWorkingHours(tsv.str()).ok());
    d.app->setActor({"s09", core::Role::Supervisor});
    CHECK(d.app->settings().calendarDaysLeft() == 33); // the data ends 2026-12-31; today is 2026-11-28: warn
    core::Registration r = d.registration();
    r.receivedAt = at("2026-09-30T17:00:00+08:00");
    const std::string id = d.app->cases().registerCase(r).value().id;
    const core::Case c = d.app->cases().caseById(id).value();
    CHECK(c.workingHours);
    // 72 working hours of 9 h a day: 30 min on 9-30, none on 10-01..07, then 10-08, 10-09, the
    // Saturday make-up day 10-10, and 10-12..16: the last half hour is not needed (checked by hand
    // and with an independent script).
    const auto s = core::deadlineStatus(c, d.clock.now(), d.app->calendar(), 0.8);
    CHECK(core::formatIso8601(s.at(0).dueAt) == "2026-10-16T17:00:00+08:00");
}

TEST_CASE("a billing dispute over charges older than five months is flagged at intake") {
    Desk d;
    core::Registration r = d.registration();
    r.chargeDate = at("2026-05-01T00:00:00+08:00");
    CHECK(d.app->cases().caseById(d.app->cases().registerCase(r).value().id).value().regulatorIneligible);
    r.chargeDate = at("2026-10-01T00:00:00+08:00");
    CHECK_FALSE(d.app->cases().caseById(d.app->cases().registerCase(r).value().id).value().regulatorIneligible);
}

TEST_CASE("an edited deadline policy applies to new cases only and survives reopening") {
    const char* path = "/tmp/tousu_test_policy.sqlite";
    std::remove(path);
    core::SimulatedClock clock(at("2026-11-28T09:00:00+08:00"));
    std::string oldId;
    {
        auto app = std::move(app::App::open(path, clock, 7).value());
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        app->setActor({"s10", core::Role::Admin});
        const core::Registration r{"phone", "王芳", "13800138000", "", "phone", "话费多扣", "billing",
                                   "",      "",     clock.now()};
        oldId = app->cases().registerCase(r).value().id;
        app->setActor({"s09", core::Role::Supervisor});
        CHECK(app->settings().updatePolicy("billing", {{"handled", 48}}, 72).error().messageKey ==
              "error.role_not_allowed");
        app->setActor({"s10", core::Role::Admin});
        CHECK(app->settings().updatePolicy("billing", {{"feedback", 48}}, 72).error().fieldErrors.at(0).field ==
              "limit_hours");
        REQUIRE(app->settings().updatePolicy("billing", {{"handled", 48}}, 72).ok());
    }
    auto app = std::move(app::App::open(path, clock, 8).value());
    app->setActor({"s10", core::Role::Admin});
    CHECK(core::policyFor(app->policies(), core::Category::Billing)->version == 2);
    const core::Registration r{"phone", "李娜", "13900139000", "", "phone", "话费多扣", "billing", "", "", clock.now()};
    const core::Case fresh = app->cases().caseById(app->cases().registerCase(r).value().id).value();
    CHECK(fresh.milestones.at(0).limitMs == 48 * core::kHourMs);
    CHECK(fresh.policyId == "billing-v2");
    CHECK(app->cases().caseById(oldId).value().milestones.at(0).limitMs == 72 * core::kHourMs); // keeps its policy
}
