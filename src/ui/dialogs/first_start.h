// A desk's first start (app/access.h): the administrator secures it with a passphrase, after which
// everyone signs in with their own secret; or, said plainly, it becomes a single-person desk that
// anyone at the computer may use as anyone. Nothing else is shown until one is chosen.
#pragma once
#include <optional>
#include <string>

#include "core/result.h"
#include "present/reference_names.h"
#include "ui/present.h"

namespace tousu::app {
class App;
}

namespace tousu::ui {

class FirstStart {
  public:
    void draw(app::App& app); // the whole window's content

  private:
    void secure(app::App& app);

    ReferenceNames m_names;
    std::string m_adminId, m_passphrase, m_confirm;
    std::optional<core::Error> m_error;
};

} // namespace tousu::ui
