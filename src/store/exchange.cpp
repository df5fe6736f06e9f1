#include "store/exchange.h"

#include <algorithm>

#include "core/fields.h"

#include "store/case_store.h"
#include "store/database.h"
#include "store/statement.h"

namespace tousu::store {

namespace {

constexpr const char* kEventColumns = "seq, id, case_id, hlc, origin, actor, type, prev, payload";

core::Status readEvents(Statement& s, StoredEvents& out) {
    return s.eachRow([&]() -> core::Status {
        auto e = eventFromRow(s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.text(8));
        if (!e) return e.error();
        out.events.push_back(std::move(e.value()));
        out.lastSeq = std::max(out.lastSeq, s.integer(0));
        return core::Ok{};
    });
}

} // namespace

core::Result<StoredEvents> eventsAfter(const Database& db, std::int64_t seq, std::int64_t limit) {
    Statement s(db, std::string("SELECT ") + kEventColumns + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?");
    StoredEvents out{{}, seq};
    if (auto st = readEvents(s.bind(1, seq).bind(2, limit), out); !st) return st.error();
    return out;
}

core::Result<std::int64_t> countEventsAfter(const Database& db, std::int64_t seq, const std::string& origin) {
    Statement s(db, "SELECT count(*) FROM events WHERE seq > ? AND origin = ?");
    s.bind(1, seq).bind(2, origin);
    auto found = s.row();
    if (!found) return found.error();
    return s.integer(0);
}

core::Result<StoredEvents> eventsOfCases(const Database& db, const std::vector<std::string>& caseIds) {
    // The ids go through a temporary JSON array so that one cached statement serves any count.
    std::string ids = "[";
    for (const std::string& id : caseIds) {
        if (ids.size() > 1) ids += ',';
        core::appendJsonString(ids, id);
    }
    ids += ']';
    Statement s(db, std::string("SELECT ") + kEventColumns +
                        " FROM events WHERE case_id = '' OR case_id IN "
                        "(SELECT value FROM json_each(?)) ORDER BY seq");
    StoredEvents out;
    if (auto st = readEvents(s.bind(1, ids), out); !st) return st.error();
    return out;
}

core::Result<std::vector<core::Peer>> peers(const Database& db) {
    Statement s(db, "SELECT name, last_seq, updated_at FROM peers ORDER BY name");
    std::vector<core::Peer> out;
    if (auto st = s.eachRow([&] { out.push_back({s.text(0), s.integer(1), s.integer(2)}); }); !st) return st.error();
    return out;
}

core::Result<std::int64_t> peerWatermark(const Database& db, const std::string& name) {
    Statement s(db, "SELECT last_seq FROM peers WHERE name = ?");
    s.bind(1, name);
    auto found = s.row();
    if (!found) return found.error();
    return found.value() ? s.integer(0) : std::int64_t{0};
}

core::Status forEachCaseEvents(const Database& db, const std::function<void(std::vector<core::Event>&)>& each) {
    // Grouped through the case index; each group handed over as soon as it is whole.
    Statement s(db, "SELECT id, case_id, hlc, origin, actor, type, prev, payload FROM events "
                    "WHERE case_id <> '' ORDER BY case_id");
    std::vector<core::Event> group;
    auto read = s.eachRow([&]() -> core::Status {
        auto e = eventFromRow(s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7));
        if (!e) return e.error();
        if (!group.empty() && group.front().caseId != e.value().caseId) {
            each(group);
            group.clear();
        }
        group.push_back(std::move(e.value()));
        return core::Ok{};
    });
    if (!read) return read;
    if (!group.empty()) each(group);
    return core::Ok{};
}

core::Result<std::string> latestHlc(const Database& db) {
    Statement s(db, "SELECT max(hlc) FROM events");
    auto found = s.row();
    if (!found) return found.error();
    return found.value() ? s.text(0) : std::string();
}

core::Result<std::int64_t> lastEventSeq(const Database& db) {
    Statement s(db, "SELECT coalesce(max(seq), 0) FROM events");
    auto found = s.row();
    if (!found) return found.error();
    return s.integer(0);
}

core::Result<std::int64_t> eventSeq(const Database& db, const std::string& eventId) {
    Statement s(db, "SELECT coalesce(max(seq), 0) FROM events WHERE id = ?");
    auto found = s.bind(1, eventId).row();
    if (!found) return found.error();
    return s.integer(0);
}

core::Result<ReplicationCheckpoint> replicationCheckpoint(const Database& db, const std::string& server) {
    Statement s(db, "SELECT pushed_seq, pulled_since FROM replication_checkpoints WHERE server = ?");
    s.bind(1, server);
    auto found = s.row();
    if (!found) return found.error();
    if (!found.value()) return ReplicationCheckpoint{};
    return ReplicationCheckpoint{s.integer(0), s.text(1)};
}

core::Status setReplicationCheckpoint(Database& db, const std::string& server, const ReplicationCheckpoint& c,
                                      core::TimeMs at) {
    Statement s(db, "INSERT OR REPLACE INTO replication_checkpoints(server, pushed_seq, pulled_since, updated_at) "
                    "VALUES (?, ?, ?, ?)");
    return s.bind(1, server).bind(2, c.pushedSeq).bind(3, c.pulledSince).bind(4, at).run();
}

core::Status setPeerWatermark(Database& db, const std::string& name, std::int64_t seq, core::TimeMs at) {
    Statement s(db, "INSERT INTO peers(name, last_seq, updated_at) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT(name) DO UPDATE SET last_seq = max(last_seq, ?2), updated_at = ?3");
    return s.bind(1, name).bind(2, seq).bind(3, at).run();
}

core::Status appendAudit(Database& db, const core::AuditEntry& e) {
    Statement s(db, "INSERT INTO audit_log(at, actor, action, detail) VALUES (?, ?, ?, ?)");
    return s.bind(1, e.at).bind(2, e.actor).bind(3, e.action).bind(4, e.detail).run();
}

core::Result<std::vector<core::AuditEntry>> auditEntries(const Database& db, std::int64_t limit) {
    Statement s(db, "SELECT seq, at, actor, action, detail FROM audit_log ORDER BY seq DESC LIMIT ?");
    s.bind(1, limit);
    std::vector<core::AuditEntry> out;
    if (auto st = s.eachRow([&] { out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4)}); }); !st)
        return st.error();
    return out;
}

core::Result<std::int64_t> auditCount(const Database& db) {
    Statement s(db, "SELECT count(*) FROM audit_log");
    auto found = s.row();
    if (!found) return found.error();
    return s.integer(0);
}

} // namespace tousu::store
