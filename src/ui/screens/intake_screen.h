// Intake 新建投诉: register a complaint with every required field, a category suggested from the
// text, field errors inline in the user's language. The fast path takes it further in the same
// save: 登记并确认 confirms it by the contact method with the office's template and classifies it as
// shown; 登记并分派 also dispatches it to the department and person shown (suggested from the
// office's habit and the handlers' load, app::Cases::suggestAssignee). While the phone or account is typed it shows
// the customer's earlier complaints and whether this one will count as a repeat. What is typed is
// kept in the browser's local store as a draft until the complaint is registered, so a reload or a
// crash loses nothing.
#pragma once
#include <cfloat>
#include <optional>
#include <string>

#include "app/app.h"
#include "core/result.h"
#include "core/validate.h"
#include "present/reference_names.h"
#include "ui/host.h"
#include "ui/screens/navigation.h"
#include "ui/screens/screen.h"

namespace tousu::ui {

class IntakeScreen : public Screen {
  public:
    // Returns a navigation request after a successful registration.
    std::optional<Navigation> draw(const ScreenContext& ctx) override;
    void entered() override { m_focusFirst = true; }
    // The desk locked: what was typed (and its draft in the tab's store) is gone.
    void discard(const app::App& app, const Host& host);

  private:
    enum class Then { Nothing, Confirm, Dispatch }; // what the save does after registering
    void reset(const app::App& app);
    std::optional<Navigation> save(app::App& app, const Host& host, Then then);
    void drawAssignee(const app::App& app, float labelWidth);
    void restoreDraft(const Host& host);
    void keepDraft(const Host& host);
    void drawHistory(const app::App& app);
    void drawReceived(const app::App& app);

    core::Registration m_form;
    // 受理时间 is when the complaint came in: the moment the agent started this form (the first
    // character typed, or the 来电 button), the live clock until then, or what the agent typed over it.
    std::string m_received; // as shown and typed
    std::optional<core::TimeMs> m_startedAt;
    bool m_receivedTyped = false;
    bool m_started = false;
    bool m_focusFirst = false; // the customer's name takes the keyboard focus (the screen opened, a case saved)
    bool m_categoryTouched = false;
    std::optional<core::Error> m_error;
    std::string m_draft;          // the draft as last written to the tab's store
    std::string m_person;         // who the form is being filled in by (a draft is theirs only)
    bool m_restored = false;      // the form came back from a draft
    float m_formHeight = FLT_MAX; // the fields' height last frame: the save bar follows them, or sticks to the bottom
    std::string m_historyFor;     // phone|account|category the history below was read for
    app::CustomerHistory m_history;
    bool m_openCustomer = false; // the history's link to the customer's record was clicked
    present::ReferenceNames m_names;
    app::Assignee m_assignee;                 // where 登记并分派 sends it: suggested until the agent chooses
    std::optional<std::string> m_assigneeFor; // the category it was suggested for
    bool m_assigneeChosen = false;            // chosen by hand: kept when the category changes
    int m_expectedHours = 24;
};

} // namespace tousu::ui
