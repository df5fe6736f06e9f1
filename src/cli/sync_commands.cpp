#include "cli/sync_commands.h"

#include <cstdlib>
#include <fstream>

#include "app/incoming_bundle.h"
#include "cli/common.h"
#include "cli/gzip.h"
#include "present/case_csv.h"
#include "present/case_file.h"
#include "present/i18n.h"
#include "present/notice.h"
#include "present/report.h"
#include "sync/bundle.h"
#include "sync/seal.h"

namespace tousu::cli {

using nlohmann::json;

namespace {

bool endsWith(const std::string& s, const char* suffix) {
    const std::string tail(suffix);
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// From --passphrase-file (its first line) or TOUSU_PASSPHRASE; never a plain argument, which
// every user of the machine could read in the process list.
core::Result<std::string> passphrase(const Args& a) {
    if (a.has("--passphrase-file")) return firstLineOf(a.get("--passphrase-file"));
    if (const char* env = std::getenv("TOUSU_PASSPHRASE"); env && *env) return std::string(env);
    return core::makeError(core::ErrorCode::InvalidInput, "error.passphrase_needed",
                           "give --passphrase-file FILE or set TOUSU_PASSPHRASE");
}

// What `export` writes: the bundle, sealed with --encrypt, gzipped when OUT ends in .gz.
core::Result<std::string> packBundle(const Args& a, std::string text) {
    if (a.has("--encrypt")) {
        auto pass = passphrase(a);
        if (!pass) return pass.error();
        if (auto weak = sync::checkNewPassphrase(pass.value(), pass.value())) return *weak;
        auto sealed = sync::seal(text, pass.value());
        if (!sealed) return sealed.error();
        text = sync::writeSealed(sealed.value());
    }
    return endsWith(a.positional[1], ".gz") ? gzip(text) : text;
}

// What `import` reads: any file `export` can write, through the stages the desk's import shares.
core::Result<app::IncomingBundle> unpackBundle(const Args& a, std::string bytes) {
    if (isGzip(bytes)) {
        auto inflated = gunzip(bytes, sync::kMaxBundleBytes);
        if (!inflated) return inflated.error();
        bytes = std::move(inflated.value());
    }
    auto in = app::IncomingBundle::open(std::move(bytes));
    if (!in || !in.value().sealed()) return in;
    auto pass = passphrase(a);
    if (!pass) return pass.error();
    auto plain = sync::unseal(in.value().envelope(), pass.value());
    if (!plain) return plain.error();
    in.value().unsealed(std::move(plain.value()));
    return in;
}

// --lang zh-CN (default) or en for the exports read by people; false if neither.
bool setLanguage(const Args& a) {
    const std::string lang = a.get("--lang", "zh-CN");
    if (lang != "zh-CN" && lang != "en") return false;
    present::setLanguage(lang == "en" ? present::Language::En : present::Language::ZhCN);
    return true;
}

} // namespace

int cmdExport(const Args& a) {
    if (a.positional.size() != 2)
        return fail("usage: tousu-cli export DB OUT.json[.gz] [--peer NAME] [--case NUMBER]… [--mask] [--encrypt]", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    const app::ExportScope scope{a.get("--peer"), a.all("--case"), a.has("--mask")};
    auto prepared = app.value()->exchange().prepareExport(scope);
    if (!prepared) return failWith(prepared.error());
    const sync::Bundle& bundle = prepared.value().bundle;
    auto file = packBundle(a, sync::writeBundle(bundle));
    if (!file) return failWith(file.error());
    if (auto st = writeOutput(a, a.positional[1], file.value()); !st) return failWith(st.error());
    // Only now, with the file on disk, does the peer count as sent these events.
    if (auto st = app.value()->exchange().markDelivered(prepared.value()); !st) return failWith(st.error());
    print({{"file", a.positional[1]},
           {"events", bundle.events.size()},
           {"sha256", sync::eventsHash(bundle.events)},
           {"masked", bundle.masked},
           {"encrypted", a.has("--encrypt")},
           {"bytes", file.value().size()}});
    return 0;
}

int cmdImport(const Args& a) {
    if (a.positional.size() != 2)
        return fail("usage: tousu-cli import DB IN.json[.gz] [--dry-run] [--passphrase-file F]", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    auto file = readFile(a.positional[1], sync::kMaxBundleBytes);
    if (!file) return failWith(file.error());
    auto in = unpackBundle(a, std::move(file.value()));
    if (!in) return failWith(in.error());
    const bool apply = !a.has("--dry-run");
    auto job = in.value().import(app.value()->exchange(), apply);
    if (!job) return failWith(job.error());
    if (auto done = job.value()->step(SIZE_MAX); !done) return failWith(done.error());
    const app::ImportSummary& r = job.value()->summary();
    const sync::Bundle& bundle = *in.value().bundle().value();
    print({{"applied", apply},
           {"from_office", bundle.officeCode},
           {"masked", bundle.masked},
           {"events", r.events},
           {"new_events", r.newEvents},
           {"duplicates", r.duplicates},
           {"new_cases", r.newCases},
           {"updated_cases", r.updatedCases},
           {"reference_changes", r.referenceChanges},
           {"concurrent_edits", r.concurrentCases}});
    return 0;
}

int cmdExportTmf(const Args& a) {
    if (a.positional.size() != 2) return fail("usage: tousu-cli export-tmf DB OUT.json", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    std::string out;
    auto count = app.value()->exchange().exportTmf(out);
    if (!count) return failWith(count.error());
    if (auto st = writeOutput(a, a.positional[1], out); !st) return failWith(st.error());
    print({{"file", a.positional[1]}, {"tickets", count.value()}});
    return 0;
}

int cmdExportCsv(const Args& a) {
    if (a.positional.size() != 2)
        return fail(
            "usage: tousu-cli export-csv DB OUT.csv [--lang zh-CN|en] [--full-phones] [--state S] [--category C]", 2);
    if (!setLanguage(a)) return fail("--lang must be zh-CN or en", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    core::ListFilter filter;
    filter.state = a.get("--state");
    filter.category = a.get("--category");
    auto csv = present::caseListCsv(*app.value(), filter, a.has("--full-phones"));
    if (!csv) return failWith(csv.error());
    if (auto st = writeOutput(a, a.positional[1], csv.value()); !st) return failWith(st.error());
    app.value()->exchange().noteCsvExport(present::caseCount(csv.value()), a.has("--full-phones"));
    print({{"file", a.positional[1]}, {"bytes", csv.value().size()}});
    return 0;
}

int cmdNotice(const Args& a) {
    if (a.positional.size() != 2 || !setLanguage(a))
        return fail("usage: tousu-cli notice DB OUT.html [--lang zh-CN|en]", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    const std::string page = present::customerNoticeHtml(*app.value());
    if (auto st = writeOutput(a, a.positional[1], page); !st) return failWith(st.error());
    print({{"file", a.positional[1]}, {"bytes", page.size()}});
    return 0;
}

int cmdPrintCase(const Args& a) {
    if (a.positional.size() != 3 || !setLanguage(a))
        return fail("usage: tousu-cli print-case DB NUMBER OUT.html [--lang zh-CN|en]", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    const auto id = app.value()->cases().caseIdByNumber(a.positional[1]);
    if (!id) return fail("no case numbered " + a.positional[1], 1);
    auto page = present::caseFileHtml(*app.value(), {*id});
    if (!page) return failWith(page.error());
    if (auto st = writeOutput(a, a.positional[2], page.value()); !st) return failWith(st.error());
    print({{"file", a.positional[2]}, {"bytes", page.value().size()}});
    return 0;
}

int cmdReport(const Args& a) {
    const auto from = core::parseDate(a.get("--from")), to = core::parseDate(a.get("--to"));
    if (a.positional.size() != 2 || !from || !to || to.value() < from.value() || !setLanguage(a))
        return fail("usage: tousu-cli report DB OUT.html --from YYYY-MM-DD --to YYYY-MM-DD [--csv OUT.csv] "
                    "[--actions FILE] [--lang zh-CN|en] [--category C] [--channel C] [--department D] [--person P]",
                    2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    std::string actions;
    if (a.has("--actions")) {
        auto text = readFile(a.get("--actions"), 1 << 20);
        if (!text) return failWith(text.error());
        actions = text.value();
    }
    const core::Period period = core::periodOfDays(from.value(), to.value());
    const core::AnalysisFilter filter{a.get("--category"), a.get("--channel"), a.get("--department"),
                                      a.get("--person")};
    auto page = present::reviewReportHtml(*app.value(), period, filter, actions);
    if (!page) return failWith(page.error());
    if (auto st = writeOutput(a, a.positional[1], page.value()); !st) return failWith(st.error());
    json out = {{"file", a.positional[1]}, {"bytes", page.value().size()}};
    if (a.has("--csv")) {
        auto csv = present::reviewReportCsv(*app.value(), period, filter);
        if (!csv) return failWith(csv.error());
        if (auto st = writeOutput(a, a.get("--csv"), csv.value()); !st) return failWith(st.error());
        out["csv"] = a.get("--csv");
    }
    print(out);
    return 0;
}

} // namespace tousu::cli
