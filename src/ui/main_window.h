// The frame of the desk: the menu bar with the main destinations and the language switch, the
// global search box and the main area that screens fill. UI-transient state only.
#pragma once
#include <string>

#include "ui/dialogs/backup_dialog.h"
#include "ui/dialogs/first_start.h"
#include "ui/dialogs/live_sync.h"
#include "ui/dialogs/sign_in.h"
#include "ui/dialogs/sync_dialog.h"
#include "ui/host.h"
#include "ui/screens/case_detail_screen.h"
#include "ui/screens/case_list_screen.h"
#include "ui/screens/customer_screen.h"
#include "ui/screens/dashboard_screen.h"
#include "ui/screens/follow_ups_screen.h"
#include "ui/screens/intake_screen.h"
#include "ui/screens/navigation.h"
#include "ui/screens/settings_screen.h"
#include "ui/screens/suggestions_screen.h"
#include "ui/screens/work_queue_screen.h"
#include "ui/training_panel.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class MainWindow {
  public:
    // Draws the desk over the office's data, or over a training session's while one runs.
    void draw(app::App& office);
    void setHost(Host host) { m_host = std::move(host); }
    // A file the user picked or dropped on the page: a backup (SQLite) or a sync bundle, or a file
    // to attach to the case shown.
    void fileReceived(app::App& app, const std::string& name, std::string bytes, const std::string& errorKey,
                      bool attachment = false);
    void setStorage(const StorageInfo& s) { m_storage = s; }
    View view() const { return m_nav.view; }
    // A locked desk's sign-in form is for this person first (who worked last).
    void offerSignIn(const std::string& staffId) { m_signIn.offer(staffId); }
    // Shows a destination (screens ask for one; nullopt stays where it is).
    void go(const std::optional<Navigation>& nav);

  private:
    Screen& screen(View view);
    void drawMenuBar(app::App& app, core::TimeMs hostNow);
    float drawSaveState(const app::App& app, bool measureOnly = false);
    std::string userTitle(const app::App& app); // the signed-in person and their role
    void drawStoreNotices(app::App& app);
    void drawUserMenu(app::App& app, const std::string& title);
    void drawHelpMenu(const app::App& app);
    void drawBackupMenu(app::App& app);
    void drawStorageWarnings(app::App& app);
    void drawHelpDialogs(app::App& app); // about, the guide
    void handleShortcuts();
    void watchIdle(app::App& office, core::TimeMs now);
    void lockDesk(app::App& office);
    void applyPreferences(const app::App& app);

    Navigation m_nav;
    std::optional<View> m_drawnView; // the screen drawn last frame
    WorkQueueScreen m_queue;
    ReferenceNames m_names;
    IntakeScreen m_intake;
    CaseListScreen m_list;
    CaseDetailScreen m_detail;
    DashboardScreen m_dashboard;
    SuggestionsScreen m_suggestions;
    SettingsScreen m_settings;
    FollowUpsScreen m_followUps;
    CustomerScreen m_customer;
    SignIn m_signIn;
    FirstStart m_firstStart;
    std::optional<core::TimeMs> m_lastInput; // a secured desk locks when idle
    TrainingPanel m_training;
    bool m_preferencesApplied = false;
    double m_dropLimit = 0; // what the page was last told about dropped files (attachments up to it)
    std::string m_search;
    bool m_focusSearch = false;
    bool m_openAbout = false, m_openGuide = false;
    SyncDialog m_sync;
    LiveSync m_liveSync;
    BackupDialog m_backup;
    StorageInfo m_storage;
    std::uint64_t m_backupCheckedRevision = 0;
    long long m_backupCheckedHour = 0;
    bool m_backupDue = false;
    bool m_officeUnset = false;
    bool m_noticesOpen = false; // every reminder shown, not just the first
    std::string m_downloaded;   // "saved as …" after a download from the menu, until dismissed
    std::optional<core::TimeMs> m_lastBackup;
    Host m_host;
};

} // namespace tousu::ui
