#include "core/demo/synthetic.hpp"

#include <array>
#include <cstdio>

#include "core/member/id_number.hpp"

namespace lianxin::core::demo {

namespace {
// The most common surnames, roughly by frequency.
constexpr std::array<const char*, 60> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
                                                "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋",
                                                "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
                                                "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
                                                "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金"};
constexpr std::array<const char*, 48> kGivenMale{
    "伟",   "强",   "磊",   "军",   "勇",   "杰",   "涛",   "斌",   "超",   "明",   "刚",   "平",
    "辉",   "鹏",   "华",   "飞",   "鑫",   "波",   "建国", "建华", "志强", "志明", "国强", "海峰",
    "文斌", "俊杰", "晓东", "振华", "德明", "永红", "立新", "卫东", "子轩", "浩然", "宇航", "博文",
    "天佑", "家豪", "明辉", "少华", "水生", "金福", "庆丰", "长林", "春生", "学文", "海涛", "荣华"};
constexpr std::array<const char*, 48> kGivenFemale{
    "芳",   "娜",   "敏",   "静",   "丽",   "艳",   "娟",   "霞",   "燕",   "玲",   "婷",   "颖",
    "雪",   "慧",   "琳",   "洁",   "红",   "梅",   "秀英", "桂英", "玉兰", "秀兰", "淑珍", "丽华",
    "美玲", "晓燕", "海燕", "春梅", "雅琴", "婉婷", "欣怡", "诗涵", "梓涵", "思雨", "佳怡", "雨欣",
    "若曦", "月华", "金凤", "素芬", "翠花", "凤英", "丽娟", "晓红", "爱华", "银花", "彩霞", "淑华"};
constexpr std::array<const char*, 8> kMinorities{"回族", "满族", "畲族", "壮族", "蒙古族", "土家族", "苗族", "高山族"};
constexpr std::array<const char*, 5> kEducation{"初中及以下", "高中、中专", "大学专科", "大学本科", "研究生"};
// 特长 a community secretary looks for when matching volunteers to residents' needs.
constexpr std::array<const char*, 16> kSkills{"电工", "水电维修", "医生", "护理",     "法律咨询", "心理咨询",
                                              "教师", "书法",     "摄影", "文艺演出", "计算机",   "驾驶",
                                              "厨艺", "理发",     "财会", "调解"};
// 职业 codes of the statistics bulletin (domain.md §2.4), for members of working age.
constexpr std::array<const char*, 6> kOccupations{"worker", "professional", "manager", "party_gov", "farmer", "other"};

constexpr std::array<const char*, 12> kUnits{"海沧区人民政府",       "海沧区教育局",     "海沧区人民医院",
                                             "厦门港务集团",         "海沧区税务局",     "厦门银行海沧支行",
                                             "海沧实验中学",         "海沧区卫生健康局", "国网厦门供电公司",
                                             "海沧区市场监督管理局", "厦门海沧投资集团", "海沧区法院"};
}  // namespace

std::uint64_t Rng::Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::string SyntheticIdNumber(std::uint64_t serial, const Date& birth, member::Sex sex) {
    // Region 99xxxx (no such province) spreads serials so that each (region, birth date, sequence) is unique.
    char first17[40];
    unsigned region = static_cast<unsigned>((serial / 500) % 10000);
    unsigned seq = static_cast<unsigned>((serial % 500) * 2 + (sex == member::Sex::kMale ? 1 : 0));
    std::snprintf(first17, sizeof first17, "99%04u%04d%02u%02u%03u", region, birth.year(), birth.month(), birth.day(),
                  seq);
    std::string digits(first17, 17);
    return digits + member::IdNumberCheckChar(digits);
}

std::string SyntheticPhone(std::uint64_t serial) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "100%08llu", static_cast<unsigned long long>(serial % 100'000'000));
    return buf;
}

std::string SyntheticName(Rng& rng, member::Sex sex) {
    // The given name is drawn first, as the data sets made before this function was split out had it.
    const char* given = sex == member::Sex::kMale ? kGivenMale[rng.Below(kGivenMale.size())]
                                                  : kGivenFemale[rng.Below(kGivenFemale.size())];
    return std::string(kSurnames[rng.Below(kSurnames.size())]) + given;
}

member::Member SyntheticMember(Rng& rng, const PersonOptions& opt) {
    member::Member m;
    m.sex = rng.Chance(0.69) ? member::Sex::kMale : member::Sex::kFemale;  // 30.9 % women (domain.md §12)
    m.name = SyntheticName(rng, m.sex);
    // Ages: 29 % aged 61–92, the rest 20–60.
    int age = rng.Chance(0.29) ? 61 + static_cast<int>(rng.Below(32)) : 20 + static_cast<int>(rng.Below(41));
    m.birth_date = opt.today.AddYears(-age).AddDays(-static_cast<int>(rng.Below(365)));
    m.ethnicity = rng.Chance(0.077) ? kMinorities[rng.Below(kMinorities.size())] : "汉族";
    m.id_number = SyntheticIdNumber(opt.serial, m.birth_date, m.sex);
    m.phone = SyntheticPhone(opt.serial);
    m.education = kEducation[age > 60 ? rng.Below(3) : 1 + rng.Below(4)];
    // Joined between 19 and now; probationary when the join date lies within the last year.
    int max_years_in = age - 19;
    bool probationary = rng.Chance(0.04);
    if (probationary) {
        m.category = member::Category::kProbationary;
        m.join_date = opt.today.AddDays(-static_cast<int>(1 + rng.Below(360)));
    } else {
        int years_in = 1 + static_cast<int>(rng.Below(static_cast<std::uint64_t>(max_years_in > 1 ? max_years_in : 1)));
        m.category = member::Category::kFull;
        m.join_date = opt.today.AddYears(-years_in).AddDays(-static_cast<int>(rng.Below(365)));
        m.conversion_date = member::ProbationEnd(*m.join_date, LeapDay::kFeb28);  // domain.md §2.3, national default
        if (*m.conversion_date > opt.today) m.conversion_date = opt.today;
    }
    m.status = rng.Chance(0.005) ? member::PartyStatus::kStopped : member::PartyStatus::kNormal;
    if (age >= 60) {
        m.tags.push_back("retired");
    } else if (rng.Chance(0.6)) {
        m.tags.push_back("in_service");
        m.work_unit = kUnits[rng.Below(kUnits.size())];
    }
    if (rng.Chance(0.03)) m.tags.push_back("floating");
    m.address = opt.address_prefix + std::to_string(1 + rng.Below(30)) + "号楼" + std::to_string(1 + rng.Below(4)) +
                "单元" + std::to_string(100 * (1 + rng.Below(18)) + 1 + rng.Below(4)) + "室";
    // Drawn last, so that the fields above stay as earlier data sets had them.
    if (rng.Chance(0.25)) m.skills.push_back(kSkills[rng.Below(kSkills.size())]);
    if (rng.Chance(0.05)) m.skills.push_back(kSkills[rng.Below(kSkills.size())]);
    if (m.skills.size() == 2 && m.skills[0] == m.skills[1]) m.skills.pop_back();
    m.occupation = age >= 60                     ? "retired"
                   : age < 23 && rng.Chance(0.5) ? "student"
                                                 : kOccupations[rng.Below(kOccupations.size())];
    return m;
}

}  // namespace lianxin::core::demo
