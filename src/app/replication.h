// Live sync with one Apache CouchDB database (README, "Live sync"). Two lanes run side by side: push
// sends what this desk stored since its checkpoint (_revs_diff, then _bulk_docs of what the server
// lacks), pull reads the server's changes since its checkpoint and imports each batch through the
// same gate and all-or-nothing transaction as a bundle, with the new checkpoint in that transaction.
// It speaks no HTTP itself: each lane says which request to send next and reads the answer, so the
// desk sends them with fetch and tousu-cli with libcurl, and every rule is the same for both.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "sync/couch.h"

namespace tousu::app {

struct Context;

// A request relative to the database's URL ("_revs_diff", "_changes?…", "_local/…").
struct HttpRequest {
    std::string method, path, body;
};
// status 0: no answer at all (server down, connection cut, DNS or TLS); `failure` says why.
struct HttpAnswer {
    int status = 0;
    std::string body, failure;
};

// What an answer that is not a success means, in words: no answer (error.couch_unreachable), a sign-in
// refused (401), no right (403), no such database (404), another refusal; the detail names `step`.
core::Error refusalOf(const HttpAnswer& answer, const std::string& step = {});

enum class SyncLane { Push, Pull };

struct ReplicationOptions {
    std::string server; // the database's URL: names the checkpoint
    bool push = true, pull = true;
    bool live = false;        // keep going: wait for the server's changes, send new local events
    std::int64_t batch = 500; // events per request
    int attempts = 5;         // tries of a request that got no answer or a 5xx (live: forever)
    int waitMs = 25'000;      // how long the server holds a live request open for changes
};

enum class SyncPhase {
    Working,  // sending or receiving
    UpToDate, // both lanes caught up (live: waiting for changes)
    Retrying, // no answer or a server error: trying again at `retryAt`
    Stopped,  // refused (sign-in, rights, a document): needs a person; `problem` says why
};

struct ReplicationStatus {
    SyncPhase phase = SyncPhase::Working;
    std::int64_t pendingUpload = 0;      // events this desk recorded that the server may not have yet
    std::int64_t sent = 0, received = 0; // events this run sent, and received that were new here
    core::TimeMs lastUpToDate = 0;       // when both lanes were last caught up
    core::TimeMs retryAt = 0;
    std::optional<core::Error> problem; // the last failure (messageKey + detail)
    // How far the pull has read the server's changes, of how many there were when it started (0:
    // not known): a large first pull shows its progress.
    std::int64_t pulledSeq = 0, serverSeq = 0;
};

class Replication {
  public:
    Replication(Context& ctx, ReplicationOptions options);
    // What `lane` should send now, or nothing: it is waiting for an answer or a retry, caught up, or
    // stopped. Send it and hand the answer to receive() for the same lane.
    std::optional<HttpRequest> next(SyncLane lane);
    void receive(SyncLane lane, const HttpAnswer& answer);
    // This desk stored new events: push them (live).
    void localChanged();
    // Stopped, or waiting to retry: start again now.
    void retryNow();
    // Not live: both lanes caught up, or stopped.
    bool finished() const;
    const ReplicationStatus& status() const { return m_status; }

  private:
    enum class Step { None, ReadCheckpoint, WriteCheckpoint, RevsDiff, BulkDocs, Changes, DatabaseInfo };
    struct Lane {
        bool enabled = false;
        bool caughtUp = false;
        Step awaiting = Step::None;        // the request in flight
        std::optional<HttpRequest> queued; // sent by the next call of next() (a retry, or the step after)
        Step queuedStep = Step::None;
        int failures = 0;
        core::TimeMs retryAt = 0;
        std::vector<core::Event> batch; // push: the events of the request in flight
        std::vector<std::string> files; // push: the files its attach events name that this desk holds
        std::int64_t batchLastSeq = 0;
    };
    Lane& lane(SyncLane which) { return which == SyncLane::Push ? m_push : m_pull; }
    Lane& checkpointWriter() { return m_pull.enabled ? m_pull : m_push; }
    std::optional<HttpRequest> send(Lane& lane, Step step, HttpRequest request);
    std::optional<HttpRequest> nextPush();
    std::optional<HttpRequest> nextPull();
    core::Status takeFiles(Lane& lane);
    void receiveCheckpoint(const HttpAnswer& answer);
    void receivePushed(Lane& lane, Step step, const HttpAnswer& answer);
    void receiveChanges(const HttpAnswer& answer);
    void advancePush(Lane& lane);
    void failed(Lane& lane, Step step, const HttpAnswer& answer);
    void retryLater(Lane& lane, core::Error problem);
    void stop(core::Error problem);
    void updateStatus();

    Context& m_ctx;
    ReplicationOptions m_options;
    ReplicationStatus m_status;
    Lane m_push, m_pull;
    std::string m_localPath; // _local/tousu-<device id>: this desk's checkpoint on the server
    enum class Checkpoint { Unknown, Reading, Known } m_checkpointState = Checkpoint::Unknown;
    sync::couch::Checkpoint m_checkpoint, m_checkpointSent; // ours, and the last one sent to the server
    bool m_checkpointDirty = false;                         // the server's copy is behind ours
    bool m_askedDatabaseInfo = false;                       // its update_seq, once a run
    bool m_stopped = false;
    core::TimeMs m_countedAt = 0; // when pendingUpload was last counted
    bool m_recount = true;        // local events since: count again
    std::int64_t m_pullLimit;     // changes per pull request: the batch, wider while reference data is ahead
};

} // namespace tousu::app
