// A customer's personal data erased (README, "Personal data"): the fields of a case's events that hold
// it are emptied, and its values are replaced wherever else they were written (the complaint's text,
// notes, replies). Pure: every office that erases the same case rewrites the same events the same way.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"

namespace tousu::core {

// What stands where a value was.
constexpr const char* kErasedMark = "＊＊";

// The fields that hold personal data, wherever an event has them (an amend's old values too).
bool isPersonalField(std::string_view key);
// `text` with every occurrence of each value (two characters or more) replaced by kErasedMark.
std::string scrubbed(std::string text, const std::vector<std::string>& values);
// The distinct personal values the events hold, longest first (a value inside another is replaced after it).
std::vector<std::string> personalValues(const std::vector<Event>& events);
// Whether the events include an erasure.
bool hasErasure(const std::vector<Event>& events);
// The event with its personal fields emptied and `values` scrubbed from every other field.
Event redacted(Event e, const std::vector<std::string>& values);

} // namespace tousu::core
