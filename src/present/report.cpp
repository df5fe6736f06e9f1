#include "present/report.h"

#include <algorithm>
#include <cstdio>

#include "app/app.h"
#include "core/validate.h"
#include "present/format.h"
#include "present/html.h"
#include "present/i18n.h"
#include "present/kpi_summary.h"
#include "present/reference_names.h"
#include "sync/csv.h"

namespace tousu::present {

namespace {

constexpr const char* kColours[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00"}; // chart.cpp's Okabe–Ito

std::string rate(double v) { return v < 0 ? tr("dash.no_data") : formatNumber("%.1f%%", v * 100); }
std::string number(double v, const char* format) { return v < 0 ? tr("dash.no_data") : formatNumber(format, v); }

std::string row(std::initializer_list<std::string> cells, const char* tag = "td") {
    std::string out = "<tr>";
    for (const std::string& c : cells) out += std::string("<") + tag + ">" + html(c) + "</" + tag + ">";
    return out + "</tr>\n";
}

// Stacked bars (one stack per label) with an optional 0–100 % line, as SVG.
std::string svgBars(const std::vector<std::string>& labels, const std::vector<std::vector<int>>& stacks,
                    const std::vector<double>& line) {
    const double w = 900, h = 240, left = 40, right = 44, top = 10, bottom = 26;
    const double plotW = w - left - right, plotH = h - top - bottom;
    int highest = 0;
    for (const auto& s : stacks) {
        int t = 0;
        for (int v : s) t += v;
        highest = std::max(highest, t);
    }
    const int maxV = axisTop(highest);
    const double slot = labels.empty() ? 0 : plotW / double(labels.size());
    std::string out = "<svg viewBox=\"0 0 900 240\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\">\n";
    for (int i = 0; i <= 4; ++i) {
        const double y = top + plotH - plotH * i / 4;
        out += "<line x1=\"" + formatNumber("%.1f", left) + "\" x2=\"" + formatNumber("%.1f", left + plotW) +
               "\" y1=\"" + formatNumber("%.1f", y) + "\" y2=\"" + formatNumber("%.1f", y) + "\" stroke=\"#ddd\"/>";
        out += "<text x=\"" + formatNumber("%.1f", left - 4) + "\" y=\"" + formatNumber("%.1f", y + 4) +
               "\" text-anchor=\"end\">" + std::to_string(maxV * i / 4) + "</text>";
        if (!line.empty())
            out += "<text x=\"" + formatNumber("%.1f", left + plotW + 4) + "\" y=\"" + formatNumber("%.1f", y + 4) +
                   "\">" + std::to_string(25 * i) + "%</text>";
    }
    const std::size_t every = std::max<std::size_t>(1, labels.size() / 15 + 1);
    std::string points;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        double y = top + plotH;
        for (std::size_t s = 0; s < stacks[i].size(); ++s) {
            const double bh = plotH * stacks[i][s] / maxV;
            if (bh <= 0) continue;
            y -= bh;
            out += "<rect x=\"" + formatNumber("%.1f", left + slot * (double(i) + 0.15)) + "\" y=\"" +
                   formatNumber("%.1f", y) + "\" width=\"" + formatNumber("%.1f", slot * 0.7) + "\" height=\"" +
                   formatNumber("%.1f", bh) + "\" fill=\"" + kColours[s % 4] + "\"/>";
        }
        if (i % every == 0)
            out += "<text x=\"" + formatNumber("%.1f", left + slot * (double(i) + 0.5)) + "\" y=\"" +
                   formatNumber("%.1f", h - 8) + "\" text-anchor=\"middle\">" + html(labels[i]) + "</text>";
        if (i < line.size() && line[i] >= 0)
            points += formatNumber("%.1f,", left + slot * (double(i) + 0.5)) +
                      formatNumber("%.1f ", top + plotH - plotH * line[i]);
    }
    if (!points.empty())
        out += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"#222\" stroke-width=\"2\"/>";
    return out + "</svg>\n";
}

std::string legend(const std::vector<std::string>& names, const char* lineName) {
    std::string out = "<p class=\"legend\">";
    for (std::size_t i = 0; i < names.size(); ++i)
        out += std::string("<span style=\"background:") + kColours[i % 4] + "\"></span>" + html(names[i]) + " ";
    return out + "<span class=\"line\"></span>" + html(lineName) + "</p>\n";
}

std::string table(const std::string& head, const std::string& rows) {
    return "<table><thead>" + head + "</thead><tbody>" + rows + "</tbody></table>\n";
}

std::string filterText(const core::AnalysisFilter& f, const ReferenceNames& names) {
    std::string out;
    const auto add = [&out](const std::string& s) { out += (out.empty() ? "" : " · ") + s; };
    if (!f.category.empty()) add(trCode("category", f.category));
    if (!f.channel.empty()) add(trCode("channel", f.channel));
    if (!f.department.empty()) add(names.department(f.department));
    if (!f.person.empty()) add(names.person(f.person));
    return out.empty() ? tr("report.no_filter") : out;
}

// Cases of the period the filter selects, plus `extra`, at most 200 (the report says when cut).
std::string caseTable(const app::App& app, core::Period period, const core::AnalysisFilter& f, core::ListFilter extra,
                      const ReferenceNames& names, bool overdue) {
    extra.receivedFrom = period.from;
    extra.receivedTo = period.to;
    extra.excludeCancelled = true;
    extra.category = f.category, extra.channel = f.channel, extra.department = f.department, extra.person = f.person;
    core::ListQuery q;
    q.filter = extra;
    q.limit = 200;
    q.sort = overdue ? core::SortKey::Due : core::SortKey::Received;
    q.descending = !overdue;
    auto page = app.cases().listCases(q);
    if (!page || page.value().rows.empty()) return "<p>" + html(tr("report.none")) + "</p>\n";
    std::string rows;
    const core::TimeMs now = app.clock().now();
    for (const core::CaseRow& r : page.value().rows)
        rows += row({r.number, formatDateTime(r.receivedAt), core::maskPhone(r.phone), trCode("category", r.category),
                     trCode("state", r.state), names.department(r.department), names.person(r.person),
                     overdue ? formatRemaining(r.nextDue - now) : std::string(tr("csv.yes"))});
    std::string out = table(
        row({tr("col.number"), tr("col.received"), tr("field.customer_phone"), tr("col.category"), tr("col.state"),
             tr("col.department"), tr("col.person"), overdue ? tr("col.time_left") : tr("col.repeat")},
            "th"),
        rows);
    if (page.value().total > q.limit)
        out += "<p class=\"meta\">" + html(formatNumber(tr("report.first_of"), page.value().total)) + "</p>\n";
    return out;
}

constexpr const char* kStyle = R"(
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
       margin: 2em auto; max-width: 60em; color: #222; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; border-bottom: 1px solid #999; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; } th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; }
th { background: #eef2f8; } td.n { text-align: right; } .meta { color: #666; font-size: 0.9em; }
.legend span { display: inline-block; width: 0.9em; height: 0.9em; margin: 0 0.3em 0 1em; vertical-align: -0.1em; }
.legend span.line { height: 2px; background: #222; vertical-align: 0.3em; }
svg { width: 100%; height: auto; } button { font-size: 1em; padding: 0.3em 1em; }
@media print { .noprint { display: none; } body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
)";

} // namespace

core::Result<std::string> reviewReportHtml(const app::App& app, core::Period period, const core::AnalysisFilter& filter,
                                           const std::string& actions) {
    auto dashboard = app.statistics().dashboard(period, filter);
    if (!dashboard) return dashboard.error();
    const core::Dashboard& d = dashboard.value();
    ReferenceNames names;
    names.refresh(app);
    const app::AppInfo me = app.info();
    std::string out = pageStart(std::string(tr("report.title")) + " " + formatDate(period.from), kStyle);
    out += "<h1>" + html(tr("report.title")) + "</h1>\n<p class=\"meta\">" + html(me.officeName) + " (" +
           html(me.officeCode) + ") · " + html(tr("report.period")) + " " + formatDate(period.from) + " — " +
           formatDate(period.to - 1) + " · " + html(filterText(filter, names)) + " · " + html(tr("report.generated")) +
           " " + formatDateTime(app.clock().now()) + "</p>\n";

    out += "<h2>" + html(tr("report.kpis")) + "</h2>\n";
    std::string kpiRows;
    for (const HeadlineKpi& k : headlineKpis(d))
        kpiRows += row({tr(k.titleKey), kpiValue(k.kind, k.current), kpiValue(k.kind, k.previous)});
    out += table(row({tr("report.kpi"), tr("report.this_period"), tr("report.previous_period")}, "th"), kpiRows);

    out += "<h2>" + html(tr(d.bucketMs > 24 * core::kHourMs ? "dash.trend_weekly" : "dash.trend_daily")) + "</h2>\n";
    std::vector<std::string> labels, categories;
    std::vector<std::vector<int>> stacks;
    std::vector<double> onTime;
    for (core::Category cat : core::kCategories) categories.push_back(trCode("category", core::code(cat)));
    for (const core::TrendBucket& b : d.trend) {
        labels.push_back(formatDate(b.start).substr(5));
        stacks.emplace_back(b.byCategory.begin(), b.byCategory.end());
        onTime.push_back(b.onTimeRate());
    }
    out += legend(categories, tr("dash.on_time_rate")) + svgBars(labels, stacks, onTime);

    out += "<h2>" + html(tr("dash.hotspots")) + "</h2>\n";
    std::vector<std::string> subTypes;
    std::vector<std::vector<int>> bars;
    std::vector<double> cumulative;
    std::string paretoRows;
    for (const core::ParetoBar& b : d.pareto) {
        subTypes.push_back(names.subType(b.subType));
        bars.push_back({b.count});
        cumulative.push_back(b.cumulativeShare);
        paretoRows += row({names.subType(b.subType), std::to_string(b.count),
                           rate(d.current.cases ? double(b.count) / d.current.cases : -1), rate(b.cumulativeShare)});
    }
    if (d.pareto.empty())
        out += "<p>" + html(tr("report.none")) + "</p>\n";
    else
        out += legend({tr("dash.cases")}, tr("dash.cumulative")) + svgBars(subTypes, bars, cumulative) +
               table(row({tr("report.sub_type"), tr("dash.cases"), tr("report.share"), tr("dash.cumulative")}, "th"),
                     paretoRows);

    out += "<h3>" + html(tr("dash.by_channel")) + "</h3>\n";
    const core::HeatMap& h = d.categoryByChannel;
    std::string head = "<tr><th></th>", heatRows;
    for (const std::string& col : h.columns) head += "<th>" + html(trCode("channel", col)) + "</th>";
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
        heatRows += "<tr><th>" + html(trCode("category", h.rows[r])) + "</th>";
        for (std::size_t col = 0; col < h.columns.size(); ++col)
            heatRows += "<td class=\"n\">" + std::to_string(h.at(r, col)) + "</td>";
        heatRows += "</tr>\n";
    }
    out += h.rows.empty() ? "<p>" + html(tr("report.none")) + "</p>\n" : table(head + "</tr>", heatRows);

    out += "<h2>" + html(tr("dash.deadline_health")) + "</h2>\n";
    std::string healthRows;
    for (core::Category category : core::kCategories) {
        const auto it = d.deadlineHealth.find(core::code(category));
        if (it == d.deadlineHealth.end()) continue;
        int resolved = 0;
        for (int n : it->second.usedBands) resolved += n;
        for (const core::DeadlineHealth::Met& m : it->second.milestones)
            healthRows += row({trCode("category", core::code(category)), trCode("milestone", core::code(m.milestone)),
                               std::to_string(m.onTime), std::to_string(m.late), rate(m.onTimeShare())});
        std::string bands;
        for (std::size_t b = 0; b < 5; ++b)
            bands += std::string(b ? " · " : "") + tr(("dash.band_" + std::to_string(b)).c_str()) + " " +
                     rate(resolved ? double(it->second.usedBands[b]) / resolved : -1);
        healthRows += "<tr><td></td><td colspan=\"4\" class=\"meta\">" + html(tr("dash.limit_used")) + ": " +
                      html(bands) + "</td></tr>\n";
    }
    out += healthRows.empty() ? "<p>" + html(tr("report.none")) + "</p>\n"
                              : table(row({tr("col.category"), tr("notice.milestone"), tr("dash.met_on_time"),
                                           tr("dash.met_late"), tr("dash.on_time_share")},
                                          "th"),
                                      healthRows);

    out += "<h2>" + html(tr("dash.people")) + "</h2>\n";
    std::string people;
    for (const auto& [id, g] : d.byPerson)
        people +=
            row({names.person(id), std::to_string(g.cases), rate(g.onTimeRate()), number(g.satisfactionMean(), "%.2f"),
                 std::to_string(g.repeats), number(g.meanHandlingHours(), "%.1f")});
    out += d.byPerson.empty() ? "<p>" + html(tr("report.none")) + "</p>\n"
                              : table(row({tr("dash.person"), tr("dash.cases"), tr("dash.on_time_rate"),
                                           tr("dash.satisfaction"), tr("dash.repeats"), tr("dash.handling_hours")},
                                          "th"),
                                      people);

    core::ListFilter overdue, repeats;
    overdue.overdueOnly = true;
    repeats.repeatOnly = true;
    out += "<h2>" + html(tr("report.overdue")) + "</h2>\n" + caseTable(app, period, filter, overdue, names, true);
    out += "<h2>" + html(tr("report.repeats")) + "</h2>\n" + caseTable(app, period, filter, repeats, names, false);

    out += "<h2>" + html(tr("report.suggestions")) + "</h2>\n";
    std::string suggestionRows;
    for (const core::Suggestion& sg : app.suggestions().list(period.from, period.to))
        suggestionRows += row({formatDateTime(sg.createdAt), trCode("suggestion.source", sg.source), sg.content,
                               trCode("suggestion.status", sg.status)});
    out += suggestionRows.empty() ? "<p>" + html(tr("report.none")) + "</p>\n"
                                  : table(row({tr("suggestion.when"), tr("suggestion.source"), tr("suggestion.content"),
                                               tr("suggestion.status")},
                                              "th"),
                                          suggestionRows);

    out += "<h2>" + html(tr("report.actions")) + "</h2>\n";
    std::string items;
    for (std::size_t start = 0; start < actions.size();) {
        const std::size_t end = std::min(actions.find('\n', start), actions.size());
        const std::string line = actions.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string::npos) items += "<li>" + html(line) + "</li>\n";
        start = end + 1;
    }
    out += items.empty() ? "<p>" + html(tr("report.no_actions")) + "</p>\n" : "<ol>\n" + items + "</ol>\n";
    return out + "</body></html>\n";
}

core::Result<std::string> reviewReportCsv(const app::App& app, core::Period period,
                                          const core::AnalysisFilter& filter) {
    auto report = app.statistics().kpis(period.from, period.to, filter);
    const core::Period compared = period.comparedAt(app.clock().now());
    auto previous = app.statistics().kpis(compared.from, compared.to, filter);
    if (!report) return report.error();
    if (!previous) return previous.error();
    ReferenceNames names;
    names.refresh(app);
    std::string out = sync::kUtf8Bom;
    sync::appendCsvRow(out, {tr("report.section"), tr("report.item"), tr("dash.cases"),
                             std::string(tr("dash.on_time_rate")) + " (%)", tr("dash.satisfaction"),
                             std::string(tr("dash.satisfied_share")) + " (%)", tr("dash.repeats"),
                             tr("dash.handling_hours")});
    const auto line = [&out](const char* section, const std::string& item, const core::KpiGroup& g) {
        const auto plain = [](double v, const char* f) { return v < 0 ? std::string() : formatNumber(f, v); };
        sync::appendCsvRow(out, {tr(section), item, std::to_string(g.cases), plain(g.onTimeRate() * 100, "%.1f"),
                                 plain(g.satisfactionMean(), "%.2f"), plain(g.satisfiedShare() * 100, "%.1f"),
                                 std::to_string(g.repeats), plain(g.meanHandlingHours(), "%.1f")});
    };
    line("report.total", formatDate(period.from) + " — " + formatDate(period.to - 1), report.value().total);
    line("report.previous_period", formatDate(compared.from) + " — " + formatDate(compared.to - 1),
         previous.value().total);
    for (const auto& [code, g] : report.value().byCategory) line("col.category", trCode("category", code), g);
    for (const auto& [code, g] : report.value().byChannel) line("field.channel", trCode("channel", code), g);
    for (const auto& [id, g] : report.value().byDepartment) line("col.department", names.department(id), g);
    for (const auto& [id, g] : report.value().byPerson) line("col.person", names.person(id), g);
    return out;
}

} // namespace tousu::present
