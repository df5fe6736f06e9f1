// Sealing and opening bundles with WebCrypto (web/js/lib_crypto.js); answers arrive as promises
// settle, matched to their request by number.
#include <emscripten.h>

#include <map>

#include "platform/platform.h"
#include "platform/web/run_queue.h"

extern "C" {
int tousu_crypto_available();
void tousu_crypto_seal(int request, const char* passphrase, int iterations, const char* data, double size);
void tousu_crypto_open(int request, const char* passphrase, int iterations, const char* salt, double saltSize,
                       const char* iv, const char* data, double size);
}

namespace tousu::platform {

namespace {

// Each request's continuation, given the answer's bytes or an error key.
using Answer = std::function<void(std::string bytes, const std::string& errorKey)>;
std::map<int, Answer> g_pending;
int g_nextRequest = 1;

int remember(Answer answer) {
    g_pending[g_nextRequest] = std::move(answer);
    return g_nextRequest++;
}

core::Error failure(const std::string& key) { return core::makeError(core::ErrorCode::InvalidInput, key); }

} // namespace

bool cryptoAvailable() { return tousu_crypto_available() != 0; }

void seal(const std::string& plain, const std::string& passphrase,
          std::function<void(core::Result<sync::Sealed>)> done) {
    const int request = remember([done = std::move(done)](std::string bytes, const std::string& errorKey) {
        if (!errorKey.empty()) return done(failure(errorKey));
        sync::Sealed s;
        s.salt = bytes.substr(0, sync::kSaltBytes);
        s.iv = bytes.substr(sync::kSaltBytes, sync::kIvBytes);
        s.data = bytes.substr(sync::kSaltBytes + sync::kIvBytes);
        done(std::move(s));
    });
    tousu_crypto_seal(request, passphrase.c_str(), sync::kSealIterations, plain.data(),
                      static_cast<double>(plain.size()));
}

void unseal(const sync::Sealed& sealed, const std::string& passphrase,
            std::function<void(core::Result<std::string>)> done) {
    const int request = remember([done = std::move(done)](std::string bytes, const std::string& errorKey) {
        if (!errorKey.empty()) return done(failure(errorKey));
        done(std::move(bytes));
    });
    tousu_crypto_open(request, passphrase.c_str(), sealed.iterations, sealed.salt.data(),
                      static_cast<double>(sealed.salt.size()), sealed.iv.data(), sealed.data.data(),
                      static_cast<double>(sealed.data.size()));
}

} // namespace tousu::platform

extern "C" EMSCRIPTEN_KEEPALIVE void tousu_on_crypto(int request, const char* data, double size, const char* errorKey) {
    auto& pending = tousu::platform::g_pending;
    const auto it = pending.find(request);
    if (it == pending.end()) return;
    tousu::platform::doLater(
        [answer = std::move(it->second),
         bytes = std::string(data ? data : "", data ? static_cast<std::size_t>(size) : 0),
         error = std::string(errorKey ? errorKey : "")]() mutable { answer(std::move(bytes), error); });
    pending.erase(it);
}
