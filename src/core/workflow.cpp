// The transition table. Each row: an action, the states it may start from, and the state it leads
// to (kSame: the state does not change). Register has no row: it creates the case.
#include "core/workflow.h"

#include <initializer_list>

namespace tousu::core {

namespace {

constexpr const char* kActionCodes[kActionCount] = {"register",
                                                    "confirm",
                                                    "classify",
                                                    "dispatch",
                                                    "investigate",
                                                    "contact",
                                                    "wait_customer",
                                                    "customer_responded",
                                                    "propose_solution",
                                                    "reject_solution",
                                                    "implement",
                                                    "feedback",
                                                    "survey",
                                                    "archive",
                                                    "follow_up",
                                                    "reopen",
                                                    "reassign",
                                                    "cancel",
                                                    "merge",
                                                    "escalate",
                                                    "set_deadline",
                                                    "erase",
                                                    "amend",
                                                    "note",
                                                    "message",
                                                    "attach",
                                                    "withdraw_attachment"};
constexpr const char* kRoleCodes[] = {"agent", "handler", "supervisor", "admin", "trainer"};

using S = State;
constexpr int kSame = -1;

struct Rule {
    Action action;
    std::initializer_list<State> from;
    int to; // a State, or kSame
};

constexpr std::initializer_list<State> kEveryState = {
    S::Registered,   S::Confirmed, S::Classified, S::Dispatched, S::Investigating,   S::SolutionProposed,
    S::Implementing, S::FedBack,   S::Surveyed,   S::Archived,   S::PendingCustomer, S::Cancelled};

const Rule kRules[] = {
    {Action::Confirm, {S::Registered}, int(S::Confirmed)},
    {Action::Classify, {S::Confirmed, S::Classified}, int(S::Classified)},
    {Action::Dispatch, {S::Classified}, int(S::Dispatched)},
    {Action::Investigate, {S::Dispatched, S::Investigating}, int(S::Investigating)},
    {Action::RecordContact,
     {S::Dispatched, S::Investigating, S::SolutionProposed, S::Implementing, S::PendingCustomer, S::FedBack},
     kSame},
    {Action::WaitForCustomer,
     {S::Dispatched, S::Investigating, S::SolutionProposed, S::Implementing},
     int(S::PendingCustomer)},
    {Action::CustomerResponded, {S::PendingCustomer}, kSame}, // fold resumes the saved state
    {Action::ProposeSolution, {S::Investigating}, int(S::SolutionProposed)},
    {Action::RejectSolution, {S::SolutionProposed}, int(S::Investigating)},
    {Action::Implement, {S::SolutionProposed, S::Implementing}, int(S::Implementing)},
    {Action::Feedback, {S::Implementing}, int(S::FedBack)},
    {Action::Survey, {S::FedBack}, int(S::Surveyed)},
    {Action::Archive, {S::Surveyed}, int(S::Archived)},
    {Action::FollowUp, {S::Surveyed, S::Archived}, kSame}, // unresolved: fold reopens
    {Action::Reopen, {S::FedBack, S::Surveyed, S::Archived}, int(S::Investigating)},
    {Action::Reassign,
     {S::Dispatched, S::Investigating, S::SolutionProposed, S::Implementing, S::PendingCustomer},
     kSame},
    {Action::Cancel,
     {S::Registered, S::Confirmed, S::Classified, S::Dispatched, S::Investigating, S::SolutionProposed, S::Implementing,
      S::PendingCustomer, S::FedBack, S::Surveyed},
     int(S::Cancelled)},
    {Action::Merge,
     {S::Registered, S::Confirmed, S::Classified, S::Dispatched, S::Investigating, S::SolutionProposed, S::Implementing,
      S::PendingCustomer},
     int(S::Cancelled)},
    {Action::Escalate,
     {S::Registered, S::Confirmed, S::Classified, S::Dispatched, S::Investigating, S::SolutionProposed, S::Implementing,
      S::PendingCustomer},
     kSame},
    {Action::SetDeadline,
     {S::Registered, S::Confirmed, S::Classified, S::Dispatched, S::Investigating, S::SolutionProposed, S::Implementing,
      S::PendingCustomer},
     kSame},
    // Anywhere, so an erasure made elsewhere always takes effect here (a reopen may have crossed it).
    {Action::Erase, kEveryState, kSame},
    {Action::Amend, kEveryState, kSame}, // who may amend a closed case: app::Cases::amend
    {Action::Note, kEveryState, kSame},
    {Action::Message, kEveryState, kSame},
    {Action::Attach, kEveryState, kSame}, // on a closed case by supervisors only: app::Attachments
    {Action::WithdrawAttachment, kEveryState, kSame},
};

const Rule* ruleFor(Action a) {
    for (const Rule& r : kRules)
        if (r.action == a) return &r;
    return nullptr;
}

} // namespace

const char* code(Action a) { return kActionCodes[static_cast<int>(a)]; }
const char* code(Role r) { return kRoleCodes[static_cast<int>(r)]; }

std::optional<Action> actionFromCode(std::string_view s) {
    for (int i = 0; i < kActionCount; ++i)
        if (s == kActionCodes[i]) return static_cast<Action>(i);
    return std::nullopt;
}

std::optional<Role> roleFromCode(std::string_view s) {
    for (int i = 0; i < 5; ++i)
        if (s == kRoleCodes[i]) return static_cast<Role>(i);
    return std::nullopt;
}

std::optional<State> nextState(State from, Action action) {
    const Rule* rule = ruleFor(action);
    if (!rule) return std::nullopt;
    for (State s : rule->from)
        if (s == from) return rule->to == kSame ? from : static_cast<State>(rule->to);
    return std::nullopt;
}

Status checkAllowed(const Case& c, Action action) {
    if (nextState(c.state, action)) return Ok{};
    return makeError(ErrorCode::NotAllowed, "error.action_not_allowed",
                     std::string(code(action)) + " in " + code(c.state));
}

std::vector<Action> allowedActions(const Case& c) {
    std::vector<Action> out;
    for (int i = 1; i < kActionCount; ++i) {
        const auto a = static_cast<Action>(i);
        const bool ownForm = a == Action::Escalate || a >= Action::Erase; // Erase and the case file's
        if (!ownForm && nextState(c.state, a)) out.push_back(a);
    }
    return out;
}

bool onlyRecords(Action a) { return a == Action::Note || a == Action::Message || a >= Action::Attach; }

bool roleMay(Role role, Action a) {
    switch (role) {
    case Role::Admin:
        return true;
    case Role::Supervisor:
    case Role::Trainer:
        return a != Action::Erase;
    case Role::Agent:
        return a == Action::Register || a == Action::Confirm || a == Action::Classify || a == Action::Dispatch ||
               a == Action::RecordContact || a == Action::WaitForCustomer || a == Action::CustomerResponded ||
               a == Action::Feedback || a == Action::Survey || a == Action::Archive || a == Action::FollowUp ||
               a == Action::Escalate || a == Action::Amend || a == Action::Note || a == Action::Message ||
               a == Action::Attach || a == Action::WithdrawAttachment;
    case Role::Handler:
        return a == Action::Investigate || a == Action::RecordContact || a == Action::WaitForCustomer ||
               a == Action::CustomerResponded || a == Action::ProposeSolution || a == Action::Implement ||
               a == Action::Feedback || a == Action::Escalate || a == Action::Note || a == Action::Message ||
               a == Action::Attach || a == Action::WithdrawAttachment;
    }
    return false;
}

const char* code(Operation o) {
    static constexpr const char* kCodes[kOperationCount] = {"live_data", "import",  "export_masked", "export_whole",
                                                            "backup",    "restore", "edit_settings", "read_audit"};
    return kCodes[static_cast<int>(o)];
}

bool roleMay(Role role, Operation o) {
    switch (o) {
    case Operation::LiveData:
        return role != Role::Trainer;
    case Operation::ExportMasked:
        return true;
    case Operation::ImportBundle:
    case Operation::ExportWhole:
    case Operation::Backup:
        return role == Role::Supervisor || role == Role::Admin;
    case Operation::Restore:
    case Operation::EditSettings:
    case Operation::ReadAudit:
        return role == Role::Admin;
    }
    return false;
}

ListFilter todoOf(const std::string& staffId, Role role) {
    static constexpr State kTheirs[] = {State::Dispatched, State::Investigating, State::SolutionProposed,
                                        State::Implementing, State::PendingCustomer};
    static constexpr std::pair<State, Action> kDeskSteps[] = {{State::Registered, Action::Confirm},
                                                              {State::Confirmed, Action::Classify},
                                                              {State::Classified, Action::Dispatch},
                                                              {State::FedBack, Action::Survey},
                                                              {State::Surveyed, Action::Archive}};
    ListFilter f;
    f.todoPerson = staffId;
    for (State s : kTheirs) f.todoOwnStates.push_back(code(s));
    for (const auto& [state, step] : kDeskSteps)
        if (roleMay(role, step)) f.todoDeskStates.push_back(code(state));
    return f;
}

bool roleSeesFullPhone(Role role) { return role == Role::Supervisor || role == Role::Admin; }

} // namespace tousu::core
