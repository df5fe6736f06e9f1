// The work queue's questions to the store: unassigned, near the limit, overdue, follow-ups due,
// and who is signed in.
#include <doctest/doctest.h>

#include "app/app.h"
#include "case_steps.h"
#include "core/deadline.h"
#include "store/database.h"
#include "store/queries.h"

#include <filesystem>

using namespace tousu;

namespace {

core::TimeMs at(const char* iso) { return core::parseIso8601(iso).value(); }

struct Desk {
    core::SimulatedClock clock{at("2026-11-28T09:00:00+08:00")};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 7).value());
    Desk() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        REQUIRE(app->signIn("s09").ok());
    }
    std::string registerOne(const char* category = "service_quality", const char* importance = "normal") {
        core::Registration r{"phone",  "王芳", "13800138000", "",         "phone", "宽带断网，光猫红灯",
                             category, "",     importance,    clock.now()};
        return app->cases().registerCase(r).value().id;
    }
    int count(core::ListFilter f) {
        core::ListQuery q;
        q.filter = std::move(f);
        q.limit = 0;
        return app->cases().listCases(q).value().total;
    }
    void resolve(const std::string& id) { test::feedBack(*app, id); }
};

core::ListFilter unassigned() {
    core::ListFilter f;
    f.unassignedOnly = true;
    return f;
}
core::ListFilter near() {
    core::ListFilter f;
    f.nearOnly = true;
    return f;
}
core::ListFilter overdue() {
    core::ListFilter f;
    f.overdueOnly = true;
    return f;
}
core::ListFilter followUps() {
    core::ListFilter f;
    f.followUpDueOnly = true;
    return f;
}

} // namespace

TEST_CASE("a new case is unassigned until dispatched, then belongs to its person and department") {
    Desk d;
    const std::string id = d.registerOne();
    CHECK(d.count(unassigned()) == 1);
    test::dispatchToNetwork(*d.app, id);
    CHECK(d.count(unassigned()) == 0);
    core::ListFilter mine;
    mine.person = "s03";
    mine.openOnly = true;
    CHECK(d.count(mine) == 1);
}

TEST_CASE("someone's to-do: the cases they are responsible for and those waiting on a desk step their role may take") {
    Desk d;
    d.registerOne(); // waits on its confirmation: the desk's
    const std::string dispatched = d.registerOne();
    test::dispatchToNetwork(*d.app, dispatched);
    const std::string fedBack = d.registerOne();
    d.resolve(fedBack); // s03's work is done; it waits on the survey, the desk's
    const std::string cancelled = d.registerOne();
    REQUIRE(d.app->cases().cancel(cancelled, "重复").ok());
    CHECK(d.count(core::todoOf("s01", core::Role::Agent)) == 2);   // the confirmation and the survey
    CHECK(d.count(core::todoOf("s03", core::Role::Handler)) == 1); // the one being handled
    CHECK(d.count(core::todoOf("s04", core::Role::Handler)) == 0); // nobody's work is another handler's
    CHECK(d.count(core::todoOf("s09", core::Role::Supervisor)) == 2);
    REQUIRE(d.app->cases().survey(fedBack, 5, "", false).ok());
    CHECK(d.count(core::todoOf("s01", core::Role::Agent)) == 2); // now its archiving
    REQUIRE(d.app->cases().archive(fedBack).ok());
    CHECK(d.count(core::todoOf("s01", core::Role::Agent)) == 1);
}

TEST_CASE(
    "a new complaint's suggested assignee: the office's habit for its sub-type or category, the least loaded handler") {
    Desk d;
    CHECK(d.app->cases().suggestAssignee("billing", "").department == "billing"); // no habit yet: the default
    CHECK(d.app->cases().suggestAssignee("billing", "").person == "s05");
    const auto dispatchTo = [&](const char* category, const char* subType, const char* department, const char* person) {
        core::Registration r{"phone",      "王芳",   "13800138000", "",       "phone",
                             "账单有问题", category, subType,       "normal", d.clock.now()};
        const std::string id = d.app->cases().registerCase(r).value().id;
        REQUIRE(d.app->cases().confirm(id, "sms", "").ok());
        REQUIRE(d.app->cases().classify(id, category, subType, "").ok());
        REQUIRE(d.app->cases().dispatch(id, department, person, d.clock.now() + core::kHourMs).ok());
    };
    dispatchTo("billing", "", "billing", "s05");
    CHECK(d.app->cases().suggestAssignee("billing", "").person == "s06"); // s05 has one open, s06 none
    // This office sends quality complaints about packages to business support: it learns that.
    dispatchTo("service_quality", "", "business", "s07");
    dispatchTo("service_quality", "", "business", "s07");
    dispatchTo("service_quality", "", "network", "s03");
    const app::Assignee quality = d.app->cases().suggestAssignee("service_quality", "");
    CHECK(quality.department == "business");
    CHECK(quality.person == "s08");
    dispatchTo("billing", "bill_error", "quality", "s09");
    CHECK(d.app->cases().suggestAssignee("billing", "bill_error").department == "quality"); // the sub-type's
    CHECK(d.app->cases().suggestAssignee("billing", "").department == "billing");           // the category's
    CHECK(d.app->cases().suggestAssignee("billing", "bill_error").person.empty());          // no handler in quality
}

TEST_CASE("a case is near its limit from 80 % of the time used, overdue after it") {
    Desk d;
    d.registerOne("service_quality"); // first milestone: 24 h
    d.clock.jumpBy(19 * core::kHourMs);
    CHECK(d.count(near()) == 0);
    CHECK(d.count(overdue()) == 0);
    d.clock.jumpBy(core::kHourMs); // 20 h of 24: 83 %
    CHECK(d.count(near()) == 1);
    CHECK(d.count(overdue()) == 0);
    d.clock.jumpBy(5 * core::kHourMs);
    CHECK(d.count(near()) == 0);
    CHECK(d.count(overdue()) == 1);
}

TEST_CASE("important complaints are due a follow-up visit three days after resolution, again after a reopen") {
    Desk d;
    const std::string normal = d.registerOne("service_quality", "normal");
    const std::string important = d.registerOne("service_quality", "important");
    d.resolve(normal);
    d.resolve(important);
    CHECK(core::followUpDueAt(d.app->cases().caseById(important).value()) == 0); // fed back, not yet surveyed
    REQUIRE(d.app->cases().survey(important, 3, "", false).ok());
    REQUIRE(d.app->cases().survey(normal, 3, "", false).ok());
    const core::TimeMs resolvedAt = d.app->cases().caseById(important).value().resolvedAt;
    CHECK(core::followUpDueAt(d.app->cases().caseById(important).value()) == resolvedAt + core::kFollowUpAfterMs);
    CHECK(core::followUpDueAt(d.app->cases().caseById(normal).value()) == 0);
    REQUIRE(d.app->cases().archive(important).ok());
    d.clock.jumpBy(2 * 24 * core::kHourMs);
    CHECK(d.count(followUps()) == 0);
    d.clock.jumpBy(2 * 24 * core::kHourMs);
    CHECK(d.count(followUps()) == 1);
    REQUIRE(d.app->cases().followUp(important, false, "仍然断网").ok()); // unresolved: reopened
    CHECK(d.count(followUps()) == 0);
    REQUIRE(d.app->cases().proposeSolution(important, "更换线路").ok());
    REQUIRE(d.app->cases().implement(important, "已更换").ok());
    REQUIRE(d.app->cases().feedback(important, "已恢复", "phone").ok());
    REQUIRE(d.app->cases().survey(important, 4, "", false).ok());
    d.clock.jumpBy(4 * 24 * core::kHourMs);
    CHECK(d.count(followUps()) == 1);
    REQUIRE(d.app->cases().followUp(important, true, "已解决").ok());
    CHECK(d.count(followUps()) == 0);
}

TEST_CASE("signing in takes the role from the staff record and is remembered") {
    Desk d;
    REQUIRE(d.app->signIn("s01").ok());
    CHECK(d.app->actor().role == core::Role::Agent);
    CHECK(d.app->lastSignedIn() == "s01");
    CHECK_FALSE(d.app->signIn("s99").ok());
    CHECK(d.app->actor().staffId == "s01");
    CHECK(d.app->cases().cancel(d.registerOne(), "客户撤回").ok() ==
          core::roleMay(core::Role::Agent, core::Action::Cancel));
}

TEST_CASE("a database flagged after a migration re-folds every case when opened") {
    const std::string path = (std::filesystem::temp_directory_path() / "tousu-reproject-test.db").string();
    std::filesystem::remove(path);
    core::SimulatedClock clock{at("2026-11-28T09:00:00+08:00")};
    std::string id;
    {
        auto app = std::move(app::App::open(path, clock, 3).value());
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        core::Registration r{"phone",           "王芳", "13800138000", "",         "phone", "宽带断网",
                             "service_quality", "",     "urgent",      clock.now()};
        id = app->cases().registerCase(r).value().id;
    }
    { // what a migration adding the column leaves behind: defaults, and the flag
        auto db = std::move(store::Database::open(path).value());
        REQUIRE(db->exec("UPDATE cases SET next_due = 0; INSERT INTO meta VALUES ('reproject', '1')").ok());
    }
    auto app = std::move(app::App::open(path, clock, 3).value());
    CHECK(app->cases().caseById(id).value().number == "TS-BJ01-20261128-0001");
    CHECK(app->verify().value().empty());
    core::ListQuery q;
    q.filter.overdueOnly = true;
    clock.jumpBy(25 * core::kHourMs);
    CHECK(app->cases().listCases(q).value().total == 1); // next_due was recomputed
    CHECK_FALSE(store::getMeta(*store::Database::open(path).value(), "reproject").value().has_value());
    app.reset();
    std::filesystem::remove(path);
}
