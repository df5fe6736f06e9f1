#include "sync/bundle.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "core/attachment.h"
#include "core/sha256.h"
#include "sync/event_json.h"
#include "sync/json_limits.h"
#include "sync/sealed.h"

namespace tousu::sync {

using nlohmann::json;

namespace {

core::Error refuse(const char* key, std::string detail = {}, std::string field = {}) {
    return core::makeError(core::ErrorCode::InvalidInput, key, std::move(detail), std::move(field));
}

// The header keys writeBundle has written since bundles began (5457144; "masked" since ca60139).
constexpr const char* kHeaderKeys[] = {"format", "version", "origin", "office", "created",
                                       "count",  "sha256",  "masked", "events", "attachments"};
// An office name is shown, never parsed. The desk allows 40 characters, but `tousu-cli init` took any
// length before 09ef7f9 and exports carry the stored name, so a reader takes as much as a payload value.
constexpr std::size_t kMaxOfficeNameLength = kMaxFieldBytes;

// Office codes go into case numbers (TS-<code>-…): 1–8 ASCII letters or digits (app/errors.h).
bool officeCodeOk(const std::string& code) {
    return !code.empty() && code.size() <= 8 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    });
}

std::size_t characters(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The header's own shape, as assets/sync/bundle.schema.json says it: no other keys, the office an
// object of a code and a name, masked a boolean when present.
std::optional<core::Error> headerError(const json& root) {
    for (const auto& [key, value] : root.items())
        if (std::find(std::begin(kHeaderKeys), std::end(kHeaderKeys), key) == std::end(kHeaderKeys))
            return refuse("error.bundle_format", "unknown header key: " + key.substr(0, 64), key.substr(0, 64));
    const auto office = root.find("office");
    if (office == root.end() || !office->is_object() || office->size() != 2 || !office->contains("code") ||
        !office->contains("name"))
        return refuse("error.bundle_format", "office must be an object of code and name", "office");
    const json& code = office->at("code");
    if (!code.is_string() || !officeCodeOk(code.get_ref<const std::string&>()))
        return refuse("error.bundle_format", "office.code is not 1 to 8 letters or digits", "office.code");
    const json& name = office->at("name");
    if (!name.is_string() || characters(name.get_ref<const std::string&>()) > kMaxOfficeNameLength)
        return refuse("error.bundle_format",
                      "office.name is not a text of at most " + std::to_string(kMaxOfficeNameLength) + " characters",
                      "office.name");
    if (const auto masked = root.find("masked"); masked != root.end() && !masked->is_boolean())
        return refuse("error.bundle_format", "masked is not true or false", "masked");
    return std::nullopt;
}

// One element of the attachments array: the bytes decoded and checked against their hash and size.
core::Result<BundleAttachment> attachmentFromJson(const json& j) {
    const auto bad = [](std::string what) { return refuse("error.bundle_attachment", std::move(what)); };
    if (!j.is_object() || j.size() != 3 || !j.contains("sha256") || !j.contains("size") || !j.contains("data"))
        return bad("not an object of sha256, size and data");
    const json& sha = j.at("sha256");
    if (!sha.is_string() || !core::isSha256Hex(sha.get_ref<const std::string&>())) return bad("sha256");
    const std::string& name = sha.get_ref<const std::string&>();
    const auto size = integerIn(j.at("size"), 1, INT64_MAX);
    const json& data = j.at("data");
    if (!size || !data.is_string()) return bad(name + ": size or data");
    auto bytes = base64Decode(data.get_ref<const std::string&>());
    if (!bytes) return bad(name + ": data is not base64");
    if (static_cast<std::int64_t>(bytes->size()) != *size)
        return bad(name + ": holds " + std::to_string(bytes->size()) + " bytes, says " + std::to_string(*size));
    if (core::sha256Hex(*bytes) != name) return bad(name + ": the bytes do not match their sha256");
    return BundleAttachment{name, std::move(*bytes)};
}

// Collects the events and attachments arrays element by element while nlohmann parses the rest.
struct EventCollector {
    std::vector<core::Event> events;
    std::unordered_map<std::string, std::string> seen; // id -> canonical text
    std::optional<core::Error> firstError;
    core::Sha256 hash; // over every event read, repeats included, as the writer hashed them
    std::size_t read = 0;
    std::string lastKey;
    bool inEvents = false, sawEvents = false, inAttachments = false, sawAttachments = false;
    std::vector<BundleAttachment> attachments;

    void fail(core::Error e) {
        if (!firstError) firstError = std::move(e);
    }

    bool operator()(int depth, json::parse_event_t ev, json& parsed) {
        if (depth == 1 && ev == json::parse_event_t::key) lastKey = parsed.get<std::string>();
        // A file that says it holds more events than allowed (usually first: keys are written sorted).
        if (depth == 1 && ev == json::parse_event_t::value && lastKey == "count" && parsed.is_number() &&
            parsed.get<double>() > static_cast<double>(kMaxBundleEvents))
            fail(refuse("error.bundle_too_many", "count " + parsed.dump(), "count"));
        if (depth == 1 && ev == json::parse_event_t::array_start) {
            inEvents = lastKey == "events";
            inAttachments = lastKey == "attachments";
            sawEvents = sawEvents || inEvents;
            sawAttachments = sawAttachments || inAttachments;
        }
        if (depth == 1 && ev == json::parse_event_t::array_end && (inEvents || inAttachments)) {
            inEvents = inAttachments = false;
            return false; // kept as Events and bytes, not as JSON
        }
        if (inAttachments && depth == 2) return attachment(ev, parsed);
        if (!inEvents || depth != 2) return true;
        // An element is complete at its end (objects, arrays) or at once (scalars).
        if (ev != json::parse_event_t::object_end && ev != json::parse_event_t::array_end &&
            ev != json::parse_event_t::value)
            return true;
        if (firstError) return false;
        const std::string where = "event " + std::to_string(events.size() + 1);
        if (read >= kMaxBundleEvents) {
            fail(refuse("error.bundle_too_many", "more than " + std::to_string(kMaxBundleEvents) + " events"));
            return false;
        }
        auto e = eventFromJson(parsed);
        if (!e) {
            fail(refuse("error.bundle_event", where + ": " + e.error().detail, e.error().field));
            return false;
        }
        std::string text = core::canonicalText(e.value());
        hash.update(text);
        hash.update("\n");
        ++read;
        auto [it, fresh] = seen.emplace(e.value().id, text);
        if (!fresh) {
            if (it->second != text) fail(refuse("error.bundle_duplicate", where + ": id " + e.value().id));
            return false;
        }
        events.push_back(std::move(e.value()));
        return false;
    }

    bool attachment(json::parse_event_t ev, const json& parsed) {
        if (ev != json::parse_event_t::object_end && ev != json::parse_event_t::array_end &&
            ev != json::parse_event_t::value)
            return true;
        if (firstError) return false;
        auto a = attachmentFromJson(parsed);
        if (!a)
            fail(a.error());
        else if (std::none_of(attachments.begin(), attachments.end(),
                              [&](const BundleAttachment& b) { return b.sha256 == a.value().sha256; }))
            attachments.push_back(std::move(a.value()));
        return false;
    }
};

} // namespace

std::string eventsHash(const std::vector<core::Event>& events) {
    core::Sha256 h;
    for (const core::Event& e : events) {
        h.update(core::canonicalText(e));
        h.update("\n");
    }
    return h.hexDigest();
}

std::string writeBundle(const Bundle& b) {
    json header = {{"format", kBundleFormat},
                   {"version", kBundleVersion},
                   {"origin", b.origin},
                   {"office", {{"code", b.officeCode}, {"name", b.officeName}}},
                   {"created", core::formatIso8601(b.created)},
                   {"count", b.events.size()},
                   {"sha256", eventsHash(b.events)}};
    if (b.masked) header["masked"] = true;
    std::string out = header.dump();
    out.pop_back(); // reopen the object to append the events array
    out += ",\"events\":[";
    for (std::size_t i = 0; i < b.events.size(); ++i) {
        out += i ? ",\n" : "\n";
        out += eventToJson(b.events[i]).dump();
    }
    out += "\n],\"attachments\":[";
    for (std::size_t i = 0; i < b.attachments.size(); ++i) {
        const BundleAttachment& a = b.attachments[i];
        out += i ? ",\n" : "\n";
        out += json{{"sha256", a.sha256}, {"size", a.bytes.size()}, {"data", base64Encode(a.bytes)}}.dump();
    }
    out += "\n]}\n";
    return out;
}

core::Result<Bundle> readBundle(std::string_view text) {
    if (text.size() > kMaxBundleBytes)
        return refuse("error.bundle_too_large", std::to_string(text.size() >> 20) + " MiB");
    const JsonOutline outline = outlineJson(text, kMaxJsonDepth);
    if (outline.deepest > kMaxJsonDepth)
        return refuse("error.bundle_format", "nested deeper than " + std::to_string(kMaxJsonDepth));
    EventCollector collect;
    json root = json::parse(text.begin(), text.end(), std::ref(collect), false);
    // A file cut off ends with something still open (a cut right after an event's "}" included).
    if (root.is_discarded())
        return refuse(outline.endsOpen && outline.deepest > 0 ? "error.bundle_truncated" : "error.bundle_not_json");
    if (!root.is_object() || root.value("format", json()) != kBundleFormat)
        return refuse("error.bundle_format", "format is not \"tousu.bundle\"", "format");
    const auto version = integerIn(root.value("version", json()), 1, 1000);
    if (!version) return refuse("error.bundle_format", "version must be a small positive integer", "version");
    if (*version > kBundleVersion)
        return refuse("error.bundle_newer", "version " + std::to_string(*version), "version");
    if (collect.firstError) return *collect.firstError;
    if (!collect.sawEvents) return refuse("error.bundle_format", "no events array", "events");
    if (const auto a = root.find("attachments"); a != root.end() && !a->is_discarded()) // an array is taken apart
        return refuse("error.bundle_format", "attachments is not an array", "attachments");
    if (*version < 2 && collect.sawAttachments)
        return refuse("error.bundle_format", "attachments in a version 1 bundle", "attachments");
    if (auto wrong = headerError(root)) return *wrong;

    Bundle b;
    b.events = std::move(collect.events);
    b.origin = textAt(root, "origin");
    if (b.origin.empty() || b.origin.size() > kMaxIdLength) return refuse("error.bundle_format", "origin", "origin");
    const json& office = objectAt(root, "office");
    b.officeCode = textAt(office, "code");
    b.officeName = textAt(office, "name");
    auto created = core::parseIso8601(textAt(root, "created"));
    if (!created) return refuse("error.bundle_format", "created is not an ISO 8601 time", "created");
    b.created = created.value();
    b.masked = root.value("masked", json()) == true;
    b.attachments = std::move(collect.attachments);
    // A repeated event with equal content was dropped while reading; count and hash include it.
    const auto count = integerIn(root.value("count", json()), 0, INT64_MAX);
    if (!count || static_cast<std::size_t>(*count) != collect.read)
        return refuse("error.bundle_count",
                      "says " + (count ? std::to_string(*count) : std::string("no number")) + ", holds " +
                          std::to_string(collect.read),
                      "count");
    if (textAt(root, "sha256") != collect.hash.hexDigest())
        return refuse("error.bundle_hash", "the events do not match the file's sha256", "sha256");
    return b;
}

} // namespace tousu::sync
