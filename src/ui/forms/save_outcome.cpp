#include "ui/forms/save_outcome.h"

#include <imgui.h>

#include "present/i18n.h"
#include "ui/present.h"
#include "ui/widgets.h"

namespace tousu::ui {

void SaveOutcome::fieldError(const std::string& form, const char* field) {
    if (form != m_form) return widgets::fieldError(nullptr, field);
    const bool refused = m_error.has_value();
    widgets::fieldError(m_error, field);
    if (refused && !m_error) m_form.clear();
}

void SaveOutcome::draw(const std::string& form) const {
    if (form != m_form) return;
    if (!m_error) {
        const ImVec4 green(0.10f, 0.55f, 0.20f, 1);
        widgets::reportedText("settings_saved", tr("settings.saved"), &green);
    } else if (m_error->fieldErrors.empty()) {
        widgets::actionError(&*m_error);
    }
}

} // namespace tousu::ui
