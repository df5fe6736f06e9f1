// Live sync from the desk (README, "Live sync"): the server set in 同步 → 同步服务器…, an
// app::Replication kept running while the desk is open and writing, its requests sent through the
// host (fetch), and its state in the menu bar. Signing in sends the CouchDB user's password to the
// server's _session once; the browser keeps the session cookie and the desk keeps no password. The
// desk then works as the person the server signed in (the server refuses events recorded by others).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/app.h"
#include "sync/couch.h"
#include "ui/host.h"

#include <imgui.h>

namespace tousu::ui {

class LiveSync {
  public:
    // Each frame: starts or stops the replication as set, tells it of new local data, sends what is due.
    void pump(app::App& app, const Host& host);
    // What the menu bar says ("" while no server is set), in `colour`.
    std::string stateText(ImVec4& colour) const;
    void open() { m_openPopup = true; }
    void draw(app::App& app, const Host& host);

  private:
    // How far a pull that is behind the server has come (0–1), while it works.
    std::optional<float> pullProgress() const;
    void connect(app::App& app, const Host& host);
    void checkDatabase(app::App& app, const Host& host, const std::string& url);
    void connected(app::App& app, const std::string& url);
    void becomeServerUser(app::App& app);

    std::unique_ptr<app::Replication> m_replication;
    std::optional<std::string> m_server; // the server set in preferences, read once ("" none)
    std::string m_runningFor;            // the database URL it runs for
    int m_generation = 0;                // answers meant for an earlier replication are dropped
    std::uint64_t m_seenRevision = 0;    // the app's revision when local changes were last announced
    // Who the server signed in, until the desk works as them (their staff record may come with the pull).
    std::optional<sync::couch::SessionUser> m_serverUser;
    std::uint64_t m_serverUserTriedAt = UINT64_MAX; // the revision last tried at
    // The dialog.
    bool m_openPopup = false, m_connecting = false;
    std::string m_url, m_user, m_password;
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
