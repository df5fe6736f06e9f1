// Settings: only administrators change the office's reference data, policies and templates; names
// are checked; a new department, person or sub-type is usable at once; device preferences are
// anyone's. Secrets and signing in: access_test.cpp.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/app.h"

using namespace tousu;

namespace {

struct Desk {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 7).value());
    Desk() {
        REQUIRE(app->initialize("HQ", "总部").ok());
        REQUIRE(app->signIn("s10").ok()); // the administrator
    }
};

std::string fieldOf(const core::Error& e) { return e.fieldErrors.empty() ? e.field : e.fieldErrors[0].field; }
std::string keyOf(const core::Error& e) { return e.fieldErrors.empty() ? e.messageKey : e.fieldErrors[0].messageKey; }

core::Registration complaint(core::TimeMs at) {
    return {"phone",           "张三", "13812345678", "", "phone", "家里宽带晚上经常断线",
            "service_quality", "",     "normal",      at, 0};
}

} // namespace

TEST_CASE("the office code set in settings numbers the cases registered afterwards") {
    Desk d;
    CHECK(keyOf(d.app->settings().setOffice("G Z", "广州").error()) == "error.office_code");
    CHECK(fieldOf(d.app->settings().setOffice("GZ03", "").error()) == "office_name");
    REQUIRE(d.app->settings().setOffice("GZ03", "广州三营").ok());
    CHECK(d.app->info().officeCode == "GZ03");
    CHECK(d.app->info().officeName == "广州三营");
    auto ref = d.app->cases().registerCase(complaint(d.clock.now()));
    REQUIRE(ref.ok());
    CHECK(ref.value().number.rfind("TS-GZ03-20261128-", 0) == 0);
}

TEST_CASE("a department, a person and a sub-type added in settings can be used on a case at once") {
    Desk d;
    auto dept = d.app->settings().saveDepartment({"", "政企客户部", "", ""});
    REQUIRE(dept.ok());
    auto person = d.app->settings().saveStaff({"", "孙丽", "handler", dept.value()});
    REQUIRE(person.ok());
    auto sub = d.app->settings().saveSubType({"", "service_quality", "5G 信号弱", "Weak 5G signal"});
    REQUIRE(sub.ok());
    const auto depts = d.app->departments();
    const auto it = std::find_if(depts.begin(), depts.end(), [&](auto& x) { return x.id == dept.value(); });
    REQUIRE(it != depts.end());
    CHECK(it->nameEn == "政企客户部"); // no English name: the Chinese one stands in

    auto ref = d.app->cases().registerCase(complaint(d.clock.now()));
    REQUIRE(ref.ok());
    REQUIRE(d.app->cases().confirm(ref.value().id, "phone", "").ok());
    REQUIRE(d.app->cases().classify(ref.value().id, "service_quality", sub.value(), "normal").ok());
    REQUIRE(d.app->cases().dispatch(ref.value().id, dept.value(), person.value(), d.clock.now() + core::kHourMs).ok());
    CHECK(d.app->cases().caseById(ref.value().id).value().person == person.value());
    REQUIRE(d.app->signIn(person.value()).ok());
    CHECK(d.app->actor().role == core::Role::Handler);
}

TEST_CASE("renaming keeps the id — a duplicate or empty name and an unknown role or department are refused") {
    Desk d;
    REQUIRE(d.app->settings().saveDepartment({"network", "网络运维部", "Network Operations", "s03"}).ok());
    const auto depts = d.app->departments();
    CHECK(std::count_if(depts.begin(), depts.end(),
                        [](auto& x) { return x.nameZh == "网络运维部" && x.id == "network"; }) == 1);
    CHECK(keyOf(d.app->settings().saveDepartment({"", "计费结算部", "", ""}).error()) == "error.duplicate_name");
    CHECK(keyOf(d.app->settings().saveDepartment({"", " ", "", ""}).error()) == "error.required");
    CHECK(fieldOf(d.app->settings().saveDepartment({"", "新部门", "", "nobody"}).error()) == "head");
    CHECK(fieldOf(d.app->settings().saveStaff({"", "新人", "boss", "network"}).error()) == "role");
    CHECK(fieldOf(d.app->settings().saveStaff({"", "新人", "agent", "nowhere"}).error()) == "department");
    CHECK(keyOf(d.app->settings().saveStaff({"", "王芳", "agent", "network"}).error()) == "error.duplicate_name");
    CHECK(keyOf(d.app->settings().saveStaff({"s10", "吴婷", "agent", "customer_service"}).error()) ==
          "error.own_admin_role");
    // The same sub-type name is fine under another category.
    CHECK(d.app->settings().saveSubType({"", "billing", "网络故障", ""}).ok());
    CHECK(keyOf(d.app->settings().saveSubType({"", "service_quality", "网络故障", ""}).error()) ==
          "error.duplicate_name");
    CHECK(d.app->departments().size() == depts.size());
}

TEST_CASE("only administrators change settings — anyone keeps their own preferences and PIN") {
    Desk d;
    const std::uint64_t before = d.app->revision();
    REQUIRE(d.app->signIn("s09").ok()); // a supervisor
    CHECK(d.app->settings().setOffice("SZ", "深圳").error().messageKey == "error.role_not_allowed");
    CHECK(d.app->settings().saveDepartment({"", "新部门", "", ""}).error().messageKey == "error.role_not_allowed");
    CHECK(d.app->settings().saveStaff({"", "新人", "agent", "network"}).error().messageKey == "error.role_not_allowed");
    CHECK(d.app->settings().updatePolicy("billing", {{"feedback", 24}, {"resolved", 48}}, 96).error().messageKey ==
          "error.role_not_allowed");
    CHECK(d.app->settings().setMessageTemplate("confirmation", "zh-CN", "您好").error().messageKey ==
          "error.role_not_allowed");
    CHECK(d.app->settings().useClockHours().error().messageKey == "error.role_not_allowed");
    CHECK(d.app->revision() == before);
    REQUIRE(d.app->settings().setPreference("font_size", "20").ok());
    CHECK(d.app->settings().preference("font_size") == "20");
}

TEST_CASE("a template is the administrator's text per language until reset to the built-in one") {
    Desk d;
    CHECK_FALSE(d.app->settings().messageTemplate("confirmation", "zh-CN"));
    REQUIRE(d.app->settings().setMessageTemplate("confirmation", "zh-CN", "您的投诉 {number} 已受理").ok());
    CHECK(d.app->settings().messageTemplate("confirmation", "zh-CN") == "您的投诉 {number} 已受理");
    CHECK_FALSE(d.app->settings().messageTemplate("confirmation", "en"));
    CHECK(keyOf(d.app->settings().setMessageTemplate("greeting", "zh-CN", "你好").error()) == "error.required");
    REQUIRE(d.app->settings().setMessageTemplate("confirmation", "zh-CN", "").ok());
    CHECK_FALSE(d.app->settings().messageTemplate("confirmation", "zh-CN"));
}

TEST_CASE("switching back to clock hours: cases opened afterwards count calendar hours") {
    Desk d;
    std::ifstream in(TOUSU_SOURCE_DIR "/assets/calendar/cn-2026.tsv");
    std::stringstream tsv;
    tsv << in.rdbuf();
    REQUIRE(d.app->settings().useWorkingHours(tsv.str()).ok());
    auto before = d.app->cases().registerCase(complaint(d.clock.now()));
    REQUIRE(d.app->settings().useClockHours().ok());
    auto after = d.app->cases().registerCase(complaint(d.clock.now()));
    REQUIRE(before.ok());
    REQUIRE(after.ok());
    CHECK_FALSE(d.app->settings().calendarDaysLeft());
    CHECK(d.app->cases().caseById(before.value().id).value().workingHours);
    CHECK_FALSE(d.app->cases().caseById(after.value().id).value().workingHours);
}

TEST_CASE("who sees phones and accounts whole: supervisors and administrators until an administrator chooses") {
    Desk d;
    CHECK(d.app->settings().roleSeesWholeContacts(core::Role::Admin));
    CHECK(d.app->settings().roleSeesWholeContacts(core::Role::Supervisor));
    CHECK_FALSE(d.app->settings().roleSeesWholeContacts(core::Role::Agent));
    REQUIRE(d.app->settings().setRoleSeesWholeContacts(core::Role::Agent, true).ok());
    REQUIRE(d.app->settings().setRoleSeesWholeContacts(core::Role::Supervisor, false).ok());
    CHECK(d.app->settings().roleSeesWholeContacts(core::Role::Agent));
    CHECK_FALSE(d.app->settings().roleSeesWholeContacts(core::Role::Supervisor));
    REQUIRE(d.app->signIn("s01").ok());
    CHECK(d.app->seesWholeContacts());
    CHECK(d.app->settings().setRoleSeesWholeContacts(core::Role::Handler, true).error().messageKey ==
          "error.role_not_allowed");
    REQUIRE(d.app->signIn("s09").ok());
    CHECK_FALSE(d.app->seesWholeContacts());
}
