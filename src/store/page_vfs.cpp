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

struct MemFile {
    std::vector<unsigned char> bytes;
    std::set<std::uint32_t> dirty;
    std::uint32_t pageSize = 0;
    PageSink sink;
};

std::map<std::string, std::shared_ptr<MemFile>>& files() {
    static std::map<std::string, std::shared_ptr<MemFile>> f;
    return f;
}

struct Handle {
    sqlite3_file base;
    std::shared_ptr<MemFile>* file;   // owned by this handle
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
    const std::size_t available = off < m.bytes.size() ? std::min<std::size_t>(amount, m.bytes.size() - off) : 0;
    if (available) std::memcpy(out, m.bytes.data() + off, available);
    if (available < static_cast<std::size_t>(amount)) {
        std::memset(static_cast<unsigned char*>(out) + available, 0, amount - available);
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

int xWrite(sqlite3_file* f, const void* in, int amount, sqlite3_int64 offset) {
    MemFile& m = fileOf(f);
    const auto off = static_cast<std::size_t>(offset);
    // A page written back unchanged is not a change: a rollback replays the journal's pages over
    // identical ones, and the store must not be written for a transaction that never happened.
    const bool same = off + amount <= m.bytes.size() && std::memcmp(m.bytes.data() + off, in, amount) == 0;
    if (m.bytes.size() < off + amount) m.bytes.resize(off + amount);
    std::memcpy(m.bytes.data() + off, in, amount);
    if (reinterpret_cast<Handle*>(f)->main && !same) {
        // SQLite writes the main database a whole page at a time (the header page first).
        if (m.pageSize == 0) m.pageSize = static_cast<std::uint32_t>(amount);
        for (std::size_t b = off / kBlockBytes; b * kBlockBytes < off + amount; ++b) m.dirty.insert(static_cast<std::uint32_t>(b));
    }
    return SQLITE_OK;
}

int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    MemFile& m = fileOf(f);
    if (static_cast<std::size_t>(size) >= m.bytes.size()) return SQLITE_OK;
    m.bytes.resize(static_cast<std::size_t>(size));
    m.dirty.erase(m.dirty.lower_bound(static_cast<std::uint32_t>((size + kBlockBytes - 1) / kBlockBytes)), m.dirty.end());
    // SQLite may truncate after its last sync of a commit (VACUUM does), so the new size goes to
    // the sink at once. Tail pages left behind by a crash in between are harmless: the database
    // header holds the page count.
    if (reinterpret_cast<Handle*>(f)->main && m.sink) {
        PageBatch batch;
        batch.pageSize = m.pageSize;
        batch.fileSize = m.bytes.size();
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
    batch.fileSize = m.bytes.size();
    for (const std::uint32_t b : m.dirty) {
        if (static_cast<std::size_t>(b) * kBlockBytes >= m.bytes.size()) continue;
        batch.blocks.push_back(b);
        batch.data.push_back(m.bytes.data() + static_cast<std::size_t>(b) * kBlockBytes);
    }
    m.sink(batch);
    m.dirty.clear();
    return SQLITE_OK;
}

int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    *size = static_cast<sqlite3_int64>(fileOf(f).bytes.size());
    return SQLITE_OK;
}

int xLock(sqlite3_file*, int) { return SQLITE_OK; }
int xUnlock(sqlite3_file*, int) { return SQLITE_OK; }
int xCheckReservedLock(sqlite3_file*, int* out) { *out = 0; return SQLITE_OK; }
int xFileControl(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int xSectorSize(sqlite3_file*) { return 4096; }
int xDeviceCharacteristics(sqlite3_file*) { return SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_POWERSAFE_OVERWRITE; }

const sqlite3_io_methods kMethods = {
    1, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock, xUnlock, xCheckReservedLock,
    xFileControl, xSectorSize, xDeviceCharacteristics, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};

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
    *out = it != files().end() && !it->second->bytes.empty();
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
    vfs = sqlite3_vfs{2, static_cast<int>(sizeof(Handle)), 512, nullptr, name, nullptr, xOpen, xDelete, xAccess,
                      xFullPathname, nullptr, nullptr, nullptr, nullptr, xRandomness, xSleep, xCurrentTime,
                      xGetLastError, xCurrentTimeInt64, nullptr, nullptr, nullptr};
    sqlite3_vfs_register(&vfs, 0);
}

void setPageSink(const std::string& fileName, PageSink sink) {
    auto& slot = files()[fileName];
    if (!slot) slot = std::make_shared<MemFile>();
    slot->sink = std::move(sink);
}

void preloadPages(const std::string& fileName, std::vector<unsigned char> image, bool rewriteAll) {
    auto& slot = files()[fileName];
    if (!slot) slot = std::make_shared<MemFile>();
    slot->bytes = std::move(image);
    slot->dirty.clear();
    if (rewriteAll)
        for (std::size_t b = 0; b * kBlockBytes < slot->bytes.size(); ++b) slot->dirty.insert(static_cast<std::uint32_t>(b));
    // The page size is stored big-endian at offset 16 of the header (1 means 65536).
    if (slot->bytes.size() >= 100) {
        const unsigned v = (slot->bytes[16] << 8) | slot->bytes[17];
        slot->pageSize = v == 1 ? 65536 : v;
    }
}

std::vector<unsigned char> pageFileImage(const std::string& fileName) {
    const auto it = files().find(fileName);
    return it == files().end() ? std::vector<unsigned char>{} : it->second->bytes;
}

void forgetPageFile(const std::string& fileName) { files().erase(fileName); }

} // namespace tousu::store
