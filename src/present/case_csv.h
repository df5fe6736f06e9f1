// The case list as a CSV file for Excel, in the current language: the cases a list filter selects,
// newest first, with names instead of codes. Phones are masked unless `fullPhones`.
#pragma once
#include <string>

#include "core/read_models.h"
#include "core/result.h"

namespace tousu::app {
class App;
}

namespace tousu::present {

core::Result<std::string> caseListCsv(const app::App& app, const core::ListFilter& filter, bool fullPhones);
// How many cases such a file lists (its lines but the header).
std::size_t caseCount(const std::string& csv);

} // namespace tousu::present
