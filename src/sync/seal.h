// Sealing and opening bundles natively, with OpenSSL (the CLI and the tests); the browser does the
// same with WebCrypto. Both produce and accept the envelope of sync/sealed.h.
#pragma once
#include <string>
#include <string_view>

#include "core/result.h"
#include "sync/sealed.h"

namespace tousu::sync {

core::Result<Sealed> seal(std::string_view plain, const std::string& passphrase, int iterations = kSealIterations);
// error.sealed_passphrase when the passphrase is wrong or the data was altered (GCM cannot tell).
core::Result<std::string> unseal(const Sealed& sealed, const std::string& passphrase);

} // namespace tousu::sync
