#include "core/common/csv.hpp"

namespace lianxin::core {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

SheetRows ParseCsv(std::string_view text) {
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());

    SheetRows rows;
    std::vector<std::string> row;
    std::string field;
    bool line_started = false;   // something of the current line was read: its last field is pending
    bool at_field_start = true;  // at the start of a line or just after a ','

    auto end_field = [&] {
        row.push_back(std::move(field));
        field.clear();
    };
    auto end_line = [&] {
        if (line_started) end_field();
        rows.push_back(std::move(row));
        row.clear();
        line_started = false;
        at_field_start = true;
    };

    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        char c = text[i];
        if (c == '"' && at_field_start) {
            // A quoted field: up to the closing quote, with "" as an escaped quote.
            line_started = true;
            at_field_start = false;
            ++i;
            while (i < n) {
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.push_back(text[i++]);
            }
            continue;
        }
        if (c == ',') {
            line_started = true;
            end_field();
            at_field_start = true;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            ++i;
            if (c == '\r' && i < n && text[i] == '\n') ++i;
            end_line();
            continue;
        }
        line_started = true;
        at_field_start = false;
        field.push_back(c);
        ++i;
    }
    if (line_started) end_line();
    return rows;
}

std::string NeutralizeFormula(std::string_view cell) {
    // security.md C5: OWASP's CSV injection prefixes.
    if (!cell.empty()) {
        switch (cell.front()) {
            case '=':
            case '+':
            case '-':
            case '@':
            case '\t':
            case '\r':
                return "'" + std::string(cell);
            default:
                break;
        }
    }
    return std::string(cell);
}

std::string WriteCsv(const SheetRows& rows) {
    std::string out(kUtf8Bom);
    for (const auto& row : rows) {
        if (row.size() == 1 && row.front().empty()) {
            out += "\"\"\r\n";
            continue;
        }
        bool first = true;
        for (const auto& raw : row) {
            if (!first) out.push_back(',');
            first = false;
            std::string cell = NeutralizeFormula(raw);
            if (cell.find_first_of(",\"\r\n") == std::string::npos) {
                out += cell;
                continue;
            }
            out.push_back('"');
            for (char c : cell) {
                if (c == '"') out.push_back('"');
                out.push_back(c);
            }
            out.push_back('"');
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace lianxin::core
