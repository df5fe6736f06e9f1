// Sync (DESIGN.md, "Sync = exchange events"): export bundles and import them all or nothing, the
// peers this desk has sent to, and every case as TMF621 Trouble Tickets.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/read_models.h"
#include "core/result.h"
#include "sync/bundle.h"

namespace tousu::app {

struct Context;
class ImportJob;

// What to put in an export bundle. Empty: everything.
struct ExportScope {
    std::string peer;                     // only what this peer has not been sent (remembered once delivered)
    std::vector<std::string> caseNumbers; // only these cases, with all reference data
    bool maskPersonal = false;            // customers' names, phones and accounts hidden (sync/mask.h)
};

// A bundle read for export and not yet delivered. A peer's watermark moves only when the caller says
// the file was written (Exchange::markDelivered): a failed write or seal, or a refused passphrase,
// loses nothing — the next export to that peer sends the same events again.
struct PreparedExport {
    sync::Bundle bundle;
    std::string peer;         // empty: no watermark to move
    std::int64_t lastSeq = 0; // the watermark it moves to
};

// What an import did (or, dry-run, would do).
struct ImportSummary {
    int events = 0, newEvents = 0, duplicates = 0;
    int newCases = 0, updatedCases = 0, referenceChanges = 0;
    int newFiles = 0;     // attached files stored
    int missingFiles = 0; // files attach events name that are not on this device (a masked bundle's)
    std::vector<std::string> concurrentCases; // numbers of cases that now show a concurrent edit
};

class Exchange {
  public:
    explicit Exchange(Context& ctx) : m_ctx(ctx) {}

    // An export in two steps: read (nothing changes), then, once the file is written, delivered.
    core::Result<PreparedExport> prepareExport(const ExportScope& scope);
    core::Status markDelivered(const PreparedExport& prepared);
    // Both at once, for callers with nothing that can fail in between (tests, benchmarks).
    core::Result<sync::Bundle> exportBundle(const ExportScope& scope);
    // All or nothing: either every event is stored and projected, or nothing changes. `apply`
    // false is the preview: the same work, rolled back. Refused when the bundle's case events
    // name departments, staff or sub-types that neither this database nor the bundle defines.
    // startImport gives the job to step (the desk, a slice per frame); importBundle runs it to the end.
    core::Result<std::unique_ptr<ImportJob>> startImport(const sync::Bundle& bundle, bool apply);
    core::Result<ImportSummary> importBundle(const sync::Bundle& bundle, bool apply);
    std::vector<core::Peer> peers() const;
    // Every case as a TMF621 Trouble Ticket, as one JSON array (README, "TMF621"); returns how many.
    core::Result<int> exportTmf(std::string& out) const;
    // The case list was saved as CSV by the desk (present/case_csv.h): written in the audit log.
    void noteCsvExport(std::size_t rows, bool wholePhones);

  private:
    Context& m_ctx;
};

} // namespace tousu::app
