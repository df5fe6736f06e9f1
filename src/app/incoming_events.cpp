// The gate for events from outside this database (see incoming_events.h). What it checks is what
// assets/sync/bundle.schema.json says, field for field: the payload keys each type carries (all that
// any tousu version wrote, none other), codes, formats, lengths and ranges; beyond a schema, stamps
// and times against this desk's clock and references against its database. Depends on core and the
// sync layer's limits only.
//
// [SECTION] Values: one check per kind of payload value
// [SECTION] Payloads: the keys each event type carries
// [SECTION] The gate
#include "app/incoming_events.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "app/errors.h"
#include "app/suggestions.h"
#include "core/attachment.h"
#include "core/fields.h"
#include "core/model.h"
#include "core/policy.h"
#include "core/validate.h"
#include "core/workflow.h"
#include "sync/event_json.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

namespace {

// An event stamped far in the future would pull every later local stamp after it (the HLC follows
// the latest it has seen): a device whose clock is a day ahead is wrong, a year-9999 stamp is hostile.
constexpr core::TimeMs kMaxClockAheadMs = 24 * core::kHourMs;
using core::kEarliestTimeMs;
using core::kYearMs;
constexpr long long kMaxPolicyVersion = 999'999'999; // "a small integer": 9 digits, as the schema says
constexpr long long kMaxPolicyHours = 24 * 30;       // Settings::updatePolicy
constexpr long long kMaxEscalationLevel = 10;
constexpr long long kMaxRating = 5;
constexpr long long kMaxAttachmentBytes = 100 * core::kMegabyte; // app::Attachments' largest file limit

// Case-event fields that name reference data, and the reference type that defines them.
struct ReferenceUse {
    const char* field;
    const char* type;
};
constexpr ReferenceUse kReferenceUses[] = {
    {"department", "ref.department"}, {"person", "ref.staff"}, {"sub_type", "ref.sub_type"}};

// [SECTION] Values

enum class Kind {
    Time,       // ms since the epoch, from 2000 to a day past this desk's clock
    ExpectedAt, // the same, to a year past it
    Id,
    IdOrEmpty,
    Name,              // department, staff and sub-type names
    Text,              // notes, reasons, solutions: may be empty
    Content,           // a complaint's text
    CustomerName,      // plain, masked as 杨*, or empty once erased
    Account,           // plain, or masked as 62****89
    CustomerKey,       // a phone, acct:<account>, anon-<hex> in a masked export, or empty once erased
    Email,             // name@host.tld, masked as n***@host.tld, or empty
    Address,           // a postal address, masked, or empty
    ErasureReason,     // request, retention
    SuggestionContent, // a suggestion's text
    Channel,
    ContactMethod,
    Importance,
    ImportanceOrEmpty, // classify: unchanged
    Category,
    Milestone,
    Role,
    SuggestionSource,
    SuggestionStatus,
    Flag,            // "0" or "1"
    CaseNumber,      // as registered: TS-BJ01-20261206-0001
    ShownCaseNumber, // or as a twin shows it: …-0001-2 (store::CaseStore::renumberTwins)
    Phone,           // normalised, masked, or empty
    Policy,
    Limits,
    LimitMs,
    Rating,
    Level,
    PolicyVersion,
    MaxHours,
    Sha256,         // an attachment's: 64 lowercase hex digits
    AttachmentName, // a file name the desk takes (core::attachmentNameError)
    MediaType,      // the type the desk gives that name
    AttachmentSize, // bytes, 1 to the largest file limit
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool allDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), isDigit); }

// A whole number as our writers write it: digits only, no sign, space or leading zero; within [min, max].
bool numberIn(std::string_view text, long long min, long long max) {
    if (text.empty() || text.size() > 18 || !allDigits(text) || (text[0] == '0' && text.size() > 1)) return false;
    const long long v = std::strtoll(std::string(text).c_str(), nullptr, 10);
    return v >= min && v <= max;
}

bool officeCode(std::string_view s) {
    return !s.empty() && s.size() <= 8 && std::all_of(s.begin(), s.end(), [](char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    });
}

// TS-<office code>-<yyyymmdd>-<sequence of 4 to 10 digits> (core::caseNumber).
bool caseNumber(std::string_view s) {
    if (s.rfind("TS-", 0) != 0) return false;
    s.remove_prefix(3);
    const std::size_t dash = s.find('-');
    if (dash == std::string_view::npos || !officeCode(s.substr(0, dash))) return false;
    s.remove_prefix(dash + 1);
    if (s.size() < 8 + 1 + 4 || s.size() > 8 + 1 + 10 || s[8] != '-') return false;
    return allDigits(s.substr(0, 8)) && allDigits(s.substr(9));
}

// As core::normalizePhone leaves it (a mobile 1[3-9] + 9 digits, a landline 0[1-9] + 8 to 10 digits),
// as core::maskPhone hides it (138****8000), or empty when only an account is known.
bool phone(std::string_view s) {
    if (s.empty()) return true;
    if (s.size() == 11 && s.substr(3, 4) == "****") return allDigits(s.substr(0, 3)) && allDigits(s.substr(7));
    if (!allDigits(s) || s.size() < 10 || s.size() > 12) return false;
    const bool mobile = s.size() == 11 && s[0] == '1' && s[1] >= '3';
    const bool landline = s[0] == '0' && s[1] != '0';
    return mobile || landline;
}

// <category>-v<version>; "default-v1" from the versions before per-category policies (273ac35).
bool policy(std::string_view s) {
    const std::size_t v = s.rfind("-v");
    if (v == std::string_view::npos) return false;
    const std::string_view name = s.substr(0, v);
    return (core::categoryFromCode(name) || name == "default") && numberIn(s.substr(v + 2), 1, kMaxPolicyVersion);
}

// milestone=ms pairs joined by ';', each from 1 ms to a year; empty for none.
bool limits(std::string_view s) {
    if (s.empty()) return true;
    for (;;) {
        const std::size_t end = std::min(s.find(';'), s.size());
        const std::string_view item = s.substr(0, end);
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos || !core::milestoneFromCode(item.substr(0, eq)) ||
            !numberIn(item.substr(eq + 1), 1, core::kMaxLimitMs))
            return false;
        if (end == s.size()) return true;
        s.remove_prefix(end + 1);
    }
}

struct Length {
    std::size_t min, max;
};

// The characters (code points, as a JSON Schema counts them) a text kind may hold; nullopt: not text.
std::optional<Length> lengthOf(Kind kind) {
    switch (kind) {
    case Kind::Id:
        return Length{1, sync::kMaxIdLength};
    case Kind::IdOrEmpty:
        return Length{0, sync::kMaxIdLength};
    case Kind::Name:
        return Length{1, kMaxNameLength};
    case Kind::Text:
        return Length{0, kMaxNoteLength};
    case Kind::Content:
        return Length{1, core::kMaxContentLength};
    case Kind::CustomerName: // empty once erased (core/redact.h)
        return Length{0, core::kMaxNameLength};
    case Kind::Account:
        return Length{0, core::kMaxAccountLength};
    case Kind::CustomerKey: // the same
        return Length{0, sync::kMaxIdLength};
    case Kind::Address:
        return Length{0, core::kMaxAddressLength};
    case Kind::SuggestionContent:
        return Length{1, kMaxSuggestionLength};
    default:
        return std::nullopt;
    }
}

bool valueOk(Kind kind, const std::string& v, core::TimeMs now) {
    if (const auto length = lengthOf(kind)) {
        const std::size_t n = core::utf8Length(v);
        return n >= length->min && n <= length->max;
    }
    switch (kind) {
    case Kind::Time:
        return numberIn(v, kEarliestTimeMs, now + kMaxClockAheadMs);
    case Kind::ExpectedAt:
        return numberIn(v, kEarliestTimeMs, now + kYearMs);
    case Kind::Channel:
        return core::channelFromCode(v).has_value();
    case Kind::ContactMethod:
        return core::contactMethodFromCode(v).has_value();
    case Kind::Email:
        return v.empty() || core::emailOk(v);
    case Kind::Importance:
        return core::importanceFromCode(v).has_value();
    case Kind::ImportanceOrEmpty:
        return v.empty() || core::importanceFromCode(v).has_value();
    case Kind::Category:
        return core::categoryFromCode(v).has_value();
    case Kind::Milestone:
        return core::milestoneFromCode(v).has_value();
    case Kind::Role:
        return core::roleFromCode(v).has_value();
    case Kind::SuggestionSource:
        return oneOf(v, Suggestions::kSources);
    case Kind::SuggestionStatus:
        return oneOf(v, Suggestions::kStatuses);
    case Kind::Flag:
        return v == "0" || v == "1";
    case Kind::ErasureReason:
        return v == "request" || v == "retention";
    case Kind::CaseNumber:
        return caseNumber(v);
    case Kind::ShownCaseNumber: {
        const std::size_t dash = v.rfind('-');
        return caseNumber(v) || (dash != std::string::npos && v.size() - dash - 1 <= 4 &&
                                 allDigits(std::string_view(v).substr(dash + 1)) && caseNumber(v.substr(0, dash)));
    }
    case Kind::Phone:
        return phone(v);
    case Kind::Policy:
        return policy(v);
    case Kind::Limits:
        return limits(v);
    case Kind::LimitMs:
        return numberIn(v, 1, core::kMaxLimitMs);
    case Kind::Rating:
        return numberIn(v, 0, kMaxRating);
    case Kind::Level:
        return numberIn(v, 0, kMaxEscalationLevel);
    case Kind::PolicyVersion:
        return numberIn(v, 1, kMaxPolicyVersion);
    case Kind::MaxHours:
        return numberIn(v, 1, kMaxPolicyHours);
    case Kind::Sha256:
        return core::isSha256Hex(v);
    case Kind::AttachmentName:
        return !core::attachmentNameError(v);
    case Kind::MediaType:
        return !v.empty() && v.size() <= 100 && v.find('/') != std::string::npos &&
               std::all_of(v.begin(), v.end(), [](char c) { return c > ' ' && c < 0x7f; });
    case Kind::AttachmentSize:
        return numberIn(v, 1, kMaxAttachmentBytes);
    default:
        return false; // defensive: a kind added without its check
    }
}

// [SECTION] Payloads

struct Field {
    const char* key;
    Kind kind;
    bool required = true;
};

// Every key any version of tousu wrote for each type (app/cases.cpp, settings.cpp, suggestions.cpp,
// app.cpp; "at" by Context::newEvent); optional only where some writes leave it out.
const std::map<std::string, std::vector<Field>>& payloadFields() {
    using K = Kind;
    const std::vector<Field> note{{"at", K::Time}, {"note", K::Text}};
    const std::vector<Field> reason{{"at", K::Time}, {"reason", K::Text}};
    // Each field it changes, with its old value under "old." (core/amend.h); a new customer key and
    // repeat when the phone, account or received time changed them.
    const std::vector<Field> amend{
        {"at", K::Time},
        {"reason", K::Text},
        {"customer_name", K::CustomerName, false},
        {"old.customer_name", K::CustomerName, false},
        {"phone", K::Phone, false},
        {"old.phone", K::Phone, false},
        {"account", K::Account, false},
        {"old.account", K::Account, false},
        {"email", K::Email, false},
        {"old.email", K::Email, false},
        {"address", K::Address, false},
        {"old.address", K::Address, false},
        {"contact_method", K::ContactMethod, false},
        {"old.contact_method", K::ContactMethod, false},
        {"content", K::Content, false},
        {"old.content", K::Content, false},
        {"received_at", K::Time, false},
        {"old.received_at", K::Time, false},
        {"channel", K::Channel, false},
        {"old.channel", K::Channel, false},
        {"customer_key", K::CustomerKey, false},
        {"old.customer_key", K::CustomerKey, false},
        {"repeat_of", K::IdOrEmpty, false},
        {"old.repeat_of", K::IdOrEmpty, false},
    };
    static const std::map<std::string, std::vector<Field>> fields{
        {"register",
         {{"at", K::Time},
          {"number", K::CaseNumber},
          {"channel", K::Channel},
          {"customer_name", K::CustomerName},
          {"phone", K::Phone},
          {"account", K::Account},
          {"customer_key", K::CustomerKey},
          {"contact_method", K::ContactMethod},
          {"content", K::Content},
          {"received_at", K::Time},
          {"category", K::Category},
          {"sub_type", K::IdOrEmpty},
          {"importance", K::Importance},
          {"policy", K::Policy},
          {"limits", K::Limits},
          {"working_hours", K::Flag},
          {"repeat_of", K::IdOrEmpty},
          {"charge_date", K::Time, false},          // billing, charge too old for the regulator
          {"regulator_ineligible", K::Flag, false}, // the same
          {"email", K::Email, false},               // when given
          {"address", K::Address, false}}},         // the same
        {"amend", amend},
        {"note", {{"at", K::Time}, {"note", K::Text}}},
        {"message", {{"at", K::Time}, {"method", K::ContactMethod}, {"text", K::Text}}},
        {"confirm", {{"at", K::Time}, {"method", K::ContactMethod}, {"text", K::Text}}},
        {"classify",
         {{"at", K::Time},
          {"category", K::Category},
          {"sub_type", K::IdOrEmpty},
          {"importance", K::ImportanceOrEmpty},
          {"limits", K::Limits, false}}}, // when the category changed
        {"dispatch", {{"at", K::Time}, {"department", K::Id}, {"person", K::Id}, {"expected_at", K::ExpectedAt}}},
        {"investigate", note},
        {"customer_responded", note},
        {"contact", {{"at", K::Time}, {"method", K::ContactMethod}, {"note", K::Text}}},
        {"wait_customer", reason},
        {"reject_solution", reason},
        {"reopen", reason},
        {"cancel", reason},
        {"propose_solution", {{"at", K::Time}, {"solution", K::Text}}},
        {"implement", {{"at", K::Time}, {"step", K::Text}}},
        {"feedback", {{"at", K::Time}, {"result", K::Text}, {"method", K::ContactMethod}}},
        {"survey", {{"at", K::Time}, {"rating", K::Rating}, {"comment", K::Text}, {"declined", K::Flag}}},
        {"archive", {{"at", K::Time}}},
        {"follow_up", {{"at", K::Time}, {"resolved", K::Flag}, {"note", K::Text}}},
        {"reassign", {{"at", K::Time}, {"department", K::IdOrEmpty}, {"person", K::Id}, {"reason", K::Text}}},
        {"merge", {{"at", K::Time}, {"into", K::ShownCaseNumber}, {"reason", K::Text}}},
        {"escalate", {{"at", K::Time}, {"level", K::Level}}},
        {"set_deadline", {{"at", K::Time}, {"milestone", K::Milestone}, {"limit_ms", K::LimitMs}, {"reason", K::Text}}},
        {"erase", {{"at", K::Time}, {"reason", K::ErasureReason}}},
        {"attach",
         {{"at", K::Time},
          {"attachment", K::Sha256},
          {"name", K::AttachmentName},
          {"media_type", K::MediaType},
          {"size", K::AttachmentSize}}},
        {"withdraw_attachment",
         {{"at", K::Time}, {"attachment", K::Sha256}, {"name", K::AttachmentName}, {"reason", K::Text}}},
        {"ref.department",
         {{"at", K::Time}, {"id", K::Id}, {"name_zh", K::Name}, {"name_en", K::Name}, {"head", K::IdOrEmpty}}},
        {"ref.staff", {{"at", K::Time}, {"id", K::Id}, {"name", K::Name}, {"role", K::Role}, {"department", K::Id}}},
        {"ref.sub_type",
         {{"at", K::Time}, {"id", K::Id}, {"category", K::Category}, {"name_zh", K::Name}, {"name_en", K::Name}}},
        {"ref.policy",
         {{"at", K::Time},
          {"category", K::Category},
          {"version", K::PolicyVersion},
          {"limits", K::Limits},
          {"max_hours", K::MaxHours}}},
        {"ref.suggestion",
         {{"at", K::Time},
          {"id", K::Id},
          {"source", K::SuggestionSource},
          {"author", K::IdOrEmpty},
          {"content", K::SuggestionContent},
          {"status", K::SuggestionStatus},
          {"note", K::Text},
          {"created_at", K::Time}}},
    };
    return fields;
}

core::Error refused(const char* key, std::size_t index, const core::Event& e, const std::string& what) {
    return makeError(ErrorCode::InvalidInput, key, "event " + std::to_string(index + 1) + " (" + e.id + "): " + what);
}

// A value as a detail shows it: long text cut at a character boundary.
std::string shown(const std::string& v) {
    constexpr std::size_t kShown = 80;
    if (v.size() <= kShown) return v;
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
    return v.substr(0, cut) + "…";
}

// The first thing wrong with one event's payload: a key its type does not carry or lacks, or a value.
std::optional<core::Error> payloadError(std::size_t index, const core::Event& e, core::TimeMs now) {
    const auto rule = payloadFields().find(e.type);
    if (rule == payloadFields().end()) // eventFromJson refuses unknown types first; defensive
        return refused("error.bundle_event", index, e, "unknown event type " + e.type);
    const std::vector<Field>& fields = rule->second;
    for (const auto& entry : e.fields) {
        const std::string& key = entry.first; // a structured binding cannot be captured before C++20's clang 16
        if (std::none_of(fields.begin(), fields.end(), [&](const Field& f) { return key == f.key; }))
            return refused("error.bundle_event", index, e, "payload." + shown(key) + " is not a field of " + e.type);
    }
    for (const Field& f : fields)
        if (f.required && !e.fields.count(f.key))
            return refused("error.bundle_event", index, e, e.type + " needs payload." + f.key);
    for (const Field& f : fields) {
        const auto it = e.fields.find(f.key);
        if (it == e.fields.end() || valueOk(f.kind, it->second, now)) continue;
        const char* key =
            f.kind == Kind::Limits || f.kind == Kind::LimitMs ? "error.bundle_limits" : "error.bundle_value";
        if (const auto length = lengthOf(f.kind))
            return refused(key, index, e,
                           std::string(f.key) + " has " + std::to_string(core::utf8Length(it->second)) +
                               " characters, not " + std::to_string(length->min) + " to " +
                               std::to_string(length->max));
        return refused(key, index, e, std::string(f.key) + "=" + shown(it->second));
    }
    return std::nullopt;
}

} // namespace

// [SECTION] The gate

std::optional<core::Error> incomingEventError(const std::vector<core::Event>& events, const KnownReferences& known,
                                              core::TimeMs now) {
    const auto stampOk = [now](core::Hlc h) { return h.wall >= kEarliestTimeMs && h.wall <= now + kMaxClockAheadMs; };
    std::set<std::string> missing;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const core::Event& e = events[i];
        if (!stampOk(e.hlc) || (e.prev != core::Hlc{} && !stampOk(e.prev)))
            return refused("error.bundle_hlc_range", i, e, core::formatHlc(e.hlc));
        if (auto wrong = payloadError(i, e, now)) return wrong;
        if (e.caseId.empty()) continue; // reference data defines, it does not refer
        for (const ReferenceUse& use : kReferenceUses)
            if (const std::string id = core::getField(e.fields, use.field);
                !id.empty() && !known.count(std::string(use.type) + ":" + id))
                missing.insert(std::string(use.field) + " " + id);
        if (e.actor != "system" && !known.count("ref.staff:" + e.actor)) missing.insert("actor " + e.actor);
    }
    if (missing.empty()) return std::nullopt;
    std::string detail;
    for (const std::string& m : missing) detail += (detail.empty() ? "" : ", ") + m;
    return makeError(ErrorCode::InvalidInput, "error.bundle_unknown_reference", detail);
}

} // namespace tousu::app
