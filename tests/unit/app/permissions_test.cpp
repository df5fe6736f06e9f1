// The table of who may do what (core::roleMay), walked whole through App: every role against every
// workflow step and every other operation. What the table refuses comes back as error.role_not_allowed
// before anything is read or written; what it allows never does.
#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "app/app.h"
#include "app/context.h"
#include "core/sha256.h"

using namespace tousu;
using core::Action;
using core::Operation;
using core::Role;

namespace {

constexpr Role kRoles[] = {Role::Agent, Role::Handler, Role::Supervisor, Role::Admin, Role::Trainer};

struct Desk {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 7).value());
    Desk() { REQUIRE(app->initialize("BJ01", "北京一营").ok()); }
    std::string registerAsAdmin() {
        app->setActor({"s10", Role::Admin});
        auto ref = app->cases().registerCase({"phone", "王芳", "13800138000", "", "phone", "话费多扣了二十元",
                                              "billing", "bill_error", "normal", clock.now()});
        REQUIRE(ref.ok());
        REQUIRE(app->attachments().attach(ref.value().id, "录音.mp3", "attached by the administrator").ok());
        return ref.value().id;
    }
};

bool refusedForRole(const core::Status& st) { return !st && st.error().messageKey == "error.role_not_allowed"; }
template <class T> core::Status statusOf(const core::Result<T>& r) {
    if (r) return core::Ok{};
    return r.error();
}

// Each step with arguments that are valid on their own, so only the role or the case's state can refuse.
using Step = std::function<core::Status(app::App&, const std::string&, core::TimeMs)>;
const std::map<Action, Step>& steps() {
    static const std::map<Action, Step> all = {
        {Action::Register,
         [](app::App& a, const std::string&, core::TimeMs now) {
             return statusOf(a.cases().registerCase({"phone", "李雷", "13900139000", "", "phone", "宽带晚上经常断线",
                                                     "service_quality", "unstable_internet", "normal", now}));
         }},
        {Action::Confirm,
         [](app::App& a, const std::string& id, auto) { return a.cases().confirm(id, "phone", "已确认"); }},
        {Action::Classify, [](app::App& a, const std::string& id,
                              auto) { return a.cases().classify(id, "billing", "bill_error", "normal"); }},
        {Action::Dispatch,
         [](app::App& a, const std::string& id, core::TimeMs now) {
             return a.cases().dispatch(id, "billing", "s05", now + core::kHourMs);
         }},
        {Action::Investigate,
         [](app::App& a, const std::string& id, auto) { return a.cases().investigate(id, "核查"); }},
        {Action::RecordContact,
         [](app::App& a, const std::string& id, auto) { return a.cases().recordContact(id, "phone", "已联系"); }},
        {Action::WaitForCustomer,
         [](app::App& a, const std::string& id, auto) { return a.cases().waitForCustomer(id, "等客户提供账单"); }},
        {Action::CustomerResponded,
         [](app::App& a, const std::string& id, auto) { return a.cases().customerResponded(id, "已提供"); }},
        {Action::ProposeSolution,
         [](app::App& a, const std::string& id, auto) { return a.cases().proposeSolution(id, "退还二十元"); }},
        {Action::RejectSolution,
         [](app::App& a, const std::string& id, auto) { return a.cases().rejectSolution(id, "金额不对"); }},
        {Action::Implement, [](app::App& a, const std::string& id, auto) { return a.cases().implement(id, "已退费"); }},
        {Action::Feedback,
         [](app::App& a, const std::string& id, auto) { return a.cases().feedback(id, "已退费", "phone"); }},
        {Action::Survey,
         [](app::App& a, const std::string& id, auto) { return a.cases().survey(id, 5, "满意", false); }},
        {Action::Archive, [](app::App& a, const std::string& id, auto) { return a.cases().archive(id); }},
        {Action::FollowUp,
         [](app::App& a, const std::string& id, auto) { return a.cases().followUp(id, true, "没有再扣"); }},
        {Action::Reopen, [](app::App& a, const std::string& id, auto) { return a.cases().reopen(id, "又扣了"); }},
        {Action::Reassign,
         [](app::App& a, const std::string& id, auto) { return a.cases().reassign(id, "billing", "s06", "换人"); }},
        {Action::Cancel, [](app::App& a, const std::string& id, auto) { return a.cases().cancel(id, "客户撤回"); }},
        {Action::Merge,
         [](app::App& a, const std::string& id, auto) { return a.cases().merge(id, "TS-BJ01-20261128-0001", "重复"); }},
        {Action::Escalate,
         [](app::App& a, const std::string&, auto) { return statusOf(a.cases().recordEscalations()); }},
        {Action::SetDeadline, [](app::App& a, const std::string& id,
                                 auto) { return a.cases().setDeadline(id, "feedback", 24, "客户同意"); }},
        {Action::Erase,
         [](app::App& a, const std::string& id, auto) { return statusOf(a.personalData().eraseCustomer(id)); }},
        {Action::Amend,
         [](app::App& a, const std::string& id, auto) {
             return a.cases().amend(id, {{"customer_name", "王芳芳"}}, "姓名记错");
         }},
        {Action::Note, [](app::App& a, const std::string& id, auto) { return a.cases().addNote(id, "客户下午方便"); }},
        {Action::Message,
         [](app::App& a, const std::string& id, auto) { return a.cases().messageCustomer(id, "sms", "正在处理"); }},
        {Action::Attach, [](app::App& a, const std::string& id,
                            auto) { return statusOf(a.attachments().attach(id, "账单.png", "not really a picture")); }},
        {Action::WithdrawAttachment,
         [](app::App& a, const std::string& id, auto) {
             return a.attachments().withdraw(id, core::sha256Hex("attached by the administrator"), "传错了");
         }},
    };
    return all;
}

} // namespace

TEST_CASE("every role against every workflow step: refused by the app exactly where the table says") {
    REQUIRE(steps().size() == std::size_t(core::kActionCount));
    for (const Role role : kRoles) {
        for (const auto& [action, step] : steps()) {
            if (action == Action::Escalate) continue; // recorded by the desk itself, as "system" (below)
            const std::string roleCode = core::code(role);
            CAPTURE(roleCode);
            const std::string actionCode = core::code(action);
            CAPTURE(actionCode);
            Desk d;
            const std::string id = d.registerAsAdmin();
            d.app->setActor({"s05", role});
            const core::Status st = step(*d.app, id, d.clock.now());
            const std::string outcome = st ? "ok" : st.error().messageKey + " " + st.error().detail;
            CAPTURE(outcome);
            const bool may = core::roleMay(role, action) && core::roleMay(role, Operation::LiveData);
            CHECK(refusedForRole(st) == !may);
        }
    }
}

TEST_CASE("every role against every other operation: refused by the app exactly where the table says") {
    Desk office;
    office.registerAsAdmin();
    const std::string backup = office.app->backups().backup().value();
    const sync::Bundle bundle = office.app->exchange().exportBundle({}).value();
    for (const Role role : kRoles) {
        const std::string roleCode = core::code(role);
        CAPTURE(roleCode);
        Desk d;
        d.app->setActor({"s05", role});
        std::string tmf;
        const std::pair<Operation, core::Status> tried[] = {
            {Operation::ExportMasked, statusOf(d.app->exchange().exportBundle({"", {}, true}))},
            {Operation::ExportWhole, statusOf(d.app->exchange().exportBundle({"", {}, false}))},
            {Operation::ExportWhole, statusOf(d.app->exchange().exportTmf(tmf))},
            {Operation::ImportBundle, statusOf(d.app->exchange().importBundle(bundle, false))},
            {Operation::Backup, statusOf(d.app->backups().backup())},
            {Operation::Restore, d.app->backups().restore(backup)},
            {Operation::EditSettings, statusOf(d.app->settings().saveDepartment({"legal", "法务部", "Legal", ""}))},
            {Operation::ReadAudit, statusOf(d.app->auditLog(10))},
            {Operation::ReadAudit, statusOf(d.app->auditCount())},
        };
        for (const auto& [operation, st] : tried) {
            const std::string operationCode = core::code(operation);
            CAPTURE(operationCode);
            CHECK(refusedForRole(st) == !core::roleMay(role, operation));
            CHECK(d.app->may(operation) == core::roleMay(role, operation));
        }
    }
}

TEST_CASE("the table itself: settings, restore and the audit log only for administrators, whole exports and "
          "backups also for supervisors, a trainer's steps only in training") {
    for (const Role role : kRoles) {
        const std::string roleCode = core::code(role);
        CAPTURE(roleCode);
        CHECK(core::roleMay(role, Operation::Restore) == (role == Role::Admin));
        CHECK(core::roleMay(role, Operation::EditSettings) == (role == Role::Admin));
        CHECK(core::roleMay(role, Operation::ReadAudit) == (role == Role::Admin));
        CHECK(core::roleMay(role, Operation::ExportWhole) == (role == Role::Admin || role == Role::Supervisor));
        CHECK(core::roleMay(role, Operation::Backup) == core::roleMay(role, Operation::ExportWhole));
        CHECK(core::roleMay(role, Operation::ExportMasked));
        CHECK(core::roleMay(role, Operation::LiveData) == (role != Role::Trainer));
    }
}

TEST_CASE("a trainer takes every step in a training workspace, none on the office's cases, and escalations "
          "are the desk's own") {
    Desk live;
    live.registerAsAdmin();
    live.app->setActor({"s05", Role::Trainer});
    CHECK(refusedForRole(steps().at(Action::Register)(*live.app, "", live.clock.now())));
    Desk training;
    training.app->setTrainingWorkspace();
    training.app->setActor({"s05", Role::Trainer});
    CHECK(steps().at(Action::Register)(*training.app, "", training.clock.now()).ok());
    CHECK(training.app->may(Operation::Restore));
    for (const Role role : kRoles) { // recordEscalations acts as "system" whoever is signed in
        live.app->setActor({"s05", role});
        CHECK(live.app->cases().recordEscalations().ok());
    }
}

namespace {

// An office where the administrator made a newcomer a supervisor, and what it exports.
struct Promotion {
    Desk office;
    std::string newcomer;
    sync::Bundle bundle;
    Promotion() {
        office.app->setActor({"s10", Role::Admin});
        newcomer = office.app->settings().saveStaff({"", "林新", "supervisor", "quality"}).value();
        bundle = office.app->exchange().exportBundle({}).value();
    }
    core::Event& promotion() {
        for (core::Event& e : bundle.events)
            if (e.type == "ref.staff" && core::getField(e.fields, "id") == newcomer) return e;
        FAIL("no promotion");
        return bundle.events.front();
    }
};

std::string importedRole(const sync::Bundle& bundle, const std::string& staffId, std::string* refusal) {
    Desk d;
    d.app->setActor({"s10", Role::Admin});
    auto imported = d.app->exchange().importBundle(bundle, true);
    if (!imported) *refusal = imported.error().messageKey + " " + imported.error().detail;
    for (const core::StaffMember& s : d.app->staff())
        if (s.id == staffId) return s.role;
    return "";
}

} // namespace

TEST_CASE("imported staff records change a role only when an administrator of that time recorded them") {
    std::string refusal;
    Promotion made;
    CHECK(importedRole(made.bundle, made.newcomer, &refusal) == "supervisor"); // the administrator did it
    CHECK(refusal.empty());

    Promotion byAgent; // the same record, as if an agent had written it
    byAgent.promotion().actor = "s01";
    CHECK(importedRole(byAgent.bundle, byAgent.newcomer, &refusal).empty());
    CHECK(refusal.rfind("error.role_change", 0) == 0);
    CHECK(refusal.find("s01 made " + byAgent.newcomer + " supervisor") != std::string::npos);

    Promotion bySystem; // "system" writes only the defaults every desk starts with
    bySystem.promotion().actor = "system";
    refusal.clear();
    CHECK(importedRole(bySystem.bundle, bySystem.newcomer, &refusal).empty());
    CHECK(refusal.rfind("error.role_change", 0) == 0);

    // An agent whom the administrator makes one an hour later was not one when they raised themselves.
    Promotion early;
    early.office.clock.jumpBy(core::kHourMs);
    REQUIRE(early.office.app->settings().saveStaff({"s01", "王芳", "admin", "customer_service"}).ok());
    early.bundle = early.office.app->exchange().exportBundle({}).value();
    core::Event selfMade = early.promotion();
    selfMade.id = "forged-1";
    selfMade.actor = "s01";
    selfMade.fields = {{"id", "s01"},
                       {"name", "王芳"},
                       {"role", "admin"},
                       {"department", "customer_service"},
                       {"at", selfMade.fields.at("at")}};
    selfMade.hlc.counter += 100; // after the newcomer's promotion, before the administrator's of s01
    early.bundle.events.push_back(selfMade);
    refusal.clear();
    CHECK(importedRole(early.bundle, "s01", &refusal) == "agent");
    CHECK(refusal.find("s01 made s01 admin") != std::string::npos);
}

TEST_CASE("an administrator's demotion of someone arrives, the same from a supervisor does not") {
    for (const Role by : {Role::Admin, Role::Supervisor}) {
        Desk office;
        office.app->setActor({"s10", Role::Admin});
        REQUIRE(office.app->settings().saveStaff({"s09", "周杰", "agent", "quality"}).ok());
        sync::Bundle bundle = office.app->exchange().exportBundle({}).value();
        if (by == Role::Supervisor)
            for (core::Event& e : bundle.events)
                if (e.type == "ref.staff" && e.origin != app::kSeedOrigin) e.actor = "s09"; // demoting themselves?
        std::string refusal;
        CHECK(importedRole(bundle, "s09", &refusal) == (by == Role::Admin ? "agent" : "supervisor"));
        CHECK(refusal.empty() == (by == Role::Admin));
    }
}
