// The application layer's one door: a desk over one open database. Screens, the CLI and tests reach
// every use case through it — cases (the process), settings, suggestions, exchange (sync), backups
// and statistics — each an object over the shared context (app/context.h) that App owns. Depends on
// core, store and sync; never on ImGui or the platform.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/access.h"
#include "app/actor.h"
#include "app/attachments.h"
#include "app/backups.h"
#include "app/cases.h"
#include "app/customers.h"
#include "app/exchange.h"
#include "app/personal_data.h"
#include "app/replication.h"
#include "app/save_state.h"
#include "app/settings.h"
#include "app/statistics.h"
#include "app/suggestions.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/policy.h"
#include "core/read_models.h"
#include "core/result.h"
#include "core/workflow.h"

namespace tousu::store {
class Database;
} // namespace tousu::store

namespace tousu::app {

struct Context;

// What a desk's first start calls its office, until an administrator names it in settings.
constexpr const char* kFirstOfficeCode = "HQ";
constexpr const char* kFirstOfficeName = "本地营业部";

struct AppInfo {
    std::string version;
    int schemaVersion = 0;
    std::string officeCode, officeName, deviceId;
    // False while the office still has the first start's code and name.
    bool officeSetUp() const { return !(officeCode == kFirstOfficeCode && officeName == kFirstOfficeName); }
};

class App {
  public:
    static core::Result<std::unique_ptr<App>> open(const std::string& dbPath, const core::Clock& clock,
                                                   std::uint64_t seed, const char* vfs = nullptr);
    // A database that must already be there and be tousu's (commands pointed at a file): refused with
    // error.not_tousu_database, the file untouched, otherwise.
    static core::Result<std::unique_ptr<App>> openExisting(const std::string& dbPath, const core::Clock& clock,
                                                           std::uint64_t seed);
    ~App();

    // The use cases, each over this desk's database.
    Cases& cases() { return m_cases; }
    const Cases& cases() const { return m_cases; }
    Attachments& attachments() { return m_attachments; }
    const Attachments& attachments() const { return m_attachments; }
    Access& access() { return m_access; }
    const Access& access() const { return m_access; }
    const Customers& customers() const { return m_customers; }
    PersonalData& personalData() { return m_personalData; }
    const PersonalData& personalData() const { return m_personalData; }
    Settings& settings() { return m_settings; }
    const Settings& settings() const { return m_settings; }
    Suggestions& suggestions() { return m_suggestions; }
    const Suggestions& suggestions() const { return m_suggestions; }
    Exchange& exchange() { return m_exchange; }
    const Exchange& exchange() const { return m_exchange; }
    Backups& backups() { return m_backups; }
    const Backups& backups() const { return m_backups; }
    const Statistics& statistics() const { return m_statistics; }
    // Live sync with a CouchDB database; the caller sends its requests (app/replication.h).
    std::unique_ptr<Replication> replicate(ReplicationOptions options);

    // A new database: office identity, a device origin id, default reference data. Idempotent.
    core::Status initialize(const std::string& officeCode, const std::string& officeName);

    AppInfo info() const;
    const core::Clock& clock() const;
    const core::PolicySet& policies() const;
    const core::Calendar& calendar() const;
    void setActor(Actor actor);
    // The staff member working at this device from now on, with the role their record gives them;
    // remembered in the database, so the next start continues as them. On a secured desk
    // (app/access.h) only with their secret, which also unlocks a locked desk.
    core::Status signIn(const std::string& staffId, const std::string& secret = {});
    // A secured desk locks (at start-up, when idle, on request): every operation is refused until
    // someone signs in. A desk that is not secured never locks.
    void lock();
    bool locked() const;
    // Signed in by a sync server (README, "Live sync"): the server checked their password, so no PIN;
    // the role is the one their CouchDB roles give when they name one, else their record's.
    core::Status signInAsServerUser(const std::string& staffId, std::optional<core::Role> role);
    // The member signed in last time, if any.
    std::optional<std::string> lastSignedIn() const;
    const Actor& actor() const;
    // Whether the person at the desk may do `operation` (core::roleMay): the desk offers only what they may.
    bool may(core::Operation operation) const;
    // Whether they see customers' phones and accounts whole (Settings::roleSeesWholeContacts).
    bool seesWholeContacts() const;
    // Bumped by every committed change; view models compare it to decide whether to re-query.
    std::uint64_t revision() const;
    SaveState saveState() const;
    void setSaveState(SaveState s);
    // The first failure to read the database (a damaged file) since it was opened, if any. Reads that
    // return plain values come back empty then; the desk says so and offers a restore.
    const std::optional<core::Error>& fault() const;
    // Read-only while another browser tab writes this workspace: every action is refused.
    bool readOnly() const;
    void setReadOnly(bool readOnly);
    // A training session's own database (app/training.h), a scenario's made-up office: anyone there may
    // do anything (a trainer takes the workflow's steps only here, never on the office's cases).
    void setTrainingWorkspace();

    // Groups many actions into one durable commit (bulk generation, imports); each action still
    // rolls back on its own if it fails.
    core::Status beginBatch();
    core::Status commitBatch();

    // Every case re-folded from its events and compared with its stored row, the search index and
    // the reference tables: what differs, empty when consistent. The digest fingerprints the events.
    core::Result<std::vector<std::string>> verify() const;
    core::Result<std::string> digest() const;
    // The device's audit log (审计日志), newest first, at most `limit` lines (-1: all), and how many it
    // holds: for administrators. Sign-ins and failed PINs, settings, staff and reference changes,
    // exports (masked or whole), backups, restores and imports; ids and counts, never personal data.
    core::Result<std::vector<core::AuditEntry>> auditLog(std::int64_t limit) const;
    core::Result<std::int64_t> auditCount() const;
    std::vector<core::Department> departments() const;
    std::vector<core::StaffMember> staff() const;
    std::vector<core::SubType> subTypes() const;

  private:
    explicit App(std::unique_ptr<Context> ctx);
    static core::Result<std::unique_ptr<App>> over(std::unique_ptr<store::Database> db, const core::Clock& clock,
                                                   std::uint64_t seed);
    core::Status becomePerson(const std::string& staffId, const std::string* secret, std::optional<core::Role> role);

    std::unique_ptr<Context> m_ctx;
    Cases m_cases;
    Attachments m_attachments;
    Access m_access;
    Customers m_customers;
    PersonalData m_personalData;
    Settings m_settings;
    Suggestions m_suggestions;
    Exchange m_exchange;
    Backups m_backups;
    Statistics m_statistics;
};

} // namespace tousu::app
