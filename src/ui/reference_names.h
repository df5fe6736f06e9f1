// Names of departments, staff and sub-types for display, read from the app once per data revision.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/queries.h"

namespace tousu::app { class App; }

namespace tousu::ui {

class ReferenceNames {
public:
    void refresh(const app::App& app);   // cheap when the revision is unchanged
    const char* department(const std::string& id) const;
    const char* person(const std::string& id) const;
    const char* subType(const std::string& id) const;   // "" reads as "no sub-type"
    const std::vector<store::Department>& departments() const { return m_departments; }
    const std::vector<store::StaffMember>& staff() const { return m_staff; }
    const std::vector<store::SubType>& subTypes() const { return m_subTypes; }

private:
    std::uint64_t m_revision = 0;
    std::vector<store::Department> m_departments;
    std::vector<store::StaffMember> m_staff;
    std::vector<store::SubType> m_subTypes;
};

} // namespace tousu::ui
