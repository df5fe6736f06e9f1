// Hybrid logical clock: physical milliseconds plus a counter, so events from different offices get
// a total order that respects causality even when device clocks disagree. Ties between devices are
// broken by (origin, event id) in Event ordering (core/event.h).
#pragma once
#include <compare>
#include <cstdint>
#include <string>

#include "core/result.h"
#include "core/time.h"

namespace tousu::core {

// The text form has 8 counter digits: a clock never counts past this within one millisecond.
constexpr std::uint32_t kMaxHlcCounter = 99'999'999;

struct Hlc {
    TimeMs wall = 0;
    std::uint32_t counter = 0;
    auto operator<=>(const Hlc&) const = default;
};

std::string formatHlc(Hlc h); // "0001795829400000-00000003", sorts as text
Result<Hlc> parseHlc(const std::string& text);

class HlcClock {
  public:
    // Next timestamp for a local event at physical time `physical`. A counter that would outgrow its
    // 8 digits moves on to the next millisecond instead, so every stamp keeps its text form.
    Hlc tick(TimeMs physical);
    // Fold in a timestamp seen from another device, so later local events sort after it.
    void observe(Hlc remote);
    Hlc last() const { return m_last; }

  private:
    Hlc m_last;
};

} // namespace tousu::core
