#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "app/app.h"
#include "app/generator.h"
#include "headless.h"
#include "present/i18n.h"
#include "store/database.h"
#include "store/statement.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct Fixture {
    core::SimulatedClock clock{0};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 1).value());
    ui::MainWindow window;
    test::Headless ui;
    std::function<void()> draw = [this] { window.draw(*app); };
    Fixture() {
        REQUIRE(app->access().useSinglePersonDesk().ok()); // no sign-in to drive
        ui.frame(draw);
        ui.frame(draw);
    }
    ~Fixture() { present::setLanguage(present::Language::ZhCN); }
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
    CHECK(present::language() == present::Language::En);
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

TEST_CASE("Alt+N opens the new-complaint view, and Ctrl+N is left to the browser (a new window)") {
    Fixture f;
    f.ui.chord(ImGuiKey_N, f.draw);
    CHECK(f.window.view() == ui::View::WorkQueue);
    f.ui.chord(ImGuiKey_N, f.draw, ImGuiMod_Alt);
    CHECK(f.window.view() == ui::View::NewCase);
    CHECK(f.ui.focused() == "customer_name"); // ready for the caller's name
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

TEST_CASE("the work queue counts what needs attention and lists the chosen tile's cases") {
    Fixture f;
    REQUIRE(f.app->initialize("BJ01", "北京一营").ok());
    REQUIRE(f.app->access().useSinglePersonDesk().ok()); // no sign-in to drive
    REQUIRE(f.app->signIn("s09").ok());                  // a supervisor registers and dispatches
    f.clock.jumpTo(core::parseIso8601("2026-11-28T09:00:00+08:00").value());
    core::Registration r{"phone",           "王芳", "13800138000", "",           "phone", "宽带断网，光猫红灯",
                         "service_quality", "",     "normal",      f.clock.now()};
    const auto first = f.app->cases().registerCase(r).value();
    const auto second = f.app->cases().registerCase(r).value();
    REQUIRE(f.app->cases().confirm(first.id, "sms", "").ok());
    REQUIRE(f.app->cases().classify(first.id, "service_quality", "", "").ok());
    REQUIRE(f.app->cases().dispatch(first.id, "network", "s03", f.clock.now() + core::kHourMs).ok());
    REQUIRE(f.app->signIn("s03").ok()); // the handler's queue
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("queue_mine") != nullptr);
    CHECK(f.ui.widget("queue_mine")->label == "我的待办\n1##queue_mine");
    CHECK(f.ui.widget("queue_unassigned")->label == "未分派\n1##queue_unassigned");
    CHECK(f.ui.widget("case_" + first.number) != nullptr);
    CHECK(f.ui.widget("case_" + second.number) == nullptr);
    f.ui.click("queue_unassigned", f.draw);
    CHECK(f.ui.widget("case_" + second.number) != nullptr);
    CHECK(f.ui.widget("case_" + first.number) == nullptr);
    f.ui.click("case_" + second.number, f.draw, 30);
    CHECK(f.window.view() == ui::View::CaseDetail);
}

TEST_CASE("the user menu names who is signed in and signs in someone else") {
    Fixture f;
    REQUIRE(f.app->initialize("BJ01", "北京一营").ok());
    REQUIRE(f.app->access().useSinglePersonDesk().ok()); // no sign-in to drive
    REQUIRE(f.app->signIn("s10").ok());
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("user") != nullptr);
    CHECK(f.ui.widget("user")->label == "吴婷 · 管理员##user");
    f.ui.click("user", f.draw);
    f.ui.click("signin_s05", f.draw);
    CHECK(f.app->actor().staffId == "s05");
    CHECK(f.app->actor().role == core::Role::Handler);
    CHECK(f.ui.widget("user")->label == "陈静 · 处理人员##user");
}

TEST_CASE("a suggestion typed on the suggestions screen is recorded, and its status set from the list") {
    Fixture f;
    REQUIRE(f.app->initialize("BJ01", "北京一营").ok());
    REQUIRE(f.app->access().useSinglePersonDesk().ok()); // no sign-in to drive
    REQUIRE(f.app->signIn("s09").ok());
    f.ui.click("suggestions", f.draw);
    f.ui.click("suggestion_add", f.draw);
    CHECK(f.app->suggestions().list().empty()); // nothing typed: refused
    f.ui.click("suggestion_content", f.draw);
    ImGui::GetIO().AddInputCharactersUTF8("回访电话请避开午休时间");
    f.ui.frame(f.draw);
    f.ui.click("suggestion_add", f.draw);
    REQUIRE(f.app->suggestions().list().size() == 1);
    CHECK(f.app->suggestions().list()[0].content == "回访电话请避开午休时间");
    CHECK(f.ui.widget("suggestion_added") != nullptr);
    f.ui.click("suggestion_status_0", f.draw);
    f.ui.click("suggestion_status_0_accepted", f.draw);
    CHECK(f.app->suggestions().list()[0].status == "accepted");
}

TEST_CASE("a database that fails to read after it opened says so above every screen and offers a restore") {
    const std::string path = "/tmp/tousu_test_fault.sqlite";
    std::remove(path.c_str());
    core::SimulatedClock clock{core::parseIso8601("2026-11-01T09:00:00+08:00").value()};
    {
        auto app = std::move(app::App::open(path, clock, 3).value());
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        REQUIRE(app->access().useSinglePersonDesk().ok()); // no sign-in to drive
        REQUIRE(app::generate(*app, clock, {600, 3, clock.now(), 20}).ok());
    }
    // A failing disk: the root page of the case rows overwritten (the rest of the file reads fine).
    std::int64_t page = 0, pageSize = 0;
    {
        auto db = std::move(store::Database::open(path).value());
        store::Statement root(*db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master "
                                   "WHERE name = 'cases'");
        REQUIRE(root.row().value());
        page = root.integer(0);
        pageSize = root.integer(1);
    }
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp((page - 1) * pageSize);
        const std::string garbage(static_cast<std::size_t>(pageSize), '\x55');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    auto opened = app::App::open(path, clock, 4);
    REQUIRE(opened.ok());
    app::App& app = *opened.value();
    ui::MainWindow window;
    test::Headless ui;
    const std::function<void()> draw = [&] { window.draw(app); };
    ui.frame(draw);
    ui.click("case_list", draw);
    for (int i = 0; i < 3; ++i) ui.frame(draw);
    REQUIRE(app.fault().has_value());
    CHECK(app.fault()->messageKey == "error.database_damaged");
    REQUIRE(ui.widget("database_fault") != nullptr);
    CHECK(ui.widget("database_fault")->label.find(present::tr("error.database_damaged")) != std::string::npos);
    CHECK(ui.widget("fault_restore") != nullptr);
    std::remove(path.c_str());
}

TEST_CASE("the menu bar folds what does not fit into 更多, so nothing in it overlaps, in either language") {
    for (const auto lang : {present::Language::ZhCN, present::Language::En})
        for (const float width : {480.0f, 768.0f, 1024.0f, 1366.0f}) {
            CAPTURE(width);
            CAPTURE(present::languageTag(lang));
            present::setLanguage(lang);
            Fixture f;
            ImGui::GetIO().DisplaySize = ImVec2(width, 800);
            f.ui.frame(f.draw);
            f.ui.frame(f.draw);
            std::vector<const ui::automation::Widget*> bar;
            for (const auto& w : ui::automation::lastFrame())
                if (w.y < ImGui::GetFrameHeight()) bar.push_back(&w);
            REQUIRE(bar.size() >= 5);
            for (const auto* a : bar) {
                CHECK(a->x + a->w <= width + 0.5f);
                for (const auto* b : bar)
                    if (a != b) {
                        CAPTURE(a->id + " / " + b->id);
                        CHECK((a->x + a->w <= b->x + 0.5f || b->x + b->w <= a->x + 0.5f));
                    }
            }
            // Every top-level entry is in the bar, or 更多 is there to hold the rest.
            const bool folded = f.ui.widget("more") != nullptr;
            for (const char* id : {"work_queue", "case_list", "new_case", "follow_ups", "dashboard", "suggestions",
                                   "settings", "sync", "backup", "training", "help"})
                CHECK((folded || f.ui.widget(id) != nullptr));
            if (width == 480.0f) CHECK(folded);
            if (width == 1366.0f && lang == present::Language::ZhCN) CHECK_FALSE(folded);
            CHECK(f.ui.widget("work_queue") != nullptr); // the first destinations always stay
            CHECK(f.ui.widget("user") != nullptr);
            CHECK(f.ui.widget("lang_toggle") != nullptr);
        }
}

TEST_CASE("a folded destination still opens from 更多") {
    Fixture f;
    ImGui::GetIO().DisplaySize = ImVec2(480, 800);
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("more") != nullptr);
    REQUIRE(f.ui.widget("help") == nullptr);
    f.ui.click("more", f.draw);
    REQUIRE(f.ui.widget("settings") != nullptr);
    f.ui.click("settings", f.draw);
    CHECK(f.window.view() == ui::View::Settings);
}

TEST_CASE("reminders take one line: the most pressing first, the others behind a button") {
    Fixture f;
    REQUIRE(f.app->initialize(app::kFirstOfficeCode, app::kFirstOfficeName).ok()); // a code still to set
    REQUIRE(f.app->access().useSinglePersonDesk().ok());                           // no sign-in to drive
    REQUIRE(f.app->signIn("s10").ok());
    f.clock.jumpBy(core::parseIso8601("2026-12-01T09:00:00+08:00").value()); // from the epoch
    core::Registration r{"phone",           "王芳", "13800138000", "",           "phone", "宽带断网",
                         "service_quality", "",     "normal",      f.clock.now()};
    REQUIRE(f.app->cases().registerCase(r).ok()); // data never backed up
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("reminder_backup") != nullptr);
    CHECK(f.ui.widget("office_set_now") == nullptr);
    REQUIRE(f.ui.widget("notices_more") != nullptr);
    f.ui.click("notices_more", f.draw);
    CHECK(f.ui.widget("office_set_now") != nullptr);
    CHECK(f.ui.widget("office_set_now")->y > f.ui.widget("reminder_backup")->y);
    f.ui.click("notices_more", f.draw);
    CHECK(f.ui.widget("office_set_now") == nullptr);
}

TEST_CASE("the backup reminder is for those who may take a backup, not for an agent") {
    Fixture f;
    REQUIRE(f.app->initialize("BJ01", "北京一营").ok());
    REQUIRE(f.app->access().useSinglePersonDesk().ok()); // no sign-in to drive
    f.clock.jumpBy(core::parseIso8601("2026-12-01T09:00:00+08:00").value());
    core::Registration r{"phone",           "王芳", "13800138000", "",           "phone", "宽带断网",
                         "service_quality", "",     "normal",      f.clock.now()};
    REQUIRE(f.app->signIn("s01").ok());
    REQUIRE(f.app->cases().registerCase(r).ok()); // data never backed up
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("reminder_backup") == nullptr);
    REQUIRE(f.app->signIn("s09").ok()); // a supervisor may
    f.clock.jumpBy(core::kHourMs);      // the reminder is checked again each hour or change
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("reminder_backup") != nullptr);
}

TEST_CASE("the customer notice downloads with a line saying where it went, until it is dismissed") {
    Fixture f;
    std::string saved;
    ui::Host host;
    host.saveFile = [&](const std::string& name, const std::string&, const std::string& bytes) {
        if (bytes.find("<html") != std::string::npos) saved = name;
    };
    f.window.setHost(host);
    f.ui.frame(f.draw);
    if (!f.ui.widget("help")) f.ui.click("more", f.draw); // folded away on a narrow window
    f.ui.click("help", f.draw);
    f.ui.click("customer_notice", f.draw);
    CHECK(saved == "tousu-HQ-notice.html");
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("notice_dismiss") != nullptr);
    f.ui.click("notice_dismiss", f.draw);
    CHECK(f.ui.widget("notice_dismiss") == nullptr);
}

TEST_CASE("Tab and Shift+Tab pass over the reminders") {
    Fixture f;
    REQUIRE(f.app->initialize("BJ01", "北京一营").ok());
    REQUIRE(f.app->access().useSinglePersonDesk().ok()); // no sign-in to drive
    REQUIRE(f.app->signIn("s10").ok());
    f.clock.jumpBy(core::parseIso8601("2026-12-01T09:00:00+08:00").value());
    core::Registration r{"phone",           "王芳", "13800138000", "",           "phone", "宽带断网",
                         "service_quality", "",     "normal",      f.clock.now()};
    REQUIRE(f.app->cases().registerCase(r).ok()); // never backed up: a reminder with a button
    f.ui.frame(f.draw);
    f.ui.chord(ImGuiKey_N, f.draw, ImGuiMod_Alt);
    REQUIRE(f.ui.widget("reminder_backup") != nullptr);
    REQUIRE(f.ui.focused() == "customer_name");
    for (int i = 0; i < 3; ++i) { // back over the channel, to what comes before the screen
        f.ui.chord(ImGuiKey_Tab, f.draw, ImGuiMod_Shift);
        CAPTURE(i);
        CHECK(f.ui.focused() != "reminder_backup");
        CHECK(f.ui.focused() != "notices_more");
    }
}

TEST_CASE("a first start shows only its choice: the administrator's passphrase, or a single-person desk") {
    core::SimulatedClock clock{0};
    auto app = std::move(app::App::open(":memory:", clock, 1).value());
    REQUIRE(app->initialize("BJ01", "北京一营").ok());
    ui::MainWindow window;
    test::Headless ui;
    const std::function<void()> draw = [&] { window.draw(*app); };
    const auto type = [&](const char* id, const char* text) {
        ui.click(id, draw);
        ui.chord(ImGuiKey_A, draw);
        ImGui::GetIO().AddInputCharactersUTF8(text);
        ui.frame(draw);
    };
    ui.frame(draw);
    ui.frame(draw);
    CHECK(ui.widget("new_case") == nullptr);
    REQUIRE(ui.widget("first_start_single") != nullptr);
    type("first_start_passphrase", "短口令");
    type("first_start_confirm", "短口令");
    ui.click("first_start_secure", draw);
    CHECK(ui.widget("field_error_secret") != nullptr);
    type("first_start_passphrase", "营业厅管理员口令");
    type("first_start_confirm", "营业厅管理员口令!");
    ui.click("first_start_secure", draw);
    CHECK(ui.widget("field_error_confirm") != nullptr);
    CHECK(app->access().mode() == app::AccessMode::NotSetUp);
    type("first_start_passphrase", "营业厅管理员口令");
    type("first_start_confirm", "营业厅管理员口令");
    ui.click("first_start_secure", draw);
    CHECK(app->access().mode() == app::AccessMode::Secured);
    CHECK(app->actor().staffId == "s10");
    CHECK(ui.widget("new_case") != nullptr);
    // The passphrase opens the desk after a lock.
    app->lock();
    ui.frame(draw);
    CHECK(ui.widget("new_case") == nullptr);
    CHECK(app->signIn("s10", "营业厅管理员口令").ok());
}
