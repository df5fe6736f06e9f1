// Where "now" comes from. The domain never reads the system clock directly: the desk uses the
// real clock, training scenarios and tests a simulated one they can pause, speed up and jump.
#pragma once
#include "core/time.h"

namespace tousu::core {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimeMs now() const = 0;
};

class SystemClock final : public Clock {
  public:
    TimeMs now() const override;
};

// Simulated time: `now = start + (host elapsed) * rate` while running; frozen while paused.
// The host time is passed in, so the simulation itself stays pure and testable.
class SimulatedClock final : public Clock {
  public:
    explicit SimulatedClock(TimeMs start) : m_simAnchor(start) {}

    TimeMs now() const override { return at(m_hostNow); }
    TimeMs at(TimeMs hostNow) const;
    void advanceHost(TimeMs hostNow) { m_hostNow = hostNow; } // feed the host clock
    void setRate(double rate);                                // 0 pauses; 1, 60, 3600 …
    double rate() const { return m_rate; }
    void jumpBy(TimeMs delta);
    void jumpTo(TimeMs simulated) { jumpBy(simulated - now()); } // forward only
    // Pauses at `simulated`, even if the clock already ran past it (a training script stops at its
    // step's time whatever the speed overshot within a frame).
    void pauseAt(TimeMs simulated);

  private:
    TimeMs m_simAnchor; // simulated time at m_hostAnchor
    TimeMs m_hostAnchor = 0;
    TimeMs m_hostNow = 0;
    double m_rate = 0.0;
};

} // namespace tousu::core
