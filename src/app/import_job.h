// An import the desk spreads over frames, so a large bundle shows progress instead of freezing the
// tab (App::importBundle runs one to the end). One transaction from start to finish: the events are
// stored and the touched cases re-folded a slice per step, the summary is counted as it goes; a
// preview is rolled back at the end, an import committed. While a job is open nothing else may
// write (the sync dialog is modal; App::recordEscalations then finds the transaction taken and
// tries again a minute later).
#pragma once
#include <map>
#include <memory>

#include "app/app.h"
#include "store/case_store.h"
#include "store/statement.h"

namespace tousu::app {

class ImportJob {
public:
    // Refused at once when read-only or when case events name unknown reference data. `bundle`
    // must outlive the job.
    static core::Result<std::unique_ptr<ImportJob>> start(App& app, const sync::Bundle& bundle, bool apply);
    // Does about `budget` units of work; true once finished (committed, or rolled back for a preview).
    core::Result<bool> step(std::size_t budget);
    double progress() const;
    const ImportSummary& summary() const { return m_summary; }

private:
    ImportJob(App& app, const sync::Bundle& bundle, bool apply);
    void finish();

    App& m_app;
    const sync::Bundle& m_bundle;
    bool m_apply;
    std::unique_ptr<store::Transaction> m_tx;
    std::vector<std::string> m_caseIds;      // cases the bundle names
    std::map<std::string, int> m_before;     // their concurrent-edit flag before (-1: not here yet)
    std::size_t m_nextBefore = 0, m_nextAfter = 0;
    std::unique_ptr<store::EventInsertion> m_insertion;
    ImportSummary m_summary;
    bool m_done = false;
};

} // namespace tousu::app
