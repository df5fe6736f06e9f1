#include "sync/event_json.h"

#include <algorithm>

#include "core/workflow.h"

namespace tousu::sync {

using nlohmann::json;

namespace {

core::Error bad(const std::string& field, const std::string& why) {
    return core::makeError(core::ErrorCode::InvalidInput, "error.event_format", why, field);
}

// A string member no longer than `max` bytes; `allowEmpty` for actor and case (reference data).
core::Result<std::string> stringField(const json& j, const char* name, std::size_t max, bool allowEmpty = false) {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string()) return bad(name, std::string("missing or not a string: ") + name);
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > max) return bad(name, std::string("too long: ") + name);
    if (s.empty() && !allowEmpty) return bad(name, std::string("empty: ") + name);
    return s;
}

constexpr const char* kEnvelopeKeys[] = {"id", "case", "hlc", "origin", "actor", "type", "prev", "payload"};

bool knownType(const std::string& type) {
    return core::actionFromCode(type).has_value() || type == "ref.department" || type == "ref.staff" ||
           type == "ref.sub_type" || type == "ref.policy" || type == "ref.suggestion";
}

} // namespace

json eventToJson(const core::Event& e) {
    json payload = json::object();
    for (const auto& [k, v] : e.fields) payload[k] = v;
    return {{"id", e.id},       {"case", e.caseId}, {"hlc", core::formatHlc(e.hlc)},   {"origin", e.origin},
            {"actor", e.actor}, {"type", e.type},   {"prev", core::formatHlc(e.prev)}, {"payload", payload}};
}

core::Result<core::Event> eventFromJson(const json& j) {
    if (!j.is_object()) return bad("", "an event must be a JSON object");
    for (const auto& [key, value] : j.items()) // the envelope eventToJson writes, nothing else
        if (std::find(std::begin(kEnvelopeKeys), std::end(kEnvelopeKeys), key) == std::end(kEnvelopeKeys))
            return bad(key.substr(0, kMaxIdLength), "unknown event key: " + key.substr(0, kMaxIdLength));
    core::Event e;
    auto id = stringField(j, "id", kMaxIdLength);
    if (!id) return id.error();
    e.id = id.value();
    auto caseId = stringField(j, "case", kMaxIdLength, true);
    if (!caseId) return caseId.error();
    e.caseId = caseId.value();
    auto origin = stringField(j, "origin", kMaxIdLength);
    if (!origin) return origin.error();
    e.origin = origin.value();
    auto actor = stringField(j, "actor", kMaxIdLength, true);
    if (!actor) return actor.error();
    e.actor = actor.value();
    auto type = stringField(j, "type", kMaxIdLength);
    if (!type) return type.error();
    if (!knownType(type.value())) return bad("type", "unknown event type: " + type.value());
    e.type = type.value();
    for (const auto& [name, target] : {std::pair{"hlc", &e.hlc}, std::pair{"prev", &e.prev}}) {
        auto text = stringField(j, name, 32);
        if (!text) return text.error();
        auto h = core::parseHlc(text.value());
        if (!h) return bad(name, "not an HLC: " + text.value());
        *target = h.value();
    }
    const auto payload = j.find("payload");
    if (payload == j.end() || !payload->is_object()) return bad("payload", "payload must be an object");
    if (payload->size() > kMaxPayloadFields) return bad("payload", "too many payload fields");
    for (const auto& [k, v] : payload->items()) {
        if (!v.is_string()) return bad("payload." + k, "payload values must be strings");
        if (k.size() > kMaxIdLength || v.get_ref<const std::string&>().size() > kMaxFieldBytes)
            return bad("payload." + k, "payload field too long");
        e.fields.emplace(k, v.get<std::string>());
    }
    if (e.caseId.empty() != (e.type.rfind("ref.", 0) == 0))
        return bad("case", "reference data has no case id; case events need one");
    return e;
}

} // namespace tousu::sync
