// The look of the desk, set once: colours, spacing, font size. No per-screen styling.
#pragma once

namespace tousu::ui {

constexpr float kFontSizePx = 16.0f; // CSS pixels; rasterised at this size × devicePixelRatio
constexpr float kFontSizes[] = {14.0f, 16.0f, 18.0f, 20.0f, 24.0f}; // what settings offer

// The text size chosen in settings (kFontSizePx until then). The platform rebuilds the font atlas
// between frames when it differs from the size the atlas was built at.
void setFontSizePx(float px);
float fontSizePx();

void applyTheme();
// Loads the CJK font subset at fontSizePx() × scale (ImGui's default font if the file is missing)
// and sets FontGlobalScale so that layout stays in CSS pixels. Returns false on a missing font.
bool loadFonts(const char* fontPath, float scale);

} // namespace tousu::ui
