#include "app/demo/demo_floating.hpp"

#include <algorithm>

namespace lianxin::app {

using core::Date;
using core::member::Floating;
using core::member::FloatingReason;

namespace {

struct Away {
    std::size_t community, branch;  // whose member: the last member of that compound branch
    FloatingReason reason;
    const char *province, *city, *county, *employer;
    int months_ago;               // left that many months before today
    int expected_back_in_months;  // 0 = not known
    bool fixed_place;
    const char* certificate_no;
    const char* cannot_transfer_reason;  // "" = can transfer
    int in_community, in_branch;         // the participating branch inside the system, or -1
    const char* outside_org;             // or the name of one elsewhere
    int report_months_ago;               // the last yearly report, or -1
};

constexpr Away kAway[] = {
    {0, 1, FloatingReason::kWork, "广东省", "深圳市", "南山区", "南山区某电子有限公司", 8, 0, true, "", "", -1, -1,
     "深圳市南山区粤海街道流动党员党支部", -1},
    {1, 1, FloatingReason::kStudy, "上海市", "上海市", "杨浦区", "某大学（在职研修）", 4, 1, true, "闽流〔2026〕012号",
     "", -1, -1, "", -1},
    {2, 1, FloatingReason::kFamily, "福建省", "厦门市", "海沧区", "随子女居住", 14, 0, true, "闽流〔2025〕037号",
     "随子女临时居住，住房未定，暂不具备转接条件", 0, 2, "", 6},
    {3, 2, FloatingReason::kBusiness, "浙江省", "金华市", "义乌市", "义乌国际商贸城经商", 13, 0, false, "", "", -1, -1,
     "", -1},
};

core::Result<core::org::Org> Branch(core::ports::Tx& tx, const DemoCommunity& c, std::size_t index, const Date& today) {
    LX_ASSIGN(children, tx.Orgs().Children(c.id, today));
    if (index >= children.size())
        return core::Fail(core::MakeError(core::ErrorCode::kInternal, "internal", "demo branch"));
    return children[index].org;
}

core::ports::FloatingNote Note(core::member::FloatingReportKind kind, const Date& on, const char* text,
                               const char* side, std::int64_t now) {
    return core::ports::FloatingNote{0, 0, {kind, on, text}, side, 0, "演示数据", now};
}

}  // namespace

core::Result<int> AddDemoFloating(core::ports::Tx& tx, const Date& today, std::int64_t now,
                                  const std::vector<DemoCommunity>& communities) {
    int added = 0;
    for (const auto& a : kAway) {
        if (a.community >= communities.size()) continue;
        LX_ASSIGN(branch, Branch(tx, communities[a.community], a.branch, today));
        core::ports::MemberQuery q;
        q.scope_roots = {branch.path};
        q.limit = 200;
        LX_ASSIGN(members, tx.Members().List(q));
        if (members.empty()) continue;
        auto m = members.back();
        core::ports::FloatingRecord rec;
        rec.member_id = m.id;
        rec.org_id = m.org_id;
        Floating& f = rec.facts;
        f.left_on = today.AddMonths(-a.months_ago);
        f.reason = a.reason;
        f.province = a.province;
        f.city = a.city;
        f.county = a.county;
        f.employer = a.employer;
        f.phone = "139" + std::to_string(50000000 + m.id % 10000000);
        if (a.expected_back_in_months) f.expected_return = today.AddMonths(a.expected_back_in_months);
        f.fixed_place = a.fixed_place;
        f.certificate_no = a.certificate_no;
        f.cannot_transfer_reason = a.cannot_transfer_reason;
        f.cannot_transfer = !f.cannot_transfer_reason.empty();
        if (a.in_community >= 0) {
            LX_ASSIGN(in, Branch(tx, communities[static_cast<std::size_t>(a.in_community)],
                                 static_cast<std::size_t>(a.in_branch), today));
            f.participating = core::member::ParticipatingOrg{in.id, in.name, f.left_on.AddMonths(1)};
            rec.in_org_path = in.path;
        } else if (*a.outside_org) {
            f.participating = core::member::ParticipatingOrg{0, a.outside_org, f.left_on.AddMonths(1)};
        }
        LX_CHECK(
            core::member::CheckFloating(f, today, core::member::FloatingPolicyOn(core::policy::Policies(), today)));
        LX_ASSIGN(id, tx.FloatingRecords().Insert(rec, now));
        using K = core::member::FloatingReportKind;
        if (a.report_months_ago >= 0)
            LX_CHECK(
                tx.FloatingRecords().AppendNote(id, Note(K::kReport, today.AddMonths(-a.report_months_ago),
                                                         "书面汇报本年度思想、工作和参加组织生活情况", "out", now)));
        if (a.in_community >= 0)
            LX_CHECK(tx.FloatingRecords().AppendNote(
                id, Note(K::kParticipation, today.AddMonths(-1), "参加支部主题党日活动并交流发言", "in", now)));
        // The registry follows the record (floating tag, 外出流向).
        if (std::find(m.tags.begin(), m.tags.end(), "floating") == m.tags.end()) {
            auto at = std::find(m.tags.begin(), m.tags.end(), std::string("lost_contact"));
            m.tags.insert(at, "floating");
        }
        m.floating_to = f.Destination();
        m.updated_at = now;
        LX_CHECK(tx.Members().UpdateRegistry(m));
        ++added;
    }
    return added;
}

}  // namespace lianxin::app
