// The one gate for events from outside this database (a bundle; CouchDB documents when they come):
// beyond the shape sync/event_json.cpp checks, every value an event carries must be one this desk
// could have written — stamps and times in range, limits a deadline can be computed from, ratings and
// levels in range, known categories, and departments, staff, sub-types and actors defined here or in
// the same import. The first event at fault is named and nothing is stored.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/result.h"

namespace tousu::app {

// "ref.staff:s11" for every reference id this database or the incoming events define.
using KnownReferences = std::set<std::string>;

std::optional<core::Error> incomingEventError(const std::vector<core::Event>& events, const KnownReferences& known,
                                              core::TimeMs now);

} // namespace tousu::app
