// The messages staff send to customers (confirmation, result feedback, survey invitation): the
// administrator's template for the current language, or the built-in one, filled in for a case.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/model.h"

namespace tousu::app {
class App;
}

namespace tousu::present {

// Replaces each {name} in `text` by its value; unknown names stay as written.
std::string fillTemplate(const std::string& text, const std::vector<std::pair<std::string, std::string>>& values);
// The template text in force for `kind` (app::Settings::kTemplateKinds) and the current language.
std::string messageTemplate(const app::App& app, const std::string& kind);
// The built-in text, for "reset" and as the first draft.
const char* builtInTemplate(const std::string& kind);
// The message for a case: {office} {number} {category} {customer} {due} filled in, and for the
// feedback {result}: what was done (the last step implemented, else the last solution proposed).
std::string caseMessage(const app::App& app, const std::string& kind, const core::Case& c);

} // namespace tousu::present
