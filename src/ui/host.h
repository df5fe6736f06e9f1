// What the desk asks of the page it runs in (the platform, wired in main.cpp). The UI never
// calls the platform itself: dependencies flow platform → ui.
#pragma once
#include <functional>
#include <string>

namespace tousu::ui {

// How safe the browser keeps the data (platform::StorageStatus, seen from the UI).
struct StorageInfo {
    bool known = false;
    bool persisted = true, safariRisk = false;
    double usedBytes = 0, quotaBytes = 0;
};

struct Host {
    std::function<void()> takeOverWriting;
    std::function<void(const std::string& name, const std::string& mimeType, const std::string& bytes)> saveFile;
    std::function<void(const char* accept)> pickFile;
};

} // namespace tousu::ui
