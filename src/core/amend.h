// Registration data corrected after the fact (Action::Amend): which fields may change, how a change
// is checked (as at intake, with the same messages), and how it is written: the new value under the
// field's name and the old one under "old.<name>", so the timeline, the printed file and an audit
// read both from the event alone, and an erasure finds the old values too (core/redact.h).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/fields.h"
#include "core/model.h"
#include "core/result.h"

namespace tousu::core {

constexpr const char* kAmendableFields[] = {"customer_name",  "phone",   "account",     "email",  "address",
                                            "contact_method", "content", "received_at", "channel"};
constexpr std::string_view kOldPrefix = "old.";

// The case's value of an amendable field as an event stores it ("" for a field that is not one).
std::string amendableValue(const Case& c, std::string_view field);
// Field errors for `changes` (field → value as typed) on the case as it stands; empty = valid.
std::vector<Error> amendmentErrors(const Case& c, const Fields& changes, TimeMs now);
// The payload of a valid amendment: each field that really changes (the phone normalised) with its
// old value, and the customer key when the phone or account changes. Empty when nothing changes.
Fields amendmentFields(const Case& c, const Fields& changes);
// The case with an amend event's new values.
void applyAmendment(Case& c, const Fields& f);

} // namespace tousu::core
