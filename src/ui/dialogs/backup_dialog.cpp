#include "ui/dialogs/backup_dialog.h"

#include <imgui.h>

#include "present/format.h"
#include "present/i18n.h"
#include "ui/present.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace tousu::ui {

namespace {

constexpr const char* kPopup = "###backup_dialog";

std::string backupFileName(const app::App& app, const char* kind) {
    std::string digits;
    for (char c : formatDateTime(app.clock().now()))
        if (c >= '0' && c <= '9') digits += c;
    return "tousu-" + app.info().officeCode + kind + "-" + digits.substr(0, 8) + "-" + digits.substr(8) + ".sqlite";
}

// Downloads the current data, in pieces straight from the database file where the host can take
// them (a large database would not fit in memory twice); the file name, or why it failed.
core::Result<std::string> saveBackup(app::App& app, const Host& host, const char* kind) {
    const std::string name = backupFileName(app, kind);
    if (host.saveFileInPieces) {
        auto st = host.saveFileInPieces(name, "application/vnd.sqlite3",
                                        [&](const Host::PieceSink& piece) { return app.backups().backupTo(piece); });
        if (!st) return st.error();
        return name;
    }
    auto image = app.backups().backup();
    if (!image) return image.error();
    if (!host.saveFile) return core::makeError(core::ErrorCode::Storage, "error.storage", "nowhere to save");
    host.saveFile(name, "application/vnd.sqlite3", image.value());
    return name;
}

} // namespace

bool looksLikeBackup(const std::string& bytes) { return bytes.rfind("SQLite format 3", 0) == 0; }

void BackupDialog::show(Stage s) {
    m_stage = s;
    m_openPopup = true;
}

void BackupDialog::refuse(core::Error e) {
    m_error = std::move(e);
    m_bytes.clear();
    show(Stage::Refused);
}

void BackupDialog::download(app::App& app, const Host& host) {
    auto saved = saveBackup(app, host, "-backup");
    if (!saved) return refuse(saved.error());
    m_savedAs = saved.value();
    show(Stage::Downloaded);
}

void BackupDialog::pickFile(const Host& host) const {
    if (host.pickFile) host.pickFile(".sqlite,.db,application/vnd.sqlite3");
}

void BackupDialog::received(app::App& app, const std::string& name, const std::string& bytes) {
    m_fileName = name;
    auto info = app.backups().checkBackup(bytes);
    if (!info) return refuse(info.error());
    m_info = info.value();
    m_bytes = bytes;
    show(Stage::Preview);
}

void BackupDialog::draw(app::App& app, const Host& host) {
    if (m_openPopup) {
        ImGui::OpenPopup(kPopup);
        m_openPopup = false;
    }
    if (m_stage == Stage::Closed) return;
    const char* title = m_stage == Stage::Downloaded ? "backup.download_title" : "backup.restore_title";
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal((std::string(tr(title)) + kPopup).c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    bool close = false;
    switch (m_stage) {
    case Stage::Downloaded:
        widgets::reportedText("backup_done", tr("backup.downloaded"));
        ImGui::TextDisabled("%s", m_savedAs.c_str());
        break;
    case Stage::Preview: {
        ImGui::Text("%s %s", tr("sync.file"), m_fileName.c_str());
        ImGui::Text("%s %s (%s)", tr("sync.from"), m_info.officeName.c_str(), m_info.officeCode.c_str());
        widgets::reportedText("backup_cases", trNumber("backup.cases", m_info.cases));
        ImGui::TextDisabled("%s", trNumber("backup.records", static_cast<int>(m_info.events)).c_str());
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(tr("backup.replace_warning"));
        ImGui::PopTextWrapPos();
        ImGui::BeginDisabled(app.readOnly());
        if (ImGui::Button(label("backup.restore_go", "restore_apply").c_str())) {
            auto saved = saveBackup(app, host, "-before-restore");
            m_savedAs = saved ? saved.value() : std::string{};
            if (!saved) {
                refuse(saved.error());
            } else if (auto st = app.backups().restore(m_bytes); !st) {
                refuse(st.error());
            } else {
                m_bytes.clear();
                m_stage = Stage::Restored;
                if (host.replaceStoredDatabase) { // over a damaged store: it takes the restored image
                    if (auto image = app.backups().backup())
                        host.replaceStoredDatabase(image.value());
                    else
                        refuse(image.error());
                }
            }
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        close = ImGui::Button(label("dialog.cancel", "restore_cancel").c_str());
        break;
    }
    case Stage::Restored:
        widgets::reportedText("restore_done", trNumber("backup.restored", m_info.cases));
        ImGui::TextDisabled("%s %s", tr("backup.previous_saved"), m_savedAs.c_str());
        break;
    default:
        ImGui::Text("%s %s", tr("sync.file"), m_fileName.c_str());
        widgets::reportedText("backup_error", tr(m_error.messageKey), &colour::kDanger);
        if (!m_error.detail.empty()) ImGui::TextDisabled("%s %s", tr("sync.detail"), m_error.detail.c_str());
        ImGui::TextUnformatted(tr("sync.unchanged"));
        break;
    }
    if (m_stage != Stage::Preview) close = ImGui::Button(label("about.close", "backup_close").c_str());
    if (close || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        m_stage = Stage::Closed;
        m_bytes.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace tousu::ui
