// The intake form driven by input events: typing the phone of an earlier customer shows their
// complaints and the repeat warning; what is typed survives a new window (a reload) through the
// local store, and is gone once the complaint is registered.
#include <doctest/doctest.h>

#include <map>

#include "app/app.h"
#include "headless.h"
#include "present/i18n.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct Fixture {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 5).value());
    std::map<std::string, std::string> local; // the tab's sessionStorage
    std::unique_ptr<ui::MainWindow> window;
    test::Headless ui;
    std::function<void()> draw = [this] { window->draw(*app); };
    Fixture() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        REQUIRE(app->access().useSinglePersonDesk().ok()); // no sign-in to drive
        REQUIRE(app->signIn("s01").ok());
        reopen();
    }
    // A new window over the same data and local store: what a reload gives.
    void reopen() {
        window = std::make_unique<ui::MainWindow>();
        ui::Host host;
        host.readSession = [this](const std::string& k) { return local.count(k) ? local[k] : std::string(); };
        host.writeSession = [this](const std::string& k, const std::string& v) {
            if (v.empty())
                local.erase(k);
            else
                local[k] = v;
        };
        window->setHost(host);
        ui.frame(draw);
        ui.chord(ImGuiKey_N, draw, ImGuiMod_Alt); // a new complaint
    }
    void type(const char* id, const char* text) {
        ui.frame(draw); // positions from a frame that shows what changed since (history lines)
        ui.click(id, draw);
        ImGui::GetIO().AddInputCharactersUTF8(text);
        ui.frame(draw);
    }
};

} // namespace

TEST_CASE("typing an earlier customer's phone shows their complaints and that this one is a repeat") {
    Fixture f;
    core::Registration r{"phone",           "王芳", "13800138000", "",           "phone", "宽带断网",
                         "service_quality", "",     "normal",      f.clock.now()};
    const auto earlier = f.app->cases().registerCase(r).value();
    f.clock.jumpBy(24 * core::kHourMs);
    f.ui.frame(f.draw); // the backup reminder a day later
    f.ui.frame(f.draw);
    const float contentY = f.ui.widget("content")->y;
    f.type("customer_phone", "1380013");
    CHECK(f.ui.widget("customer_history") == nullptr); // not a whole number yet
    ImGui::GetIO().AddInputCharactersUTF8("8000");     // still typing in the same field
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("customer_history") != nullptr);
    CHECK(f.ui.widget("customer_history")->label.find('1') != std::string::npos);
    CHECK(f.ui.widget("repeat_hint") == nullptr); // no category chosen yet
    // Beside the form, not inserted above the next field: a click aimed at it lands on it.
    CHECK(f.ui.widget("content")->y == contentY);
    CHECK(f.ui.widget("customer_history")->x > f.ui.widget("content")->x + f.ui.widget("content")->w);
    f.type("content", "家里宽带又断网了"); // suggests service quality
    REQUIRE(f.ui.widget("repeat_hint") != nullptr);
    CHECK(f.ui.widget("repeat_hint")->label.find(earlier.number) != std::string::npos);
}

TEST_CASE("the intake draft survives a reload and is gone once the complaint is registered") {
    Fixture f;
    f.type("customer_name", "赵雷");
    f.type("customer_phone", "13912345678");
    f.type("content", "月租被多扣了二十元");
    CHECK(f.local.count("tousu.intake_draft") == 1);
    f.reopen();
    REQUIRE(f.ui.widget("content") != nullptr);
    CHECK(f.ui.widget("content")->value == "月租被多扣了二十元");
    CHECK(f.ui.widget("customer_name")->value == "赵雷");
    CHECK(f.ui.widget("draft_discard") != nullptr);
    f.ui.click("save_case", f.draw);
    CHECK(f.local.count("tousu.intake_draft") == 0);
    core::ListQuery q;
    q.filter.search = "多扣";
    CHECK(f.app->cases().listCases(q).value().total == 1);
}

TEST_CASE("a refused field is marked until it is edited, and the others keep their marks") {
    Fixture f;
    f.ui.click("save_case", f.draw); // nothing typed
    REQUIRE(f.ui.widget("field_error_customer_name") != nullptr);
    REQUIRE(f.ui.widget("field_error_content") != nullptr);
    CHECK(f.ui.widget("field_error_customer_name")->label ==
          std::string(present::tr("error.required")) + "##field_error_customer_name");
    f.type("customer_name", "赵");
    CHECK(f.ui.widget("field_error_customer_name") == nullptr);
    CHECK(f.ui.widget("field_error_content") != nullptr);
    CHECK(f.app->cases().listCases({}).value().total == 0);
}

TEST_CASE("登记并分派 registers, confirms with the template, classifies and dispatches to the suggested handler") {
    Fixture f;
    f.type("customer_name", "钱明");
    f.type("customer_phone", "13812345678");
    f.type("content", "家里宽带断网两天了"); // suggests service quality: network operations
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("person") != nullptr);
    CHECK(f.ui.widget("person")->value == "s03"); // 张伟, the least loaded handler of network operations
    CHECK(f.ui.widget("department")->value == "network");
    f.ui.click("save_dispatch", f.draw);
    core::ListQuery q;
    q.filter.search = "宽带断网";
    const auto page = f.app->cases().listCases(q).value();
    REQUIRE(page.total == 1);
    const core::Case c = f.app->cases().caseById(page.rows.front().id).value();
    CHECK(c.state == core::State::Dispatched);
    CHECK(c.department == "network");
    CHECK(c.person == "s03");
    CHECK(c.category == core::Category::ServiceQuality);
    const auto events = f.app->cases().timeline(c.id).value();
    REQUIRE(events.size() == 4); // register, confirm, classify, dispatch
    CHECK(events[1].fields.at("method") == "phone");
    CHECK(events[1].fields.at("text").find(c.number) != std::string::npos); // the template, filled in
    CHECK(f.window->view() == ui::View::CaseDetail);
}

TEST_CASE("登记并确认 stops after classifying, and 登记并分派 with nobody to send it to registers nothing") {
    Fixture f;
    f.type("customer_name", "孙丽");
    f.type("customer_phone", "13812345679");
    f.type("content", "营业厅排队太久"); // other: customer service, which has no handler
    f.ui.frame(f.draw);
    f.ui.click("save_dispatch", f.draw);
    REQUIRE(f.ui.widget("field_error_person") != nullptr);
    CHECK(f.app->cases().listCases({}).value().total == 0);
    f.ui.click("save_confirm", f.draw);
    const auto page = f.app->cases().listCases({}).value();
    REQUIRE(page.total == 1);
    CHECK(f.app->cases().caseById(page.rows.front().id).value().state == core::State::Classified);
}

namespace {

// The received time the app stored for the only case whose content contains `text`.
core::TimeMs storedReceivedAt(const app::App& app, const char* text) {
    core::ListQuery q;
    q.filter.search = text;
    const auto page = app.cases().listCases(q).value();
    REQUIRE(page.total == 1);
    return page.rows.front().receivedAt;
}

} // namespace

TEST_CASE("the received time is when the agent starts typing, not when the form was opened or last reset") {
    Fixture f; // the form opened at 09:00
    const core::TimeMs opened = f.clock.now();
    f.clock.jumpBy(8 * 60000); // 09:08: the call comes in, the agent starts typing
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("received_at")->value == "2026-11-28 09:08"); // live until started
    f.type("customer_name", "赵雷");
    const core::TimeMs started = f.clock.now();
    f.clock.jumpBy(6 * 60000); // the rest takes six minutes
    f.type("customer_phone", "13912345678");
    f.type("content", "月租被多扣了二十元");
    CHECK(f.ui.widget("received_at")->value == "2026-11-28 09:08"); // stays at the start
    f.ui.click("save_case", f.draw);
    CHECK(storedReceivedAt(*f.app, "多扣") == started);
    CHECK(started != opened);

    // The next complaint: the form was reset at 09:14, the next call comes at 09:40.
    f.ui.chord(ImGuiKey_N, f.draw, ImGuiMod_Alt);
    f.clock.jumpBy(26 * 60000);
    f.type("customer_name", "钱明");
    const core::TimeMs second = f.clock.now();
    f.type("customer_phone", "13812345678");
    f.type("content", "宽带晚上经常掉线");
    f.ui.click("save_case", f.draw);
    CHECK(storedReceivedAt(*f.app, "掉线") == second);
}

TEST_CASE("a received time typed over by the agent is the one stored, and the call button takes the time now") {
    Fixture f;
    f.type("customer_name", "孙丽");
    f.type("customer_phone", "13712345678");
    f.type("content", "营业厅办理套餐变更未生效");
    f.ui.click("received_at", f.draw);
    f.ui.chord(ImGuiKey_A, f.draw); // select what is there, then type over it
    ImGui::GetIO().AddInputCharactersUTF8("2026-11-28 08:30");
    f.ui.frame(f.draw);
    f.clock.jumpBy(5 * 60000);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("received_at")->value == "2026-11-28 08:30"); // the agent's, not the clock's
    f.ui.click("save_case", f.draw);
    CHECK(storedReceivedAt(*f.app, "套餐变更") == core::parseIso8601("2026-11-28T08:30:00+08:00").value());

    f.ui.chord(ImGuiKey_N, f.draw, ImGuiMod_Alt);
    f.type("customer_name", "周强"); // started at 09:05
    f.clock.jumpBy(20 * 60000);      // a call back at 09:25 is the complaint to record
    f.ui.frame(f.draw);
    f.ui.click("call_started", f.draw);
    const core::TimeMs call = f.clock.now();
    f.type("customer_phone", "13612345678");
    f.type("content", "上网速度慢投诉");
    f.ui.click("save_case", f.draw);
    CHECK(storedReceivedAt(*f.app, "速度慢") == call);
}

TEST_CASE("someone else signing in at the desk finds an empty form, and the draft is gone") {
    Fixture f;
    f.type("customer_name", "赵雷");
    f.type("content", "月租被多扣了二十元");
    REQUIRE(f.local.count("tousu.intake_draft") == 1);
    REQUIRE(f.app->signIn("s02").ok());
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("customer_name")->value.empty());
    CHECK(f.ui.widget("content")->value.empty());
    CHECK(f.local.count("tousu.intake_draft") == 0);
    f.reopen(); // and nothing comes back after a reload
    CHECK(f.ui.widget("customer_name")->value.empty());
}
