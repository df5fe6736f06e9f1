// Browser persistence: the SQLite database lives in the page-store VFS (store/page_vfs.h) and each
// commit's pages go to IndexedDB through web/js/lib_idb.js. Without IndexedDB (private mode in some
// browsers) the database stays in memory and the app says nothing will be kept.
#include <emscripten.h>

#include <string>
#include <vector>

#include "platform/platform.h"
#include "platform/web/run_queue.h"
#include "store/page_vfs.h"

extern "C" {
int tousu_idb_image_size(void);
int tousu_idb_is_writer(void);
void tousu_idb_take_over(void);
void tousu_idb_retry(void);
void tousu_idb_replace(const unsigned char* image, double size, unsigned blockSize);
void tousu_page_reload(void);
void tousu_storage_watch(void);
void tousu_session_get(const char* key);
void tousu_session_set(const char* key, const char* value);
void tousu_idb_take_image(unsigned char* const* blocks, int count, unsigned blockSize);
unsigned tousu_idb_stored_block_size(void);
void tousu_idb_commit(unsigned blockSize, unsigned pageSize, double fileSize, int count, const unsigned* blockNumbers,
                      const unsigned char* const* data);
}

namespace tousu::platform {

namespace {

constexpr const char* kVfs = "tousu-pages";
constexpr const char* kFile = "tousu.db";
std::function<void(SaveState)> g_onSaveState;
std::function<void(bool)> g_onWriter;
std::function<void(const StorageStatus&)> g_onStorage;
std::string g_sessionValue; // tousu_session_get's answer

} // namespace

DatabaseLocation prepareDatabase(std::function<void(SaveState)> onSaveState, std::function<void(bool)> onWriter) {
    g_onSaveState = std::move(onSaveState);
    g_onWriter = std::move(onWriter);
    const int size = tousu_idb_image_size();
    if (size < 0) return {":memory:", nullptr, false, true};
    store::registerPageVfs(kVfs);
    // A store written page by page (before blocks) is rewritten in blocks with the next commit.
    const auto blocks = store::preloadBlocks(kFile, static_cast<std::size_t>(size),
                                             size > 0 && tousu_idb_stored_block_size() != store::kBlockBytes);
    tousu_idb_take_image(blocks.data(), static_cast<int>(blocks.size()), store::kBlockBytes);
    store::setPageSink(kFile, [](const store::PageBatch& b) {
        std::vector<unsigned> numbers(b.blocks.begin(), b.blocks.end());
        tousu_idb_commit(store::kBlockBytes, b.pageSize, static_cast<double>(b.fileSize),
                         static_cast<int>(numbers.size()), numbers.data(), b.data.data());
    });
    return {kFile, kVfs, true, tousu_idb_is_writer() != 0};
}

void takeOverWriting() { tousu_idb_take_over(); }

void retrySaving() { tousu_idb_retry(); }

void reloadPage() { tousu_page_reload(); }

void replaceStoredDatabase(const std::string& image) {
    tousu_idb_replace(reinterpret_cast<const unsigned char*>(image.data()), static_cast<double>(image.size()),
                      store::kBlockBytes);
}

void onStorageStatus(std::function<void(const StorageStatus&)> f) {
    g_onStorage = std::move(f);
    tousu_storage_watch();
}

std::string readSession(const std::string& key) {
    g_sessionValue.clear();
    tousu_session_get(key.c_str());
    return g_sessionValue;
}

void writeSession(const std::string& key, const std::string& value) { tousu_session_set(key.c_str(), value.c_str()); }

} // namespace tousu::platform

extern "C" EMSCRIPTEN_KEEPALIVE void tousu_on_session_value(const char* utf8) {
    tousu::platform::g_sessionValue = utf8 ? utf8 : "";
}

extern "C" EMSCRIPTEN_KEEPALIVE void tousu_on_writer(int writer) {
    tousu::platform::doLater([writer] {
        if (tousu::platform::g_onWriter) tousu::platform::g_onWriter(writer != 0);
    });
}

extern "C" EMSCRIPTEN_KEEPALIVE void tousu_on_save_state(int state) {
    using tousu::platform::SaveState;
    const SaveState s = state == 0 ? SaveState::Saved : state == 1 ? SaveState::Saving : SaveState::Failed;
    tousu::platform::doLater([s] {
        if (tousu::platform::g_onSaveState) tousu::platform::g_onSaveState(s);
    });
}

extern "C" EMSCRIPTEN_KEEPALIVE void tousu_on_storage(int persisted, int safariRisk, double used, double quota) {
    const tousu::platform::StorageStatus status{persisted != 0, safariRisk != 0, used, quota};
    tousu::platform::doLater([status] {
        if (tousu::platform::g_onStorage) tousu::platform::g_onStorage(status);
    });
}
