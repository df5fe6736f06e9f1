#include <doctest/doctest.h>

#include "app/app.h"
#include "headless.h"
#include "ui/i18n.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct Fixture {
    core::SimulatedClock clock{0};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 1).value());
    ui::MainWindow window;
    test::Headless ui;
    std::function<void()> draw = [this] { window.draw(*app); };
    Fixture() { ui.frame(draw); ui.frame(draw); }
    ~Fixture() { ui::setLanguage(ui::Language::ZhCN); }
};

} // namespace

TEST_CASE("the automation contract lists the menu destinations with stable ids") {
    Fixture f;
    for (const char* id : {"work_queue", "case_list", "new_case", "lang_toggle", "search"}) {
        CAPTURE(id);
        const auto* w = f.ui.widget(id);
        REQUIRE(w != nullptr);
        CHECK(w->w > 0);
        CHECK(w->h > 0);
    }
    CHECK(f.ui.widget("new_case")->label == "新建投诉##new_case");
}

TEST_CASE("clicking the language switch changes labels but not ids") {
    Fixture f;
    f.ui.click("lang_toggle", f.draw);
    CHECK(ui::language() == ui::Language::En);
    REQUIRE(f.ui.widget("new_case") != nullptr);
    CHECK(f.ui.widget("new_case")->label == "New complaint##new_case");
    f.ui.click("lang_toggle", f.draw);
    CHECK(f.ui.widget("new_case")->label == "新建投诉##new_case");
}

TEST_CASE("clicking a destination in the menu bar switches the main view") {
    Fixture f;
    CHECK(f.window.view() == ui::View::WorkQueue);
    f.ui.click("case_list", f.draw);
    CHECK(f.window.view() == ui::View::CaseList);
}

TEST_CASE("Ctrl+N opens the new-complaint view") {
    Fixture f;
    f.ui.chord(ImGuiKey_N, f.draw);
    CHECK(f.window.view() == ui::View::NewCase);
}

TEST_CASE("text typed into the search field is reported as its value") {
    Fixture f;
    f.ui.click("search", f.draw);
    ImGui::GetIO().AddInputCharactersUTF8("宽带 abc");
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("search") != nullptr);
    CHECK(f.ui.widget("search")->value == "宽带 abc");
}

TEST_CASE("Ctrl+F puts the keyboard focus into the search field") {
    Fixture f;
    f.ui.chord(ImGuiKey_F, f.draw);
    ImGui::GetIO().AddInputCharactersUTF8("x");
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("search")->value == "x");
}
