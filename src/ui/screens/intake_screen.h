// Intake 新建投诉: register a complaint with every required field, a category suggested from the
// text, field errors inline in the user's language. UI-transient state only.
#pragma once
#include <optional>
#include <string>

#include "core/result.h"
#include "core/validate.h"
#include "ui/screens/navigation.h"

namespace tousu::app { class App; }

namespace tousu::ui {

class IntakeScreen {
public:
    // Returns a navigation request after a successful registration.
    std::optional<Navigation> draw(app::App& app);

private:
    void reset(const app::App& app);

    core::Registration m_form;
    std::string m_received;
    bool m_started = false;
    bool m_categoryTouched = false;
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
