// Where the desk shows what: screens ask for a destination, the main window goes there.
#pragma once
#include <optional>
#include <string>

#include "core/read_models.h"

namespace tousu::ui {

enum class View { WorkQueue, CaseList, NewCase, CaseDetail, Dashboard, Suggestions, FollowUps, Settings };
constexpr int kViewCount = 8;

struct Navigation {
    View view = View::WorkQueue;
    std::string caseId;                         // for CaseDetail
    std::optional<core::ListFilter> listFilter; // for CaseList: show exactly these cases (drill-down)
};

} // namespace tousu::ui
