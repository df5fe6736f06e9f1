// Who is acting at this desk: the signed-in staff member and the role their record gives them.
#pragma once
#include <string>

#include "core/workflow.h"

namespace tousu::app {

struct Actor {
    std::string staffId = "system";
    core::Role role = core::Role::Admin;
};

} // namespace tousu::app
