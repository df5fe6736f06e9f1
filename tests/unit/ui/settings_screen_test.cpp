// The settings screen driven by input events: what an administrator changes is stored and used
// at once (office code, a new person, a time limit, a message template, text size); others see
// the settings but cannot change the office's.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.h"
#include "headless.h"
#include "present/i18n.h"
#include "ui/main_window.h"
#include "ui/theme.h"

using namespace tousu;

namespace {

constexpr const char* kPassphrase = "administrator passphrase";

struct Fixture {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 1).value());
    ui::MainWindow window;
    test::Headless ui;
    std::function<void()> draw = [this] { window.draw(*app); };
    explicit Fixture(const char* staffId = "s10") {
        REQUIRE(app->initialize("HQ", "总部").ok());
        REQUIRE(app->access().useSinglePersonDesk().ok()); // no sign-in to drive
        REQUIRE(app->signIn(staffId).ok());
        ui.frame(draw);
        ui.click("settings", draw);
    }
    ~Fixture() {
        present::setLanguage(present::Language::ZhCN);
        ui::setFontSizePx(ui::kFontSizePx);
    }
    // Replaces a text field's content as a user would: click, select all, type.
    void retype(const char* id, const char* text) {
        ui.click(id, draw);
        ui.chord(ImGuiKey_A, draw);
        ImGui::GetIO().AddInputCharactersUTF8(text);
        ui.frame(draw);
    }
    // Everyone signs in from now on; the administrator is signed in.
    void secure() {
        REQUIRE(app->access().secure("s10", kPassphrase).ok());
        REQUIRE(app->signIn("s10", kPassphrase).ok());
        ui.frame(draw);
    }
    void choose(const char* comboId, const std::string& code) {
        ui.click(comboId, draw);
        ui.click(std::string(comboId) + "_" + code, draw);
    }
};

} // namespace

TEST_CASE("the administrator sets the office code and new complaints are numbered with it") {
    Fixture f;
    f.ui.click("settings_office", f.draw);
    f.retype("office_code", "G Z");
    f.ui.click("office_save", f.draw);
    CHECK(f.app->info().officeCode == "HQ"); // refused: a space
    CHECK(f.ui.widget("settings_saved") == nullptr);
    f.retype("office_code", "GZ03");
    f.retype("office_name", "广州三营");
    f.ui.click("office_save", f.draw);
    CHECK(f.app->info().officeCode == "GZ03");
    CHECK(f.app->info().officeName == "广州三营");
    CHECK(f.ui.widget("settings_saved") != nullptr);
}

TEST_CASE("a person added on the staff tab can be signed in as, with the chosen role") {
    Fixture f;
    f.ui.click("settings_staff", f.draw);
    f.ui.click("staff_new", f.draw);
    f.retype("staff_name", "孙丽");
    f.choose("staff_role", "supervisor");
    f.choose("staff_department", "billing");
    f.ui.click("staff_save", f.draw);
    const auto staff = f.app->staff();
    const auto it = std::find_if(staff.begin(), staff.end(), [](auto& s) { return s.name == "孙丽"; });
    REQUIRE(it != staff.end());
    CHECK(it->role == "supervisor");
    CHECK(it->department == "billing");
    CHECK(f.ui.widget("staff_row_" + it->id) != nullptr);
    REQUIRE(f.app->signIn(it->id).ok());
    CHECK(f.app->actor().role == core::Role::Supervisor);
}

TEST_CASE("a time limit changed on the policies tab applies to the next complaint") {
    Fixture f;
    f.ui.click("settings_policies", f.draw);
    f.retype("policy_billing_handled", "96");
    f.ui.click("policy_save_billing", f.draw);
    const core::CategoryPolicy* p = core::policyFor(f.app->policies(), core::Category::Billing);
    REQUIRE(p != nullptr);
    CHECK(p->version == 2);
    CHECK(p->rules.back().limitHours == 96);
    f.retype("policy_billing_handled", "0");
    f.ui.click("policy_save_billing", f.draw);
    CHECK(core::policyFor(f.app->policies(), core::Category::Billing)->version == 2); // refused
}

TEST_CASE("the confirmation template typed in settings is what the confirm form offers to send") {
    Fixture f;
    f.ui.click("settings_templates", f.draw);
    f.retype("template_confirmation", "{customer}您好，编号 {number}，{office}");
    f.ui.click("template_save_confirmation", f.draw);
    core::Registration r{"phone", "张三",   "13812345678", "", "phone", "宽带断线", "service_quality",
                         "",      "normal", f.clock.now(), 0};
    auto ref = f.app->cases().registerCase(r);
    REQUIRE(ref.ok());
    f.window.go(ui::Navigation{ui::View::CaseDetail, ref.value().id, {}});
    f.ui.frame(f.draw);
    f.ui.click("confirm", f.draw);
    const auto* text = f.ui.widget("form_confirmation_text");
    REQUIRE(text != nullptr);
    CHECK(text->value == "张三您好，编号 " + ref.value().number + "，总部");
}

TEST_CASE("the text size chosen is applied at once and again at the next start") {
    Fixture f;
    f.choose("font_size", "20");
    CHECK(ui::fontSizePx() == 20.0f);
    CHECK(f.app->settings().preference("font_size") == "20");
    ui::setFontSizePx(ui::kFontSizePx);
    ui::MainWindow next;
    f.ui.frame([&] { next.draw(*f.app); });
    CHECK(ui::fontSizePx() == 20.0f);
}

TEST_CASE("someone who is not an administrator sees the settings but cannot change the office's") {
    Fixture f("s01");
    f.ui.click("settings_office", f.draw);
    f.retype("office_code", "SZ");
    f.ui.click("office_save", f.draw);
    CHECK(f.app->info().officeCode == "HQ");
    f.ui.click("settings_desk", f.draw);
    f.retype("my_pin", "2580");
    f.ui.click("my_pin_save", f.draw);
    CHECK(f.app->access().hasSecret("s01"));
}

TEST_CASE("on a secured desk, choosing someone asks for their secret — a wrong one keeps the current person") {
    Fixture f;
    f.secure();
    REQUIRE(f.app->access().setSecret("s03", "4321").ok());
    f.ui.click("user", f.draw);
    f.ui.click("signin_s03", f.draw);
    REQUIRE(f.ui.widget("pin_entry") != nullptr);
    f.retype("pin_entry", "1111");
    f.ui.click("pin_ok", f.draw);
    CHECK(f.app->actor().staffId == "s10");
    REQUIRE(f.ui.widget("pin_entry") != nullptr); // still asking, and the wrong entry waits its second
    CHECK(f.ui.widget("sign_in_wait") != nullptr);
    f.retype("pin_entry", "4321");
    f.ui.click("pin_ok", f.draw); // too soon: the button does nothing
    CHECK(f.app->actor().staffId == "s10");
    f.clock.jumpBy(1000);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("sign_in_wait") == nullptr);
    f.ui.click("pin_ok", f.draw);
    CHECK(f.app->actor().staffId == "s03");
    CHECK(f.ui.widget("pin_entry") == nullptr);
}

TEST_CASE("a locked desk shows nothing but the sign-in form until someone signs in with their secret") {
    Fixture f;
    f.secure();
    REQUIRE(f.app->access().setSecret("s01", "2580").ok());
    f.app->lock();
    f.window.offerSignIn("s10");
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("new_case") == nullptr);
    CHECK(f.ui.widget("settings") == nullptr);
    REQUIRE(f.ui.widget("pin_entry") != nullptr);
    f.ui.click("unlock_as_s01", f.draw); // someone else, with their own PIN
    f.ui.click("pin_ok", f.draw);        // nothing typed: refused
    CHECK(f.app->locked());
    f.clock.jumpBy(1000);
    f.retype("pin_entry", "2580");
    f.ui.click("pin_ok", f.draw);
    CHECK_FALSE(f.app->locked());
    CHECK(f.app->actor().staffId == "s01");
    CHECK(f.ui.widget("new_case") != nullptr);
}

TEST_CASE("a secured desk left idle for its idle time locks, and what was typed at intake is gone") {
    Fixture f;
    f.secure();
    REQUIRE(f.app->access().setIdleLockMinutes(5).ok());
    f.ui.click("new_case", f.draw);
    f.retype("customer_name", "王小明");
    f.clock.jumpBy(4 * 60'000);
    f.ui.frame(f.draw);
    CHECK_FALSE(f.app->locked()); // not yet
    f.clock.jumpBy(60'000);
    f.ui.frame(f.draw);
    CHECK(f.app->locked());
    CHECK(f.ui.widget("customer_name") == nullptr);
    f.retype("pin_entry", kPassphrase);
    f.ui.click("pin_ok", f.draw);
    REQUIRE_FALSE(f.app->locked());
    f.ui.click("new_case", f.draw);
    REQUIRE(f.ui.widget("customer_name") != nullptr);
    CHECK(f.ui.widget("customer_name")->value.empty());
}

TEST_CASE("an administrator sets a colleague's first secret and unlocks a profile locked out by wrong entries") {
    Fixture f;
    f.secure();
    REQUIRE(f.app->access().setIdleLockMinutes(240).ok()); // the wrong entries below take 100 minutes
    f.ui.click("settings_staff", f.draw);
    f.ui.click("staff_row_s03", f.draw);
    f.retype("staff_secret", "123");
    f.ui.click("staff_secret_save", f.draw);
    CHECK(f.ui.widget("field_error_secret") != nullptr);
    f.retype("staff_secret", "4321");
    f.ui.click("staff_secret_save", f.draw);
    REQUIRE(f.app->access().hasSecret("s03"));
    for (int i = 0; i < app::Access::kLockOutAfter; ++i) {
        (void)f.app->signIn("s03", "0000");
        f.clock.jumpBy(600'000);
    }
    REQUIRE(f.app->access().attempts("s03").lockedOut);
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("staff_failures") != nullptr);
    f.ui.click("staff_unlock", f.draw);
    CHECK_FALSE(f.app->access().attempts("s03").lockedOut);
    CHECK(f.app->signIn("s03", "4321").ok());
}

TEST_CASE("a first-start office reminds the administrator to set its code until it is set") {
    Fixture f;
    REQUIRE(f.app->settings().setOffice(app::kFirstOfficeCode, app::kFirstOfficeName).ok());
    f.ui.frame(f.draw);
    REQUIRE(f.ui.widget("office_set_now") != nullptr);
    f.ui.click("office_set_now", f.draw);
    CHECK(f.window.view() == ui::View::Settings);
    REQUIRE(f.app->settings().setOffice("BJ01", "北京一营").ok());
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("office_set_now") == nullptr);
}

TEST_CASE("Ctrl+Enter saves the form the keyboard is in, and a fixed field loses its error") {
    Fixture f;
    f.ui.click("settings_office", f.draw);
    f.retype("office_code", "G Z");
    f.ui.chord(ImGuiKey_Enter, f.draw); // in the office form: saves it, refused for the space
    CHECK(f.app->info().officeCode == "HQ");
    REQUIRE(f.ui.widget("field_error_office_code") != nullptr);
    f.ui.click("office_code", f.draw);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Backspace, true);
    f.ui.frame(f.draw);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Backspace, false);
    f.ui.frame(f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("field_error_office_code") == nullptr); // edited: the message goes
    CHECK(f.ui.widget("settings_saved") == nullptr);          // and nothing claims it was saved
    f.retype("office_name", "广州三营");
    f.retype("office_code", "GZ03");
    f.ui.chord(ImGuiKey_Enter, f.draw);
    CHECK(f.app->info().officeCode == "GZ03");
    CHECK(f.app->info().officeName == "广州三营");
}

TEST_CASE("Ctrl+Enter in one template saves that template only") {
    Fixture f;
    f.ui.click("settings_templates", f.draw);
    f.retype("template_feedback", "{customer}您好，已处理：{result}");
    f.retype("template_confirmation", "{customer}您好，已受理");
    f.ui.chord(ImGuiKey_Enter, f.draw); // the keyboard is in the confirmation's text
    CHECK(f.app->settings().messageTemplate("confirmation", "zh-CN") == "{customer}您好，已受理");
    CHECK_FALSE(f.app->settings().messageTemplate("feedback", "zh-CN").has_value());
}

TEST_CASE("the administrator reads the audit log in settings, newest first, and others have no such tab") {
    {
        Fixture agent("s01"); // one desk at a time: each has its own ImGui context
        CHECK(agent.ui.widget("settings_audit") == nullptr);
        CHECK(agent.ui.widget("settings_office") != nullptr); // the other tabs are there
    }
    Fixture f;
    f.ui.click("settings_office", f.draw);
    f.retype("office_code", "GZ03");
    f.retype("office_name", "广州三营");
    f.ui.click("office_save", f.draw);
    f.ui.click("settings_audit", f.draw);
    f.ui.frame(f.draw);
    const auto* count = f.ui.widget("audit_count");
    REQUIRE(count != nullptr);
    const auto total = f.app->auditCount().value();
    CHECK(total == 3); // the single-person desk chosen, the sign-in, then the office
    CHECK(count->label.find("共 3 条") != std::string::npos);
    CHECK(f.app->auditLog(1).value().front().action == "office");
}

TEST_CASE("the retention run erases what is past the years kept, showing its progress, and then nothing is due") {
    Fixture f;
    for (int i = 0; i < 3; ++i) {
        const auto ref =
            f.app->cases().registerCase({"phone", "欧阳明远", "1391234567" + std::to_string(i), "", "phone",
                                         "话费多扣了二十元", "billing", "", "normal", f.clock.now()});
        REQUIRE(ref.ok());
        REQUIRE(f.app->cases().cancel(ref.value().id, "客户撤回").ok());
    }
    f.clock.jumpBy(4 * 365 * 24 * core::kHourMs);
    f.ui.click("settings_personal_data", f.draw);
    REQUIRE(f.ui.widget("retention_due") != nullptr);
    CHECK(f.ui.widget("retention_due")->label.find("3 件") != std::string::npos);
    f.ui.click("retention_run", f.draw);
    for (int i = 0; i < 4; ++i) f.ui.frame(f.draw);
    CHECK(f.app->personalData().retentionDue().value() == 0);
    REQUIRE(f.ui.widget("retention_progress") != nullptr);
    CHECK(f.ui.widget("retention_progress")->label.find("3 / 3") != std::string::npos);
    CHECK(f.ui.widget("retention_run") == nullptr); // nothing left to erase
}

TEST_CASE("a secured desk asks for a frame at its idle deadline, which input moves on, and locks then") {
    Fixture f;
    f.secure();
    std::vector<double> asked;
    ui::Host host;
    host.requestRedrawAfter = [&](double ms) { asked.push_back(ms); };
    f.window.setHost(host);
    for (int i = 0; i < 20; ++i) { // someone moving the mouse, a frame each move
        ImGui::GetIO().AddMousePosEvent(100.0f + float(i), 200.0f);
        f.clock.jumpBy(1000);
        f.ui.frame(f.draw);
    }
    REQUIRE_FALSE(asked.empty());
    CHECK(asked.back() == doctest::Approx(15 * 60'000.0 + ui::Host::kTimerSlackMs));
    // A frame with no input (another timer's) asks for what is left.
    f.clock.jumpBy(15 * 60'000 - 19'000);
    f.ui.frame(f.draw);
    CHECK_FALSE(f.app->locked());
    CHECK(asked.back() == doctest::Approx(19'000.0 + ui::Host::kTimerSlackMs));
    f.clock.jumpBy(19'000);
    f.ui.frame(f.draw);
    CHECK(f.app->locked());
}
