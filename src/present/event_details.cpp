#include "present/event_details.h"

#include <cstdlib>

#include "core/amend.h"
#include "core/fields.h"
#include "core/time.h"
#include "core/validate.h"
#include "present/format.h"
#include "present/i18n.h"

namespace tousu::present {

namespace {

// The facts a step of `type` records, each "label：value".
std::vector<std::string> facts(const core::Event& e, const ReferenceNames& names) {
    const auto field = [&](const char* key) { return core::getField(e.fields, key); };
    const auto fact = [](const char* labelKey, const std::string& value) { return tr(labelKey) + value; };
    const auto assignee = [&] {
        return fact("timeline.assigned_to",
                    std::string(names.department(field("department"))) + " / " + names.person(field("person")));
    };
    const std::string& t = e.type;
    if (t == "confirm" || t == "contact" || t == "feedback" || t == "message")
        return {fact("timeline.method", trCode("contact", field("method")))};
    if (t == "classify") {
        std::vector<std::string> out{fact("timeline.category", trCode("category", field("category")))};
        if (!field("sub_type").empty()) out.push_back(fact("timeline.sub_type", names.subType(field("sub_type"))));
        if (!field("importance").empty())
            out.push_back(fact("timeline.importance", trCode("importance", field("importance"))));
        return out;
    }
    if (t == "dispatch")
        return {assignee(), fact("timeline.expected_at", formatDateTime(core::getInt(e.fields, "expected_at", 0)))};
    if (t == "reassign") return {assignee()};
    if (t == "survey")
        return {field("declined") == "1" ? std::string(tr("timeline.declined"))
                                         : fact("timeline.rating", field("rating") + " / 5")};
    if (t == "follow_up") return {tr(field("resolved") == "1" ? "timeline.resolved" : "timeline.not_resolved")};
    if (t == "set_deadline")
        return {std::string(trCode("milestone", field("milestone"))) + " · " +
                fact("timeline.limit", std::to_string(core::getInt(e.fields, "limit_ms", 0) / core::kHourMs)) +
                tr("timeline.hours")};
    if (t == "escalate") return {fact("timeline.level", field("level"))};
    if (t == "merge") return {fact("timeline.into", field("into"))};
    if (t == "erase")
        return {tr(field("reason") == "retention" ? "timeline.erased_retention" : "timeline.erased_request")};
    if (t == "attach")
        return {fact("timeline.file", field("name")) + " · " + attachmentKindName(field("media_type")) + " · " +
                formatBytes(core::getInt(e.fields, "size", 0))};
    if (t == "withdraw_attachment") return {fact("timeline.file", field("name"))};
    return {};
}

// A value as the timeline shows it: long text cut at a character boundary.
std::string excerpt(const std::string& v) {
    constexpr std::size_t kShown = 60;
    std::size_t cut = 0;
    for (std::size_t n = 0; cut < v.size() && n < kShown; ++n)
        for (++cut; cut < v.size() && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80;) ++cut;
    return cut < v.size() ? v.substr(0, cut) + "…" : v;
}

// "label：old → new" for each field an amendment changed, in the intake's order.
std::vector<std::string> amendments(const core::Event& e, bool wholeContacts) {
    const auto shown = [&](const std::string& field, const std::string& v) -> std::string {
        if (v.empty()) return tr("timeline.empty_value");
        if (field == "received_at") return formatDateTime(std::strtoll(v.c_str(), nullptr, 10));
        if (field == "channel") return trCode("channel", v);
        if (field == "contact_method") return trCode("contact", v);
        if (field == "phone" && !wholeContacts) return core::maskPhone(v);
        if (field == "account" && !wholeContacts) return core::maskAccount(v);
        return excerpt(v);
    };
    std::vector<std::string> lines;
    for (const char* field : core::kAmendableFields) {
        const auto now = e.fields.find(field);
        if (now == e.fields.end()) continue;
        const std::string was = core::getField(e.fields, std::string(core::kOldPrefix) + field);
        lines.push_back(std::string(tr(std::string("amend.") + field)) + "：" + shown(field, was) + " → " +
                        shown(field, now->second));
    }
    return lines;
}

} // namespace

std::vector<std::string> eventDetails(const core::Event& e, const ReferenceNames& names, bool wholeContacts) {
    if (e.type == "register") return {};
    if (e.type == "amend") {
        std::vector<std::string> lines = amendments(e, wholeContacts);
        lines.push_back(tr("timeline.amend_reason") + core::getField(e.fields, "reason"));
        return lines;
    }
    std::vector<std::string> lines;
    std::string joined;
    for (const std::string& f : facts(e, names)) joined += (joined.empty() ? "" : " · ") + f;
    if (!joined.empty()) lines.push_back(joined);
    if (e.type == "erase") return lines; // its reason is a code, said above
    for (const char* key : {"note", "reason", "solution", "step", "result", "comment", "text"})
        if (const std::string text = core::getField(e.fields, key); !text.empty()) {
            lines.push_back(text);
            break;
        }
    return lines;
}

} // namespace tousu::present
