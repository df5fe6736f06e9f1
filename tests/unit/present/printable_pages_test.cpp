// The customer notice promises what the desk enforces (the limits are the configured policies); the
// review report lists what was received in its period.
#include <doctest/doctest.h>

#include "app/app.h"
#include "core/sha256.h"
#include "present/case_file.h"
#include "present/i18n.h"
#include "present/notice.h"
#include "present/report.h"

using namespace tousu;

namespace {

bool has(const std::string& page, const std::string& text) { return page.find(text) != std::string::npos; }

} // namespace

TEST_CASE("the customer notice lists the seed's time limits, and an edited policy's new limit") {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    auto app = std::move(app::App::open(":memory:", clock, 1).value());
    REQUIRE(app->initialize("BJ01", "北京一营").ok());
    REQUIRE(app->signIn("s10").ok());
    std::string page = present::customerNoticeHtml(*app);
    CHECK(has(page, "<tr><td>服务质量投诉</td><td>完成初步调查</td><td>24 小时内</td></tr>"));
    CHECK(has(page, "<tr><td>服务质量投诉</td><td>反馈处理结果</td><td>48 小时内</td></tr>"));
    CHECK(has(page, "<tr><td>资费及账单投诉</td><td>完成处理</td><td>72 小时内</td></tr>"));
    CHECK(has(page, "15 日内"));
    CHECK(has(page, "北京一营"));

    REQUIRE(app->settings().updatePolicy("billing", {{"handled", 36}}, 72).ok());
    page = present::customerNoticeHtml(*app);
    CHECK(has(page, "<tr><td>资费及账单投诉</td><td>完成处理</td><td>36 小时内</td></tr>"));
    CHECK_FALSE(has(page, "<td>72 小时内</td></tr>\n<tr><td>业务办理投诉"));

    present::setLanguage(present::Language::En);
    CHECK(has(present::customerNoticeHtml(*app),
              "<td>Charges &amp; billing</td><td>Handled</td><td>within 36 hours</td>"));
    present::setLanguage(present::Language::ZhCN);

    REQUIRE(app->settings().setOffice(app::kFirstOfficeCode, app::kFirstOfficeName).ok()); // never named
    CHECK_FALSE(has(present::customerNoticeHtml(*app), app::kFirstOfficeName));
}

TEST_CASE("the review report lists the suggestions received in its period, and only those") {
    core::SimulatedClock clock{core::parseIso8601("2026-11-10T09:00:00+08:00").value()};
    auto app = std::move(app::App::open(":memory:", clock, 1).value());
    REQUIRE(app->initialize("BJ01", "北京一营").ok());
    REQUIRE(app->signIn("s09").ok());
    REQUIRE(app->suggestions().add("customer", "希望短信确认里写明<责任人>的电话").ok());
    clock.jumpTo(core::parseIso8601("2026-12-02T09:00:00+08:00").value());
    REQUIRE(app->suggestions().add("staff", "十二月的建议").ok());
    const core::Period november =
        core::periodContaining(core::PeriodKind::Month, core::parseIso8601("2026-11-15T00:00:00+08:00").value());
    const std::string page = present::reviewReportHtml(*app, november, {}, "").value();
    CHECK(has(page, "<td>客户</td><td>希望短信确认里写明&lt;责任人&gt;的电话</td><td>新提交</td>"));
    CHECK_FALSE(has(page, "十二月的建议"));
}

TEST_CASE("the printed case file holds every entry with its person, the corrections apart, a late deadline marked") {
    core::SimulatedClock clock{core::parseIso8601("2026-11-28T09:00:00+08:00").value()};
    auto app = std::move(app::App::open(":memory:", clock, 1).value());
    REQUIRE(app->initialize("BJ01", "北京一营").ok());
    REQUIRE(app->signIn("s01").ok()); // 王芳, an agent
    const std::string id = app->cases()
                               .registerCase({"phone", "李<雷>", "13800138000", "", "phone", "宽带断网",
                                              "service_quality", "", "normal", clock.now()})
                               .value()
                               .id;
    REQUIRE(app->cases().amend(id, {{"phone", "13900139000"}}, "号码听错").ok());
    REQUIRE(app->cases().addNote(id, "客户只在下午接电话").ok());
    REQUIRE(app->cases().confirm(id, "sms", "已受理").ok());
    const std::string photo(2048, 'p');
    REQUIRE(app->attachments().attach(id, "光猫<红灯>.jpg", photo).ok());
    REQUIRE(app->attachments().attach(id, "录音.mp3", std::string(300, 'r')).ok());
    REQUIRE(app->attachments().withdraw(id, core::sha256Hex(std::string(300, 'r')), "录错了人").ok());
    clock.jumpBy(30 * core::kHourMs); // past the 24 h of the first milestone
    std::string page = present::caseFileHtml(*app, {id}).value();
    CHECK(has(page, "<h1>投诉处理单</h1>"));
    CHECK(has(page, "<td>李&lt;雷&gt;</td>"));
    CHECK(has(page, "<td>139****9000</td>")); // an agent sees contacts masked, on paper too
    const std::string timeline = page.substr(page.find("<h2>处理记录</h2>"));
    CHECK(has(timeline, "<td>登记</td><td>王芳</td>"));
    CHECK(has(timeline,
              "<td>内部备注 <span class=\"internal\">(内部)</span></td><td>王芳</td><td>客户只在下午接电话</td>"));
    CHECK(has(timeline, "<td>投诉确认</td><td>王芳</td><td>方式：短信<br>已受理</td>"));
    CHECK(has(timeline, "<td>添加附件</td><td>王芳</td><td>文件：光猫&lt;红灯&gt;.jpg · 图片 · 2.0 KB</td>"));
    CHECK(has(timeline, "<td>撤回附件</td><td>王芳</td><td>文件：录音.mp3<br>录错了人</td>"));
    const std::string corrections = page.substr(page.find("<h2>登记信息更正</h2>"));
    CHECK(has(corrections, "<td>王芳</td><td>联系电话：138****8000 → 139****9000<br>更正原因：号码听错</td>"));
    CHECK(has(page, "<td>完成初步调查</td><td>2026-11-29 09:00</td><td class=\"late\">已超时</td>"));
    const std::string files = page.substr(page.find("<h2>附件</h2>"));
    CHECK(has(files, "<td>光猫&lt;红灯&gt;.jpg</td><td>image/jpeg · 2.0 KB</td><td>王芳</td><td>SHA-256 " +
                         core::sha256Hex(photo).substr(0, 16) + "…</td>"));
    CHECK(has(files, "<td>录音.mp3</td><td>audio/mpeg · 300 B</td><td>王芳</td>"));
    CHECK(has(files, "<br>已撤回：录错了人</td>"));

    REQUIRE(app->signIn("s09").ok()); // a supervisor sees them whole
    page = present::caseFileHtml(*app, {id}).value();
    CHECK(has(page, "<td>13900139000</td>"));
    CHECK(present::caseFileHtml(*app, {"no-such-case"}).error().messageKey == "error.case_not_found");
}
