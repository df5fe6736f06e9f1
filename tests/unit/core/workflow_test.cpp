#include <doctest/doctest.h>

#include <random>

#include "core/fold.h"
#include "core/workflow.h"

using namespace tousu::core;

namespace {

struct Builder {
    std::vector<Event> events;
    int n = 0;
    Event& add(const char* type, Fields f = {}) {
        Event e;
        e.id = "e" + std::to_string(++n);
        e.caseId = "c1";
        e.hlc = {1000 + n * 1000, 0};
        e.origin = "dev";
        e.prev = events.empty() ? Hlc{} : events.back().hlc;
        e.type = type;
        e.fields = std::move(f);
        if (!e.fields.count("at")) e.fields["at"] = std::to_string(e.hlc.wall);
        events.push_back(e);
        return events.back();
    }
    Case fold() const { return foldEvents(events, Calendar::clockHours()); }
};

Builder registered() {
    Builder b;
    b.add("register", {{"number", "TS-HQ-20261128-0001"},
                       {"category", "billing"},
                       {"channel", "phone"},
                       {"received_at", "1000"},
                       {"limits", "handled=259200000"}});
    return b;
}

} // namespace

TEST_CASE("the whole procedure runs from registration to archive") {
    Builder b = registered();
    const std::pair<const char*, State> path[] = {{"confirm", State::Confirmed},
                                                  {"classify", State::Classified},
                                                  {"dispatch", State::Dispatched},
                                                  {"investigate", State::Investigating},
                                                  {"propose_solution", State::SolutionProposed},
                                                  {"implement", State::Implementing},
                                                  {"implement", State::Implementing},
                                                  {"feedback", State::FedBack},
                                                  {"survey", State::Surveyed},
                                                  {"archive", State::Archived}};
    for (const auto& step : path) {
        CAPTURE(step.first);
        b.add(step.first);
        CHECK(b.fold().state == step.second);
    }
    CHECK_FALSE(b.fold().concurrentEdit);
}

TEST_CASE("a transition that is not allowed is an error naming the state and the action") {
    Case c;
    c.state = State::Registered;
    auto st = checkAllowed(c, Action::Archive);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::NotAllowed);
    CHECK(st.error().messageKey == "error.action_not_allowed");
    CHECK(st.error().detail == "archive in registered");
}

TEST_CASE("an archived case allows only a follow-up visit and reopening") {
    Case c;
    c.state = State::Archived;
    const auto allowed = allowedActions(c);
    CHECK(allowed == std::vector<Action>{Action::FollowUp, Action::Reopen});
    c.state = State::Cancelled;
    CHECK(allowedActions(c).empty());
}

TEST_CASE("waiting on the customer pauses the case and the answer resumes the same step") {
    Builder b = registered();
    for (const char* t : {"confirm", "classify", "dispatch", "investigate"}) b.add(t);
    b.add("wait_customer", {{"at", std::to_string(100 * kHourMs)}});
    Case c = b.fold();
    CHECK(c.state == State::PendingCustomer);
    CHECK(c.pausedSince == 100 * kHourMs);
    CHECK(allowedActions(c) == std::vector<Action>{Action::RecordContact, Action::CustomerResponded, Action::Reassign,
                                                   Action::Cancel, Action::Merge, Action::SetDeadline});
    b.add("customer_responded", {{"at", std::to_string(106 * kHourMs)}});
    c = b.fold();
    CHECK(c.state == State::Investigating);
    CHECK(c.pausedSince == 0);
    CHECK(c.pausedTotalMs == 6 * kHourMs);
}

TEST_CASE("a rejected solution goes back to investigation") {
    Builder b = registered();
    for (const char* t : {"confirm", "classify", "dispatch", "investigate", "propose_solution", "reject_solution"})
        b.add(t);
    CHECK(b.fold().state == State::Investigating);
}

TEST_CASE("an unresolved follow-up visit reopens an archived case") {
    Builder b = registered();
    for (const char* t : {"confirm", "classify", "dispatch", "investigate", "propose_solution", "implement", "feedback",
                          "survey", "archive"})
        b.add(t);
    b.add("follow_up", {{"resolved", "1"}});
    CHECK(b.fold().state == State::Archived);
    b.add("follow_up", {{"resolved", "0"}});
    const Case c = b.fold();
    CHECK(c.state == State::Investigating);
    CHECK(c.reopenCount == 1);
    CHECK(c.followUps == 2);
    CHECK(c.archivedAt == 0);
}

TEST_CASE("feedback meets the billing milestone at the time it happened") {
    Builder b = registered();
    for (const char* t : {"confirm", "classify", "dispatch", "investigate", "propose_solution", "implement"}) b.add(t);
    b.add("feedback", {{"at", "5000000"}});
    const Case c = b.fold();
    REQUIRE(c.milestones.size() == 1);
    CHECK(c.milestones[0].metAt == 5000000);
    CHECK(c.resolvedAt == 5000000);
}

TEST_CASE("an event that arrives for a state it no longer applies to marks a concurrent edit") {
    Builder b = registered();
    b.add("confirm");
    b.add("cancel");
    Event late = b.add("classify");
    late.prev = b.events[1].hlc; // its author had not seen the cancel
    b.events.back() = late;
    const Case c = b.fold();
    CHECK(c.state == State::Cancelled);
    CHECK(c.concurrentEdit);
}

TEST_CASE("a note or a reply written alongside a step is not a concurrent edit, a correction is") {
    Builder b = registered();
    b.add("confirm");
    b.add("note", {{"note", "客户下午方便"}}); // written on another desk, which had seen the confirm
    Event classify = b.add("classify", {{"category", "billing"}});
    classify.prev = b.events[1].hlc; // its author had not seen the note: that changes nothing
    b.events.back() = classify;
    CHECK_FALSE(b.fold().concurrentEdit);
    Event message = b.add("message", {{"method", "sms"}, {"text", "正在处理"}});
    message.prev = b.events[1].hlc; // nor does a reply written without seeing the classification
    b.events.back() = message;
    CHECK_FALSE(b.fold().concurrentEdit);
    Event amend = b.add("amend", {{"customer_name", "王晓明"}, {"old.customer_name", "王小明"}});
    amend.prev = b.events[1].hlc; // a correction made without seeing the classification is
    b.events.back() = amend;
    const Case c = b.fold();
    CHECK(c.concurrentEdit);
    CHECK(c.customerName == "王晓明");
    CHECK(c.state == State::Classified);
}

TEST_CASE("the case file's entries are taken in every state and change none, and are not among the next steps") {
    for (State s : kStates) {
        CAPTURE(code(s));
        for (Action a : {Action::Amend, Action::Note, Action::Message}) CHECK(nextState(s, a) == s);
        Case c;
        c.state = s;
        for (Action a : allowedActions(c))
            CHECK((a != Action::Amend && a != Action::Note && a != Action::Message && a != Action::Erase));
    }
    CHECK(roleMay(Role::Agent, Action::Amend));
    CHECK_FALSE(roleMay(Role::Handler, Action::Amend));
    CHECK(roleMay(Role::Handler, Action::Note));
    CHECK(roleMay(Role::Handler, Action::Message));
}

TEST_CASE("roles decide who may do what") {
    CHECK(roleMay(Role::Agent, Action::Register));
    CHECK_FALSE(roleMay(Role::Agent, Action::Reassign));
    CHECK_FALSE(roleMay(Role::Agent, Action::ProposeSolution));
    CHECK(roleMay(Role::Handler, Action::ProposeSolution));
    CHECK_FALSE(roleMay(Role::Handler, Action::Dispatch));
    CHECK_FALSE(roleMay(Role::Handler, Action::SetDeadline));
    CHECK(roleMay(Role::Supervisor, Action::RejectSolution));
    CHECK(roleMay(Role::Supervisor, Action::SetDeadline));
}

// Invariants over random valid action sequences: one fold of all events equals the event-by-event
// fold; met milestones never move; an archived case changes only by follow-up or reopen.
TEST_CASE("property: random valid action sequences keep the fold invariants") {
    std::mt19937 rng(20261128);
    for (int trial = 0; trial < 300; ++trial) {
        Builder b = registered();
        Case incremental = b.fold();
        for (int step = 0; step < 25; ++step) {
            const auto allowed = allowedActions(incremental);
            if (allowed.empty()) break;
            const Action a = allowed[rng() % allowed.size()];
            Fields f;
            if (a == Action::FollowUp) f["resolved"] = rng() % 2 ? "1" : "0";
            if (a == Action::Survey) f["rating"] = std::to_string(1 + rng() % 5);
            const Case before = incremental;
            const Event& e = b.add(code(a), f);
            REQUIRE(applyEvent(incremental, e, Calendar::clockHours()));
            for (std::size_t m = 0; m < before.milestones.size(); ++m)
                if (before.milestones[m].metAt) REQUIRE(incremental.milestones[m].metAt == before.milestones[m].metAt);
            if (before.state == State::Archived) REQUIRE((a == Action::FollowUp || a == Action::Reopen));
        }
        const Case batch = b.fold();
        REQUIRE(batch.state == incremental.state);
        REQUIRE(batch.eventCount == incremental.eventCount);
        REQUIRE(batch.reopenCount == incremental.reopenCount);
        REQUIRE_FALSE(batch.concurrentEdit);
    }
}
