// The domain workload, compiled both natively and to wasm (run under node) so the two can be
// compared on the same database file:
//   bench_domain generate DB N      time `generate` of N cases into an initialised database
//   bench_domain queries DB RUNS    time a sign-in's hash, list query (filter+sort+page), FTS search, KPIs, the
//   dashboard bench_domain export DB N OUT    write the N first cases (by number) of DB as a sync bundle (setup,
//   untimed) bench_domain import DB BUNDLE   time reading BUNDLE and importing it into the new database DB
//   bench_domain attach DB RUNS     a copy of DB in the browser's page store (store/page_vfs.h): what one
//   note commits, what attaching a 20 MB file commits, and a note after it
// Prints one JSON object per figure: {"op", "cases", "median_ms", "min_ms", "max_ms", "runs"}; attach's
// add "blocks" and "bytes" (median written per commit, as the page store hands them to IndexedDB) and
// "db_bytes" (the file's size after).
// Driven by shell/bench.sh, which computes the wasm/native ratios.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/case_list_model.h"
#include "app/generator.h"
#include "bench_stats.h"
#include "core/pbkdf2.h"
#include "store/page_vfs.h"
#include "sync/bundle.h"

using namespace tousu;

namespace {

void emit(const char* op, int cases, const bench::Stats& s, int runs) {
    std::printf("{\"op\":\"%s\",\"cases\":%d,\"median_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,\"runs\":%d}\n", op,
                cases, s.median, s.min, s.max, runs);
    std::fflush(stdout);
}

int caseCount(app::App& app) {
    core::ListQuery q;
    q.limit = 0;
    auto page = app.cases().listCases(q);
    return page ? page.value().total : 0;
}

// Attachments on the office's database in the browser's page store: a commit must write the new
// file's blocks and a few more, not the database. RUNS notes, RUNS 20 MB files, RUNS notes again.
int attachBench(const std::string& path, int runs) {
    std::ifstream in(path, std::ios::binary);
    const std::vector<unsigned char> image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    store::registerPageVfs("bench-pages");
    store::preloadPages("bench-attach.db", image);
    std::vector<double> blocks, bytes;
    std::uint64_t fileSize = image.size();
    store::setPageSink("bench-attach.db", [&](const store::PageBatch& b) {
        fileSize = b.fileSize;
        if (blocks.empty()) return; // opening (a migration, the sign-in's audit line): not measured
        blocks.back() += static_cast<double>(b.blocks.size());
        for (std::size_t i = 0; i < b.blocks.size(); ++i) bytes.back() += static_cast<double>(b.blockLength(i));
    });
    core::SimulatedClock clock(core::parseDate("2027-01-01").value());
    auto opened = app::App::open("bench-attach.db", clock, 20261208, "bench-pages");
    if (!opened || !opened.value()->signIn("s10")) return 1;
    app::App& app = *opened.value();
    core::ListQuery q;
    q.limit = runs;
    const auto page = app.cases().listCases(q);
    if (!page || page.value().rows.size() < std::size_t(runs)) return 1;
    const int cases = page.value().total;
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const auto run = [&](const char* op, auto&& commit) {
        blocks.clear(), bytes.clear();
        int i = 0;
        bool ok = true;
        const bench::Stats s = bench::measure(runs, [&] {
            blocks.push_back(0), bytes.push_back(0);
            ok = commit(page.value().rows[i].id, i) && ok;
            ++i;
        });
        std::printf("{\"op\":\"%s\",\"cases\":%d,\"median_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,\"runs\":%d,"
                    "\"blocks\":%.0f,\"bytes\":%.0f,\"db_bytes\":%llu}\n",
                    op, cases, s.median, s.min, s.max, runs, median(blocks), median(bytes),
                    static_cast<unsigned long long>(fileSize));
        std::fflush(stdout);
        return ok;
    };
    const auto note = [&](const std::string& id, int) { return app.cases().addNote(id, "客户下午方便接电话").ok(); };
    std::string file(20 * 1024 * 1024, '\0');
    const auto attach = [&](const std::string& id, int i) {
        for (std::size_t b = 0; b < file.size(); b += 4096)
            file[b] = static_cast<char>(i * 31 + b / 4096); // a new file
        return app.attachments().attach(id, "通话录音.wav", file).ok();
    };
    const bool ok = run("note_commit", note) && run("attach_20mb_commit", attach) && run("note_commit_after", note);
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr,
                     "usage: bench_domain generate DB N | queries DB RUNS | export DB N OUT | import DB BUNDLE | "
                     "attach DB RUNS\n");
        return 2;
    }
    const std::string mode = argv[1], path = argv[2];
    const int n = std::atoi(argv[3]);
    if (mode == "attach") return attachBench(path, n);
    const core::TimeMs start = core::parseDate("2026-01-01").value();
    core::SimulatedClock clock(start);
    auto opened = app::App::open(path, clock, 20261128);
    if (!opened) {
        std::fprintf(stderr, "bench_domain: %s\n", opened.error().detail.c_str());
        return 1;
    }
    app::App& app = *opened.value();
    if (mode == "export" && argc == 5) {
        core::ListQuery first;
        first.sort = core::SortKey::Number;
        first.descending = false;
        first.limit = n;
        app::ExportScope scope;
        const auto page = app.cases().listCases(first);
        if (!page) return 1;
        for (const core::CaseRow& r : page.value().rows) scope.caseNumbers.push_back(r.number);
        auto bundle = app.exchange().exportBundle(scope);
        if (!bundle) return 1;
        std::ofstream(argv[4], std::ios::binary) << sync::writeBundle(bundle.value());
        return 0;
    }
    if (mode == "import") { // argv[3]: the bundle; DB is a new database of another office
        if (auto st = app.initialize("SH01", "bench"); !st) return 1;
        clock.jumpTo(core::parseDate("2027-01-01").value()); // after the generated year: no stamp is from the future
        std::ifstream in(argv[3], std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        int cases = 0;
        bool ok = false;
        const bench::Stats s = bench::measure(1, [&] {
            auto bundle = sync::readBundle(text);
            auto done = bundle ? app.exchange().importBundle(bundle.value(), true)
                               : core::Result<app::ImportSummary>(bundle.error());
            ok = done.ok();
            if (ok) cases = done.value().newCases;
        });
        if (!ok) return 1;
        emit("import_bundle", cases, s, 1);
        return 0;
    }
    if (mode == "generate") {
        if (auto st = app.initialize("BJ01", "bench"); !st) return 1;
        app::GenerateOptions o;
        o.cases = n;
        o.seed = 7;
        o.start = start;
        o.days = 365;
        int failed = 0;
        const bench::Stats s = bench::measure(1, [&] { failed = app::generate(app, clock, o).value().failed; });
        emit("generate", n, s, 1);
        return failed == 0 ? 0 : 1;
    }
    // Queries run "now" = the end of the generated year.
    clock.jumpTo(core::parseDate("2027-01-01").value());
    const int cases = caseCount(app);
    core::ListQuery list;
    list.filter.category = "billing";
    list.filter.openOnly = false;
    list.sort = core::SortKey::Due;
    list.offset = 200;
    list.limit = 50;
    // A sign-in's hash (app/access.h): the wait a person sees, and a guesser's cost per guess.
    emit("sign_in_pbkdf2", cases,
         bench::measure(5, [&] { (void)core::pbkdf2Sha256("营业厅管理员口令", "salt", app::Access::kIterations, 32); }),
         5);
    emit("list_filter_sort_page", cases, bench::measure(n, [&] { (void)app.cases().listCases(list); }), n);
    // The case list's own fetches while scrolling (app/case_list_model.h): one block of 100 rows in
    // the default order, at the top and at the very bottom of the whole list.
    core::ListQuery block;
    block.limit = app::CaseListModel::kBlock;
    emit("list_block_top", cases, bench::measure(n, [&] { (void)app.cases().listCases(block); }), n);
    block.offset = std::max(0, cases - app::CaseListModel::kBlock);
    emit("list_block_bottom", cases, bench::measure(n, [&] { (void)app.cases().listCases(block); }), n);
    block.sort = core::SortKey::Due;
    block.offset = cases / 2;
    emit("list_block_middle_by_due", cases, bench::measure(n, [&] { (void)app.cases().listCases(block); }), n);
    block.sort = core::SortKey::Customer;
    emit("list_block_middle_by_customer", cases, bench::measure(n, [&] { (void)app.cases().listCases(block); }), n);
    core::ListQuery search;
    search.filter.search = "多扣了";
    search.limit = 50;
    emit("fts_search", cases, bench::measure(n, [&] { (void)app.cases().listCases(search); }), n);
    core::ListQuery shortSearch;
    shortSearch.filter.search = "掉线";
    shortSearch.limit = 50;
    emit("short_search_like", cases, bench::measure(n, [&] { (void)app.cases().listCases(shortSearch); }), n);
    emit("kpi_full", cases, bench::measure(n, [&] { (void)app.statistics().kpis(0, INT64_MAX / 2); }), n);
    // The statistics screen: the whole year (with the previous one, empty) at once, and the work the
    // desk does per slice while it rebuilds the figures (2,000 rows read and added; ui/screens/dashboard_screen.cpp).
    const core::Period year = core::periodOfDays(start, core::parseDate("2026-12-31").value());
    emit("dashboard_year", cases, bench::measure(n, [&] { (void)app.statistics().dashboard(year, {}); }), n);
    emit("dashboard_frame_chunk", cases,
         bench::measure(n,
                        [&] {
                            core::DashboardBuilder builder(year, {}, clock.now());
                            core::KpiCursor cursor;
                            const auto rows = app.statistics().kpiRowsChunk(year, cursor, 2000);
                            for (const core::KpiRow& r : rows.value()) builder.add(r);
                        }),
         n);
    return 0;
}
