// The look of the desk, set once: colours, spacing, font size. No per-screen styling.
#pragma once
#include <imgui.h>

namespace tousu::ui {

// What colours mean on the desk; screens use these, never a colour of their own. Charts keep their
// colour-blind-safe palette in chart.cpp.
namespace colour {
constexpr ImVec4 kDanger(0.80f, 0.10f, 0.10f, 1);            // overdue, errors, refusals
constexpr ImVec4 kWarning(0.80f, 0.50f, 0.00f, 1);           // near the limit, repeats, concurrent edits
constexpr ImVec4 kSuccess(0.10f, 0.55f, 0.20f, 1);           // saved, met, passed
constexpr ImVec4 kInfo(0.15f, 0.35f, 0.70f, 1);              // follow-ups, training
constexpr ImVec4 kText(0.15f, 0.15f, 0.15f, 1);              // ordinary figures
constexpr ImVec4 kMuted(0.40f, 0.40f, 0.40f, 1);             // no change, nothing to say
constexpr ImVec4 kTrainingBackground(0.86f, 0.92f, 1.0f, 1); // the training banner
} // namespace colour

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
