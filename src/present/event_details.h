// What a recorded step says, in words for the case's timeline: to whom it went, which category,
// which method, the rating, the new limit — the facts first, then what was written.
#pragma once
#include <string>
#include <vector>

#include "core/event.h"
#include "present/reference_names.h"

namespace tousu::present {

// The lines to show under the step's name: at most one of facts (joined by " · "), then the text
// written with it (note, reason, solution, result, …), if any. Registration shows none (the header
// shows the case). An amendment shows a line per field changed, "old → new"; phones and accounts in
// it whole only for those who see them whole (app::App::seesWholeContacts).
std::vector<std::string> eventDetails(const core::Event& e, const ReferenceNames& names, bool wholeContacts = true);

} // namespace tousu::present
