// Where the desk shows what: screens ask for a destination, the main window goes there.
#pragma once
#include <optional>
#include <string>

#include "core/read_models.h"

namespace tousu::ui {

enum class View { WorkQueue, CaseList, NewCase, CaseDetail, Dashboard, Suggestions, FollowUps, Settings, Customer };
constexpr int kViewCount = 9;

struct Navigation {
    View view = View::WorkQueue;
    std::string caseId;                         // for CaseDetail
    std::optional<core::ListFilter> listFilter; // for CaseList: show exactly these cases (drill-down)
    std::string customerKey;                    // for Customer
};

// A customer's record (app::Customers::record).
inline Navigation customerRecord(const std::string& customerKey) {
    Navigation to{View::Customer};
    to.customerKey = customerKey;
    return to;
}

} // namespace tousu::ui
