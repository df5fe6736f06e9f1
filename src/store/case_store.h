// The event store and its projections. Events are appended (deduplicated by id) and every touched
// case is re-folded into the `cases` row and the full-text index, inside the caller's transaction,
// so the projection can never disagree with the events that were committed.
//
// Invariants:
//   1. an event id is stored at most once; the same id with different content is refused (Conflict);
//   2. after insertEvents() returns Ok, every touched case's row equals projectionRow(fold(events));
//   3. verify() re-folds every case and reports each row that differs.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/event.h"
#include "core/kpi.h"
#include "core/model.h"
#include "core/result.h"

namespace tousu::store {

class Database;

// One row of the `cases` projection, derived from a folded case (and nothing else).
struct ProjectionRow {
    std::string id, number, registeredNumber, state, channel, category, subType, importance, customerName, phone,
        account, customerKey, content, department, person, outcome, repeatOf, updatedHlc, metMilestones;
    std::int64_t receivedAt = 0, expectedAt = 0, nextDue = 0, resolvedAt = 0, archivedAt = 0, followUpDue = 0;
    int paused = 0, rating = 0, reopenCount = 0, escalation = 0, concurrentEdit = 0, eventCount = 0;
    bool operator==(const ProjectionRow&) const = default;
};
ProjectionRow projectionRow(const core::Case& c, const core::Calendar& officeCalendar);

struct InsertResult {
    int inserted = 0;          // new events
    int duplicates = 0;        // already present with identical content
    int referenceInserted = 0; // of `inserted`, reference-data events
    std::vector<std::string> touchedCases;
};

class CaseStore {
    friend class EventInsertion;

  public:
    CaseStore(Database& db, const core::Calendar& officeCalendar) : m_db(db), m_calendar(officeCalendar) {}

    // Caller holds a transaction. Reference-data events (case id "") go to the reference tables.
    core::Result<InsertResult> insertEvents(const std::vector<core::Event>& events);
    core::Result<std::vector<core::Event>> caseEvents(const std::string& caseId) const;
    core::Result<core::Case> loadCase(const std::string& caseId) const;
    core::Result<std::optional<std::string>> caseIdByNumber(const std::string& number) const;
    // Re-folds a case into its row; an erased case's events are first rewritten redacted.
    core::Status reproject(const std::string& caseId);
    bool isErased(const std::string& caseId) const;
    // After erasures: the search index compacted, so no erased value stays in it (insertEvents does
    // this itself).
    core::Status compactErased();
    // The number a case shows (its registered number, or …-2 for a twin); "" for no such case.
    core::Result<std::string> shownNumber(const std::string& caseId) const;
    // Re-folds every case (after a migration that added a projected column); returns how many.
    core::Result<int> reprojectAll();
    // A new local event for a case whose current fold is `before` (empty for a new case): stored and
    // applied incrementally, without re-reading the case's events.
    core::Status appendLocal(const core::Case& before, const core::Event& e);

    // Numbers of the cases whose projection differs from a fresh fold, and "ref.staff:s11" for each
    // reference record that differs from its last event (empty: all consistent).
    core::Result<std::vector<std::string>> verify() const;
    // SHA-256 over every event's canonical text in id order: equal for equal logical content.
    core::Result<std::string> digest() const;
    core::Result<std::int64_t> eventCount() const;
    // The events of one kind of reference data ("ref.staff"), in (hlc, origin, id) order.
    core::Result<std::vector<core::Event>> referenceEvents(const std::string& type) const;

  private:
    core::Status projectReference(const core::Event& e);
    core::Status verifyReference(std::vector<std::string>& bad) const;
    // `erasing`: the cases the same arrival erases (their stored events become redacted anyway).
    core::Status insertOne(const core::Event& e, const std::set<std::string>& erasing, InsertResult& result,
                           bool& inserted);
    core::Status writeProjection(const core::Case& c);
    core::Status redactStored(std::vector<core::Event>& events);
    // The numbers shown by the cases registered under one number (case_store.cpp, numberInPlace).
    core::Status renumberTwins(const std::string& registered);
    Database& m_db;
    const core::Calendar& m_calendar;
    bool m_redacted = false; // events redacted since the index was last compacted
};

core::Result<core::Event> eventFromRow(const std::string& id, const std::string& caseId, const std::string& hlc,
                                       const std::string& origin, const std::string& actor, const std::string& type,
                                       const std::string& prev, const std::string& payload);

// insertEvents() spread over calls, for imports the desk shows progress for: the events are stored
// a slice at a time, then the reference data is projected and the touched cases re-folded a slice
// at a time. Same caller-held transaction, same result, same invariants once step() returns true.
class EventInsertion {
  public:
    EventInsertion(CaseStore& store, const std::vector<core::Event>& events);
    // Does up to `budget` units of work (storing an event, re-folding a case); true once all is done.
    core::Result<bool> step(std::size_t budget);
    double progress() const; // 0–1, by estimated work
    const InsertResult& result() const { return m_result; }

  private:
    CaseStore& m_store;
    const std::vector<core::Event>& m_events;
    std::size_t m_nextEvent = 0, m_nextCase = 0, m_expectedCases = 0;
    std::set<std::string> m_touched, m_erasing;
    std::vector<const core::Event*> m_reference;
    bool m_referenceDone = false;
    InsertResult m_result;
};

} // namespace tousu::store
