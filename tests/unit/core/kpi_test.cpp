#include <doctest/doctest.h>

#include "core/kpi.h"

using namespace tousu::core;

namespace {

KpiRow row(DeadlineOutcome outcome, TimeMs nextDue, int rating, bool repeat, const char* person) {
    KpiRow r;
    r.category = Category::Billing;
    r.channel = Channel::Phone;
    r.department = "billing";
    r.person = person;
    r.state = outcome == DeadlineOutcome::Open ? State::Investigating : State::Archived;
    r.outcome = outcome;
    r.nextDue = nextDue;
    r.receivedAt = 0;
    r.resolvedAt = outcome == DeadlineOutcome::Open ? 0 : 10 * kHourMs;
    r.rating = rating;
    r.repeat = repeat;
    return r;
}

} // namespace

TEST_CASE("on-time rate counts decided cases only, including open ones already overdue") {
    const TimeMs now = 100 * kHourMs;
    const auto report =
        computeKpis({row(DeadlineOutcome::OnTime, 0, 5, false, "a"), row(DeadlineOutcome::Late, 0, 4, false, "a"),
                     row(DeadlineOutcome::Open, now + 1, 0, false, "b"), // still in time
                     row(DeadlineOutcome::Open, now - 1, 0, true, "b")}, // overdue now
                    now);
    CHECK(report.total.cases == 4);
    CHECK(report.total.decided == 3);
    CHECK(report.total.onTimeRate() == doctest::Approx(1.0 / 3));
}

TEST_CASE("satisfaction is the mean rating and the share of 4s and 5s") {
    const auto report =
        computeKpis({row(DeadlineOutcome::OnTime, 0, 5, false, "a"), row(DeadlineOutcome::OnTime, 0, 4, false, "a"),
                     row(DeadlineOutcome::OnTime, 0, 2, false, "a"), row(DeadlineOutcome::OnTime, 0, 0, false, "a")},
                    0);
    CHECK(report.total.rated == 3);
    CHECK(report.total.satisfactionMean() == doctest::Approx(11.0 / 3));
    CHECK(report.total.satisfiedShare() == doctest::Approx(2.0 / 3));
    CHECK(report.total.ratingCounts[1] == 1);
}

TEST_CASE("repeat rate, handling time and per-person groups") {
    const auto report =
        computeKpis({row(DeadlineOutcome::OnTime, 0, 5, true, "a"), row(DeadlineOutcome::OnTime, 0, 5, false, "a"),
                     row(DeadlineOutcome::Open, 0, 0, false, "b"), row(DeadlineOutcome::Open, 0, 0, false, "b")},
                    0);
    CHECK(report.total.repeatRate() == doctest::Approx(0.25));
    CHECK(report.total.meanHandlingHours() == doctest::Approx(10.0));
    CHECK(report.byPerson.at("a").cases == 2);
    CHECK(report.byPerson.at("a").repeats == 1);
    CHECK(report.byPerson.at("b").handled == 0);
    CHECK(report.byCategory.at("billing").cases == 4);
}

TEST_CASE("cancelled duplicates are not counted and an empty period has no rates, not NaN") {
    KpiRow cancelled = row(DeadlineOutcome::Open, 0, 0, false, "a");
    cancelled.state = State::Cancelled;
    const auto report = computeKpis({cancelled}, 0);
    CHECK(report.total.cases == 0);
    CHECK(report.total.onTimeRate() == -1);
    CHECK(report.total.satisfactionMean() == -1);
    CHECK(report.total.repeatRate() == -1);
    CHECK(report.total.meanHandlingHours() == -1);
}
