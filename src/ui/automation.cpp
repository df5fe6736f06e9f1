// [SECTION] Frame bookkeeping — ItemAdd gives id + rectangle + window; ItemInfo (right after, for
// labelled items) gives the label. Only items with a label and a visible rectangle are reported.
// [SECTION] Test-engine hook definitions required by IMGUI_ENABLE_TEST_ENGINE.
#include "ui/automation.h"

#include "core/fields.h"

#include <cstdio>
#include <imgui.h>
#include <imgui_internal.h>

namespace tousu::ui::automation {

namespace {

struct Pending {
    ImGuiID id;
    ImRect rect;
    std::string window;
    bool cut;
};

struct Data {
    std::vector<Pending> pending; // items added this frame, awaiting a label
    std::vector<Widget> current;  // labelled items this frame
    std::vector<Widget> last;     // the previous complete frame
};

Data& data() {
    static Data d;
    return d;
}

void appendNumber(std::string& out, const char* name, float v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, ",\"%s\":%.1f", name, v);
    out += buf;
}

} // namespace

void install() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void endFrame() {
    Data& d = data();
    d.last.swap(d.current);
    d.current.clear();
    d.pending.clear();
}

const std::vector<Widget>& lastFrame() { return data().last; }

std::string idFromLabel(const std::string& label) {
    const std::size_t pos = label.rfind("##");
    return pos == std::string::npos ? std::string() : label.substr(pos + 2);
}

void noteValue(unsigned int imguiId, const char* utf8) {
    for (auto it = data().current.rbegin(); it != data().current.rend(); ++it) {
        if (it->imguiId != imguiId) continue;
        it->hasValue = true;
        it->value = utf8;
        return;
    }
}

void noteLabel(unsigned int imguiId, const char* label) {
    ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), imguiId, label, 0);
}

std::string lastFrameJson() {
    std::string out = "[";
    for (const Widget& w : data().last) {
        if (out.size() > 1) out += ',';
        out += "{\"label\":";
        core::appendJsonString(out, w.label);
        out += ",\"id\":";
        core::appendJsonString(out, w.id);
        out += ",\"window\":";
        core::appendJsonString(out, w.window);
        appendNumber(out, "x", w.x);
        appendNumber(out, "y", w.y);
        appendNumber(out, "w", w.w);
        appendNumber(out, "h", w.h);
        if (w.hasValue) {
            out += ",\"value\":";
            core::appendJsonString(out, w.value);
        }
        if (w.focused) out += ",\"focused\":true";
        if (w.cut) out += ",\"cut\":true";
        out += '}';
    }
    return out + "]";
}

} // namespace tousu::ui::automation

// [SECTION] Hooks called by Dear ImGui (global namespace, signatures fixed by imgui_internal.h).
using tousu::ui::automation::data;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item) {
    ImGuiWindow* window = ctx->CurrentWindow;
    // item == NULL registers a window itself, which is not an interactive item.
    if (!item || !window || !bb.Overlaps(window->ClipRect)) return;
    ImRect visible = bb;
    visible.ClipWith(window->ClipRect);
    // Cut at the side: wider than the room its window or table column gives it (not scrolled out of
    // view above or below, which lists do all the time).
    const bool cut = bb.Min.x < window->ClipRect.Min.x - 1 || bb.Max.x > window->ClipRect.Max.x + 1;
    data().pending.push_back({id, visible, window->Name, cut});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    // Composite widgets report twice (MenuItem draws a Selectable with an empty label, then reports
    // its own): a later non-empty label for the same item replaces the earlier one.
    auto& current = data().current;
    if (!current.empty() && current.back().imguiId == id) {
        if (label && *label) {
            current.back().label = label;
            current.back().id = tousu::ui::automation::idFromLabel(label);
        }
        return;
    }
    auto& pending = data().pending;
    for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
        if (it->id != id) continue;
        tousu::ui::automation::Widget w;
        w.label = label ? label : "";
        w.id = tousu::ui::automation::idFromLabel(w.label);
        w.window = it->window;
        w.imguiId = id;
        w.focused = ctx->ActiveId == id || (ctx->ActiveId == 0 && ctx->NavId == id);
        w.cut = it->cut;
        w.x = it->rect.Min.x;
        w.y = it->rect.Min.y;
        w.w = it->rect.GetWidth();
        w.h = it->rect.GetHeight();
        data().current.push_back(std::move(w));
        pending.erase(std::next(it).base());
        return;
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
