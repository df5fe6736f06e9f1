// What every use case of one open database shares (internal to src/app): the database and its
// projections, the clock, the ids and the hybrid logical clock, the office's policies and calendar,
// who is acting, the revision screens compare, and the first read failure. The use-case objects
// (cases.h, settings.h, exchange.h, backups.h, statistics.h, suggestions.h) each hold a reference to
// it; App owns it and them. Nothing outside src/app sees this type.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/save_state.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/event.h"
#include "core/hlc.h"
#include "core/ids.h"
#include "core/policy.h"
#include "core/read_models.h"
#include "core/result.h"
#include "core/workflow.h"

namespace tousu::store {
class Database;
class CaseStore;
} // namespace tousu::store

namespace tousu::app {

// A whole number an administrator sets for this device (meta `key`), from `min` to `max`; `fallback`
// until set. A value out of range is refused with `errorKey` on the field named like the key.
struct DeviceSetting {
    const char* key;
    int min, max, fallback;
    const char* errorKey;
    const char* auditAction;
};

// The origin of the defaults every desk starts with (Context::seedEvent); never sent to a sync server.
constexpr const char* kSeedOrigin = "seed";

struct Context {
    // A context over an opened database: office identity, calendar, policies and HLC loaded from it.
    static core::Result<std::unique_ptr<Context>> over(std::unique_ptr<store::Database> db, const core::Clock& clock,
                                                       std::uint64_t seed);
    Context(std::unique_ptr<store::Database> db, const core::Clock& clock, std::uint64_t seed);
    ~Context();

    // Office identity, calendar, policies and HLC from the database (at open, after a restore).
    core::Status loadState();
    core::Status loadPolicies();
    void useCalendar(core::WorkingCalendar calendar); // limits in its working hours from now on
    void useClockHours();

    core::Event newEvent(const std::string& caseId, const std::string& type, core::Hlc prev, core::Fields fields);
    // A default every desk starts with (reference data, policies), the same event on every desk: from
    // kSeedOrigin, recorded by "system" at the earliest time we accept, so any real edit wins over it
    // wherever it was made, and named by its content, so a desk that receives it already holds it.
    static core::Event seedEvent(const std::string& type, core::Fields fields);
    // A line in the device's audit log (who: the person at the desk), after what it records succeeded;
    // a tab that may not write keeps none. `detail` names ids and counts, never personal data.
    void audit(const char* action, const std::string& detail);
    // Writes one reference-data event (the whole record; last writer wins) in its own transaction.
    core::Status recordReference(const char* type, core::Fields fields);

    // Why nothing may be written now: another tab writes, or the database failed to read (writing
    // over damage spreads it; a restore is the way out). nullopt: writes may go ahead.
    std::optional<core::Error> cannotWrite() const;
    // Whether the person at the desk may (core::roleMay): a workflow step (writes), another operation
    // (reads too: a read-only tab may still export), or edit settings (writes).
    core::Status requireRole(core::Action action) const;
    core::Status permits(core::Operation operation) const;
    core::Status requireAdmin() const;

    // A read's result, unchanged; a storage failure in it is kept as `fault` (the first one).
    template <class T> core::Result<T> noteFault(core::Result<T> r) const {
        if (!r && r.error().code == core::ErrorCode::Storage && !fault) fault = r.error();
        return r;
    }
    // A read the caller cannot act on: its value, or an empty one with the failure kept as `fault`.
    template <class T> T orFault(core::Result<T> r) const {
        r = noteFault(std::move(r));
        return r ? std::move(r.value()) : T{};
    }
    std::optional<std::string> meta(const std::string& key) const;
    // meta() for what only changes with the revision (every writer of it bumps it, a restore too):
    // read once per revision, since the desk asks on every frame (the access mode, masking, the idle time).
    std::optional<std::string> settingMeta(const std::string& key) const;
    int setting(const DeviceSetting& s) const;
    core::Status setSetting(const DeviceSetting& s, int value); // administrators; audited
    std::vector<core::Department> departments() const;
    std::vector<core::StaffMember> staff() const;
    std::vector<core::SubType> subTypes() const;
    core::TimeMs repeatWindowMs() const;

    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::CaseStore> caseStore; // folds cases with `calendar`
    const core::Clock& clock;
    core::IdGenerator ids;
    core::HlcClock hlc;
    core::PolicySet policies = core::defaultPolicies();
    core::WorkingCalendar workingCalendar;
    core::Calendar calendar = core::Calendar::clockHours();
    Actor actor;
    std::string deviceId, officeCode = "HQ";
    std::uint64_t revision; // bumped by every committed change
    SaveState saveState = SaveState::Saved;
    bool readOnly = false;
    bool locked = false;            // a secured desk before sign-in, or idle: nothing is permitted
    bool trainingWorkspace = false; // a training session's own database: every operation permitted
    mutable std::optional<core::Error> fault;
    mutable std::map<std::string, std::optional<std::string>> settingsRead; // settingMeta's, as of settingsRevision
    mutable std::uint64_t settingsRevision = UINT64_MAX;
};

} // namespace tousu::app
