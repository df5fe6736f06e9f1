// Sync: export bundles and import them all or nothing (DESIGN.md, "Sync = exchange events").
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "app/app.h"
#include "app/errors.h"
#include "app/import_job.h"
#include "core/deadline.h"
#include "core/fold.h"
#include "core/policy.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/exchange.h"
#include "store/queries.h"
#include "store/statement.h"
#include "sync/mask.h"
#include "sync/tmf621.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;

namespace {

// Case-event fields that name reference data, and the reference type that defines them.
struct ReferenceUse {
    const char* field;
    const char* type;
};
constexpr ReferenceUse kReferenceUses[] = {
    {"department", "ref.department"}, {"person", "ref.staff"}, {"sub_type", "ref.sub_type"}};

// "ref.staff:s11" for every id this database or the bundle defines.
core::Result<std::set<std::string>> knownReferences(const store::Database& db, const std::vector<core::Event>& events) {
    auto departments = store::departments(db);
    auto staff = store::staff(db);
    auto subTypes = store::subTypes(db);
    for (const core::Error* e : {errorOf(departments), errorOf(staff), errorOf(subTypes)})
        if (e) return *e;
    std::set<std::string> known;
    for (const auto& d : departments.value()) known.insert("ref.department:" + d.id);
    for (const auto& s : staff.value()) known.insert("ref.staff:" + s.id);
    for (const auto& t : subTypes.value()) known.insert("ref.sub_type:" + t.id);
    for (const core::Event& e : events)
        if (e.caseId.empty()) known.insert(e.type + ":" + core::getField(e.fields, "id"));
    return known;
}

// An event stamped far in the future would pull every later local stamp after it (the HLC follows
// the latest it has seen): a device whose clock is a day ahead is wrong, a year-9999 stamp is hostile.
constexpr core::TimeMs kMaxClockAheadMs = 24 * core::kHourMs;
constexpr core::TimeMs kEarliestStampMs = 946'684'800'000; // 2000-01-01, before any tousu data

// What a bundle's events must satisfy beyond their shape (sync/event_json.cpp checks that): stamps
// in range, and time limits a deadline can be computed from (a limit of 9e18 ms on the working-hours
// calendar stepped a day at a time for ever).
std::optional<core::Error> incomingEventError(const std::vector<core::Event>& events, core::TimeMs now) {
    const auto outOfRange = [now](core::Hlc h) { return h.wall < kEarliestStampMs || h.wall > now + kMaxClockAheadMs; };
    for (std::size_t i = 0; i < events.size(); ++i) {
        const core::Event& e = events[i];
        const std::string where = "event " + std::to_string(i + 1) + " (" + e.id + ")";
        if (outOfRange(e.hlc) || (e.prev != core::Hlc{} && outOfRange(e.prev)))
            return makeError(ErrorCode::InvalidInput, "error.bundle_hlc_range", where + ": " + core::formatHlc(e.hlc));
        const std::string limits = core::getField(e.fields, "limits"), limit = core::getField(e.fields, "limit_ms");
        const long long limitMs = limit.empty() ? 1 : std::strtoll(limit.c_str(), nullptr, 10);
        if ((!limits.empty() && !core::decodeLimits(limits)) || limitMs <= 0 || limitMs > core::kMaxLimitMs)
            return makeError(ErrorCode::InvalidInput, "error.bundle_limits", where + ": " + limits + limit);
    }
    return std::nullopt;
}

std::optional<core::Error> unknownReferences(const store::Database& db, const std::vector<core::Event>& events) {
    auto knownOrError = knownReferences(db, events);
    if (!knownOrError) return knownOrError.error();
    const std::set<std::string>& known = knownOrError.value();
    std::set<std::string> missing;
    for (const core::Event& e : events)
        for (const ReferenceUse& use : kReferenceUses)
            if (const std::string id = core::getField(e.fields, use.field);
                !e.caseId.empty() && !id.empty() && !known.count(std::string(use.type) + ":" + id))
                missing.insert(std::string(use.field) + " " + id);
    if (missing.empty()) return std::nullopt;
    std::string detail;
    for (const std::string& m : missing) detail += (detail.empty() ? "" : ", ") + m;
    return makeError(ErrorCode::InvalidInput, "error.bundle_unknown_reference", detail);
}

} // namespace

core::Result<PreparedExport> App::prepareExport(const ExportScope& scope) {
    core::Result<store::StoredEvents> stored = store::StoredEvents{};
    if (!scope.caseNumbers.empty()) {
        std::vector<std::string> ids;
        for (const std::string& number : scope.caseNumbers) {
            auto id = m_store->caseIdByNumber(number);
            if (!id) return id.error();
            if (!id.value()) return makeError(ErrorCode::NotFound, "error.unknown_case", number, "case");
            ids.push_back(*id.value());
        }
        stored = store::eventsOfCases(*m_db, ids);
    } else {
        auto after = scope.peer.empty() ? core::Result<std::int64_t>(0) : store::peerWatermark(*m_db, scope.peer);
        if (!after) return after.error();
        stored = store::eventsAfter(*m_db, after.value());
    }
    if (!stored) return stored.error();
    const bool toPeer = !scope.peer.empty() && scope.caseNumbers.empty();
    if (auto refused = toPeer ? cannotWrite() : std::nullopt) return *refused;
    const AppInfo me = info();
    PreparedExport out{{me.deviceId, me.officeCode, me.officeName, m_clock.now(), std::move(stored.value().events)},
                       toPeer ? scope.peer : std::string(),
                       stored.value().lastSeq};
    if (scope.maskPersonal) {
        sync::maskPersonalData(out.bundle.events, m_ids.uuid());
        out.bundle.masked = true;
    }
    return out;
}

core::Status App::markDelivered(const PreparedExport& prepared) {
    if (prepared.peer.empty()) return core::Ok{};
    if (auto refused = cannotWrite()) return *refused;
    return store::setPeerWatermark(*m_db, prepared.peer, prepared.lastSeq, m_clock.now());
}

core::Result<sync::Bundle> App::exportBundle(const ExportScope& scope) {
    auto prepared = prepareExport(scope);
    if (!prepared) return prepared.error();
    if (auto st = markDelivered(prepared.value()); !st) return st.error();
    return std::move(prepared.value().bundle);
}

core::Result<ImportSummary> App::importBundle(const sync::Bundle& bundle, bool apply) {
    auto job = ImportJob::start(*this, bundle, apply);
    if (!job) return job.error();
    if (auto done = job.value()->step(SIZE_MAX); !done) return done.error();
    return job.value()->summary();
}

struct ImportJob::State {
    App& app;
    const sync::Bundle& bundle;
    bool apply;
    std::unique_ptr<store::Transaction> tx;
    std::vector<std::string> caseIds;  // cases the bundle names
    std::map<std::string, int> before; // their concurrent-edit flag before (-1: not here yet)
    std::size_t nextBefore = 0, nextAfter = 0;
    std::unique_ptr<store::EventInsertion> insertion;
    ImportSummary summary;
    bool done = false;
};

ImportJob::ImportJob(std::unique_ptr<State> state) : m(std::move(state)) {}
ImportJob::~ImportJob() = default;

const ImportSummary& ImportJob::summary() const { return m->summary; }

core::Result<std::unique_ptr<ImportJob>> ImportJob::start(App& app, const sync::Bundle& bundle, bool apply) {
    if (auto refused = app.cannotWrite()) return *refused;
    if (auto e = incomingEventError(bundle.events, app.m_clock.now())) return *e;
    if (auto e = unknownReferences(*app.m_db, bundle.events)) return *e;
    auto state = std::unique_ptr<State>(new State{app, bundle, apply});
    state->tx = std::make_unique<store::Transaction>(app.m_db->handle());
    if (!state->tx->began()) return store::sqlError(app.m_db->handle(), "begin import");
    std::set<std::string> ids;
    for (const core::Event& e : bundle.events)
        if (!e.caseId.empty()) ids.insert(e.caseId);
    state->caseIds.assign(ids.begin(), ids.end());
    state->insertion = std::make_unique<store::EventInsertion>(*app.m_store, bundle.events);
    state->summary.events = static_cast<int>(bundle.events.size());
    return std::unique_ptr<ImportJob>(new ImportJob(std::move(state)));
}

core::Result<bool> ImportJob::step(std::size_t budget) {
    if (m->done) return true;
    const store::Database& db = *m->app.m_db;
    for (; budget && m->nextBefore < m->caseIds.size(); --budget, ++m->nextBefore) {
        auto flag = store::concurrentEditFlag(db, m->caseIds[m->nextBefore]);
        if (!flag) return flag.error();
        m->before[m->caseIds[m->nextBefore]] = flag.value();
    }
    auto inserted = m->insertion->step(budget);
    if (!inserted) return inserted.error();
    if (!inserted.value()) return false;
    const store::InsertResult& r = m->insertion->result();
    for (; budget && m->nextAfter < r.touchedCases.size(); --budget, ++m->nextAfter) {
        const std::string& id = r.touchedCases[m->nextAfter];
        auto after = store::concurrentEditFlag(db, id);
        if (!after) return after.error();
        if (after.value() < 0) continue; // events of a case whose registration has not arrived yet
        ++(m->before[id] < 0 ? m->summary.newCases : m->summary.updatedCases);
        if (after.value() == 1 && m->before[id] != 1) {
            auto c = m->app.m_store->loadCase(id);
            if (!c) return c.error();
            m->summary.concurrentCases.push_back(c.value().number);
        }
    }
    if (m->nextAfter < r.touchedCases.size()) return false;
    m->summary.newEvents = r.inserted;
    m->summary.duplicates = r.duplicates;
    m->summary.referenceChanges = r.referenceInserted;
    if (m->apply)
        if (auto st = m->tx->commit(); !st) return st.error();
    finish();
    return true;
}

void ImportJob::finish() {
    m->tx.reset(); // a preview rolls back here
    m->done = true;
    App& app = m->app;
    // New data; or screens read a preview's uncommitted rows: a new revision makes them read again.
    if (m->summary.newEvents) ++app.m_revision;
    if (!m->apply) return;
    for (const core::Event& e : m->bundle.events) app.m_hlc.observe(e.hlc);
    if (m->summary.referenceChanges)
        if (auto st = app.loadPolicies(); !st) app.m_fault = st.error();
}

double ImportJob::progress() const {
    const double before = m->caseIds.empty() ? 1.0 : double(m->nextBefore) / double(m->caseIds.size());
    const auto& touched = m->insertion->result().touchedCases;
    const double after = touched.empty() ? 0.0 : double(m->nextAfter) / double(touched.size());
    return m->done ? 1.0 : 0.05 * before + 0.9 * m->insertion->progress() + 0.05 * after;
}

std::vector<core::Peer> App::peers() const { return orFault(store::peers(*m_db)); }

core::Result<int> App::exportTmf(std::string& out) const {
    int count = 0;
    out += "[";
    const auto emit = [&](std::vector<core::Event>& events) {
        std::sort(events.begin(), events.end(), core::eventBefore);
        const core::Case c = core::foldEvents(events, m_calendar);
        if (c.id.empty()) return; // its registration has not arrived yet
        const core::Calendar cal = c.workingHours ? m_calendar : core::Calendar::clockHours();
        const auto status = core::deadlineStatus(c, m_clock.now(), cal, m_policies.nearShare);
        out += count++ ? ",\n" : "\n";
        out += sync::troubleTicket(events, m_calendar, status.empty() ? 0 : status.back().dueAt).dump();
    };
    if (auto st = store::forEachCaseEvents(*m_db, emit); !st) return st.error();
    out += "\n]\n";
    return count;
}

} // namespace tousu::app
