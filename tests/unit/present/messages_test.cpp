// The messages sent to customers: the feedback says what was done for them, not only "handled:".
#include <doctest/doctest.h>

#include "app/app.h"
#include "case_steps.h"
#include "present/i18n.h"
#include "present/messages.h"

using namespace tousu;

namespace {

struct Desk {
    core::SimulatedClock clock{core::parseIso8601("2026-12-01T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 22).value());
    std::string id;
    Desk() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        present::setLanguage(present::Language::ZhCN);
        core::Registration r{"phone",           "王芳", "13800138000", "",         "phone", "宽带断网，光猫红灯",
                             "service_quality", "",     "normal",      clock.now()};
        id = app->cases().registerCase(r).value().id;
        test::dispatchToNetwork(*app, id);
        REQUIRE(app->cases().investigate(id, "查线路").ok());
    }
    std::string feedback() { return present::caseMessage(*app, "feedback", app->cases().caseById(id).value()); }
};

} // namespace

TEST_CASE("the feedback message names the solution, then what was implemented") {
    Desk d;
    CHECK(d.feedback().find("已处理：。") != std::string::npos); // nothing decided yet: the agent writes it
    REQUIRE(d.app->cases().proposeSolution(d.id, "更换光猫").ok());
    const std::string proposed = d.feedback();
    CHECK(proposed.find("【北京一营】王芳您好") == 0);
    CHECK(proposed.find("已处理：更换光猫。如仍有疑问") != std::string::npos);
    REQUIRE(d.app->cases().implement(d.id, "已上门更换光猫，网络恢复").ok());
    CHECK(d.feedback().find("已处理：已上门更换光猫，网络恢复。") != std::string::npos);
}

TEST_CASE("until the office is named, messages carry no sender rather than the placeholder name") {
    Desk d;
    REQUIRE(d.app->settings().setOffice(app::kFirstOfficeCode, app::kFirstOfficeName).ok());
    const std::string zh = d.feedback();
    CHECK(zh.find("本地营业部") == std::string::npos);
    CHECK(zh.find("王芳您好") == 0);
    present::setLanguage(present::Language::En);
    CHECK(d.feedback().find("Dear 王芳") == 0);
    present::setLanguage(present::Language::ZhCN);
    REQUIRE(d.app->settings().setOffice("BJ02", "北京二营").ok());
    CHECK(d.feedback().find("【北京二营】王芳您好") == 0);
}
