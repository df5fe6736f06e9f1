#include <algorithm>
#include <map>
#include <set>

#include "app/context.h"
#include "app/errors.h"
#include "app/exchange.h"
#include "app/import_job.h"
#include "app/incoming_events.h"
#include "app/role_history.h"
#include "core/deadline.h"
#include "core/fold.h"
#include "store/attachment_store.h"
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

// "ref.staff:s11" for every id this database or the bundle defines.
core::Result<KnownReferences> knownReferences(const store::Database& db, const std::vector<core::Event>& events) {
    auto departments = store::departments(db);
    auto staff = store::staff(db);
    auto subTypes = store::subTypes(db);
    for (const core::Error* e : {errorOf(departments), errorOf(staff), errorOf(subTypes)})
        if (e) return *e;
    KnownReferences known;
    for (const auto& d : departments.value()) known.insert("ref.department:" + d.id);
    for (const auto& s : staff.value()) known.insert("ref.staff:" + s.id);
    for (const auto& t : subTypes.value()) known.insert("ref.sub_type:" + t.id);
    for (const core::Event& e : events)
        if (e.caseId.empty()) known.insert(e.type + ":" + core::getField(e.fields, "id"));
    return known;
}

// The files the events attach, whole, for a bundle (those not on this device are left out: the
// receiver shows them as not arrived). Refused past kMaxExportAttachmentBytes: the bundle could not
// be read (sync::kMaxBundleBytes, and base64 adds a third).
constexpr std::size_t kMaxExportAttachmentBytes = std::size_t(300) << 20;

core::Result<std::vector<sync::BundleAttachment>> attachedFiles(const store::Database& db,
                                                                const std::vector<core::Event>& events) {
    std::vector<std::string> named;
    for (const core::Event& e : events)
        if (e.type == core::code(core::Action::Attach)) named.push_back(core::getField(e.fields, "attachment"));
    if (named.empty()) return std::vector<sync::BundleAttachment>{};
    auto stored = store::storedAttachments(db, named);
    if (!stored) return stored.error();
    std::vector<sync::BundleAttachment> files;
    std::size_t total = 0;
    for (const std::string& sha : stored.value()) {
        auto bytes = store::readAttachment(db, sha);
        if (!bytes) return bytes.error();
        total += bytes.value().size();
        if (total > kMaxExportAttachmentBytes)
            return makeError(ErrorCode::InvalidInput, "error.export_attachments_too_large", std::to_string(total));
        files.push_back({sha, std::move(bytes.value())});
    }
    return files;
}

} // namespace

core::Result<PreparedExport> Exchange::prepareExport(const ExportScope& scope) {
    using core::Operation;
    if (auto st = m_ctx.permits(scope.maskPersonal ? Operation::ExportMasked : Operation::ExportWhole); !st)
        return st.error();
    core::Result<store::StoredEvents> stored = store::StoredEvents{};
    if (!scope.caseNumbers.empty()) {
        std::vector<std::string> ids;
        for (const std::string& number : scope.caseNumbers) {
            auto id = m_ctx.caseStore->caseIdByNumber(number);
            if (!id) return id.error();
            if (!id.value()) return makeError(ErrorCode::NotFound, "error.unknown_case", number, "case");
            ids.push_back(*id.value());
        }
        stored = store::eventsOfCases(*m_ctx.db, ids);
    } else {
        auto after = scope.peer.empty() ? core::Result<std::int64_t>(0) : store::peerWatermark(*m_ctx.db, scope.peer);
        if (!after) return after.error();
        stored = store::eventsAfter(*m_ctx.db, after.value());
    }
    if (!stored) return stored.error();
    const bool toPeer = !scope.peer.empty() && scope.caseNumbers.empty();
    if (auto refused = toPeer ? m_ctx.cannotWrite() : std::nullopt) return *refused;
    PreparedExport out{{m_ctx.deviceId, m_ctx.officeCode, m_ctx.meta("office_name").value_or(""), m_ctx.clock.now(),
                        std::move(stored.value().events)},
                       toPeer ? scope.peer : std::string(),
                       stored.value().lastSeq};
    if (scope.maskPersonal) { // and no files: a recording or a photo cannot be masked
        sync::maskPersonalData(out.bundle.events, m_ctx.ids.uuid());
        out.bundle.masked = true;
        return out;
    }
    auto files = attachedFiles(*m_ctx.db, out.bundle.events);
    if (!files) return files.error();
    out.bundle.attachments = std::move(files.value());
    return out;
}

core::Status Exchange::markDelivered(const PreparedExport& prepared) {
    const std::string what = std::string(prepared.bundle.masked ? "masked" : "whole") + " bundle, " +
                             std::to_string(prepared.bundle.events.size()) + " events";
    if (prepared.peer.empty()) {
        m_ctx.audit("export", what);
        return core::Ok{};
    }
    if (auto refused = m_ctx.cannotWrite()) return *refused;
    store::Transaction tx(m_ctx.db->handle());
    if (auto st = store::setPeerWatermark(*m_ctx.db, prepared.peer, prepared.lastSeq, m_ctx.clock.now()); !st)
        return st;
    m_ctx.audit("export", what + " for " + prepared.peer);
    return tx.commit();
}

void Exchange::noteCsvExport(std::size_t rows, bool wholePhones) {
    m_ctx.audit("export_list", std::to_string(rows) + " cases, phones " + (wholePhones ? "whole" : "masked"));
}

core::Result<sync::Bundle> Exchange::exportBundle(const ExportScope& scope) {
    auto prepared = prepareExport(scope);
    if (!prepared) return prepared.error();
    if (auto st = markDelivered(prepared.value()); !st) return st.error();
    return std::move(prepared.value().bundle);
}

core::Result<std::unique_ptr<ImportJob>> Exchange::startImport(const sync::Bundle& bundle, bool apply) {
    if (auto st = m_ctx.permits(core::Operation::ImportBundle); !st) return st.error();
    return ImportJob::start(m_ctx, bundle, apply, true);
}

core::Result<ImportSummary> Exchange::importBundle(const sync::Bundle& bundle, bool apply) {
    auto job = startImport(bundle, apply);
    if (!job) return job.error();
    if (auto done = job.value()->step(SIZE_MAX); !done) return done.error();
    return job.value()->summary();
}

struct ImportJob::State {
    Context& ctx;
    const sync::Bundle& bundle;
    bool apply, audited;
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

core::Result<std::unique_ptr<ImportJob>> ImportJob::start(Context& ctx, const sync::Bundle& bundle, bool apply,
                                                          bool audited) {
    if (auto refused = ctx.cannotWrite()) return *refused;
    auto known = knownReferences(*ctx.db, bundle.events);
    if (!known) return known.error();
    if (auto e = incomingEventError(bundle.events, known.value(), ctx.clock.now())) return *e;
    const auto staffEvent = [](const core::Event& e) { return e.type == "ref.staff"; };
    if (!ctx.trainingWorkspace && std::any_of(bundle.events.begin(), bundle.events.end(), staffEvent)) {
        auto staff = ctx.caseStore->referenceEvents("ref.staff");
        if (!staff) return staff.error();
        if (auto e = roleChangeError(staff.value(), bundle.events)) return *e;
    }
    auto state = std::unique_ptr<State>(new State{ctx, bundle, apply, audited});
    state->tx = std::make_unique<store::Transaction>(ctx.db->handle());
    if (!state->tx->began()) return store::sqlError(ctx.db->handle(), "begin import");
    std::set<std::string> ids;
    for (const core::Event& e : bundle.events)
        if (!e.caseId.empty()) ids.insert(e.caseId);
    state->caseIds.assign(ids.begin(), ids.end());
    state->insertion = std::make_unique<store::EventInsertion>(*ctx.caseStore, bundle.events);
    state->summary.events = static_cast<int>(bundle.events.size());
    return std::unique_ptr<ImportJob>(new ImportJob(std::move(state)));
}

core::Result<bool> ImportJob::step(std::size_t budget) {
    if (m->done) return true;
    const store::Database& db = *m->ctx.db;
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
            auto c = m->ctx.caseStore->loadCase(id);
            if (!c) return c.error();
            m->summary.concurrentCases.push_back(c.value().number);
        }
    }
    if (m->nextAfter < r.touchedCases.size()) return false;
    m->summary.newEvents = r.inserted;
    m->summary.duplicates = r.duplicates;
    m->summary.referenceChanges = r.referenceInserted;
    if (auto st = storeFiles(); !st) return st.error();
    if (m->apply) {
        if (m->audited) // in the import's own commit: one write to the page store
            m->ctx.audit("import", std::to_string(m->summary.newEvents) + " new events from office " +
                                       m->bundle.officeCode + " (" + m->bundle.origin + ")");
        if (auto st = m->tx->commit(); !st) return st.error();
    }
    finish();
    return true;
}

// The bundle's files, and how many attach events name a file that is still not here (a masked
// bundle's; one the sending office did not have). Bytes no case needs are not kept (an erased case's).
core::Status ImportJob::storeFiles() {
    store::Database& db = *m->ctx.db;
    for (const sync::BundleAttachment& a : m->bundle.attachments) {
        auto stored = store::storeAttachment(db, a.sha256, a.bytes);
        if (!stored) return stored.error();
        m->summary.newFiles += stored.value();
    }
    std::vector<std::string> named;
    for (const core::Event& e : m->bundle.events)
        if (e.type == core::code(core::Action::Attach)) named.push_back(core::getField(e.fields, "attachment"));
    if (named.empty() && m->bundle.attachments.empty()) return core::Ok{};
    if (auto dropped = store::dropErasedAttachments(db); !dropped) return dropped.error();
    auto stored = store::storedAttachments(db, named);
    if (!stored) return stored.error();
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    m->summary.missingFiles = static_cast<int>(named.size() - stored.value().size());
    return core::Ok{};
}

void ImportJob::finish() {
    m->tx.reset(); // a preview rolls back here
    m->done = true;
    Context& ctx = m->ctx;
    // New data; or screens read a preview's uncommitted rows: a new revision makes them read again.
    if (m->summary.newEvents) ++ctx.revision;
    if (!m->apply) return;
    for (const core::Event& e : m->bundle.events) ctx.hlc.observe(e.hlc);
    if (m->summary.referenceChanges)
        if (auto st = ctx.loadPolicies(); !st) ctx.fault = st.error();
}

double ImportJob::progress() const {
    const double before = m->caseIds.empty() ? 1.0 : double(m->nextBefore) / double(m->caseIds.size());
    const auto& touched = m->insertion->result().touchedCases;
    const double after = touched.empty() ? 0.0 : double(m->nextAfter) / double(touched.size());
    return m->done ? 1.0 : 0.05 * before + 0.9 * m->insertion->progress() + 0.05 * after;
}

std::vector<core::Peer> Exchange::peers() const { return m_ctx.orFault(store::peers(*m_ctx.db)); }

core::Result<int> Exchange::exportTmf(std::string& out) const {
    if (auto st = m_ctx.permits(core::Operation::ExportWhole); !st) return st.error();
    int count = 0;
    out += "[";
    const auto emit = [&](std::vector<core::Event>& events) {
        std::sort(events.begin(), events.end(), core::eventBefore);
        const core::Case c = core::foldEvents(events, m_ctx.calendar);
        if (c.id.empty()) return; // its registration has not arrived yet
        const core::Calendar cal = c.workingHours ? m_ctx.calendar : core::Calendar::clockHours();
        const auto status = core::deadlineStatus(c, m_ctx.clock.now(), cal, m_ctx.policies.nearShare);
        out += count++ ? ",\n" : "\n";
        out += sync::troubleTicket(events, m_ctx.calendar, status.empty() ? 0 : status.back().dueAt).dump();
    };
    if (auto st = store::forEachCaseEvents(*m_ctx.db, emit); !st) return st.error();
    out += "\n]\n";
    m_ctx.audit("export_tmf", std::to_string(count) + " cases");
    return count;
}

} // namespace tousu::app
