#include "core/model.h"

#include <iterator>

namespace tousu::core {

namespace {

template <class E> struct CodeName {
    E value;
    const char* code;
};

constexpr CodeName<Channel> kChannelCodes[] = {{Channel::Phone, "phone"},
                                               {Channel::Online, "online"},
                                               {Channel::Email, "email"},
                                               {Channel::SocialMedia, "social_media"},
                                               {Channel::LetterVisit, "letter_visit"},
                                               {Channel::Other, "other"}};
constexpr CodeName<Category> kCategoryCodes[] = {{Category::ServiceQuality, "service_quality"},
                                                 {Category::Billing, "billing"},
                                                 {Category::Business, "business"},
                                                 {Category::Other, "other"}};
constexpr CodeName<Importance> kImportanceCodes[] = {
    {Importance::Normal, "normal"}, {Importance::Important, "important"}, {Importance::Urgent, "urgent"}};
constexpr CodeName<ContactMethod> kContactCodes[] = {{ContactMethod::Phone, "phone"},
                                                     {ContactMethod::Sms, "sms"},
                                                     {ContactMethod::Email, "email"},
                                                     {ContactMethod::Letter, "letter"},
                                                     {ContactMethod::InPerson, "in_person"}};
constexpr CodeName<State> kStateCodes[] = {{State::Registered, "registered"},
                                           {State::Confirmed, "confirmed"},
                                           {State::Classified, "classified"},
                                           {State::Dispatched, "dispatched"},
                                           {State::Investigating, "investigating"},
                                           {State::SolutionProposed, "solution_proposed"},
                                           {State::Implementing, "implementing"},
                                           {State::FedBack, "fed_back"},
                                           {State::Surveyed, "surveyed"},
                                           {State::Archived, "archived"},
                                           {State::PendingCustomer, "pending_customer"},
                                           {State::Cancelled, "cancelled"}};
constexpr CodeName<Milestone> kMilestoneCodes[] = {{Milestone::InitialInvestigation, "initial_investigation"},
                                                   {Milestone::Feedback, "feedback"},
                                                   {Milestone::Handled, "handled"},
                                                   {Milestone::Resolved, "resolved"}};

template <class E, std::size_t N> const char* lookup(const CodeName<E> (&table)[N], E v) {
    for (const auto& c : table)
        if (c.value == v) return c.code;
    return "";
}

template <class E, std::size_t N> std::optional<E> parse(const CodeName<E> (&table)[N], std::string_view s) {
    for (const auto& c : table)
        if (s == c.code) return c.value;
    return std::nullopt;
}

} // namespace

const Channel kChannels[6] = {Channel::Phone,       Channel::Online,      Channel::Email,
                              Channel::SocialMedia, Channel::LetterVisit, Channel::Other};
const Category kCategories[kCategoryCount] = {Category::ServiceQuality, Category::Billing, Category::Business,
                                              Category::Other};
const State kStates[12] = {State::Registered,    State::Confirmed,        State::Classified,      State::Dispatched,
                           State::Investigating, State::SolutionProposed, State::Implementing,    State::FedBack,
                           State::Surveyed,      State::Archived,         State::PendingCustomer, State::Cancelled};

const char* code(Channel v) { return lookup(kChannelCodes, v); }
const char* code(Category v) { return lookup(kCategoryCodes, v); }
const char* code(Importance v) { return lookup(kImportanceCodes, v); }
const char* code(ContactMethod v) { return lookup(kContactCodes, v); }
const char* code(State v) { return lookup(kStateCodes, v); }
const char* code(Milestone v) { return lookup(kMilestoneCodes, v); }

std::optional<Channel> channelFromCode(std::string_view s) { return parse(kChannelCodes, s); }
std::optional<Category> categoryFromCode(std::string_view s) { return parse(kCategoryCodes, s); }
std::optional<Importance> importanceFromCode(std::string_view s) { return parse(kImportanceCodes, s); }
std::optional<ContactMethod> contactMethodFromCode(std::string_view s) { return parse(kContactCodes, s); }
std::optional<State> stateFromCode(std::string_view s) { return parse(kStateCodes, s); }
std::optional<Milestone> milestoneFromCode(std::string_view s) { return parse(kMilestoneCodes, s); }

bool isOpen(State s) { return s != State::Archived && s != State::Cancelled; }

} // namespace tousu::core
