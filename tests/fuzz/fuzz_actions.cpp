// Fuzzes the workflow through the app layer: the input bytes drive a sequence of desk actions on a
// fresh office (register cases, pass time, switch staff, take an action on a case, record
// escalations). Besides ASan/UBSan, it checks, with __builtin_trap on failure:
//   1. an action core::allowedActions offers, that the actor's role may take, with valid arguments,
//      succeeds, and leaves the case in core::nextState (except follow-up / customer-responded,
//      whose next state depends on the event);
//   2. an action the workflow does not offer, or the role may not take, is refused and changes
//      nothing (the data revision stays);
//   3. at the end verify() finds every projection consistent with its events, the case list counts
//      every registered case, and the KPIs compute;
//   4. another fresh office that imports this one's full export (through the bundle text) ends with
//      the same digest and consistent projections.
// The arguments are fixed valid values (adapted from tests/unit/app/exchange_test.cpp, actRandomly).
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "sync/bundle.h"

using namespace tousu;
using core::Action;

namespace {

std::string g_calendarTsv; // assets/calendar/cn-2026.tsv, for runs in working hours

struct Actor {
    const char* staffId;
    core::Role role;
};
constexpr Actor kActors[] = {{"s10", core::Role::Admin},
                             {"s01", core::Role::Agent},
                             {"s03", core::Role::Handler},
                             {"s09", core::Role::Supervisor},
                             {"s05", core::Role::Trainer}}; // no step on live data
constexpr const char* kPeople[] = {"s03", "s04", "s05"};
constexpr const char* kMilestones[] = {"initial_investigation", "feedback", "handled", "resolved"};

core::Registration registration(FuzzedDataProvider& in, core::TimeMs now) {
    static const core::Registration kForms[] = {
        {"phone", "王芳", "13800138000", "", "phone", "家中宽带无法上网，光猫亮红灯", "service_quality",
         "network_fault", "normal", 0},
        {"online", "李雷", "13912345678", "", "sms", "话费账单有误，要求核实", "billing", "bill_error", "urgent", 0},
        {"phone", "Zhang Wei", "", "ACC-2026-0001", "email", "新业务办理三天未开通", "business", "slow_new_service", "",
         0},
        {"letter_visit", "陈静", "13800138000", "", "phone", "营业厅服务态度差", "other", "", "important", 0},
    };
    core::Registration r = kForms[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kForms) - 1)];
    r.receivedAt = now - core::TimeMs(in.ConsumeIntegralInRange<int>(0, 7 * 24 * 60)) * 60000;
    if (r.category == "billing" && in.ConsumeBool())
        r.chargeDate = r.receivedAt - core::TimeMs(in.ConsumeIntegralInRange<int>(0, 400)) * 24 * core::kHourMs;
    return r;
}

// The app call for `action` with fixed valid arguments.
core::Status act(app::App& app, Action action, const std::string& id, const std::string& otherNumber, core::TimeMs now,
                 FuzzedDataProvider& in) {
    const char* person = kPeople[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kPeople) - 1)];
    switch (action) {
    case Action::Confirm:
        return app.cases().confirm(id, "sms", in.ConsumeBool() ? "" : "已电话确认");
    case Action::Classify:
        return in.ConsumeBool() ? app.cases().classify(id, "service_quality", "network_fault", "urgent")
                                : app.cases().classify(id, "billing", "", "normal");
    case Action::Dispatch:
        return app.cases().dispatch(id, "network", person, now + core::kHourMs);
    case Action::Investigate:
        return app.cases().investigate(id, "现场检查");
    case Action::RecordContact:
        return app.cases().recordContact(id, "phone", "已联系");
    case Action::WaitForCustomer:
        return app.cases().waitForCustomer(id, "等待客户在家");
    case Action::CustomerResponded:
        return app.cases().customerResponded(id, "客户已回复");
    case Action::ProposeSolution:
        return app.cases().proposeSolution(id, "更换光猫");
    case Action::RejectSolution:
        return app.cases().rejectSolution(id, "客户不同意");
    case Action::Implement:
        return app.cases().implement(id, "已更换");
    case Action::Feedback:
        return app.cases().feedback(id, "已恢复", "phone");
    case Action::Survey:
        return app.cases().survey(id, in.ConsumeIntegralInRange<int>(1, 5), "", in.ConsumeBool());
    case Action::Archive:
        return app.cases().archive(id);
    case Action::FollowUp:
        return app.cases().followUp(id, in.ConsumeBool(), "回访");
    case Action::Reopen:
        return app.cases().reopen(id, "问题复发");
    case Action::Reassign:
        return app.cases().reassign(id, "billing", person, "调整");
    case Action::Cancel:
        return app.cases().cancel(id, "客户撤回");
    case Action::Merge:
        return app.cases().merge(id, otherNumber, "重复投诉");
    case Action::SetDeadline:
        return app.cases().setDeadline(id, kMilestones[in.ConsumeIntegralInRange<std::size_t>(0, 3)],
                                       in.ConsumeIntegralInRange<int>(1, 24), "客户要求加急");
    case Action::Erase: // app/personal_data.h, tested on its own
    case Action::Amend: // the case file's, in every state: tests/unit/app/case_file_test.cpp
    case Action::Note:
    case Action::Message:
    case Action::Attach: // app/attachments.h: tests/unit/app/attachments_test.cpp
    case Action::WithdrawAttachment:
    case Action::Register:
    case Action::Escalate:
        break;
    }
    return core::makeError(core::ErrorCode::NotAllowed, "fuzz.unused");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::ifstream f(TOUSU_SOURCE_DIR "/assets/calendar/cn-2026.tsv", std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    g_calendarTsv = s.str();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    auto desk = fuzz::freshDesk();
    app::App& app = *desk->app;
    if (!g_calendarTsv.empty() && in.ConsumeBool()) FUZZ_CHECK(app.settings().useWorkingHours(g_calendarTsv).ok());

    std::vector<std::string> ids, numbers;
    Actor actor = kActors[0];
    for (int step = 0; step < 64 && in.remaining_bytes() > 0; ++step) {
        const core::TimeMs now = desk->clock.now();
        const int op = in.ConsumeIntegralInRange<int>(0, 15);
        if (op <= 1 || ids.empty()) {
            app.setActor({"s01", core::Role::Agent});
            const auto ref = app.cases().registerCase(registration(in, now));
            app.setActor({actor.staffId, actor.role});
            FUZZ_CHECK(ref.ok());
            ids.push_back(ref.value().id);
            numbers.push_back(ref.value().number);
            continue;
        }
        if (op == 2) { // time passes: up to three days
            desk->clock.jumpBy(core::TimeMs(in.ConsumeIntegralInRange<int>(0, 72 * 60)) * 60000);
            continue;
        }
        if (op == 3) {
            FUZZ_CHECK(app.cases().recordEscalations().ok());
            continue;
        }
        if (op == 4) {
            actor = kActors[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kActors) - 1)];
            app.setActor({actor.staffId, actor.role});
            continue;
        }

        const std::size_t pick = in.ConsumeIntegralInRange<std::size_t>(0, ids.size() - 1);
        const std::string& id = ids[pick];
        const std::string& other = numbers[(pick + 1) % numbers.size()];
        const auto before = app.cases().caseById(id);
        FUZZ_CHECK(before.ok());
        const std::vector<Action> allowed = core::allowedActions(before.value());
        const bool offered = op >= 6 && !allowed.empty();
        Action action;
        if (offered) {
            action = allowed[in.ConsumeIntegralInRange<std::size_t>(0, allowed.size() - 1)];
        } else { // op 5, or nothing is offered: something the workflow does not allow now
            std::vector<Action> refused;
            for (int a = int(Action::Confirm); a < core::kActionCount; ++a)
                if (Action(a) != Action::Escalate && Action(a) < Action::Erase && // the rest have their own rules
                    std::find(allowed.begin(), allowed.end(), Action(a)) == allowed.end())
                    refused.push_back(Action(a));
            action = refused[in.ConsumeIntegralInRange<std::size_t>(0, refused.size() - 1)];
        }
        // Merging into itself is refused as bad input, not by the workflow: only one case so far.
        if (action == Action::Merge && numbers.size() < 2) continue;

        const std::uint64_t revision = app.revision();
        const core::Status st = act(app, action, id, other, now, in);
        const bool mayAct = core::roleMay(actor.role, action) && core::roleMay(actor.role, core::Operation::LiveData);
        if (!offered || !mayAct) { // 2
            if (st.ok())
                std::fprintf(stderr, "%s by %s accepted in state %s\n", core::code(action), core::code(actor.role),
                             core::code(before.value().state));
            FUZZ_CHECK(!st.ok());
            FUZZ_CHECK(st.error().code == core::ErrorCode::NotAllowed);
            FUZZ_CHECK(app.revision() == revision);
            continue;
        }
        if (!st.ok())
            std::fprintf(stderr, "%s in state %s refused: %s %s\n", core::code(action),
                         core::code(before.value().state), st.error().messageKey.c_str(), st.error().detail.c_str());
        FUZZ_CHECK(st.ok()); // 1
        FUZZ_CHECK(app.revision() == revision + 1);
        const auto after = app.cases().caseById(id);
        FUZZ_CHECK(after.ok());
        if (action != Action::FollowUp && action != Action::CustomerResponded)
            FUZZ_CHECK(after.value().state == *core::nextState(before.value().state, action));
    }

    const auto problems = app.verify(); // 3
    FUZZ_CHECK(problems.ok());
    if (!problems.value().empty()) {
        for (const std::string& p : problems.value()) std::fprintf(stderr, "verify: %s\n", p.c_str());
        FUZZ_CHECK(problems.value().empty());
    }
    core::ListQuery all;
    all.limit = 1;
    const auto page = app.cases().listCases(all);
    FUZZ_CHECK(page.ok());
    FUZZ_CHECK(page.value().total == static_cast<int>(ids.size()));
    FUZZ_CHECK(app.statistics().kpis(0, desk->clock.now() + 1).ok());

    app.setActor({"s10", core::Role::Admin});              // a whole export is an administrator's
    const auto exported = app.exchange().exportBundle({}); // 4
    FUZZ_CHECK(exported.ok());
    const auto read = sync::readBundle(sync::writeBundle(exported.value()));
    FUZZ_CHECK(read.ok());
    auto peer = fuzz::freshDesk();
    peer->clock.jumpTo(desk->clock.now()); // the peer lives at the same time: no event is from its future
    const auto imported = peer->app->exchange().importBundle(read.value(), true);
    FUZZ_CHECK(imported.ok());
    FUZZ_CHECK(imported.value().newCases == static_cast<int>(ids.size()));
    FUZZ_CHECK(peer->app->digest().value() == app.digest().value());
    const auto peerProblems = peer->app->verify();
    FUZZ_CHECK(peerProblems.ok() && peerProblems.value().empty());
    return 0;
}
