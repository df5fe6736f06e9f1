#include <doctest/doctest.h>

#include "sync/csv.h"

using namespace tousu;

TEST_CASE("CSV fields are quoted only when needed, with doubled quotes") {
    CHECK(sync::csvField("王芳") == "王芳");
    CHECK(sync::csvField("a,b") == "\"a,b\"");
    CHECK(sync::csvField("说\"不\"") == "\"说\"\"不\"\"\"");
    CHECK(sync::csvField("第一行\n第二行") == "\"第一行\n第二行\"");
}

TEST_CASE("a cell that a spreadsheet would run as a formula is defused") {
    CHECK(sync::csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(sync::csvField("+86 138") == "'+86 138");
    CHECK(sync::csvField("-5") == "'-5");
    CHECK(sync::csvField("@SUM(A1)") == "'@SUM(A1)");
    CHECK(sync::csvField("138****8000") == "138****8000");
}

TEST_CASE("rows end with CRLF and the BOM marks UTF-8 for Excel") {
    std::string out = sync::kUtf8Bom;
    sync::appendCsvRow(out, {"编号", "内容"});
    sync::appendCsvRow(out, {"TS-1", "a,b"});
    CHECK(out == "\xEF\xBB\xBF编号,内容\r\nTS-1,\"a,b\"\r\n");
}

TEST_CASE("a cell that starts with white space or a full-width formula sign is defused too") {
    for (const char* cell : {" =1+1", "\n=1+1", "\t@SUM(A1)", "＝1+1", "＋86 138", "－5", "＠x"}) {
        CAPTURE(cell);
        const std::string out = sync::csvField(cell);
        CHECK(out.find('\'') != std::string::npos);
        CHECK(out.find(cell) != std::string::npos); // kept whole after the apostrophe
    }
    CHECK(sync::csvField("王芳 13800138000") == "王芳 13800138000"); // ordinary text untouched
}
