// The office's reference data in settings: departments, staff with their roles, and each
// category's sub-types. A table of what exists; choosing a row loads it into the form below for
// renaming, "new" empties the form for adding. Names come from ReferenceNames (once per revision).
#pragma once
#include <cstdint>
#include <set>
#include <string>

#include "core/read_models.h"
#include "present/reference_names.h"
#include "ui/forms/save_outcome.h"
#include "ui/present.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class ReferenceEditor {
  public:
    void drawDepartments(app::App& app);
    void drawStaff(app::App& app);
    void drawSubTypes(app::App& app);
    // Whether a profile has a secret (PIN or passphrase), read once per data revision.
    bool hasSecret(const app::App& app, const std::string& staffId);

  private:
    void drawSecret(app::App& app);

    ReferenceNames m_names;
    core::Department m_department;
    core::StaffMember m_person{"", "", "agent", "customer_service"};
    core::SubType m_subType{"", "service_quality", "", ""};
    SaveOutcome m_outcome;
    std::uint64_t m_pinRevision = 0;
    std::set<std::string> m_withPin;
    std::string m_secret; // typed for the chosen person
};

} // namespace tousu::ui
