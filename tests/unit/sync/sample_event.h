// One investigation event with Chinese text, quotes and a line break: what the sync tests send.
#pragma once
#include "core/event.h"

namespace tousu::test {

inline core::Event sampleEvent() {
    core::Event e;
    e.id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    e.caseId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    e.hlc = {1795829400000, 2};
    e.prev = {1795829300000, 0};
    e.origin = "a1b2c3";
    e.actor = "s05";
    e.type = "investigate";
    e.fields = {{"note", "已联系客户，\"光猫\"需更换\n第二行"}, {"at", "1795829400000"}};
    return e;
}

} // namespace tousu::test
