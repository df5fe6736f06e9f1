// Runs ImGui frames with no backend (ImGui 1.90 needs none: display size + a built font atlas),
// feeding input through io.Add*Event as a platform layer would.
#pragma once
#include <functional>
#include <imgui.h>
#include <string>

#include "ui/automation.h"

namespace tousu::test {

class Headless {
  public:
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard; // as the web platform sets it
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        ui::automation::install();
    }
    ~Headless() { ImGui::DestroyContext(); }

    void frame(const std::function<void()>& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        ui::automation::endFrame();
    }

    const ui::automation::Widget* widget(const std::string& id) const {
        for (const auto& w : ui::automation::lastFrame())
            if (w.id == id) return &w;
        return nullptr;
    }

    // Press and release the left button on a widget of the last frame: at its centre, or `dx`
    // from its left edge (table rows: their centre may be a column border's resize handle).
    // A frame first: a layout that follows its content (the intake's save bar) settles a frame late.
    void click(const std::string& id, const std::function<void()>& draw, float dx = -1) {
        frame(draw);
        const auto* w = widget(id);
        if (!w) return;
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(dx < 0 ? w->x + w->w / 2 : w->x + dx, w->y + w->h / 2);
        frame(draw);
        io.AddMouseButtonEvent(0, true);
        frame(draw);
        io.AddMouseButtonEvent(0, false);
        frame(draw);
        frame(draw);
    }

    // Presses and releases `key`, with `mod` held (Ctrl unless said otherwise), then draws a frame more.
    void chord(ImGuiKey key, const std::function<void()>& draw, ImGuiKey mod = ImGuiMod_Ctrl) {
        ImGuiIO& io = ImGui::GetIO();
        if (mod != ImGuiKey_None) io.AddKeyEvent(mod, true);
        io.AddKeyEvent(key, true);
        frame(draw);
        io.AddKeyEvent(key, false);
        if (mod != ImGuiKey_None) io.AddKeyEvent(mod, false);
        frame(draw);
        frame(draw);
    }
    void press(ImGuiKey key, const std::function<void()>& draw) { chord(key, draw, ImGuiKey_None); }

    // The id of the item that has the keyboard focus in the last frame ("" if none).
    std::string focused() const {
        for (const auto& w : ui::automation::lastFrame())
            if (w.focused) return w.id;
        return {};
    }
};

} // namespace tousu::test
