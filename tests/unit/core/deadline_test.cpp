#include <doctest/doctest.h>

#include "core/deadline.h"

using namespace tousu::core;

namespace {

TimeMs at(const char* iso) { return parseIso8601(iso).value(); }

Case openCase(Category category, const char* received) {
    Case c;
    c.state = State::Dispatched;
    c.category = category;
    c.receivedAt = at(received);
    c.milestones = milestonesFor(defaultPolicies(), category);
    return c;
}

const Calendar kClock = Calendar::clockHours();

} // namespace

TEST_CASE("each category gets the seed's limits") {
    const PolicySet p = defaultPolicies();
    const auto sq = milestonesFor(p, Category::ServiceQuality);
    REQUIRE(sq.size() == 2);
    CHECK(sq[0].milestone == Milestone::InitialInvestigation);
    CHECK(sq[0].limitMs == 24 * kHourMs);
    CHECK(sq[1].milestone == Milestone::Feedback);
    CHECK(sq[1].limitMs == 48 * kHourMs);
    CHECK(milestonesFor(p, Category::Billing).at(0).limitMs == 72 * kHourMs);
    CHECK(milestonesFor(p, Category::Business).at(0).limitMs == 48 * kHourMs);
    CHECK(milestonesFor(p, Category::Other).at(0).limitMs == 72 * kHourMs);
}

TEST_CASE("billing complaint is overdue after 72 clock hours and not a millisecond before") {
    const Case c = openCase(Category::Billing, "2026-11-28T09:30:00+08:00");
    const auto& m = c.milestones[0];
    CHECK(milestoneStatus(c, m, at("2026-12-01T09:30:00+08:00"), kClock, 0.8).level == DeadlineLevel::Near);
    CHECK(milestoneStatus(c, m, at("2026-12-01T09:30:00+08:00"), kClock, 0.8).remainingMs == 0);
    CHECK(milestoneStatus(c, m, at("2026-12-01T09:30:00.001+08:00"), kClock, 0.8).level == DeadlineLevel::Overdue);
    CHECK(milestoneStatus(c, m, at("2026-11-28T10:30:00+08:00"), kClock, 0.8).dueAt == at("2026-12-01T09:30:00+08:00"));
}

TEST_CASE("service quality: investigation due at 24 h and feedback at 48 h, amber from 80 %") {
    const Case c = openCase(Category::ServiceQuality, "2026-11-28T09:30:00+08:00");
    const auto s = deadlineStatus(c, at("2026-11-29T04:42:00+08:00"), kClock, 0.8); // 19.2 h = 80 % of 24 h
    CHECK(s[0].dueAt == at("2026-11-29T09:30:00+08:00"));
    CHECK(s[0].level == DeadlineLevel::Near);
    CHECK(s[1].dueAt == at("2026-11-30T09:30:00+08:00"));
    CHECK(s[1].level == DeadlineLevel::Ok);
    CHECK(deadlineStatus(c, at("2026-11-29T04:41:59+08:00"), kClock, 0.8)[0].level == DeadlineLevel::Ok);
}

TEST_CASE("a milestone met within its limit stays met — met after it counts as late") {
    Case c = openCase(Category::Business, "2026-11-28T09:30:00+08:00");
    c.milestones[0].metAt = at("2026-11-30T09:29:00+08:00");
    CHECK(milestoneStatus(c, c.milestones[0], at("2026-12-20T00:00:00+08:00"), kClock, 0.8).level ==
          DeadlineLevel::Met);
    CHECK(deadlineOutcome(c, kClock) == DeadlineOutcome::OnTime);
    c.milestones[0].metAt = at("2026-11-30T09:31:00+08:00");
    CHECK(milestoneStatus(c, c.milestones[0], at("2026-12-20T00:00:00+08:00"), kClock, 0.8).level ==
          DeadlineLevel::MetLate);
    CHECK(deadlineOutcome(c, kClock) == DeadlineOutcome::Late);
}

TEST_CASE("time waiting on the customer is excluded and moves the due time") {
    Case c = openCase(Category::Billing, "2026-11-28T09:30:00+08:00");
    c.pausedTotalMs = 10 * kHourMs;
    const auto s = milestoneStatus(c, c.milestones[0], at("2026-12-01T09:30:00+08:00"), kClock, 0.8);
    CHECK(s.dueAt == at("2026-12-01T19:30:00+08:00"));
    CHECK(s.remainingMs == 10 * kHourMs);
    // A pause still running counts up to now.
    c.pausedTotalMs = 0;
    c.pausedSince = at("2026-11-29T09:30:00+08:00");
    CHECK(pausedUntil(c, at("2026-11-29T12:30:00+08:00"), kClock) == 3 * kHourMs);
}

TEST_CASE("escalation levels are crossed at 60 %, 80 % and 100 % of a limit") {
    const Case c = openCase(Category::Other, "2026-11-28T00:00:00+08:00"); // 72 h
    const std::vector<double> shares{0.6, 0.8, 1.0};
    CHECK(escalationLevel(c, at("2026-11-29T19:11:00+08:00"), kClock, shares) == 0); // 43.18 h < 43.2 h
    CHECK(escalationLevel(c, at("2026-11-29T19:12:00+08:00"), kClock, shares) == 1); // 60 %
    CHECK(escalationLevel(c, at("2026-11-30T09:36:00+08:00"), kClock, shares) == 2); // 80 %
    CHECK(escalationLevel(c, at("2026-12-01T00:00:00+08:00"), kClock, shares) == 3); // 100 %
}

TEST_CASE("the regulator appeal date is 15 days after receipt") {
    const Case c = openCase(Category::Billing, "2026-11-28T09:30:00+08:00");
    CHECK(appealRiskAt(c, defaultPolicies()) == at("2026-12-13T09:30:00+08:00"));
}

TEST_CASE("billing disputes about charges older than 5 months are flagged") {
    const TimeMs received = at("2026-11-28T09:30:00+08:00");
    CHECK(billingChargeTooOld(at("2026-06-27T23:59:00+08:00"), received, defaultPolicies()));
    CHECK_FALSE(billingChargeTooOld(at("2026-06-28T00:00:00+08:00"), received, defaultPolicies()));
}

TEST_CASE("working hours skip the night and the weekend") {
    WorkingCalendar w; // 08:30–17:30, no holidays
    const Calendar cal = Calendar::working(w);
    CHECK(cal.add(at("2026-11-27T17:00:00+08:00"), 2 * kHourMs) == at("2026-11-30T10:00:00+08:00"));
    CHECK(cal.elapsed(at("2026-11-27T17:00:00+08:00"), at("2026-11-30T10:00:00+08:00")) == 2 * kHourMs);
}

TEST_CASE("the 2026 National Day holiday and its make-up days are honoured") {
    auto parsed = parseWorkingCalendar("2026-10-01\tholiday\t国庆节\n2026-10-02\tholiday\t国庆节\n"
                                       "2026-10-05\tholiday\t国庆节\n2026-10-06\tholiday\t国庆节\n"
                                       "2026-10-07\tholiday\t国庆节\n2026-02-14\tworkday\t春节调休\n");
    REQUIRE(parsed.ok());
    const Calendar cal = Calendar::working(parsed.value());
    CHECK(cal.add(at("2026-09-30T17:00:00+08:00"), kHourMs) == at("2026-10-08T09:00:00+08:00"));
    CHECK(cal.add(at("2026-02-13T17:00:00+08:00"), kHourMs) == at("2026-02-14T09:00:00+08:00")); // Saturday make-up day
}

TEST_CASE("a bad calendar line is refused with its line number") {
    auto bad = parseWorkingCalendar("# comment\n2026-10-01\tholiday\t国庆节\n2026-13-01\tholiday\tx\n");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().messageKey == "error.calendar_line");
    CHECK(bad.error().detail.find("line 3") != std::string::npos);
    CHECK_FALSE(parseWorkingCalendar("2026-10-01\tvacation\tx\n").ok());
}

TEST_CASE("a calendar's span covers every line's whole year, 1970 included (found by fuzz_calendar)") {
    auto parsed = parseWorkingCalendar("1970-09-20\tworkday\tx\n2026-10-10\tworkday\ty\n");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().firstDay == 0); // 1970-01-01
    CHECK(parsed.value().lastDay == daysFromCivil({2026, 12, 31}));
    auto early = parseWorkingCalendar("1969-05-01\tholiday\tx\n");
    REQUIRE(early.ok());
    CHECK(early.value().lastDay == daysFromCivil({1969, 12, 31}));
}
