// The dashboard on generated data agrees with `kpi` (the same definitions), whether built at once or
// a chunk at a time, and every drill-down lists exactly the cases a figure counts.
#include <doctest/doctest.h>

#include "app/app.h"
#include "app/dashboard_model.h"
#include "app/generator.h"

using namespace tousu;

namespace {

core::TimeMs at(const char* iso) { return core::parseIso8601(iso).value(); }

struct Generated {
    core::SimulatedClock clock{at("2026-09-01T08:00:00+08:00")};
    std::unique_ptr<app::App> app = std::move(app::App::open(":memory:", clock, 5).value());
    core::Period period = core::periodContaining(core::PeriodKind::Month, at("2026-10-10T12:00:00+08:00"));

    Generated() {
        REQUIRE(app->initialize("BJ01", "北京一营").ok());
        REQUIRE(app->signIn("s10").ok());
        REQUIRE(app::generate(*app, clock, {600, 21, clock.now(), 75}).ok());
    }
    int listed(core::ListFilter f) {
        f.receivedFrom = period.from;
        f.receivedTo = period.to;
        f.excludeCancelled = true;
        core::ListQuery q;
        q.filter = f;
        q.limit = 0;
        return app->cases().listCases(q).value().total;
    }
};

void checkSame(const core::KpiGroup& a, const core::KpiGroup& b) {
    CHECK(a.cases == b.cases);
    CHECK(a.closed == b.closed);
    CHECK(a.decided == b.decided);
    CHECK(a.onTime == b.onTime);
    CHECK(a.rated == b.rated);
    CHECK(a.ratingSum == b.ratingSum);
    CHECK(a.repeats == b.repeats);
    CHECK(a.handled == b.handled);
    CHECK(a.handlingHoursSum == doctest::Approx(b.handlingHoursSum));
}

} // namespace

TEST_CASE("the dashboard's KPIs are kpi's for the same period and filters, and its previous period kpi's too") {
    Generated g;
    for (const core::AnalysisFilter& f :
         {core::AnalysisFilter{}, core::AnalysisFilter{"billing", "", "", ""},
          core::AnalysisFilter{"", "phone", "", ""}, core::AnalysisFilter{"", "", "network", ""},
          core::AnalysisFilter{"", "", "", "s05"}}) {
        CAPTURE(f.category + f.channel + f.department + f.person);
        const core::Dashboard d = g.app->statistics().dashboard(g.period, f).value();
        CHECK(d.current.cases > 0);
        checkSame(d.current, g.app->statistics().kpis(g.period.from, g.period.to, f).value().total);
        const core::Period compared = g.period.comparedAt(g.clock.now());
        checkSame(d.previous, g.app->statistics().kpis(compared.from, compared.to, f).value().total);
    }
}

TEST_CASE("a dashboard built a chunk at a time equals one built at once") {
    Generated g;
    const core::Dashboard whole = g.app->statistics().dashboard(g.period, {}).value();
    core::DashboardBuilder builder(g.period, {}, g.clock.now());
    core::KpiCursor cursor;
    int chunks = 0, rows = 0;
    while (!cursor.done) {
        const auto chunk =
            g.app->statistics().kpiRowsChunk({g.period.previous().from, g.period.to}, cursor, 37).value();
        for (const core::KpiRow& r : chunk) builder.add(r);
        rows += static_cast<int>(chunk.size());
        ++chunks;
    }
    CHECK(rows == g.app->statistics().countReceived({g.period.previous().from, g.period.to}));
    CHECK(chunks > 5);
    const core::Dashboard pieces = builder.finish();
    checkSame(pieces.current, whole.current);
    checkSame(pieces.previous, whole.previous);
    REQUIRE(pieces.pareto.size() == whole.pareto.size());
    for (std::size_t i = 0; i < whole.pareto.size(); ++i) CHECK(pieces.pareto[i].count == whole.pareto[i].count);
    CHECK(pieces.categoryByChannel.cells == whole.categoryByChannel.cells);
}

TEST_CASE("the desk's dashboard model keeps its figures until the data changes, then builds them again") {
    Generated g;
    app::DashboardModel model;
    model.update(*g.app, g.period, {}, std::chrono::milliseconds(1000));
    REQUIRE(model.shown() != nullptr);
    CHECK_FALSE(model.busy());
    const int before = model.shown()->current.cases;
    checkSame(model.shown()->current, g.app->statistics().dashboard(g.period, {}).value().current);
    core::Registration r{"phone",           "林涛",
                         "13500135000",     "",
                         "phone",           "宽带本月频繁断线",
                         "service_quality", "",
                         "normal",          g.period.from + core::kHourMs};
    REQUIRE(g.app->cases().registerCase(r).ok());
    // Not built yet in a zero budget: the figures of before stay shown while it works.
    model.update(*g.app, g.period, {}, std::chrono::milliseconds(0));
    REQUIRE(model.shown() != nullptr);
    while (model.busy()) model.update(*g.app, g.period, {}, std::chrono::milliseconds(1));
    CHECK(model.shown()->current.cases == before + 1);
}

TEST_CASE("each drill-down lists exactly the cases its figure counts") {
    Generated g;
    const core::Dashboard d = g.app->statistics().dashboard(g.period, {}).value();
    CHECK(g.listed({}) == d.current.cases);
    REQUIRE_FALSE(d.pareto.empty());
    core::ListFilter bySubType;
    bySubType.subType = d.pareto[0].subType;
    CHECK(g.listed(bySubType) == d.pareto[0].count);
    const core::HeatMap& h = d.categoryByChannel;
    for (std::size_t r = 0; r < h.rows.size(); ++r)
        for (std::size_t c = 0; c < h.columns.size(); ++c) {
            core::ListFilter cell;
            cell.category = h.rows[r];
            cell.channel = h.columns[c];
            CHECK(g.listed(cell) == h.at(r, c));
        }
    core::ListFilter person;
    person.person = d.byPerson.begin()->first;
    CHECK(g.listed(person) == d.byPerson.begin()->second.cases);
    REQUIRE_FALSE(d.topRepeaters.empty());
    core::ListFilter customer;
    customer.customerKey = d.topRepeaters[0].customerKey;
    CHECK(g.listed(customer) == d.topRepeaters[0].cases);
}

TEST_CASE("a case's met milestones are projected for the deadline health: in time, late, share of the limit used") {
    core::SimulatedClock clock{at("2026-11-23T09:00:00+08:00")};
    auto app = std::move(app::App::open(":memory:", clock, 2).value());
    REQUIRE(app->initialize("BJ01", "北京一营").ok());
    REQUIRE(app->signIn("s10").ok());
    core::Registration r{"phone",           "王芳",          "13800138000", "",         "phone", "宽带断网，光猫红灯",
                         "service_quality", "network_fault", "normal",      clock.now()};
    const std::string id = app->cases().registerCase(r).value().id;
    REQUIRE(app->cases().confirm(id, "sms", "").ok());
    REQUIRE(app->cases().classify(id, "service_quality", "network_fault", "normal").ok());
    REQUIRE(app->cases().dispatch(id, "network", "s03", clock.now() + core::kHourMs).ok());
    clock.jumpBy(6 * core::kHourMs); // a quarter of the 24 h investigation limit
    REQUIRE(app->cases().investigate(id, "光猫故障，已更换").ok());
    clock.jumpBy(54 * core::kHourMs); // 60 h in all: late for the 48 h feedback limit
    REQUIRE(app->cases().proposeSolution(id, "更换光猫").ok());
    REQUIRE(app->cases().implement(id, "已上门更换").ok());
    REQUIRE(app->cases().feedback(id, "已恢复上网", "phone").ok());
    const core::Period week = core::periodContaining(core::PeriodKind::Week, at("2026-11-23T09:00:00+08:00"));
    const core::Dashboard d = app->statistics().dashboard(week, {}).value();
    const core::DeadlineHealth& h = d.deadlineHealth.at("service_quality");
    REQUIRE(h.milestones.size() == 2);
    CHECK(h.milestones[0].onTime == 1);
    CHECK(h.milestones[1].late == 1);
    CHECK(h.usedBands == std::array<int, 5>{0, 0, 0, 1, 0}); // 60 of 48 hours: 125 %
    CHECK(app->verify().value().empty());
}
