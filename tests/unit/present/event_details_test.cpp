// The timeline says what each step changed: the method, the category, to whom, the rating, the
// answer of a follow-up — with the office's own names for departments and people.
#include <doctest/doctest.h>

#include "app/app.h"
#include "case_steps.h"
#include "present/event_details.h"
#include "present/i18n.h"

using namespace tousu;

namespace {

struct Desk {
    core::SimulatedClock clock{core::parseIso8601("2026-12-01T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 21).value());
    present::ReferenceNames names;
    std::string id;
    Desk() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        core::Registration r{"phone",           "王芳", "13800138000", "",         "phone", "宽带断网，光猫红灯",
                             "service_quality", "",     "normal",      clock.now()};
        id = app->cases().registerCase(r).value().id;
    }
    // The details of the case's last step.
    std::vector<std::string> last() {
        names.refresh(*app);
        return present::eventDetails(app->cases().timeline(id).value().back(), names);
    }
};

} // namespace

TEST_CASE("each step's row says what it changed, then what was written") {
    Desk d;
    CHECK(present::eventDetails(d.app->cases().timeline(d.id).value().front(), d.names).empty()); // registration
    REQUIRE(d.app->cases().confirm(d.id, "sms", "已受理").ok());
    CHECK(d.last() == std::vector<std::string>{"方式：短信", "已受理"});
    REQUIRE(d.app->cases().classify(d.id, "billing", "", "important").ok());
    CHECK(d.last() == std::vector<std::string>{"类别：资费及账单投诉 · 重要程度：重要"});
    REQUIRE(
        d.app->cases().dispatch(d.id, "network", "s03", core::parseIso8601("2026-12-02T18:00:00+08:00").value()).ok());
    CHECK(d.last() == std::vector<std::string>{"分派给：网络维护部 / 张伟 · 预计完成：2026-12-02 18:00"});
    REQUIRE(d.app->cases().investigate(d.id, "查").ok());
    CHECK(d.last() == std::vector<std::string>{"查"});
    REQUIRE(d.app->cases().proposeSolution(d.id, "换光猫").ok());
    REQUIRE(d.app->cases().implement(d.id, "已换").ok());
    REQUIRE(d.app->cases().feedback(d.id, "已恢复", "phone").ok());
    CHECK(d.last() == std::vector<std::string>{"方式：电话", "已恢复"});
    REQUIRE(d.app->cases().survey(d.id, 4, "", false).ok());
    CHECK(d.last() == std::vector<std::string>{"评分：4 / 5"});
    REQUIRE(d.app->cases().followUp(d.id, false, "晚上仍断网").ok());
    CHECK(d.last() == std::vector<std::string>{"问题未解决，投诉重新处理", "晚上仍断网"});
}

TEST_CASE("a declined survey says so, in the user's language") {
    Desk d;
    test::feedBack(*d.app, d.id);
    REQUIRE(d.app->cases().survey(d.id, 0, "", true).ok());
    present::setLanguage(present::Language::En);
    CHECK(d.last() == std::vector<std::string>{"The customer declined to rate"});
    present::setLanguage(present::Language::ZhCN);
}

TEST_CASE("a contact, a reply and a note say how and what, and a correction each field's old and new value") {
    Desk d;
    REQUIRE(d.app->cases().addNote(d.id, "客户下午方便").ok());
    CHECK(d.last() == std::vector<std::string>{"客户下午方便"});
    REQUIRE(d.app->cases().messageCustomer(d.id, "sms", "正在处理").ok());
    CHECK(d.last() == std::vector<std::string>{"方式：短信", "正在处理"});
    const core::TimeMs received = d.clock.now() - core::kHourMs;
    REQUIRE(d.app->cases()
                .amend(d.id,
                       {{"phone", "13900139000"}, {"channel", "online"}, {"received_at", std::to_string(received)}},
                       "登记时听错")
                .ok());
    d.names.refresh(*d.app);
    const core::Event amend = d.app->cases().timeline(d.id).value().back();
    CHECK(present::eventDetails(amend, d.names) ==
          std::vector<std::string>{"联系电话：13800138000 → 13900139000",
                                   "受理时间：2026-12-01 09:00 → 2026-12-01 08:00", "受理渠道：电话 → 在线客服",
                                   "更正原因：登记时听错"});
    CHECK(present::eventDetails(amend, d.names, false).front() == "联系电话：138****8000 → 139****9000");
    test::dispatchToNetwork(*d.app, d.id);
    REQUIRE(d.app->cases().recordContact(d.id, "phone", "已联系").ok());
    CHECK(d.last() == std::vector<std::string>{"方式：电话", "已联系"});
}
