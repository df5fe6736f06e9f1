// DOM KeyboardEvent.keyCode -> ImGuiKey. keyCode is layout-translated for letters in every engine,
// which is what shortcuts like Ctrl+C want.
#pragma once
#include <imgui.h>

namespace tousu::platform::web {
ImGuiKey keyFromDomKeyCode(int keyCode, int location);
} // namespace tousu::platform::web
