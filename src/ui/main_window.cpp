#include "ui/main_window.h"

#include <functional>
#include <imgui.h>
#include <iterator>
#include <utility>

#include "app/app.h"
#include "core/workflow.h"
#include "present/format.h"
#include "present/i18n.h"
#include "present/notice.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

// The keyboard shortcuts, as 帮助 lists them (string key, keys).
constexpr std::pair<const char*, const char*> kShortcuts[] = {
    {"action.new_case", "Alt+N"},         {"help.key_search", "Ctrl+F"},
    {"help.key_submit", "Ctrl+Enter"},    {"help.key_close", "Esc"},
    {"help.key_next_field", "Tab"},       {"help.key_previous_field", "Shift+Tab"},
    {"help.key_choose", "Space / Enter"}, {"help.key_menu", "Alt"},
};

bool ctrlPressed(ImGuiKey key) { return ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(key, false); }

// Whether the person at the desk did anything this frame (moved, clicked, scrolled, typed).
bool inputThisFrame() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.MouseWheelH != 0 ||
        io.InputQueueCharacters.Size > 0 || ImGui::IsAnyMouseDown())
        return true;
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END; ++key)
        if (ImGui::IsKeyDown(static_cast<ImGuiKey>(key))) return true;
    return false;
}

} // namespace

Screen& MainWindow::screen(View view) {
    // The registry: one screen per destination, in View's order.
    Screen* const screens[] = {&m_queue,       &m_list,      &m_intake,   &m_detail,  &m_dashboard,
                               &m_suggestions, &m_followUps, &m_settings, &m_customer};
    static_assert(sizeof screens / sizeof screens[0] == kViewCount);
    return *screens[static_cast<int>(view)];
}

void MainWindow::go(const std::optional<Navigation>& nav) {
    if (!nav) return;
    m_nav = *nav;
    if (nav->listFilter) {
        m_list.show(*nav->listFilter);
        m_search.clear();
    }
}

void MainWindow::handleShortcuts() {
    // Alt+N, not Ctrl+N: browsers keep Ctrl+N (a new window) for themselves in a normal tab.
    if (widgets::altShortcut(ImGuiKey_N)) m_nav = {View::NewCase, {}};
    if (ctrlPressed(ImGuiKey_F)) {
        m_focusSearch = true;
        if (m_nav.view != View::CaseList) m_nav = {View::CaseList, {}};
    }
}

// The live sync state (when a server is set) and the save state at the right edge, before the
// language switch; their width.
float MainWindow::drawSaveState(const app::App& app, bool measureOnly) {
    static const ImVec4 kColours[] = {colour::kWarning, colour::kSuccess, colour::kMuted, colour::kDanger};
    static const char* kKeys[] = {"save.memory", "save.saved", "save.saving", "save.failed"};
    const int s = static_cast<int>(app.saveState());
    const char* text = tr(kKeys[s]);
    ImVec4 syncColour;
    const std::string sync = m_liveSync.stateText(syncColour);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float toggle = ImGui::CalcTextSize(tr("action.lang_toggle")).x + spacing * 4;
    const float syncWidth = sync.empty() ? 0 : ImGui::CalcTextSize(sync.c_str()).x + spacing * 2;
    const float width = toggle + syncWidth + ImGui::CalcTextSize(text).x + ImGui::GetStyle().WindowPadding.x * 2;
    if (measureOnly) return width;
    ImGui::SetCursorPosX(ImGui::GetWindowWidth() - width);
    if (!sync.empty()) {
        widgets::reportedText("sync_state", sync, &syncColour);
        ImGui::SameLine(0, spacing * 2);
    }
    widgets::reportedText("save_state", text, &kColours[s]);
    return width;
}

// Who works at this desk now: their name and role in the menu bar; choosing another person signs
// them in (their role decides which actions they may take).
std::string MainWindow::userTitle(const app::App& app) {
    m_names.refresh(app);
    const app::Actor& me = app.actor();
    return std::string(m_names.person(me.staffId)) + " · " + trCode("role", core::code(me.role));
}

void MainWindow::drawUserMenu(app::App& app, const std::string& title) {
    const app::Actor& me = app.actor();
    if (!ImGui::BeginMenu((title + "##user").c_str())) return;
    ImGui::TextDisabled("%s", tr("user.sign_in_as"));
    for (const core::StaffMember& s : m_names.staff()) {
        const std::string item =
            s.name + " · " + m_names.department(s.department) + " · " + trCode("role", s.role) + "##signin_" + s.id;
        if (ImGui::MenuItem(item.c_str(), nullptr, s.id == me.staffId)) m_signIn.choose(app, s.id);
    }
    if (app.access().mode() == app::AccessMode::Secured) {
        ImGui::Separator();
        if (ImGui::MenuItem(label("user.lock", "lock_desk").c_str())) lockDesk(app);
    }
    ImGui::EndMenu();
}

void MainWindow::fileReceived(app::App& app, const std::string& name, std::string bytes, const std::string& errorKey,
                              bool attachment) {
    app::App& into = m_training.active() ? m_training.app() : app; // a training workspace takes its own files
    if (attachment) {
        if (m_nav.view == View::CaseDetail) m_detail.attachmentReceived(into, name, bytes, errorKey);
        return;
    }
    if (errorKey.empty() && m_training.fileReceived(bytes, app.clock().now())) return; // a scenario
    if (errorKey.empty() && looksLikeBackup(bytes))
        m_backup.received(into, name, bytes);
    else
        m_sync.received(into, m_host, name, std::move(bytes), errorKey);
}

void MainWindow::drawBackupMenu(app::App& app) {
    if (!ImGui::BeginMenu(label("menu.backup", "backup").c_str())) return;
    if (ImGui::MenuItem(label("backup.download", "backup_download").c_str(), nullptr, false,
                        app.may(core::Operation::Backup)))
        m_backup.download(app, m_host);
    if (ImGui::MenuItem(label("backup.restore", "backup_restore").c_str(), nullptr, false,
                        !app.readOnly() && app.may(core::Operation::Restore)))
        m_backup.pickFile(m_host);
    ImGui::Separator();
    char line[256];
    std::snprintf(line, sizeof line, tr("backup.last"),
                  m_lastBackup ? formatDateTime(*m_lastBackup).c_str() : tr("backup.never"));
    ImGui::TextDisabled("%s", line);
    if (ImGui::BeginMenu(label("backup.remind_every", "remind_every").c_str())) {
        for (int days : {1, 7, 14, 30}) {
            std::snprintf(line, sizeof line, tr("backup.every_days"), days);
            const std::string item = std::string(line) + "##remind_" + std::to_string(days);
            if (ImGui::MenuItem(item.c_str(), nullptr, app.backups().backupReminderDays() == days))
                (void)app.backups().setBackupReminderDays(days);
        }
        ImGui::EndMenu();
    }
    if (m_storage.known && m_storage.quotaBytes > 0) {
        const auto mb = [](double b) {
            char t[32];
            std::snprintf(t, sizeof t, "%.1f MB", b / 1048576.0);
            return std::string(t);
        };
        std::snprintf(line, sizeof line, tr("backup.storage_used"), mb(m_storage.usedBytes).c_str(),
                      mb(m_storage.quotaBytes).c_str());
        ImGui::TextDisabled("%s", line);
    }
    ImGui::EndMenu();
}

// The office code still the first start's, the backup reminder once the interval has passed (or
// never backed up, with complaints to lose), and plain words when the browser may delete the data.
// What stops this page from saving or showing everything, most serious first: a stored database that
// could not be opened, one that failed to read since, writes the browser refuses, another tab writing.
void MainWindow::drawStoreNotices(app::App& app) {
    if (m_host.replaceStoredDatabase && !m_training.active()) {
        widgets::reportedText("store_damaged", tr("store.damaged"), &colour::kDanger);
        ImGui::SameLine();
        if (ImGui::SmallButton(label("store.restore", "restore_from_backup").c_str())) m_backup.pickFile(m_host);
    }
    // A read of this database failed since it was opened (a damaged page): what the screens show may
    // be incomplete, and only a backup brings the rest back.
    if (const auto& fault = app.fault(); fault && !m_host.replaceStoredDatabase) {
        ImGui::PushTextWrapPos(0.0f);
        widgets::reportedText("database_fault", std::string(tr("store.read_failed")) + tr(fault->messageKey),
                              &colour::kDanger);
        ImGui::PopTextWrapPos();
        if (ImGui::SmallButton(label("store.restore", "fault_restore").c_str())) m_backup.pickFile(m_host);
    }
    if (app.saveState() == app::SaveState::Failed) {
        ImGui::PushTextWrapPos(0.0f); // a long notice: wrapped at the window's edge, its buttons below it
        widgets::reportedText("save_failed", tr("save.failed_banner"), &colour::kDanger);
        ImGui::PopTextWrapPos();
        if (ImGui::SmallButton(label("save.retry", "save_retry").c_str()) && m_host.retrySaving) m_host.retrySaving();
        // Where no space can be freed (a private window, a full disk), a backup keeps what is only in this page.
        ImGui::SameLine();
        if (ImGui::SmallButton(label("backup.reminder_go", "save_failed_backup").c_str()))
            m_backup.download(app, m_host);
    } else if (app.readOnly()) {
        ImGui::TextColored(colour::kWarning, "%s", tr("readonly.banner"));
        ImGui::SameLine();
        if (ImGui::SmallButton(label("readonly.take_over", "take_over").c_str()) && m_host.takeOverWriting)
            m_host.takeOverWriting();
    }
}

void MainWindow::drawStorageWarnings(app::App& app) {
    const long long hour = app.clock().now() / core::kHourMs;
    if (app.revision() != m_backupCheckedRevision || hour != m_backupCheckedHour) {
        m_backupCheckedRevision = app.revision();
        m_backupCheckedHour = hour;
        m_lastBackup = app.backups().lastBackupAt();
        const auto& last = m_lastBackup;
        core::ListQuery any;
        any.limit = 0;
        const auto page = app.cases().listCases(any);
        const bool haveCases = page && page.value().total > 0;
        m_backupDue = haveCases &&
                      (!last || app.clock().now() - *last >= app.backups().backupReminderDays() * 24 * core::kHourMs);
        const app::AppInfo info = app.info();
        m_officeUnset = !info.officeSetUp();
    }
    // One line on every screen: the most pressing reminder, the others behind "另有 N 条提醒".
    struct Notice {
        std::string text;
        const ImVec4* colour;
        const char* buttonKey = nullptr;
        const char* buttonId = nullptr;
        std::function<void()> act = {};
    };
    std::vector<Notice> notices;
    // What the person just asked for comes first, until they have read it.
    if (!m_downloaded.empty())
        notices.push_back(
            {m_downloaded, &colour::kSuccess, "notice.dismiss", "notice_dismiss", [this] { m_downloaded.clear(); }});
    const bool remindBackup = m_backupDue && app.may(core::Operation::Backup); // only who may take one
    if (remindBackup) {
        char line[512];
        std::snprintf(line, sizeof line, tr("backup.reminder"),
                      m_lastBackup ? formatDateTime(*m_lastBackup).c_str() : tr("backup.never"));
        notices.push_back({line, &colour::kWarning, "backup.reminder_go", "reminder_backup",
                           [&] { m_backup.download(app, m_host); }});
    }
    // Offices that sync need codes of their own, or their complaint numbers clash.
    if (m_officeUnset && app.may(core::Operation::EditSettings))
        notices.push_back({tr("office.unset"), &colour::kWarning, "office.set_now", "office_set_now", [&] {
                               m_nav = {View::Settings, {}};
                           }});
    if (m_storage.safariRisk) notices.push_back({tr("backup.safari_risk"), &colour::kWarning});
    if (remindBackup && !m_storage.persisted && !m_storage.safariRisk)
        notices.push_back({tr("backup.eviction_risk"), &colour::kMuted});
    // Tab passes over the reminders, either way: it goes through the screen, in reading order.
    ImGui::PushTabStop(false);
    for (std::size_t i = 0; i < notices.size() && (i == 0 || m_noticesOpen); ++i) {
        const Notice& n = notices[i];
        ImGui::PushStyleColor(ImGuiCol_Text, *n.colour);
        ImGui::TextWrapped("%s", n.text.c_str()); // a narrow window wraps it rather than cutting it
        ImGui::PopStyleColor();
        const auto smallButtonWidth = [](const char* text) {
            return ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2;
        };
        if (n.buttonKey) {
            widgets::sameLineIfFits(smallButtonWidth(tr(n.buttonKey)));
            if (ImGui::SmallButton(label(n.buttonKey, n.buttonId).c_str())) n.act();
        }
        if (i == 0 && notices.size() > 1) {
            char more[64];
            std::snprintf(more, sizeof more, tr(m_noticesOpen ? "notices.fewer" : "notices.more"),
                          int(notices.size() - 1));
            widgets::sameLineIfFits(smallButtonWidth(more));
            if (ImGui::SmallButton((std::string(more) + "##notices_more").c_str())) m_noticesOpen = !m_noticesOpen;
        }
    }
    ImGui::PopTabStop();
}

void MainWindow::drawHelpMenu(const app::App& app) {
    if (!ImGui::BeginMenu(label("menu.help", "help").c_str())) return;
    if (ImGui::MenuItem(label("notice.open", "customer_notice").c_str()) && m_host.saveFile) {
        const std::string name = "tousu-" + app.info().officeCode + "-notice.html";
        m_host.saveFile(name, "text/html;charset=utf-8", customerNoticeHtml(app));
        char line[512];
        std::snprintf(line, sizeof line, tr("notice.downloaded"), name.c_str());
        m_downloaded = line;
    }
    if (ImGui::MenuItem(label("help.guide", "help_guide").c_str())) m_openGuide = true;
    ImGui::SeparatorText(tr("help.shortcuts"));
    // A list to read, not commands: each key works wherever it says.
    for (const auto& [key, keys] : kShortcuts) ImGui::MenuItem(tr(key), keys, false, false);
    ImGui::Separator();
    if (ImGui::MenuItem(label("action.about", "about").c_str())) m_openAbout = true;
    ImGui::EndMenu();
}

void MainWindow::drawMenuBar(app::App& app, core::TimeMs hostNow) {
    if (!ImGui::BeginMainMenuBar()) return;
    const auto destination = [this](const char* key, const char* id, View v) {
        return [this, key, id, v] {
            if (ImGui::MenuItem(label(key, id).c_str(), nullptr, m_nav.view == v)) m_nav = {v, {}};
            if (v == View::NewCase && ImGui::IsItemHovered()) ImGui::SetTooltip("Alt+N");
        };
    };
    const auto syncMenu = [&] {
        if (!ImGui::BeginMenu(label("menu.sync", "sync").c_str())) return;
        if (ImGui::MenuItem(label("sync.export_all", "export_all").c_str())) m_sync.exportAll();
        if (ImGui::MenuItem(label("sync.export_peer", "export_peer").c_str())) m_sync.exportPeer();
        using core::Operation;
        if (ImGui::MenuItem(label("sync.export_tmf", "export_tmf").c_str(), nullptr, false,
                            app.may(Operation::ExportWhole)))
            m_sync.exportTmf(app, m_host);
        if (ImGui::MenuItem(label("sync.import", "import_file").c_str(), nullptr, false,
                            !app.readOnly() && app.may(Operation::ImportBundle)))
            m_sync.importFile(m_host);
        ImGui::Separator();
        if (ImGui::MenuItem(label("livesync.menu", "sync_server").c_str(), nullptr, false, !m_training.active()))
            m_liveSync.open();
        ImGui::EndMenu();
    };
    // In reading order; what does not fit before the signed-in person folds into 更多 at the end.
    const std::pair<const char*, std::function<void()>> items[] = {
        {"action.work_queue", destination("action.work_queue", "work_queue", View::WorkQueue)},
        {"action.case_list", destination("action.case_list", "case_list", View::CaseList)},
        {"action.new_case", destination("action.new_case", "new_case", View::NewCase)},
        {"action.follow_ups", destination("action.follow_ups", "follow_ups", View::FollowUps)},
        {"action.dashboard", destination("action.dashboard", "dashboard", View::Dashboard)},
        {"action.suggestions", destination("action.suggestions", "suggestions", View::Suggestions)},
        {"action.settings", destination("action.settings", "settings", View::Settings)},
        {"menu.sync", syncMenu},
        {"menu.backup", [&] { drawBackupMenu(app); }},
        {"menu.training", [&] { m_training.drawMenu(m_host, hostNow); }},
        {"menu.help", [&] { drawHelpMenu(app); }},
    };
    const std::string user = userTitle(app);
    const auto width = [](const char* text) {
        return ImGui::CalcTextSize(text).x + ImGui::GetStyle().ItemSpacing.x * 2;
    };
    const float room =
        ImGui::GetWindowWidth() - ImGui::GetCursorPosX() - width(user.c_str()) - drawSaveState(app, true);
    std::size_t shown = 0;
    for (float used = 0; shown < std::size(items); ++shown) {
        const bool last = shown + 1 == std::size(items);
        used += width(tr(items[shown].first));
        if (used + (last ? 0 : width(tr("menu.more"))) > room) break;
    }
    for (std::size_t i = 0; i < shown; ++i) items[i].second();
    if (shown < std::size(items) && ImGui::BeginMenu(label("menu.more", "more").c_str())) {
        for (std::size_t i = shown; i < std::size(items); ++i) items[i].second();
        ImGui::EndMenu();
    }
    drawUserMenu(app, user);
    drawSaveState(app);
    // The language switch names the other language, in that language, at the right edge.
    ImGui::SetCursorPosX(ImGui::GetWindowWidth() - width(tr("action.lang_toggle")) - ImGui::GetStyle().WindowPadding.x);
    if (ImGui::MenuItem(label("action.lang_toggle", "lang_toggle").c_str())) {
        setLanguage(language() == Language::ZhCN ? Language::En : Language::ZhCN);
        (void)app.settings().setPreference("language", languageTag(language()));
    }
    ImGui::EndMainMenuBar();
}

void MainWindow::drawHelpDialogs(app::App& app) {
    const auto dialog = [](bool& open, const char* titleKey, const char* id, const std::string& text) {
        const std::string popup = std::string("###") + id + "_dialog";
        if (open) ImGui::OpenPopup(popup.c_str());
        open = false;
        if (!ImGui::BeginPopupModal((tr(titleKey) + popup).c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button(label("about.close", (std::string(id) + "_close").c_str()).c_str()) ||
            ImGui::IsKeyPressed(ImGuiKey_Escape))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    };
    char about[256];
    std::snprintf(about, sizeof about, tr("about.text"), app.info().version.c_str());
    dialog(m_openAbout, "action.about", "about", about);
    dialog(m_openGuide, "help.guide", "guide", tr("help.guide_text"));
}

// This device's language and text size, as chosen last time (settings, the language switch).
void MainWindow::applyPreferences(const app::App& app) {
    if (m_preferencesApplied) return;
    m_preferencesApplied = true;
    if (const auto lang = app.settings().preference("language"))
        setLanguage(*lang == "en" ? Language::En : Language::ZhCN);
    if (const auto size = app.settings().preference("font_size")) setFontSizePx(std::strtof(size->c_str(), nullptr));
}

// A secured desk locks after the idle time without input; a frame is asked for when that is due
// (the desk draws only on input and change).
void MainWindow::watchIdle(app::App& office, core::TimeMs now) {
    if (office.access().mode() != app::AccessMode::Secured || office.locked()) {
        m_lastInput.reset();
        return;
    }
    const core::TimeMs idleMs = office.access().idleLockMinutes() * 60'000LL;
    // Checked before this frame's input counts: coming back after the idle time finds the desk locked
    // (also where the browser held back the timer, in a background tab).
    if (m_lastInput && now >= *m_lastInput + idleMs) {
        lockDesk(office);
        return;
    }
    if (!m_lastInput || inputThisFrame()) m_lastInput = now;
    if (m_host.requestRedrawAfter)
        m_host.requestRedrawAfter(static_cast<double>(*m_lastInput + idleMs - now) + Host::kTimerSlackMs);
}

void MainWindow::lockDesk(app::App& office) {
    office.lock();
    m_intake.discard(office, m_host);
    m_signIn.offer(office.actor().staffId);
    m_lastInput.reset();
}

void MainWindow::draw(app::App& office) {
    applyPreferences(office);
    m_liveSync.pump(office, m_host); // the office's data, in training too
    const core::TimeMs hostNow = office.clock().now();
    // In training, every screen works on the training session's own database.
    const auto current = [&]() -> app::App& { return m_training.active() ? m_training.app() : office; };
    // The main area fills the viewport below the menu bar (if any).
    const auto beginMain = [] {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->WorkPos);
        ImGui::SetNextWindowSize(vp->WorkSize);
        // A scrollbar when a screen is taller than the window (a small screen, a long form).
        return ImGui::Begin("##main", nullptr,
                            ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                ImGuiWindowFlags_NoSavedSettings);
    };
    // A first start chooses how the desk is signed in to (not over a damaged store's stand-in, which
    // only waits for a restore); a locked desk shows only its sign-in form.
    if (office.access().mode() == app::AccessMode::NotSetUp && !office.readOnly() && !m_host.replaceStoredDatabase) {
        if (beginMain()) m_firstStart.draw(office);
        ImGui::End();
        return;
    }
    watchIdle(office, hostNow);
    if (office.locked()) {
        if (beginMain()) m_signIn.drawLocked(office, m_host);
        ImGui::End();
        return;
    }
    handleShortcuts();
    drawMenuBar(current(), hostNow);
    if (beginMain()) {
        m_training.draw(m_host, hostNow); // may end the session: `app` is chosen after it
        app::App& app = current();
        drawStoreNotices(app);
        if (!m_training.active()) drawStorageWarnings(app); // they concern the office's own data
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (m_focusSearch) ImGui::SetKeyboardFocusHere();
        m_focusSearch = false;
        // Typing a search goes to the list, where the results are.
        if (widgets::textField("##search", m_search, tr("search.hint")) && m_nav.view != View::CaseList)
            m_nav = {View::CaseList, {}};
        ImGui::Separator();
        if (m_drawnView != m_nav.view) screen(m_nav.view).entered();
        m_drawnView = m_nav.view;
        go(screen(m_nav.view).draw({app, m_host, m_nav, m_search}));
        if (m_nav.view == View::CaseList && m_list.exportRequested()) m_sync.exportCsv(app, m_host, m_list.filter());
        if (m_nav.view == View::CaseList && m_list.selectionExport() == SelectionExport::Bundle)
            m_sync.exportCases(m_list.selection().numbers());
        if (m_nav.view == View::CaseList && m_list.selectionExport() == SelectionExport::Csv) {
            core::ListFilter chosen;
            chosen.caseIds = m_list.selection().ids();
            m_sync.exportCsv(app, m_host, chosen);
        }
    }
    ImGui::End();
    app::App& app = current();
    drawHelpDialogs(app);
    m_signIn.draw(office, m_host); // people sign in to the office's desk, in training too
    m_sync.draw(app, m_host);
    m_liveSync.draw(office, m_host);
    m_backup.draw(app, m_host);
    const bool busy = m_sync.busy() || screen(m_nav.view).busy();
    if (busy && m_host.requestRedraw) m_host.requestRedraw();
    // Files dropped while a case is shown are attached to it (when its reader may attach).
    const double dropLimit = m_nav.view == View::CaseDetail ? m_detail.dropLimit(app) : 0;
    if (dropLimit != m_dropLimit && m_host.acceptDroppedAttachments) m_host.acceptDroppedAttachments(dropLimit);
    m_dropLimit = dropLimit;
}

} // namespace tousu::ui
