// The follow-ups screen driven by input events: a due visit is listed, recording "not solved"
// reopens the complaint; the case table shows full phone numbers only to supervisors and admins.
#include <doctest/doctest.h>

#include "app/app.h"
#include "case_steps.h"
#include "headless.h"
#include "present/i18n.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct Fixture {
    core::SimulatedClock clock{core::parseIso8601("2026-11-20T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 3).value());
    ui::MainWindow window;
    test::Headless ui;
    std::function<void()> draw = [this] { window.draw(*app); };
    Fixture() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        REQUIRE(app->access().useSinglePersonDesk().ok()); // no sign-in to drive
        REQUIRE(app->signIn("s09").ok());
    }
    // An important complaint taken through to the survey: a follow-up visit 3 days after the result.
    app::CaseRef surveyed(const char* name) {
        core::Registration r{"phone",           name, "13800138000", "",         "phone", "宽带断网，光猫红灯",
                             "service_quality", "",   "important",   clock.now()};
        const app::CaseRef ref = app->cases().registerCase(r).value();
        const std::string& id = ref.id;
        test::feedBack(*app, id);
        REQUIRE(app->cases().survey(id, 4, "", false).ok());
        return ref;
    }
};

} // namespace

TEST_CASE("a due follow-up recorded as not solved reopens the complaint and leaves the list") {
    Fixture f;
    const app::CaseRef due = f.surveyed("王芳");
    f.clock.jumpBy(2 * 24 * core::kHourMs);
    const app::CaseRef later = f.surveyed("李娜"); // scheduled, not yet due
    f.clock.jumpBy(2 * 24 * core::kHourMs);
    f.ui.frame(f.draw);
    f.ui.click("follow_ups", f.draw);
    REQUIRE(f.ui.widget("follow_up_row_" + due.number) != nullptr);
    CHECK(f.ui.widget("follow_up_row_" + later.number) == nullptr);
    f.ui.click("follow_ups_all", f.draw);
    CHECK(f.ui.widget("follow_up_row_" + later.number) != nullptr);
    f.ui.click("follow_ups_due", f.draw);

    f.ui.click("follow_up_row_" + due.number, f.draw, 20);
    f.ui.click("follow_up_record", f.draw); // no note: refused, nothing recorded
    CHECK(f.app->cases().caseById(due.id).value().state == core::State::Surveyed);
    f.ui.click("follow_up_note", f.draw);
    ImGui::GetIO().AddInputCharactersUTF8("客户说晚上仍然断网");
    f.ui.frame(f.draw);
    f.ui.click("follow_up_record", f.draw); // no answer to "solved?": refused, nothing recorded
    CHECK(f.app->cases().caseById(due.id).value().state == core::State::Surveyed);
    f.ui.click("follow_up_resolved_no", f.draw);
    f.ui.click("follow_up_record", f.draw);
    const core::Case reopened = f.app->cases().caseById(due.id).value();
    CHECK(reopened.state != core::State::Surveyed);
    CHECK(core::isOpen(reopened.state));
    CHECK(f.ui.widget("follow_up_recorded") != nullptr);
    CHECK(f.ui.widget("follow_up_row_" + due.number) == nullptr);
}

TEST_CASE("the work queue's 待回访 lists visits by their date, the most overdue first, as the 回访 screen does") {
    Fixture f;
    const app::CaseRef first = f.surveyed("王芳");
    f.clock.jumpBy(24 * core::kHourMs);
    const app::CaseRef second = f.surveyed("李娜");
    f.clock.jumpBy(5 * 24 * core::kHourMs); // both visits due
    f.ui.frame(f.draw);
    f.ui.click("work_queue", f.draw);
    f.ui.click("queue_follow_ups", f.draw);
    const auto* a = f.ui.widget("case_" + first.number);
    const auto* b = f.ui.widget("case_" + second.number);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(a->y < b->y);
}

TEST_CASE("the case list shows whole phone numbers to a supervisor and masked ones to an agent") {
    Fixture f;
    core::Registration r{"phone",           "王芳", "13800138000", "",           "phone", "宽带断网",
                         "service_quality", "",     "normal",      f.clock.now()};
    const app::CaseRef ref = f.app->cases().registerCase(r).value();
    f.ui.frame(f.draw);
    f.ui.click("case_list", f.draw);
    REQUIRE(f.ui.widget("customer_" + ref.number) != nullptr);
    CHECK(f.ui.widget("customer_" + ref.number)->label == "王芳 13800138000##customer_" + ref.number);
    REQUIRE(f.app->signIn("s01").ok()); // an intake agent
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("customer_" + ref.number)->label == "王芳 138****8000##customer_" + ref.number);
}

TEST_CASE("the case list filters by channel, repeat and the period received") {
    Fixture f;
    core::Registration phone{"phone",           "王芳", "13800138000", "",           "phone", "宽带断网",
                             "service_quality", "",     "normal",      f.clock.now()};
    const app::CaseRef first = f.app->cases().registerCase(phone).value();
    f.clock.jumpBy(24 * core::kHourMs);
    core::Registration online = phone;
    online.channel = "online";
    online.receivedAt = f.clock.now();
    const app::CaseRef repeat = f.app->cases().registerCase(online).value(); // same customer and category: a repeat
    REQUIRE(repeat.repeat);
    f.ui.frame(f.draw);
    f.ui.click("case_list", f.draw);
    const auto rows = [&] {
        f.ui.frame(f.draw);
        return std::make_pair(f.ui.widget("case_" + first.number) != nullptr,
                              f.ui.widget("case_" + repeat.number) != nullptr);
    };
    CHECK(rows() == std::make_pair(true, true));
    f.ui.click("filter_channel", f.draw);
    f.ui.click("filter_channel_online", f.draw);
    CHECK(rows() == std::make_pair(false, true));
    f.ui.click("filter_channel", f.draw);
    f.ui.click("filter_channel_", f.draw); // all channels again
    f.ui.click("filter_repeat", f.draw);
    CHECK(rows() == std::make_pair(false, true));
    f.ui.click("filter_repeat", f.draw);
    f.ui.click("filter_to", f.draw);
    ImGui::GetIO().AddInputCharactersUTF8("2026-11-20"); // the day the first was received
    CHECK(rows() == std::make_pair(true, false));
}

TEST_CASE("a chosen visit's note takes the keyboard, Ctrl+Enter records it and Esc puts it away") {
    Fixture f;
    const app::CaseRef due = f.surveyed("王芳");
    const app::CaseRef other = f.surveyed("李娜");
    f.clock.jumpBy(4 * 24 * core::kHourMs);
    f.ui.frame(f.draw);
    f.ui.click("follow_ups", f.draw);
    f.ui.click("follow_up_row_" + other.number, f.draw, 20);
    CHECK(f.ui.focused() == "follow_up_note");
    f.ui.press(ImGuiKey_Escape, f.draw);
    CHECK(f.ui.widget("follow_up_note") == nullptr); // put away, nothing recorded
    CHECK(f.app->cases().caseById(other.id).value().state == core::State::Surveyed);

    f.ui.click("follow_up_row_" + due.number, f.draw, 20);
    REQUIRE(f.ui.focused() == "follow_up_note");
    ImGui::GetIO().AddInputCharactersUTF8("客户说已恢复");
    f.ui.frame(f.draw);
    f.ui.click("follow_up_resolved_yes", f.draw);
    f.ui.chord(ImGuiKey_Enter, f.draw);
    const auto timeline = f.app->cases().timeline(due.id).value();
    CHECK(timeline.back().type == "follow_up");
    CHECK(timeline.back().fields.at("note") == "客户说已恢复");
}
