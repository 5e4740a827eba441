#include "core/member/import_row.hpp"

#include <algorithm>

#include "core/member/field_spec.hpp"
#include "core/member/fields.hpp"

namespace lianxin::core::member {

namespace {

bool Contains(const std::vector<std::string>& v, std::string_view x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// "138 0000 1234" and "138-0000-1234" are the same mobile number; fixed lines keep their dash.
std::string NormalizePhone(const std::string& s) {
    std::string digits;
    for (char c : s)
        if (c != ' ' && c != '-') digits += c;
    return digits.size() == 11 && digits[0] == '1' ? digits : s;
}

std::vector<std::string> SplitSkills(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        auto t = NormalizeCell(cur);
        if (!t.empty() && !Contains(out, t)) out.push_back(t);
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ',' || s[i] == ';' || s[i] == '/' || s[i] == ' ') {
            flush();
        } else if (s.compare(i, 3, "、") == 0 || s.compare(i, 3, "，") == 0 || s.compare(i, 3, "；") == 0) {
            flush();
            i += 2;
        } else {
            cur += s[i];
        }
    }
    flush();
    return out;
}

std::optional<Category> ParseCategory(const std::string& s) {
    if (s == "正式党员" || s == "正式" || s == "full") return Category::kFull;
    if (s == "预备党员" || s == "预备" || s == "probationary") return Category::kProbationary;
    return std::nullopt;
}

class RowReader {
public:
    RowReader(const SheetLayout& layout, const std::vector<std::string>& cells, ImportedRow& out)
        : layout_(layout), cells_(cells), out_(out) {}

    // The normalized cell of a field ("" when the column is absent or the cell empty); notes the field as given.
    std::string Cell(std::string_view field) {
        const auto* col = layout_.Find(field);
        if (!col || col->index >= cells_.size()) return "";
        auto v = NormalizeCell(cells_[col->index]);
        if (!v.empty()) out_.given.emplace_back(field);
        return v;
    }
    void Fail(const std::string& field, const std::string& key, std::map<std::string, std::string> params = {}) {
        out_.errors.push_back({field, key, std::move(params)});
    }
    void Check(const Error& e) {
        for (const auto& f : e.fields) out_.errors.push_back(f);
    }
    std::optional<Date> DateCell(const char* field, const Date& today, bool required) {
        const auto text = Cell(field);
        if (text.empty()) {
            if (required) Fail(field, "import.required");
            return std::nullopt;
        }
        auto d = ParseSheetDate(text);
        if (!d) Fail(field, "date.format");
        else if (*d > today) Fail(field, "date.future", {{"latest", today.ToString()}});
        else return d;
        return std::nullopt;
    }

private:
    const SheetLayout& layout_;
    const std::vector<std::string>& cells_;
    ImportedRow& out_;
};

// The category and dates of party membership (§2.2 rows 1, 17, 19; §2.3).
void CheckParty(RowReader& in, ImportedRow& out, const std::string& category_text, const Date& today) {
    Member& m = out.member;
    if (!m.join_date) return;
    const Date join = *m.join_date;
    if (!m.birth_date.ToString().empty() && !m.id_number.empty() && m.birth_date.FullYearsUntil(join) < 18)
        in.Fail("join_date", "import.rule.join_age");
    if (m.conversion_date && (*m.conversion_date < join.AddYears(1) || *m.conversion_date > join.AddYears(2)))
        in.Fail("conversion_date", "import.rule.conversion_date");
    std::optional<Category> category;
    if (!category_text.empty()) {
        category = ParseCategory(category_text);
        if (!category) return in.Fail("category", "member.category.format");
    } else if (m.conversion_date || today >= join.AddYears(2)) {
        category = Category::kFull;  // converted, or joined so long ago that probation is over in any case
    } else if (today < join.AddYears(1)) {
        category = Category::kProbationary;
    } else {
        return in.Fail("category", "import.category.needed");
    }
    if (*category == Category::kProbationary && m.conversion_date)
        in.Fail("category", "import.rule.probationary_converted");
    else if (*category == Category::kProbationary && today > join.AddYears(2))
        in.Fail("category", "import.rule.probation_over");
    else if (*category == Category::kFull && today < join.AddYears(1))
        in.Fail("category", "import.rule.full_too_early");
    m.category = *category;
}

}  // namespace

bool ImportedRow::Gave(std::string_view field) const { return Contains(given, field); }

ImportedRow ReadMemberRow(const SheetLayout& layout, const std::vector<std::string>& cells, std::size_t row_number,
                          const Date& today) {
    ImportedRow out;
    out.row = row_number;
    RowReader in(layout, cells, out);
    Member& m = out.member;
    Error e = MakeError(ErrorCode::kInvalidArgument, "request.invalid");

    m.name = in.Cell("name");
    if (m.name.empty()) in.Fail("name", "import.required");
    else CheckField("name", m.name, e);

    const auto id_text = in.Cell("id_number");
    std::optional<IdNumberFacts> id;
    if (id_text.empty()) {
        in.Fail("id_number", "import.required");
    } else if (auto parsed = ParseIdNumber(id_text, "id_number")) {
        id = *parsed;
        m.id_number = id->canonical;
        m.birth_date = id->birth_date;
        m.sex = id->sex;
    } else {
        in.Check(parsed.error());
    }
    if (const auto sex = in.Cell("sex"); !sex.empty()) {
        const bool male = sex == "男" || sex == "male", female = sex == "女" || sex == "female";
        if (!male && !female) in.Fail("sex", "member.sex.format");
        else if (id && (male ? Sex::kMale : Sex::kFemale) != id->sex) in.Fail("sex", "member.sex.mismatch");
    }
    if (const auto born = in.Cell("birth_date"); !born.empty()) {
        const auto d = ParseSheetDate(born);
        if (!d) in.Fail("birth_date", "date.format");
        else if (id && *d != id->birth_date) in.Fail("birth_date", "import.birth_date.mismatch");
    }
    m.ethnicity = in.Cell("ethnicity");
    CheckField("ethnicity", m.ethnicity, e);
    m.phone = NormalizePhone(in.Cell("phone"));
    CheckField("phone", m.phone, e);
    for (const auto& f : MemberFields()) {  // education, degree, work unit …: a code as its label or itself
        if (!f.registry) continue;
        const auto text = in.Cell(f.name);
        m.*f.registry = f.kind == FieldKind::kCode ? CodeOfText(f.code_list, text) : text;
        CheckField(f, m.*f.registry, e);
    }
    m.address = in.Cell("address");
    CheckField("address", m.address, e);
    m.skills = SplitSkills(in.Cell("skills"));
    const auto& skill = MemberField("skills");
    for (const auto& s : m.skills) CheckText(s, skill.min, skill.max, "skills", e);
    if (m.skills.size() > static_cast<std::size_t>(skill.max_items))
        e.WithField("skills", "json.too_many", {{"max", std::to_string(skill.max_items)}});
    out.org_name = in.Cell("org");
    CheckText(out.org_name, 0, 100, "org", e);
    in.Check(e);

    m.join_date = in.DateCell("join_date", today, true);
    m.conversion_date = in.DateCell("conversion_date", today, false);
    const auto category = in.Cell("category");
    if (id) CheckParty(in, out, category, today);
    return out;
}

const std::vector<std::string>& ImportUpdatableFields() {
    static const std::vector<std::string> kFields = [] {
        std::vector<std::string> out{"phone", "address", "skills"};
        for (const auto& f : MemberFields())
            if (f.registry) out.emplace_back(f.name);
        return out;
    }();
    return kFields;
}

RegistryComparison CompareWithRegistry(const ImportedRow& row, const Member& existing, bool org_differs) {
    RegistryComparison out;
    const Member& m = row.member;
    auto update = [&](const char* field, bool differs) {
        if (row.Gave(field) && differs) out.changes.emplace_back(field);
    };
    update("phone", m.phone != existing.phone);
    for (const auto& f : MemberFields())
        if (f.registry) update(f.name, m.*f.registry != existing.*f.registry);
    update("address", m.address != existing.address);
    update("skills", m.skills != existing.skills);
    auto note = [&](const char* field, bool differs) {
        if (row.Gave(field) && differs) out.notes.push_back({field, "import.note.kept", {}});
    };
    note("name", m.name != existing.name);
    note("ethnicity", m.ethnicity != existing.ethnicity);
    note("join_date", m.join_date != existing.join_date);
    note("conversion_date", m.conversion_date != existing.conversion_date);
    note("category", m.category != existing.category);
    if (org_differs) out.notes.push_back({"org", "import.note.org_kept", {}});
    return out;
}

void ApplyImportChanges(const ImportedRow& row, const std::vector<std::string>& changes, Member& m) {
    for (const auto& f : changes) {
        if (f == "phone") m.phone = row.member.phone;
        if (f == "address") m.address = row.member.address;
        if (f == "skills") m.skills = row.member.skills;
        for (const auto& spec : MemberFields())
            if (spec.registry && f == spec.name) m.*spec.registry = row.member.*spec.registry;
    }
}

}  // namespace lianxin::core::member
