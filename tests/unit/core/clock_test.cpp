#include <doctest/doctest.h>

#include "core/clock.h"

using namespace tousu::core;

TEST_CASE("a simulated clock starts paused at its start time") {
    SimulatedClock clock(1000);
    clock.advanceHost(5000);
    CHECK(clock.now() == 1000);
}

TEST_CASE("a simulated clock at 3600x turns one host second into one simulated hour") {
    SimulatedClock clock(0);
    clock.advanceHost(10'000);
    clock.setRate(3600);
    clock.advanceHost(11'000);
    CHECK(clock.now() == kHourMs);
}

TEST_CASE("changing speed or pausing never makes simulated time jump") {
    SimulatedClock clock(0);
    clock.setRate(60);
    clock.advanceHost(1000); // 60 s simulated
    clock.setRate(1);
    CHECK(clock.now() == 60'000);
    clock.advanceHost(2000); // +1 s
    clock.setRate(0);
    clock.advanceHost(100'000);
    CHECK(clock.now() == 61'000);
}

TEST_CASE("jumping forward adds exactly the jump and never goes backwards") {
    SimulatedClock clock(0);
    clock.jumpBy(5 * kHourMs);
    CHECK(clock.now() == 5 * kHourMs);
    clock.jumpBy(-kHourMs);
    CHECK(clock.now() == 5 * kHourMs);
}

TEST_CASE("the system clock reads a time after this code was written") {
    CHECK(SystemClock().now() > 1795795200000LL); // 2026-11-28
}
