#include "store/queries.h"

#include "core/fields.h"
#include "core/model.h"
#include "core/validate.h"
#include "store/database.h"
#include "store/statement.h"

namespace tousu::store {

namespace {

const char* sortColumn(core::SortKey k) {
    switch (k) {
    case core::SortKey::Received:
        return "received_at";
    case core::SortKey::Number:
        return "number";
    case core::SortKey::Customer:
        return "customer_name";
    case core::SortKey::Category:
        return "category";
    case core::SortKey::State:
        return "state";
    case core::SortKey::Department:
        return "department";
    case core::SortKey::Person:
        return "person";
    case core::SortKey::Due:
        return "CASE WHEN next_due = 0 THEN 9223372036854775807 ELSE next_due END";
    case core::SortKey::FollowUpDue:
        return "follow_up_due";
    }
    return "received_at";
}

// Builds the WHERE clause: each "@" in a clause becomes "?N" for that clause's value N.
struct Where {
    std::string sql;
    std::vector<std::string> values;
    std::vector<bool> isInt;

    void add(std::string clause, const std::string& value, bool integer = false) {
        values.push_back(value);
        isInt.push_back(integer);
        const std::string param = "?" + std::to_string(values.size());
        for (std::size_t pos; (pos = clause.find('@')) != std::string::npos;) clause.replace(pos, 1, param);
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += clause;
    }
    // A clause whose `@`s take `each` in order.
    void add(std::string clause, const std::vector<std::string>& each) {
        for (const std::string& value : each) {
            values.push_back(value);
            isInt.push_back(false);
            clause.replace(clause.find('@'), 1, "?" + std::to_string(values.size()));
        }
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += clause;
    }
    void bindAll(Statement& s) const {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (isInt[i])
                s.bind(int(i) + 1, static_cast<std::int64_t>(std::stoll(values[i])));
            else
                s.bind(int(i) + 1, values[i]);
        }
    }
};

// The first column of a lookup's one row, or nullopt when there is none.
core::Result<std::optional<std::string>> optionalText(Statement& s) {
    auto found = s.row();
    if (!found) return found.error();
    if (!found.value()) return std::optional<std::string>();
    return std::optional<std::string>(s.text(0));
}

// Every row of a query without parameters, each made into a T by `make`.
template <class T, class Make> core::Result<std::vector<T>> readAll(const Database& db, const char* sql, Make make) {
    Statement s(db, sql);
    std::vector<T> out;
    if (auto st = s.eachRow([&] { out.push_back(make(s)); }); !st) return st.error();
    return out;
}

// Rows of (text, count).
core::Result<std::vector<core::NamedCount>> namedCounts(Statement& s) {
    std::vector<core::NamedCount> out;
    if (auto st = s.eachRow([&] { out.push_back({s.text(0), int(s.integer(1))}); }); !st) return st.error();
    return out;
}

std::string escapeLike(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

Where buildWhere(const core::ListQuery& q) {
    Where w;
    const core::ListFilter& f = q.filter;
    if (!f.state.empty()) w.add("state = @", f.state);
    if (!f.category.empty()) w.add("category = @", f.category);
    if (f.subType) w.add("sub_type = @", *f.subType);
    if (!f.customerKey.empty()) w.add("customer_key = @", f.customerKey);
    if (!f.caseIds.empty()) {
        std::string ids = "[";
        for (const std::string& id : f.caseIds) {
            if (ids.size() > 1) ids += ',';
            core::appendJsonString(ids, id);
        }
        w.add("id IN (SELECT value FROM json_each(@))", ids + "]");
    }
    if (f.excludeCancelled) w.add("state <> @", "cancelled");
    if (!f.channel.empty()) w.add("channel = @", f.channel);
    if (!f.department.empty()) w.add("department = @", f.department);
    if (!f.person.empty()) w.add("person = @", f.person);
    if (f.receivedFrom) w.add("received_at >= @", std::to_string(f.receivedFrom), true);
    if (f.receivedTo) w.add("received_at < @", std::to_string(f.receivedTo), true);
    if (f.overdueOnly) w.add("next_due > 0 AND next_due < @", std::to_string(q.now), true);
    if (f.repeatOnly) w.add("repeat_of <> @", "");
    if (f.openOnly || f.unassignedOnly) w.add("state NOT IN (@, 'cancelled')", "archived");
    if (f.unassignedOnly) w.add("person = @", "");
    if (!f.todoPerson.empty()) {
        const auto list = [](const std::vector<std::string>& states) {
            std::string out = ",";
            for (const std::string& s : states) out += s + ",";
            return out;
        };
        w.add("((person = @ AND instr(@, ',' || state || ',') > 0) OR instr(@, ',' || state || ',') > 0)",
              std::vector<std::string>{f.todoPerson, list(f.todoOwnStates), list(f.todoDeskStates)});
    }
    if (f.nearOnly) {
        // Integer arithmetic in per-mille keeps the clause exact and index-friendly on next_due.
        w.add("next_due >= @", std::to_string(q.now), true);
        w.add("(@ - received_at) * 1000 >= (next_due - received_at) * " +
                  std::to_string(static_cast<int>(q.nearShare * 1000)),
              std::to_string(q.now), true);
    }
    if (f.followUpDueOnly) w.add("follow_up_due > 0 AND follow_up_due <= @", std::to_string(q.now), true);
    if (f.followUpScheduled) w.add("follow_up_due > @", "0", true);
    if (!f.search.empty()) {
        // The trigram tokenizer needs three characters (code points); shorter terms scan with LIKE.
        if (core::utf8Length(f.search) >= 3) {
            std::string phrase = "\"";
            for (char c : f.search) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
            phrase += "\"";
            w.add("rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH @)", phrase);
        } else {
            const std::string like = "%" + escapeLike(f.search) + "%";
            w.add("(number LIKE @ ESCAPE '\\' OR customer_name LIKE @ ESCAPE '\\' OR phone LIKE @ ESCAPE '\\' "
                  "OR content LIKE @ ESCAPE '\\')",
                  like);
        }
    }
    return w;
}

} // namespace

core::Result<core::CasePage> listCases(const Database& db, const core::ListQuery& q) {
    sqlite3* h = db.handle();
    const Where w = buildWhere(q);
    const std::string& where = w.sql;
    core::CasePage page;
    const std::string countSql = "SELECT count(*) FROM cases" + where;
    Statement count(db, countSql.c_str());
    if (!count.ok()) return sqlError(h, "prepare count");
    w.bindAll(count);
    if (auto counted = count.row(); !counted || !counted.value()) return sqlError(h, "count cases");
    page.total = static_cast<int>(count.integer(0));

    // Ties are broken by received_at then rowid, the order of the column's index (migration 6).
    const char* dir = q.descending ? " DESC" : " ASC";
    const bool unique = q.sort == core::SortKey::Received || q.sort == core::SortKey::Number;
    const std::string sql =
        std::string("SELECT id, number, state, channel, category, customer_name, phone, department, "
                    "person, received_at, next_due, paused, repeat_of <> '', concurrent_edit, "
                    "escalation, follow_up_due FROM cases") +
        where + " ORDER BY " + sortColumn(q.sort) + dir + (unique ? "" : std::string(", received_at") + dir) +
        ", rowid" + dir + " LIMIT " + std::to_string(q.limit) + " OFFSET " + std::to_string(q.offset);
    Statement s(db, sql.c_str());
    if (!s.ok()) return sqlError(h, "prepare list");
    w.bindAll(s);
    auto read = s.eachRow([&] {
        core::CaseRow r;
        r.id = s.text(0);
        r.number = s.text(1);
        r.state = s.text(2);
        r.channel = s.text(3);
        r.category = s.text(4);
        r.customerName = s.text(5);
        r.phone = s.text(6);
        r.department = s.text(7);
        r.person = s.text(8);
        r.receivedAt = s.integer(9);
        r.nextDue = s.integer(10);
        r.paused = s.integer(11) != 0;
        r.repeat = s.integer(12) != 0;
        r.concurrentEdit = s.integer(13) != 0;
        r.escalation = int(s.integer(14));
        r.followUpDue = s.integer(15);
        page.rows.push_back(std::move(r));
    });
    if (!read) return read.error();
    return page;
}

namespace {

constexpr const char* kKpiColumns =
    "SELECT category, channel, department, person, state, outcome, next_due, received_at, resolved_at, rating, "
    "repeat_of <> '', sub_type, customer_key, phone, rowid, met_milestones FROM cases ";

core::KpiRow kpiRow(const Statement& s) {
    core::KpiRow r;
    r.category = core::categoryFromCode(s.text(0)).value_or(core::Category::Other);
    r.channel = core::channelFromCode(s.text(1)).value_or(core::Channel::Other);
    r.department = s.text(2);
    r.person = s.text(3);
    r.state = core::stateFromCode(s.text(4)).value_or(core::State::Registered);
    const std::string outcome = s.text(5);
    r.outcome = outcome == "on_time" ? core::DeadlineOutcome::OnTime
                : outcome == "late"  ? core::DeadlineOutcome::Late
                                     : core::DeadlineOutcome::Open;
    r.nextDue = s.integer(6);
    r.receivedAt = s.integer(7);
    r.resolvedAt = s.integer(8);
    r.rating = int(s.integer(9));
    r.repeat = s.integer(10) != 0;
    r.subType = s.text(11);
    r.customerKey = s.text(12);
    r.phone = s.text(13);
    r.metMilestones = s.text(15);
    return r;
}

} // namespace

core::Result<std::vector<core::KpiRow>> kpiRows(const Database& db, core::TimeMs from, core::TimeMs to) {
    Statement s(db, std::string(kKpiColumns) + "WHERE received_at >= ? AND received_at < ?");
    if (!s.ok()) return sqlError(db.handle(), "prepare kpi rows");
    s.bind(1, from).bind(2, to);
    std::vector<core::KpiRow> rows;
    if (auto st = s.eachRow([&] { rows.push_back(kpiRow(s)); }); !st) return st.error();
    return rows;
}

core::Result<std::vector<core::KpiRow>> kpiRowsChunk(const Database& db, core::TimeMs from, core::TimeMs to,
                                                     core::KpiCursor& cursor, int limit) {
    Statement s(db, std::string(kKpiColumns) +
                        "WHERE received_at >= ? AND received_at < ? AND (received_at, rowid) > (?, ?) "
                        "ORDER BY received_at, rowid LIMIT ?");
    if (!s.ok()) return sqlError(db.handle(), "prepare kpi chunk");
    s.bind(1, from).bind(2, to).bind(3, cursor.receivedAt).bind(4, cursor.rowid).bind(5, limit);
    std::vector<core::KpiRow> rows;
    auto read = s.eachRow([&] {
        rows.push_back(kpiRow(s));
        cursor.receivedAt = rows.back().receivedAt;
        cursor.rowid = s.integer(14);
    });
    if (!read) return read.error();
    cursor.done = static_cast<int>(rows.size()) < limit;
    return rows;
}

core::Result<int> countReceived(const Database& db, core::TimeMs from, core::TimeMs to) {
    Statement s(db, "SELECT count(*) FROM cases WHERE received_at >= ? AND received_at < ?");
    s.bind(1, from).bind(2, to);
    auto found = s.row();
    if (!found) return found.error();
    return found.value() ? static_cast<int>(s.integer(0)) : 0;
}

core::Result<std::vector<core::NamedCount>> countBy(const Database& db, const char* column) {
    const std::string col = std::string(column) == "category" ? "category" : "state";
    const std::string sql = "SELECT " + col + ", count(*) FROM cases GROUP BY 1 ORDER BY 1";
    Statement s(db, sql.c_str());
    return namedCounts(s);
}

core::Result<std::optional<std::string>> findRepeatOf(const Database& db, const std::string& customerKey,
                                                      const std::string& category, core::TimeMs receivedAt,
                                                      core::TimeMs windowMs, const std::string& caseId) {
    Statement s(db, "SELECT id FROM cases WHERE customer_key = ? AND category = ? AND received_at < ? "
                    "AND received_at >= ? AND state <> 'cancelled' AND id <> ? ORDER BY received_at DESC LIMIT 1");
    s.bind(1, customerKey).bind(2, category).bind(3, receivedAt).bind(4, receivedAt - windowMs).bind(5, caseId);
    return optionalText(s);
}

core::Result<std::vector<core::NamedCount>> departmentsDispatchedTo(const Database& db, const std::string& category,
                                                                    const std::string& subType) {
    Statement s(db, "SELECT department, count(*) FROM cases WHERE category = ?1 AND department <> '' "
                    "AND (?2 = '' OR sub_type = ?2) GROUP BY department ORDER BY 2 DESC, 1");
    s.bind(1, category).bind(2, subType);
    return namedCounts(s);
}

core::Result<std::vector<core::NamedCount>> openCasesByPerson(const Database& db) {
    Statement s(db, "SELECT person, count(*) FROM cases WHERE person <> '' "
                    "AND state NOT IN ('archived', 'cancelled') GROUP BY person ORDER BY 1");
    return namedCounts(s);
}

core::Result<int> nextCaseSequence(const Database& db, const std::string& prefix) {
    Statement s(db, "SELECT max(number) FROM cases WHERE number >= ? AND number < ?");
    s.bind(1, prefix).bind(2, prefix + "~");
    auto found = s.row();
    if (!found) return found.error();
    if (!found.value()) return 1;
    const std::string last = s.text(0);
    return last.size() > prefix.size() ? std::atoi(last.c_str() + prefix.size()) + 1 : 1;
}

core::Result<std::vector<std::string>> openCasesWithDeadlines(const Database& db) {
    return readAll<std::string>(db,
                                "SELECT id FROM cases WHERE state NOT IN ('archived', 'cancelled') "
                                "AND next_due > 0 AND outcome = 'open'",
                                [](const Statement& s) { return s.text(0); });
}

core::Result<std::vector<CustomerCase>> casesOfCustomer(const Database& db, const std::string& customerKey) {
    Statement s(db, "SELECT id, number, state FROM cases WHERE customer_key = ? ORDER BY received_at");
    s.bind(1, customerKey);
    std::vector<CustomerCase> out;
    if (auto st = s.eachRow([&] { out.push_back({s.text(0), s.text(1), s.text(2)}); }); !st) return st.error();
    return out;
}

core::Result<std::vector<std::string>> closedUnerasedBefore(const Database& db, core::TimeMs before, int limit) {
    Statement s(db, "SELECT id FROM cases WHERE state IN ('archived', 'cancelled') "
                    "AND (customer_name <> '' OR phone <> '' OR account <> '' OR customer_key <> '') "
                    "AND (CASE WHEN archived_at > 0 THEN archived_at ELSE received_at END) < ? "
                    "ORDER BY received_at LIMIT ?");
    s.bind(1, before).bind(2, limit);
    std::vector<std::string> out;
    if (auto st = s.eachRow([&] { out.push_back(s.text(0)); }); !st) return st.error();
    return out;
}

core::Result<int> concurrentEditFlag(const Database& db, const std::string& caseId) {
    Statement s(db, "SELECT concurrent_edit FROM cases WHERE id = ?");
    s.bind(1, caseId);
    auto found = s.row();
    if (!found) return found.error();
    return found.value() ? static_cast<int>(s.integer(0)) : -1;
}

core::Result<std::optional<std::string>> getMeta(const Database& db, const std::string& key) {
    Statement s(db, "SELECT value FROM meta WHERE key = ?");
    s.bind(1, key);
    return optionalText(s);
}

core::Status setMeta(Database& db, const std::string& key, const std::string& value) {
    Statement s(db, "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2");
    return s.bind(1, key).bind(2, value).run();
}

core::Status deleteMeta(Database& db, const std::string& key) {
    Statement s(db, "DELETE FROM meta WHERE key = ?1");
    return s.bind(1, key).run();
}

core::Result<std::vector<core::Department>> departments(const Database& db) {
    return readAll<core::Department>(db, "SELECT id, name_zh, name_en, head FROM departments ORDER BY id",
                                     [](const Statement& s) {
                                         return core::Department{s.text(0), s.text(1), s.text(2), s.text(3)};
                                     });
}

core::Result<std::vector<core::Suggestion>> suggestions(const Database& db, core::TimeMs from, core::TimeMs to) {
    Statement s(db, "SELECT id, source, author, content, status, note, created_at FROM suggestions "
                    "WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC, id");
    s.bind(1, from).bind(2, to);
    std::vector<core::Suggestion> out;
    auto read = s.eachRow([&] {
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.integer(6)});
    });
    if (!read) return read.error();
    return out;
}

core::Result<std::vector<core::StaffMember>> staff(const Database& db) {
    return readAll<core::StaffMember>(db, "SELECT id, name, role, department FROM staff ORDER BY id",
                                      [](const Statement& s) {
                                          return core::StaffMember{s.text(0), s.text(1), s.text(2), s.text(3)};
                                      });
}

core::Result<std::vector<core::SubType>> subTypes(const Database& db) {
    return readAll<core::SubType>(db, "SELECT id, category, name_zh, name_en FROM sub_types ORDER BY category, id",
                                  [](const Statement& s) {
                                      return core::SubType{s.text(0), s.text(1), s.text(2), s.text(3)};
                                  });
}

core::Result<std::vector<PolicyRow>> policies(const Database& db) {
    return readAll<PolicyRow>(db, "SELECT category, limits, version, max_hours FROM policies ORDER BY category",
                              [](const Statement& s) {
                                  return PolicyRow{s.text(0), s.text(1), int(s.integer(2)), int(s.integer(3))};
                              });
}

} // namespace tousu::store
