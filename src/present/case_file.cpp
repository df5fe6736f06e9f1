#include "present/case_file.h"

#include "app/app.h"
#include "core/deadline.h"
#include "present/event_details.h"
#include "present/format.h"
#include "present/html.h"
#include "present/i18n.h"
#include "present/reference_names.h"

namespace tousu::present {

namespace {

constexpr const char* kStyle = R"(
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif;
       margin: 2em auto; max-width: 50em; color: #222; line-height: 1.5; font-size: 0.95em; }
h1 { text-align: center; font-size: 1.5em; margin-bottom: 0.1em; } .meta { color: #555; text-align: center; }
h2 { font-size: 1.1em; border-left: 4px solid #0072B2; padding-left: 0.5em; margin-top: 1.2em; break-after: avoid; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f8; width: 8em; font-weight: normal; } td.when { white-space: nowrap; width: 9em; }
.late { color: #b00; } .internal { color: #666; } .sign td { height: 3em; }
section + section { break-before: page; margin-top: 3em; }
@media print { .noprint { display: none; } body { margin: 0; max-width: none; } tr { break-inside: avoid; } }
)";

// A table of label → value rows, empty values left out.
std::string facts(std::initializer_list<std::pair<const char*, std::string>> rows) {
    std::string out = "<table>\n";
    for (const auto& [labelKey, value] : rows)
        if (!value.empty()) out += "<tr><th>" + html(tr(labelKey)) + "</th><td>" + html(value) + "</td></tr>\n";
    return out + "</table>\n";
}

std::string lines(const std::vector<std::string>& texts) {
    std::string out;
    for (const std::string& t : texts) out += (out.empty() ? "" : "<br>") + html(t);
    return out;
}

// Each file with its type, size, who attached it and when, and whether it was withdrawn; its SHA-256
// (first 16 digits) ties the paper to the bytes in the database.
std::string attachmentTable(const core::Case& c, const ReferenceNames& names) {
    if (c.attachments.empty()) return "<p>" + html(tr("print.none")) + "</p>\n";
    std::string out = "<table>\n";
    for (const core::Attachment& a : c.attachments) {
        std::string state = a.withdrawn ? tr("print.withdrawn") + a.withdrawnReason : std::string();
        out += "<tr><td class=\"when\">" + formatDateTime(a.at) + "</td><td>" + html(a.name) + "</td><td>" +
               html(a.mediaType) + " · " + formatBytes(a.size) + "</td><td>" + html(names.person(a.by)) +
               "</td><td>SHA-256 " + a.sha256.substr(0, 16) + "…" + (state.empty() ? "" : "<br>" + html(state)) +
               "</td></tr>\n";
    }
    return out + "</table>\n";
}

// One case's file, from its title to its signature lines.
core::Result<std::string> caseSection(const app::App& app, const std::string& caseId) {
    auto found = app.cases().caseById(caseId);
    if (!found) return found.error();
    auto timeline = app.cases().timeline(caseId);
    if (!timeline) return timeline.error();
    const core::Case& c = found.value();
    ReferenceNames names;
    names.refresh(app);
    const bool whole = app.seesWholeContacts();
    const app::AppInfo office = app.info();

    std::string out = "<section>\n";
    const std::string& printer = app.actor().staffId; // "system": the command-line tool
    out += "<h1>" + html(tr("print.title")) + "</h1>\n<p class=\"meta\">" + html(office.officeName) + " · " +
           html(c.number) + " · " + html(tr("print.printed")) + " " + formatDateTime(app.clock().now()) +
           (printer == "system" ? "" : " " + html(names.person(printer))) + "</p>\n";

    out += "<h2>" + html(tr("print.registration")) + "</h2>\n";
    std::string repeatOf;
    if (!c.repeatOf.empty())
        if (auto earlier = app.cases().caseById(c.repeatOf)) repeatOf = earlier.value().number;
    out += facts({{"col.number", c.number},
                  {"field.received_at", formatDateTime(c.receivedAt)},
                  {"field.channel", trCode("channel", core::code(c.channel))},
                  {"field.customer_name", c.erased ? tr("detail.customer_erased") : c.customerName},
                  {"field.customer_phone", whole ? c.phone : core::maskPhone(c.phone)},
                  {"field.account", whole ? c.account : core::maskAccount(c.account)},
                  {"field.email", c.email},
                  {"field.address", c.address},
                  {"field.contact_method", trCode("contact", core::code(c.contactMethod))},
                  {"print.registered_by", names.person(c.registeredBy)},
                  {"print.repeat_of", repeatOf},
                  {"field.content", c.content}});

    out += "<h2>" + html(tr("print.handling")) + "</h2>\n";
    out += facts({{"col.state", trCode("state", core::code(c.state))},
                  {"field.category", trCode("category", core::code(c.category))},
                  {"field.sub_type", c.subType.empty() ? std::string() : names.subType(c.subType)},
                  {"field.importance", trCode("importance", core::code(c.importance))},
                  {"field.department", c.department.empty() ? std::string() : names.department(c.department)},
                  {"field.person", c.person.empty() ? std::string() : names.person(c.person)},
                  {"print.expected_at", c.expectedAt ? formatDateTime(c.expectedAt) : std::string()},
                  {"print.rating", c.surveyDeclined ? tr("timeline.declined")
                                   : c.rating       ? std::to_string(c.rating) + " / 5"
                                                    : std::string()},
                  {"print.follow_ups", c.followUps ? std::to_string(c.followUps) : std::string()},
                  {"print.reopened", c.reopenCount ? std::to_string(c.reopenCount) : std::string()}});

    out += "<h2>" + html(tr("detail.milestones")) + "</h2>\n<table>\n<tr><th>" + html(tr("notice.milestone")) +
           "</th><th>" + html(tr("print.due")) + "</th><th>" + html(tr("print.outcome")) + "</th></tr>\n";
    const core::Calendar cal = c.workingHours ? app.calendar() : core::Calendar::clockHours();
    for (const core::MilestoneStatus& s : core::deadlineStatus(c, app.clock().now(), cal, app.policies().nearShare)) {
        const bool late = s.level == core::DeadlineLevel::MetLate || s.level == core::DeadlineLevel::Overdue;
        const char* outcome = s.level == core::DeadlineLevel::Met       ? tr("detail.met")
                              : s.level == core::DeadlineLevel::MetLate ? tr("detail.met_late")
                              : s.level == core::DeadlineLevel::Overdue ? tr("print.overdue")
                              : core::isOpen(c.state)                   ? tr("print.open")
                                                                        : tr("time.done");
        out += "<tr><td>" + html(trCode("milestone", core::code(s.milestone))) + "</td><td>" + formatDateTime(s.dueAt) +
               "</td><td" + (late ? " class=\"late\"" : "") + ">" + html(outcome) + "</td></tr>\n";
    }
    out += "</table>\n";

    out += "<h2>" + html(tr("detail.timeline")) + "</h2>\n<table>\n";
    std::string amends;
    for (const core::Event& e : timeline.value()) {
        const std::string when = formatDateTime(core::getInt(e.fields, "at", e.hlc.wall));
        const std::vector<std::string> details = eventDetails(e, names, whole);
        const bool internal = e.type == "note";
        out += "<tr><td class=\"when\">" + when + "</td><td>" + html(trCode("action", e.type)) +
               (internal ? " <span class=\"internal\">(" + html(tr("print.internal")) + ")</span>" : "") + "</td><td>" +
               html(names.person(e.actor)) + "</td><td>" + lines(details) + "</td></tr>\n";
        if (e.type == "amend")
            amends += "<tr><td class=\"when\">" + when + "</td><td>" + html(names.person(e.actor)) + "</td><td>" +
                      lines(details) + "</td></tr>\n";
    }
    out += "</table>\n";

    out += "<h2>" + html(tr("print.amendments")) + "</h2>\n";
    out += amends.empty() ? "<p>" + html(tr("print.none")) + "</p>\n" : "<table>\n" + amends + "</table>\n";
    out += "<h2>" + html(tr("print.attachments")) + "</h2>\n" + attachmentTable(c, names);

    out += "<h2>" + html(tr("print.signatures")) + "</h2>\n<table class=\"sign\"><tr><th>" +
           html(tr("print.signed_handler")) + "</th><td></td><th>" + html(tr("print.signed_reviewer")) +
           "</th><td></td><th>" + html(tr("print.signed_date")) + "</th><td></td></tr></table>\n";
    return out + "</section>\n";
}

} // namespace

core::Result<std::string> caseFileHtml(const app::App& app, const std::vector<std::string>& caseIds) {
    std::string sections;
    for (const std::string& id : caseIds) {
        auto section = caseSection(app, id);
        if (!section) return section.error();
        sections += section.value();
    }
    return pageStart(tr("print.title"), kStyle) + sections + "</body></html>\n";
}

std::string caseFileName(const std::string& number) { return std::string(tr("print.file_prefix")) + number + ".html"; }

} // namespace tousu::present
