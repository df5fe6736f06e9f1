// The audit log (审计日志) in words, in the current language: a line's cells for the settings tab and
// the whole log as a CSV file for Excel.
#pragma once
#include <array>
#include <string>

#include "core/read_models.h"
#include "core/result.h"
#include "present/reference_names.h"

namespace tousu::app {
class App;
}

namespace tousu::present {

// When, who (the person's name), what (the action in words), and the detail as recorded.
std::array<std::string, 4> auditCells(const core::AuditEntry& entry, const ReferenceNames& names);
// Every line, newest first, under a header row; refused for anyone but an administrator.
core::Result<std::string> auditCsv(const app::App& app);

} // namespace tousu::present
