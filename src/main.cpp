// Wires the web app: the app layer over SQLite, the ImGui desk, and the web platform.
// The database is kept in IndexedDB through the page-store VFS (platform/web/persistence.cpp).
#include <cstdio>
#include <memory>
#include <random>

#include "app/app.h"
#include "platform/platform.h"
#include "ui/automation.h"
#include "ui/main_window.h"
#include "ui/theme.h"

using namespace tousu;

namespace {

core::SystemClock g_clock;
std::unique_ptr<app::App> g_app;
ui::MainWindow g_window;
core::TimeMs g_lastTick = 0;
bool g_writer = true, g_saveFailed = false;

// Once a minute: deadline clocks move on screen, and crossed escalation levels are recorded.
void minuteTick() {
    const core::TimeMs now = g_clock.now();
    if (now - g_lastTick >= 60000) {
        g_lastTick = now;
        if (!g_app->readOnly()) (void)g_app->cases().recordEscalations();
    }
    // Keep the next tick scheduled (an earlier wake, e.g. for a tooltip, may have replaced it).
    platform::requestRedrawAfter(static_cast<double>(60000 - (now - g_lastTick)));
}

} // namespace

int main() {
    // Read-only while another tab writes, and while the browser refuses our writes (quota, I/O):
    // what the page holds is kept and saved once a write succeeds again.
    const platform::DatabaseLocation where = platform::prepareDatabase(
        [](app::SaveState s) {
            if (!g_app) return;
            g_app->setSaveState(s);
            if (s != app::SaveState::Saving) g_saveFailed = s == app::SaveState::Failed;
            g_app->setReadOnly(!g_writer || g_saveFailed);
        },
        [](bool writer) {
            g_writer = writer;
            if (g_app) g_app->setReadOnly(!g_writer || g_saveFailed);
        });
    auto opened = app::App::open(where.path, g_clock, std::random_device()(), where.vfs);
    // A stored database that cannot be opened is left as it is; the desk starts over an empty one in
    // memory, says so, and offers to restore a backup in its place.
    std::string damage;
    if (!opened && where.persistent) {
        damage = opened.error().detail;
        std::fprintf(stderr, "tousu: the stored database cannot be opened: %s\n", damage.c_str());
        opened = app::App::open(":memory:", g_clock, std::random_device()());
    }
    if (!opened) {
        std::fprintf(stderr, "tousu: cannot open the database: %s\n", opened.error().detail.c_str());
        return 1;
    }
    g_app = std::move(opened.value());
    if (!where.persistent || !damage.empty()) g_app->setSaveState(app::SaveState::Memory);
    g_writer = where.writer;
    g_app->setReadOnly(!where.writer);
    ui::Host host{platform::takeOverWriting, platform::retrySaving, platform::requestRedraw, platform::saveFile,
                  platform::pickFile};
    if (platform::cryptoAvailable()) host.seal = platform::seal, host.unseal = platform::unseal;
    host.saveFileInPieces = platform::saveFileInPieces;
    host.readSession = platform::readSession;
    host.requestRedrawAfter = platform::requestRedrawAfter;
    host.http = platform::httpRequest;
    host.pickAttachments = platform::pickAttachments;
    host.acceptDroppedAttachments = platform::acceptDroppedAttachments;
    host.openFile = platform::openFile;
    host.decodeImage = platform::decodeImage;
    host.releaseImage = platform::releaseImage;
    host.writeSession = platform::writeSession;
    if (!damage.empty()) host.replaceStoredDatabase = platform::replaceStoredDatabase;
    g_window.setHost(host);
    platform::onFileReceived(
        [](const std::string& name, std::string bytes, const std::string& errorKey, bool attachment) {
            g_window.fileReceived(*g_app, name, std::move(bytes), errorKey, attachment);
        });
    platform::onStorageStatus([](const platform::StorageStatus& s) {
        g_window.setStorage({true, s.persisted, s.safariRisk, s.usedBytes, s.quotaBytes});
    });
    // A first start sets up the office with the default reference data (idempotent afterwards);
    // the administrator then gives it its own code in settings (the desk reminds them).
    if (auto st = g_app->initialize(app::kFirstOfficeCode, app::kFirstOfficeName); !st && !g_app->readOnly()) {
        std::fprintf(stderr, "tousu: cannot initialise the database: %s\n", st.error().detail.c_str());
        return 1;
    }
    // A secured desk starts locked, its sign-in form for whoever worked last; otherwise they continue
    // (a new desk starts as the administrator).
    const std::string last = g_app->lastSignedIn().value_or("s10");
    if (g_app->access().mode() == app::AccessMode::Secured) {
        g_app->lock();
        g_window.offerSignIn(last);
    } else if (!g_app->signIn(last)) {
        (void)g_app->signIn("s10");
    }
    g_lastTick = g_clock.now();
    platform::Callbacks callbacks;
    callbacks.drawFrame = [] {
        minuteTick();
        g_window.draw(*g_app);
    };
    callbacks.setUpContext = [] {
        ui::automation::install();
        ui::applyTheme();
    };
    callbacks.fontSizePx = ui::fontSizePx;
    callbacks.loadFonts = [](const char* path, float scale) { ui::loadFonts(path, scale); };
    callbacks.frameRendered = ui::automation::endFrame;
    callbacks.widgetsJson = ui::automation::lastFrameJson;
    if (!platform::start(std::move(callbacks))) {
        std::fprintf(stderr, "tousu: WebGL2 is not available\n");
        return 1;
    }
    return 0;
}
