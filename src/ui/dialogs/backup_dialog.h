// Backup and restore from the desk: download the database as a .sqlite file; restore one picked or
// dropped — checked first and described (office, cases, records), replacing everything only when
// the user confirms, after an automatic download of what is about to be replaced.
#pragma once
#include <string>

#include "app/app.h"
#include "ui/host.h"

namespace tousu::ui {

class BackupDialog {
  public:
    void download(app::App& app, const Host& host);
    void pickFile(const Host& host) const;
    void received(app::App& app, const std::string& name, const std::string& bytes);
    void draw(app::App& app, const Host& host);

  private:
    enum class Stage { Closed, Downloaded, Preview, Refused, Restored };
    void refuse(core::Error e);
    void show(Stage s);

    Stage m_stage = Stage::Closed;
    bool m_openPopup = false;
    std::string m_fileName, m_bytes, m_savedAs;
    app::BackupInfo m_info;
    core::Error m_error;
};

// "SQLite format 3": what a backup file starts with (a dropped file goes to restore, not sync).
bool looksLikeBackup(const std::string& bytes);

} // namespace tousu::ui
