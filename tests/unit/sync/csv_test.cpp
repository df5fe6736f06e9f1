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
