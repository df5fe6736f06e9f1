#include "store/page_vfs.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sqlite3.h>

namespace tousu::store {

namespace {

// The file as a list of blocks: growing a 1 GB file never reallocates (nor needs a second copy of
// it alive), and a commit hands the store pointers into the blocks it changed.
struct MemFile {
    std::vector<std::unique_ptr<unsigned char[]>> blocks; // kBlockBytes each, zero-filled unless preloaded
    std::size_t size = 0;
    std::set<std::uint32_t> dirty;
    std::uint32_t pageSize = 0;
    PageSink sink;

    void reserve(std::size_t bytes) {
        while (blocks.size() * kBlockBytes < bytes) blocks.emplace_back(new unsigned char[kBlockBytes]());
    }
    // Blocks for `bytes` that the caller overwrites at once: only what lies past `bytes` is zeroed
    // (zeroing a 1 GB file first cost seconds of the browser's start-up).
    void reserveToFill(std::size_t bytes) {
        while (blocks.size() * kBlockBytes < bytes) blocks.emplace_back(new unsigned char[kBlockBytes]);
        if (bytes % kBlockBytes)
            std::memset(blocks.back().get() + bytes % kBlockBytes, 0, kBlockBytes - bytes % kBlockBytes);
    }
    // Calls f(block number, pointer into that block, length) for each piece of
    // [offset, offset + amount), in order; the blocks must exist.
    template <class F> void pieces(std::size_t offset, std::size_t amount, F&& f) const {
        while (amount > 0) {
            const std::size_t b = offset / kBlockBytes, at = offset % kBlockBytes;
            const std::size_t n = std::min<std::size_t>(amount, kBlockBytes - at);
            f(b, blocks[b].get() + at, n);
            offset += n;
            amount -= n;
        }
    }
};

std::map<std::string, std::shared_ptr<MemFile>>& files() {
    static std::map<std::string, std::shared_ptr<MemFile>> f;
    return f;
}

struct Handle {
    sqlite3_file base;
    std::shared_ptr<MemFile>* file; // owned by this handle
    bool main;
};

MemFile& fileOf(sqlite3_file* f) { return **reinterpret_cast<Handle*>(f)->file; }

int xClose(sqlite3_file* f) {
    delete reinterpret_cast<Handle*>(f)->file;
    return SQLITE_OK;
}

int xRead(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
    const MemFile& m = fileOf(f);
    const auto off = static_cast<std::size_t>(offset);
    const std::size_t available = off < m.size ? std::min<std::size_t>(amount, m.size - off) : 0;
    auto* to = static_cast<unsigned char*>(out);
    m.pieces(off, available, [&](std::size_t, const unsigned char* from, std::size_t n) {
        std::memcpy(to, from, n);
        to += n;
    });
    if (available < static_cast<std::size_t>(amount)) {
        std::memset(static_cast<unsigned char*>(out) + available, 0, amount - available);
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

int xWrite(sqlite3_file* f, const void* in, int amount, sqlite3_int64 offset) {
    MemFile& m = fileOf(f);
    const auto off = static_cast<std::size_t>(offset);
    const bool main = reinterpret_cast<Handle*>(f)->main;
    m.reserve(off + amount);
    const auto* from = static_cast<const unsigned char*>(in);
    m.pieces(off, static_cast<std::size_t>(amount), [&](std::size_t b, unsigned char* to, std::size_t n) {
        // A page written back unchanged is not a change: a rollback replays the journal's pages over
        // identical ones, and the store must not be written for a transaction that never happened.
        const bool same = (to - m.blocks[b].get()) + n + b * kBlockBytes <= m.size && std::memcmp(to, from, n) == 0;
        std::memcpy(to, from, n);
        if (main && !same) m.dirty.insert(static_cast<std::uint32_t>(b));
        from += n;
    });
    m.size = std::max(m.size, off + amount);
    // SQLite writes the main database a whole page at a time (the header page first).
    if (main && m.pageSize == 0) m.pageSize = static_cast<std::uint32_t>(amount);
    return SQLITE_OK;
}

int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    MemFile& m = fileOf(f);
    const auto keep = static_cast<std::size_t>(size);
    if (keep >= m.size) return SQLITE_OK;
    m.size = keep;
    m.blocks.resize((keep + kBlockBytes - 1) / kBlockBytes);
    if (keep % kBlockBytes)
        std::memset(m.blocks.back().get() + keep % kBlockBytes, 0, kBlockBytes - keep % kBlockBytes);
    m.dirty.erase(m.dirty.lower_bound(static_cast<std::uint32_t>(m.blocks.size())), m.dirty.end());
    // SQLite may truncate after its last sync of a commit (VACUUM does), so the new size goes to
    // the sink at once. Tail blocks left behind by a crash in between are harmless: the database
    // header holds the page count.
    if (reinterpret_cast<Handle*>(f)->main && m.sink) {
        PageBatch batch;
        batch.pageSize = m.pageSize;
        batch.fileSize = m.size;
        m.sink(batch);
    }
    return SQLITE_OK;
}

int xSync(sqlite3_file* f, int) {
    auto* h = reinterpret_cast<Handle*>(f);
    MemFile& m = **h->file;
    if (!h->main || !m.sink || m.dirty.empty()) return SQLITE_OK;
    PageBatch batch;
    batch.pageSize = m.pageSize;
    batch.fileSize = m.size;
    for (const std::uint32_t b : m.dirty) {
        if (static_cast<std::size_t>(b) * kBlockBytes >= m.size) continue;
        batch.blocks.push_back(b);
        batch.data.push_back(m.blocks[b].get());
    }
    m.sink(batch);
    m.dirty.clear();
    return SQLITE_OK;
}

int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    *size = static_cast<sqlite3_int64>(fileOf(f).size);
    return SQLITE_OK;
}

int xLock(sqlite3_file*, int) { return SQLITE_OK; }
int xUnlock(sqlite3_file*, int) { return SQLITE_OK; }
int xCheckReservedLock(sqlite3_file*, int* out) {
    *out = 0;
    return SQLITE_OK;
}
int xFileControl(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int xSectorSize(sqlite3_file*) { return 4096; }
int xDeviceCharacteristics(sqlite3_file*) { return SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_POWERSAFE_OVERWRITE; }

const sqlite3_io_methods kMethods = {1,
                                     xClose,
                                     xRead,
                                     xWrite,
                                     xTruncate,
                                     xSync,
                                     xFileSize,
                                     xLock,
                                     xUnlock,
                                     xCheckReservedLock,
                                     xFileControl,
                                     xSectorSize,
                                     xDeviceCharacteristics,
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     nullptr};

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* outFlags) {
    static int anonymous = 0;
    const std::string key = name ? name : "temp-" + std::to_string(++anonymous);
    auto& slot = files()[key];
    if (!slot) slot = std::make_shared<MemFile>();
    auto* h = reinterpret_cast<Handle*>(f);
    h->base.pMethods = &kMethods;
    h->file = new std::shared_ptr<MemFile>(slot);
    h->main = (flags & SQLITE_OPEN_MAIN_DB) != 0;
    if (outFlags) *outFlags = flags;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs*, const char* name, int) {
    files().erase(name);
    return SQLITE_OK;
}

int xAccess(sqlite3_vfs*, const char* name, int, int* out) {
    const auto it = files().find(name);
    *out = it != files().end() && it->second->size > 0;
    return SQLITE_OK;
}

int xFullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
    sqlite3_snprintf(n, out, "%s", name);
    return SQLITE_OK;
}

int xRandomness(sqlite3_vfs*, int n, char* out) {
    static std::mt19937 rng(static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count()));
    for (int i = 0; i < n; ++i) out[i] = static_cast<char>(rng());
    return n;
}

int xSleep(sqlite3_vfs*, int micro) { return micro; }

int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    using namespace std::chrono;
    *out = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() + 210866760000000LL;
    return SQLITE_OK;
}

int xCurrentTime(sqlite3_vfs* vfs, double* out) {
    sqlite3_int64 ms = 0;
    xCurrentTimeInt64(vfs, &ms);
    *out = static_cast<double>(ms) / 86400000.0;
    return SQLITE_OK;
}

int xGetLastError(sqlite3_vfs*, int, char*) { return 0; }

} // namespace

void registerPageVfs(const char* name) {
    static sqlite3_vfs vfs;
    if (sqlite3_vfs_find(name)) return;
    vfs = sqlite3_vfs{2,
                      static_cast<int>(sizeof(Handle)),
                      512,
                      nullptr,
                      name,
                      nullptr,
                      xOpen,
                      xDelete,
                      xAccess,
                      xFullPathname,
                      nullptr,
                      nullptr,
                      nullptr,
                      nullptr,
                      xRandomness,
                      xSleep,
                      xCurrentTime,
                      xGetLastError,
                      xCurrentTimeInt64,
                      nullptr,
                      nullptr,
                      nullptr};
    sqlite3_vfs_register(&vfs, 0);
}

void setPageSink(const std::string& fileName, PageSink sink) {
    auto& slot = files()[fileName];
    if (!slot) slot = std::make_shared<MemFile>();
    slot->sink = std::move(sink);
}

std::vector<unsigned char*> preloadBlocks(const std::string& fileName, std::size_t size, bool rewriteAll) {
    auto& slot = files()[fileName];
    slot = std::make_shared<MemFile>();
    slot->reserveToFill(size);
    slot->size = size;
    std::vector<unsigned char*> out;
    for (std::size_t b = 0; b < slot->blocks.size(); ++b) {
        out.push_back(slot->blocks[b].get());
        if (rewriteAll) slot->dirty.insert(static_cast<std::uint32_t>(b));
    }
    return out;
}

void preloadPages(const std::string& fileName, const std::vector<unsigned char>& image, bool rewriteAll) {
    const auto blocks = preloadBlocks(fileName, image.size(), rewriteAll);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const std::size_t at = b * kBlockBytes;
        std::memcpy(blocks[b], image.data() + at, std::min<std::size_t>(kBlockBytes, image.size() - at));
    }
}

std::vector<unsigned char> pageFileImage(const std::string& fileName) {
    const auto it = files().find(fileName);
    if (it == files().end()) return {};
    std::vector<unsigned char> out(it->second->size);
    it->second->pieces(0, out.size(),
                       [&, at = std::size_t{0}](std::size_t, const unsigned char* from, std::size_t n) mutable {
                           std::memcpy(out.data() + at, from, n);
                           at += n;
                       });
    return out;
}

void forgetPageFile(const std::string& fileName) { files().erase(fileName); }

} // namespace tousu::store
