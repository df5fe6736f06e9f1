#include "app/built_in.h"

#include <string>

namespace tousu::app {

namespace {

constexpr std::string_view kShippedScenarios[] = {
#include "scenarios.inc"
};

constexpr std::string_view kShippedCalendar =
#include "calendar_tsv.inc"
    ;

} // namespace

const std::vector<sync::Scenario>& builtInScenarios() {
    static const std::vector<sync::Scenario> all = [] {
        std::vector<sync::Scenario> out;
        for (std::string_view text : kShippedScenarios)
            if (auto s = sync::readScenario(std::string(text))) out.push_back(std::move(s.value()));
        return out;
    }();
    return all;
}

std::string_view builtInCalendarTsv() { return kShippedCalendar; }

} // namespace tousu::app
