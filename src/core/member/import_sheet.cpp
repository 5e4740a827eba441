#include "core/member/import_sheet.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <utility>

#include "core/member/field_spec.hpp"

namespace lianxin::core::member {

namespace {

constexpr int kSerial1910 = 3653;     // 1910-01-01
constexpr int kSerial9999 = 2958465;  // 9999-12-31

// In the order of the national collection sheet (domain.md §11.1), with the names offices use beside it. Every
// registry field of the member spec (field_spec.cpp) is a column under its zh label too: one the list below
// does not name comes right after the column of the spec field before it, so a new registry field is imported
// with no change here (docs/contributing.md).
std::vector<ColumnSpec> WithRegistryFields(std::vector<ColumnSpec> known) {
    const char* previous = nullptr;
    for (const auto& f : MemberFields()) {
        auto listed = [&](const char* field) {
            return std::find_if(known.begin(), known.end(),
                                [&](const ColumnSpec& k) { return std::string_view(k.field) == field; });
        };
        if (f.registry && listed(f.name) == known.end()) {
            auto at = previous ? listed(previous) : known.end();
            known.insert(at == known.end() ? at : at + 1, ColumnSpec{f.name, f.label.zh, {}});
        }
        if (listed(f.name) != known.end()) previous = f.name;
    }
    return known;
}

const std::vector<ColumnSpec>& Known() {
    static const std::vector<ColumnSpec> kKnown = WithRegistryFields({
        {"name", "姓名", {"党员姓名"}},
        {"sex", "性别", {}},
        {"ethnicity", "民族", {}},
        {"id_number", "公民身份号码", {"身份证号码", "身份证号", "身份证", "居民身份证号码"}},
        {"birth_date", "出生日期", {"出生年月日"}},
        {"education", "学历", {"文化程度", "最高学历"}},
        {"category", "人员类别", {"党员类别", "党员类型"}},
        {"org", "所在党组织", {"所在党支部", "党支部", "所属党支部", "所在支部", "所属党组织"}},
        {"join_date", "入党日期", {"入党时间", "加入党组织日期"}},
        {"conversion_date", "转正日期", {"转正时间", "转为正式党员日期"}},
        {"work_unit", "工作单位", {"工作单位及职务", "单位"}},
        {"phone", "联系电话", {"手机号码", "手机号", "联系方式", "手机", "电话"}},
        {"address", "家庭住址", {"现居住地", "住址", "居住地址", "现住址"}},
        {"skills", "特长", {"个人特长", "专长"}},
    });
    return kKnown;
}

// Strips a required-field star and a trailing "(…)" note and all spaces: "* 联系电话（手机）" → "联系电话".
std::string HeaderKey(std::string_view header) {
    std::string s = NormalizeCell(header);
    while (!s.empty() && s.front() == '*') s.erase(0, 1);
    if (const auto open = s.find('('); open != std::string::npos && open > 0 && s.back() == ')') s.erase(open);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

int ToInt(std::string_view digits) {
    int v = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return ec == std::errc() && p == digits.data() + digits.size() ? v : -1;
}

bool AllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1985-3-2" split on one separator kind into three numeric parts.
std::optional<Date> FromParts(std::string_view text, std::string_view seps) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || seps.find(text[i]) != std::string_view::npos) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() != 3 || parts[0].size() != 4 || parts[1].empty() || parts[1].size() > 2 || parts[2].empty() ||
        parts[2].size() > 2 || !AllDigits(parts[0]) || !AllDigits(parts[1]) || !AllDigits(parts[2]))
        return std::nullopt;
    return Date::FromYmd(ToInt(parts[0]), static_cast<unsigned>(ToInt(parts[1])),
                         static_cast<unsigned>(ToInt(parts[2])));
}

}  // namespace

const ImportColumn* SheetLayout::Find(std::string_view field) const {
    for (const auto& c : columns)
        if (c.field == field) return &c;
    return nullptr;
}

std::string FieldOfHeader(std::string_view header) { return FieldOfHeaderIn(header, Known()); }

std::string FieldOfHeaderIn(std::string_view header, const std::vector<ColumnSpec>& known) {
    const std::string key = HeaderKey(header);
    if (key.empty()) return "";
    for (const auto& k : known) {
        if (key == k.name) return k.field;
        for (const auto* s : k.synonyms)
            if (key == s) return k.field;
    }
    return "";
}

std::string ColumnName(std::string_view field) {
    for (const auto& k : Known())
        if (field == k.field) return k.name;
    return std::string(field);
}

std::vector<std::string> TemplateHeaders() {
    std::vector<std::string> out;
    for (const auto& k : Known()) out.emplace_back(k.name);
    return out;
}

Result<SheetLayout> FindLayout(const SheetCells& cells) {
    return FindLayoutOf(cells, Known(), {"name", "id_number", "join_date"}, 3);
}

Result<SheetLayout> FindLayoutOf(const SheetCells& cells, const std::vector<ColumnSpec>& known,
                                 const std::vector<std::string>& required, std::size_t min_known) {
    auto column_name = [&](const std::string& field) {
        for (const auto& k : known)
            if (field == k.field) return std::string(k.name);
        return field;
    };
    const std::size_t scan = std::min<std::size_t>(cells.size(), 20);
    for (std::size_t r = 0; r < scan; ++r) {
        SheetLayout layout;
        layout.header_row = r;
        std::set<std::string> seen;
        for (std::size_t c = 0; c < cells[r].size(); ++c) {
            const std::string header = NormalizeCell(cells[r][c]);
            const std::string field = FieldOfHeaderIn(header, known);
            if (field.empty()) {
                if (!header.empty() && HeaderKey(header) != "序号") layout.ignored.push_back(header);
                continue;
            }
            if (!seen.insert(field).second)
                return Fail(
                    MakeError(ErrorCode::kInvalidArgument, "import.duplicate_column").WithParam("column", header));
            layout.columns.push_back({header, field, c});
        }
        if (layout.columns.size() < min_known) continue;
        for (const auto& field : required)
            if (!layout.Find(field))
                return Fail(MakeError(ErrorCode::kInvalidArgument, "import.missing_column")
                                .WithParam("column", column_name(field)));
        return layout;
    }
    return Fail(MakeError(ErrorCode::kInvalidArgument, "import.no_header"));
}

std::string NormalizeCell(std::string_view cell) {
    std::string out;
    out.reserve(cell.size());
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(cell[i]);
        if (b0 == 0xE3 && i + 2 < cell.size() && static_cast<unsigned char>(cell[i + 1]) == 0x80 &&
            static_cast<unsigned char>(cell[i + 2]) == 0x80) {  // U+3000 ideographic space
            out += ' ';
            i += 2;
            continue;
        }
        if (b0 == 0xEF && i + 2 < cell.size()) {  // U+FF01–U+FF5E: EF BC 81–BF, EF BD 80–9E
            const auto b1 = static_cast<unsigned char>(cell[i + 1]), b2 = static_cast<unsigned char>(cell[i + 2]);
            int cp = -1;
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) cp = 0xFF00 + (b2 - 0x80);
            if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) cp = 0xFF40 + (b2 - 0x80);
            if (cp > 0) {
                out += static_cast<char>(cp - 0xFEE0);
                i += 2;
                continue;
            }
        }
        if (b0 == 0xC2 && i + 1 < cell.size() && static_cast<unsigned char>(cell[i + 1]) == 0xA0) {  // no-break space
            out += ' ';
            ++i;
            continue;
        }
        out += cell[i];
    }
    const auto* ws = " \t\r\n";
    const auto b = out.find_first_not_of(ws);
    if (b == std::string::npos) return "";
    return out.substr(b, out.find_last_not_of(ws) - b + 1);
}

std::optional<Date> ParseSheetDate(std::string_view raw) {
    const std::string text = NormalizeCell(raw);
    if (text.empty()) return std::nullopt;
    if (auto d = Date::Parse(text)) return d;
    if (auto d = FromParts(text, "-")) return d;
    if (auto d = FromParts(text, "/")) return d;
    if (auto d = FromParts(text, ".")) return d;
    if (text.size() == 8 && AllDigits(text))
        return Date::FromYmd(ToInt(text.substr(0, 4)), static_cast<unsigned>(ToInt(text.substr(4, 2))),
                             static_cast<unsigned>(ToInt(text.substr(6, 2))));
    // 1985年3月2日
    if (const auto y = text.find("年"), m = text.find("月");
        y != std::string::npos && m != std::string::npos && m > y) {
        std::string joined = text.substr(0, y) + "-" + text.substr(y + 3, m - y - 3) + "-" + text.substr(m + 3);
        if (joined.size() >= 3 && joined.compare(joined.size() - 3, 3, "日") == 0) joined.erase(joined.size() - 3);
        return FromParts(joined, "-");
    }
    // An Excel serial day (1900 date system): 1 = 1900-01-01; serials from 61 on count the fictitious 1900-02-29,
    // so day 0 of the usable range is 1899-12-30 (25569 days before 1970-01-01). A time part (".5") is dropped.
    // Serials before 1910 are refused: nobody in a registry was born then, and "1985.3" (a year and month) must
    // not read as day 1985.
    std::string_view whole = text;
    if (const auto dot = whole.find('.'); dot != std::string_view::npos && AllDigits(whole.substr(dot + 1)))
        whole = whole.substr(0, dot);
    if (AllDigits(whole) && whole.size() <= 6) {
        const int serial = ToInt(whole);
        if (serial >= kSerial1910 && serial <= kSerial9999) return Date::FromYmd(1970, 1, 1)->AddDays(serial - 25569);
    }
    return std::nullopt;
}

bool IsBlankRow(const std::vector<std::string>& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& c) { return NormalizeCell(c).empty(); });
}

}  // namespace lianxin::core::member
