// Read-side queries over the projections: the paged, sorted, filtered case list with full-text
// search, KPI input rows, counts, repeat candidates, case-number sequences, reference data, meta.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/kpi.h"
#include "core/read_models.h"
#include "core/result.h"
#include "core/time.h"

namespace tousu::store {

class Database;

struct PolicyRow {
    std::string category, limits;
    int version = 0, maxHours = 0;
};

core::Result<core::CasePage> listCases(const Database& db, const core::ListQuery& q);
core::Result<std::vector<core::KpiRow>> kpiRows(const Database& db, core::TimeMs from, core::TimeMs to);
// The same rows a chunk at a time, in (received_at, rowid) order after `cursor`, which moves on and
// says when the last chunk was read: the dashboard reads a few thousand per frame.
core::Result<std::vector<core::KpiRow>> kpiRowsChunk(const Database& db, core::TimeMs from, core::TimeMs to,
                                                     core::KpiCursor& cursor, int limit);
core::Result<int> countReceived(const Database& db, core::TimeMs from, core::TimeMs to);
core::Result<std::vector<core::NamedCount>> countBy(const Database& db, const char* column); // "state" or "category"
// The latest earlier case of the same customer and category within the window, if any (other than
// `caseId`, the case itself when its registration was amended).
core::Result<std::optional<std::string>> findRepeatOf(const Database& db, const std::string& customerKey,
                                                      const std::string& category, core::TimeMs receivedAt,
                                                      core::TimeMs windowMs, const std::string& caseId = {});
// How often cases of `category` (and, if given, `subType`) went to each department, most first: the
// office's own habit, for suggesting where a new one goes.
core::Result<std::vector<core::NamedCount>> departmentsDispatchedTo(const Database& db, const std::string& category,
                                                                    const std::string& subType);
// Open cases per responsible person (those with none are left out).
core::Result<std::vector<core::NamedCount>> openCasesByPerson(const Database& db);
core::Result<int> nextCaseSequence(const Database& db, const std::string& numberPrefix);
// Open cases with a milestone still to meet (those that may escalate).
core::Result<std::vector<std::string>> openCasesWithDeadlines(const Database& db);
// A customer's cases (by customer key): id, number and state each.
struct CustomerCase {
    std::string id, number, state;
};
core::Result<std::vector<CustomerCase>> casesOfCustomer(const Database& db, const std::string& customerKey);
// Closed or cancelled cases whose customer's personal data is still there, closed before `before`
// (archived, or received for a cancelled case), oldest first, at most `limit` (-1: all).
core::Result<std::vector<std::string>> closedUnerasedBefore(const Database& db, core::TimeMs before, int limit);
// -1 when the case has no row (its registration has not arrived), else its concurrent-edit flag.
core::Result<int> concurrentEditFlag(const Database& db, const std::string& caseId);

core::Result<std::optional<std::string>> getMeta(const Database& db, const std::string& key);
core::Status setMeta(Database& db, const std::string& key, const std::string& value);
core::Status deleteMeta(Database& db, const std::string& key);

core::Result<std::vector<core::Department>> departments(const Database& db);
core::Result<std::vector<core::StaffMember>> staff(const Database& db);
// Received in [from, to), newest first.
core::Result<std::vector<core::Suggestion>> suggestions(const Database& db, core::TimeMs from, core::TimeMs to);
core::Result<std::vector<core::SubType>> subTypes(const Database& db);
core::Result<std::vector<PolicyRow>> policies(const Database& db);

} // namespace tousu::store
