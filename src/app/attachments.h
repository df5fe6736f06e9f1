// Files on a case (README, "The case file"): a recording, a photo of the bill, a document, attached
// at any step and never edited, only withdrawn with a reason (the bytes stay for the audit trail,
// until the customer's data is erased). Each file is stored with the event that attaches it, in one
// transaction (store/attachment_store.h), named by its SHA-256.
#pragma once
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/result.h"

namespace tousu::app {

struct Context;

class Attachments {
  public:
    explicit Attachments(Context& ctx) : m_ctx(ctx) {}

    // Attaches a file under `name` (its type from the extension): refused when the name or type is
    // not taken, the file is empty, over the file or the case's limit, or already on the case; on a
    // closed case by supervisors and administrators only; never once the customer's data was erased.
    // Returns the file's SHA-256.
    core::Result<std::string> attach(const std::string& caseId, const std::string& name, std::string_view bytes);
    // Withdraws a file from the case, with a reason: by the person who attached it while the case is
    // open, by supervisors and administrators always.
    core::Status withdraw(const std::string& caseId, const std::string& sha256, const std::string& reason);
    // The file's bytes (error.attachment_missing when they are not here: not received yet, or erased).
    core::Result<std::string> bytes(const std::string& sha256) const;
    bool stored(const std::string& sha256) const;
    // Whether the person at the desk may attach to the case, or withdraw this file from it (the
    // rules attach and withdraw apply, for the desk to offer only what it may).
    bool mayAttach(const core::Case& c) const;
    bool mayWithdraw(const core::Case& c, const core::Attachment& a) const;

    // The limits, in megabytes (administrators set them for this device).
    int maxFileMegabytes() const;
    int maxCaseMegabytes() const;
    core::Status setMaxFileMegabytes(int megabytes);
    core::Status setMaxCaseMegabytes(int megabytes);

  private:
    core::Status attachAllowed(const core::Case& c) const;
    core::Status withdrawAllowed(const core::Case& c, const core::Attachment& a) const;

    Context& m_ctx;
};

} // namespace tousu::app
