// Sync from the desk: export bundles as downloads (everything, or what a peer office has not been
// sent yet; optionally with customers' personal data hidden and sealed with a passphrase), and
// import a picked or dropped bundle — opened with its passphrase if sealed, read, previewed as a
// dry run (new and updated cases, concurrent edits), then applied all or nothing only when the
// user confirms. Slow steps show what is happening before they start; previews and imports run a
// slice per frame with a progress bar.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "app/app.h"
#include "app/import_job.h"
#include "app/incoming_bundle.h"
#include "sync/sealed.h"
#include "ui/host.h"

namespace tousu::ui {

class SyncDialog {
  public:
    void exportAll() { askExport(false); }
    void exportPeer() { askExport(true); }
    // A bundle of these cases only (shown numbers; the list's selection).
    void exportCases(std::vector<std::string> numbers);
    void exportTmf(app::App& app, const Host& host);
    void exportCsv(app::App& app, const Host& host, const core::ListFilter& filter);
    void importFile(const Host& host) const;
    // A file arrived (picker or drop): open, read and preview it.
    void received(app::App& app, const Host& host, const std::string& name, std::string bytes,
                  const std::string& errorKey);
    void draw(app::App& app, const Host& host);
    // Working on something spread over frames (or waiting for the browser's crypto): the caller keeps frames coming.
    bool busy() const { return m_stage == Stage::Working; }

  private:
    enum class Stage { Closed, ExportOptions, Working, Passphrase, Exported, Preview, Applied, Refused };
    void show(Stage stage);
    void askExport(bool forPeer);
    // Shows `messageKey` for a frame, then runs `work` (which moves the dialog on).
    void startWork(const char* messageKey, std::function<void()> work);
    void exportBundle(app::App& app, const Host& host);
    void exported(const std::string& fileName, int count);
    void unlock(app::App& app, const Host& host);
    void preview(app::App& app);
    // Starts the import job (a preview, or the real import) that drawWorking() advances per frame.
    void runImport(app::App& app, bool apply);
    void advanceImport();
    void refuse(core::Error e);
    void drawExportOptions(app::App& app, const Host& host);
    void drawPassphrase(app::App& app, const Host& host);
    void drawPreview(app::App& app);
    void drawWorking();
    void drawOutcome();

    Stage m_stage = Stage::Closed;
    bool m_openPopup = false;
    std::string m_fileName, m_peer;
    bool m_exporting = false, m_forPeer = false, m_mask = false, m_encrypt = false;
    std::vector<std::string> m_caseNumbers; // only these cases; empty: all
    std::string m_passphrase, m_repeated;
    std::optional<core::Error> m_passphraseError;
    const char* m_workKey = "";
    std::function<void()> m_work;
    std::unique_ptr<app::ImportJob> m_import;
    bool m_importApplies = false;
    int m_workFrames = 0;
    int m_exported = 0;
    std::optional<app::IncomingBundle> m_incoming; // the file being imported, at whichever stage
    app::ImportSummary m_summary;
    core::Error m_error;
};

} // namespace tousu::ui
