// A customer's record 客户档案: every complaint of theirs (the same phone, or the same account when
// they gave no phone), the complaint each one repeats, how to reach them as recorded over time, what
// they were told, their satisfaction, and a count by category. Read-only; whether contacts are shown
// whole is the reader's role's business (App::seesWholeContacts).
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "core/read_models.h"
#include "core/result.h"

namespace tousu::app {

struct Context;

// What the customer was told, or a contact with them: a reply, a confirmation, a result, a call.
struct CustomerMessage {
    std::string caseId, caseNumber, type, method, text, actor;
    core::TimeMs at = 0;
};

struct CustomerCase {
    core::Case c;               // as shown (a twin's number)
    std::string repeatOfNumber; // the earlier complaint it repeats, as shown
};

struct CustomerRecord {
    std::string key;
    int total = 0;                            // all their complaints; `cases` holds the newest kMaxCases
    std::vector<CustomerCase> cases;          // newest first
    std::vector<core::NamedCount> byCategory; // of `cases`, in the categories' order
    std::vector<std::string> names, phones, accounts, emails, addresses; // distinct, newest first
    std::vector<CustomerMessage> messages;                               // newest first
};

class Customers {
  public:
    static constexpr int kMaxCases = 200;

    explicit Customers(Context& ctx) : m_ctx(ctx) {}

    // error.customer_not_found for a key with no case (an erased customer has none).
    core::Result<CustomerRecord> record(const std::string& customerKey) const;

  private:
    Context& m_ctx;
};

} // namespace tousu::app
