// Web platform layer for Dear ImGui on emscripten/html5.h + our JS libraries (web/js/lib_*.js).
//  [X] Renderer: OpenGL3 backend on a WebGL2 context, canvas backing store = CSS size × devicePixelRatio
//  [X] Mouse, pen and touch through pointer events (position always precedes the press)
//  [X] Keyboard with modifiers; Cmd on macOS
//  [X] IME: a hidden textarea placed at the caret receives compositions; committed text goes to ImGui
//  [X] Clipboard: internal copy answered from copy/cut events, filled from paste events
//  [X] Mouse cursor shapes
//  [X] Redraw on demand: no frames while idle; input, resize, timers and data changes wake it
//  [ ] Gamepad
// Must not depend on the desk (ui) or the domain: main.cpp hands in the frame, style, font and
// automation hooks (platform::Callbacks).
#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>
#include <array>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <string>
#include <vector>

#include "platform/platform.h"
#include "platform/web/run_queue.h"
#include "platform/web/web_keys.h"

extern "C" {
// web/js/lib_input.js, lib_ime.js, lib_clipboard.js, lib_page.js
void tousu_input_install(void);
int tousu_input_is_mac(void);
void tousu_ime_install(void);
void tousu_ime_update(int visible, float x, float y, float lineHeight);
void tousu_clipboard_install(void);
void tousu_page_set_cursor(int cursor);
void tousu_page_ready(void);
}

namespace tousu::platform {

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr const char* kFontPath = "/tousu-font.ttf";
constexpr int kSettleFrames = 3; // frames rendered after each event so popups and hovers settle

struct Data {
    Callbacks callbacks;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    double dpr = 1.0;
    float fontPx = 0; // the size the font atlas was built at
    int framesLeft = 0;
    bool rafPending = false;
    long timer = 0;
    double timerDue = 0;
    double lastTime = 0;
    unsigned frameCount = 0;
    std::array<float, 1024> frameMs{}; // CPU time of the last frames, by frame number modulo the size
    int cursor = -2;
    bool ready = false;
    std::string clipboard;
    std::string widgetsJson;
    std::vector<std::function<void()>> later; // completions waiting for the next frame (run_queue.h)
};

Data& data() {
    static Data d;
    return d;
}

void renderFrame();

EM_BOOL onAnimationFrame(double, void*) {
    Data& d = data();
    d.rafPending = false;
    renderFrame();
    // ImGui trickles input (one press or release per frame): keep going until the queue is drained.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty() && d.framesLeft < 2) d.framesLeft = 2;
    if (--d.framesLeft > 0) {
        d.rafPending = true;
        emscripten_request_animation_frame(onAnimationFrame, nullptr);
    }
    return EM_FALSE;
}

void onTimer(void*) {
    Data& d = data();
    d.timer = 0;
    d.timerDue = 0;
    requestRedraw();
}

// Rebuilds the font atlas when the device pixel ratio or the text size chosen in settings changed
// since it was built; between frames, never inside one.
void updateFonts(double dpr) {
    Data& d = data();
    const float px = d.callbacks.fontSizePx();
    if (dpr == d.dpr && ImGui::GetIO().Fonts->IsBuilt() && d.fontPx == px) return;
    d.dpr = dpr;
    d.fontPx = px;
    d.callbacks.loadFonts(kFontPath, static_cast<float>(dpr));
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

// Sizes the canvas backing store to CSS size × devicePixelRatio.
void updateDisplaySize() {
    double cssW = 0, cssH = 0;
    emscripten_get_element_css_size(kCanvas, &cssW, &cssH);
    const double dpr = emscripten_get_device_pixel_ratio();
    emscripten_set_canvas_element_size(kCanvas, static_cast<int>(cssW * dpr + 0.5), static_cast<int>(cssH * dpr + 0.5));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(cssW), static_cast<float>(cssH));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(dpr), static_cast<float>(dpr));
    updateFonts(dpr);
}

void updateCursor() {
    Data& d = data();
    const int cursor = ImGui::GetIO().MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (cursor != d.cursor) {
        d.cursor = cursor;
        tousu_page_set_cursor(cursor);
    }
}

void setImeData(ImGuiViewport*, ImGuiPlatformImeData* ime) {
    tousu_ime_update(ime->WantVisible, ime->InputPos.x, ime->InputPos.y, ime->InputLineHeight);
}

const char* getClipboard(void*) { return data().clipboard.c_str(); }
void setClipboard(void*, const char* text) { data().clipboard = text ? text : ""; }

void renderFrame() {
    Data& d = data();
    const double started = emscripten_get_now();
    // A task may queue another (a reply that asks for more): those run at the following frame.
    std::vector<std::function<void()>> tasks;
    tasks.swap(d.later);
    for (auto& task : tasks) task();
    updateFonts(d.dpr);
    ImGuiIO& io = ImGui::GetIO();
    const double now = started / 1000.0;
    io.DeltaTime = d.lastTime > 0 && now > d.lastTime ? static_cast<float>(now - d.lastTime) : 1.0f / 60.0f;
    d.lastTime = now;

    emscripten_webgl_make_context_current(d.gl);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    d.callbacks.drawFrame();
    ImGui::Render();
    int fbW = 0, fbH = 0;
    emscripten_get_canvas_element_size(kCanvas, &fbW, &fbH);
    glViewport(0, 0, fbW, fbH);
    glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    d.callbacks.frameRendered();
    updateCursor();
    d.frameMs[d.frameCount % d.frameMs.size()] = static_cast<float>(emscripten_get_now() - started);
    ++d.frameCount;
    if (!d.ready && d.frameCount >= 2) {
        d.ready = true;
        tousu_page_ready();
    }
}

} // namespace

void doLater(std::function<void()> task) {
    data().later.push_back(std::move(task));
    requestRedraw();
}

void requestRedraw() {
    Data& d = data();
    if (d.framesLeft < kSettleFrames) d.framesLeft = kSettleFrames;
    if (!d.rafPending) {
        d.rafPending = true;
        emscripten_request_animation_frame(onAnimationFrame, nullptr);
    }
}

void requestRedrawAfter(double ms) {
    Data& d = data();
    const double due = emscripten_get_now() + ms;
    if (d.timer && d.timerDue <= due) return;
    if (d.timer) emscripten_clear_timeout(d.timer);
    d.timerDue = due;
    d.timer = emscripten_set_timeout(onTimer, ms, nullptr);
}

bool start(Callbacks callbacks) {
    Data& d = data();
    d.callbacks = std::move(callbacks);

    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    d.gl = emscripten_webgl_create_context(kCanvas, &attrs);
    if (d.gl <= 0) return false;
    emscripten_webgl_make_context_current(d.gl);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout is ours; persistence goes through the app, not imgui.ini
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false; // a blinking caret would need frames while idle
    io.ConfigMacOSXBehaviors = tousu_input_is_mac() != 0;
    io.BackendPlatformName = "tousu_web";
    io.SetPlatformImeDataFn = setImeData;
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
    d.callbacks.setUpContext();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    updateDisplaySize();

    tousu_input_install();
    tousu_ime_install();
    tousu_clipboard_install();
    requestRedraw();
    return true;
}

} // namespace tousu::platform

// [SECTION] Entry points for the JS libraries. Each feeds ImGui's input queue and wakes the loop.
using tousu::platform::requestRedraw;
using tousu::platform::requestRedrawAfter;

namespace {

constexpr double kHoverDelayMs = 600; // ImGui's tooltip delay is 0.5 s: one frame after it

void wakeAfterInput() {
    requestRedraw();
    requestRedrawAfter(kHoverDelayMs);
}

ImGuiMouseSource sourceFromPointer(int type) {
    return type == 1 ? ImGuiMouseSource_TouchScreen : type == 2 ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse;
}

} // namespace

extern "C" {

// kind: 0 move, 1 down, 2 up, 3 leave; pointerType: 0 mouse, 1 touch, 2 pen.
EMSCRIPTEN_KEEPALIVE void tousu_on_pointer(int kind, int button, float x, float y, int pointerType) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(sourceFromPointer(pointerType));
    if (kind == 3) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else {
        io.AddMousePosEvent(x, y);
        if ((kind == 1 || kind == 2) && button >= 0 && button < ImGuiMouseButton_COUNT)
            io.AddMouseButtonEvent(button, kind == 1);
    }
    wakeAfterInput();
}

EMSCRIPTEN_KEEPALIVE void tousu_on_wheel(float dx, float dy) {
    ImGui::GetIO().AddMouseWheelEvent(dx, dy);
    wakeAfterInput();
}

// A finger dragging the content by (dx, dy) CSS pixels: as wheel steps, which Dear ImGui scrolls the
// window under the pointer by five lines of text each (the content follows the finger).
EMSCRIPTEN_KEEPALIVE void tousu_on_touch_scroll(float dx, float dy) {
    const ImGuiIO& io = ImGui::GetIO();
    const float line = io.Fonts->Fonts.empty() ? 16.0f : io.Fonts->Fonts[0]->FontSize * io.FontGlobalScale;
    tousu_on_wheel(dx / (5 * line), dy / (5 * line));
}

// mods: 1 ctrl, 2 shift, 4 alt, 8 meta. Returns 1 if ImGui knows the key.
EMSCRIPTEN_KEEPALIVE int tousu_on_key(int keyCode, int location, int down, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & 1) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & 2) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & 4) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & 8) != 0);
    const ImGuiKey key = tousu::platform::web::keyFromDomKeyCode(keyCode, location);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down != 0);
    wakeAfterInput();
    return key != ImGuiKey_None;
}

EMSCRIPTEN_KEEPALIVE void tousu_on_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wakeAfterInput();
}

EMSCRIPTEN_KEEPALIVE void tousu_on_focus(int focused) {
    ImGui::GetIO().AddFocusEvent(focused != 0);
    wakeAfterInput();
}

EMSCRIPTEN_KEEPALIVE void tousu_on_resize(void) {
    tousu::platform::updateDisplaySize();
    requestRedraw();
}

EMSCRIPTEN_KEEPALIVE void tousu_on_paste(const char* utf8) { tousu::platform::data().clipboard = utf8 ? utf8 : ""; }

EMSCRIPTEN_KEEPALIVE const char* tousu_clipboard_text(void) { return tousu::platform::data().clipboard.c_str(); }

// Runs frames now, inside the DOM event, until queued input is handled: Ctrl+C/X (and a Ctrl+A
// just before) must reach ImGui before the browser raises `copy`.
EMSCRIPTEN_KEEPALIVE void tousu_frame_now(void) {
    for (int i = 0; i < 8; ++i) {
        tousu::platform::renderFrame();
        if (ImGui::GetCurrentContext()->InputEventsQueue.empty()) break;
    }
}

EMSCRIPTEN_KEEPALIVE unsigned tousu_frame_count(void) { return tousu::platform::data().frameCount; }

// The CPU time frame `n` took (building, drawing, handing the draw calls to WebGL), if it is among
// the last 1024; -1 otherwise. The benchmarks read it.
EMSCRIPTEN_KEEPALIVE double tousu_frame_ms(unsigned n) {
    const auto& d = tousu::platform::data();
    return n < d.frameCount && d.frameCount - n <= d.frameMs.size() ? d.frameMs[n % d.frameMs.size()] : -1;
}

EMSCRIPTEN_KEEPALIVE const char* tousu_widgets_json(void) {
    auto& d = tousu::platform::data();
    d.widgetsJson = d.callbacks.widgetsJson();
    return d.widgetsJson.c_str();
}

} // extern "C"
