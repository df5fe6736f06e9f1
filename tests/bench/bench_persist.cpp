// The persistence benchmark's page (tests/bench/persist/, driven by persist_bench.mjs in headless
// Chromium): one SQLite database of N synthetic cases (~5.4 KB each, as the app's are), kept either
// by our page store (store/page_vfs + web/js/lib_idb.js: each commit's pages in one IndexedDB
// transaction) or by Emscripten's IDBFS (a MEMFS file copied whole to IndexedDB by FS.syncfs).
// The page calls these functions; the driver times, in the page, how long until an edit is durable.
#include <emscripten.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <random>
#include <string>
#include <vector>

#include "store/page_vfs.h"

extern "C" {
int tousu_idb_image_size(void);
void tousu_idb_take_image(unsigned char* const* blocks, int count, unsigned blockSize);
void tousu_idb_commit(unsigned blockSize, unsigned pageSize, double fileSize, int count, const unsigned* blockNumbers,
                      const unsigned char* const* data);
}

namespace {

sqlite3* g_db = nullptr;
bool g_idbfs = false;
std::mt19937 g_random(7);
constexpr const char* kIdbfsFile = "/idbfs/bench.db";

bool exec(const char* sql) { return sqlite3_exec(g_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

std::string body(std::size_t bytes) {
    static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string s(bytes, ' ');
    for (char& c : s) c = kChars[g_random() % (sizeof kChars - 1)];
    return s;
}

int open(const char* path, const char* vfs) {
    if (sqlite3_open_v2(path, &g_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs) != SQLITE_OK) return 0;
    // The same settings on both: the rollback journal in memory (atomicity comes from how each
    // store writes to IndexedDB), the default 4 KB pages.
    return exec("PRAGMA journal_mode = MEMORY") &&
           exec("CREATE TABLE IF NOT EXISTS cases (id INTEGER PRIMARY KEY, state TEXT, body TEXT)");
}

} // namespace

extern "C" {

// Our page store: the pages loaded from IndexedDB before main() are the file.
EMSCRIPTEN_KEEPALIVE int bench_open_ours() {
    const int size = tousu_idb_image_size();
    if (size < 0) return 0;
    tousu::store::registerPageVfs("bench-pages");
    const auto blocks = tousu::store::preloadBlocks("bench.db", static_cast<std::size_t>(size));
    tousu_idb_take_image(blocks.data(), static_cast<int>(blocks.size()), tousu::store::kBlockBytes);
    tousu::store::setPageSink("bench.db", [](const tousu::store::PageBatch& b) {
        std::vector<unsigned> numbers(b.blocks.begin(), b.blocks.end());
        tousu_idb_commit(tousu::store::kBlockBytes, b.pageSize, static_cast<double>(b.fileSize),
                         static_cast<int>(numbers.size()), numbers.data(), b.data.data());
    });
    return open("bench.db", "bench-pages");
}

// IDBFS: the page mounted /idbfs and synced it from IndexedDB before calling this.
EMSCRIPTEN_KEEPALIVE int bench_open_idbfs() {
    g_idbfs = true;
    return open(kIdbfsFile, nullptr);
}

namespace {

// Adds cases to the open database until there are `n`, 2,000 per transaction.
int insertUpTo(int n) {
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(g_db, "INSERT INTO cases (state, body) VALUES ('registered', ?)", -1, &insert, nullptr);
    int have = 0;
    sqlite3_stmt* count = nullptr;
    sqlite3_prepare_v2(g_db, "SELECT count(*) FROM cases", -1, &count, nullptr);
    if (sqlite3_step(count) == SQLITE_ROW) have = sqlite3_column_int(count, 0);
    sqlite3_finalize(count);
    while (have < n) {
        exec("BEGIN");
        for (int i = 0; i < 2000 && have < n; ++i, ++have) {
            const std::string text = body(5400);
            sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        exec("COMMIT");
    }
    sqlite3_finalize(insert);
    return have;
}

} // namespace

// Adds cases until there are `n`; returns how many there are. IDBFS's file is built in memory and
// written in one piece: grown write by write, MEMFS copies the whole file at every step of its
// growth, which took minutes at 100k cases — setup cost that is not what is measured.
EMSCRIPTEN_KEEPALIVE int bench_populate(int n) {
    if (!g_idbfs) return insertUpTo(n);
    sqlite3_close(g_db);
    open(":memory:", nullptr);
    const int have = insertUpTo(n);
    sqlite3_int64 size = 0;
    unsigned char* image = sqlite3_serialize(g_db, "main", &size, 0);
    sqlite3_close(g_db);
    const int fd = ::open(kIdbfsFile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const bool written = fd >= 0 && ::write(fd, image, static_cast<std::size_t>(size)) == size;
    if (fd >= 0) ::close(fd);
    sqlite3_free(image);
    return written && open(kIdbfsFile, nullptr) ? have : 0;
}

// One small edit, committed: a case's state changes (one row, one or two pages).
EMSCRIPTEN_KEEPALIVE int bench_edit(int n) {
    sqlite3_stmt* update = nullptr;
    sqlite3_prepare_v2(g_db, "UPDATE cases SET state = ? WHERE id = ?", -1, &update, nullptr);
    sqlite3_bind_text(update, 1, g_random() % 2 ? "dispatched" : "investigating", -1, SQLITE_STATIC);
    sqlite3_bind_int(update, 2, 1 + static_cast<int>(g_random() % static_cast<unsigned>(n)));
    const int rc = sqlite3_step(update);
    sqlite3_finalize(update);
    return rc == SQLITE_DONE;
}

// Ends the page store's reports (lib_idb.js calls back with its save state; nothing to show here).
EMSCRIPTEN_KEEPALIVE void tousu_on_save_state(int) {}

} // extern "C"

int main() { return 0; }
