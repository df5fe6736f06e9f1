#include "ui/dialogs/live_sync.h"

#include <cmath>

#include "present/format.h"
#include "present/i18n.h"
#include "sync/couch.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

constexpr const char* kPopup = "###live_sync_dialog";
constexpr long kQuickTimeoutMs = 60'000;

// The server's root ("https://h/couch/db" → "https://h/couch"), where _session lives.
std::string serverRoot(const std::string& databaseUrl) { return databaseUrl.substr(0, databaseUrl.rfind('/')); }

} // namespace

void LiveSync::pump(app::App& app, const Host& host) {
    if (!m_server) m_server = app.settings().preference("sync.server").value_or(""); // once, not per frame
    becomeServerUser(app);
    const std::string& url = *m_server;
    if (url.empty() || app.readOnly() || !host.http) { // only the tab that writes syncs
        m_replication.reset();
        m_runningFor.clear();
        return;
    }
    if (!m_replication || url != m_runningFor) {
        app::ReplicationOptions options;
        options.server = url;
        options.live = true;
        m_replication = app.replicate(options);
        m_runningFor = url;
        ++m_generation;
        m_seenRevision = app.revision();
    }
    if (app.revision() != m_seenRevision) {
        m_seenRevision = app.revision();
        m_replication->localChanged();
    }
    for (const app::SyncLane lane : {app::SyncLane::Push, app::SyncLane::Pull}) {
        auto request = m_replication->next(lane);
        if (!request) continue;
        const bool waits = request->path.find("feed=longpoll") != std::string::npos;
        const long timeout = waits ? kQuickTimeoutMs / 2 + 25'000 : kQuickTimeoutMs;
        host.http(request->method, url + "/" + request->path, request->body, timeout,
                  [this, lane, generation = m_generation, redraw = host.requestRedraw](const app::HttpAnswer& a) {
                      if (generation != m_generation || !m_replication) return;
                      m_replication->receive(lane, a);
                      if (redraw) redraw();
                  });
    }
    const app::ReplicationStatus& st = m_replication->status();
    if (st.phase == app::SyncPhase::Retrying && host.requestRedrawAfter)
        host.requestRedrawAfter(static_cast<double>(std::max<core::TimeMs>(st.retryAt - app.clock().now(), 0)) +
                                Host::kTimerSlackMs);
}

// Tried again each time the data changes (not each frame): a new desk knows its staff after the pull.
void LiveSync::becomeServerUser(app::App& app) {
    if (!m_serverUser || app.readOnly() || app.revision() == m_serverUserTriedAt) return;
    m_serverUserTriedAt = app.revision();
    if (app.actor().staffId == m_serverUser->name ||
        app.signInAsServerUser(m_serverUser->name, core::roleFromCode(m_serverUser->role)))
        m_serverUser.reset();
}

std::optional<float> LiveSync::pullProgress() const {
    if (!m_replication) return std::nullopt;
    const app::ReplicationStatus& st = m_replication->status();
    if (st.phase != app::SyncPhase::Working || st.serverSeq <= 0 || st.pulledSeq >= st.serverSeq) return std::nullopt;
    return static_cast<float>(st.pulledSeq) / static_cast<float>(st.serverSeq);
}

std::string LiveSync::stateText(ImVec4& colour) const {
    if (!m_replication) return "";
    const app::ReplicationStatus& st = m_replication->status();
    switch (st.phase) {
    case app::SyncPhase::UpToDate:
        colour = colour::kSuccess;
        return tr("livesync.up_to_date");
    case app::SyncPhase::Working:
        colour = colour::kMuted;
        if (const auto done = pullProgress()) return trNumber("livesync.receiving", std::lround(*done * 100));
        return tr("livesync.working");
    case app::SyncPhase::Retrying:
        colour = colour::kWarning;
        return trNumber("livesync.offline", st.pendingUpload);
    case app::SyncPhase::Stopped:
        colour = colour::kDanger;
        return tr("livesync.stopped");
    }
    return "";
}

// Connecting: the URL checked here, the password to _session (when a user is given), then the
// database read once; only then is the server remembered and the replication started.
void LiveSync::connect(app::App& app, const Host& host) {
    auto url = sync::couch::databaseUrl(m_url);
    if (!url) {
        m_error = url.error();
        return;
    }
    m_connecting = true;
    m_error.reset();
    if (m_user.empty()) return checkDatabase(app, host, url.value());
    const std::string body = nlohmann::json{{"name", m_user}, {"password", m_password}}.dump();
    m_password.clear();
    host.http("POST", serverRoot(url.value()) + "/_session", body, kQuickTimeoutMs,
              [this, &app, host, database = url.value()](const app::HttpAnswer& a) {
                  if (a.status != 200) {
                      m_connecting = false;
                      m_error = app::refusalOf(a);
                  } else {
                      if (auto user = sync::couch::sessionUser(a.body)) m_serverUser = user.value();
                      m_serverUserTriedAt = UINT64_MAX;
                      checkDatabase(app, host, database);
                  }
                  if (host.requestRedraw) host.requestRedraw();
              });
}

void LiveSync::checkDatabase(app::App& app, const Host& host, const std::string& url) {
    host.http("GET", url, "", kQuickTimeoutMs, [this, &app, host, url](const app::HttpAnswer& a) {
        m_connecting = false;
        if (a.status == 200)
            connected(app, url);
        else
            m_error = app::refusalOf(a);
        if (host.requestRedraw) host.requestRedraw();
    });
}

void LiveSync::connected(app::App& app, const std::string& url) {
    if (auto st = app.settings().setPreference("sync.server", url); !st) {
        m_error = st.error();
        return;
    }
    m_server = url;
    (void)app.settings().setPreference("sync.user", m_user);
    m_runningFor.clear(); // a new start, even for the same server (after a sign-in that had expired)
}

void LiveSync::draw(app::App& app, const Host& host) {
    if (m_openPopup) {
        ImGui::OpenPopup(kPopup);
        m_openPopup = false;
        m_url = app.settings().preference("sync.server").value_or("");
        m_user = app.settings().preference("sync.user").value_or("");
        m_error.reset();
    }
    const std::string title = std::string(tr("livesync.title")) + kPopup;
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(tr("livesync.explain"));
    ImGui::PopTextWrapPos();
    const bool submit = widgets::submitChord();
    const float field = ImGui::GetFontSize() * 22;
    ImGui::SetNextItemWidth(field);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    widgets::textField(label("livesync.url", "sync_server_url"), m_url, "https://");
    ImGui::SetNextItemWidth(field);
    widgets::textField(label("livesync.user", "sync_server_user"), m_user);
    ImGui::SetNextItemWidth(field);
    const bool enter = widgets::textField(label("livesync.password", "sync_server_password"), m_password, nullptr,
                                          ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    if (m_error) widgets::reportedText("sync_server_error", tr(m_error->messageKey), &colour::kDanger);
    if (m_error && !m_error->detail.empty()) ImGui::TextDisabled("%s", m_error->detail.c_str());
    if (m_connecting) widgets::reportedText("sync_server_connecting", tr("livesync.connecting"));
    if (m_replication) {
        ImVec4 colour = colour::kText;
        const std::string state = stateText(colour);
        widgets::reportedText("sync_server_state", state, &colour);
        const app::ReplicationStatus& st = m_replication->status();
        if (const auto done = pullProgress()) {
            const std::string of = std::to_string(st.pulledSeq) + " / " + std::to_string(st.serverSeq);
            ImGui::ProgressBar(*done, ImVec2(ImGui::GetFontSize() * 20, 0), of.c_str());
            widgets::reportLastItem("sync_server_progress", of);
        }
        if (st.lastUpToDate) ImGui::TextDisabled("%s%s", tr("livesync.last"), formatDateTime(st.lastUpToDate).c_str());
        if (st.problem) ImGui::TextWrapped("%s %s", tr(st.problem->messageKey), st.problem->detail.c_str());
    }
    ImGui::Separator();
    ImGui::BeginDisabled(m_connecting);
    if (ImGui::Button(label("livesync.connect", "sync_server_connect").c_str()) || submit || enter) connect(app, host);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (m_replication && ImGui::Button(label("livesync.disconnect", "sync_server_disconnect").c_str()))
        if (app.settings().setPreference("sync.server", "")) m_server = "";
    if (m_replication) ImGui::SameLine();
    if (ImGui::Button(label("livesync.close", "sync_server_close").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        m_password.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace tousu::ui
