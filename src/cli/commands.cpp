#include "cli/commands.h"

#include "cli/common.h"
#include "cli/sync_commands.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "app/app.h"
#include "app/generator.h"
#include "core/deadline.h"
#include "core/policy.h"
#include "core/version.h"

namespace tousu::cli {

namespace {

using nlohmann::json;

json rate(double v) { return v < 0 ? json(nullptr) : json(v); }

json groupJson(const core::KpiGroup& g) {
    json ratings = json::object();
    for (int i = 0; i < 5; ++i) ratings[std::to_string(i + 1)] = g.ratingCounts[i];
    return {{"cases", g.cases},
            {"closed", g.closed},
            {"decided", g.decided},
            {"on_time", g.onTime},
            {"on_time_rate", rate(g.onTimeRate())},
            {"rated", g.rated},
            {"satisfaction_mean", rate(g.satisfactionMean())},
            {"satisfied_share", rate(g.satisfiedShare())},
            {"ratings", ratings},
            {"repeats", g.repeats},
            {"repeat_rate", rate(g.repeatRate())},
            {"mean_handling_hours", rate(g.meanHandlingHours())}};
}

std::uint64_t randomSeed() { return (std::uint64_t(std::random_device()()) << 32) ^ std::random_device()(); }

int cmdInit(const Args& a) {
    if (a.positional.size() != 1) return fail("usage: tousu-cli init DB [--office CODE] [--office-name NAME]", 2);
    const std::string& path = a.positional[0];
    std::error_code ec; // not the throwing forms: a name too long to look up is refused by the open below
    if (std::filesystem::exists(path, ec)) return fail("refusing to overwrite existing file " + path);
    core::SystemClock clock;
    auto app = app::App::open(path, clock, randomSeed());
    if (!app) return failWith(app.error());
    core::Status st = app.value()->initialize(a.get("--office", "HQ"), a.get("--office-name", "总部"));
    if (st && a.has("--working-hours")) {
        std::ifstream in(a.get("--working-hours"));
        std::stringstream text;
        text << in.rdbuf();
        st = in ? app.value()->settings().useWorkingHours(text.str())
                : core::Status(core::makeError(core::ErrorCode::NotFound, "cannot read", a.get("--working-hours")));
    }
    if (!st) {
        app.value().reset();
        std::filesystem::remove(path, ec);
        return failWith(st.error());
    }
    const auto info = app.value()->info();
    json out = {{"database", path},
                {"office", info.officeCode},
                {"office_name", info.officeName},
                {"device_id", info.deviceId},
                {"schema_version", info.schemaVersion}};
    if (auto days = app.value()->settings().calendarDaysLeft()) out["calendar_days_left"] = *days;
    print(out);
    return 0;
}

int cmdGenerate(const Args& a) {
    if (a.positional.size() != 1 || !a.has("--cases") || !a.has("--seed"))
        return fail(
            "usage: tousu-cli generate DB --cases N --seed S [--start YYYY-MM-DD] [--days D] [--registrations-only]",
            2);
    const auto cases = a.integer("--cases", 1, 10'000'000), seed = a.integer("--seed", 0, INT64_MAX);
    const auto days = a.has("--days") ? a.integer("--days", 1, 3660) : std::optional<long long>(90);
    if (!cases || !days) return fail("--cases must be a whole number 1–10000000 and --days 1–3660", 2);
    if (!seed) return fail("--seed must be a whole number", 2);
    app::GenerateOptions o;
    o.cases = static_cast<int>(*cases);
    o.seed = static_cast<std::uint64_t>(*seed);
    o.days = static_cast<int>(*days);
    o.registrationsOnly = a.has("--registrations-only");
    auto start = core::parseDate(a.get("--start", "2026-01-01"));
    if (!start) return fail("--start must be YYYY-MM-DD");
    o.start = start.value();
    core::SimulatedClock clock(o.start);
    auto app = openExisting(a, clock, o.seed);
    if (!app) return failWith(app.error());
    auto stats = app::generate(*app.value(), clock, o);
    if (!stats) return failWith(stats.error());
    const auto& s = stats.value();
    print({{"cases", s.cases}, {"actions", s.actions}, {"repeats", s.repeats}, {"open", s.open}, {"failed", s.failed}});
    return s.failed == 0 ? 0 : 1;
}

int cmdKpi(const Args& a) {
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    core::TimeMs from = INT64_MIN / 2, to = INT64_MAX / 2;
    if (a.has("--from")) {
        auto f = core::parseDate(a.get("--from"));
        if (!f) return fail("--from must be YYYY-MM-DD");
        from = f.value();
    }
    if (a.has("--to")) {
        auto t = core::parseDate(a.get("--to"));
        if (!t) return fail("--to must be YYYY-MM-DD");
        to = t.value() + 24 * core::kHourMs; // inclusive end day
    }
    if (to <= from) return fail("error.period_order (--from is after --to)", 2);
    const core::AnalysisFilter filter{a.get("--category"), a.get("--channel"), a.get("--department"),
                                      a.get("--person")};
    auto report = app.value()->statistics().kpis(from, to, filter);
    if (!report) return failWith(report.error());
    const auto& r = report.value();
    json out = groupJson(r.total);
    for (const auto& [name, groups] :
         {std::pair{"by_category", &r.byCategory}, std::pair{"by_channel", &r.byChannel},
          std::pair{"by_department", &r.byDepartment}, std::pair{"by_person", &r.byPerson}}) {
        json g = json::object();
        for (const auto& [key, group] : *groups) g[key] = groupJson(group);
        out[name] = g;
    }
    print(out);
    return 0;
}

int cmdDeadlines(const Args& a) {
    const auto category = core::categoryFromCode(a.get("--category"));
    auto received = core::parseIso8601(a.get("--received"));
    if (!category || !received)
        return fail("usage: tousu-cli deadlines --category service_quality|billing|business|other --received ISO8601",
                    2);
    const core::PolicySet policies = core::defaultPolicies();
    core::Case c;
    c.receivedAt = received.value();
    c.milestones = core::milestonesFor(policies, *category);
    json list = json::array();
    for (const auto& s : core::deadlineStatus(c, c.receivedAt, core::Calendar::clockHours(), policies.nearShare))
        list.push_back({{"milestone", core::code(s.milestone)},
                        {"limit_hours", s.limitMs / core::kHourMs},
                        {"due", core::formatIso8601(s.dueAt)}});
    print({{"category", core::code(*category)},
           {"received", core::formatIso8601(c.receivedAt)},
           {"milestones", list},
           {"appeal_risk", core::formatIso8601(core::appealRiskAt(c, policies))}});
    return 0;
}

int cmdVerify(const Args& a) {
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    auto bad = app.value()->verify();
    if (!bad) return failWith(bad.error());
    auto counts = app.value()->statistics().countBy("state");
    int cases = 0;
    if (counts)
        for (const auto& c : counts.value()) cases += c.count;
    print({{"cases", cases}, {"ok", bad.value().empty()}, {"inconsistent", bad.value()}});
    return bad.value().empty() ? 0 : 1;
}

int cmdDigest(const Args& a) {
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    auto d = app.value()->digest();
    if (!d) return failWith(d.error());
    print({{"digest", d.value()}});
    return 0;
}

int cmdStats(const Args& a) {
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    json out = json::object();
    int total = 0;
    for (const char* col : {"state", "category"}) {
        auto counts = app.value()->statistics().countBy(col);
        if (!counts) return failWith(counts.error());
        json g = json::object();
        for (const auto& c : counts.value()) {
            g[c.key] = c.count;
            if (std::string(col) == "state") total += c.count;
        }
        out[std::string("by_") + col] = g;
    }
    out["cases"] = total;
    print(out);
    return 0;
}

const Command kCommands[] = {
    {"init", "init DB [--office CODE] [--office-name NAME] [--working-hours CALENDAR.tsv]",
     "Create an empty database with default reference data and a new device origin id; optionally count\n"
     "limits in working hours of a holiday calendar (assets/calendar/cn-2026.tsv).",
     cmdInit},
    {"generate", "generate DB --cases N --seed S [--start YYYY-MM-DD] [--days D] [--registrations-only]",
     "Add realistic synthetic complaints through the app layer with a simulated clock; with\n"
     "--registrations-only every case is only registered (a large open list, quickly).",
     cmdGenerate},
    {"kpi", "kpi DB [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--category C] [--channel C] [--department D] [--person P]",
     "KPIs of the cases received in the period (both ends inclusive, office time zone +08:00), optionally\n"
     "only those of one category, channel, department or responsible person (the dashboard's filters).",
     cmdKpi},
    {"deadlines", "deadlines --category C --received ISO8601",
     "Milestone due times under the default policy (clock hours).", cmdDeadlines},
    {"verify", "verify DB", "Re-fold every case from its events and compare with the projections.", cmdVerify},
    {"digest", "digest DB", "A stable hash of the logical content (events and reference data).", cmdDigest},
    {"stats", "stats DB", "Case counts by state and category.", cmdStats},
    {"export", "export DB OUT.json[.gz] [--peer NAME] [--case NUMBER]… [--mask] [--encrypt]",
     "Write a sync bundle: everything, only what peer NAME has not been sent yet (then remembered),\n"
     "or only the given cases (repeat --case or separate numbers with commas). --mask hides customers'\n"
     "names, phones and accounts; --encrypt seals the file with the passphrase from --passphrase-file F\n"
     "or TOUSU_PASSPHRASE (AES-256-GCM, PBKDF2-SHA256); OUT ending in .gz is gzipped.",
     cmdExport},
    {"import", "import DB IN.json[.gz] [--dry-run] [--passphrase-file F]",
     "Apply a sync bundle all or nothing; --dry-run only reports what it would change. Gzipped and\n"
     "encrypted bundles are recognised; the passphrase comes from --passphrase-file or TOUSU_PASSPHRASE.",
     cmdImport},
    {"replicate", "replicate DB URL [--user U --password-file F] [--push|--pull] [--continuous]",
     "Live sync with an Apache CouchDB database (URL: https://server/db, or http:// on this machine):\n"
     "send what the server lacks and import what it has, each batch all or nothing, from where the last\n"
     "run stopped. The password comes from --password-file or TOUSU_COUCH_PASSWORD. --continuous keeps\n"
     "going (retrying while the server is away) until interrupted.",
     cmdReplicate},
    {"couchdb-setup", "couchdb-setup DB URL --admin-user U [--password-file F] [--passwords FILE]",
     "Prepare a CouchDB database for this office, as a server administrator (password from --password-file\n"
     "or TOUSU_COUCH_PASSWORD): create it, install the design document (assets/couchdb), open it to the\n"
     "role office:CODE, and give every staff member a CouchDB user with roles office:CODE and role:ROLE.\n"
     "FILE holds \"staff_id password\" lines; staff without one keep their password (new ones are listed).\n"
     "Run it again after staff changes.",
     cmdCouchdbSetup},
    {"export-tmf", "export-tmf DB OUT.json",
     "Every case as a TM Forum TMF621 Trouble Ticket (ticketType complaint), with every note and status change.",
     cmdExportTmf},
    {"export-csv", "export-csv DB OUT.csv [--lang zh-CN|en] [--full-phones] [--state S] [--category C]",
     "The case list as CSV for Excel (UTF-8 with BOM); phones masked unless --full-phones.", cmdExportCsv},
    {"report",
     "report DB OUT.html --from YYYY-MM-DD --to YYYY-MM-DD [--csv OUT.csv] [--actions FILE] [--lang zh-CN|en] "
     "[filters]",
     "The review report (工作总结报告) of a period as a printable HTML page, optionally its figures as CSV;\n"
     "--actions names a text file of improvement actions, one per line; filters as for kpi.",
     cmdReport},
    {"notice", "notice DB OUT.html [--lang zh-CN|en]",
     "The printable customer notice (投诉须知): channels, process, the configured time limits, rights.", cmdNotice},
    {"print-case", "print-case DB NUMBER OUT.html [--lang zh-CN|en]",
     "A case's printable file (投诉处理单): registration, handling, deadlines, every entry with time and\n"
     "person, corrections, attachments, signature lines; contacts whole.",
     cmdPrintCase},
    {nullptr, nullptr, nullptr, nullptr},
};

void usage(std::FILE* out) {
    std::fprintf(out, "tousu-cli %s — complaint desk tools\n\nusage: tousu-cli <command> [options]\n\ncommands:\n",
                 core::version());
    for (const Command* c = kCommands; c->name; ++c) { // the first line of each; --help gives the rest
        const std::string_view help = c->help;
        const std::string first(help.substr(0, help.find('\n')));
        std::fprintf(out, "  %-13s %s%s\n", c->name, first.c_str(), first.size() < help.size() ? " …" : "");
    }
    std::fprintf(out, "\n`tousu-cli <command> --help` shows a command's options.\n");
}

} // namespace

const Command* commands() { return kCommands; }

const std::vector<std::string>& flagOptions() {
    static const std::vector<std::string> flags{"--dry-run", "--full-phones",        "--mask",
                                                "--encrypt", "--registrations-only", "--push",
                                                "--pull",    "--continuous"};
    return flags;
}

int run(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        usage(stdout);
        return 0;
    }
    if (name == "--version" || name == "version") {
        std::printf("{\"version\":\"%s\"}\n", core::version());
        return 0;
    }
    for (const Command* c = kCommands; c->name; ++c) {
        if (name != c->name) continue;
        const Args args = parseArgs(argc, argv, 2, flagOptions());
        if (args.help) {
            std::printf("usage: tousu-cli %s\n\n%s\n", c->usage, c->help);
            return 0;
        }
        return c->run(args);
    }
    std::fprintf(stderr, "tousu-cli: unknown command '%s' (see tousu-cli --help)\n", name.c_str());
    return 2;
}

} // namespace tousu::cli
