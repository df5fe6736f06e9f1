// Every change to a case is an immutable event; a case's state is the fold of its events in
// (hlc, origin, id) order (core/fold.h). Event types are the workflow's actions (core/workflow.h).
#pragma once
#include <string>

#include "core/fields.h"
#include "core/hlc.h"

namespace tousu::core {

struct Event {
    std::string id;     // uuid
    std::string caseId; // uuid of the case
    Hlc hlc;
    std::string origin; // device id of the office that recorded it
    std::string actor;  // staff id
    std::string type;   // action code, e.g. "dispatch"
    Hlc prev;           // latest event of this case its author had seen (concurrency detection)
    Fields fields;
};

// Total, deterministic order across devices.
inline bool eventBefore(const Event& a, const Event& b) {
    if (a.hlc != b.hlc) return a.hlc < b.hlc;
    if (a.origin != b.origin) return a.origin < b.origin;
    return a.id < b.id;
}

// Canonical one-line text of an event (for digests and dedupe: same event, same bytes).
std::string canonicalText(const Event& e);

} // namespace tousu::core
