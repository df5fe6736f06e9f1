// Realistic synthetic complaints for demos, tests and benchmarks, driven through the app layer with
// a simulated clock: every channel and category, most cases closed with surveys, some late, some
// repeats, some waiting on the customer, some still open at the end. Deterministic for a seed.
#pragma once
#include <cstdint>

#include "core/clock.h"
#include "core/result.h"

namespace tousu::app {

class App;

struct GenerateOptions {
    int cases = 1000;
    std::uint64_t seed = 1;
    core::TimeMs start = 0;         // first receipt
    int days = 90;                  // receipts spread over this many days; steps after the end stay undone
    bool registrationsOnly = false; // every case registered and left there (a large list, quickly)
};

struct GenerateStats {
    int cases = 0, actions = 0, repeats = 0, open = 0, failed = 0;
};

// `clock` must be the clock `app` was opened with; it is moved forward through the plan.
core::Result<GenerateStats> generate(App& app, core::SimulatedClock& clock, const GenerateOptions& options);

} // namespace tousu::app
