// The current state of a case is the fold of its events in (hlc, origin, id) order.
//
// Invariants (checked by the property tests):
//   1. fold is a pure function of the ordered event list: same events, same case, on every device;
//   2. an event the workflow does not allow in the state reached so far (possible only when two
//      offices acted concurrently) changes nothing but marks the case `concurrentEdit`;
//   3. milestones once met stay met (metAt never moves);
//   4. an archived case changes only through follow-up and reopen.
#pragma once
#include <vector>

#include "core/calendar.h"
#include "core/event.h"
#include "core/model.h"

namespace tousu::core {

// Applies one event. Returns false if it was not applicable (see invariant 2).
bool applyEvent(Case& c, const Event& e, const Calendar& officeCalendar);
// Sorts a copy of the events and folds them into a new case.
Case foldEvents(std::vector<Event> events, const Calendar& officeCalendar);

} // namespace tousu::core
