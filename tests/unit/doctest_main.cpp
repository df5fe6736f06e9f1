#define DOCTEST_CONFIG_IMPLEMENT
// No colour codes: under node (wasm) stdout looks like a terminal, and ctest's discovery parses it.
#define DOCTEST_CONFIG_COLORS_NONE
#include <doctest/doctest.h>

#include <cstdio>

namespace {

unsigned g_casesRun = 0;

// Counts the test cases a run selected. ctest runs each case by name; a name that no longer
// selects anything (doctest's discovery splits names at ';') must fail, not pass vacuously.
struct SelectionCounter : doctest::IReporter {
    explicit SelectionCounter(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& stats) override { g_casesRun = stats.numTestCasesPassingFilters; }
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};
REGISTER_LISTENER("selection_counter", 1, SelectionCounter);

} // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int result = context.run();
    if (context.shouldExit()) return result; // a query such as --list-test-cases
    if (g_casesRun == 0) {
        std::fprintf(stderr, "no test case matched the filter: nothing was tested\n");
        return 1;
    }
    return result;
}
