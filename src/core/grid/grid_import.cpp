#include "core/grid/grid_import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

namespace lianxin::core::grid {

namespace {

// Common attribute names per field, normalized (lower case, no spaces, '_' or '-'): Chinese names as offices
// type them, the English ones GIS software and Open Data portals use, and pinyin initials (WGBM = 网格编码).
const std::array<std::vector<std::string>, 6>& CommonNames() {
    static const std::array<std::vector<std::string>, 6> kNames{{
        {"网格编码", "网格代码", "网格编号", "网格号", "gridcode", "gridid", "gridno", "wgbm", "wgdm", "wgbh", "code",
         "编码", "代码", "bm"},
        {"网格名称", "网格名", "网格", "gridname", "wgmc", "name", "名称", "mc"},
        {"户数", "住户数", "总户数", "户籍户数", "households", "household", "hh", "hs"},
        {"人口", "人数", "常住人口", "居民人数", "人口数", "总人口", "residents", "population", "pop", "rk", "rks"},
        {"楼栋", "楼宇", "楼栋名称", "建筑", "buildings", "building", "ld"},
        {"社区", "社区名称", "所属社区", "community", "sqmc", "sq"},
    }};
    return kNames;
}

std::string Normalized(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
        out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    }
    return out;
}

std::string Trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

const std::string* Value(const geo::Feature& f, const std::string& attribute) {
    if (attribute.empty()) return nullptr;
    auto it = f.attributes.find(attribute);
    return it == f.attributes.end() ? nullptr : &it->second;
}

// "420", "420.0", " 420 ": a whole number in [0, max]; nullopt otherwise.
std::optional<int> Count(std::string text, int max) {
    text = Trim(text);
    if (auto dot = text.find('.');
        dot != std::string::npos && text.find_first_not_of('0', dot + 1) == std::string::npos)
        text.resize(dot);
    int v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || v < 0 || v > max) return std::nullopt;
    return v;
}

std::vector<std::string> SplitBuildings(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        auto t = Trim(cur);
        if (!t.empty()) out.push_back(t);
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        bool sep = false;
        for (std::string_view s : {"、", "，", "；", ",", ";", "/", "\n", "\r"})
            if (text.compare(i, s.size(), s) == 0) {
                flush();
                i += s.size();
                sep = true;
                break;
            }
        if (!sep) cur += text[i++];
    }
    flush();
    return out;
}

}  // namespace

const std::vector<std::string>& ImportFieldNames() {
    static const std::vector<std::string> kFields{"code", "name", "households", "residents", "buildings", "community"};
    return kFields;
}

std::string* MappedAttribute(ImportMapping& m, const std::string& field) {
    std::array<std::string*, 6> slots{&m.code, &m.name, &m.households, &m.residents, &m.buildings, &m.community};
    const auto& names = ImportFieldNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == field) return slots[i];
    return nullptr;
}

ImportMapping GuessMapping(const std::vector<std::string>& attributes) {
    ImportMapping m;
    std::vector<bool> used(attributes.size(), false);
    const auto& names = ImportFieldNames();
    for (std::size_t f = 0; f < names.size(); ++f) {
        std::string* slot = MappedAttribute(m, names[f]);
        // The field's names in their order of preference: "网格编码" before a bare "code".
        for (const auto& common : CommonNames()[f]) {
            for (std::size_t a = 0; a < attributes.size() && slot->empty(); ++a)
                if (!used[a] && Normalized(attributes[a]) == common) {
                    *slot = attributes[a];
                    used[a] = true;
                }
            if (!slot->empty()) break;
        }
    }
    return m;
}

void CheckMapping(const ImportMapping& m, const std::vector<std::string>& attributes, Error& errors) {
    ImportMapping copy = m;
    std::vector<std::string> seen;
    for (const auto& field : ImportFieldNames()) {
        const std::string& name = *MappedAttribute(copy, field);
        const std::string at = "mapping." + field;
        if (name.empty()) {
            if (field == "code" || field == "name") errors.WithField(at, "grid.import.mapping_required");
            continue;
        }
        if (std::find(attributes.begin(), attributes.end(), name) == attributes.end())
            errors.WithField(at, "grid.import.mapping_unknown", {{"name", name}});
        else if (std::find(seen.begin(), seen.end(), name) != seen.end())
            errors.WithField(at, "grid.import.mapping_repeated", {{"name", name}});
        seen.push_back(name);
    }
}

ImportedAttributes ReadAttributes(const geo::Feature& f, const ImportMapping& m) {
    ImportedAttributes out;
    if (const auto* code = Value(f, m.code)) {
        out.code = Trim(*code);
        // A Shapefile's numeric field may write a 15-digit code as a real number.
        if (auto dot = out.code.find('.');
            dot != std::string::npos && dot > 0 && out.code.find_first_not_of('0', dot + 1) == std::string::npos)
            out.code.resize(dot);
    }
    if (out.code.empty()) out.errors.push_back({"code", "field.required", {}});
    if (const auto* name = Value(f, m.name)) out.name = Trim(*name);
    if (out.name.empty()) out.errors.push_back({"name", "field.required", {}});
    auto count = [&](const std::string& attribute, const char* field, int max, int& into, bool& has) {
        const auto* text = Value(f, attribute);
        if (!text || Trim(*text).empty()) return;
        has = true;
        if (auto v = Count(*text, max)) into = *v;
        else out.errors.push_back({field, "grid.import.count", {{"value", Trim(*text)}, {"max", std::to_string(max)}}});
    };
    count(m.households, "households", 100000, out.households, out.has_households);
    count(m.residents, "residents", 1000000, out.residents, out.has_residents);
    if (const auto* b = Value(f, m.buildings)) {
        out.has_buildings = true;
        out.buildings = SplitBuildings(*b);
    }
    if (const auto* c = Value(f, m.community)) out.community = Trim(*c);
    return out;
}

}  // namespace lianxin::core::grid
