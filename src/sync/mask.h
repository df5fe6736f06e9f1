// Exports with the customer's personal data hidden (for analysis at head office, for training):
// names keep their first character, phones and accounts their ends (138****1234, the desk's own
// masking), e-mail addresses their first character and host, postal addresses their first six
// characters (an amend's old values alike), and the customer key — which links a customer's cases for repeat detection
// — becomes a pseudonym keyed by a secret used for this export only, so repeats still show within the file but cannot
// be matched back to a phone number or across exports.
#pragma once
#include <string>
#include <vector>

#include "core/event.h"

namespace tousu::sync {

void maskPersonalData(std::vector<core::Event>& events, const std::string& secret);

} // namespace tousu::sync
