// The review report 工作总结报告 for a period (定期召开工作会议): KPIs against the previous period,
// the trend and the hotspots as charts (inline SVG, sharp in print), the heat map, the per-person
// table, the overdue and the repeat cases, the suggestions received and the improvement actions the
// supervisor typed — one self-contained HTML page that prints (or saves as PDF) from any browser;
// and the same figures as a CSV table for Excel. In the current language; phones masked.
#pragma once
#include <string>

#include "core/analysis.h"
#include "core/result.h"

namespace tousu::app {
class App;
}

namespace tousu::present {

// `actions`: one improvement action per line.
core::Result<std::string> reviewReportHtml(const app::App& app, core::Period period, const core::AnalysisFilter& filter,
                                           const std::string& actions);
// Section, item, cases, on-time rate, mean satisfaction, satisfied share, repeats, mean handling hours.
core::Result<std::string> reviewReportCsv(const app::App& app, core::Period period, const core::AnalysisFilter& filter);

} // namespace tousu::present
