// Sync from the desk: export bundles as downloads (everything, or what a peer office has not been
// sent yet), and import a picked or dropped bundle — read, previewed as a dry run (new and updated
// cases, concurrent edits), then applied all or nothing only when the user confirms.
#pragma once
#include <optional>
#include <string>

#include "app/app.h"
#include "ui/host.h"

namespace tousu::ui {

class SyncDialog {
public:
    void exportAll(app::App& app, const Host& host);
    void exportTmf(app::App& app, const Host& host);
    void exportCsv(app::App& app, const Host& host, const store::ListFilter& filter);
    void askPeer() { m_stage = Stage::PeerExport; m_openPopup = true; }
    void importFile(const Host& host) const;
    // A file arrived (picker or drop): read and preview it.
    void received(app::App& app, const std::string& name, const std::string& bytes, const std::string& errorKey);
    void draw(app::App& app, const Host& host);

private:
    enum class Stage { Closed, PeerExport, Exported, Preview, Applied, Refused };
    void exportScope(app::App& app, const Host& host, const app::ExportScope& scope);
    void exported(const std::string& fileName, int count);
    void refuse(core::Error e);
    void drawPeerExport(app::App& app, const Host& host);
    void drawPreview(app::App& app);
    void drawOutcome();

    Stage m_stage = Stage::Closed;
    bool m_openPopup = false;
    std::string m_fileName, m_peer;
    int m_exported = 0;
    std::optional<sync::Bundle> m_bundle;
    app::ImportSummary m_summary;
    core::Error m_error;
};

} // namespace tousu::ui
