// Downloads, the file picker and drag-and-drop (web/js/lib_files.js): bytes cross the JS boundary
// once, through the wasm heap.
#include <emscripten.h>

#include "platform/platform.h"
#include "platform/web/run_queue.h"

extern "C" {
void tousu_files_install(double maxBytes);
void tousu_files_save(const char* name, const char* mimeType, const char* data, double size);
int tousu_files_piece(const char* data, double size);
void tousu_files_save_pieces(const char* name, const char* mimeType);
void tousu_files_drop_pieces(void);
void tousu_files_pick(const char* accept);
void tousu_files_pick_attachments(const char* accept, double maxBytes);
void tousu_files_drop_attachments(double maxBytes);
void tousu_files_open(const char* name, const char* mimeType, const char* data, double size);
}

namespace tousu::platform {

namespace {

// Larger files are refused before they are copied into the wasm heap (sync::kMaxBundleBytes).
constexpr double kMaxFileBytes = 512.0 * 1024 * 1024;
FileReceived g_received;

} // namespace

void saveFile(const std::string& name, const std::string& mimeType, const std::string& bytes) {
    tousu_files_save(name.c_str(), mimeType.c_str(), bytes.data(), static_cast<double>(bytes.size()));
}

core::Status saveFileInPieces(const std::string& name, const std::string& mimeType,
                              const std::function<core::Status(const PieceSink&)>& produce) {
    tousu_files_drop_pieces();
    bool taken = true;
    auto st = produce([&](std::string_view piece) {
        taken = taken && tousu_files_piece(piece.data(), static_cast<double>(piece.size())) != 0;
    });
    if (st && !taken)
        st = core::makeError(core::ErrorCode::Storage, "error.storage", "the browser did not take the file");
    if (st)
        tousu_files_save_pieces(name.c_str(), mimeType.c_str());
    else
        tousu_files_drop_pieces();
    return st;
}

void onFileReceived(FileReceived f) {
    g_received = std::move(f);
    tousu_files_install(kMaxFileBytes);
}

void pickFile(const char* accept) { tousu_files_pick(accept); }
void pickAttachments(const char* accept, double maxBytes) { tousu_files_pick_attachments(accept, maxBytes); }
void acceptDroppedAttachments(double maxBytes) { tousu_files_drop_attachments(maxBytes); }

void openFile(const std::string& name, const std::string& mimeType, const std::string& bytes) {
    tousu_files_open(name.c_str(), mimeType.c_str(), bytes.data(), static_cast<double>(bytes.size()));
}

} // namespace tousu::platform

extern "C" EMSCRIPTEN_KEEPALIVE void tousu_on_file(const char* name, const char* data, double size,
                                                   const char* errorKey, int attachment) {
    tousu::platform::doLater([name = std::string(name),
                              bytes = std::string(data ? data : "", data ? static_cast<std::size_t>(size) : 0),
                              error = std::string(errorKey ? errorKey : ""), attachment]() mutable {
        if (tousu::platform::g_received) tousu::platform::g_received(name, std::move(bytes), error, attachment != 0);
    });
}
