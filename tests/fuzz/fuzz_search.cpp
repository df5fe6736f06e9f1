// Fuzzes the case list's full-text search (app::App::listCases with ListFilter.search: FTS5 trigram
// from three characters, LIKE below). Input: the search text. An office with a few registered cases
// (Chinese and ASCII) is made once per process; searching never writes. Besides ASan/UBSan, it
// checks, with __builtin_trap on failure:
//   1. the search never fails for well-formed UTF-8 without NUL (what the search box can send);
//   2. total <= the number of cases, and the page holds at most min(total, limit) rows;
//   3. for such text, every case with the text as an exact substring of its number, customer name,
//      phone or content is found (matching may fold case, so this is a lower bound).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz_support.h"

using namespace tousu;

namespace {

struct Searchable {
    std::string number, customerName, phone, content;
};

struct Office {
    std::unique_ptr<fuzz::Desk> desk = fuzz::freshDesk();
    std::vector<Searchable> cases;

    Office() {
        const core::TimeMs now = desk->clock.now();
        const core::Registration forms[] = {
            {"phone", "王芳", "13800138000", "", "phone", "家中宽带无法上网，光猫亮红灯", "service_quality",
             "network_fault", "normal", now},
            {"online", "李雷", "13912345678", "ACC-2026-0001", "sms", "话费账单有误，多扣 50% 费用 (\"套餐\")",
             "billing", "bill_error", "urgent", now},
            {"phone", "Zhang Wei", "+86 139-1234-5678", "", "email", "New broadband line not activated after 3 days_",
             "business", "slow_new_service", "", now},
            {"letter_visit", "陈静", "", "BJ\\2026\\77", "phone", "营业厅服务态度差！！Staff was rude", "other", "",
             "important", now},
            {"social_media", "Ōsaka Ünal", "13800138000", "", "phone", "Signal drops: 信号差 ≥3 次/天 🙁",
             "service_quality", "", "", now},
        };
        for (const core::Registration& r : forms) {
            const auto ref = desk->app->cases().registerCase(r);
            if (!ref.ok())
                for (const core::Error& e : ref.error().fieldErrors)
                    std::fprintf(stderr, "registration of %s: %s %s\n", r.customerName.c_str(), e.field.c_str(),
                                 e.messageKey.c_str());
            FUZZ_CHECK(ref.ok());
        }
        core::ListQuery all;
        all.limit = 100;
        const auto page = desk->app->cases().listCases(all);
        FUZZ_CHECK(page.ok());
        for (const core::CaseRow& row : page.value().rows)
            cases.push_back(
                {row.number, row.customerName, row.phone, desk->app->cases().caseById(row.id).value().content});
        FUZZ_CHECK(cases.size() == std::size(forms));
    }
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Office office;
    core::ListQuery q;
    q.filter.search.assign(reinterpret_cast<const char*>(data), size);
    q.limit = 3;
    const auto page = office.desk->app->cases().listCases(q);
    const bool typeable = fuzz::validUtf8(data, size) && std::memchr(data, 0, size) == nullptr;
    if (!page.ok()) {
        if (typeable)
            std::fprintf(stderr, "search failed: %s %s\n", page.error().messageKey.c_str(),
                         page.error().detail.c_str());
        FUZZ_CHECK(!typeable); // 1
        return 0;
    }
    const int total = page.value().total;
    FUZZ_CHECK(total >= 0 && total <= static_cast<int>(office.cases.size())); // 2
    FUZZ_CHECK(page.value().rows.size() <= static_cast<std::size_t>(std::min(total, q.limit)));
    if (!typeable || q.filter.search.empty()) return 0;
    int expected = 0;
    for (const Searchable& c : office.cases)
        expected += contains(c.number, q.filter.search) || contains(c.customerName, q.filter.search) ||
                    contains(c.phone, q.filter.search) || contains(c.content, q.filter.search);
    if (total < expected) std::fprintf(stderr, "search found %d cases, %d contain the text\n", total, expected);
    FUZZ_CHECK(total >= expected); // 3
    return 0;
}
