#include "app/incoming_bundle.h"

namespace tousu::app {

core::Result<IncomingBundle> IncomingBundle::open(std::string bytes) {
    IncomingBundle in;
    if (sync::looksSealed(bytes)) {
        auto envelope = sync::readSealed(bytes);
        if (!envelope) return envelope.error();
        in.m_envelope = std::move(envelope.value());
    } else {
        in.m_text = std::move(bytes);
    }
    return in;
}

void IncomingBundle::unsealed(std::string text) {
    m_envelope.reset();
    m_text = std::move(text);
    m_bundle.reset();
}

core::Result<const sync::Bundle*> IncomingBundle::bundle() {
    if (m_envelope) return core::makeError(core::ErrorCode::InvalidInput, "error.passphrase_needed", "still sealed");
    if (!m_bundle) {
        auto read = sync::readBundle(m_text);
        if (!read) return read.error();
        m_bundle = std::move(read.value());
        m_text = std::string(); // a large file's text is not kept beside its events
    }
    return &*m_bundle;
}

core::Result<std::unique_ptr<ImportJob>> IncomingBundle::import(Exchange& exchange, bool apply) {
    auto read = bundle();
    if (!read) return read.error();
    return exchange.startImport(*read.value(), apply);
}

} // namespace tousu::app
