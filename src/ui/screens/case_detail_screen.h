// Case detail: header with state, deadlines and time left, the full timeline (every event with
// actor and time, filtered to steps, notes or messages on request), only the actions the workflow
// and the user's role allow, and the case file's own entries (a note, a reply, a correction, files).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/model.h"
#include "present/reference_names.h"
#include "ui/forms/action_form.h"
#include "ui/forms/amend_form.h"
#include "ui/forms/attachments_panel.h"
#include "ui/forms/erase_form.h"
#include "ui/present.h"
#include "ui/screens/navigation.h"
#include "ui/screens/screen.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class CaseDetailScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;
    void entered() override { m_focusAction = true; }
    // A file picked or dropped to attach to the case shown.
    void attachmentReceived(app::App& app, const std::string& name, const std::string& bytes,
                            const std::string& errorKey);
    // The largest file dropped on the page that is an attachment to the case shown (0: no case).
    double dropLimit(const app::App& app) const { return m_case ? m_files.dropLimit(app, *m_case) : 0; }

  private:
    void load(app::App& app, const std::string& caseId);
    // Returns where the header's link to the earlier complaint leads, when clicked.
    std::optional<Navigation> drawHeader(const app::App& app);
    void drawTimeline(const app::App& app);
    void drawActions(app::App& app, const Host& host);
    void drawCaseFileActions(app::App& app, const Host& host);

    std::string m_caseId;
    std::uint64_t m_revision = 0;
    std::optional<core::Case> m_case;
    std::vector<core::Event> m_events;
    ReferenceNames m_names;
    std::string m_repeatOfNumber; // the earlier complaint this one repeats, as it is shown
    ActionForm m_form;
    AmendForm m_amend;
    EraseForm m_erase;
    AttachmentsPanel m_files;
    // Which entries the timeline shows: all, the process's steps, internal notes, or what was said to
    // the customer.
    enum class TimelineFilter { All, Steps, Notes, Messages } m_filter = TimelineFilter::All;
    bool m_focusAction = false; // the next step takes the keyboard focus (a case opened, a step recorded)
    std::string m_recorded;     // the step just recorded, said until the next one starts
    std::optional<core::Error> m_printError;
};

} // namespace tousu::ui
