// The first worksheet of an .xlsx: workbook.xml → its first <sheet> → workbook.xml.rels → the sheet part, with
// the shared strings. Element names are matched by local name, so that prefixed SpreadsheetML ("x:row") reads
// too. Every entry is size-checked before and while it is read (zip bombs, security.md G1); pugixml expands
// no entities and loads no DTD.
#include <zip.h>

#include <charconv>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "sheet/sheet_files.hpp"

namespace lianxin::sheet::detail {

namespace {

// ---- zip ---------------------------------------------------------------------------------------------------

class ZipReader {
public:
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;
    ~ZipReader() { zip_discard(za_); }

    // `bytes` must outlive the reader.
    static core::Result<std::unique_ptr<ZipReader>> Open(std::string_view bytes) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (src == nullptr) {
            zip_error_fini(&error);
            return core::Fail(FileFormat("zip: no source"));
        }
        zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
        if (za == nullptr) {
            std::string what = zip_error_strerror(&error);
            zip_source_free(src);
            zip_error_fini(&error);
            return core::Fail(FileFormat("zip: " + what));
        }
        zip_error_fini(&error);
        return std::unique_ptr<ZipReader>(new ZipReader(za));
    }

    // The entry `name` (matched without case, as OPC part names are), nullopt when there is none.
    core::Result<std::optional<std::string>> Read(const std::string& name, std::size_t max_bytes) const {
        zip_int64_t index = zip_name_locate(za_, name.c_str(), ZIP_FL_NOCASE);
        if (index < 0) return std::optional<std::string>();
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za_, static_cast<zip_uint64_t>(index), 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0) {
            return core::Fail(FileFormat("zip: no size for " + name));
        }
        if (st.size > max_bytes) {
            return core::Fail(TooLarge("zip: " + name + " is " + std::to_string(st.size) + " bytes"));
        }
        zip_file_t* zf = zip_fopen_index(za_, static_cast<zip_uint64_t>(index), 0);
        if (zf == nullptr) return core::Fail(FileFormat("zip: cannot open " + name + ": " + zip_strerror(za_)));
        std::string out;
        out.reserve(static_cast<std::size_t>(st.size));
        char buf[64 * 1024];
        for (;;) {
            zip_int64_t n = zip_fread(zf, buf, sizeof buf);
            if (n < 0) {
                std::string what = zip_file_strerror(zf);
                zip_fclose(zf);
                return core::Fail(FileFormat("zip: cannot read " + name + ": " + what));
            }
            if (n == 0) break;
            // The stated size may lie: never hold more than the limit, whatever the entry inflates to.
            if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
                zip_fclose(zf);
                return core::Fail(TooLarge("zip: " + name + " inflates past the limit"));
            }
            out.append(buf, static_cast<std::size_t>(n));
        }
        zip_fclose(zf);
        return std::optional<std::string>(std::move(out));
    }

private:
    explicit ZipReader(zip_t* za) : za_(za) {}
    zip_t* za_;
};

// ---- XML helpers -------------------------------------------------------------------------------------------

std::string_view LocalName(const char* name) {
    std::string_view n(name);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && LocalName(c.name()) == local) return c;
    }
    return {};
}

template <typename F>
void ForEachChild(pugi::xml_node node, std::string_view local, F&& f) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && LocalName(c.name()) == local) f(c);
    }
}

// The text of an element: all its character data children, concatenated.
std::string Text(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    }
    return out;
}

// The text of a shared or inline string: <t> directly, or the <t> of each rich-text run <r> (phonetic runs
// <rPh> are not part of the text).
std::string RichText(pugi::xml_node si) {
    std::string out;
    for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        auto name = LocalName(c.name());
        if (name == "t") {
            out += Text(c);
        } else if (name == "r") {
            out += Text(Child(c, "t"));
        }
    }
    return DecodeExcelEscapes(std::move(out));
}

core::Result<std::unique_ptr<pugi::xml_document>> ParseXml(const std::string& xml, const std::string& part) {
    auto doc = std::make_unique<pugi::xml_document>();
    // parse_ws_pcdata_single keeps <t xml:space="preserve"> </t>; DTDs are skipped and never expanded.
    constexpr unsigned kOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;
    pugi::xml_parse_result r = doc->load_buffer(xml.data(), xml.size(), kOptions, pugi::encoding_auto);
    if (!r) return core::Fail(FileFormat("xml: " + part + ": " + r.description()));
    return doc;
}

// ---- parts ---------------------------------------------------------------------------------------------------

std::optional<std::size_t> ParseIndex(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    std::size_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

core::Result<std::vector<std::string>> SharedStrings(const ZipReader& zip, const std::string& part,
                                                     const SheetLimits& limits) {
    std::vector<std::string> strings;
    LX_ASSIGN(xml, zip.Read(part, limits.max_part_bytes));
    if (!xml) return strings;
    LX_ASSIGN(doc, ParseXml(*xml, part));
    ForEachChild(Child(*doc, "sst"), "si", [&](pugi::xml_node si) { strings.push_back(RichText(si)); });
    return strings;
}

// The text of a cell by its type: shared string, inline string, boolean, or <v> as written (numbers, dates
// as serial days, formula results, errors).
core::Result<std::string> CellText(pugi::xml_node c, const std::vector<std::string>& shared) {
    std::string_view type = c.attribute("t").value();
    if (type == "inlineStr" || (type.empty() && Child(c, "is"))) return RichText(Child(c, "is"));
    pugi::xml_node v = Child(c, "v");
    if (!v) return std::string();
    std::string value = Text(v);
    if (type == "s") {
        auto index = ParseIndex(value);
        if (!index || *index >= shared.size()) return core::Fail(FileFormat("xlsx: bad shared string index"));
        return shared[*index];
    }
    if (type == "b") {
        if (value == "1") return std::string("TRUE");
        if (value == "0") return std::string("FALSE");
        return value;
    }
    if (type == "str" || type == "e") return DecodeExcelEscapes(std::move(value));
    return value;
}

core::Result<core::SheetRows> SheetCells(const pugi::xml_document& doc, const std::vector<std::string>& shared,
                                         const SheetLimits& limits) {
    pugi::xml_node data = Child(Child(doc, "worksheet"), "sheetData");
    if (!data) return core::Fail(FileFormat("xlsx: no sheetData"));
    core::SheetRows rows;
    std::size_t row_number = 0;
    for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
        if (row.type() != pugi::node_element || LocalName(row.name()) != "row") continue;
        if (pugi::xml_attribute r = row.attribute("r")) {
            auto n = ParseIndex(r.value());
            if (!n || *n == 0) return core::Fail(FileFormat("xlsx: bad row number"));
            row_number = *n;
        } else {
            ++row_number;
        }
        std::size_t col = 0;
        for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || LocalName(c.name()) != "c") continue;
            if (pugi::xml_attribute ref = c.attribute("r")) {
                col = ColumnOf(ref.value());
                if (col == 0) return core::Fail(FileFormat("xlsx: bad cell reference"));
            } else {
                ++col;
            }
            LX_ASSIGN(text, CellText(c, shared));
            if (text.empty()) continue;  // only cells with a value count towards the limits and the size
            if (row_number > limits.max_rows) {
                return core::Fail(TooLarge("xlsx: row " + std::to_string(row_number)));
            }
            if (col > limits.max_cols) return core::Fail(TooLarge("xlsx: column " + std::to_string(col)));
            if (rows.size() < row_number) rows.resize(row_number);
            auto& cells = rows[row_number - 1];
            if (cells.size() < col) cells.resize(col);
            cells[col - 1] = std::move(text);
        }
    }
    return rows;
}

}  // namespace

core::Result<core::SheetRows> ReadXlsx(std::string_view bytes, const SheetLimits& limits) {
    LX_ASSIGN(zip, ZipReader::Open(bytes));
    const std::string workbook_part = "xl/workbook.xml";
    LX_ASSIGN(workbook_xml, zip->Read(workbook_part, limits.max_part_bytes));
    if (!workbook_xml) return core::Fail(FileFormat("xlsx: no xl/workbook.xml"));
    LX_ASSIGN(workbook, ParseXml(*workbook_xml, workbook_part));
    pugi::xml_node sheet = Child(Child(Child(*workbook, "workbook"), "sheets"), "sheet");
    std::string rel_id;
    for (pugi::xml_attribute a = sheet.first_attribute(); a; a = a.next_attribute()) {
        std::string_view name = a.name();
        if (name.find(':') != std::string_view::npos && LocalName(a.name()) == "id") rel_id = a.value();
    }
    if (rel_id.empty()) return core::Fail(FileFormat("xlsx: no first sheet"));

    const std::string rels_part = "xl/_rels/workbook.xml.rels";
    LX_ASSIGN(rels_xml, zip->Read(rels_part, limits.max_part_bytes));
    if (!rels_xml) return core::Fail(FileFormat("xlsx: no workbook relationships"));
    LX_ASSIGN(rels, ParseXml(*rels_xml, rels_part));
    std::string sheet_part, strings_part = "xl/sharedStrings.xml";
    ForEachChild(Child(*rels, "Relationships"), "Relationship", [&](pugi::xml_node rel) {
        std::string_view type = rel.attribute("Type").value();
        bool external = std::string_view(rel.attribute("TargetMode").value()) == "External";
        if (external) return;
        if (rel_id == rel.attribute("Id").value()) sheet_part = ResolvePart("xl/", rel.attribute("Target").value());
        if (type.size() >= 14 && type.substr(type.size() - 14) == "/sharedStrings") {
            strings_part = ResolvePart("xl/", rel.attribute("Target").value());
        }
    });
    if (sheet_part.empty()) return core::Fail(FileFormat("xlsx: first sheet has no part"));

    LX_ASSIGN(shared, SharedStrings(*zip, strings_part, limits));
    LX_ASSIGN(sheet_xml, zip->Read(sheet_part, limits.max_part_bytes));
    if (!sheet_xml) return core::Fail(FileFormat("xlsx: sheet part missing"));
    LX_ASSIGN(sheet_doc, ParseXml(*sheet_xml, sheet_part));
    sheet_xml->clear();
    sheet_xml->shrink_to_fit();
    return SheetCells(*sheet_doc, shared, limits);
}

}  // namespace lianxin::sheet::detail
