// Data built into the app at build time: the training scenarios shipped in assets/scenarios/ and the
// working-hours calendar of assets/calendar/ (what 设置 offers before an administrator loads another).
#pragma once
#include <string_view>
#include <vector>

#include "sync/scenario.h"

namespace tousu::app {

// Every shipped scenario that reads (all of them; a test says so), in file-name order.
const std::vector<sync::Scenario>& builtInScenarios();
// The shipped working calendar as assets/calendar/*.tsv text.
std::string_view builtInCalendarTsv();

} // namespace tousu::app
