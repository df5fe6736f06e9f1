// The complaint procedure as explicit states and allowed transitions, and who may do what.
// A transition that is not allowed is an error value naming the state and the action.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/read_models.h"
#include "core/result.h"

namespace tousu::core {

enum class Action {
    Register,
    Confirm,
    Classify,
    Dispatch,
    Investigate,
    RecordContact,
    WaitForCustomer,
    CustomerResponded,
    ProposeSolution,
    RejectSolution,
    Implement,
    Feedback,
    Survey,
    Archive,
    FollowUp,
    Reopen,
    Reassign,
    Cancel,
    Merge,
    Escalate,
    SetDeadline,
    // The customer's personal data erased (README, "Personal data"): in any state, the state kept;
    // the desk offers it for closed and cancelled cases only, and only to administrators.
    Erase,
    // The case file, in any state and without moving the case (README, "The case file"): registration
    // data corrected with a reason (old and new values kept), an internal note, and what was said to
    // the customer. Each has its own form, so none is among allowedActions.
    Amend,
    Note,
    Message,
    // A file on the case (core/attachment.h), and one withdrawn with a reason (its bytes stay for the
    // audit trail): in any state, by whoever may write the case file (app::Attachments says when).
    Attach,
    WithdrawAttachment,
};
constexpr int kActionCount = static_cast<int>(Action::WithdrawAttachment) + 1;
// Whether an action records something about the case without changing it (a note, a message, a file):
// such events neither mark nor are marked as concurrent edits.
bool onlyRecords(Action a);

enum class Role { Agent, Handler, Supervisor, Admin, Trainer };

const char* code(Action a); // "register", "confirm", … — also the event type
const char* code(Role r);
std::optional<Action> actionFromCode(std::string_view s);
std::optional<Role> roleFromCode(std::string_view s);

// The state after `action` in state `from`, or nullopt if the workflow forbids it.
// FollowUp and CustomerResponded depend on the event (resolved? / where to resume): see fold.
std::optional<State> nextState(State from, Action action);
// Ok, or NotAllowed with messageKey "error.action_not_allowed" and detail "<action> in <state>".
Status checkAllowed(const Case& c, Action action);
// Steps a user can take on this case now (excludes system-only Escalate, and Erase and the case
// file's actions, which have their own forms), in workflow order.
std::vector<Action> allowedActions(const Case& c);
bool roleMay(Role role, Action action);

// The desk's operations besides the workflow's steps. With roleMay(Role, Action) this is the one
// table of who may do what (README, "Roles"); app::Context checks it for every call.
enum class Operation {
    LiveData,     // the workflow's steps on the office's real cases (a trainer works in training workspaces)
    ImportBundle, // another office's events into this database
    ExportMasked, // a bundle with customers' names, phones and accounts hidden
    ExportWhole,  // a bundle or TMF621 file with them whole
    Backup,       // the whole database as a file
    Restore,      // replaces every case with a backup's
    EditSettings, // office, calendar, staff, departments, sub-types, policies, templates, others' PINs
    ReadAudit,    // the device's audit log (审计日志)
};
constexpr int kOperationCount = static_cast<int>(Operation::ReadAudit) + 1;
const char* code(Operation o); // "live_data", "import", …
bool roleMay(Role role, Operation operation);
// Someone's to-do (我的待办): the cases waiting on them — those they are responsible for while the
// next step is theirs (investigate, solve, implement, hear back from the customer), and those whose
// next step is the desk's (confirm, classify, dispatch, survey, archive) when their role may take it.
ListFilter todoOf(const std::string& staffId, Role role);
// Whether lists and exports show customers' full phone numbers to this role (supervisors and
// administrators); everyone else sees 138****1234. A case's own page shows the number to whoever
// works on it, since they call the customer.
// Whether a role sees customers' phones and accounts whole unless an administrator chose otherwise
// (app::Settings::roleSeesWholeContacts).
bool roleSeesFullPhone(Role role);

} // namespace tousu::core
