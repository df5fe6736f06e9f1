#include "ui/theme.h"

#include <cstdio>
#include <imgui.h>

namespace tousu::ui {

namespace {
float g_fontSizePx = kFontSizePx;
}

void setFontSizePx(float px) {
    for (float offered : kFontSizes)
        if (px == offered) g_fontSizePx = px;
}

float fontSizePx() { return g_fontSizePx; }

void applyTheme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 4.0f;
    s.FrameRounding = 3.0f;
    s.PopupRounding = 3.0f;
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(10, 8);
    s.WindowPadding = ImVec2(12, 10);
    s.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    // Light grey fields: the light style's white ones vanish on white popups and dialogs.
    s.Colors[ImGuiCol_FrameBg] = ImVec4(0.91f, 0.92f, 0.94f, 1.0f);
    s.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.85f, 0.89f, 0.95f, 1.0f);
}

bool loadFonts(const char* fontPath, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // One range covering the BMP: stb_truetype skips code points the (subset) font lacks, so the
    // atlas holds exactly the glyphs the build put into the font file.
    static const ImWchar kRanges[] = {0x0020, 0xFFFF, 0};
    ImFontConfig config;
    config.OversampleH = 1; // CJK glyphs are dense; horizontal oversampling only costs atlas space
    config.OversampleV = 1;
    config.PixelSnapH = true;
    std::FILE* f = fontPath ? std::fopen(fontPath, "rb") : nullptr;
    const bool found = f != nullptr;
    if (f) std::fclose(f);
    if (found)
        io.Fonts->AddFontFromFileTTF(fontPath, g_fontSizePx * scale, &config, kRanges);
    else {
        ImFontConfig fallback;
        fallback.SizePixels = g_fontSizePx * scale;
        io.Fonts->AddFontDefault(&fallback);
    }
    io.Fonts->TexDesiredWidth = scale > 1.0f ? 4096 : 2048;
    io.FontGlobalScale = 1.0f / scale;
    return found;
}

} // namespace tousu::ui
