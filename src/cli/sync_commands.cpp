#include "cli/sync_commands.h"

#include "cli/common.h"
#include "sync/bundle.h"
#include "ui/case_csv.h"
#include "ui/i18n.h"

namespace tousu::cli {

using nlohmann::json;

int cmdExport(const Args& a) {
    if (a.positional.size() != 2) return fail("usage: tousu-cli export DB OUT.json [--peer NAME] [--case NUMBER]…", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    const app::ExportScope scope{a.get("--peer"), a.all("--case")};
    auto bundle = app.value()->exportBundle(scope);
    if (!bundle) return failWith(bundle.error());
    if (auto st = writeFile(a.positional[1], sync::writeBundle(bundle.value())); !st) return failWith(st.error());
    print({{"file", a.positional[1]}, {"events", bundle.value().events.size()}, {"sha256", sync::eventsHash(bundle.value().events)}});
    return 0;
}

int cmdImport(const Args& a) {
    if (a.positional.size() != 2) return fail("usage: tousu-cli import DB IN.json [--dry-run]", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    auto text = readFile(a.positional[1], sync::kMaxBundleBytes);
    if (!text) return failWith(text.error());
    auto bundle = sync::readBundle(text.value());
    if (!bundle) return failWith(bundle.error());
    const bool apply = !a.has("--dry-run");
    auto s = app.value()->importBundle(bundle.value(), apply);
    if (!s) return failWith(s.error());
    const auto& r = s.value();
    print({{"applied", apply}, {"from_office", bundle.value().officeCode}, {"events", r.events},
           {"new_events", r.newEvents}, {"duplicates", r.duplicates}, {"new_cases", r.newCases},
           {"updated_cases", r.updatedCases}, {"reference_changes", r.referenceChanges},
           {"concurrent_edits", r.concurrentCases}});
    return 0;
}

int cmdExportTmf(const Args& a) {
    if (a.positional.size() != 2) return fail("usage: tousu-cli export-tmf DB OUT.json", 2);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    std::string out;
    auto count = app.value()->exportTmf(out);
    if (!count) return failWith(count.error());
    if (auto st = writeFile(a.positional[1], out); !st) return failWith(st.error());
    print({{"file", a.positional[1]}, {"tickets", count.value()}});
    return 0;
}

int cmdExportCsv(const Args& a) {
    if (a.positional.size() != 2)
        return fail("usage: tousu-cli export-csv DB OUT.csv [--lang zh-CN|en] [--full-phones] [--state S] [--category C]", 2);
    const std::string lang = a.get("--lang", "zh-CN");
    if (lang != "zh-CN" && lang != "en") return fail("--lang must be zh-CN or en", 2);
    ui::setLanguage(lang == "en" ? ui::Language::En : ui::Language::ZhCN);
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    store::ListFilter filter;
    filter.state = a.get("--state");
    filter.category = a.get("--category");
    auto csv = ui::caseListCsv(*app.value(), filter, a.has("--full-phones"));
    if (!csv) return failWith(csv.error());
    if (auto st = writeFile(a.positional[1], csv.value()); !st) return failWith(st.error());
    print({{"file", a.positional[1]}, {"bytes", csv.value().size()}});
    return 0;
}

} // namespace tousu::cli
