// Wires the web app: the app layer over SQLite, the ImGui desk, and the web platform.
// The database lives in memory until browser persistence (IndexedDB page store) lands.
#include <cstdio>
#include <memory>
#include <random>

#include "app/app.h"
#include "platform/platform.h"
#include "ui/main_window.h"

using namespace tousu;

namespace {

core::SystemClock g_clock;
std::unique_ptr<app::App> g_app;
ui::MainWindow g_window;

} // namespace

int main() {
    auto opened = app::App::open(":memory:", g_clock, std::random_device()());
    if (!opened) {
        std::fprintf(stderr, "tousu: cannot open the database: %s\n", opened.error().detail.c_str());
        return 1;
    }
    g_app = std::move(opened.value());
    if (!platform::start({[] { g_window.draw(*g_app); }})) {
        std::fprintf(stderr, "tousu: WebGL2 is not available\n");
        return 1;
    }
    return 0;
}
