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
    void click(const std::string& id, const std::function<void()>& draw, float dx = -1) {
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

    void chord(ImGuiKey key, const std::function<void()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(key, true);
        frame(draw);
        io.AddKeyEvent(key, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
        frame(draw);
    }
};

} // namespace tousu::test
