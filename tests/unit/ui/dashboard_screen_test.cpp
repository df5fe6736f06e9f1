// The statistics screen driven by clicks on generated data: its tiles show what `kpi` computes for
// the same period and filters, and a click on a heat-map cell or a person lists exactly those cases.
#include <doctest/doctest.h>

#include "app/app.h"
#include "app/generator.h"
#include "headless.h"
#include "present/i18n.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct Fixture {
    core::SimulatedClock clock{core::parseIso8601("2026-09-01T08:00:00+08:00").value()};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 3).value());
    ui::MainWindow window;
    test::Headless ui;
    std::function<void()> draw = [this] { window.draw(*app); };
    core::Period month;

    Fixture() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        REQUIRE(app->access().useSinglePersonDesk().ok()); // no sign-in to drive
        REQUIRE(app->signIn("s10").ok());
        REQUIRE(app::generate(*app, clock, {500, 17, clock.now(), 70}).ok());
        month = core::periodContaining(core::PeriodKind::Month, clock.now());
        ui.frame(draw);
        ui.click("dashboard", draw);
    }
    ~Fixture() { present::setLanguage(present::Language::ZhCN); }
    std::string label(const std::string& id) {
        const auto* w = ui.widget(id);
        return w ? w->label.substr(0, w->label.find("##")) : "(absent)";
    }
    std::string percent(double share) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
        return buf;
    }
};

} // namespace

TEST_CASE("the dashboard's tiles show kpi's figures for this month, and again after a filter is chosen") {
    Fixture f;
    const core::KpiGroup all = f.app->statistics().kpis(f.month.from, f.month.to).value().total;
    REQUIRE(all.cases > 0);
    CHECK(f.label("kpi_cases") == std::to_string(all.cases));
    CHECK(f.label("kpi_closed") == std::to_string(all.closed));
    CHECK(f.label("kpi_on_time") == f.percent(all.onTimeRate()));
    CHECK(f.label("kpi_satisfied") == f.percent(all.satisfiedShare()));

    f.ui.click("dash_category", f.draw);
    f.ui.click("dash_category_billing", f.draw);
    f.ui.frame(f.draw);
    const core::KpiGroup billing =
        f.app->statistics().kpis(f.month.from, f.month.to, {"billing", "", "", ""}).value().total;
    CHECK(billing.cases < all.cases);
    CHECK(f.label("kpi_cases") == std::to_string(billing.cases));
    CHECK(f.label("kpi_on_time") == f.percent(billing.onTimeRate()));
}

TEST_CASE("clicking a heat-map cell lists exactly the cases it counts") {
    Fixture f;
    REQUIRE(f.ui.widget("heat_channel_0_0") != nullptr);
    const std::string count = f.label("heat_channel_0_0");
    f.ui.click("heat_channel_0_0", f.draw);
    CHECK(f.window.view() == ui::View::CaseList);
    CHECK(f.ui.widget("drill_down") != nullptr);
    CHECK(f.label("list_count").find(count) != std::string::npos);
    f.ui.click("clear_filter", f.draw);
    CHECK(f.ui.widget("drill_down") == nullptr);
}

TEST_CASE("a custom period with the end before the start is refused in the user's language") {
    Fixture f;
    f.ui.click("period_custom", f.draw);
    f.ui.click("period_from", f.draw);
    ImGui::GetIO().AddInputCharactersUTF8("2026-10-31");
    f.ui.frame(f.draw);
    f.ui.click("period_to", f.draw);
    ImGui::GetIO().AddInputCharactersUTF8("2026-10-01");
    f.ui.frame(f.draw);
    f.ui.click("period_apply", f.draw);
    CHECK(f.label("period_error") == present::tr("error.period_order"));
}

TEST_CASE("a custom period that is not a date, or longer than three years, is refused in the user's language") {
    const auto refusal = [](const char* from, const char* to) {
        Fixture f;
        f.ui.click("period_custom", f.draw);
        f.ui.click("period_from", f.draw);
        ImGui::GetIO().AddInputCharactersUTF8(from);
        f.ui.frame(f.draw);
        f.ui.click("period_to", f.draw);
        ImGui::GetIO().AddInputCharactersUTF8(to);
        f.ui.frame(f.draw);
        f.ui.click("period_apply", f.draw);
        return f.label("period_error");
    };
    CHECK(refusal("2026-10-xx", "2026-10-31") == present::tr("error.date_format"));
    CHECK(refusal("2020-01-01", "2026-10-31") == present::tr("error.period_too_long"));
    CHECK(refusal("2024-01-01", "2026-10-31") == "(absent)"); // within three years: accepted
}
