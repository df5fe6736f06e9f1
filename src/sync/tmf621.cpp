#include "sync/tmf621.h"

#include <charconv>

#include "core/fold.h"
#include "core/time.h"

namespace tousu::sync {

using nlohmann::json;

namespace {

// Payload fields that are bookkeeping, not part of what happened.
bool internalField(const std::string& key) {
    return key == "at" || key == "limits" || key == "policy" || key == "customer_key" || key == "working_hours";
}

// When it happened by the recording device's clock; the HLC's wall time if "at" is unreadable.
core::TimeMs eventTime(const core::Event& e) {
    const std::string at = core::getField(e.fields, "at");
    core::TimeMs t = 0;
    const auto [end, ec] = std::from_chars(at.data(), at.data() + at.size(), t);
    return ec == std::errc() && end == at.data() + at.size() ? t : e.hlc.wall;
}

// Times in payloads are ms since the epoch; in a note they read as ISO 8601.
std::string readable(const std::string& key, const std::string& value) {
    const bool time = key.ends_with("_at") || key.ends_with("_date");
    core::TimeMs t = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), t);
    return time && ec == std::errc() && end == value.data() + value.size() ? core::formatIso8601(t) : value;
}

json note(const core::Event& e) {
    std::string text;
    for (const auto& [key, value] : e.fields)
        if (!internalField(key)) text += (text.empty() ? "" : "\n") + key + ": " + readable(key, value);
    return {{"id", e.id},   {"author", e.actor},  {"date", core::formatIso8601(eventTime(e))},
            {"text", text}, {"noteType", e.type}, {"@type", "Note"}};
}

} // namespace

const char* tmfStatus(const core::Case& c) {
    using core::State;
    switch (c.state) {
    case State::Registered:
    case State::Confirmed:
    case State::Classified:
        return "acknowledged";
    case State::Dispatched:
    case State::Investigating:
    case State::SolutionProposed:
    case State::Implementing:
        return "inProgress";
    case State::PendingCustomer:
        return "pending";
    case State::FedBack:
    case State::Surveyed:
        return "resolved";
    case State::Archived:
        return "closed";
    case State::Cancelled:
        return c.mergedInto.empty() ? "cancelled" : "rejected";
    }
    return "acknowledged";
}

const char* tmfSeverity(core::Importance i) {
    switch (i) {
    case core::Importance::Normal:
        return "minor";
    case core::Importance::Important:
        return "major";
    case core::Importance::Urgent:
        return "critical";
    }
    return "minor";
}

json troubleTicket(const std::vector<core::Event>& events, const core::Calendar& officeCalendar,
                   core::TimeMs expectedResolution) {
    core::Case c;
    json notes = json::array(), history = json::array();
    std::string lastStatus;
    core::TimeMs lastUpdate = 0;
    for (const core::Event& e : events) {
        core::applyEvent(c, e, officeCalendar);
        lastUpdate = std::max(lastUpdate, eventTime(e));
        if (e.type != "register") notes.push_back(note(e));
        if (const char* status = tmfStatus(c); status != lastStatus) {
            history.push_back({{"changeDate", core::formatIso8601(eventTime(e))},
                               {"status", status},
                               {"changeReason", e.type},
                               {"@type", "StatusChange"}});
            lastStatus = status;
        }
    }
    json parties = json::array();
    json customer = {{"role", "complainant"}, {"name", c.customerName}, {"@referredType", "Individual"}};
    json mediums = json::array();
    if (!c.phone.empty()) mediums.push_back({{"mediumType", "phone"}, {"characteristic", {{"phoneNumber", c.phone}}}});
    if (!c.email.empty()) mediums.push_back({{"mediumType", "email"}, {"characteristic", {{"emailAddress", c.email}}}});
    if (!c.address.empty())
        mediums.push_back({{"mediumType", "postalAddress"}, {"characteristic", {{"street1", c.address}}}});
    if (!mediums.empty()) customer["contactMedium"] = mediums;
    if (!c.account.empty()) customer["id"] = c.account;
    parties.push_back(customer);
    if (!c.person.empty())
        parties.push_back({{"role", "responsible"}, {"id", c.person}, {"@referredType", "Individual"}});
    if (!c.department.empty())
        parties.push_back({{"role", "responsibleDepartment"}, {"id", c.department}, {"@referredType", "Organization"}});
    json characteristics = json::array();
    const auto characteristic = [&](const char* name, const json& value) {
        characteristics.push_back({{"name", name}, {"value", value}});
    };
    characteristic("category", core::code(c.category));
    characteristic("subType", c.subType);
    characteristic("importance", core::code(c.importance));
    characteristic("state", core::code(c.state));
    if (c.rating) characteristic("satisfactionRating", c.rating);
    if (!c.repeatOf.empty()) characteristic("repeatOf", c.repeatOf);
    if (!c.mergedInto.empty()) characteristic("mergedInto", c.mergedInto);
    if (c.reopenCount) characteristic("reopenCount", c.reopenCount);
    if (c.escalationLevel) characteristic("escalationLevel", c.escalationLevel);
    if (c.concurrentEdit) characteristic("editedConcurrently", true);
    json t = {{"id", c.number},
              {"name", c.number},
              {"externalId", c.id},
              {"description", c.content},
              {"severity", tmfSeverity(c.importance)},
              {"ticketType", "complaint"},
              {"status", tmfStatus(c)},
              {"creationDate", core::formatIso8601(c.receivedAt)},
              {"lastUpdate", core::formatIso8601(lastUpdate)},
              {"channel", {{"id", core::code(c.channel)}, {"name", core::code(c.channel)}}},
              {"relatedParty", parties},
              {"note", notes},
              {"statusChangeHistory", history},
              {"troubleTicketCharacteristic", characteristics},
              {"@type", "TroubleTicket"}};
    json attachments = json::array(); // by reference: the bytes are the desk's, named by their SHA-256
    for (const core::Attachment& a : c.attachments)
        if (!a.withdrawn)
            attachments.push_back({{"id", a.sha256},
                                   {"name", a.name},
                                   {"mimeType", a.mediaType},
                                   {"size", {{"amount", a.size}, {"units", "bytes"}}},
                                   {"@referredType", "Attachment"},
                                   {"@type", "AttachmentRef"}});
    if (!attachments.empty()) t["attachment"] = attachments;
    if (expectedResolution) t["expectedResolutionDate"] = core::formatIso8601(expectedResolution);
    if (c.resolvedAt) t["resolutionDate"] = core::formatIso8601(c.resolvedAt);
    return t;
}

} // namespace tousu::sync
