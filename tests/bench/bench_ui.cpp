// The desk's frame CPU time on a generated database: the real MainWindow and case list (paged SQL,
// ListClipper) driven by mouse-wheel input in a headless Dear ImGui context, so the same code runs
// natively and as wasm under node. Rasterising (WebGL) is not included: this is the CPU work a
// frame costs before the browser draws it.
//   bench_ui DB FRAMES   → JSON lines: op, cases, median/p95/min/max ms per frame
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "app/app.h"
#include "core/clock.h"
#include "ui/headless.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

struct FrameStats {
    double median = 0, p95 = 0, min = 0, max = 0;
};

FrameStats summarise(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.front(), ms.back()};
}

void emit(const char* op, int cases, const FrameStats& s, std::size_t frames) {
    std::printf("{\"op\":\"%s\",\"cases\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,"
                "\"runs\":%zu}\n",
                op, cases, s.median, s.p95, s.min, s.max, frames);
    std::fflush(stdout);
}

// Times `frames` frames; `input` queues that frame's events before it is built.
FrameStats timeFrames(int frames, const std::function<void(int)>& input, const std::function<void()>& draw) {
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        input(i);
        const auto t0 = std::chrono::steady_clock::now();
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    return summarise(std::move(ms));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_ui DB FRAMES\n");
        return 2;
    }
    const int frames = std::atoi(argv[2]);
    // The last day of the generated year: "this month" on the dashboard is December.
    core::SimulatedClock clock(core::parseIso8601("2026-12-31T12:00:00+08:00").value());
    auto opened = app::App::open(argv[1], clock, 1);
    if (!opened) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    app::App& app = *opened.value();
    app.setReadOnly(true); // measuring only: nothing is written
    (void)app.signIn("s09");
    core::ListQuery all;
    all.limit = 0;
    const int cases = app.cases().listCases(all).value().total;

    test::Headless headless; // the unit tests' ImGui context: 1280×800, no backend
    ImGuiIO& io = ImGui::GetIO();
    ui::MainWindow window;
    const auto draw = [&] { window.draw(app); };
    const auto none = [](int) {};
    timeFrames(3, none, draw);
    window.go(ui::Navigation{ui::View::CaseList, {}, {}});
    io.AddMousePosEvent(640, 400); // over the table
    emit("ui_list_open", cases, timeFrames(1, none, draw), 1);
    emit("ui_idle_list", cases, timeFrames(frames, none, draw), static_cast<std::size_t>(frames));
    // A wheel notch a frame, then a fast flick (many rows a frame): new blocks of rows come in.
    emit("ui_list_scroll_wheel", cases,
         timeFrames(
             frames, [&](int) { io.AddMouseWheelEvent(0, -1); }, draw),
         static_cast<std::size_t>(frames));
    emit("ui_list_scroll_flick", cases,
         timeFrames(
             frames, [&](int) { io.AddMouseWheelEvent(0, -200); }, draw),
         static_cast<std::size_t>(frames));
    window.go(ui::Navigation{ui::View::Dashboard, {}, {}});
    emit("ui_dashboard_build", cases, timeFrames(frames, none, draw), static_cast<std::size_t>(frames));
    return 0;
}
