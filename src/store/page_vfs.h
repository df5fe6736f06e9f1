// A SQLite VFS that keeps database files in memory and hands each commit's changed pages to a
// sink — in the browser, one IndexedDB transaction per commit (web/js/lib_idb.js). The cost of a
// commit is the pages it changed, not the size of the database.
//
// States of the main database file and the functions that move between them:
//   CLEAN  --xWrite (new bytes)-->  DIRTY (pages remembered in `dirty`)  --xSync-->  sink(batch); CLEAN
//   (a page written with the bytes it already holds stays clean: a rolled-back transaction's
//   journal playback writes nothing to the sink)
//   xTruncate shrinks the file and sends a batch with no pages and the new size at once.
// Invariants:
//   1. a batch holds every page written since the previous batch, and the file size after them;
//   2. batches are delivered in commit order, each exactly once;
//   3. journals and temporary files never reach the sink: atomicity comes from the sink writing a
//      whole batch at once (an IndexedDB transaction), so a crash leaves the previous or the new state.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tousu::store {

struct PageBatch {
    std::uint32_t pageSize = 0;
    std::uint64_t fileSize = 0;
    std::vector<std::uint32_t> pages;           // page numbers (0-based)
    std::vector<const unsigned char*> data;     // pageSize bytes each; valid only during the call
};

using PageSink = std::function<void(const PageBatch&)>;

// Registers the VFS under `name` (once). Files are named as SQLite opens them.
void registerPageVfs(const char* name);
// Sets what receives the commits of the main database file `fileName`.
void setPageSink(const std::string& fileName, PageSink sink);
// Loads a database image before the file is opened (start-up from the persisted pages).
void preloadPages(const std::string& fileName, std::vector<unsigned char> image);
// A copy of a file's current bytes (backups, tests).
std::vector<unsigned char> pageFileImage(const std::string& fileName);
void forgetPageFile(const std::string& fileName);

} // namespace tousu::store
