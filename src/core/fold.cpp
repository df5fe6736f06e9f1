#include "core/fold.h"

#include <algorithm>

#include "core/amend.h"
#include "core/policy.h"
#include "core/redact.h"
#include "core/workflow.h"

namespace tousu::core {

namespace {

void applyRegister(Case& c, const Event& e) {
    const Fields& f = e.fields;
    c.id = e.caseId;
    c.number = c.registeredNumber = getField(f, "number");
    c.registeredBy = e.actor;
    c.state = State::Registered;
    c.channel = channelFromCode(getField(f, "channel")).value_or(Channel::Other);
    c.customerName = getField(f, "customer_name");
    c.phone = getField(f, "phone");
    c.account = getField(f, "account");
    c.customerKey = getField(f, "customer_key");
    c.email = getField(f, "email");
    c.address = getField(f, "address");
    c.contactMethod = contactMethodFromCode(getField(f, "contact_method")).value_or(ContactMethod::Phone);
    c.content = getField(f, "content");
    c.receivedAt = getInt(f, "received_at");
    c.category = categoryFromCode(getField(f, "category")).value_or(Category::Other);
    c.subType = getField(f, "sub_type");
    c.importance = importanceFromCode(getField(f, "importance")).value_or(Importance::Normal);
    c.policyId = getField(f, "policy");
    c.workingHours = getField(f, "working_hours") == "1";
    c.repeatOf = getField(f, "repeat_of");
    c.regulatorIneligible = getField(f, "regulator_ineligible") == "1";
    auto limits = decodeLimits(getField(f, "limits"));
    c.milestones = limits ? limits.value() : std::vector<MilestoneClock>{};
}

// The customer's name, phone, account and key gone, and the complaint's text cleared of them; the
// stored events are rewritten the same way (core/redact.h), so a re-fold agrees.
void eraseCustomer(Case& c) {
    const std::vector<std::string> values{c.customerName, c.phone, c.account, c.email, c.address};
    c.content = scrubbed(c.content, values);
    for (Attachment& a : c.attachments) a.name = scrubbed(a.name, values);
    c.customerName.clear();
    c.phone.clear();
    c.account.clear();
    c.customerKey.clear();
    c.email.clear();
    c.address.clear();
    c.erased = true;
}

// A file already on the case (two offices attaching the same one) is listed once.
void attach(Case& c, const Event& e, TimeMs at) {
    const std::string sha = getField(e.fields, "attachment");
    if (std::any_of(c.attachments.begin(), c.attachments.end(),
                    [&](const Attachment& a) { return a.sha256 == sha && !a.withdrawn; }))
        return;
    c.attachments.push_back({sha,
                             getField(e.fields, "name"),
                             getField(e.fields, "media_type"),
                             getInt(e.fields, "size"),
                             at,
                             e.actor,
                             false,
                             {}});
}

void meet(Case& c, Action action, TimeMs at) {
    for (auto& m : c.milestones)
        if (!m.metAt && metBy(m.milestone) == action) {
            m.metAt = at;
            m.pausedAtMet = c.pausedTotalMs;
        }
}

} // namespace

bool applyEvent(Case& c, const Event& e, const Calendar& officeCalendar) {
    const auto action = actionFromCode(e.type);
    if (!action) return false;
    // A change its author made without seeing an earlier change (notes and messages change nothing).
    const bool changes = !onlyRecords(*action);
    const bool concurrent = changes && c.eventCount > 0 && e.prev < c.lastChangeHlc;
    const Fields& f = e.fields;
    const TimeMs at = getInt(f, "at", e.hlc.wall); // when it happened (simulated time in training)

    if (*action == Action::Register) {
        if (c.eventCount > 0) {
            c.concurrentEdit = true;
            return false;
        }
        applyRegister(c, e);
    } else {
        if (c.eventCount == 0) return false; // no register seen yet
        auto next = nextState(c.state, *action);
        if (!next) {
            c.concurrentEdit = true;
            c.lastHlc = std::max(c.lastHlc, e.hlc);
            ++c.eventCount;
            return false;
        }
        const Calendar cal = c.workingHours ? officeCalendar : Calendar::clockHours();
        switch (*action) {
        case Action::Classify: {
            c.category = categoryFromCode(getField(f, "category")).value_or(c.category);
            c.subType = getField(f, "sub_type", c.subType);
            c.importance = importanceFromCode(getField(f, "importance")).value_or(c.importance);
            if (auto limits = decodeLimits(getField(f, "limits")); limits && !limits.value().empty())
                c.milestones = limits.value();
            break;
        }
        case Action::Dispatch:
        case Action::Reassign:
            c.department = getField(f, "department", c.department);
            c.person = getField(f, "person", c.person);
            c.expectedAt = getInt(f, "expected_at", c.expectedAt);
            break;
        case Action::WaitForCustomer:
            c.resumeState = c.state;
            c.pausedSince = at;
            break;
        case Action::CustomerResponded:
            c.pausedTotalMs += cal.elapsed(c.pausedSince, at);
            c.pausedSince = 0;
            next = c.resumeState;
            break;
        case Action::Feedback:
            c.resolvedAt = at;
            break;
        case Action::Survey:
            c.rating = static_cast<int>(getInt(f, "rating"));
            c.surveyDeclined = getField(f, "declined") == "1";
            break;
        case Action::Archive:
            c.archivedAt = at;
            break;
        case Action::FollowUp:
            ++c.followUps;
            if (getField(f, "resolved") == "0") { // an unresolved visit reopens the case
                next = State::Investigating;
                ++c.reopenCount;
                c.archivedAt = 0;
            }
            break;
        case Action::Reopen:
            ++c.reopenCount;
            c.archivedAt = 0;
            break;
        case Action::Merge:
            c.mergedInto = getField(f, "into");
            break;
        case Action::Escalate:
            c.escalationLevel = std::max(c.escalationLevel, static_cast<int>(getInt(f, "level")));
            break;
        case Action::SetDeadline: {
            const auto milestone = milestoneFromCode(getField(f, "milestone"));
            const TimeMs limit = getInt(f, "limit_ms", 0);
            if (!milestone || limit <= 0 || limit > kMaxLimitMs) break; // a damaged or hostile limit changes nothing
            for (auto& m : c.milestones)
                if (m.milestone == *milestone && !m.metAt) m.limitMs = limit;
            break;
        }
        case Action::Erase:
            eraseCustomer(c);
            break;
        case Action::Amend:
            applyAmendment(c, f);
            break;
        case Action::Attach:
            attach(c, e, at);
            break;
        case Action::WithdrawAttachment:
            for (Attachment& a : c.attachments)
                if (a.sha256 == getField(f, "attachment") && !a.withdrawn) {
                    a.withdrawn = true;
                    a.withdrawnReason = getField(f, "reason");
                }
            break;
        default:
            break;
        }
        meet(c, *action, at);
        c.state = *next;
    }
    c.concurrentEdit = c.concurrentEdit || concurrent;
    c.lastHlc = std::max(c.lastHlc, e.hlc);
    if (changes) c.lastChangeHlc = std::max(c.lastChangeHlc, e.hlc);
    ++c.eventCount;
    return true;
}

Case foldEvents(std::vector<Event> events, const Calendar& officeCalendar) {
    std::sort(events.begin(), events.end(), eventBefore);
    Case c;
    for (const Event& e : events) applyEvent(c, e, officeCalendar);
    return c;
}

} // namespace tousu::core
