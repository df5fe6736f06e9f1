// The customer's record 客户档案 (app/customers.h): who they are and how to reach them as recorded
// over time, how many complaints of which category, every complaint with the one it repeats and
// its satisfaction (each opens), and what they were told. Reached from the case detail, the list
// and intake; read again when the data changes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "app/customers.h"
#include "present/reference_names.h"
#include "ui/screens/navigation.h"
#include "ui/screens/screen.h"

namespace tousu::ui {

class CustomerScreen : public Screen {
  public:
    std::optional<Navigation> draw(const ScreenContext& ctx) override;

  private:
    void load(const app::App& app, const std::string& key);
    void drawContacts(const app::App& app) const;
    std::optional<Navigation> drawCases();
    void drawMessages() const;

    std::string m_key;
    std::uint64_t m_revision = 0;
    std::optional<app::CustomerRecord> m_record;
    std::optional<core::Error> m_error;
    present::ReferenceNames m_names;
};

} // namespace tousu::ui
