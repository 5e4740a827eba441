#include "core/visit/visit.hpp"

#include "core/member/fields.hpp"

namespace lianxin::core::visit {

namespace {
constexpr std::array<ClearSpec, kClearCount> kClears{{
    {Clear::kLowIncome, "low_income", "低保困难户", "Low-income (dibao) household"},
    {Clear::kDisabled, "disabled", "残疾人", "Person with a disability"},
    {Clear::kLaidOff, "laid_off", "下岗职工", "Laid-off worker"},
    {Clear::kEmptyNest, "empty_nest", "空巢老人", "Elderly living alone (empty nest)"},
    {Clear::kPartyMember, "party_member", "社区党员", "Party member in the community"},
    {Clear::kFloating, "floating", "流动人口", "Floating population"},
}};
constexpr std::array<std::string_view, 3> kAnswers{"unknown", "yes", "no"};

std::optional<std::size_t> ClearIndex(std::string_view code) {
    for (std::size_t i = 0; i < kClears.size(); ++i)
        if (kClears[i].code == code) return i;
    return std::nullopt;
}

void CheckItems(std::vector<patrol::Item>& items, std::size_t max_items, const char* field, int max_photos,
                Error& errors) {
    if (items.size() > max_items) {
        errors.WithField(field, "visit.items.too_many", {{"max", std::to_string(max_items)}});
        return;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i].seq = static_cast<int>(i) + 1;
        patrol::CheckItem(items[i], max_photos, std::string(field) + "[" + std::to_string(i) + "].", errors);
    }
}

void CheckDay(const std::string& day, const Date& today, Date& out, Error& errors) {
    if (day.empty()) out = today;
    else if (auto d = member::CheckDate(day, today, "day", errors)) out = *d;
}
}  // namespace

std::span<const ClearSpec> Clears() { return kClears; }

std::string_view ToString(Answer a) { return kAnswers[static_cast<std::size_t>(a)]; }
std::optional<Answer> ParseAnswer(std::string_view s) {
    for (std::size_t i = 0; i < kAnswers.size(); ++i)
        if (kAnswers[i] == s) return static_cast<Answer>(i);
    return std::nullopt;
}

int KnownCount(const Checklist& c) {
    int n = 0;
    for (auto a : c) n += a != Answer::kUnknown ? 1 : 0;
    return n;
}

std::string EncodeChecklist(const Checklist& c) {
    std::string out;
    for (std::size_t i = 0; i < kClearCount; ++i) {
        if (i) out += ';';
        out += std::string(kClears[i].code) + "=" + std::string(ToString(c[i]));
    }
    return out;
}

std::optional<Checklist> DecodeChecklist(std::string_view text) {
    Checklist c{};
    std::size_t seen = 0, at = 0;
    while (at < text.size()) {
        auto semi = text.find(';', at);
        if (semi == std::string_view::npos) semi = text.size();
        const auto part = text.substr(at, semi - at);
        const auto eq = part.find('=');
        if (eq == std::string_view::npos) return std::nullopt;
        auto idx = ClearIndex(part.substr(0, eq));
        auto ans = ParseAnswer(part.substr(eq + 1));
        if (!idx || !ans) return std::nullopt;
        c[*idx] = *ans;
        ++seen;
        at = semi + 1;
    }
    if (seen != kClearCount) return std::nullopt;
    return c;
}

Checklist ReadChecklist(const std::vector<std::pair<std::string, std::string>>& pairs, Error& errors) {
    Checklist c{};
    for (const auto& [code, answer] : pairs) {
        auto idx = ClearIndex(code);
        if (!idx) {
            errors.WithField("clears." + code, "visit.clear.unknown");
            continue;
        }
        auto a = ParseAnswer(answer);
        if (!a) errors.WithField("clears." + code, "visit.clear.answer");
        else c[*idx] = *a;
    }
    return c;
}

void CheckHouseholdVisit(const std::string& day, const Date& today, HouseholdVisit& v, int max_photos, Error& errors) {
    CheckDay(day, today, v.day, errors);
    if (v.grid_id <= 0) errors.WithField("grid_id", "field.required");
    member::CheckText(v.building, 1, 50, "building", errors);
    member::CheckText(v.door, 0, 30, "door", errors);
    member::CheckText(v.resident_name, 0, 30, "resident_name", errors);
    member::CheckPhone(v.resident_phone, "resident_phone", errors);
    member::CheckText(v.note, 0, 1000, "note", errors);
    if (v.visitor_member_id < 0) errors.WithField("visitor_member_id", "field.range");
    CheckItems(v.needs, 20, "needs", max_photos, errors);
}

void CheckSession(const std::string& day, const Date& today, Session& s, int max_photos, Error& errors) {
    CheckDay(day, today, s.day, errors);
    if (s.org_id <= 0) errors.WithField("org_id", "field.required");
    member::CheckText(s.place, 1, 100, "place", errors);
    member::CheckText(s.topic, 0, 100, "topic", errors);
    if (s.member_ids.size() > 200)
        errors.WithField("member_ids", "visit.items.too_many", {{"max", "200"}, {"label", "attendees"}});
    if (s.residents_count < 0 || s.residents_count > 10000) errors.WithField("residents_count", "field.range");
    member::CheckText(s.residents_text, 0, 200, "residents_text", errors);
    member::CheckText(s.note, 0, 1000, "note", errors);
    CheckItems(s.problems, 50, "problems", max_photos, errors);
}

}  // namespace lianxin::core::visit
