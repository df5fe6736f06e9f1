// Training on the desk, driven by input events: a shipped scenario starts from the menu in its own
// database, its clock plays at 3600× to a checkpoint with the expected overdue state, and leaving
// returns to the office's data untouched.
#include <doctest/doctest.h>

#include "app/app.h"
#include "headless.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct Fixture {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()}; // the real time
    std::unique_ptr<app::App> office = std::move(app::App::open(":memory:", clock, 9).value());
    ui::MainWindow window;
    test::Headless ui;
    std::function<void()> draw = [this] { window.draw(*office); };
    Fixture() {
        REQUIRE(office->initialize("BJ01", "北京一营").ok());
        REQUIRE(office->access().useSinglePersonDesk().ok()); // no sign-in to drive
        REQUIRE(office->signIn("s10").ok());
        ui.frame(draw);
    }
    int officeCases() {
        core::ListQuery q;
        q.limit = 0;
        return office->cases().listCases(q).value().total;
    }
    // The host clock moves on; two frames: the banner grows to fit what the step showed.
    void wait(core::TimeMs ms) {
        clock.jumpBy(ms);
        ui.frame(draw);
        ui.frame(draw);
    }
    std::string label(const char* id) {
        const auto* w = ui.widget(id);
        return w ? w->label : std::string("(absent)");
    }
};

} // namespace

TEST_CASE("a scenario plays at 3600x to its overdue checkpoint in its own database, and leaving restores the office") {
    Fixture f;
    f.ui.click("training", f.draw);
    f.ui.click("scenario_network-outage", f.draw);
    REQUIRE(f.ui.widget("training_banner") != nullptr);
    CHECK(f.label("training_cases").find("A = TS-TR01-20260714-0001") != std::string::npos);
    f.ui.click("case_list", f.draw);
    CHECK(f.ui.widget("case_TS-TR01-20260714-0001") != nullptr); // the list shows the training data
    CHECK(f.officeCases() == 0);

    f.ui.click("training_play_3600", f.draw);
    // Each real second is a simulated hour; the clock stops by itself at the pause at minute 10.
    f.wait(1000);
    REQUIRE(f.ui.widget("training_note") != nullptr);
    for (int i = 0; i < 8 && f.ui.widget("training_check") == nullptr; ++i) {
        f.ui.click("training_play_3600", f.draw);
        f.wait(2000);
    }
    CHECK(f.label("training_check").rfind("✓", 0) == 0); // the first checkpoint: dispatched, in time
    // On through the night's pause to the checkpoint at minute 1445 (07-15 08:05): B is overdue.
    const auto atOverdueCheck = [&] {
        return f.ui.widget("training_check") &&
               f.label("training_banner").find("2026-07-15 08:05") != std::string::npos;
    };
    for (int i = 0; i < 40 && !atOverdueCheck(); ++i) {
        f.ui.click("training_play_3600", f.draw);
        f.wait(5000); // five simulated hours, unless the script stops first
    }
    REQUIRE(atOverdueCheck());
    CHECK(f.label("training_check").rfind("✓", 0) == 0); // overdue, as the checkpoint expects

    f.ui.click("training_reset", f.draw); // back to the start, the same scenario
    CHECK(f.label("training_banner").find("2026-07-14 08:00") != std::string::npos);
    CHECK(f.ui.widget("training_check") == nullptr);
    f.ui.click("training_trainee", f.draw); // again, the trainee doing their steps
    CHECK(f.ui.widget("training_banner") != nullptr);

    f.ui.click("training_leave", f.draw);
    f.ui.frame(f.draw);
    CHECK(f.ui.widget("training_banner") == nullptr);
    CHECK(f.ui.widget("case_TS-TR01-20260714-0001") == nullptr);
    CHECK(f.officeCases() == 0);
}
