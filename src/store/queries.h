// Read-side queries over the projections: the paged, sorted, filtered case list with full-text
// search, KPI input rows, counts, repeat candidates, case-number sequences, reference data, meta.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/kpi.h"
#include "core/result.h"
#include "core/time.h"

namespace tousu::store {

class Database;

struct ListFilter {
    std::string state, category, channel, department, person;   // empty = any
    std::optional<std::string> subType;   // "" = cases with no sub-type
    std::string customerKey;
    bool excludeCancelled = false;   // as the statistics count (merged duplicates are not cases)
    core::TimeMs receivedFrom = 0, receivedTo = 0;                 // [from, to), 0 = open
    bool overdueOnly = false;
    bool repeatOnly = false;
    bool openOnly = false;
    bool unassignedOnly = false;   // open and no responsible person yet
    bool nearOnly = false;         // not overdue yet, but `nearShare` of the time to the next due is used
    bool followUpDueOnly = false;  // a follow-up visit is due (now or earlier)
    bool followUpScheduled = false;   // a follow-up visit is scheduled and not yet made
    std::string search;   // substring of number, customer, phone/account or content (3+ chars use FTS)
    bool operator==(const ListFilter&) const = default;
};

enum class SortKey { Received, Number, Customer, Category, State, Department, Person, Due, FollowUpDue };

struct ListQuery {
    ListFilter filter;
    SortKey sort = SortKey::Received;
    bool descending = true;
    int offset = 0;
    int limit = 50;
    core::TimeMs now = 0;   // for "overdue", "near" and "follow-up due"
    double nearShare = 0.8;
};

struct CaseRow {
    std::string id, number, state, channel, category, customerName, phone, department, person;
    core::TimeMs receivedAt = 0, nextDue = 0, followUpDue = 0;
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

struct Department { std::string id, nameZh, nameEn, head; };
struct StaffMember { std::string id, name, role, department; };
struct SubType { std::string id, category, nameZh, nameEn; };
struct PolicyRow { std::string category, limits; int version = 0, maxHours = 0; };
struct Suggestion {
    std::string id, source, author, content, status, note;   // source: staff | customer; status: new | accepted | done | declined
    core::TimeMs createdAt = 0;
};

core::Result<CasePage> listCases(const Database& db, const ListQuery& q);
core::Result<std::vector<core::KpiRow>> kpiRows(const Database& db, core::TimeMs from, core::TimeMs to);
// The same rows a chunk at a time, in (received_at, rowid) order after `cursor`, which moves on and
// says when the last chunk was read: the dashboard reads a few thousand per frame.
struct KpiCursor {
    core::TimeMs receivedAt = INT64_MIN;
    std::int64_t rowid = 0;
    bool done = false;
};
core::Result<std::vector<core::KpiRow>> kpiRowsChunk(const Database& db, core::TimeMs from, core::TimeMs to,
                                                     KpiCursor& cursor, int limit);
int countReceived(const Database& db, core::TimeMs from, core::TimeMs to);
core::Result<std::vector<NamedCount>> countBy(const Database& db, const char* column);   // "state" or "category"
// The latest earlier case of the same customer and category within the window, if any.
std::optional<std::string> findRepeatOf(const Database& db, const std::string& customerKey, const std::string& category,
                                        core::TimeMs receivedAt, core::TimeMs windowMs);
int nextCaseSequence(const Database& db, const std::string& numberPrefix);

std::optional<std::string> getMeta(const Database& db, const std::string& key);
core::Status setMeta(Database& db, const std::string& key, const std::string& value);
core::Status deleteMeta(Database& db, const std::string& key);

std::vector<Department> departments(const Database& db);
std::vector<StaffMember> staff(const Database& db);
// Received in [from, to), newest first.
std::vector<Suggestion> suggestions(const Database& db, core::TimeMs from, core::TimeMs to);
std::vector<SubType> subTypes(const Database& db);
std::vector<PolicyRow> policies(const Database& db);

} // namespace tousu::store
