// The look of the desk, set once: colours, spacing, font size. No per-screen styling.
#pragma once

namespace tousu::ui {

constexpr float kFontSizePx = 16.0f;   // CSS pixels; rasterised at this size × devicePixelRatio

void applyTheme();
// Loads the CJK font subset at kFontSizePx × scale (ImGui's default font if the file is missing)
// and sets FontGlobalScale so that layout stays in CSS pixels. Returns false on a missing font.
bool loadFonts(const char* fontPath, float scale);

} // namespace tousu::ui
