// The files on a case, in the case detail: each with its name, size, type, who attached it and when;
// opened in the browser (its viewer for pictures and PDFs, its player for recordings) or
// downloaded; withdrawn with a reason by whoever may. New files are picked, or dropped on the page
// while the case is shown, several at once; each refusal says which file and why. Pictures show a
// thumbnail, which opens them large in the desk.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "present/reference_names.h"
#include "ui/host.h"
#include "ui/present.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class AttachmentsPanel {
  public:
    // The case as read again (after any change): which files are here.
    void refresh(const app::App& app, const core::Case& c);
    void draw(app::App& app, const Host& host, const core::Case& c, const ReferenceNames& names);
    // A file picked or dropped for this case (errorKey: the browser could not read it, or it is too large).
    void received(app::App& app, const core::Case& c, const std::string& name, const std::string& bytes,
                  const std::string& errorKey);
    // The largest file the page should take as an attachment while the case is shown.
    double dropLimit(const app::App& app, const core::Case& c) const;
    void close();

  private:
    // A picture decoded by the browser, as a texture; the thumbnails by file and the one shown large.
    // Shared with the decoder's answers, which may come after the panel moved on to another case.
    struct Picture {
        std::uintptr_t texture = 0;
        int width = 0, height = 0;
        bool pending = true;
    };
    struct Pictures {
        std::map<std::string, Picture> thumbnails;
        Picture large;
        std::function<void(std::uintptr_t)> release;
        ~Pictures();
    };
    void request(app::App& app, const Host& host, const core::Attachment& a, int maxSide, bool large);
    void drawThumbnail(app::App& app, const Host& host, const core::Attachment& a, std::size_t i);
    void drawViewer(app::App& app, const Host& host, const core::Case& c);
    void drawFile(app::App& app, const Host& host, const core::Case& c, const ReferenceNames& names, std::size_t i);
    void drawWithdrawal(app::App& app, const core::Case& c);

    std::vector<bool> m_stored;               // per attachment of the case: its bytes are on this device
    std::optional<std::string> m_withdrawing; // the file whose withdrawal is being asked (sha256)
    std::string m_reason;
    std::vector<std::string> m_added;    // files attached since the last pick or drop
    std::vector<std::string> m_refusals; // "name：why" for each refused
    std::optional<core::Error> m_error;  // opening, downloading or withdrawing failed
    std::shared_ptr<Pictures> m_pictures = std::make_shared<Pictures>();
    std::optional<std::size_t> m_viewing; // the attachment shown large
    bool m_openViewer = false;
};

} // namespace tousu::ui
