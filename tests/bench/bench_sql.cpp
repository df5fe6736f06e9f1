// The SQL engine side of the peer comparison (shell/bench.sh; the peer is sql.js, peer_sqljs.mjs):
// loads a database file into memory as sql.js does (sqlite3_deserialize), runs the file's SETUP
// line (the app's connection settings), then each query (NAME<TAB>SQL per line) once to warm up
// and RUNS times measured, reading every row, and prints one JSON line per query:
// {"op":"sql_NAME","cases":N,"median_ms","min_ms","max_ms","runs","rows","samples_ms"} or {"op",…,"error"}.
// usage: bench_sql DB CASES QUERIES RUNS
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "bench_stats.h"

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_sql DB CASES QUERIES RUNS\n");
        return 2;
    }
    const int cases = std::atoi(argv[2]), runs = std::atoi(argv[4]);
    // Read straight into SQLite's buffer: one copy of the file in memory, as at 200k it is 1 GB.
    std::FILE* file = std::fopen(argv[1], "rb");
    if (!file) {
        std::fprintf(stderr, "bench_sql: cannot read %s\n", argv[1]);
        return 1;
    }
    std::fseek(file, 0, SEEK_END);
    const long size = std::ftell(file);
    std::fseek(file, 0, SEEK_SET);
    auto* image = static_cast<unsigned char*>(sqlite3_malloc64(static_cast<sqlite3_uint64>(size)));
    if (!image || std::fread(image, 1, static_cast<std::size_t>(size), file) != static_cast<std::size_t>(size)) {
        std::fprintf(stderr, "bench_sql: cannot load %s (%ld bytes)\n", argv[1], size);
        return 1;
    }
    std::fclose(file);
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    if (sqlite3_deserialize(db, "main", image, size, size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK) {
        std::fprintf(stderr, "bench_sql: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    std::ifstream queries(argv[3]);
    for (std::string line; std::getline(queries, line);) {
        const auto tab = line.find('\t');
        if (line.empty() || line.rfind("--", 0) == 0 || tab == std::string::npos) continue;
        const std::string name = line.substr(0, tab), sql = line.substr(tab + 1);
        if (name == "SETUP") {
            if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
                std::fprintf(stderr, "bench_sql: %s\n", sqlite3_errmsg(db));
                return 1;
            }
            continue;
        }
        long rows = 0;
        bool failed = false;
        const auto run = [&] {
            sqlite3_stmt* s = nullptr;
            if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
                failed = true;
                return;
            }
            rows = 0;
            while (sqlite3_step(s) == SQLITE_ROW) ++rows;
            sqlite3_finalize(s);
        };
        run(); // warm-up: the first run pays for reading the pages into SQLite's cache
        const auto stats = tousu::bench::measure(runs, run);
        if (failed) {
            std::printf("{\"op\":\"sql_%s\",\"cases\":%d,\"error\":\"%s\"}\n", name.c_str(), cases, sqlite3_errmsg(db));
            continue;
        }
        std::string samples;
        for (const double ms : stats.samples) samples += (samples.empty() ? "" : ",") + std::to_string(ms);
        std::printf("{\"op\":\"sql_%s\",\"cases\":%d,\"median_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,\"runs\":%d,"
                    "\"rows\":%ld,"
                    "\"samples_ms\":[%s]}\n",
                    name.c_str(), cases, stats.median, stats.min, stats.max, runs, rows, samples.c_str());
        std::fflush(stdout);
    }
    sqlite3_close(db);
    return 0;
}
