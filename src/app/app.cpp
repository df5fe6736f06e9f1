#include "app/app.h"

#include "core/version.h"
#include "store/database.h"

namespace tousu::app {

App::App(std::unique_ptr<store::Database> db, const core::Clock& clock) : m_db(std::move(db)), m_clock(clock) {}
App::~App() = default;

core::Result<std::unique_ptr<App>> App::open(const std::string& dbPath, const core::Clock& clock) {
    auto db = store::Database::open(dbPath);
    if (!db) return db.error();
    return std::unique_ptr<App>(new App(std::move(db.value()), clock));
}

AppInfo App::info() const { return {core::version(), m_db->schemaVersion()}; }

} // namespace tousu::app
