// Erasing a customer's personal data from the case detail (app/personal_data.h): for administrators,
// on a closed or cancelled case; says which cases it reaches, what stays, and that earlier backups
// still hold the data, and asks once more before it erases.
#pragma once
#include <optional>
#include <string>

#include "app/personal_data.h"
#include "core/model.h"
#include "core/result.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class EraseForm {
  public:
    // The button, and once pressed the question; nothing for whom it is not.
    void draw(app::App& app, const core::Case& c);
    void close() { m_preview.reset(), m_error.reset(); }

  private:
    std::optional<app::ErasurePreview> m_preview; // open: the cases it reaches
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
