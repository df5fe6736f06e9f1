// The complaint process (DOMAIN.md): one function per step. Each validates its input, checks the
// actor's role and the workflow, appends one event and projects it — one SQLite transaction — then
// bumps the data revision. Nothing is written when validation fails. Plus the reads of cases.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/event.h"
#include "core/model.h"
#include "core/read_models.h"
#include "core/result.h"
#include "core/validate.h"
#include "core/workflow.h"

namespace tousu::app {

struct Context;

struct CaseRef {
    std::string id, number;
    bool repeat = false;
};

// Where a new complaint would go: a department and a person in it ("" when there is none).
struct Assignee {
    std::string department, person;
};

// A customer's earlier complaints, shown while a new one is typed in.
struct CustomerHistory {
    std::string key; // the customer's (app::Customers::record)
    int total = 0;
    std::vector<core::CaseRow> recent; // newest first, at most Cases::kHistoryRows
    std::string repeatOfNumber;        // the complaint this one would repeat (same category, in the window)
};

class Cases {
  public:
    explicit Cases(Context& ctx) : m_ctx(ctx) {}

    // [SECTION] Actions
    core::Result<CaseRef> registerCase(const core::Registration& r);
    core::Status confirm(const std::string& caseId, const std::string& method, const std::string& text);
    core::Status classify(const std::string& caseId, const std::string& category, const std::string& subType,
                          const std::string& importance);
    core::Status dispatch(const std::string& caseId, const std::string& department, const std::string& person,
                          core::TimeMs expectedAt);
    core::Status investigate(const std::string& caseId, const std::string& note);
    core::Status recordContact(const std::string& caseId, const std::string& method, const std::string& note);
    core::Status waitForCustomer(const std::string& caseId, const std::string& reason);
    core::Status customerResponded(const std::string& caseId, const std::string& note);
    core::Status proposeSolution(const std::string& caseId, const std::string& solution);
    core::Status rejectSolution(const std::string& caseId, const std::string& reason);
    core::Status implement(const std::string& caseId, const std::string& step);
    core::Status feedback(const std::string& caseId, const std::string& result, const std::string& method);
    core::Status survey(const std::string& caseId, int rating, const std::string& comment, bool declined);
    core::Status archive(const std::string& caseId);
    core::Status followUp(const std::string& caseId, bool resolved, const std::string& note);
    core::Status reopen(const std::string& caseId, const std::string& reason);
    core::Status reassign(const std::string& caseId, const std::string& department, const std::string& person,
                          const std::string& reason);
    // Many cases to one person with one reason (a selection in the list; someone who left), all in one
    // transaction: a case the workflow does not let move refuses them all, naming it.
    core::Status reassignMany(const std::vector<std::string>& caseIds, const std::string& department,
                              const std::string& person, const std::string& reason);
    core::Status cancel(const std::string& caseId, const std::string& reason);
    core::Status merge(const std::string& caseId, const std::string& intoNumber, const std::string& reason);
    core::Status setDeadline(const std::string& caseId, const std::string& milestone, int limitHours,
                             const std::string& reason);
    // [SECTION] The case file: in any state, without moving the case
    // Registration data corrected (core/amend.h: field → value as typed), with a reason: by
    // supervisors and administrators always, by the person who registered it while it is open. The
    // complaint it repeats is looked up again when the customer or the received time changes.
    core::Status amend(const std::string& caseId, const core::Fields& changes, const std::string& reason);
    // An internal note (never sent to the customer, not a step of the process).
    core::Status addNote(const std::string& caseId, const std::string& note);
    // What was said to the customer, and how (a contact method's code).
    core::Status messageCustomer(const std::string& caseId, const std::string& method, const std::string& text);

    // Records an escalation event for every open case that crossed a new level; returns how many.
    core::Result<int> recordEscalations();

    // [SECTION] Reads
    core::Result<core::Case> caseById(const std::string& caseId) const;
    core::Result<std::vector<core::Event>> timeline(const std::string& caseId) const;
    std::optional<std::string> caseIdByNumber(const std::string& number) const;
    core::Result<core::CasePage> listCases(core::ListQuery query) const;
    // Earlier complaints of the customer with this phone or account (either may be partly typed:
    // an invalid phone counts as none), and whether a new one in `category` would be a repeat.
    static constexpr int kHistoryRows = 5;
    CustomerHistory customerHistory(const std::string& phone, const std::string& account, const std::string& category,
                                    core::TimeMs receivedAt) const;

    // The department this office sends such complaints to most (the sub-type's habit first, then the
    // category's, then the default department), and its handler with the fewest open complaints.
    Assignee suggestAssignee(const std::string& category, const std::string& subType) const;

  private:
    core::Status perform(const std::string& caseId, core::Action action, core::Fields fields);
    std::optional<core::Error> subTypeError(const std::string& category, const std::string& subType) const;
    core::Status reassignmentValid(const std::string& person, const std::string& reason) const;

    Context& m_ctx;
};

} // namespace tousu::app
