#include "core/event.h"

namespace tousu::core {

std::string canonicalText(const Event& e) {
    Fields envelope{
        {"id", e.id},       {"case", e.caseId}, {"hlc", formatHlc(e.hlc)},   {"origin", e.origin},
        {"actor", e.actor}, {"type", e.type},   {"prev", formatHlc(e.prev)}, {"payload", encodeFields(e.fields)}};
    return encodeFields(envelope);
}

} // namespace tousu::core
