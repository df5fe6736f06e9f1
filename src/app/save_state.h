// Whether committed changes are safely kept: the browser's persistence reports it (platform/web),
// the app holds it for the desk to show; native databases are always Saved. One enum for both.
#pragma once

namespace tousu::app {

enum class SaveState { Memory, Saved, Saving, Failed };

} // namespace tousu::app
