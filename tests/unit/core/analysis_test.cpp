// The dashboard's figures on small hand-built sets whose answers are counted by hand.
#include <doctest/doctest.h>

#include "core/analysis.h"
#include "core/deadline.h"

using namespace tousu::core;

namespace {

TimeMs at(const char* iso) { return parseIso8601(iso).value(); }

KpiRow row(const char* received, Category category, Channel channel, const char* subType, const char* customer = "") {
    KpiRow r;
    r.receivedAt = at(received);
    r.category = category;
    r.channel = channel;
    r.subType = subType;
    r.department = category == Category::Billing ? "billing" : "network";
    r.person = category == Category::Billing ? "s05" : "s03";
    r.customerKey = customer;
    r.phone = customer;
    r.state = State::Investigating;
    return r;
}

KpiRow closed(KpiRow r, DeadlineOutcome outcome, int rating) {
    r.state = State::Archived;
    r.outcome = outcome;
    r.rating = rating;
    r.resolvedAt = r.receivedAt + 10 * kHourMs;
    return r;
}

Dashboard build(const std::vector<KpiRow>& rows, Period p, AnalysisFilter f = {}, TimeMs now = 0) {
    DashboardBuilder b(p, std::move(f), now ? now : p.to);
    for (const KpiRow& r : rows) b.add(r);
    return b.finish();
}

} // namespace

TEST_CASE("periods are calendar weeks from Monday, months and quarters in China time") {
    const TimeMs sunday = at("2026-11-29T23:30:00+08:00");
    const Period week = periodContaining(PeriodKind::Week, sunday);
    CHECK(week.from == at("2026-11-23T00:00:00+08:00")); // Monday
    CHECK(week.to == at("2026-11-30T00:00:00+08:00"));
    CHECK(week.previous().from == at("2026-11-16T00:00:00+08:00"));
    const Period month = periodContaining(PeriodKind::Month, at("2026-12-31T23:59:00+08:00"));
    CHECK(month.from == at("2026-12-01T00:00:00+08:00"));
    CHECK(month.to == at("2027-01-01T00:00:00+08:00"));
    CHECK(month.previous().from == at("2026-11-01T00:00:00+08:00")); // November, not 31 days back
    CHECK(periodContaining(PeriodKind::Month, at("2027-01-15T12:00:00+08:00")).previous().from ==
          at("2026-12-01T00:00:00+08:00"));
    // 16:30 UTC on 31 March is already 1 April in Beijing: the second quarter.
    const Period quarter = periodContaining(PeriodKind::Quarter, at("2026-03-31T16:30:00Z"));
    CHECK(quarter.from == at("2026-04-01T00:00:00+08:00"));
    CHECK(quarter.to == at("2026-07-01T00:00:00+08:00"));
    CHECK(quarter.previous().from == at("2026-01-01T00:00:00+08:00"));
    CHECK(periodContaining(PeriodKind::Quarter, at("2026-02-01T12:00:00+08:00")).previous().from ==
          at("2025-10-01T00:00:00+08:00"));
    CHECK(periodOfDays(at("2026-11-01T00:00:00+08:00"), at("2026-11-01T00:00:00+08:00")).length() == 24 * kHourMs);
}

TEST_CASE("the period's KPIs and the previous period's are counted apart — cancelled and filtered rows not at all") {
    const Period week = periodContaining(PeriodKind::Week, at("2026-11-25T12:00:00+08:00"));
    KpiRow cancelled = row("2026-11-24T10:00:00+08:00", Category::Billing, Channel::Phone, "overcharge");
    cancelled.state = State::Cancelled;
    const std::vector<KpiRow> rows = {
        closed(row("2026-11-23T09:00:00+08:00", Category::Billing, Channel::Phone, "overcharge"),
               DeadlineOutcome::OnTime, 5),
        closed(row("2026-11-24T09:00:00+08:00", Category::Billing, Channel::Online, "overcharge"),
               DeadlineOutcome::Late, 2),
        row("2026-11-29T23:59:00+08:00", Category::ServiceQuality, Channel::Phone, "network_fault"),
        row("2026-11-30T00:00:00+08:00", Category::ServiceQuality, Channel::Phone, "network_fault"), // next week
        closed(row("2026-11-17T09:00:00+08:00", Category::Billing, Channel::Phone, "overcharge"),
               DeadlineOutcome::OnTime, 4),
        cancelled,
    };
    const Dashboard d = build(rows, week);
    CHECK(d.current.cases == 3);
    CHECK(d.current.closed == 2);
    CHECK(d.current.onTimeRate() == doctest::Approx(0.5));
    CHECK(d.current.satisfactionMean() == doctest::Approx(3.5));
    CHECK(d.previous.cases == 1);
    CHECK(d.previous.onTimeRate() == doctest::Approx(1.0));
    const Dashboard billing = build(rows, week, {"billing", "", "", ""});
    CHECK(billing.current.cases == 2);
    CHECK(build(rows, week, {"", "online", "", ""}).current.cases == 1);
    CHECK(build(rows, week, {"", "", "", "s03"}).current.cases == 1);
}

TEST_CASE("环比 of a running period compares with the same part of the period before, not all of it") {
    const TimeMs now = at("2026-12-05T12:00:00+08:00");
    const Period month = periodContaining(PeriodKind::Month, now);
    const Period compared = month.comparedAt(now);
    CHECK(compared.from == at("2026-11-01T00:00:00+08:00"));
    CHECK(compared.to == at("2026-11-05T12:00:00+08:00"));
    CHECK(month.comparedAt(month.to + kHourMs) == month.previous()); // a period that is over: all of it
    const std::vector<KpiRow> rows = {
        row("2026-12-02T09:00:00+08:00", Category::Billing, Channel::Phone, "overcharge"),
        row("2026-11-03T09:00:00+08:00", Category::Billing, Channel::Phone, "overcharge"),
        row("2026-11-20T09:00:00+08:00", Category::Billing, Channel::Phone, "overcharge"), // past the 5th
    };
    const Dashboard d = build(rows, month, {}, now);
    CHECK(d.current.cases == 1);
    CHECK(d.previous.cases == 1);
    CHECK(d.compared == compared);
}

TEST_CASE("an empty period has no rates, not zero and not NaN") {
    const Dashboard d = build({}, periodContaining(PeriodKind::Month, at("2026-11-25T12:00:00+08:00")));
    CHECK(d.current.cases == 0);
    CHECK(d.current.onTimeRate() == -1);
    CHECK(d.current.satisfactionMean() == -1);
    CHECK(d.current.repeatRate() == -1);
    CHECK(d.pareto.empty());
    CHECK(d.categoryByChannel.max() == 0);
    CHECK(d.trend.size() == 30);
}

TEST_CASE("the trend has one bucket per day, or per week past 62 days, with categories and on-time counts") {
    const Period week = periodContaining(PeriodKind::Week, at("2026-11-25T12:00:00+08:00"));
    const Dashboard d = build(
        {closed(row("2026-11-23T00:00:00+08:00", Category::Billing, Channel::Phone, "a"), DeadlineOutcome::OnTime, 0),
         closed(row("2026-11-23T23:59:59+08:00", Category::Billing, Channel::Phone, "a"), DeadlineOutcome::Late, 0),
         row("2026-11-24T08:00:00+08:00", Category::Business, Channel::Phone, "b")},
        week);
    REQUIRE(d.trend.size() == 7);
    CHECK(d.trend[0].start == week.from);
    CHECK(d.trend[0].byCategory[1] == 2); // kCategories order: service quality, billing, business, other
    CHECK(d.trend[0].onTimeRate() == doctest::Approx(0.5));
    CHECK(d.trend[1].byCategory[2] == 1);
    CHECK(d.trend[1].onTimeRate() == -1);
    CHECK(d.trend[6].total() == 0);
    const Dashboard quarter = build({}, periodContaining(PeriodKind::Quarter, at("2026-11-25T12:00:00+08:00")));
    CHECK(quarter.bucketMs == 7 * 24 * kHourMs);
    CHECK(quarter.trend.size() == 14); // 92 days
}

TEST_CASE("the Pareto orders sub-types by count with the cumulative share — heat maps count category pairs") {
    const Period week = periodContaining(PeriodKind::Week, at("2026-11-25T12:00:00+08:00"));
    std::vector<KpiRow> rows;
    for (int i = 0; i < 5; ++i)
        rows.push_back(row("2026-11-24T09:00:00+08:00", Category::Billing, Channel::Phone, "overcharge"));
    for (int i = 0; i < 3; ++i)
        rows.push_back(row("2026-11-24T09:00:00+08:00", Category::ServiceQuality, Channel::Online, "slow"));
    for (int i = 0; i < 2; ++i)
        rows.push_back(row("2026-11-24T09:00:00+08:00", Category::ServiceQuality, Channel::Phone, "outage"));
    const Dashboard d = build(rows, week);
    REQUIRE(d.pareto.size() == 3);
    CHECK(d.pareto[0].subType == "overcharge");
    CHECK(d.pareto[0].cumulativeShare == doctest::Approx(0.5));
    CHECK(d.pareto[1].subType == "slow");
    CHECK(d.pareto[1].cumulativeShare == doctest::Approx(0.8));
    CHECK(d.pareto[2].cumulativeShare == doctest::Approx(1.0));
    const HeatMap& h = d.categoryByChannel;
    CHECK(h.rows == std::vector<std::string>{"billing", "service_quality"}); // 5 each: by key
    CHECK(h.columns == std::vector<std::string>{"phone", "online"});         // 7 before 3
    CHECK(h.at(0, 0) == 5);
    CHECK(h.at(1, 1) == 3);
    CHECK(h.at(1, 0) == 2);
    CHECK(h.at(0, 1) == 0);
    CHECK(h.max() == 5);
    CHECK(d.categoryByDepartment.at(0, 0) == 5); // billing × billing department
}

TEST_CASE("top repeat complainants are customers with two or more cases in the period, most first") {
    const Period week = periodContaining(PeriodKind::Week, at("2026-11-25T12:00:00+08:00"));
    std::vector<KpiRow> rows;
    for (int i = 0; i < 3; ++i)
        rows.push_back(row("2026-11-24T09:00:00+08:00", Category::Billing, Channel::Phone, "a", "13900000003"));
    for (int i = 0; i < 2; ++i)
        rows.push_back(row("2026-11-25T09:00:00+08:00", Category::Billing, Channel::Phone, "a", "13900000002"));
    rows.push_back(row("2026-11-25T09:00:00+08:00", Category::Billing, Channel::Phone, "a", "13900000001"));
    rows.push_back(
        row("2026-11-16T09:00:00+08:00", Category::Billing, Channel::Phone, "a", "13900000001")); // last week
    const Dashboard d = build(rows, week);
    REQUIRE(d.topRepeaters.size() == 2);
    CHECK(d.topRepeaters[0].customerKey == "13900000003");
    CHECK(d.topRepeaters[0].cases == 3);
    CHECK(d.topRepeaters[1].cases == 2);
}

TEST_CASE("overdue now counts open cases past a due time, and the per-person table groups by person") {
    const Period week = periodContaining(PeriodKind::Week, at("2026-11-25T12:00:00+08:00"));
    const TimeMs now = at("2026-11-26T12:00:00+08:00");
    KpiRow late = row("2026-11-24T09:00:00+08:00", Category::Billing, Channel::Phone, "a");
    late.nextDue = now - 1;
    KpiRow inTime = row("2026-11-24T09:00:00+08:00", Category::ServiceQuality, Channel::Phone, "a");
    inTime.nextDue = now + 1;
    const Dashboard d = build({late, inTime}, week, {}, now);
    CHECK(d.overdueNow == 1);
    CHECK(d.byPerson.at("s05").cases == 1);
    CHECK(d.byPerson.at("s05").decided == 1);
    CHECK(d.byPerson.at("s05").onTime == 0);
    CHECK(d.byPerson.at("s03").decided == 0);
}

TEST_CASE("deadline health counts milestones met in time and late, and bands the share of the last limit used") {
    const Period week = periodContaining(PeriodKind::Week, at("2026-11-25T12:00:00+08:00"));
    KpiRow fast = closed(row("2026-11-24T09:00:00+08:00", Category::ServiceQuality, Channel::Phone, "a"),
                         DeadlineOutcome::OnTime, 5);
    fast.metMilestones = "initial_investigation:1:300,feedback:1:450";
    KpiRow tight = fast;
    tight.metMilestones = "initial_investigation:1:900,feedback:1:1000";
    KpiRow late = closed(row("2026-11-24T09:00:00+08:00", Category::ServiceQuality, Channel::Phone, "a"),
                         DeadlineOutcome::Late, 2);
    late.metMilestones = "initial_investigation:0:1200,feedback:0:1600";
    KpiRow open = row("2026-11-24T09:00:00+08:00", Category::ServiceQuality, Channel::Phone, "a");
    open.metMilestones = "initial_investigation:1:500"; // still open: no band
    const Dashboard d = build({fast, tight, late, open}, week);
    const DeadlineHealth& h = d.deadlineHealth.at("service_quality");
    REQUIRE(h.milestones.size() == 2);
    CHECK(h.milestones[0].milestone == Milestone::InitialInvestigation);
    CHECK(h.milestones[0].onTime == 3);
    CHECK(h.milestones[0].late == 1);
    CHECK(h.milestones[1].onTimeShare() == doctest::Approx(2.0 / 3));
    CHECK(h.usedBands == std::array<int, 5>{1, 0, 1, 0, 1}); // 45 %, 100 %, 160 %
}

TEST_CASE("met milestones read back as written, and malformed parts are skipped") {
    const auto met = parseMetMilestones("feedback:1:620,nonsense,handled:0:1310,teleport:1:5");
    REQUIRE(met.size() == 2);
    CHECK(met[0].milestone == Milestone::Feedback);
    CHECK(met[0].onTime);
    CHECK(met[0].usedPerMille == 620);
    CHECK(met[1].milestone == Milestone::Handled);
    CHECK_FALSE(met[1].onTime);
    CHECK(parseMetMilestones("").empty());
}
