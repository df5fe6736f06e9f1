// The complaint domain's vocabulary (DOMAIN.md): channels, categories, importance, workflow states,
// milestones — each with the stable English code used in the schema, JSON, string keys and ##ids.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachment.h"
#include "core/hlc.h"
#include "core/time.h"

namespace tousu::core {

enum class Channel { Phone, Online, Email, SocialMedia, LetterVisit, Other };
enum class Category { ServiceQuality, Billing, Business, Other };
enum class Importance { Normal, Important, Urgent };
enum class ContactMethod { Phone, Sms, Email, Letter, InPerson };

// The process (三、处理流程) as states. PendingCustomer pauses the deadline clock.
enum class State {
    Registered,
    Confirmed,
    Classified,
    Dispatched,
    Investigating,
    SolutionProposed,
    Implementing,
    FedBack,
    Surveyed,
    Archived,
    PendingCustomer,
    Cancelled,
};

// Deadline milestones (四、处理时限).
enum class Milestone { InitialInvestigation, Feedback, Handled, Resolved };

const char* code(Channel v);
const char* code(Category v);
const char* code(Importance v);
const char* code(ContactMethod v);
const char* code(State v);
const char* code(Milestone v);

std::optional<Channel> channelFromCode(std::string_view s);
std::optional<Category> categoryFromCode(std::string_view s);
std::optional<Importance> importanceFromCode(std::string_view s);
std::optional<ContactMethod> contactMethodFromCode(std::string_view s);
std::optional<State> stateFromCode(std::string_view s);
std::optional<Milestone> milestoneFromCode(std::string_view s);

extern const Channel kChannels[6];
constexpr std::size_t kCategoryCount = 4;
extern const Category kCategories[kCategoryCount];
extern const State kStates[12];

bool isOpen(State s); // not archived, not cancelled

struct MilestoneClock {
    Milestone milestone = Milestone::Handled;
    TimeMs limitMs = 0;     // the limit the case was opened under (a case keeps its policy)
    TimeMs metAt = 0;       // 0 while not met
    TimeMs pausedAtMet = 0; // customer-wait time excluded up to metAt
};

struct Case {
    std::string id;               // uuid
    std::string number;           // TS-BJ01-20261128-0001, as shown: a twin's is …-0001-2 (store: renumberTwins)
    std::string registeredNumber; // as registered (the register event's number)
    std::string registeredBy;     // staff id of the person who registered it
    State state = State::Registered;
    State resumeState = State::Registered; // where PendingCustomer returns to
    Channel channel = Channel::Phone;
    std::string customerName, phone, account, customerKey; // customerKey: normalised phone or account
    std::string email, address;                            // optional: for replies by e-mail and letter
    ContactMethod contactMethod = ContactMethod::Phone;
    std::string content;
    TimeMs receivedAt = 0;
    Category category = Category::Other;
    std::string subType;
    Importance importance = Importance::Normal;
    std::string department, person; // ids of reference data
    TimeMs expectedAt = 0;
    std::string policyId;
    bool workingHours = false; // limits count working hours of the office calendar
    std::vector<MilestoneClock> milestones;
    TimeMs pausedTotalMs = 0; // calendar time spent waiting on the customer, excluded from limits
    TimeMs pausedSince = 0;   // non-zero while paused
    int rating = 0;           // 1..5; 0 = no survey yet
    bool surveyDeclined = false;
    TimeMs resolvedAt = 0; // result fed back to the customer
    TimeMs archivedAt = 0;
    std::string repeatOf;   // case id of the earlier complaint this repeats
    std::string mergedInto; // case number this duplicate was merged into
    int reopenCount = 0;
    int escalationLevel = 0;
    int followUps = 0;
    bool concurrentEdit = false;         // two offices changed the same field concurrently
    bool regulatorIneligible = false;    // billing dispute over charges too old for a regulator appeal
    bool erased = false;                 // the customer's personal data erased (Action::Erase)
    std::vector<Attachment> attachments; // in the order attached, withdrawn ones too
    Hlc lastHlc;
    Hlc lastChangeHlc; // the latest event that changed the case (notes and messages only record)
    int eventCount = 0;
};

} // namespace tousu::core
