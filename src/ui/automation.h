// The automation contract (DESIGN.md): the interactive items of the last frame with their label,
// stable id (after "##"), window and rectangle in display (CSS) pixels, and text fields' values.
// Fed by Dear ImGui's test-engine item hooks, so no screen has to register anything itself.
#pragma once
#include <string>
#include <vector>

namespace tousu::ui::automation {

struct Widget {
    std::string label; // as submitted, including any "##suffix"
    std::string id;    // the part after the last "##"; empty if the label has none
    std::string window;
    float x = 0, y = 0, w = 0, h = 0;
    bool hasValue = false;
    std::string value;    // text inputs: current UTF-8 text
    bool focused = false; // the keyboard focus (ImGui's nav item, or the text field being edited)
    bool cut = false;     // partly hidden at the left or right by its window or table column
    unsigned int imguiId = 0;
};

void install();  // enable the hooks on the current ImGui context
void endFrame(); // call after ImGui::Render(): the frame's items become "last frame"
const std::vector<Widget>& lastFrame();
std::string lastFrameJson();
// Text widgets report their buffer here (called by ui::widgets, not by screens).
void noteValue(unsigned int imguiId, const char* utf8);
// Labels an item whose widget reports no label to the hooks (Dear ImGui 1.90's BeginCombo).
void noteLabel(unsigned int imguiId, const char* label);

std::string idFromLabel(const std::string& label);

} // namespace tousu::ui::automation
