// The sealed-bundle envelope and its native crypto (OpenSSL). That the browser's WebCrypto reads
// and writes the same files is checked end to end in tests/e2e/sync.test.js.
#include <doctest/doctest.h>

#include "sync/seal.h"
#include "sync/sealed.h"

using namespace tousu;

namespace {

constexpr int kFast = 1000; // the lowest count files may carry; keeps the tests quick

std::string refusal(const std::string& text) {
    auto r = sync::readSealed(text);
    return r.ok() ? "accepted" : r.error().messageKey;
}

// A well-formed envelope (its contents are not a real ciphertext: only the envelope is read).
sync::Sealed sampleEnvelope() {
    sync::Sealed s;
    s.iterations = kFast;
    s.salt = std::string(16, 'S');
    s.iv = std::string(12, 'I');
    s.data = std::string(40, 'D');
    return s;
}

// `text` with its first `from` replaced by `to`.
std::string edited(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("base64 matches RFC 4648's test vectors and refuses what is not base64") {
    const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                           {"f", "Zg=="},
                                                           {"fo", "Zm8="},
                                                           {"foo", "Zm9v"},
                                                           {"foob", "Zm9vYg=="},
                                                           {"fooba", "Zm9vYmE="},
                                                           {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) {
        CHECK(sync::base64Encode(plain) == encoded);
        CHECK(sync::base64Decode(encoded) == std::string(plain));
    }
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    CHECK(sync::base64Decode(sync::base64Encode(all)) == all);
    for (const char* bad : {"Zg=", "Z===", "Zm9v!A==", "=Zm9", "Zg==Zg=="}) CHECK_FALSE(sync::base64Decode(bad));
}

TEST_CASE("a sealed bundle opens with its passphrase and with no other") {
    const std::string plain = "{\"format\":\"tousu.bundle\",\"note\":\"客户王芳 13800138000\"}";
    auto sealed = sync::seal(plain, "正确的口令 correct", kFast);
    REQUIRE(sealed.ok());
    CHECK(sealed.value().data.find("13800138000") == std::string::npos);
    const std::string file = sync::writeSealed(sealed.value());
    CHECK(sync::looksSealed(file));
    CHECK_FALSE(sync::looksSealed(plain));
    auto read = sync::readSealed(file);
    REQUIRE(read.ok());
    auto opened = sync::unseal(read.value(), "正确的口令 correct");
    REQUIRE(opened.ok());
    CHECK(opened.value() == plain);
    auto wrong = sync::unseal(read.value(), "正确的口令 correcT");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().messageKey == "error.sealed_passphrase");
}

TEST_CASE("every seal uses a fresh salt and iv, so equal bundles give different files") {
    auto one = sync::seal("same", "passphrase", kFast), two = sync::seal("same", "passphrase", kFast);
    REQUIRE((one.ok() && two.ok()));
    CHECK(one.value().salt != two.value().salt);
    CHECK(one.value().iv != two.value().iv);
    CHECK(one.value().data != two.value().data);
}

TEST_CASE("the crypto library refusing its input is a crypto failure, not a wrong passphrase") {
    // Envelopes are read with 1,000 iterations or more (readSealed), so only a caller's slip gets here.
    auto sealed = sync::seal("x", "passphrase", 0);
    REQUIRE_FALSE(sealed.ok());
    CHECK(sealed.error().messageKey == "error.crypto");
    CHECK(sealed.error().detail == "pbkdf2");
}

TEST_CASE("a sealed bundle altered by one bit is refused, not opened to garbage") {
    auto sealed = sync::seal("{\"events\":[]}", "passphrase", kFast);
    REQUIRE(sealed.ok());
    for (std::size_t at : {std::size_t(0), sealed.value().data.size() - 1}) {
        sync::Sealed altered = sealed.value();
        altered.data[at] = static_cast<char>(altered.data[at] ^ 1);
        auto r = sync::unseal(altered, "passphrase");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().messageKey == "error.sealed_passphrase");
    }
    sync::Sealed otherIv = sealed.value();
    otherIv.iv[0] = static_cast<char>(otherIv.iv[0] ^ 1);
    CHECK_FALSE(sync::unseal(otherIv, "passphrase").ok());
}

TEST_CASE("a damaged or unknown envelope is refused with its own message") {
    const sync::Sealed s = sampleEnvelope();
    const std::string good = sync::writeSealed(s);
    CHECK(refusal(good) == "accepted");
    const auto edited = [&](const std::string& from, const std::string& to) { return ::edited(good, from, to); };
    CHECK(refusal("not json") == "error.sealed_format");
    CHECK(refusal(good.substr(0, good.size() / 2)) == "error.sealed_format");
    CHECK(refusal(edited("\"version\":1", "\"version\":2")) == "error.sealed_newer");
    CHECK(refusal(edited("\"iterations\":1000", "\"iterations\":999")) == "error.sealed_format");
    CHECK(refusal(edited("\"iterations\":1000", "\"iterations\":2000000000")) == "error.sealed_format");
    CHECK(refusal(edited("AES-GCM", "AES-CBC")) == "error.sealed_format");
    CHECK(refusal(edited(sync::base64Encode(s.iv), sync::base64Encode("short"))) == "error.sealed_format");
    CHECK(refusal(edited(sync::base64Encode(s.data), "!!!!")) == "error.sealed_format");
}

TEST_CASE(
    "an envelope whose members have the wrong type, a wrapping version or deep nesting is refused, never thrown") {
    const std::string good = sync::writeSealed(sampleEnvelope());
    const auto edited = [&](const std::string& from, const std::string& to) { return ::edited(good, from, to); };
    const std::string kdf = good.substr(good.find("\"kdf\":"), good.find(",\"cipher\"") - good.find("\"kdf\":"));
    CHECK(refusal(edited(kdf, "\"kdf\":\"PBKDF2\"")) == "error.sealed_format"); // kdf not an object
    CHECK(refusal(edited("\"name\":\"PBKDF2\"", "\"name\":7")) == "error.sealed_format");
    CHECK(refusal(edited("\"hash\":\"SHA-256\"", "\"hash\":[1]")) == "error.sealed_format");
    CHECK(refusal(edited("\"length\":256", "\"length\":\"256\"")) == "error.sealed_format");
    CHECK(refusal(edited("\"version\":1", "\"version\":4294967297")) == "error.sealed_format");
    std::string deep = "\"data\":";
    deep.append(100000, '[');
    deep += '0';
    deep.append(100000, ']');
    deep += ",\"x\":";
    CHECK(refusal(edited("\"data\":", deep)) == "error.sealed_format");
}

TEST_CASE("a new passphrase must be eight characters or more and typed the same twice") {
    CHECK(sync::checkNewPassphrase("七个汉字的口令", "七个汉字的口令")->messageKey == "error.passphrase_short");
    CHECK(sync::checkNewPassphrase("八个汉字的好口令", "八个汉字的好口令") == std::nullopt);
    CHECK(sync::checkNewPassphrase("longenough", "longenougH")->messageKey == "error.passphrase_mismatch");
}
