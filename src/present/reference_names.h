// Names of departments, staff and sub-types for display, read from the app once per data revision.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/read_models.h"

namespace tousu::app {
class App;
}

namespace tousu::present {

class ReferenceNames {
  public:
    void refresh(const app::App& app); // cheap when the revision is unchanged
    const char* department(const std::string& id) const;
    const char* person(const std::string& id) const;
    const char* subType(const std::string& id) const; // "" reads as "no sub-type"
    const std::vector<core::Department>& departments() const { return m_departments; }
    const std::vector<core::StaffMember>& staff() const { return m_staff; }
    const std::vector<core::SubType>& subTypes() const { return m_subTypes; }

  private:
    std::uint64_t m_revision = 0;
    std::vector<core::Department> m_departments;
    std::vector<core::StaffMember> m_staff;
    std::vector<core::SubType> m_subTypes;
};

} // namespace tousu::present
