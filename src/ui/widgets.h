// Our shared widgets (never in namespace ImGui). Text fields report their value to the automation
// contract here, once, instead of in every screen.
#pragma once
#include <string>

#include <imgui.h>

namespace tousu::ui::widgets {

bool textField(const std::string& label, std::string& value, const char* hint = nullptr,
               ImGuiInputTextFlags flags = 0);
bool textArea(const std::string& label, std::string& value, ImVec2 size, ImGuiInputTextFlags flags = 0);
void emptyState(const char* text);

} // namespace tousu::ui::widgets
