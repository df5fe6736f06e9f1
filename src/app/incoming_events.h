// The one gate for events from outside this database (a bundle; CouchDB documents when they come):
// beyond the shape sync/event_json.cpp checks, every event must be one a desk could have written — the
// payload keys its type carries (no other, none missing), known codes, "0"/"1" flags, case numbers,
// policies, phones and limits in tousu's own formats, numbers in plain digits, texts within the desk's
// lengths, stamps and times in range, and departments, staff, sub-types and actors defined here or in
// the same import: what assets/sync/bundle.schema.json says, plus what only a desk can judge (its clock,
// its references). The first event at fault is named and nothing is stored.
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
