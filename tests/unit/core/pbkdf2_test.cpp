#include <doctest/doctest.h>

#include "core/pbkdf2.h"
#include "core/sha256.h"

using namespace tousu::core;

// Expected values from Python's hashlib and hmac (and the RFCs' own tables where they have them).
TEST_CASE("SHA-256 pads correctly at the block edges (55, 56 and 64 bytes)") {
    CHECK(sha256Hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256Hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256Hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("HMAC-SHA256 matches RFC 4231, a short key and a key longer than a block") {
    CHECK(hexOf(hmacSha256(std::string(20, '\x0b'), "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(hexOf(hmacSha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("PBKDF2-HMAC-SHA256 matches RFC 7914's vectors, over two output blocks") {
    CHECK(hexOf(pbkdf2Sha256("passwd", "salt", 1, 64)) ==
          "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
          "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    CHECK(hexOf(pbkdf2Sha256("Password", "NaCl", 80000, 64)) ==
          "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
          "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

TEST_CASE("byte strings compare equal only when every byte and the length match") {
    CHECK(equalInConstantTime("abc", "abc"));
    CHECK_FALSE(equalInConstantTime("abc", "abd"));
    CHECK_FALSE(equalInConstantTime("abc", "ab"));
    CHECK(equalInConstantTime("", ""));
}
