// Settings (设置): the office's identity and reference data, deadline policies, the working-hours
// calendar and message templates, changed by administrators only; plus each device's own
// preferences, which never leave the device (meta, not events). Secrets: app/access.h.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/read_models.h"
#include "core/result.h"
#include "core/workflow.h"

namespace tousu::app {

struct Context;

class Settings {
  public:
    explicit Settings(Context& ctx) : m_ctx(ctx) {}

    bool mayEditSettings() const;
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
    static constexpr const char* kTemplateKinds[] = {"confirmation", "feedback", "survey", "progress"};
    std::optional<std::string> messageTemplate(const std::string& kind, const std::string& language) const;
    core::Status setMessageTemplate(const std::string& kind, const std::string& language, const std::string& text);
    // Which roles see customers' phones and accounts whole — in lists, the case detail and CSV; the
    // others see 138****8000 and 62****89. Supervisors and administrators (core::roleSeesFullPhone)
    // until an administrator changes it; kept on this device.
    bool roleSeesWholeContacts(core::Role role) const;
    core::Status setRoleSeesWholeContacts(core::Role role, bool whole);
    // This device's preferences (language, font size); anyone may change them.
    std::optional<std::string> preference(const std::string& key) const;
    core::Status setPreference(const std::string& key, const std::string& value);

  private:
    Context& m_ctx;
};

} // namespace tousu::app
