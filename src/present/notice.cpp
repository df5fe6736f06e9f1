#include "present/notice.h"

#include <cstdio>

#include "app/app.h"
#include "core/policy.h"
#include "present/html.h"
#include "present/i18n.h"

namespace tousu::present {

namespace {

constexpr const char* kStyle = R"(
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
       margin: 2em auto; max-width: 42em; color: #222; line-height: 1.6; font-size: 1.05em; }
h1 { text-align: center; } h2 { font-size: 1.15em; border-left: 4px solid #0072B2; padding-left: 0.5em; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3px 8px; text-align: left; }
th { background: #eef2f8; } .meta { color: #666; text-align: center; }
@media print { .noprint { display: none; } body { margin: 0; } }
)";

} // namespace

std::string customerNoticeHtml(const app::App& app) {
    const core::PolicySet& policies = app.policies();
    std::string out = pageStart(tr("notice.title"), kStyle);
    const app::AppInfo info = app.info(); // a poster for customers: no placeholder name on it
    out += "<h1>" + html(tr("notice.title")) + "</h1>\n<p class=\"meta\">" +
           html(info.officeSetUp() ? info.officeName : std::string()) + "</p>\n";

    out += "<h2>" + html(tr("notice.channels")) + "</h2>\n<ul>";
    for (core::Channel c : core::kChannels)
        if (c != core::Channel::Other) out += "<li>" + html(trCode("channel", core::code(c))) + "</li>";
    out += "</ul>\n<p>" + html(tr("notice.channels_text")) + "</p>\n";

    out += "<h2>" + html(tr("notice.process")) + "</h2>\n<ol>";
    for (const char* step : {"notice.step_register", "notice.step_confirm", "notice.step_dispatch",
                             "notice.step_handle", "notice.step_feedback", "notice.step_survey"})
        out += "<li>" + html(tr(step)) + "</li>";
    out += "</ol>\n";

    out += "<h2>" + html(tr("notice.limits")) + "</h2>\n<table><thead><tr><th>" + html(tr("col.category")) +
           "</th><th>" + html(tr("notice.milestone")) + "</th><th>" + html(tr("notice.limit")) +
           "</th></tr></thead><tbody>\n";
    for (const core::CategoryPolicy& p : policies.categories)
        for (const core::MilestoneRule& r : p.rules)
            out += "<tr><td>" + html(trCode("category", core::code(p.category))) + "</td><td>" +
                   html(trCode("milestone", core::code(r.milestone))) + "</td><td>" +
                   html(trNumber("notice.hours", r.limitHours)) + "</td></tr>\n";
    out += "</tbody></table>\n<p>" + html(tr(policies.workingHours ? "notice.working_hours" : "notice.clock_hours")) +
           " " + html(tr("notice.paused")) + "</p>\n";

    out += "<h2>" + html(tr("notice.rights")) + "</h2>\n<ul>";
    out += "<li>" + html(tr("notice.right_number")) + "</li>";
    out += "<li>" + html(tr("notice.right_progress")) + "</li>";
    out += "<li>" + html(tr("notice.right_survey")) + "</li>";
    out += "<li>" + html(tr("notice.right_reopen")) + "</li>";
    out += "<li>" + html(trNumber("notice.right_appeal", policies.appealDays)) + "</li>";
    out += "<li>" + html(trNumber("notice.right_billing_age", policies.billingMaxAgeMonths)) + "</li>";
    out += "<li>" + html(tr("notice.right_privacy")) + "</li>";
    return out + "</ul>\n</body></html>\n";
}

} // namespace tousu::present
