// Cases as TM Forum TMF621 Trouble Ticket resources (ticketType "complaint"), for systems that speak
// TMF Open APIs. Full fidelity: every event after registration becomes a note (notes, contact
// records, solutions, surveys…), every state change a statusChangeHistory entry. The mapping of
// our states to TMF statuses is tmfStatus() and is documented in the README.
#pragma once
#include <nlohmann/json.hpp>
#include <vector>

#include "core/calendar.h"
#include "core/event.h"
#include "core/model.h"

namespace tousu::sync {

const char* tmfStatus(const core::Case& c);
const char* tmfSeverity(core::Importance i);

// `events` in fold order; `expectedResolution` the due time of the case's last milestone (0: none).
nlohmann::json troubleTicket(const std::vector<core::Event>& events, const core::Calendar& officeCalendar,
                             core::TimeMs expectedResolution);

} // namespace tousu::sync
