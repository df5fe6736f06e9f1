// tousu-cli replicate: live sync with a CouchDB database from the command line (office servers,
// scripts, bulk loads), the desk's protocol code (app/replication.h) over libcurl.
#include <chrono>
#include <thread>

#include "cli/common.h"
#include "cli/http_client.h"
#include "cli/sync_commands.h"
#include "sync/couch.h"

namespace tousu::cli {

namespace {

const char* phaseName(app::SyncPhase p) {
    switch (p) {
    case app::SyncPhase::Working:
        return "working";
    case app::SyncPhase::UpToDate:
        return "up_to_date";
    case app::SyncPhase::Retrying:
        return "retrying";
    case app::SyncPhase::Stopped:
        return "stopped";
    }
    return "";
}

} // namespace

int cmdReplicate(const Args& a) {
    if (a.positional.size() != 2 || (a.has("--push") && a.has("--pull")))
        return fail("usage: tousu-cli replicate DB URL [--user U --password-file F] [--push|--pull] [--continuous]", 2);
    auto url = sync::couch::databaseUrl(a.positional[1]);
    if (!url) return failWith(url.error());
    auto pass = couchPassword(a);
    if (!pass) return failWith(pass.error());
    core::SystemClock clock;
    auto app = openExisting(a, clock, 1);
    if (!app) return failWith(app.error());
    app::ReplicationOptions options;
    options.server = url.value();
    options.push = !a.has("--pull");
    options.pull = !a.has("--push");
    options.live = a.has("--continuous");
    auto replication = app.value()->replicate(options);
    HttpClient http(url.value(), a.get("--user"), pass.value());
    while (!replication->finished()) {
        bool sent = false;
        for (const app::SyncLane lane : {app::SyncLane::Push, app::SyncLane::Pull}) {
            if (auto request = replication->next(lane)) {
                // A live wait for changes is held open by the server; any other answer is quick.
                const bool waits = request->path.find("feed=longpoll") != std::string::npos;
                replication->receive(lane, http.send(*request, waits ? options.waitMs + 30'000 : 60'000));
                sent = true;
            }
        }
        if (!sent) { // waiting to retry
            const core::TimeMs wait = std::max<core::TimeMs>(replication->status().retryAt - clock.now(), 50);
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min<core::TimeMs>(wait, 1000)));
        }
    }
    const app::ReplicationStatus& st = replication->status();
    if (st.problem && st.phase == app::SyncPhase::Stopped) return failWith(*st.problem);
    print({{"server", url.value()},
           {"state", phaseName(st.phase)},
           {"sent", st.sent},
           {"received", st.received},
           {"pending_upload", st.pendingUpload}});
    return 0;
}

} // namespace tousu::cli
