// Completions from the browser (a file read, WebCrypto's answer, IndexedDB's save state, another
// tab taking over) arrive from JavaScript between frames. They are queued here and run at the start
// of the next frame, before it is built, so the desk never changes under a frame being drawn
// (Tracy's RunQueue, ImHex's TaskManager::doLater).
#pragma once
#include <functional>

namespace tousu::platform {

// Runs `task` at the start of the next frame (and asks for one).
void doLater(std::function<void()> task);

} // namespace tousu::platform
