// Expected epoch values were computed independently with Python's datetime.
#include <doctest/doctest.h>

#include "core/time.h"

using namespace tousu::core;

TEST_CASE("ISO 8601 with +08:00 parses to the UTC instant") {
    auto t = parseIso8601("2026-11-28T09:30:00+08:00");
    REQUIRE(t.ok());
    CHECK(t.value() == 1795829400000LL);
}

TEST_CASE("formatting at +08:00 gives back the same text") {
    CHECK(formatIso8601(1795829400000LL) == "2026-11-28T09:30:00+08:00");
    CHECK(formatIso8601(1795795200000LL) == "2026-11-28T00:00:00+08:00");
}

TEST_CASE("a leap day and times before 1970 convert both ways") {
    CHECK(parseIso8601("2024-02-29T23:59:59Z").value() == 1709251199000LL);
    CHECK(formatIso8601(1709251199000LL, 0) == "2024-02-29T23:59:59+00:00");
    CHECK(parseIso8601("1969-12-31T20:00:00Z").value() == -14400000LL);
    CHECK(formatIso8601(-14400000LL, 0) == "1969-12-31T20:00:00+00:00");
}

TEST_CASE("milliseconds are kept and only printed when present") {
    auto t = parseIso8601("2026-11-28T09:30:00.250+08:00");
    REQUIRE(t.ok());
    CHECK(t.value() == 1795829400250LL);
    CHECK(formatIso8601(t.value()) == "2026-11-28T09:30:00.250+08:00");
}

TEST_CASE("a negative offset moves the instant later") {
    CHECK(parseIso8601("2026-11-27T20:30:00-05:00").value() == 1795829400000LL);
    CHECK(formatIso8601(1795829400000LL, -300) == "2026-11-27T20:30:00-05:00");
}

TEST_CASE("times without an offset or with impossible fields are refused with a message key") {
    for (const char* bad : {"2026-11-28T09:30:00", "2026-02-30T00:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28",
                            "yesterday", "2026-11-28T09:30:00+8:00", "2026-11-28T09:30:00Zjunk"}) {
        CAPTURE(bad);
        auto t = parseIso8601(bad);
        REQUIRE_FALSE(t.ok());
        CHECK(t.error().messageKey == "error.time_format");
    }
}

TEST_CASE("a date is the start of that day in the office's time zone") {
    CHECK(parseDate("2026-01-01").value() == 1767196800000LL);
    CHECK_FALSE(parseDate("2025-02-29").ok());
    CHECK_FALSE(parseDate("2026-1-01").ok());
}

TEST_CASE("civil dates round-trip through day numbers for every day of 1900-2100") {
    for (std::int64_t day = daysFromCivil({1900, 1, 1}); day <= daysFromCivil({2100, 12, 31}); ++day) {
        const CivilDate d = civilFromDays(day);
        REQUIRE(isValidDate(d));
        REQUIRE(daysFromCivil(d) == day);
    }
}
