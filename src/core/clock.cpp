#include "core/clock.h"

#include <chrono>

namespace tousu::core {

TimeMs SystemClock::now() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

TimeMs SimulatedClock::at(TimeMs hostNow) const {
    return m_simAnchor + static_cast<TimeMs>(static_cast<double>(hostNow - m_hostAnchor) * m_rate);
}

void SimulatedClock::setRate(double rate) {
    // Re-anchor so that changing speed never makes simulated time jump.
    m_simAnchor = at(m_hostNow);
    m_hostAnchor = m_hostNow;
    m_rate = rate < 0 ? 0 : rate;
}

void SimulatedClock::jumpBy(TimeMs delta) {
    m_simAnchor = at(m_hostNow) + (delta > 0 ? delta : 0);
    m_hostAnchor = m_hostNow;
}

void SimulatedClock::pauseAt(TimeMs simulated) {
    m_simAnchor = simulated;
    m_hostAnchor = m_hostNow;
    m_rate = 0;
}

} // namespace tousu::core
