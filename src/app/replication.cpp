#include "app/replication.h"

#include <algorithm>

#include "app/context.h"
#include "app/import_job.h"
#include "store/attachment_store.h"
#include "store/database.h"
#include "store/exchange.h"
#include "store/statement.h"

namespace tousu::app {

using core::ErrorCode;
using core::makeError;
namespace couch = sync::couch;

namespace {

constexpr core::TimeMs kFirstRetryMs = 1000, kLongestRetryMs = 60'000;
// The most changes one pull reads while it looks ahead for reference data its batch names.
constexpr std::int64_t kWidestPull = 100'000;
// Files sent in one _bulk_docs request, about (base64 adds a third): more start the next batch.
constexpr std::size_t kMaxFileBytesPerRequest = 32 << 20;

// The leading number of a CouchDB 3 seq ("12-g1AAAA…") or a PouchDB one ("12"): which is older.
std::int64_t seqNumber(const std::string& seq) {
    std::int64_t n = 0;
    for (const char c : seq) {
        if (c < '0' || c > '9' || n > INT64_MAX / 10 - 10) break;
        n = n * 10 + (c - '0');
    }
    return n;
}

bool worthRetrying(const HttpAnswer& a) {
    return a.status == 0 || a.status >= 500 || a.status == 408 || a.status == 429;
}

const char* stepName(int step) {
    static const char* names[] = {"",           "read checkpoint", "write checkpoint", "_revs_diff",
                                  "_bulk_docs", "_changes",        "database info"};
    return names[step];
}

} // namespace

core::Error refusalOf(const HttpAnswer& a, const std::string& step) {
    const std::string detail =
        (step.empty() ? "" : step + ": ") + "HTTP " + std::to_string(a.status) + " " + couch::serverError(a.body);
    if (a.status == 0) return makeError(ErrorCode::Storage, "error.couch_unreachable", a.failure);
    const char* key = a.status == 401   ? "error.couch_unauthorized"
                      : a.status == 403 ? "error.couch_forbidden"
                      : a.status == 404 ? "error.couch_no_database"
                                        : "error.couch_refused";
    return makeError(ErrorCode::Conflict, key, detail);
}

Replication::Replication(Context& ctx, ReplicationOptions options)
    : m_ctx(ctx), m_options(std::move(options)), m_localPath("_local/tousu-" + couch::urlEncode(ctx.deviceId)),
      m_pullLimit(m_options.batch) {
    m_push.enabled = m_options.push;
    m_pull.enabled = m_options.pull;
    updateStatus();
}

std::optional<HttpRequest> Replication::send(Lane& lane, Step step, HttpRequest request) {
    if (step == Step::ReadCheckpoint) m_checkpointState = Checkpoint::Reading;
    if (step == Step::WriteCheckpoint) m_checkpointSent = m_checkpoint;
    lane.awaiting = step;
    lane.queued = request; // kept until answered, to send again on a retry
    lane.queuedStep = step;
    return request;
}

std::optional<HttpRequest> Replication::next(SyncLane which) {
    Lane& l = lane(which);
    if (!l.enabled || m_stopped || l.awaiting != Step::None || m_ctx.clock.now() < l.retryAt) return std::nullopt;
    if (l.queued) return send(l, l.queuedStep, *l.queued); // a retry, or the step after an answer
    if (m_checkpointState == Checkpoint::Reading) return std::nullopt;
    if (m_checkpointState == Checkpoint::Unknown) return send(l, Step::ReadCheckpoint, {"GET", m_localPath, ""});
    if (m_checkpointDirty && &l == &checkpointWriter())
        return send(l, Step::WriteCheckpoint, {"PUT", m_localPath, couch::checkpointDocument(m_checkpoint)});
    if (which == SyncLane::Pull && !m_askedDatabaseInfo) {
        m_askedDatabaseInfo = true;
        return send(l, Step::DatabaseInfo, {"GET", "", ""});
    }
    return which == SyncLane::Push ? nextPush() : nextPull();
}

// The defaults every desk starts with are not sent: every desk holds them, and only an administrator
// could write them (assets/couchdb/validate_doc_update.js).
std::optional<HttpRequest> Replication::nextPush() {
    while (!m_push.caughtUp) {
        auto stored = m_ctx.noteFault(store::eventsAfter(*m_ctx.db, m_checkpoint.pushedSeq, m_options.batch));
        if (!stored) {
            stop(stored.error());
            return std::nullopt;
        }
        if (stored.value().events.empty()) {
            m_push.caughtUp = true;
            updateStatus();
            return next(SyncLane::Push); // the checkpoint, when this lane writes it
        }
        m_push.batch = std::move(stored.value().events);
        m_push.batchLastSeq = stored.value().lastSeq;
        std::erase_if(m_push.batch, [](const core::Event& e) { return e.origin == kSeedOrigin; });
        if (auto st = takeFiles(m_push); !st) {
            stop(st.error());
            return std::nullopt;
        }
        if (!m_push.batch.empty())
            return send(m_push, Step::RevsDiff,
                        {"POST", "_revs_diff", couch::revsDiffRequest(m_push.batch, m_push.files)});
        advancePush(m_push);
        if (m_stopped) return std::nullopt;
    }
    return std::nullopt;
}

std::optional<HttpRequest> Replication::nextPull() {
    if (m_pull.caughtUp && !m_options.live) return std::nullopt;
    const std::string path = couch::changesPath(m_checkpoint.pulledSince, std::size_t(m_pullLimit),
                                                m_options.live && m_pull.caughtUp, m_options.waitMs);
    return send(m_pull, Step::Changes, {"GET", path, ""});
}

void Replication::receive(SyncLane which, const HttpAnswer& answer) {
    Lane& l = lane(which);
    const Step step = l.awaiting;
    l.awaiting = Step::None;
    if (step == Step::None || m_stopped) return;
    const bool ok = answer.status >= 200 && answer.status < 300;
    if (!ok && !(step == Step::ReadCheckpoint && answer.status == 404)) {
        failed(l, step, answer);
        updateStatus();
        return;
    }
    std::optional<HttpRequest> sent = std::move(l.queued);
    l.queued.reset();
    l.failures = 0;
    l.retryAt = 0;
    m_status.problem.reset();
    switch (step) {
    case Step::ReadCheckpoint:
        receiveCheckpoint(answer);
        break;
    case Step::WriteCheckpoint:
        if (auto rev = couch::revisionWritten(answer.body)) {
            m_checkpoint.rev = rev.value();
            m_checkpointDirty = m_checkpoint.pushedSeq != m_checkpointSent.pushedSeq ||
                                m_checkpoint.pulledSince != m_checkpointSent.pulledSince;
        } else {
            stop(rev.error());
        }
        break;
    case Step::RevsDiff:
    case Step::BulkDocs:
        receivePushed(l, step, answer);
        break;
    case Step::Changes:
        receiveChanges(answer);
        break;
    case Step::DatabaseInfo:
        m_status.serverSeq = seqNumber(couch::updateSeqOf(answer.body));
        break;
    case Step::None:
        break;
    }
    // An answer cut short or garbled on the way (a proxy, a portal's page): the same request later.
    if (m_stopped && m_status.problem && m_status.problem->messageKey == "error.couch_answer") {
        m_stopped = false;
        l.queued = std::move(sent);
        l.queuedStep = step;
        retryLater(l, *m_status.problem);
    }
    updateStatus();
}

// Where to start: ours and the server's copy agree unless a write of one was lost (a crash between
// them) or this database was restored from an older backup; the older of the two is safe either way.
// No copy on the server: it is new to this desk, or was recreated, so everything is sent and read.
void Replication::receiveCheckpoint(const HttpAnswer& answer) {
    auto ours = m_ctx.noteFault(store::replicationCheckpoint(*m_ctx.db, m_options.server));
    if (!ours) return stop(ours.error());
    couch::Checkpoint start;
    if (answer.status != 404) {
        auto theirs = couch::readCheckpoint(answer.body);
        if (!theirs) return stop(theirs.error());
        start.rev = theirs.value().rev;
        start.pushedSeq = std::min(ours.value().pushedSeq, theirs.value().pushedSeq);
        const std::string& a = ours.value().pulledSince;
        const std::string& b = theirs.value().pulledSince;
        start.pulledSince = seqNumber(a) <= seqNumber(b) ? a : b;
    }
    m_checkpointDirty =
        start.pushedSeq != ours.value().pushedSeq || start.pulledSince != ours.value().pulledSince || start.rev.empty();
    m_checkpoint = start;
    m_checkpointState = Checkpoint::Known;
}

// The files the batch's attach events name that this desk holds, sent with them: the batch ends
// after the event whose file would take the files past kMaxFileBytesPerRequest (one event at least).
core::Status Replication::takeFiles(Lane& l) {
    l.files.clear();
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < l.batch.size(); ++i) {
        if (l.batch[i].type != core::code(core::Action::Attach)) continue;
        const std::string sha = core::getField(l.batch[i].fields, "attachment");
        auto stored = store::hasAttachment(*m_ctx.db, sha);
        if (!stored) return stored.error();
        if (!stored.value()) continue; // not here (a masked bundle's): another desk may send it
        bytes += static_cast<std::size_t>(core::getInt(l.batch[i].fields, "size", 0));
        l.files.push_back(sha);
        if (bytes > kMaxFileBytesPerRequest && i + 1 < l.batch.size()) {
            l.batch.resize(i + 1); // the rest in the next batch (events.seq order: a cut at an event)
            auto seq = store::eventSeq(*m_ctx.db, l.batch.back().id);
            if (!seq) return seq.error();
            l.batchLastSeq = seq.value();
            break;
        }
    }
    return core::Ok{};
}

void Replication::receivePushed(Lane& l, Step step, const HttpAnswer& answer) {
    if (step == Step::RevsDiff) {
        auto missing = couch::missingIds(answer.body);
        if (!missing) return stop(missing.error());
        std::vector<core::Event> send;
        for (core::Event& e : l.batch)
            if (missing.value().count(e.id)) send.push_back(std::move(e));
        std::vector<sync::BundleAttachment> files;
        for (const std::string& sha : l.files) {
            if (!missing.value().count(couch::fileDocumentId(sha))) continue;
            auto bytes = store::readAttachment(*m_ctx.db, sha);
            if (!bytes) return stop(bytes.error());
            files.push_back({sha, std::move(bytes.value())});
        }
        if (send.empty() && files.empty()) return advancePush(l);
        l.batch = std::move(send);
        l.queued = HttpRequest{"POST", "_bulk_docs", couch::bulkDocsRequest(l.batch, files)};
        l.queuedStep = Step::BulkDocs;
        return;
    }
    auto refused = couch::bulkDocsRefusals(answer.body);
    if (!refused) return stop(refused.error());
    if (!refused.value().empty()) {
        const couch::Refusal& r = refused.value().front();
        return stop(makeError(ErrorCode::Conflict, "error.couch_event_refused",
                              r.id + ": " + r.error + (r.reason.empty() ? "" : ": " + r.reason)));
    }
    m_status.sent += static_cast<std::int64_t>(l.batch.size());
    advancePush(l);
}

void Replication::advancePush(Lane& l) {
    m_checkpoint.pushedSeq = std::max(m_checkpoint.pushedSeq, l.batchLastSeq);
    l.batch.clear();
    store::ReplicationCheckpoint saved{m_checkpoint.pushedSeq, m_checkpoint.pulledSince};
    if (auto st = store::setReplicationCheckpoint(*m_ctx.db, m_options.server, saved, m_ctx.clock.now()); !st)
        return stop(st.error());
    m_checkpointDirty = true;
}

// One batch of the server's changes: imported all or nothing, with the checkpoint that follows it.
// When everything of ours had been sent, what this batch stores came from the server: the push
// checkpoint moves past it too, so it never counts as waiting to be sent.
// A cluster's feed interleaves its shards, so a case event can come before the staff or department
// it names: the same batch is read again, twice as wide, until that reference data is in it.
void Replication::receiveChanges(const HttpAnswer& answer) {
    auto changes = couch::readChanges(answer.body);
    if (!changes) return stop(changes.error());
    sync::Bundle bundle;
    bundle.events = std::move(changes.value().events);
    bundle.attachments = std::move(changes.value().files);
    store::Transaction tx(m_ctx.db->handle());
    if (!tx.began()) return stop(store::sqlError(m_ctx.db->handle(), "begin pull"));
    auto lastBefore = store::lastEventSeq(*m_ctx.db);
    if (!lastBefore) return stop(lastBefore.error());
    store::ReplicationCheckpoint saved{m_checkpoint.pushedSeq, changes.value().lastSeq};
    const bool moreAhead = changes.value().results >= std::size_t(m_pullLimit);
    if (!bundle.events.empty() || !bundle.attachments.empty()) {
        auto job = ImportJob::start(m_ctx, bundle, true);
        if (!job && job.error().messageKey == "error.bundle_unknown_reference" && moreAhead &&
            m_pullLimit < kWidestPull) {
            m_pullLimit = std::min(kWidestPull, m_pullLimit * 2);
            return; // rolled back; the next request reads from the same place
        }
        if (!job) return stop(job.error());
        if (auto done = job.value()->step(SIZE_MAX); !done) return stop(done.error());
        m_status.received += job.value()->summary().newEvents;
        auto lastAfter = store::lastEventSeq(*m_ctx.db);
        if (!lastAfter) return stop(lastAfter.error());
        if (lastBefore.value() == m_checkpoint.pushedSeq) saved.pushedSeq = lastAfter.value();
    }
    if (auto st = store::setReplicationCheckpoint(*m_ctx.db, m_options.server, saved, m_ctx.clock.now()); !st)
        return stop(st.error());
    if (auto st = tx.commit(); !st) return stop(st.error());
    m_checkpointDirty =
        m_checkpointDirty || saved.pulledSince != m_checkpoint.pulledSince || saved.pushedSeq != m_checkpoint.pushedSeq;
    m_checkpoint.pushedSeq = saved.pushedSeq;
    m_checkpoint.pulledSince = saved.pulledSince;
    m_pull.caughtUp = !moreAhead;
    m_pullLimit = m_options.batch;
}

// No answer or a server error: the same request again after a growing pause (forever when live). A
// refusal that retrying cannot change stops until a person acts.
void Replication::failed(Lane& l, Step step, const HttpAnswer& answer) {
    if (answer.status == 413 && step == Step::BulkDocs && m_options.batch > 1) {
        m_options.batch = std::max<std::int64_t>(1, m_options.batch / 2); // too large for the server
        l.queued.reset();
        l.batch.clear();
        return;
    }
    if (step == Step::WriteCheckpoint && answer.status == 409) { // written meanwhile: read its revision
        l.queued.reset();
        m_checkpointState = Checkpoint::Unknown;
        return;
    }
    if (!worthRetrying(answer)) return stop(refusalOf(answer, stepName(int(step))));
    retryLater(l, answer.status == 0
                      ? makeError(ErrorCode::Storage, "error.couch_unreachable", answer.failure)
                      : makeError(ErrorCode::Storage, "error.couch_server_error",
                                  "HTTP " + std::to_string(answer.status) + " " + couch::serverError(answer.body)));
}

// The queued request again after a pause that doubles from 1 s to a minute; not live, only so often.
void Replication::retryLater(Lane& l, core::Error problem) {
    ++l.failures;
    m_status.problem = std::move(problem);
    if (!m_options.live && l.failures >= m_options.attempts) return stop(*m_status.problem);
    const int doublings = std::min(l.failures - 1, 6);
    l.retryAt = m_ctx.clock.now() + std::min(kLongestRetryMs, kFirstRetryMs << doublings);
}

void Replication::stop(core::Error problem) {
    if (m_checkpointState == Checkpoint::Reading) { // read again once restarted
        m_checkpointState = Checkpoint::Unknown;
        for (Lane* l : {&m_push, &m_pull})
            if (l->queuedStep == Step::ReadCheckpoint) l->queued.reset();
    }
    m_stopped = true;
    m_status.problem = std::move(problem);
}

void Replication::localChanged() {
    m_push.caughtUp = false;
    m_recount = true;
    updateStatus();
}

void Replication::retryNow() {
    m_stopped = false;
    for (Lane* l : {&m_push, &m_pull}) {
        l->retryAt = 0;
        l->failures = 0;
        if (l->awaiting == Step::None && !l->queued) l->caughtUp = false;
    }
    updateStatus();
}

bool Replication::finished() const {
    if (m_stopped) return true;
    if (m_options.live || m_checkpointDirty) return false;
    return (!m_push.enabled || m_push.caughtUp) && (!m_pull.enabled || m_pull.caughtUp);
}

void Replication::updateStatus() {
    const core::TimeMs now = m_ctx.clock.now();
    const bool upToDate = (!m_push.enabled || m_push.caughtUp) && (!m_pull.enabled || m_pull.caughtUp);
    // Counting reads every event after the checkpoint, so while a backlog goes out it is counted once a
    // second (each answer would make a large first push quadratic); caught up it is cheap, and offline
    // or after a local change it is what the menu bar shows.
    if (m_push.caughtUp || m_push.failures || m_recount || now - m_countedAt >= 1000) {
        m_recount = false;
        const std::int64_t pushed =
            m_checkpointState == Checkpoint::Known
                ? m_checkpoint.pushedSeq
                : m_ctx.orFault(store::replicationCheckpoint(*m_ctx.db, m_options.server)).pushedSeq;
        m_status.pendingUpload = m_ctx.orFault(store::countEventsAfter(*m_ctx.db, pushed, m_ctx.deviceId));
        m_countedAt = now;
    }
    m_status.retryAt = std::max(m_push.retryAt, m_pull.retryAt);
    m_status.pulledSeq = seqNumber(m_checkpoint.pulledSince);
    if (m_stopped) {
        m_status.phase = SyncPhase::Stopped;
    } else if (m_push.failures || m_pull.failures) {
        m_status.phase = SyncPhase::Retrying;
    } else if (upToDate) {
        m_status.lastUpToDate = now;
        m_status.phase = SyncPhase::UpToDate;
    } else {
        m_status.phase = SyncPhase::Working;
    }
}

} // namespace tousu::app
