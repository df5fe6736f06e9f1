#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "present/i18n.h"

using namespace tousu::present;

TEST_CASE("every string has a Chinese and an English text and keys are unique") {
    std::set<std::string> keys;
    REQUIRE(stringTable().size() > 10);
    for (const StringRow& row : stringTable()) {
        CAPTURE(row.key);
        CHECK_FALSE(row.zh.empty());
        CHECK_FALSE(row.en.empty());
        CHECK(keys.insert(row.key).second);
    }
}

TEST_CASE("Chinese is the default and English is switchable at run time") {
    CHECK(language() == Language::ZhCN);
    CHECK(std::string(tr("action.new_case")) == "新建投诉");
    setLanguage(Language::En);
    CHECK(std::string(tr("action.new_case")) == "New complaint");
    setLanguage(Language::ZhCN);
}

TEST_CASE("a label keeps its id whatever the language") {
    CHECK(label("action.new_case", "new_case") == "新建投诉##new_case");
    setLanguage(Language::En);
    CHECK(label("action.new_case", "new_case") == "New complaint##new_case");
    setLanguage(Language::ZhCN);
}

TEST_CASE("a missing key shows the key instead of an empty label") {
    CHECK(std::string(tr("no.such.key")) == "no.such.key");
}

TEST_CASE("every error message key used in the sources has a text to show") {
    namespace fs = std::filesystem;
    const std::regex key("\"(error\\.[a-z_]+)\"");
    int checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(TOUSU_SOURCE_DIR) / "src")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (std::sregex_iterator it(text.begin(), text.end(), key), end; it != end; ++it, ++checked) {
            CAPTURE(entry.path().filename().string());
            CHECK(std::string(tr((*it)[1].str().c_str())) != (*it)[1].str());
        }
    }
    CHECK(checked > 40);
}
