// The application layer: the one entry point that screens, the CLI and tests call. It owns the
// database and the clock, and counts data revisions so screens know when to refresh view models.
// Depends on core and store; never on ImGui or the platform.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"

namespace tousu::store { class Database; }

namespace tousu::app {

struct AppInfo {
    std::string version;
    int schemaVersion = 0;
};

class App {
public:
    static core::Result<std::unique_ptr<App>> open(const std::string& dbPath, const core::Clock& clock);
    ~App();

    AppInfo info() const;
    const core::Clock& clock() const { return m_clock; }
    // Bumped by every committed change; view models compare it to decide whether to re-query.
    std::uint64_t revision() const { return m_revision; }

private:
    App(std::unique_ptr<store::Database> db, const core::Clock& clock);
    std::unique_ptr<store::Database> m_db;
    const core::Clock& m_clock;
    std::uint64_t m_revision = 1;
};

} // namespace tousu::app
