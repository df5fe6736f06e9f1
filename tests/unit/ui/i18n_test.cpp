#include <doctest/doctest.h>

#include <set>

#include "ui/i18n.h"

using namespace tousu::ui;

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
