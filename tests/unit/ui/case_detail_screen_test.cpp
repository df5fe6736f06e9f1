// The case detail driven by the keyboard alone: the next step has the focus when a case opens, a
// step's form gives its first field the focus, Ctrl+Enter records the step (a text area keeps no
// line for it) and the focus moves to the step after; the steps that end a case sit apart.
#include <doctest/doctest.h>

#include "app/app.h"
#include "headless.h"
#include "present/i18n.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct Fixture {
    core::SimulatedClock clock{core::parseIso8601("2026-11-20T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 11).value());
    ui::MainWindow window;
    test::Headless ui;
    std::function<void()> draw = [this] { window.draw(*app); };
    app::CaseRef ref;
    Fixture() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        REQUIRE(app->access().useSinglePersonDesk().ok()); // no sign-in to drive
        REQUIRE(app->signIn("s10").ok());                  // an administrator: every step, the ending ones too
        core::Registration r{"phone",           "王芳", "13800138000", "",         "phone", "宽带断网，光猫红灯",
                             "service_quality", "",     "normal",      clock.now()};
        ref = app->cases().registerCase(r).value();
        ui.frame(draw);
        window.go(ui::Navigation{ui::View::CaseDetail, ref.id});
        for (int i = 0; i < 3; ++i) ui.frame(draw);
    }
    core::Case current() const { return app->cases().caseById(ref.id).value(); }
};

} // namespace

TEST_CASE("a case opens with the keyboard on its next step, and Ctrl+Enter records a step and moves on") {
    Fixture f;
    CHECK(f.ui.focused() == "confirm");
    f.ui.press(ImGuiKey_Enter, f.draw); // opens the confirm form
    CHECK(f.ui.focused() == "contact_method");
    CHECK(f.ui.widget("action_recorded") == nullptr);
    f.ui.chord(ImGuiKey_Enter, f.draw);                  // the confirmation text comes from the template
    CHECK(f.current().state == core::State::Classified); // confirmed with the category as registered
    REQUIRE(f.ui.widget("action_recorded") != nullptr);
    CHECK(f.ui.widget("action_recorded")->label ==
          std::string(present::tr("detail.recorded")) + present::trCode("action", "confirm") + "##action_recorded");
    CHECK(f.ui.focused() == "dispatch");
}

TEST_CASE("confirming also classifies: a new category rewrites the untouched confirmation with its time limit") {
    Fixture f;
    f.ui.click("confirm", f.draw);
    REQUIRE(f.ui.widget("form_confirmation_text") != nullptr);
    const std::string before = f.ui.widget("form_confirmation_text")->value;
    CHECK(before.find("服务质量投诉") != std::string::npos);
    f.ui.click("category", f.draw);
    f.ui.click("category_billing", f.draw);
    const std::string after = f.ui.widget("form_confirmation_text")->value;
    CHECK(after.find("资费及账单投诉") != std::string::npos);
    CHECK(after != before);
    f.ui.click("submit", f.draw);
    const core::Case c = f.current();
    CHECK(c.state == core::State::Classified);
    CHECK(c.category == core::Category::Billing);
    CHECK(f.app->cases().timeline(f.ref.id).value()[1].fields.at("text") == after);
}

TEST_CASE("a confirmation the agent edited is kept when the category changes") {
    Fixture f;
    f.ui.click("confirm", f.draw);
    f.ui.click("form_confirmation_text", f.draw);
    ImGui::GetIO().AddInputCharactersUTF8("（已电话告知）");
    f.ui.frame(f.draw);
    const std::string edited = f.ui.widget("form_confirmation_text")->value;
    REQUIRE(edited.find("（已电话告知）") != std::string::npos);
    f.ui.click("category", f.draw);
    f.ui.click("category_billing", f.draw);
    CHECK(f.ui.widget("form_confirmation_text")->value == edited);
}

TEST_CASE("Ctrl+Enter in a step's text area records the step without adding a line to the text") {
    Fixture f;
    REQUIRE(f.app->cases().confirm(f.ref.id, "phone", "已受理").ok());
    REQUIRE(f.app->cases().classify(f.ref.id, "service_quality", "", "").ok());
    REQUIRE(f.app->cases().dispatch(f.ref.id, "network", "s03", f.clock.now() + core::kHourMs).ok());
    for (int i = 0; i < 3; ++i) f.ui.frame(f.draw);
    f.ui.click("investigate", f.draw);
    CHECK(f.ui.focused() == "form_note"); // the only field, ready for typing
    ImGui::GetIO().AddInputCharactersUTF8("光猫已换");
    f.ui.frame(f.draw);
    f.ui.chord(ImGuiKey_Enter, f.draw);
    REQUIRE(f.current().state == core::State::Investigating);
    CHECK(f.app->cases().timeline(f.ref.id).value().back().fields.at("note") == "光猫已换");
}

TEST_CASE("Esc closes a step's form and records nothing") {
    Fixture f;
    f.ui.click("cancel", f.draw);
    REQUIRE(f.ui.widget("form_reason") != nullptr);
    f.ui.press(ImGuiKey_Escape, f.draw);
    CHECK(f.ui.widget("form_reason") == nullptr);
    CHECK(f.current().state == core::State::Registered);
}

TEST_CASE("the steps that end or divert a case sit on their own row, after the next steps") {
    Fixture f;
    const auto* confirm = f.ui.widget("confirm");
    REQUIRE(confirm != nullptr);
    for (const std::string id : {"cancel", "merge"}) {
        CAPTURE(id);
        const auto* w = f.ui.widget(id);
        REQUIRE(w != nullptr);
        CHECK(w->y > confirm->y + confirm->h / 2);
    }
}

TEST_CASE(
    "the dispatch form starts with the department this office sends such complaints to and its least loaded handler") {
    Fixture f;
    REQUIRE(f.app->cases().confirm(f.ref.id, "phone", "已受理").ok());
    REQUIRE(f.app->cases().classify(f.ref.id, "billing", "", "").ok());
    for (int i = 0; i < 3; ++i) f.ui.frame(f.draw);
    f.ui.click("dispatch", f.draw);
    REQUIRE(f.ui.widget("department") != nullptr);
    CHECK(f.ui.widget("department")->value == "billing");
    CHECK(f.ui.widget("person")->value == "s05");
    f.ui.chord(ImGuiKey_Enter, f.draw);
    CHECK(f.current().state == core::State::Dispatched);
    CHECK(f.current().person == "s05");
}

TEST_CASE("on a wide screen the record sits beside the case, on a narrow one below it") {
    Fixture f;
    REQUIRE(f.app->cases().confirm(f.ref.id, "phone", "已受理").ok());
    for (const float width : {1920.0f, 800.0f}) {
        CAPTURE(width);
        ImGui::GetIO().DisplaySize = ImVec2(width, 1080);
        for (int i = 0; i < 3; ++i) f.ui.frame(f.draw);
        const auto* next = f.ui.widget("classify");
        const auto* oldest = f.ui.widget("event_0");
        const auto* newest = f.ui.widget("event_1");
        REQUIRE(next != nullptr);
        REQUIRE(oldest != nullptr);
        REQUIRE(newest != nullptr);
        CHECK(newest->y < oldest->y); // the latest step on top
        if (width > 1500)
            CHECK(oldest->x > width / 2 - 20);
        else
            CHECK(oldest->y > next->y);
    }
}

TEST_CASE("a complaint that another desk, while apart, registered under the same number earlier says so") {
    Fixture f;
    core::SimulatedClock otherClock{f.clock.now() - 60'000};
    auto other = std::move(app::App::open(":memory:", otherClock, 12).value());
    REQUIRE(other->initialize("BJ01", "北京一营").ok());
    REQUIRE(other->access().useSinglePersonDesk().ok()); // no sign-in to drive
    REQUIRE(other->signIn("s10").ok());
    core::Registration r{"phone", "李娜",   "13900139000",   "", "phone", "月租多扣", "billing",
                         "",      "normal", otherClock.now()};
    REQUIRE(other->cases().registerCase(r).ok());
    const std::string number = f.current().number;
    CHECK(f.ui.widget("twin_number") == nullptr);
    REQUIRE(f.app->exchange().importBundle(other->exchange().exportBundle({}).value(), true).ok());
    f.window.go(ui::Navigation{ui::View::CaseDetail, f.ref.id});
    for (int i = 0; i < 3; ++i) f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("twin_number") != nullptr);
    const std::string label = f.ui.widget("twin_number")->label;
    CHECK(label.find(number + "，") != std::string::npos);
    CHECK(label.find(number + "-2") != std::string::npos);
}

TEST_CASE("an administrator erases the customer's personal data from a cancelled case after a second question") {
    Fixture f;
    CHECK(f.ui.widget("erase_customer") == nullptr); // open: not offered
    REQUIRE(f.app->cases().cancel(f.ref.id, "客户撤回").ok());
    f.ui.frame(f.draw);
    f.ui.click("erase_customer", f.draw);
    REQUIRE(f.ui.widget("erase_explain") != nullptr);
    CHECK(f.ui.widget("erase_explain")->label.find(f.current().number) != std::string::npos);
    CHECK_FALSE(f.current().erased); // not before the second question
    f.ui.click("erase_confirm", f.draw);
    f.ui.frame(f.draw);
    CHECK(f.current().erased);
    CHECK(f.current().customerName.empty());
    CHECK(f.ui.widget("customer_erased") != nullptr);
    CHECK(f.ui.widget("erase_customer") == nullptr);
    // Another cancelled case, seen by a supervisor: never offered.
    const auto other = f.app->cases().registerCase(
        {"phone", "李雷", "13900139000", "", "phone", "宽带断网", "service_quality", "", "normal", f.clock.now()});
    REQUIRE(other.ok());
    REQUIRE(f.app->cases().cancel(other.value().id, "客户撤回").ok());
    REQUIRE(f.app->signIn("s09").ok());
    f.window.go(ui::Navigation{ui::View::CaseDetail, other.value().id});
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("customer_erased") == nullptr);
    CHECK(f.ui.widget("erase_customer") == nullptr);
}

TEST_CASE("the case detail shows the phone whole to an administrator and masked to an agent") {
    Fixture f;
    REQUIRE(f.ui.widget("customer_line") != nullptr);
    CHECK(f.ui.widget("customer_line")->label.find("13800138000") != std::string::npos);
    REQUIRE(f.app->signIn("s01").ok());
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("customer_line")->label.find("138****8000") != std::string::npos);
    CHECK(f.ui.widget("customer_line")->label.find("13800138000") == std::string::npos);
}
