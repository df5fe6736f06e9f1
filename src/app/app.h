// The application layer: one function per user action. Each validates its input, checks the
// actor's role and the workflow, appends one event and projects it — one SQLite transaction — then
// bumps the data revision. Nothing is written when validation fails. Screens, the CLI and tests
// call only this. Depends on core and store; never on ImGui or the platform.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/save_state.h"
#include "core/analysis.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/event.h"
#include "core/hlc.h"
#include "core/ids.h"
#include "core/kpi.h"
#include "core/model.h"
#include "core/policy.h"
#include "core/read_models.h"
#include "core/result.h"
#include "core/validate.h"
#include "core/workflow.h"
#include "sync/bundle.h"

namespace tousu::store {
class Database;
class CaseStore;
} // namespace tousu::store

namespace tousu::app {

struct AppInfo {
    std::string version;
    int schemaVersion = 0;
    std::string officeCode, officeName, deviceId;
};

struct Actor {
    std::string staffId = "system";
    core::Role role = core::Role::Admin;
};

struct CaseRef {
    std::string id, number;
    bool repeat = false;
};

// A customer's earlier complaints, shown while a new one is typed in.
struct CustomerHistory {
    int total = 0;
    std::vector<core::CaseRow> recent; // newest first, at most App::kHistoryRows
    std::string repeatOfNumber;        // the complaint this one would repeat (same category, in the window)
};

// What to put in an export bundle. Empty: everything.
struct ExportScope {
    std::string peer;                     // only what this peer has not been sent (remembered once delivered)
    std::vector<std::string> caseNumbers; // only these cases, with all reference data
    bool maskPersonal = false;            // customers' names, phones and accounts hidden (sync/mask.h)
};

// A bundle read for export and not yet delivered. A peer's watermark moves only when the caller says
// the file was written (App::markDelivered): a failed write or seal, or a refused passphrase, loses
// nothing — the next export to that peer sends the same events again.
struct PreparedExport {
    sync::Bundle bundle;
    std::string peer;         // empty: no watermark to move
    std::int64_t lastSeq = 0; // the watermark it moves to
};

// What a backup file holds, checked before it may replace anything.
struct BackupInfo {
    std::string officeCode, officeName;
    int cases = 0;
    std::int64_t events = 0;
};

// What an import did (or, dry-run, would do).
struct ImportSummary {
    int events = 0, newEvents = 0, duplicates = 0;
    int newCases = 0, updatedCases = 0, referenceChanges = 0;
    std::vector<std::string> concurrentCases; // numbers of cases that now show a concurrent edit
};

class App {
    friend class ImportJob;

  public:
    static core::Result<std::unique_ptr<App>> open(const std::string& dbPath, const core::Clock& clock,
                                                   std::uint64_t seed, const char* vfs = nullptr);
    // A database that must already be there and be tousu's (commands pointed at a file): refused with
    // error.not_tousu_database, the file untouched, otherwise.
    static core::Result<std::unique_ptr<App>> openExisting(const std::string& dbPath, const core::Clock& clock,
                                                           std::uint64_t seed);
    ~App();

    // A new database: office identity, a device origin id, default reference data. Idempotent.
    core::Status initialize(const std::string& officeCode, const std::string& officeName);

    AppInfo info() const;
    const core::Clock& clock() const { return m_clock; }
    const core::PolicySet& policies() const { return m_policies; }
    const core::Calendar& calendar() const { return m_calendar; }
    void setActor(Actor actor) { m_actor = std::move(actor); }
    // The staff member working at this device from now on, with the role their record gives them;
    // remembered in the database, so the next start continues as them.
    // Refused with "error.wrong_pin" when the profile has a PIN and `pin` is not it.
    core::Status signIn(const std::string& staffId, const std::string& pin = {});
    // The member signed in last time, if any.
    std::optional<std::string> lastSignedIn() const;
    const Actor& actor() const { return m_actor; }
    // Bumped by every committed change; view models compare it to decide whether to re-query.
    std::uint64_t revision() const { return m_revision; }
    SaveState saveState() const { return m_saveState; }
    void setSaveState(SaveState s) { m_saveState = s; }
    // The first failure to read the database (a damaged file) since it was opened, if any. Reads that
    // return plain values come back empty then; the desk says so and offers a restore.
    const std::optional<core::Error>& fault() const { return m_fault; }
    // Read-only while another browser tab writes this workspace: every action is refused.
    bool readOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

    // Groups many actions into one durable commit (bulk generation, imports); each action still
    // rolls back on its own if it fails.
    core::Status beginBatch();
    core::Status commitBatch();

    // [SECTION] Actions (DOMAIN.md, the process)
    core::Result<CaseRef> registerCase(const core::Registration& r);
    core::Status confirm(const std::string& caseId, const std::string& method, const std::string& text);
    core::Status classify(const std::string& caseId, const std::string& category, const std::string& subType,
                          const std::string& importance);
    core::Status dispatch(const std::string& caseId, const std::string& department, const std::string& person,
                          core::TimeMs expectedAt);
    core::Status investigate(const std::string& caseId, const std::string& note);
    core::Status recordContact(const std::string& caseId, const std::string& method, const std::string& note);
    core::Status waitForCustomer(const std::string& caseId, const std::string& reason);
    core::Status customerResponded(const std::string& caseId, const std::string& note);
    core::Status proposeSolution(const std::string& caseId, const std::string& solution);
    core::Status rejectSolution(const std::string& caseId, const std::string& reason);
    core::Status implement(const std::string& caseId, const std::string& step);
    core::Status feedback(const std::string& caseId, const std::string& result, const std::string& method);
    core::Status survey(const std::string& caseId, int rating, const std::string& comment, bool declined);
    core::Status archive(const std::string& caseId);
    core::Status followUp(const std::string& caseId, bool resolved, const std::string& note);
    core::Status reopen(const std::string& caseId, const std::string& reason);
    core::Status reassign(const std::string& caseId, const std::string& department, const std::string& person,
                          const std::string& reason);
    core::Status cancel(const std::string& caseId, const std::string& reason);
    core::Status merge(const std::string& caseId, const std::string& intoNumber, const std::string& reason);
    core::Status setDeadline(const std::string& caseId, const std::string& milestone, int limitHours,
                             const std::string& reason);
    // Records an escalation event for every open case that crossed a new level; returns how many.
    core::Result<int> recordEscalations();

    // [SECTION] Settings (app/settings.cpp). Administrators only, except preferences and one's own PIN.
    bool mayEditSettings() const { return !m_readOnly && m_actor.role == core::Role::Admin; }
    core::Status setOffice(const std::string& code, const std::string& name); // code: new case numbers
    // Departments, staff and sub-types: an empty id adds a record (its new id returned), otherwise
    // the record is replaced. Names must be unique among their kind.
    core::Result<std::string> saveDepartment(core::Department d);
    core::Result<std::string> saveStaff(core::StaffMember s);
    core::Result<std::string> saveSubType(core::SubType t);
    // A category's deadline policy: new limits per milestone (hours) and the most a supervisor may
    // set per case. Stored as a new version; open cases keep theirs.
    core::Status updatePolicy(const std::string& category, const std::vector<std::pair<std::string, int>>& limitHours,
                              int maxHours);
    // Limits counted in working hours of this calendar (assets/calendar/*.tsv), kept in the
    // database; cases opened afterwards use it, earlier cases keep theirs. useClockHours undoes it.
    core::Status useWorkingHours(const std::string& calendarTsv);
    core::Status useClockHours();
    // Days until the working calendar's data ends (warn under 60), or nullopt with clock hours.
    std::optional<int> calendarDaysLeft() const;
    // Message templates the desk fills in ({number}, {category}, {due}, {customer}, {office}): the
    // administrator's text for a language, or nullopt for the built-in one. Empty text resets.
    static constexpr const char* kTemplateKinds[] = {"confirmation", "feedback", "survey"};
    std::optional<std::string> messageTemplate(const std::string& kind, const std::string& language) const;
    core::Status setMessageTemplate(const std::string& kind, const std::string& language, const std::string& text);
    // This device's preferences (language, font size); anyone may change them.
    std::optional<std::string> preference(const std::string& key) const;
    core::Status setPreference(const std::string& key, const std::string& value);
    // An optional PIN (4–8 digits) per profile, kept on this device as a salted hash; set by the
    // person themselves or an administrator; empty removes it.
    bool hasPin(const std::string& staffId) const;
    core::Status setPin(const std::string& staffId, const std::string& pin);

    // [SECTION] Backup and restore (app/backup.cpp)
    // The whole database as a SQLite file; remembers when, for the backup reminder.
    core::Result<std::string> backup();
    // The same file in pieces of at most 128 KB as they are read (a large database is never copied whole).
    core::Status backupTo(const std::function<void(std::string_view piece)>& piece);
    std::optional<core::TimeMs> lastBackupAt() const;
    int backupReminderDays() const; // default 7
    core::Status setBackupReminderDays(int days);
    // Checks a backup file: SQLite, intact, ours, not newer, and every case consistent with its events.
    core::Result<BackupInfo> checkBackup(const std::string& bytes) const;
    // Replaces all data with a checked backup's, in one transaction; office identity, policies and
    // calendar are then the restored ones.
    core::Status restore(const std::string& bytes);

    // [SECTION] Sync (app/exchange.cpp)
    // An export in two steps: read (nothing changes), then, once the file is written, delivered.
    core::Result<PreparedExport> prepareExport(const ExportScope& scope);
    core::Status markDelivered(const PreparedExport& prepared);
    // Both at once, for callers with nothing that can fail in between (tests, benchmarks).
    core::Result<sync::Bundle> exportBundle(const ExportScope& scope);
    // All or nothing: either every event is stored and projected, or nothing changes. `apply`
    // false is the preview: the same work, rolled back. Refused when the bundle's case events
    // name departments, staff or sub-types that neither this database nor the bundle defines.
    core::Result<ImportSummary> importBundle(const sync::Bundle& bundle, bool apply);
    std::vector<core::Peer> peers() const;
    // Every case as a TMF621 Trouble Ticket, as one JSON array (README, "TMF621"); returns how many.
    core::Result<int> exportTmf(std::string& out) const;

    // [SECTION] Suggestions about the process itself (意见建议, 八、总结与反馈机制): from staff or
    // recorded for a customer; reference data, so they travel with sync bundles.
    static constexpr const char* kSuggestionSources[] = {"staff", "customer"};
    static constexpr const char* kSuggestionStatuses[] = {"new", "accepted", "done", "declined"};
    core::Result<std::string> addSuggestion(const std::string& source, const std::string& content);
    core::Status setSuggestionStatus(const std::string& id, const std::string& status);
    std::vector<core::Suggestion> suggestions(core::TimeMs from = 0, core::TimeMs to = INT64_MAX) const;

    // [SECTION] Reads
    core::Result<core::Case> caseById(const std::string& caseId) const;
    core::Result<std::vector<core::Event>> timeline(const std::string& caseId) const;
    std::optional<std::string> caseIdByNumber(const std::string& number) const;
    core::Result<core::CasePage> listCases(core::ListQuery query) const;
    // Earlier complaints of the customer with this phone or account (either may be partly typed:
    // an invalid phone counts as none), and whether a new one in `category` would be a repeat.
    static constexpr int kHistoryRows = 5;
    CustomerHistory customerHistory(const std::string& phone, const std::string& account, const std::string& category,
                                    core::TimeMs receivedAt) const;
    core::Result<core::KpiReport> kpis(core::TimeMs from, core::TimeMs to,
                                       const core::AnalysisFilter& filter = {}) const;
    // Statistics (core/analysis.h): the whole dashboard at once (tests, reports), or its rows a chunk
    // at a time with their count, so the desk can build it over several frames.
    core::Result<core::Dashboard> dashboard(core::Period period, const core::AnalysisFilter& filter) const;
    core::Result<std::vector<core::KpiRow>> kpiRowsChunk(core::Period period, core::KpiCursor& cursor, int limit) const;
    int countReceived(core::Period period) const;
    core::Result<std::vector<core::NamedCount>> countBy(const char* column) const;
    core::Result<std::vector<std::string>> verify() const;
    core::Result<std::string> digest() const;
    std::vector<core::Department> departments() const;
    std::vector<core::StaffMember> staff() const;
    std::vector<core::SubType> subTypes() const;

  private:
    App(std::unique_ptr<store::Database> db, const core::Clock& clock, std::uint64_t seed);
    // The app over an opened database: office identity, calendar, policies, HLC loaded from it.
    static core::Result<std::unique_ptr<App>> over(std::unique_ptr<store::Database> db, const core::Clock& clock,
                                                   std::uint64_t seed);
    // Office identity, calendar, policies and HLC from the database (at open, after a restore).
    core::Status loadState();
    core::Status perform(const std::string& caseId, core::Action action, core::Fields fields);
    core::Event newEvent(const std::string& caseId, const std::string& type, core::Hlc prev, core::Fields fields);
    // Why nothing may be written now: another tab writes, or the database failed to read (writing
    // over damage spreads it; a restore is the way out). nullopt: writes may go ahead.
    std::optional<core::Error> cannotWrite() const;
    core::Status requireRole(core::Action action) const;
    core::Status requireAdmin() const;
    std::optional<core::Error> subTypeError(const std::string& category, const std::string& subType) const;
    // Writes one reference-data event (the whole record; last writer wins) in its own transaction.
    core::Status recordReference(const char* type, core::Fields fields);
    core::Status loadPolicies();
    bool pinMatches(const std::string& staffId, const std::string& pin) const;
    std::optional<std::string> meta(const std::string& key) const;
    core::TimeMs repeatWindowMs() const;
    // A read's result, unchanged; a storage failure in it is kept as fault() (the first one).
    template <class T> core::Result<T> noteFault(core::Result<T> r) const {
        if (!r && r.error().code == core::ErrorCode::Storage && !m_fault) m_fault = r.error();
        return r;
    }
    // A read the caller cannot act on: its value, or an empty one with the failure kept as fault().
    template <class T> T orFault(core::Result<T> r) const {
        r = noteFault(std::move(r));
        return r ? std::move(r.value()) : T{};
    }

    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::CaseStore> m_store;
    const core::Clock& m_clock;
    core::IdGenerator m_ids;
    core::HlcClock m_hlc;
    core::PolicySet m_policies = core::defaultPolicies();
    core::WorkingCalendar m_workingCalendar;
    core::Calendar m_calendar = core::Calendar::clockHours();
    Actor m_actor;
    std::string m_deviceId, m_officeCode = "HQ";
    std::uint64_t m_revision;
    SaveState m_saveState = SaveState::Saved;
    bool m_readOnly = false;
    mutable std::optional<core::Error> m_fault;
};

} // namespace tousu::app
