#include "app/context.h"

#include <cstdlib>

#include "app/errors.h"
#include "core/sha256.h"
#include "core/validate.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/exchange.h"
#include "store/queries.h"
#include "store/statement.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

namespace {

// Each context's revisions start far from every other's, so a view model that cached one database's
// data re-reads when the desk switches to another (a training session and back).
std::uint64_t firstRevision() {
    static std::uint64_t next = 1;
    const std::uint64_t first = next;
    next += std::uint64_t{1} << 40;
    return first;
}

} // namespace

Context::Context(std::unique_ptr<store::Database> database, const core::Clock& c, std::uint64_t seed)
    : db(std::move(database)), clock(c), ids(seed), revision(firstRevision()) {
    caseStore = std::make_unique<store::CaseStore>(*db, calendar);
}

Context::~Context() = default;

core::Result<std::unique_ptr<Context>> Context::over(std::unique_ptr<store::Database> db, const core::Clock& clock,
                                                     std::uint64_t seed) {
    auto ctx = std::make_unique<Context>(std::move(db), clock, seed);
    if (auto st = ctx->loadState(); !st) return st.error();
    return ctx;
}

core::Status Context::loadState() {
    // A read that fails here must fail the opening: a device id read as "none" would make start-up
    // write a new identity and default reference data over a damaged database.
    auto storedDeviceId = store::getMeta(*db, "device_id");
    auto storedOfficeCode = store::getMeta(*db, "office_code");
    auto calendarTsv = store::getMeta(*db, "working_calendar");
    auto reproject = store::getMeta(*db, "reproject");
    auto latest = store::latestHlc(*db);
    for (const core::Error* e : {errorOf(storedDeviceId), errorOf(storedOfficeCode), errorOf(calendarTsv),
                                 errorOf(reproject), errorOf(latest)})
        if (e) return *e;
    deviceId = storedDeviceId.value().value_or("");
    officeCode = storedOfficeCode.value().value_or("HQ");
    policies = core::defaultPolicies();
    useClockHours();
    if (const auto& tsv = calendarTsv.value()) {
        auto parsed = core::parseWorkingCalendar(*tsv);
        if (!parsed) return parsed.error();
        useCalendar(std::move(parsed.value()));
    }
    if (auto st = loadPolicies(); !st) return st;
    if (reproject.value()) { // a migration added a projected column
        store::Transaction tx(db->handle());
        if (auto n = caseStore->reprojectAll(); !n) return n.error();
        if (auto st = store::deleteMeta(*db, "reproject"); !st) return st;
        if (auto st = tx.commit(); !st) return st;
    }
    if (auto h = core::parseHlc(latest.value())) hlc.observe(h.value());
    return core::Ok{};
}

core::Status Context::loadPolicies() {
    auto rows = store::policies(*db);
    if (!rows) return rows.error();
    for (const store::PolicyRow& row : rows.value())
        if (const auto category = core::categoryFromCode(row.category))
            core::applyStoredPolicy(policies, *category, row.limits, row.maxHours, row.version);
    return core::Ok{};
}

void Context::useCalendar(core::WorkingCalendar working) {
    workingCalendar = std::move(working);
    calendar = core::Calendar::working(workingCalendar);
    policies.workingHours = true;
}

void Context::useClockHours() {
    calendar = core::Calendar::clockHours();
    policies.workingHours = false;
}

core::Event Context::seedEvent(const std::string& type, core::Fields fields) {
    core::Event e;
    e.hlc = {core::kEarliestTimeMs, 0};
    e.origin = kSeedOrigin;
    e.actor = "system";
    e.type = type;
    fields["at"] = std::to_string(core::kEarliestTimeMs);
    e.fields = std::move(fields);
    e.id = std::string(kSeedOrigin) + "-" + core::sha256Hex(core::canonicalText(e)).substr(0, 32);
    return e;
}

core::Event Context::newEvent(const std::string& caseId, const std::string& type, core::Hlc prev, core::Fields fields) {
    core::Event e;
    e.hlc = hlc.tick(clock.now());
    e.id = ids.timeOrderedUuid(e.hlc.wall);
    e.caseId = caseId;
    e.origin = deviceId;
    e.actor = actor.staffId;
    e.type = type;
    e.prev = prev;
    fields["at"] = std::to_string(clock.now());
    e.fields = std::move(fields);
    return e;
}

core::Status Context::recordReference(const char* type, core::Fields fields) {
    if (auto refused = cannotWrite()) return *refused;
    const std::string kind = std::string(type).substr(4); // "staff", "policy", …
    const std::string subject = core::getField(fields, kind == "policy" ? "category" : "id") +
                                (kind == "staff" ? " " + core::getField(fields, "role") : "");
    store::Transaction tx(db->handle());
    if (auto r = caseStore->insertEvents({newEvent("", type, {}, std::move(fields))}); !r) return r.error();
    if (kind != "suggestion") audit(kind.c_str(), subject); // settings: staff, departments, sub-types, policies
    if (auto st = tx.commit(); !st) return st;
    ++revision;
    return core::Ok{};
}

void Context::audit(const char* action, const std::string& detail) {
    if (cannotWrite()) return;
    (void)noteFault(store::appendAudit(*db, {0, clock.now(), actor.staffId, action, detail}));
}

std::optional<core::Error> Context::cannotWrite() const {
    if (readOnly) return makeError(ErrorCode::NotAllowed, "error.read_only");
    if (fault) return *fault;
    return std::nullopt;
}

core::Status Context::requireRole(core::Action action) const {
    if (auto refused = cannotWrite()) return *refused;
    if (auto st = permits(core::Operation::LiveData); !st) return st; // a trainer's steps: in training only
    if (core::roleMay(actor.role, action)) return core::Ok{};
    return makeError(ErrorCode::NotAllowed, "error.role_not_allowed",
                     std::string(core::code(actor.role)) + " may not " + core::code(action));
}

// A training workspace holds a scenario's made-up office: whoever trains there may do anything.
core::Status Context::permits(core::Operation operation) const {
    if (locked) return makeError(ErrorCode::NotAllowed, "error.desk_locked");
    if (trainingWorkspace || core::roleMay(actor.role, operation)) return core::Ok{};
    return makeError(ErrorCode::NotAllowed, "error.role_not_allowed",
                     std::string(core::code(actor.role)) + " may not " + core::code(operation));
}

core::Status Context::requireAdmin() const {
    if (auto refused = cannotWrite()) return *refused;
    return permits(core::Operation::EditSettings);
}

std::optional<std::string> Context::meta(const std::string& key) const { return orFault(store::getMeta(*db, key)); }

std::optional<std::string> Context::settingMeta(const std::string& key) const {
    if (settingsRevision != revision) {
        settingsRead.clear();
        settingsRevision = revision;
    }
    const auto found = settingsRead.find(key);
    if (found != settingsRead.end()) return found->second;
    return settingsRead[key] = meta(key);
}

int Context::setting(const DeviceSetting& s) const {
    const auto stored = settingMeta(s.key);
    const int value = stored ? std::atoi(stored->c_str()) : 0;
    return value >= s.min && value <= s.max ? value : s.fallback;
}

core::Status Context::setSetting(const DeviceSetting& s, int value) {
    if (auto st = requireAdmin(); !st) return st;
    if (value < s.min || value > s.max) return fieldError(s.errorKey, s.key);
    store::Transaction tx(db->handle());
    if (auto st = store::setMeta(*db, s.key, std::to_string(value)); !st) return st;
    audit(s.auditAction, std::to_string(value));
    if (auto st = tx.commit(); !st) return st;
    ++revision;
    return core::Ok{};
}
std::vector<core::Department> Context::departments() const { return orFault(store::departments(*db)); }
std::vector<core::StaffMember> Context::staff() const { return orFault(store::staff(*db)); }
std::vector<core::SubType> Context::subTypes() const { return orFault(store::subTypes(*db)); }

core::TimeMs Context::repeatWindowMs() const {
    return static_cast<core::TimeMs>(policies.repeatWindowDays) * 24 * core::kHourMs;
}

} // namespace tousu::app
