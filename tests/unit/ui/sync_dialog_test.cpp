// The sync dialog driven through the UI as staff use it, with OpenSSL standing in for WebCrypto
// (the browser suite runs the real WebCrypto path): options, passphrase checks, the sealed file,
// a wrong passphrase retried, the preview, the import.
#include <doctest/doctest.h>

#include "app/app.h"
#include "headless.h"
#include "present/i18n.h"
#include "sync/bundle.h"
#include "sync/seal.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct Office {
    std::unique_ptr<app::App> app;
    Office(core::Clock& clock, const char* code, std::uint64_t seed)
        : app(std::move(app::App::open(":memory:", clock, seed).value())) {
        REQUIRE(app->initialize(code, std::string(code) + " office").ok());
        REQUIRE(app->access().useSinglePersonDesk().ok()); // no sign-in to drive
        REQUIRE(app->signIn("s10").ok());
    }
};

struct Fixture {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    Office head{clock, "BJ01", 1}, branch{clock, "SH01", 2};
    app::App* current = head.app.get();
    ui::MainWindow window;
    test::Headless ui;
    std::string savedName, savedBytes;
    std::function<void()> draw = [this] { window.draw(*current); };

    Fixture() {
        ui::Host host;
        host.saveFile = [this](const std::string& name, const std::string&, const std::string& bytes) {
            savedName = name;
            savedBytes = bytes;
        };
        host.seal = [](const std::string& plain, const std::string& pass, ui::Host::Sealing done) {
            done(sync::seal(plain, pass, 1000));
        };
        host.unseal = [](const sync::Sealed& sealed, const std::string& pass, ui::Host::Opening done) {
            done(sync::unseal(sealed, pass));
        };
        window.setHost(host);
        core::Registration r{"phone",           "赵敏", "13912345678", "",         "phone", "宽带断网，光猫红灯",
                             "service_quality", "",     "normal",      clock.now()};
        REQUIRE(head.app->cases().registerCase(r).ok());
        ui.frame(draw);
        ui.frame(draw);
    }
    ~Fixture() { present::setLanguage(present::Language::ZhCN); }

    // Click into a field, select what it holds and type over it.
    void type(const char* id, const char* text) {
        ui.click(id, draw);
        ui.chord(ImGuiKey_A, draw);
        ImGui::GetIO().AddInputCharactersUTF8(text);
        ui.frame(draw);
        ui.frame(draw);
    }
    void settle() {
        for (int i = 0; i < 4; ++i) ui.frame(draw);
    }
    std::string label(const char* id) {
        const auto* w = ui.widget(id);
        return w ? w->label : "(absent)";
    }
};

} // namespace

TEST_CASE("an encrypted export needs a good passphrase and opens only with it — a wrong one can be retried") {
    Fixture f;
    f.ui.click("sync", f.draw);
    f.ui.click("export_all", f.draw);
    f.ui.click("export_encrypt", f.draw);
    f.type("form_passphrase", "七个字的口令");
    f.type("form_passphrase_repeat", "七个字的口令");
    f.ui.click("export_go", f.draw);
    CHECK(f.savedBytes.empty()); // too short: nothing exported, the options stay open
    REQUIRE(f.ui.widget("export_go") != nullptr);
    f.type("form_passphrase", "correct horse 电池");
    f.type("form_passphrase_repeat", "correct horse 电池!");
    f.ui.click("export_go", f.draw);
    CHECK(f.savedBytes.empty()); // the two differ
    f.type("form_passphrase_repeat", "correct horse 电池");
    f.ui.click("export_go", f.draw);
    f.settle();
    REQUIRE(f.ui.widget("export_done") != nullptr);
    CHECK(f.savedName.find("-encrypted") != std::string::npos);
    CHECK(sync::looksSealed(f.savedBytes));
    CHECK(f.savedBytes.find("13912345678") == std::string::npos);
    f.ui.click("sync_close", f.draw);

    f.current = f.branch.app.get();
    f.window.fileReceived(*f.current, f.savedName, f.savedBytes, "");
    f.settle();
    REQUIRE(f.ui.widget("form_passphrase") != nullptr);
    f.type("form_passphrase", "correct horse 电池?");
    f.ui.click("import_unlock", f.draw);
    f.settle();
    CHECK(f.label("passphrase_error") == std::string(present::tr("error.sealed_passphrase")) + "##passphrase_error");
    f.type("form_passphrase", "correct horse 电池");
    f.ui.click("import_unlock", f.draw);
    f.settle();
    CHECK(f.label("import_new_cases") == "新投诉 1 件##import_new_cases");
    CHECK(f.current->cases().listCases({}).value().total == 0); // a preview only
    f.ui.click("import_apply", f.draw);
    f.settle();
    REQUIRE(f.ui.widget("import_done") != nullptr);
    CHECK(f.current->cases().listCases({}).value().total == 1);
    const std::string number = f.head.app->cases().listCases({}).value().rows.at(0).number;
    CHECK(f.current->cases().caseIdByNumber(number) == f.head.app->cases().caseIdByNumber(number));
}

TEST_CASE("a masked export from the desk hides the customer and says so when imported") {
    Fixture f;
    f.ui.click("sync", f.draw);
    f.ui.click("export_all", f.draw);
    f.ui.click("export_mask", f.draw);
    f.ui.click("export_go", f.draw);
    f.settle();
    REQUIRE(f.ui.widget("export_done") != nullptr);
    CHECK(f.savedBytes.find("13912345678") == std::string::npos);
    CHECK(f.savedBytes.find("139****5678") != std::string::npos);
    f.ui.click("sync_close", f.draw);
    f.current = f.branch.app.get();
    f.window.fileReceived(*f.current, f.savedName, f.savedBytes, "");
    f.settle();
    CHECK(f.ui.widget("import_masked") != nullptr);
    CHECK(f.label("import_new_cases") == "新投诉 1 件##import_new_cases");
}

TEST_CASE("a damaged encrypted file is refused before any passphrase is asked") {
    Fixture f;
    auto sealed = sync::seal("{}", "passphrase", 1000).value();
    sealed.iv = "short";
    f.window.fileReceived(*f.current, "x.json", sync::writeSealed(sealed), "");
    f.settle();
    CHECK(f.label("sync_error") == std::string(present::tr("error.sealed_format")) + "##sync_error");
    CHECK(f.ui.widget("form_passphrase") == nullptr);
}
