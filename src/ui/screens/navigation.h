// Where the desk shows what: screens ask for a destination, the main window goes there.
#pragma once
#include <string>

namespace tousu::ui {

enum class View { WorkQueue, CaseList, NewCase, CaseDetail };

struct Navigation {
    View view = View::WorkQueue;
    std::string caseId;   // for CaseDetail
};

} // namespace tousu::ui
