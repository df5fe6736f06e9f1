// An import the desk spreads over frames, so a large bundle shows progress instead of freezing the
// tab (Exchange::importBundle runs one to the end). One transaction from start to finish: the events
// are stored and the touched cases re-folded a slice per step, the summary is counted as it goes; a
// preview is rolled back at the end, an import committed. While a job is open the sync dialog is
// modal; escalations the minute tick records meanwhile nest inside the job's transaction, so they
// are committed with an import and rolled back with a preview (then recorded again at the next tick).
#pragma once
#include <cstddef>
#include <memory>

#include "app/exchange.h"

namespace tousu::app {

class ImportJob {
  public:
    // Refused at once when read-only or when case events name unknown reference data. `bundle`
    // must outlive the job. (Exchange::startImport is how callers outside src/app get one.) `audited`:
    // an applied import is written in the audit log (a file; live sync's batches are not).
    static core::Result<std::unique_ptr<ImportJob>> start(Context& ctx, const sync::Bundle& bundle, bool apply,
                                                          bool audited = false);
    ~ImportJob();
    // Does about `budget` units of work; true once finished (committed, or rolled back for a preview).
    core::Result<bool> step(std::size_t budget);
    double progress() const;
    const ImportSummary& summary() const;

  private:
    struct State; // the store's transaction and insertion, and the counts so far (app/exchange.cpp)
    explicit ImportJob(std::unique_ptr<State> state);
    core::Status storeFiles();
    void finish();
    std::unique_ptr<State> m;
};

} // namespace tousu::app
