// Checks on what people type at intake: mainland phone numbers (normalised), required fields,
// lengths, times not in the future. Every problem is a field error with an i18n message key.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace tousu::core {

// "+86 138 0013 8000", "0086-13800138000" → "13800138000"; "010-6552 1234" → "01065521234".
// Mobile: 1[3-9] + 9 digits. Landline: 0 + area code + number, 10–12 digits in all.
Result<std::string> normalizePhone(const std::string& text);
// "13800138000" → "138****8000", for lists and exports where the full number is not needed.
std::string maskPhone(const std::string& phone);
// 62****89 (the first two and the last two of 8 or more), **** for a shorter one; empty stays empty.
std::string maskAccount(const std::string& account);
// The identity used for repeat detection: the normalised phone, else "acct:" + account.
std::string customerKey(const std::string& normalizedPhone, const std::string& account);
std::size_t utf8Length(const std::string& s);

struct Registration {
    std::string channel, customerName, phone, account, contactMethod, content, category, subType, importance;
    TimeMs receivedAt = 0;
    TimeMs chargeDate = 0;      // billing disputes: when the disputed charge was made (0 = not given)
    std::string email, address; // optional
};

constexpr TimeMs kClockSkewMs = 5 * 60 * 1000;
// The span of times a desk takes, typed or imported: from 2000 (before any tousu data) on, and an
// expected completion no more than a year ahead.
constexpr TimeMs kEarliestTimeMs = 946'684'800'000; // 2000-01-01T00:00Z
constexpr TimeMs kYearMs = 366 * 24 * kHourMs;
constexpr std::size_t kMaxNameLength = 50;
constexpr std::size_t kMaxContentLength = 4000;
constexpr std::size_t kMaxAccountLength = 40;
constexpr std::size_t kMaxEmailLength = 100;
constexpr std::size_t kMaxAddressLength = 200;

// name@host.tld, no spaces, at most kMaxEmailLength characters (empty: none given).
bool emailOk(const std::string& email);

// All field errors at once (empty = valid). `now` bounds receivedAt and chargeDate.
std::vector<Error> validateRegistration(const Registration& r, TimeMs now);

// A category suggested from the complaint text by keywords (editable by the agent).
std::optional<Category> suggestCategory(const std::string& content);

} // namespace tousu::core
