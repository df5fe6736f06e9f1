// What the desk asks of the page it runs in (the platform, wired in main.cpp). The UI never
// calls the platform itself: dependencies flow platform → ui.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "app/replication.h"
#include "core/result.h"
#include "sync/sealed.h"

namespace tousu::ui {

// How safe the browser keeps the data (platform::StorageStatus, seen from the UI).
struct StorageInfo {
    bool known = false;
    bool persisted = true, safariRisk = false;
    double usedBytes = 0, quotaBytes = 0;
};

struct Host {
    std::function<void()> takeOverWriting;
    std::function<void()> retrySaving;   // after a failed save: try again now
    std::function<void()> requestRedraw; // more frames soon: work spread over frames is not done
    std::function<void(const std::string& name, const std::string& mimeType, const std::string& bytes)> saveFile;
    std::function<void(const char* accept)> pickFile;
    // Files to attach to a case (platform::pickAttachments, acceptDroppedAttachments, openFile).
    std::function<void(const char* accept, double maxBytes)> pickAttachments;
    std::function<void(double maxBytes)> acceptDroppedAttachments;
    std::function<void(const std::string& name, const std::string& mimeType, const std::string& bytes)> openFile;
    // Pictures as textures (platform::decodeImage, releaseImage); empty where nothing draws them.
    using ImageDecoded = std::function<void(std::uintptr_t texture, int width, int height)>;
    std::function<void(const std::string& bytes, const std::string& mimeType, int maxSide, ImageDecoded done)>
        decodeImage;
    std::function<void(std::uintptr_t texture)> releaseImage;
    // A file made in pieces (a large database's backup), offered only if `produce` returns Ok.
    using PieceSink = std::function<void(std::string_view piece)>;
    std::function<core::Status(const std::string& name, const std::string& mimeType,
                               const std::function<core::Status(const PieceSink&)>& produce)>
        saveFileInPieces;
    // Passphrase encryption of bundles (sync/sealed.h); the answer may come after a few frames.
    // Both empty where the browser cannot encrypt: the desk then offers no encryption.
    using Sealing = std::function<void(core::Result<sync::Sealed>)>;
    using Opening = std::function<void(core::Result<std::string>)>;
    std::function<void(const std::string& plain, const std::string& passphrase, Sealing done)> seal;
    std::function<void(const sync::Sealed& sealed, const std::string& passphrase, Opening done)> unseal;
    // This tab's small store, for typing not yet saved (the intake draft): survives a reload, gone with
    // the tab (sessionStorage, never localStorage: a customer's name must not outlive the tab).
    std::function<std::string(const std::string& key)> readSession;
    std::function<void(const std::string& key, const std::string& value)> writeSession;
    // Set only when the stored database was damaged at start-up and the desk runs over an empty one:
    // a restored backup is written in its place this way (the page then reloads).
    std::function<void(const std::string& image)> replaceStoredDatabase;
    // One frame after `ms` (a retry that is due then). The page keeps one such timer, the earliest
    // asked for: whatever still needs a frame later asks again on every frame it draws.
    std::function<void(double ms)> requestRedrawAfter;
    // What to add to such a wait: a browser timer may fire a millisecond before the clock reaches its
    // time, and a frame that finds nothing due yet would ask for none again.
    static constexpr double kTimerSlackMs = 10;
    // Live sync's HTTP (fetch, with the browser's cookies for the server); `done` runs between frames.
    using HttpDone = std::function<void(const app::HttpAnswer&)>;
    std::function<void(const std::string& method, const std::string& url, const std::string& body, long timeoutMs,
                       HttpDone done)>
        http;
};

} // namespace tousu::ui
