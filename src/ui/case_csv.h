// The case list as a CSV file for Excel, in the current language: the cases a list filter selects,
// newest first, with names instead of codes. Phones are masked unless `fullPhones`.
#pragma once
#include <string>

#include "core/result.h"
#include "store/queries.h"

namespace tousu::app { class App; }

namespace tousu::ui {

core::Result<std::string> caseListCsv(const app::App& app, const store::ListFilter& filter, bool fullPhones);

} // namespace tousu::ui
