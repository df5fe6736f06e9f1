// Personal data handled as the law expects (PIPL; README, "Personal data"): an administrator erases a
// customer's name, phone, account and key from every case of theirs on request, once the cases are
// closed or cancelled, and a retention job erases them from cases closed longer ago than the
// office keeps them. An erasure is an event (`erase`, with its reason and no personal data) that
// travels in bundles and live sync like any other, and every office that holds the case rewrites
// its stored events redacted (core/redact.h); cases and statistics stay.
#pragma once
#include <string>
#include <vector>

#include "core/result.h"

namespace tousu::app {

struct Context;

// The cases an erasure would reach: the customer's (by their key; the case alone without one).
struct ErasurePreview {
    std::vector<std::string> numbers;
    int open = 0; // still open: refused until they are closed or cancelled
};

class PersonalData {
  public:
    static constexpr int kDefaultRetentionYears = 3;

    explicit PersonalData(Context& ctx) : m_ctx(ctx) {}

    core::Result<ErasurePreview> preview(const std::string& caseId) const;
    // Erases the personal data of the customer of `caseId` from all their cases (administrators);
    // returns how many cases. Refused with error.erase_open_cases while any is open.
    core::Result<int> eraseCustomer(const std::string& caseId);

    // Years a closed case keeps its customer's personal data (1–30).
    int retentionYears() const;
    core::Status setRetentionYears(int years);
    // Closed cases past the retention whose personal data is still there.
    core::Result<int> retentionDue() const;
    // Erases up to `batch` of them in one transaction (administrators): an interruption loses at most
    // that batch, never part of a case; running again goes on. Returns how many were erased.
    core::Result<int> eraseDue(int batch);

  private:
    core::Result<int> erase(const std::vector<std::string>& caseIds, const char* reason);

    Context& m_ctx;
};

} // namespace tousu::app
