#include "core/event/hotline_sheet.hpp"

#include <map>

#include "core/common/date.hpp"

namespace lianxin::core::event {

namespace {

using member::NormalizeCell;

constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kShanghai = 8 * 3'600'000;  // Asia/Shanghai has kept UTC+8 without DST since 1991

bool Digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int ToInt(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// "9:30", "09:30:15" → seconds of the day; -1 otherwise.
int TimeOfDay(std::string_view t) {
    const auto c1 = t.find(':');
    if (c1 == std::string_view::npos) return -1;
    const auto h = t.substr(0, c1);
    auto rest = t.substr(c1 + 1);
    std::string_view m = rest, s = "0";
    if (const auto c2 = rest.find(':'); c2 != std::string_view::npos) m = rest.substr(0, c2), s = rest.substr(c2 + 1);
    if (const auto dot = s.find('.'); dot != std::string_view::npos) s = s.substr(0, dot);
    if (!Digits(h) || h.size() > 2 || !Digits(m) || m.size() != 2 || !Digits(s) || s.size() > 2) return -1;
    const int hh = ToInt(h), mm = ToInt(m), ss = ToInt(s);
    if (hh > 23 || mm > 59 || ss > 59) return -1;
    return hh * 3600 + mm * 60 + ss;
}

}  // namespace

const std::vector<member::ColumnSpec>& HotlineColumns() {
    static const std::vector<member::ColumnSpec> kColumns{
        {"external_ref", "工单编号", {"工单号", "受理编号", "工单流水号", "诉求编号", "编号"}},
        {"reported_at", "来电时间", {"来电日期", "受理时间", "诉求时间", "登记时间", "反映时间", "交办时间"}},
        {"description", "诉求内容", {"来电内容", "反映内容", "问题描述", "诉求描述", "工单内容", "内容"}},
        {"address", "地址", {"诉求地址", "事发地址", "发生地址", "事发地点", "地点"}},
        {"category_code", "类别", {"诉求类别", "问题类别", "事件类别", "工单类别", "分类", "类型"}},
        {"handle_by", "办理时限", {"办结时限", "处理时限", "办理期限", "截止时间", "要求办结时间"}},
        {"reporter_name", "来电人", {"诉求人", "市民姓名", "联系人"}},
        {"reporter_phone", "联系电话", {"来电号码", "手机号码", "联系方式", "电话"}},
    };
    return kColumns;
}

Result<member::SheetLayout> FindHotlineLayout(const member::SheetCells& cells) {
    return member::FindLayoutOf(cells, HotlineColumns(),
                                {"external_ref", "reported_at", "description", "category_code"}, 3);
}

std::vector<std::string> HotlineTemplateHeaders() {
    std::vector<std::string> out;
    for (const auto& c : HotlineColumns()) out.emplace_back(c.name);
    return out;
}

std::string HotlineColumnName(std::string_view field) {
    for (const auto& c : HotlineColumns())
        if (field == c.field) return c.name;
    return std::string(field);
}

std::optional<std::int64_t> ParseSheetDateTime(std::string_view raw, bool end_of_day) {
    const std::string text = NormalizeCell(raw);
    if (text.empty()) return std::nullopt;
    if (auto exact = ParseDateTime(text)) return exact;  // ISO-8601, with or without an offset
    // An Excel serial with its fraction of a day (46083.395833 = 2026-03-02 09:30).
    if (const auto dot = text.find('.');
        dot != std::string::npos && dot >= 5 && Digits(text.substr(0, dot)) && Digits(text.substr(dot + 1))) {
        const int serial = ToInt(text.substr(0, dot));
        if (serial >= 3654 && serial <= 2958465) {  // 1910-01-01 … 9999-12-31, as ParseSheetDate takes them
            const double fraction = std::stod("0" + text.substr(dot));
            const auto seconds = static_cast<std::int64_t>(fraction * 86400 + 0.5);
            return (std::int64_t{serial} - 25569) * kDay + seconds * 1000 - kShanghai;
        }
    }
    std::string day_part = text, time_part;
    if (const auto sp = text.find_first_of(" T"); sp != std::string::npos) {
        day_part = text.substr(0, sp);
        time_part = NormalizeCell(text.substr(sp + 1));
    }
    auto day = member::ParseSheetDate(day_part);
    if (!day) return std::nullopt;
    int seconds = end_of_day ? 86399 : 0;
    if (!time_part.empty()) {
        seconds = TimeOfDay(time_part);
        if (seconds < 0) return std::nullopt;
    }
    return day->DaysSinceEpoch() * kDay + std::int64_t{seconds} * 1000 - kShanghai;
}

const Category* CategoryByName(const std::vector<Category>& categories, std::string_view raw) {
    const std::string text = NormalizeCell(raw);
    if (text.empty()) return nullptr;
    std::string top, leaf = text;
    for (const char* sep : {"/", "-", ">", "－", "／", "—"})
        if (const auto at = text.find(sep); at != std::string::npos) {
            top = NormalizeCell(text.substr(0, at));
            leaf = NormalizeCell(text.substr(at + std::string_view(sep).size()));
            break;
        }
    for (const auto& c : categories) {
        if (!c.Leaf()) continue;
        if (c.code == text) return &c;
        if (c.name_zh != leaf) continue;
        if (top.empty()) return &c;
        for (const auto& p : categories)
            if (p.code == c.parent_code && p.name_zh == top) return &c;
    }
    return nullptr;
}

std::vector<HotlineRow> ReadHotlineRows(const member::SheetLayout& layout, const member::SheetCells& cells,
                                        const std::vector<Category>& categories, std::string_view channel,
                                        std::int64_t org_id, std::int64_t now) {
    std::vector<HotlineRow> out;
    std::map<std::string, std::size_t> seen;  // 工单编号 → index into out
    for (std::size_t r = layout.header_row + 1; r < cells.size(); ++r) {
        if (member::IsBlankRow(cells[r])) continue;
        auto cell = [&](std::string_view field) -> std::string {
            const auto* col = layout.Find(field);
            return col && col->index < cells[r].size() ? NormalizeCell(cells[r][col->index]) : "";
        };
        HotlineRow row;
        row.row = static_cast<int>(r + 1);
        Error e;
        auto& in = row.intake;
        in.channel = std::string(channel);
        in.org_id = org_id;
        row.external_ref = in.external_ref = cell("external_ref");
        in.description = cell("description");
        in.address = cell("address");
        in.reporter_name = cell("reporter_name");
        in.reporter_phone = cell("reporter_phone");
        row.category_text = cell("category_code");
        for (const char* field : {"external_ref", "description", "category_code"})
            if (cell(field).empty()) e.WithField(field, "import.required");
        const Category* category = CategoryByName(categories, row.category_text);
        if (!category && !row.category_text.empty())
            e.WithField("category_code", "hotline.category.unknown", {{"text", row.category_text}});
        if (category) in.category_code = category->code;
        const auto reported_text = cell("reported_at");
        if (reported_text.empty()) {
            e.WithField("reported_at", "import.required");
        } else if (auto t = ParseSheetDateTime(reported_text, false)) {
            in.reported_at = FormatInstant(*t);
        } else {
            e.WithField("reported_at", "hotline.datetime.format", {{"text", reported_text}});
        }
        if (const auto by_text = cell("handle_by"); !by_text.empty()) {
            if (auto t = ParseSheetDateTime(by_text, true)) in.handle_by = FormatInstant(*t);
            else e.WithField("handle_by", "hotline.datetime.format", {{"text", by_text}});
        }
        // The intake's own rules (lengths, a time in the future, a deadline before the call) on what was read.
        auto checked = CheckIntake(in, category, now, /*photos_max=*/0);  // a sheet row carries no photos
        if (!checked)
            for (auto& f : checked.error().fields) {
                bool named = false;
                for (const auto& have : e.fields) named = named || have.field == f.field;
                if (!named) e.fields.push_back(std::move(f));
            }
        if (!row.external_ref.empty()) {
            if (auto it = seen.find(row.external_ref); it != seen.end()) {
                auto& first = out[it->second];
                e.WithField("external_ref", "hotline.ref.repeated",
                            {{"row", std::to_string(first.row)}, {"ref", row.external_ref}});
                bool marked = false;
                for (const auto& f : first.errors) marked = marked || f.message_key == "hotline.ref.repeated";
                if (!marked)
                    first.errors.push_back({"external_ref",
                                            "hotline.ref.repeated",
                                            {{"row", std::to_string(row.row)},
                                             {"ref", row.external_ref},
                                             {"label", "hotline.col.external_ref"}}});
            } else {
                seen.emplace(row.external_ref, out.size());
            }
        }
        row.errors = std::move(e.fields);
        for (auto& f : row.errors) f.params["label"] = "hotline.col." + f.field;
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace lianxin::core::event
