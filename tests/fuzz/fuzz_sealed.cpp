// Fuzzes sealed bundles (sync/sealed.h: the envelope; sync/seal.h: sealing and opening with OpenSSL;
// app::IncomingBundle: the stages the desk and `tousu-cli import` share). Two kinds of input:
//  - an envelope (text that looksSealed): it is read and, when it reads, opened —
//    1. reading refuses with error.sealed_format or error.sealed_newer, never anything else, and
//       IncomingBundle::open agrees with readSealed;
//    2. an envelope that reads is written back to one that reads the same;
//    3. a wrong passphrase is refused with error.sealed_passphrase (and the seeds' passphrase, when
//       the data still opens, leads to text IncomingBundle reads or refuses as any bundle);
//  - anything else, "PASSPHRASE\nPLAIN": it is sealed and opened again —
//    4. the sealed text looks sealed, reads back, and opens to PLAIN with PASSPHRASE;
//    5. one more character on the passphrase, or one bit flipped in the salt, iv or data, is refused
//       with error.sealed_passphrase.
// Besides ASan/UBSan, these are checked with __builtin_trap on failure.
// PBKDF2 is the cost: the product seals with 600,000 iterations (~0.3 s here), so the harness seals
// with the reader's minimum (1,000) and opens only envelopes of at most kMaxOpenIterations.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/incoming_bundle.h"
#include "fuzz_check.h"
#include "sync/seal.h"
#include "sync/sealed.h"

using namespace tousu;

namespace {

constexpr int kFuzzIterations = 1000;    // the least readSealed accepts
constexpr int kMaxOpenIterations = 4000; // a mutated count can reach 10,000,000 (~5 s an input)
constexpr const char* kSeedPassphrase = "correct horse battery staple"; // what the seeds were sealed with

bool refusedAsWrongPassphrase(const core::Result<std::string>& opened) {
    return !opened.ok() && opened.error().messageKey == "error.sealed_passphrase";
}

void checkEnvelope(std::string_view text) {
    const auto sealed = sync::readSealed(text);
    auto incoming = app::IncomingBundle::open(std::string(text));
    FUZZ_CHECK(incoming.ok() == sealed.ok()); // 1
    if (!sealed.ok()) {
        const std::string& key = sealed.error().messageKey;
        FUZZ_CHECK(key == "error.sealed_format" || key == "error.sealed_newer");
        return;
    }
    FUZZ_CHECK(incoming.value().sealed());
    const sync::Sealed& s = sealed.value();
    const auto again = sync::readSealed(sync::writeSealed(s)); // 2
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value().iterations == s.iterations && again.value().salt == s.salt && again.value().iv == s.iv &&
               again.value().data == s.data);

    if (s.iterations > kMaxOpenIterations) return;
    FUZZ_CHECK(refusedAsWrongPassphrase(sync::unseal(s, "not the passphrase"))); // 3
    auto opened = sync::unseal(s, kSeedPassphrase);
    if (!opened.ok()) {
        FUZZ_CHECK(refusedAsWrongPassphrase(opened));
        return;
    }
    incoming.value().unsealed(std::move(opened.value()));
    (void)incoming.value().bundle(); // read or refused like any bundle text; fuzz_bundle goes further
}

void checkSealing(std::string_view input) {
    const std::size_t newline = input.find('\n');
    const std::string passphrase(input.substr(0, newline));
    const std::string_view plain = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
    (void)sync::checkNewPassphrase(passphrase, passphrase);

    const auto sealed = sync::seal(plain, passphrase, kFuzzIterations);
    FUZZ_CHECK(sealed.ok());
    const std::string text = sync::writeSealed(sealed.value());
    FUZZ_CHECK(sync::looksSealed(text)); // 4
    const auto read = sync::readSealed(text);
    FUZZ_CHECK(read.ok());
    const auto opened = sync::unseal(read.value(), passphrase);
    FUZZ_CHECK(opened.ok() && opened.value() == plain);

    FUZZ_CHECK(refusedAsWrongPassphrase(sync::unseal(read.value(), passphrase + "x"))); // 5
    sync::Sealed tampered = read.value();
    std::string* parts[] = {&tampered.salt, &tampered.iv, &tampered.data};
    std::string& part = *parts[plain.size() % 3];
    part[passphrase.size() % part.size()] ^= static_cast<char>(1 << (plain.size() % 8));
    FUZZ_CHECK(refusedAsWrongPassphrase(sync::unseal(tampered, passphrase)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (sync::looksSealed(input))
        checkEnvelope(input);
    else
        checkSealing(input);
    return 0;
}
