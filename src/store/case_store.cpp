#include "store/case_store.h"

#include <map>

#include <algorithm>
#include <set>

#include "core/deadline.h"
#include "core/fold.h"
#include "core/redact.h"
#include "core/sha256.h"
#include "core/workflow.h"
#include "store/attachment_store.h"
#include "store/database.h"
#include "store/statement.h"

namespace tousu::store {

using core::ErrorCode;
using core::makeError;

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO events(id, case_id, hlc, origin, actor, type, prev, payload) VALUES (?,?,?,?,?,?,?,?)";

void bindEvent(Statement& insert, const core::Event& e) {
    insert.bind(1, e.id)
        .bind(2, e.caseId)
        .bind(3, core::formatHlc(e.hlc))
        .bind(4, e.origin)
        .bind(5, e.actor)
        .bind(6, e.type)
        .bind(7, core::formatHlc(e.prev))
        .bind(8, core::encodeFields(e.fields));
}

const char* outcomeCode(core::DeadlineOutcome o) {
    return o == core::DeadlineOutcome::OnTime ? "on_time" : o == core::DeadlineOutcome::Late ? "late" : "open";
}

constexpr const char* kRowColumns =
    "id, number, state, channel, category, sub_type, importance, customer_name, phone, account, customer_key, "
    "content, department, person, outcome, repeat_of, updated_hlc, received_at, expected_at, next_due, "
    "resolved_at, archived_at, paused, rating, reopen_count, escalation, concurrent_edit, event_count, follow_up_due, "
    "met_milestones, registered_number";

void bindRow(Statement& s, const ProjectionRow& r) {
    s.bind(1, r.id)
        .bind(2, r.number)
        .bind(3, r.state)
        .bind(4, r.channel)
        .bind(5, r.category)
        .bind(6, r.subType)
        .bind(7, r.importance)
        .bind(8, r.customerName)
        .bind(9, r.phone)
        .bind(10, r.account)
        .bind(11, r.customerKey)
        .bind(12, r.content)
        .bind(13, r.department)
        .bind(14, r.person)
        .bind(15, r.outcome)
        .bind(16, r.repeatOf)
        .bind(17, r.updatedHlc)
        .bind(18, r.receivedAt)
        .bind(19, r.expectedAt)
        .bind(20, r.nextDue)
        .bind(21, r.resolvedAt)
        .bind(22, r.archivedAt)
        .bind(23, r.paused)
        .bind(24, r.rating)
        .bind(25, r.reopenCount)
        .bind(26, r.escalation)
        .bind(27, r.concurrentEdit)
        .bind(28, r.eventCount)
        .bind(29, r.followUpDue)
        .bind(30, r.metMilestones)
        .bind(31, r.registeredNumber);
}

ProjectionRow readRow(const Statement& s) {
    ProjectionRow r;
    r.id = s.text(0);
    r.number = s.text(1);
    r.state = s.text(2);
    r.channel = s.text(3);
    r.category = s.text(4);
    r.subType = s.text(5);
    r.importance = s.text(6);
    r.customerName = s.text(7);
    r.phone = s.text(8);
    r.account = s.text(9);
    r.customerKey = s.text(10);
    r.content = s.text(11);
    r.department = s.text(12);
    r.person = s.text(13);
    r.outcome = s.text(14);
    r.repeatOf = s.text(15);
    r.updatedHlc = s.text(16);
    r.receivedAt = s.integer(17);
    r.expectedAt = s.integer(18);
    r.nextDue = s.integer(19);
    r.resolvedAt = s.integer(20);
    r.archivedAt = s.integer(21);
    r.paused = int(s.integer(22));
    r.rating = int(s.integer(23));
    r.reopenCount = int(s.integer(24));
    r.escalation = int(s.integer(25));
    r.concurrentEdit = int(s.integer(26));
    r.eventCount = int(s.integer(27));
    r.followUpDue = s.integer(28);
    r.metMilestones = s.text(29);
    r.registeredNumber = s.text(30);
    return r;
}

std::string sameEventText(const core::Event& e) { return core::canonicalText(e); }

} // namespace

ProjectionRow projectionRow(const core::Case& c, const core::Calendar& officeCalendar) {
    const core::Calendar cal = c.workingHours ? officeCalendar : core::Calendar::clockHours();
    ProjectionRow r;
    r.id = c.id;
    r.number = r.registeredNumber = c.registeredNumber;
    r.state = core::code(c.state);
    r.channel = core::code(c.channel);
    r.category = core::code(c.category);
    r.subType = c.subType;
    r.importance = core::code(c.importance);
    r.customerName = c.customerName;
    r.phone = c.phone;
    r.account = c.account;
    r.customerKey = c.customerKey;
    r.content = c.content;
    r.department = c.department;
    r.person = c.person;
    r.outcome = outcomeCode(core::deadlineOutcome(c, cal));
    r.repeatOf = c.repeatOf;
    r.updatedHlc = core::formatHlc(c.lastHlc);
    r.receivedAt = c.receivedAt;
    r.expectedAt = c.expectedAt;
    // While paused the due time keeps moving; it is stored as 0 and the row is marked paused.
    r.nextDue = c.pausedSince ? 0 : core::nextDue(c, c.receivedAt, cal);
    r.resolvedAt = c.resolvedAt;
    r.archivedAt = c.archivedAt;
    r.paused = c.pausedSince ? 1 : 0;
    r.rating = c.rating;
    r.reopenCount = c.reopenCount;
    r.escalation = c.escalationLevel;
    r.concurrentEdit = c.concurrentEdit ? 1 : 0;
    r.eventCount = c.eventCount;
    r.followUpDue = core::followUpDueAt(c);
    r.metMilestones = core::metMilestonesText(c, cal);
    return r;
}

core::Result<core::Event> eventFromRow(const std::string& id, const std::string& caseId, const std::string& hlc,
                                       const std::string& origin, const std::string& actor, const std::string& type,
                                       const std::string& prev, const std::string& payload) {
    core::Event e;
    e.id = id;
    e.caseId = caseId;
    e.origin = origin;
    e.actor = actor;
    e.type = type;
    auto h = core::parseHlc(hlc);
    auto p = core::parseHlc(prev);
    auto f = core::decodeFields(payload);
    if (!h || !p || !f) return makeError(ErrorCode::InvalidInput, "error.event_format", "event " + id);
    e.hlc = h.value();
    e.prev = p.value();
    e.fields = std::move(f.value());
    return e;
}

core::Result<InsertResult> CaseStore::insertEvents(const std::vector<core::Event>& events) {
    EventInsertion insertion(*this, events);
    auto done = insertion.step(SIZE_MAX);
    if (!done) return done.error();
    return insertion.result();
}

// Stores one event unless its id is there already (with identical content: a duplicate).
core::Status CaseStore::insertOne(const core::Event& e, const std::set<std::string>& erasing, InsertResult& result,
                                  bool& inserted) {
    sqlite3* db = m_db.handle();
    Statement find(m_db, "SELECT id, case_id, hlc, origin, actor, type, prev, payload FROM events WHERE id = ?");
    Statement insert(m_db, kInsertEvent);
    if (!find.ok() || !insert.ok()) return sqlError(db, "prepare event insert");
    inserted = false;
    find.bind(1, e.id);
    const int rc = find.step();
    if (rc == SQLITE_ROW) {
        auto existing = eventFromRow(find.text(0), find.text(1), find.text(2), find.text(3), find.text(4), find.text(5),
                                     find.text(6), find.text(7));
        // An erased case's events are stored redacted: the original arriving again, or the redacted
        // form arriving with the erasure, is that event.
        if (!existing || (sameEventText(existing.value()) != sameEventText(e) && !erasing.count(e.caseId) &&
                          !isErased(existing.value().caseId)))
            return makeError(ErrorCode::Conflict, "error.event_conflict",
                             "event " + e.id + " differs from the stored one");
        ++result.duplicates;
        return core::Ok{};
    }
    if (rc != SQLITE_DONE) return sqlError(db, "find event");
    bindEvent(insert, e);
    if (insert.step() != SQLITE_DONE) return sqlError(db, "insert event");
    ++result.inserted;
    inserted = true;
    return core::Ok{};
}

core::Result<bool> EventInsertion::step(std::size_t budget) {
    for (; budget && m_nextEvent < m_events.size(); --budget) {
        const core::Event& e = m_events[m_nextEvent++];
        bool inserted = false;
        if (auto st = m_store.insertOne(e, m_erasing, m_result, inserted); !st) return st.error();
        if (!inserted) continue;
        if (e.caseId.empty())
            m_reference.push_back(&e);
        else
            m_touched.insert(e.caseId);
    }
    if (m_nextEvent < m_events.size()) return false;
    if (!m_referenceDone) { // reference data first: the cases' projections name it
        for (const core::Event* e : m_reference)
            if (auto st = m_store.projectReference(*e); !st) return st.error();
        m_referenceDone = true;
        m_result.referenceInserted = static_cast<int>(m_reference.size());
        m_result.touchedCases.assign(m_touched.begin(), m_touched.end());
    }
    for (; budget && m_nextCase < m_result.touchedCases.size(); --budget)
        if (auto st = m_store.reproject(m_result.touchedCases[m_nextCase++]); !st) return st.error();
    if (m_nextCase < m_result.touchedCases.size()) return false;
    if (auto st = m_store.compactErased(); !st) return st.error();
    return true;
}

EventInsertion::EventInsertion(CaseStore& store, const std::vector<core::Event>& events)
    : m_store(store), m_events(events) {
    std::set<std::string> cases;
    for (const core::Event& e : events) {
        if (!e.caseId.empty()) cases.insert(e.caseId);
        if (e.type == core::code(core::Action::Erase)) m_erasing.insert(e.caseId);
    }
    m_expectedCases = cases.size();
}

double EventInsertion::progress() const {
    // Re-folding a case costs about as much as storing ten events. Until the events are stored, every
    // case they name counts as touched; duplicates then leave fewer, so the share only grows.
    const double cases = double(m_referenceDone ? m_result.touchedCases.size() : m_expectedCases);
    const double total = double(m_events.size()) + 10.0 * cases;
    return total > 0 ? (double(m_nextEvent) + 10.0 * double(m_nextCase)) / total : 1.0;
}

namespace {

// The events a bound statement selects (the columns eventFromRow takes), in its order.
core::Result<std::vector<core::Event>> eventRows(Statement& s) {
    std::vector<core::Event> out;
    auto read = s.eachRow([&]() -> core::Status {
        auto e = eventFromRow(s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7));
        if (!e) return e.error();
        out.push_back(std::move(e.value()));
        return core::Ok{};
    });
    if (!read) return read.error();
    return out;
}

} // namespace

core::Result<std::vector<core::Event>> CaseStore::caseEvents(const std::string& caseId) const {
    sqlite3* db = m_db.handle();
    Statement s(m_db, "SELECT id, case_id, hlc, origin, actor, type, prev, payload FROM events WHERE case_id = ? "
                      "ORDER BY hlc, origin, id");
    if (!s.ok()) return sqlError(db, "prepare case events");
    s.bind(1, caseId);
    return eventRows(s);
}

core::Result<core::Case> CaseStore::loadCase(const std::string& caseId) const {
    auto events = caseEvents(caseId);
    if (!events) return events.error();
    if (events.value().empty()) return makeError(ErrorCode::NotFound, "error.case_not_found", caseId);
    return core::foldEvents(std::move(events.value()), m_calendar);
}

core::Result<std::optional<std::string>> CaseStore::caseIdByNumber(const std::string& number) const {
    Statement s(m_db, "SELECT id FROM cases WHERE number = ?");
    s.bind(1, number);
    auto found = s.row();
    if (!found) return found.error();
    return found.value() ? std::optional<std::string>(s.text(0)) : std::nullopt;
}

core::Result<std::string> CaseStore::shownNumber(const std::string& caseId) const {
    Statement s(m_db, "SELECT number FROM cases WHERE id = ?");
    s.bind(1, caseId);
    auto found = s.row();
    if (!found) return found.error();
    return found.value() ? s.text(0) : std::string();
}

core::Status CaseStore::reproject(const std::string& caseId) {
    auto events = caseEvents(caseId);
    if (!events) return events.error();
    if (events.value().empty()) return makeError(ErrorCode::NotFound, "error.case_not_found", caseId);
    if (core::hasErasure(events.value()))
        if (auto st = redactStored(events.value()); !st) return st;
    const core::Case c = core::foldEvents(std::move(events.value()), m_calendar);
    // Events can arrive before their case's registration (sync): no row until it does.
    if (c.id.empty()) return core::Ok{};
    return writeProjection(c);
}

// An erased case's events rewritten in place to their redacted form (core/redact.h): same ids, same
// stamps, no personal data. The search index is compacted once the caller is done (compactErased).
core::Status CaseStore::redactStored(std::vector<core::Event>& events) {
    const auto values = core::personalValues(events);
    Statement update(m_db, "UPDATE events SET payload = ? WHERE id = ?");
    for (core::Event& e : events) {
        core::Event r = core::redacted(e, values);
        if (r.fields == e.fields) continue;
        if (auto st = update.bind(1, core::encodeFields(r.fields)).bind(2, r.id).run(); !st) return st;
        update.reset();
        e = std::move(r);
        m_redacted = true;
    }
    return core::Ok{};
}

bool CaseStore::isErased(const std::string& caseId) const {
    Statement s(m_db, "SELECT 1 FROM events WHERE case_id = ? AND type = 'erase' LIMIT 1");
    auto found = s.bind(1, caseId).row();
    return found && found.value();
}

core::Status CaseStore::compactErased() {
    if (!m_redacted) return core::Ok{};
    // Removed rows stay in the full-text index's segments until they are merged.
    if (auto st = m_db.exec("INSERT INTO cases_fts(cases_fts) VALUES ('optimize')"); !st) return st;
    if (auto dropped = dropErasedAttachments(m_db); !dropped) return dropped.error(); // files of erased cases
    m_redacted = false;
    return core::Ok{};
}

core::Result<int> CaseStore::reprojectAll() {
    std::vector<std::string> ids;
    Statement s(m_db, "SELECT DISTINCT case_id FROM events WHERE case_id <> ''");
    if (auto st = s.eachRow([&] { ids.push_back(s.text(0)); }); !st) return st.error();
    for (const std::string& id : ids)
        if (auto st = reproject(id); !st) return st.error();
    return static_cast<int>(ids.size());
}

core::Status CaseStore::writeProjection(const core::Case& c) {
    sqlite3* db = m_db.handle();
    ProjectionRow row = projectionRow(c, m_calendar);
    const std::string searchPhone = row.phone + " " + row.account;
    Statement old(m_db,
                  "SELECT rowid, number, customer_name, phone || ' ' || account, content FROM cases WHERE id = ?");
    old.bind(1, c.id);
    std::int64_t rowid = 0;
    bool textChanged = true;
    auto found = old.row();
    if (!found) return found.error();
    if (found.value()) {
        rowid = old.integer(0);
        row.number = old.text(1); // as renumberTwins left it
        textChanged = old.text(2) != row.customerName || old.text(3) != searchPhone || old.text(4) != row.content;
    }
    const std::string sql =
        std::string("INSERT INTO cases(rowid, ") + kRowColumns +
        ") VALUES (?32,?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,"
        "?20,?21,?22,?23,?24,?25,?26,?27,?28,?29,?30,?31) ON CONFLICT(rowid) DO UPDATE SET " +
        "state=?3, channel=?4, category=?5, sub_type=?6, importance=?7, customer_name=?8, "
        "phone=?9, account=?10, customer_key=?11, content=?12, department=?13, person=?14, "
        "outcome=?15, repeat_of=?16, updated_hlc=?17, received_at=?18, expected_at=?19, "
        "next_due=?20, resolved_at=?21, archived_at=?22, paused=?23, rating=?24, "
        "reopen_count=?25, escalation=?26, concurrent_edit=?27, event_count=?28, follow_up_due=?29, "
        "met_milestones=?30";
    Statement up(m_db, sql.c_str());
    bindRow(up, row);
    const bool added = rowid == 0;
    if (rowid) up.bind(32, rowid); // unbound ?32 is NULL: a new rowid
    if (auto st = up.run(); !st) return st;
    if (!rowid) rowid = sqlite3_last_insert_rowid(db);
    // The searchable text is set at registration; most actions leave the index alone.
    if (textChanged) {
        Statement del(m_db, "DELETE FROM cases_fts WHERE rowid = ?");
        if (auto st = del.bind(1, rowid).run(); !st) return st;
        Statement fts(m_db, "INSERT INTO cases_fts(rowid, number, customer_name, phone, content) VALUES (?,?,?,?,?)");
        if (auto st = fts.bind(1, rowid)
                          .bind(2, row.number)
                          .bind(3, row.customerName)
                          .bind(4, searchPhone)
                          .bind(5, row.content)
                          .run();
            !st)
            return st;
    }
    return added ? renumberTwins(row.registeredNumber) : core::Ok{};
}

// The number a case shows: two desks apart from each other can give two complaints one number, so
// the first registered (case ids are time-ordered) keeps it and the next show it with -2, -3 …,
// the same on every desk whatever order the cases arrived in.
namespace {
std::string numberInPlace(const std::string& registered, std::size_t place) {
    return place == 0 ? registered : registered + "-" + std::to_string(place + 1);
}
} // namespace

core::Status CaseStore::renumberTwins(const std::string& registered) {
    Statement twins(m_db, "SELECT rowid, number FROM cases WHERE registered_number = ? ORDER BY id");
    std::vector<std::pair<std::int64_t, std::string>> rows;
    twins.bind(1, registered);
    if (auto st = twins.eachRow([&] { rows.emplace_back(twins.integer(0), twins.text(1)); }); !st) return st;
    Statement number(m_db, "UPDATE cases SET number = ?2 WHERE rowid = ?1");
    Statement indexed(m_db, "UPDATE cases_fts SET number = ?2 WHERE rowid = ?1");
    for (std::size_t place = 0; rows.size() > 1 && place < rows.size(); ++place) {
        const std::string want = numberInPlace(registered, place);
        if (rows[place].second == want) continue;
        for (Statement* s : {&number, &indexed}) {
            s->reset();
            if (auto st = s->bind(1, rows[place].first).bind(2, want).run(); !st) return st;
        }
    }
    return core::Ok{};
}

core::Status CaseStore::appendLocal(const core::Case& before, const core::Event& e) {
    Statement insert(m_db, kInsertEvent);
    bindEvent(insert, e);
    if (auto st = insert.run(); !st) return st;
    if (before.eventCount > 0 && !(before.lastHlc < e.hlc)) return reproject(e.caseId); // not the newest: re-fold
    core::Case after = before;
    core::applyEvent(after, e, m_calendar);
    return writeProjection(after);
}

namespace {

// One table per kind of reference data: its key column and the payload fields it keeps.
struct ReferenceTable {
    const char* type;
    const char* table;
    const char* key;
    std::vector<const char*> fields;
};
const ReferenceTable kReferenceTables[] = {
    {"ref.department", "departments", "id", {"name_zh", "name_en", "head"}},
    {"ref.staff", "staff", "id", {"name", "role", "department"}},
    {"ref.sub_type", "sub_types", "id", {"category", "name_zh", "name_en"}},
    {"ref.policy", "policies", "category", {"version", "limits", "max_hours"}},
    {"ref.suggestion", "suggestions", "id", {"source", "author", "content", "status", "note", "created_at"}},
};

} // namespace

core::Status CaseStore::projectReference(const core::Event& e) {
    for (const ReferenceTable& t : kReferenceTables) {
        if (e.type != t.type) continue;
        // Last writer wins in event order (hlc, origin, id): an older event arriving later (sync)
        // does not overwrite a newer one, and equal HLCs from two offices resolve the same everywhere.
        // updated_hlc holds that order key; fixed-width HLC text makes it sort as the order does.
        const std::string table = t.table;
        const int n = static_cast<int>(t.fields.size());
        std::string columns, values, updates;
        for (int i = 0; i < n; ++i) {
            const std::string param = "?" + std::to_string(i + 2);
            columns += std::string(", ") + t.fields[static_cast<std::size_t>(i)];
            values += ", " + param;
            updates += std::string(t.fields[static_cast<std::size_t>(i)]) + " = " + param + ", ";
        }
        const std::string order = "?" + std::to_string(n + 2);
        const std::string sql = "INSERT INTO " + table + "(" + t.key + columns + ", updated_hlc) VALUES (?1" + values +
                                ", " + order + ") ON CONFLICT(" + t.key + ") DO UPDATE SET " + updates +
                                "updated_hlc = " + order + " WHERE excluded.updated_hlc > " + table + ".updated_hlc";
        Statement s(m_db, sql);
        s.bind(1, core::getField(e.fields, t.key)).bind(n + 2, core::formatHlc(e.hlc) + " " + e.origin + " " + e.id);
        for (int i = 0; i < n; ++i) s.bind(2 + i, core::getField(e.fields, t.fields[static_cast<std::size_t>(i)]));
        return s.run();
    }
    return makeError(ErrorCode::InvalidInput, "error.unknown_reference", e.type);
}

core::Result<std::vector<std::string>> CaseStore::verify() const {
    std::vector<std::string> bad;
    Statement ids(m_db, "SELECT DISTINCT case_id FROM events WHERE case_id <> '' "
                        "UNION SELECT id FROM cases ORDER BY 1");
    const std::string sql = std::string("SELECT ") + kRowColumns + " FROM cases WHERE id = ?";
    Statement row(m_db, sql.c_str());
    Statement earlier(m_db, "SELECT count(*) FROM cases WHERE registered_number = ? AND id < ?");
    // The search index row holds the case's own text (what writeProjection put there).
    Statement fts(m_db, "SELECT count(*) FROM cases_fts f JOIN cases c ON f.rowid = c.rowid WHERE c.id = ? "
                        "AND f.number = c.number AND f.customer_name = c.customer_name "
                        "AND f.phone = c.phone || ' ' || c.account AND f.content = c.content");
    auto read = ids.eachRow([&]() -> core::Status {
        const std::string id = ids.text(0);
        auto c = loadCase(id);
        // A case whose events cannot be read is damaged, not inconsistent.
        if (!c && c.error().code == ErrorCode::Storage) return c.error();
        row.bind(1, id);
        auto haveRow = row.row();
        if (!haveRow) return haveRow.error();
        const bool registered = c && !c.value().id.empty();
        bool same = !haveRow.value();
        if (registered && haveRow.value()) {
            ProjectionRow expected = projectionRow(c.value(), m_calendar);
            auto place = earlier.bind(1, expected.registeredNumber).bind(2, id).row();
            if (!place) return place.error();
            expected.number = numberInPlace(expected.registeredNumber, std::size_t(earlier.integer(0)));
            earlier.reset();
            same = readRow(row) == expected;
        }
        row.reset();
        fts.bind(1, id);
        auto haveCount = fts.row();
        if (!haveCount) return haveCount.error();
        const bool indexed = !registered || (haveCount.value() && fts.integer(0) == 1);
        fts.reset();
        if (!same || !indexed) bad.push_back(registered ? c.value().number : id);
        return core::Ok{};
    });
    if (!read) return read.error();
    // Index rows of no case would let a search find cases that do not exist.
    Statement strays(m_db, "SELECT count(*) FROM cases_fts WHERE rowid NOT IN (SELECT rowid FROM cases)");
    auto stray = strays.row();
    if (!stray) return stray.error();
    if (stray.value() && strays.integer(0) > 0) bad.push_back("cases_fts");
    if (auto st = verifyReference(bad); !st) return st.error();
    return bad;
}

// Each reference table against its events: the last writer in (hlc, origin, id) order, field by field.
core::Status CaseStore::verifyReference(std::vector<std::string>& bad) const {
    using Rows = std::map<std::string, std::vector<std::string>>;
    for (const ReferenceTable& t : kReferenceTables) {
        Rows expected, stored;
        auto events = referenceEvents(t.type);
        if (!events) return events.error();
        for (const core::Event& e : events.value()) {
            std::vector<std::string>& row = expected[core::getField(e.fields, t.key)];
            row.clear();
            for (const char* f : t.fields) row.push_back(core::getField(e.fields, f));
        }
        std::string columns = t.key;
        for (const char* f : t.fields) columns += std::string(", CAST(") + f + " AS TEXT)";
        Statement rows(m_db, "SELECT " + columns + " FROM " + t.table);
        auto read = rows.eachRow([&] {
            std::vector<std::string>& row = stored[rows.text(0)];
            for (std::size_t i = 0; i < t.fields.size(); ++i) row.push_back(rows.text(static_cast<int>(i) + 1));
        });
        if (!read) return read;
        for (const auto& [key, row] : expected)
            if (!stored.count(key) || stored[key] != row) bad.push_back(std::string(t.type) + ":" + key);
        for (const auto& [key, row] : stored)
            if (!expected.count(key)) bad.push_back(std::string(t.type) + ":" + key);
    }
    return core::Ok{};
}

core::Result<std::vector<core::Event>> CaseStore::referenceEvents(const std::string& type) const {
    Statement s(m_db, "SELECT id, case_id, hlc, origin, actor, type, prev, payload FROM events "
                      "WHERE case_id = '' AND type = ? ORDER BY hlc, origin, id");
    s.bind(1, type);
    return eventRows(s);
}

core::Result<std::string> CaseStore::digest() const {
    sqlite3* db = m_db.handle();
    Statement s(m_db, "SELECT id, case_id, hlc, origin, actor, type, prev, payload FROM events ORDER BY id");
    if (!s.ok()) return sqlError(db, "prepare digest");
    core::Sha256 h;
    auto read = s.eachRow([&]() -> core::Status {
        auto e = eventFromRow(s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7));
        if (!e) return e.error();
        h.update(core::canonicalText(e.value()));
        h.update("\n");
        return core::Ok{};
    });
    if (!read) return read.error();
    return h.hexDigest();
}

core::Result<std::int64_t> CaseStore::eventCount() const {
    Statement s(m_db, "SELECT count(*) FROM events");
    if (auto counted = s.row(); !counted || !counted.value()) return sqlError(m_db.handle(), "count events");
    return s.integer(0);
}

} // namespace tousu::store
