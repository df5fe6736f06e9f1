// An office's desk in memory for the sync tests (bundles and live sync): a simulated clock, an
// initialised database, and the random actions of the convergence trials.
#pragma once
#include <doctest/doctest.h>

#include <random>

#include "app/app.h"
#include "core/workflow.h"
#include "sync/bundle.h"

namespace tousu::test {

inline core::TimeMs at(const char* iso) { return core::parseIso8601(iso).value(); }

struct Office {
    core::SimulatedClock clock{at("2026-11-28T09:00:00+08:00")};
    std::unique_ptr<app::App> app;
    std::string code;

    Office(const std::string& officeCode, std::uint64_t seed) : code(officeCode) {
        app = std::move(app::App::open(":memory:", clock, seed).value());
        REQUIRE(app->initialize(officeCode, officeCode + " office").ok());
        app->setActor({"s10", core::Role::Admin});
    }
    std::string registerOne(const char* content = "家中宽带无法上网，光猫亮红灯") {
        core::Registration r{"phone",           "王芳",          "13800138000", "",         "phone", content,
                             "service_quality", "network_fault", "normal",      clock.now()};
        auto ref = app->cases().registerCase(r);
        REQUIRE(ref.ok());
        return ref.value().id;
    }
    // Through the JSON text, as a file between offices would go.
    sync::Bundle exportAll(const app::ExportScope& scope = {}) {
        auto b = app->exchange().exportBundle(scope);
        REQUIRE(b.ok());
        auto back = sync::readBundle(sync::writeBundle(b.value()));
        REQUIRE(back.ok());
        return back.value();
    }
    app::ImportSummary importFrom(const sync::Bundle& b) {
        auto s = app->exchange().importBundle(b, true);
        if (!s) FAIL_CHECK(doctest::String((s.error().messageKey + " " + s.error().detail).c_str()));
        REQUIRE(s.ok());
        return s.value();
    }
    std::string digest() { return app->digest().value(); }
    core::CasePage cases(int limit = 1000) {
        core::ListQuery q;
        q.limit = limit;
        return app->cases().listCases(q).value();
    }
    int caseCount() { return cases(1).total; }
};

// One random action the workflow allows on a random case this office knows; false if none.
inline bool actRandomly(Office& o, std::mt19937_64& rng) {
    const auto rows = o.cases().rows;
    if (rows.empty() || rng() % 4 == 0) {
        o.registerOne(rng() % 2 ? "宽带断网三天" : "话费账单有误，要求核实");
        return true;
    }
    const std::string id = rows[rng() % rows.size()].id;
    const auto allowed = core::allowedActions(o.app->cases().caseById(id).value());
    if (allowed.empty()) return false;
    app::App& app = *o.app;
    const core::TimeMs later = o.clock.now() + core::kHourMs;
    const char* people[] = {"s03", "s04", "s05"};
    const char* person = people[rng() % 3];
    switch (allowed[rng() % allowed.size()]) {
    case core::Action::Confirm:
        return app.cases().confirm(id, "sms", "").ok();
    case core::Action::Classify:
        return app.cases().classify(id, "service_quality", "network_fault", "urgent").ok();
    case core::Action::Dispatch:
        return app.cases().dispatch(id, "network", person, later).ok();
    case core::Action::Investigate:
        return app.cases().investigate(id, "现场检查").ok();
    case core::Action::RecordContact:
        return app.cases().recordContact(id, "phone", "已联系").ok();
    case core::Action::WaitForCustomer:
        return app.cases().waitForCustomer(id, "等待客户在家").ok();
    case core::Action::CustomerResponded:
        return app.cases().customerResponded(id, "客户已回复").ok();
    case core::Action::ProposeSolution:
        return app.cases().proposeSolution(id, "更换光猫").ok();
    case core::Action::RejectSolution:
        return app.cases().rejectSolution(id, "客户不同意").ok();
    case core::Action::Implement:
        return app.cases().implement(id, "已更换").ok();
    case core::Action::Feedback:
        return app.cases().feedback(id, "已恢复", "phone").ok();
    case core::Action::Survey:
        return app.cases().survey(id, 1 + int(rng() % 5), "", false).ok();
    case core::Action::Archive:
        return app.cases().archive(id).ok();
    case core::Action::FollowUp:
        return app.cases().followUp(id, rng() % 3 != 0, "回访").ok();
    case core::Action::Reopen:
        return app.cases().reopen(id, "问题复发").ok();
    case core::Action::Reassign:
        return app.cases().reassign(id, "network", person, "调整").ok();
    case core::Action::Cancel:
        return app.cases().cancel(id, "客户撤回").ok();
    default:
        return false;
    }
}

} // namespace tousu::test
