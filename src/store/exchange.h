// The store side of sync: reading stored events for a bundle, in the order they were stored, and
// remembering per peer how far it has been sent (the `peers` table's watermark on events.seq).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/read_models.h"
#include "core/result.h"
#include "core/time.h"

namespace tousu::store {

class Database;

struct StoredEvents {
    std::vector<core::Event> events;
    std::int64_t lastSeq = 0; // the highest seq read (the watermark to remember)
};

// Every event stored after `seq` (0: everything), or the first `limit` of them.
core::Result<StoredEvents> eventsAfter(const Database& db, std::int64_t seq, std::int64_t limit = -1);
// How many events recorded by `origin` (a device id) are stored after `seq`.
core::Result<std::int64_t> countEventsAfter(const Database& db, std::int64_t seq, const std::string& origin);
core::Result<std::int64_t> lastEventSeq(const Database& db);                         // 0 when there is none
core::Result<std::int64_t> eventSeq(const Database& db, const std::string& eventId); // 0 when not stored
// Every event of these cases, and all reference data (small, and what their events refer to).
core::Result<StoredEvents> eventsOfCases(const Database& db, const std::vector<std::string>& caseIds);
// Every case's events, one case at a time (in case-id order, events unsorted), to `each`.
core::Status forEachCaseEvents(const Database& db, const std::function<void(std::vector<core::Event>&)>& each);
// The latest HLC stamped on any stored event ("" when there is none).
core::Result<std::string> latestHlc(const Database& db);

// How far live sync with a CouchDB database (`server`: its URL) has got.
struct ReplicationCheckpoint {
    std::int64_t pushedSeq = 0;    // local events sent up to this seq
    std::string pulledSince = "0"; // the server's changes read up to this last_seq
};
core::Result<ReplicationCheckpoint> replicationCheckpoint(const Database& db, const std::string& server);
core::Status setReplicationCheckpoint(Database& db, const std::string& server, const ReplicationCheckpoint& c,
                                      core::TimeMs at);

core::Result<std::vector<core::Peer>> peers(const Database& db);
core::Result<std::int64_t> peerWatermark(const Database& db, const std::string& name);
core::Status setPeerWatermark(Database& db, const std::string& name, std::int64_t seq, core::TimeMs at);

// The audit log: a line appended, and the newest `limit` lines, newest first (-1: all).
core::Status appendAudit(Database& db, const core::AuditEntry& entry);
core::Result<std::vector<core::AuditEntry>> auditEntries(const Database& db, std::int64_t limit);
core::Result<std::int64_t> auditCount(const Database& db);

} // namespace tousu::store
