// The reference data a new office starts with: departments, staff with roles, and the sub-types of
// the procedure's four categories. Recorded as events, so it is versioned and syncs like cases.
#pragma once
#include <string>
#include <vector>

#include "core/fields.h"

namespace tousu::app {

struct ReferenceItem {
    const char* type; // event type: ref.department, ref.staff, ref.sub_type
    core::Fields fields;
};

std::vector<ReferenceItem> defaultReferenceData();
// The default department for a category's complaints (an id of defaultReferenceData()).
const char* defaultDepartmentFor(const std::string& category);

} // namespace tousu::app
