// What the desk needs from the outside world, one implementation per target (platform/web/…).
// The UI asks for frames here; the platform decides when to actually render them.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "app/replication.h"
#include "app/save_state.h"
#include "core/result.h"
#include "sync/sealed.h"

namespace tousu::platform {

// What the page calls into, handed in by main.cpp: the platform knows ImGui, never the desk.
struct Callbacks {
    std::function<void()> drawFrame;    // build the ImGui frame (between NewFrame and Render)
    std::function<void()> setUpContext; // once the ImGui context exists: style, automation hooks
    std::function<float()> fontSizePx;  // the text size chosen (CSS pixels); a change rebuilds the atlas
    std::function<void(const char* fontPath, float scale)> loadFonts; // fill the atlas at this scale
    std::function<void()> frameRendered;      // after each frame is drawn (automation: its items)
    std::function<std::string()> widgetsJson; // window.tousu.widgets()
};

// [SECTION] Files the user saves and opens (platform/web/files.cpp)

// Offers `bytes` to the user as a download named `name`.
void saveFile(const std::string& name, const std::string& mimeType, const std::string& bytes);
// The same for a file made in pieces (a large database's backup): `produce` hands each piece to the
// sink it gets, and the download is offered only if it returns Ok. The pieces are kept outside the
// wasm heap, so the file is never there whole.
using PieceSink = std::function<void(std::string_view piece)>;
core::Status saveFileInPieces(const std::string& name, const std::string& mimeType,
                              const std::function<core::Status(const PieceSink&)>& produce);
// A file the user picked or dropped on the page: its name and bytes (gzip already undone, except for
// an attachment, taken as it is), or a message key saying why it could not be read (then `bytes` is empty).
using FileReceived =
    std::function<void(const std::string& name, std::string bytes, const std::string& errorKey, bool attachment)>;
// Where files arrive; set once. Dropping a file anywhere on the page delivers it too.
void onFileReceived(FileReceived f);
// Opens the browser's file picker for files matching `accept` (e.g. ".json,.gz").
void pickFile(const char* accept);
// The same for files to attach to a case, several at once; one over `maxBytes` arrives refused
// (error.attachment_too_large) without being read.
void pickAttachments(const char* accept, double maxBytes);
// While `maxBytes` > 0, files dropped on the page are attachments (each file delivered in turn).
void acceptDroppedAttachments(double maxBytes);
// Opens the bytes in a new tab (the browser's viewer for pictures and PDFs, its player for
// recordings); a download where the browser blocks the tab.
void openFile(const std::string& name, const std::string& mimeType, const std::string& bytes);

// [SECTION] Pictures attached to cases (platform/web/images.cpp): decoded by the browser, drawn by ImGui

// `done` gets a texture (an ImTextureID) of the picture scaled to fit `maxSide` pixels, later, between
// frames; texture 0 when the browser cannot decode the bytes. Each texture is released by its owner.
using ImageDecoded = std::function<void(std::uintptr_t texture, int width, int height)>;
void decodeImage(const std::string& bytes, const std::string& mimeType, int maxSide, ImageDecoded done);
void releaseImage(std::uintptr_t texture);

// [SECTION] Passphrase encryption of bundles (platform/web/crypto.cpp, WebCrypto); `done` runs later.

// False outside secure contexts (plain http to another machine): WebCrypto is missing there.
bool cryptoAvailable();
void seal(const std::string& plain, const std::string& passphrase,
          std::function<void(core::Result<sync::Sealed>)> done);
void unseal(const sync::Sealed& sealed, const std::string& passphrase,
            std::function<void(core::Result<std::string>)> done);

// [SECTION] HTTP for live sync (platform/web/http.cpp, fetch with the browser's cookies)

using HttpDone = std::function<void(const app::HttpAnswer&)>;
// `done` runs later, between frames; status 0 when no answer came within `timeoutMs`.
void httpRequest(const std::string& method, const std::string& url, const std::string& body, long timeoutMs,
                 HttpDone done);

// [SECTION] This tab's small store (sessionStorage): synchronous, survives a reload, gone with the tab

std::string readSession(const std::string& key);                     // "" when absent
void writeSession(const std::string& key, const std::string& value); // "" removes

// [SECTION] The page

// Sets up the window/canvas, graphics, input and fonts, then returns; frames run on demand.
bool start(Callbacks callbacks);
// Render a few more frames soon (input, data change). Cheap to call often.
void requestRedraw();
// Render once after `ms` milliseconds (deadline clocks, tooltips); the earliest request wins.
void requestRedrawAfter(double ms);

using app::SaveState;

struct DatabaseLocation {
    std::string path;
    const char* vfs; // SQLite VFS name, nullptr for the default
    bool persistent; // false: nothing survives a reload
    bool writer;     // false: another tab is writing; this one is read-only
};

// Loads the persisted database (if the browser can keep one) and says where to open it; commits
// are then saved in the background and `onSaveState` reports their progress; `onWriter` reports
// that another tab took over writing.
DatabaseLocation prepareDatabase(std::function<void(SaveState)> onSaveState, std::function<void(bool)> onWriter);
// Reloads this tab as the writer; the tab writing until now becomes read-only.
void takeOverWriting();
// After SaveState::Failed (quota, I/O), tries the failed write again now instead of at the next
// retry (they back off from 2 s to a minute).
void retrySaving();
// Reloads the page (after a restore: the app starts again over the restored data).
void reloadPage();
// When the stored database could not be opened (damaged or truncated pages), start-up goes on over
// an empty database in memory and leaves the stored pages as they are. This writes a whole image
// (a restored backup) in their place in one transaction, then reloads the page.
void replaceStoredDatabase(const std::string& image);

// How safe the browser keeps the data; reported once, soon after start.
struct StorageStatus {
    bool persisted = false;  // navigator.storage.persist() granted: not evicted under pressure
    bool safariRisk = false; // Safari outside an installed app: deleted after 7 days unused
    double usedBytes = 0, quotaBytes = 0;
};
void onStorageStatus(std::function<void(const StorageStatus&)> f);

} // namespace tousu::platform
