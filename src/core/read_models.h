// Read models: plain data the store fills from its projections and the app hands to the desk and the
// CLI — the case list's filter, sort and rows, reference data, peers, suggestions. No behaviour, no
// SQL: a caller above app needs no store type. Depends on core only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace tousu::core {

// [SECTION] The case list
struct ListFilter {
    std::string state, category, channel, department, person; // empty = any
    std::optional<std::string> subType;                       // "" = cases with no sub-type
    std::string customerKey;
    bool excludeCancelled = false;           // as the statistics count (merged duplicates are not cases)
    TimeMs receivedFrom = 0, receivedTo = 0; // [from, to), 0 = open
    bool overdueOnly = false;
    bool repeatOnly = false;
    bool openOnly = false;
    bool unassignedOnly = false;    // open and no responsible person yet
    bool nearOnly = false;          // not overdue yet, but `nearShare` of the time to the next due is used
    bool followUpDueOnly = false;   // a follow-up visit is due (now or earlier)
    bool followUpScheduled = false; // a follow-up visit is scheduled and not yet made
    // Someone's to-do (core::todoOf): cases in `todoOwnStates` that `todoPerson` is responsible
    // for, and cases in `todoDeskStates`. No `todoPerson`: no such condition.
    std::string todoPerson;
    std::vector<std::string> todoOwnStates, todoDeskStates;
    std::string search;               // substring of number, customer, phone/account or content (3+ chars use FTS)
    std::vector<std::string> caseIds; // only these cases (a selection in the list); empty: no such condition
    bool operator==(const ListFilter&) const = default;
};

enum class SortKey { Received, Number, Customer, Category, State, Department, Person, Due, FollowUpDue };

struct ListQuery {
    ListFilter filter;
    SortKey sort = SortKey::Received;
    bool descending = true;
    int offset = 0;
    int limit = 50;
    TimeMs now = 0; // for "overdue", "near" and "follow-up due"
    double nearShare = 0.8;
};

struct CaseRow {
    std::string id, number, state, channel, category, customerName, phone, department, person;
    TimeMs receivedAt = 0, nextDue = 0, followUpDue = 0;
    bool paused = false, repeat = false, concurrentEdit = false;
    int escalation = 0;
};

struct CasePage {
    std::vector<CaseRow> rows;
    int total = 0;
};

struct NamedCount {
    std::string key;
    int count;
};

// Where a chunked read of the statistics' rows stands: (received_at, rowid) of the last row read.
struct KpiCursor {
    TimeMs receivedAt = INT64_MIN;
    std::int64_t rowid = 0;
    bool done = false;
};

// [SECTION] Reference data and the process's own records
struct Department {
    std::string id, nameZh, nameEn, head;
};
struct StaffMember {
    std::string id, name, role, department;
};
struct SubType {
    std::string id, category, nameZh, nameEn;
};
struct Suggestion {
    std::string id, source, author, content, status,
        note; // source: staff | customer; status: new | accepted | done | declined
    TimeMs createdAt = 0;
};

// [SECTION] Sync
// An office this one exports to: how far (events.seq) it has been sent, and when.
// One line of the device's audit log (审计日志): who did what sensitive thing, never personal data.
struct AuditEntry {
    std::int64_t seq = 0;
    TimeMs at = 0;
    std::string actor, action, detail; // action: "sign_in", "export", … (app/audit_log.h)
};

struct Peer {
    std::string name;
    std::int64_t lastSeq = 0;
    TimeMs updatedAt = 0;
};

} // namespace tousu::core
