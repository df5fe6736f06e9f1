// A SQLite VFS that keeps database files in memory and hands each commit's changed blocks to a
// sink — in the browser, one IndexedDB transaction per commit (web/js/lib_idb.js). The cost of a
// commit is the blocks it changed, not the size of the database. A block is kBlockBytes of the file
// (a whole number of pages): IndexedDB costs a fixed time per record read, so a 1 GB database stored
// page by page (265,000 records) took a minute to load. Chromium read the 1.1 GB of 200k cases in
// 22 s as 128 KB blocks, 13 s as 256 KB, 8.5 s as 512 KB and 10–15 s as 1 MB ones (2026-12-04); a
// commit writes its changed blocks whole, so they should not be larger than that.
//
// States of the main database file and the functions that move between them:
//   CLEAN  --xWrite (new bytes)-->  DIRTY (blocks remembered in `dirty`)  --xSync-->  sink(batch); CLEAN
//   (a page written with the bytes it already holds stays clean: a rolled-back transaction's
//   journal playback writes nothing to the sink)
//   xTruncate shrinks the file and sends a batch with no blocks and the new size at once.
// Invariants:
//   1. a batch holds every block written since the previous batch, and the file size after them;
//   2. batches are delivered in commit order, each exactly once;
//   3. journals and temporary files never reach the sink: atomicity comes from the sink writing a
//      whole batch at once (an IndexedDB transaction), so a crash leaves the previous or the new state.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tousu::store {

constexpr std::uint32_t kBlockBytes = 512 * 1024; // a multiple of every SQLite page size

struct PageBatch {
    std::uint32_t pageSize = 0; // SQLite's (from the header), for the record
    std::uint64_t fileSize = 0;
    std::vector<std::uint32_t> blocks;      // block numbers (0-based); block n is bytes [n, n+1) × kBlockBytes
    std::vector<const unsigned char*> data; // the block's bytes, kBlockBytes of them or fewer for the
                                            // file's last block; valid only during the call
    std::size_t blockLength(std::size_t i) const {
        const std::uint64_t start = std::uint64_t{blocks[i]} * kBlockBytes;
        return static_cast<std::size_t>(std::min<std::uint64_t>(kBlockBytes, fileSize - start));
    }
};

using PageSink = std::function<void(const PageBatch&)>;

// Registers the VFS under `name` (once). Files are named as SQLite opens them.
void registerPageVfs(const char* name);
// Sets what receives the commits of the main database file `fileName`.
void setPageSink(const std::string& fileName, PageSink sink);
// Makes the file `size` bytes of blocks before it is opened and returns them, for the caller to
// fill — every byte of the file — with the persisted bytes (start-up: no second copy of a large file). With
// `rewriteAll` the next batch holds every block (a store kept in another layout is rewritten whole).
std::vector<unsigned char*> preloadBlocks(const std::string& fileName, std::size_t size, bool rewriteAll = false);
// The same from an image in one piece (tests, tools).
void preloadPages(const std::string& fileName, const std::vector<unsigned char>& image, bool rewriteAll = false);
// A copy of a file's current bytes (backups, tests).
std::vector<unsigned char> pageFileImage(const std::string& fileName);
void forgetPageFile(const std::string& fileName);

} // namespace tousu::store
