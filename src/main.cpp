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
    // Until profiles and persistence land, each page load is a fresh office with the default
    // reference data, worked by the administrator profile.
    if (auto st = g_app->initialize("HQ", "本地营业部"); !st) {
        std::fprintf(stderr, "tousu: cannot initialise the database: %s\n", st.error().detail.c_str());
        return 1;
    }
    g_app->setActor({"s10", core::Role::Admin});
    if (!platform::start({[] { g_window.draw(*g_app); }})) {
        std::fprintf(stderr, "tousu: WebGL2 is not available\n");
        return 1;
    }
    return 0;
}
