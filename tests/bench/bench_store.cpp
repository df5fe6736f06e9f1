// Cost of committing one small transaction as the database grows (SQLite in memory, native).
// The figure the browser page store must approach: commit cost independent of database size.
// Run: build/native/tests/bench/bench_store
#include <sqlite3.h>
#include <string>

#include "bench_stats.h"
#include "store/database.h"

using namespace tousu;

int main() {
    std::printf("| %-40s | %10s | %-23s | %7s |\n", "one-row commit, ms", "median", "min – max", "ratio");
    std::printf("|---|---|---|---|\n");
    double baseline = 0;
    for (int rows : {1'000, 10'000, 100'000}) {
        auto db = store::Database::open(":memory:");
        if (!db) return 1;
        auto& d = *db.value();
        d.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        d.exec("BEGIN");
        for (int i = 0; i < rows; ++i)
            d.exec("INSERT INTO t(body) VALUES ('客户反映宽带网络频繁掉线，要求尽快上门检修。" + std::to_string(i) +
                   "')");
        d.exec("COMMIT");
        int next = rows;
        const bench::Stats s = bench::measure(200, [&] {
            d.exec("BEGIN; INSERT INTO t(body) VALUES ('bench " + std::to_string(next++) + "'); COMMIT;");
        });
        if (baseline == 0) baseline = s.median;
        const std::string name = "at " + std::to_string(rows) + " rows";
        bench::report(name.c_str(), s, baseline);
    }
    return 0;
}
