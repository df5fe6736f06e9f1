// Sync: export bundles and import them all or nothing (DESIGN.md, "Sync = exchange events").
#include <algorithm>
#include <set>

#include "app/app.h"
#include "app/import_job.h"
#include "core/deadline.h"
#include "core/fold.h"
#include "sync/mask.h"
#include "sync/tmf621.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/statement.h"

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
std::set<std::string> knownReferences(const store::Database& db, const std::vector<core::Event>& events) {
    std::set<std::string> known;
    for (const auto& d : store::departments(db)) known.insert("ref.department:" + d.id);
    for (const auto& s : store::staff(db)) known.insert("ref.staff:" + s.id);
    for (const auto& t : store::subTypes(db)) known.insert("ref.sub_type:" + t.id);
    for (const core::Event& e : events)
        if (e.caseId.empty()) known.insert(e.type + ":" + core::getField(e.fields, "id"));
    return known;
}

std::optional<core::Error> unknownReferences(const store::Database& db, const std::vector<core::Event>& events) {
    const std::set<std::string> known = knownReferences(db, events);
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

// -1: no row (not registered here yet); else the row's concurrent_edit flag.
int concurrentFlag(const store::Database& db, const std::string& caseId) {
    store::Statement s(db, "SELECT concurrent_edit FROM cases WHERE id = ?");
    s.bind(1, caseId);
    return s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : -1;
}

} // namespace

core::Result<sync::Bundle> App::exportBundle(const ExportScope& scope) {
    core::Result<store::StoredEvents> stored = store::StoredEvents{};
    if (!scope.caseNumbers.empty()) {
        std::vector<std::string> ids;
        for (const std::string& number : scope.caseNumbers) {
            auto id = m_store->caseIdByNumber(number);
            if (!id) return makeError(ErrorCode::NotFound, "error.unknown_case", number, "case");
            ids.push_back(*id);
        }
        stored = store::eventsOfCases(*m_db, ids);
    } else {
        stored = store::eventsAfter(*m_db, scope.peer.empty() ? 0 : store::peerWatermark(*m_db, scope.peer));
    }
    if (!stored) return stored.error();
    if (!scope.peer.empty() && scope.caseNumbers.empty()) {
        if (m_readOnly) return makeError(ErrorCode::NotAllowed, "error.read_only");
        if (auto st = store::setPeerWatermark(*m_db, scope.peer, stored.value().lastSeq, m_clock.now()); !st)
            return st.error();
    }
    const AppInfo me = info();
    sync::Bundle bundle{me.deviceId, me.officeCode, me.officeName, m_clock.now(), std::move(stored.value().events)};
    if (scope.maskPersonal) {
        sync::maskPersonalData(bundle.events, m_ids.uuid());
        bundle.masked = true;
    }
    return bundle;
}

core::Result<ImportSummary> App::importBundle(const sync::Bundle& bundle, bool apply) {
    auto job = ImportJob::start(*this, bundle, apply);
    if (!job) return job.error();
    if (auto done = job.value()->step(SIZE_MAX); !done) return done.error();
    return job.value()->summary();
}

ImportJob::ImportJob(App& app, const sync::Bundle& bundle, bool apply) : m_app(app), m_bundle(bundle), m_apply(apply) {}

core::Result<std::unique_ptr<ImportJob>> ImportJob::start(App& app, const sync::Bundle& bundle, bool apply) {
    if (app.m_readOnly) return makeError(ErrorCode::NotAllowed, "error.read_only");
    if (auto e = unknownReferences(*app.m_db, bundle.events)) return *e;
    std::unique_ptr<ImportJob> job(new ImportJob(app, bundle, apply));
    job->m_tx = std::make_unique<store::Transaction>(app.m_db->handle());
    if (!job->m_tx->began()) return store::sqlError(app.m_db->handle(), "begin import");
    std::set<std::string> ids;
    for (const core::Event& e : bundle.events)
        if (!e.caseId.empty()) ids.insert(e.caseId);
    job->m_caseIds.assign(ids.begin(), ids.end());
    job->m_insertion = std::make_unique<store::EventInsertion>(*app.m_store, bundle.events);
    job->m_summary.events = static_cast<int>(bundle.events.size());
    return job;
}

core::Result<bool> ImportJob::step(std::size_t budget) {
    if (m_done) return true;
    for (; budget && m_nextBefore < m_caseIds.size(); --budget, ++m_nextBefore)
        m_before[m_caseIds[m_nextBefore]] = concurrentFlag(*m_app.m_db, m_caseIds[m_nextBefore]);
    auto inserted = m_insertion->step(budget);
    if (!inserted) return inserted.error();
    if (!inserted.value()) return false;
    const store::InsertResult& r = m_insertion->result();
    for (; budget && m_nextAfter < r.touchedCases.size(); --budget, ++m_nextAfter) {
        const std::string& id = r.touchedCases[m_nextAfter];
        const int after = concurrentFlag(*m_app.m_db, id);
        if (after < 0) continue;   // events of a case whose registration has not arrived yet
        ++(m_before[id] < 0 ? m_summary.newCases : m_summary.updatedCases);
        if (after == 1 && m_before[id] != 1)
            if (auto c = m_app.m_store->loadCase(id)) m_summary.concurrentCases.push_back(c.value().number);
    }
    if (m_nextAfter < r.touchedCases.size()) return false;
    m_summary.newEvents = r.inserted;
    m_summary.duplicates = r.duplicates;
    m_summary.referenceChanges = r.referenceInserted;
    if (m_apply)
        if (auto st = m_tx->commit(); !st) return st.error();
    finish();
    return true;
}

void ImportJob::finish() {
    m_tx.reset();   // a preview rolls back here
    m_done = true;
    // New data; or screens read a preview's uncommitted rows: a new revision makes them read again.
    if (m_summary.newEvents) ++m_app.m_revision;
    if (!m_apply) return;
    for (const core::Event& e : m_bundle.events) m_app.m_hlc.observe(e.hlc);
    if (m_summary.referenceChanges) m_app.loadPolicies();
}

double ImportJob::progress() const {
    const double before = m_caseIds.empty() ? 1.0 : double(m_nextBefore) / double(m_caseIds.size());
    const auto& touched = m_insertion->result().touchedCases;
    const double after = touched.empty() ? 0.0 : double(m_nextAfter) / double(touched.size());
    return m_done ? 1.0 : 0.05 * before + 0.9 * m_insertion->progress() + 0.05 * after;
}


std::vector<store::Peer> App::peers() const { return store::peers(*m_db); }

core::Result<int> App::exportTmf(std::string& out) const {
    int count = 0;
    out += "[";
    const auto emit = [&](std::vector<core::Event>& events) {
        std::sort(events.begin(), events.end(), core::eventBefore);
        const core::Case c = core::foldEvents(events, m_calendar);
        if (c.id.empty()) return;   // its registration has not arrived yet
        const core::Calendar cal = c.workingHours ? m_calendar : core::Calendar::clockHours();
        const auto status = core::deadlineStatus(c, m_clock.now(), cal, m_policies.nearShare);
        out += count++ ? ",\n" : "\n";
        out += sync::troubleTicket(events, m_calendar, status.empty() ? 0 : status.back().dueAt).dump();
    };
    // Events grouped by case through the case index; each group is folded on its own.
    store::Statement s(*m_db, "SELECT id, case_id, hlc, origin, actor, type, prev, payload FROM events "
                              "WHERE case_id <> '' ORDER BY case_id");
    std::vector<core::Event> group;
    while (s.step() == SQLITE_ROW) {
        auto e = store::eventFromRow(s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6),
                                     s.text(7));
        if (!e) return e.error();
        if (!group.empty() && group.front().caseId != e.value().caseId) {
            emit(group);
            group.clear();
        }
        group.push_back(std::move(e.value()));
    }
    if (!group.empty()) emit(group);
    out += "\n]\n";
    return count;
}

} // namespace tousu::app
