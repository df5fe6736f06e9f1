// The generator plans every case's steps first (times drawn around each milestone's limit), then
// executes all steps of all cases in time order, so the simulated clock only moves forward and
// HLCs interleave as they would in a real office.
#include "app/generator.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "app/app.h"

namespace tousu::app {

namespace {

using core::kHourMs;
using core::TimeMs;
constexpr TimeMs kMinuteMs = 60000;

enum class Step {
    Register,
    Confirm,
    Classify,
    Dispatch,
    Investigate,
    Wait,
    Respond,
    Propose,
    Implement,
    Feedback,
    Survey,
    Archive,
    FollowUp,
    Merge
};

struct Planned {
    TimeMs at;
    int caseIndex;
    Step step;
};

struct PlannedCase {
    core::Registration reg;
    std::string department, person, id;
    int rating = 0;
    bool declined = false, followUpResolved = true;
    int duplicateOf = -1;
};

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                           "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽",   "强", "磊", "军",   "洋",   "勇",   "艳",
                        "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "建华", "志强", "晓燕", "海燕"};

struct Template {
    const char* category;
    const char* subType;
    const char* text;
};
const Template kTemplates[] = {
    {"service_quality", "network_fault", "家中宽带自%s起无法上网，光猫指示灯闪红，已重启多次仍未恢复，影响居家办公。"},
    {"service_quality", "poor_call_quality", "在%s附近通话经常断断续续，对方听不清，信号只有一格，要求尽快处理。"},
    {"service_quality", "unstable_internet", "手机4G/5G上网不稳定，%s晚高峰网速很慢，视频一直卡顿。"},
    {"billing", "bill_error", "本月账单比平时多扣了%s元，未使用过相关增值业务，要求核实并退费。"},
    {"billing", "unclear_charges", "套餐资费说明不清楚，%s产生的流量费用不明白是怎么计费的。"},
    {"business", "slow_new_service", "%s在营业厅办理宽带新装，承诺三天内上门安装，至今无人联系。"},
    {"business", "service_change", "申请套餐变更已%s，系统仍按原套餐扣费，业务变更未生效。"},
    {"other", "equipment_fault", "营业厅购买的机顶盒%s就出现故障，无法开机，要求更换。"},
    {"other", "staff_attitude", "%s拨打客服热线时，工作人员态度冷淡，多次打断我说话。"},
};
const char* kFill[] = {"上周三", "昨天", "三天前", "本月初", "18", "36.5", "两周", "一周前", "小区", "地铁站"};

struct Rng {
    std::mt19937_64 gen;
    explicit Rng(std::uint64_t seed) : gen(seed) {}
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(gen); }
    TimeMs between(TimeMs a, TimeMs b) { return a + static_cast<TimeMs>(uniform() * double(b - a)); }
    template <class T, std::size_t N> const T& pick(const T (&arr)[N]) {
        return arr[static_cast<std::size_t>(uniform() * N) % N];
    }
    // Index by weights.
    int weighted(std::initializer_list<int> weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = static_cast<int>(uniform() * total), i = 0;
        for (int w : weights) {
            if (r < w) return i;
            r -= w;
            ++i;
        }
        return i - 1;
    }
};

std::string randomPhone(Rng& rng) {
    static const char* prefixes[] = {"138", "139", "135", "136", "150", "151", "186", "187", "177", "199"};
    std::string p = rng.pick(prefixes);
    for (int i = 0; i < 8; ++i) p += static_cast<char>('0' + static_cast<int>(rng.uniform() * 10) % 10);
    return p;
}

void handlerFor(const std::string& category, Rng& rng, PlannedCase& c) {
    if (category == "service_quality")
        c.department = "network", c.person = rng.uniform() < 0.5 ? "s03" : "s04";
    else if (category == "billing")
        c.department = "billing", c.person = rng.uniform() < 0.5 ? "s05" : "s06";
    else if (category == "business")
        c.department = "business", c.person = rng.uniform() < 0.5 ? "s07" : "s08";
    else
        c.department = "quality", c.person = "s09";
}

TimeMs limitFor(const std::string& category) {
    return category == "business" ? 48 * kHourMs : category == "service_quality" ? 48 * kHourMs : 72 * kHourMs;
}

} // namespace

core::Result<GenerateStats> generate(App& app, core::SimulatedClock& clock, const GenerateOptions& o) {
    Rng rng(o.seed);
    const TimeMs end = o.start + static_cast<TimeMs>(o.days) * 24 * kHourMs;
    std::vector<PlannedCase> cases(static_cast<std::size_t>(o.cases));
    std::vector<Planned> plan;
    plan.reserve(cases.size() * 11);
    static const char* channels[] = {"phone", "online", "email", "social_media", "letter_visit", "other"};
    static const char* contacts[] = {"phone", "sms", "email", "phone", "phone"};

    // Receipt times in order, so "an earlier customer" really came earlier.
    std::vector<TimeMs> receipts;
    for (int i = 0; i < o.cases; ++i) receipts.push_back(rng.between(o.start, end));
    std::sort(receipts.begin(), receipts.end());

    for (int i = 0; i < o.cases; ++i) {
        PlannedCase& c = cases[static_cast<std::size_t>(i)];
        const TimeMs received = receipts[static_cast<std::size_t>(i)];
        const Template& t = kTemplates[rng.weighted({16, 12, 12, 16, 14, 10, 10, 5, 5})];
        c.reg.channel = channels[rng.weighted({40, 25, 8, 10, 7, 10})];
        c.reg.contactMethod = rng.pick(contacts);
        c.reg.category = t.category;
        c.reg.subType = t.subType;
        c.reg.importance = rng.uniform() < 0.15 ? "important" : rng.uniform() < 0.03 ? "urgent" : "normal";
        char content[512];
        std::snprintf(content, sizeof content, t.text, rng.pick(kFill));
        c.reg.content = content;
        // About one in twelve comes from an earlier customer about the same problem.
        const int earlier = i > 20 && rng.uniform() < 0.08 ? static_cast<int>(rng.uniform() * i) : -1;
        if (earlier >= 0 && cases[earlier].reg.category == c.reg.category) {
            c.reg.customerName = cases[earlier].reg.customerName;
            c.reg.phone = cases[earlier].reg.phone;
        } else {
            c.reg.customerName = std::string(rng.pick(kSurnames)) + rng.pick(kGiven);
            c.reg.phone = randomPhone(rng);
        }
        c.reg.receivedAt = received;
        handlerFor(c.reg.category, rng, c);
        const double roll = rng.uniform();
        c.rating = roll < 0.35 ? 5 : roll < 0.65 ? 4 : roll < 0.83 ? 3 : roll < 0.93 ? 2 : 1;
        c.declined = rng.uniform() < 0.03;

        TimeMs t0 = received + rng.between(1, 10) * kMinuteMs;
        plan.push_back({t0, i, Step::Register});
        if (o.registrationsOnly) continue;
        if (earlier >= 0 && rng.uniform() < 0.25) { // a duplicate registration, merged away
            c.duplicateOf = earlier;
            plan.push_back({t0 + 20 * kMinuteMs, i, Step::Merge});
            continue;
        }
        TimeMs at = t0 + rng.between(5, 30) * kMinuteMs;
        plan.push_back({at, i, Step::Confirm});
        plan.push_back({at += rng.between(5, 30) * kMinuteMs, i, Step::Classify});
        plan.push_back({at += rng.between(10, 60) * kMinuteMs, i, Step::Dispatch});
        // Investigation lands around the 24 h mark for service quality, a little late now and then.
        plan.push_back(
            {at = std::max(at + kMinuteMs, received + rng.between(kHourMs, 27 * kHourMs)), i, Step::Investigate});
        if (rng.uniform() < 0.06) {
            plan.push_back({at += rng.between(kHourMs, 3 * kHourMs), i, Step::Wait});
            plan.push_back({at += rng.between(2 * kHourMs, 30 * kHourMs), i, Step::Respond});
        }
        plan.push_back({at += rng.between(kHourMs, 6 * kHourMs), i, Step::Propose});
        plan.push_back({at += rng.between(kHourMs, 8 * kHourMs), i, Step::Implement});
        const TimeMs feedbackTarget =
            received + static_cast<TimeMs>((0.35 + rng.uniform() * 0.8) * double(limitFor(c.reg.category)));
        plan.push_back({at = std::max(at + kMinuteMs, feedbackTarget), i, Step::Feedback});
        plan.push_back({at += rng.between(kHourMs, 24 * kHourMs), i, Step::Survey});
        plan.push_back({at += rng.between(kHourMs, 72 * kHourMs), i, Step::Archive});
        if (c.reg.importance != "normal" && rng.uniform() < 0.5) {
            c.followUpResolved = rng.uniform() > 0.1;
            plan.push_back({at + rng.between(3 * 24 * kHourMs, 10 * 24 * kHourMs), i, Step::FollowUp});
        }
    }
    std::stable_sort(plan.begin(), plan.end(), [](const Planned& a, const Planned& b) { return a.at < b.at; });

    GenerateStats stats;
    const Actor saved = app.actor();
    constexpr int kBatch = 50000;
    if (auto st = app.beginBatch(); !st) return st.error();
    for (const Planned& p : plan) {
        // What would happen after the end stays undone (open cases); every case is still registered.
        if (p.at > end && p.step != Step::Register) continue;
        if (stats.actions % kBatch == kBatch - 1) {
            if (auto st = app.commitBatch(); !st) return st.error();
            if (auto st = app.beginBatch(); !st) return st.error();
        }
        PlannedCase& c = cases[static_cast<std::size_t>(p.caseIndex)];
        if (p.step != Step::Register && c.id.empty()) continue;
        clock.jumpTo(p.at);
        app.setActor({p.step <= Step::Dispatch || p.step >= Step::Survey ? "s01" : c.person, core::Role::Supervisor});
        core::Status st = core::Ok{};
        switch (p.step) {
        case Step::Register: {
            auto ref = app.cases().registerCase(c.reg);
            if (ref) {
                c.id = ref.value().id;
                ++stats.cases;
                stats.repeats += ref.value().repeat;
            } else {
                st = ref.error();
            }
            break;
        }
        case Step::Confirm:
            st = app.cases().confirm(c.id, c.reg.contactMethod, "您的投诉已受理，我们将尽快处理。");
            break;
        case Step::Classify:
            st = app.cases().classify(c.id, c.reg.category, c.reg.subType, c.reg.importance);
            break;
        case Step::Dispatch:
            st = app.cases().dispatch(c.id, c.department, c.person, p.at + limitFor(c.reg.category));
            break;
        case Step::Investigate:
            st = app.cases().investigate(c.id, "已联系客户并核实问题，正在排查原因。");
            break;
        case Step::Wait:
            st = app.cases().waitForCustomer(c.id, "等待客户提供账单截图和上门时间。");
            break;
        case Step::Respond:
            st = app.cases().customerResponded(c.id, "客户已回复。");
            break;
        case Step::Propose:
            st = app.cases().proposeSolution(c.id, "安排技术人员上门检修并更换故障设备。");
            break;
        case Step::Implement:
            st = app.cases().implement(c.id, "已完成上门检修，设备运行正常。");
            break;
        case Step::Feedback:
            st = app.cases().feedback(c.id, "问题已解决，已电话告知客户处理结果。", "phone");
            break;
        case Step::Survey:
            st = app.cases().survey(c.id, c.rating, c.rating >= 4 ? "处理及时" : "希望更快处理", c.declined);
            break;
        case Step::Archive:
            st = app.cases().archive(c.id);
            break;
        case Step::FollowUp:
            st = app.cases().followUp(c.id, c.followUpResolved,
                                      c.followUpResolved ? "回访：问题未复发" : "回访：问题再次出现");
            break;
        case Step::Merge: {
            const auto target = app.cases().caseById(cases[static_cast<std::size_t>(c.duplicateOf)].id);
            if (target) st = app.cases().merge(c.id, target.value().number, "重复登记");
            break;
        }
        }
        ++stats.actions;
        if (!st) ++stats.failed;
    }
    if (auto st = app.commitBatch(); !st) return st.error();
    app.setActor(saved);
    clock.jumpTo(end);
    core::ListQuery open;
    open.filter.openOnly = true;
    open.limit = 0;
    if (auto page = app.cases().listCases(open)) stats.open = page.value().total;
    return stats;
}

} // namespace tousu::app
