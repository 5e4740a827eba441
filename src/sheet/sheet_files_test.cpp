#include "sheet/sheet_files.hpp"

#include <gtest/gtest.h>
#include <iconv.h>
#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace lianxin::sheet {

namespace {

using core::SheetRows;
using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip (deflated entries) of the given parts, built in memory.
std::string Zip(const Parts& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    EXPECT_NE(src, nullptr);
    zip_source_keep(src);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    EXPECT_NE(za, nullptr);
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
        EXPECT_GE(zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8), 0);
    }
    EXPECT_EQ(zip_close(za), 0);
    std::string out;
    EXPECT_EQ(zip_source_open(src), 0);
    EXPECT_EQ(zip_source_seek(src, 0, SEEK_END), 0);
    auto size = zip_source_tell(src);
    EXPECT_EQ(zip_source_seek(src, 0, SEEK_SET), 0);
    out.resize(static_cast<std::size_t>(size));
    EXPECT_EQ(zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)), size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&error);
    return out;
}

// One entry of a zip held in memory ("" when absent).
std::string Unzip(const std::string& bytes, const char* name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (za == nullptr) {
        zip_source_free(src);
        return {};
    }
    std::string out;
    if (zip_file_t* f = zip_fopen(za, name, 0)) {
        char buf[4096];
        zip_int64_t n;
        while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
        zip_fclose(f);
    }
    zip_discard(za);
    return out;
}

constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string Workbook() {
    return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r=")") +
           kRelNs +
           R"("><sheets><sheet name="名册" sheetId="1" r:id="rId7"/><sheet name="二" sheetId="2" r:id="rId1"/>)"
           "</sheets></workbook>";
}

std::string Rels(const std::string& sheet_target) {
    return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type=")") +
           kRelNs + R"(/worksheet" Target="worksheets/other.xml"/>
<Relationship Id="rId9" Type=")" +
           kRelNs + R"(/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId7" Type=")" +
           kRelNs + R"(/worksheet" Target=")" + sheet_target + R"("/>
</Relationships>)";
}

std::string Worksheet(const std::string& sheet_data, const std::string& after = "") {
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           sheet_data + "</sheetData>" + after + "</worksheet>";
}

// A workbook whose first sheet holds `sheet_data`, at xl/worksheets/sheet1.xml.
std::string Xlsx(const std::string& sheet_data, const std::string& shared_strings = "",
                 const std::string& target = "worksheets/sheet1.xml") {
    Parts parts{{"[Content_Types].xml", "<Types/>"},
                {"xl/workbook.xml", Workbook()},
                {"xl/_rels/workbook.xml.rels", Rels(target)},
                {"xl/worksheets/sheet1.xml", Worksheet(sheet_data)},
                {"xl/worksheets/other.xml",
                 Worksheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row>)")}};
    if (!shared_strings.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings);
    return Zip(parts);
}

void ExpectError(const core::Result<SheetRows>& r, const char* key) {
    ASSERT_FALSE(r.has_value()) << "expected " << key;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().message_key, key) << r.error().detail;
}

std::string ToGb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
    std::string in = utf8, out(utf8.size() * 2 + 8, '\0');
    char* ip = in.data();
    char* op = out.data();
    std::size_t il = in.size(), ol = out.size();
    EXPECT_NE(iconv(cd, &ip, &il, &op, &ol), static_cast<std::size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - ol);
    return out;
}

}  // namespace

TEST(SheetXlsxWrite, RoundTripsTextChineseEmptyCellsAndNeutralizedFormulas) {
    SheetFiles files;
    SheetRows rows{{"党员名册（2026年）"},
                   {"姓名", "性别", "电话", "备注"},
                   {"张三", "", "13800001234", "=1+1"},
                   {},
                   {"李四", "女", "+86 139", " 前后空格 "},
                   {"", "", "", "多行\n第二行"},
                   {"@cmd", "-5", "tab\tinside", "cr\rinside"}};
    auto bytes = files.WriteXlsx(rows, "党员名册", 2);
    ASSERT_TRUE(bytes) << bytes.error().detail;
    ASSERT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));

    auto back = files.Read(*bytes);
    ASSERT_TRUE(back) << back.error().detail;
    SheetRows want{{"党员名册（2026年）"},
                   {"姓名", "性别", "电话", "备注"},
                   {"张三", "", "13800001234", "'=1+1"},  // security.md C5
                   {},
                   {"李四", "女", "'+86 139", " 前后空格 "},
                   {"", "", "", "多行\n第二行"},
                   {"'@cmd", "'-5", "tab\tinside", "cr\rinside"}};
    EXPECT_EQ(*back, want);

    // Text cells only: no formula anywhere; the sheet has its name; the top rows are bold.
    std::string sheet = Unzip(*bytes, "xl/worksheets/sheet1.xml");
    ASSERT_FALSE(sheet.empty());
    EXPECT_EQ(sheet.find("<f>"), std::string::npos);
    EXPECT_EQ(sheet.find("<f "), std::string::npos);
    EXPECT_NE(Unzip(*bytes, "xl/workbook.xml").find("name=\"党员名册\""), std::string::npos);
    EXPECT_NE(Unzip(*bytes, "xl/styles.xml").find("<b/>"), std::string::npos);
}

TEST(SheetXlsxWrite, SanitizesTheSheetNameAndWritesAnEmptySheet) {
    SheetFiles files;
    auto bytes = files.WriteXlsx({}, "'a/b[c]:*?这是一个非常非常非常非常非常非常长的工作表名称超过三十一个字符'", 0);
    ASSERT_TRUE(bytes) << bytes.error().detail;
    auto back = files.Read(*bytes);
    ASSERT_TRUE(back) << back.error().detail;
    EXPECT_TRUE(back->empty());
    EXPECT_NE(Unzip(*bytes, "xl/workbook.xml").find("name=\"a_b_c____这是"), std::string::npos);
}

TEST(SheetXlsxRead, ReadsSharedRichInlineNumbersMergedTitleAndGaps) {
    std::string sst = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
<si><t>某某党支部党员花名册</t></si>
<si><r><t>姓</t></r><r><rPr><b/></rPr><t>名</t></r></si>
<si><t xml:space="preserve"> </t></si>
<si><t>张三</t><rPh sb="0" eb="1"><t>zhang</t></rPh></si>
<si><t>a_x000D_b_x005F_x0041_c_x0041_</t></si>
</sst>)";
    std::string data =
        R"(<row r="1" spans="1:5"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" s="3"/><c r="E1" s="3"/></row>)"
        R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>性别</t></is></c>)"
        R"(<c r="C2" t="inlineStr"><is><r><t>入党</t></r><r><t>日期</t></r></is></c><c t="s"><v>2</v></c></row>)"
        R"(<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="inlineStr"><is><t>男</t></is></c>)"
        R"(<c r="C3" s="5"><v>31108</v></c><c t="n"><v>13800001234</v></c><c r="E3" t="b"><v>1</v></c></row>)"
        R"(<row r="5"><c r="A5" t="s"><v>4</v></c><c r="B5" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>)"
        R"(<c r="C5"><f>1+1</f><v>2</v></c><c r="D5" t="e"><v>#N/A</v></c><c r="E5" t="b"><v>0</v></c>)"
        R"(<c r="F5" s="2"/></row>)"
        R"(<row><c r="B6"><v>1.5E-3</v></c></row>)"
        R"(<row r="7" s="1" customFormat="1"/>)";
    std::string sheet = Worksheet(data, R"(<mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells>)");
    Parts parts{{"xl/workbook.xml", Workbook()},
                {"xl/_rels/workbook.xml.rels", Rels("/xl/worksheets/sheet1.xml")},
                {"xl/worksheets/sheet1.xml", sheet},
                {"xl/sharedStrings.xml", sst}};
    auto rows = SheetFiles().Read(Zip(parts));
    ASSERT_TRUE(rows) << rows.error().detail;
    SheetRows want{{"某某党支部党员花名册"},
                   {"姓名", "性别", "入党日期", " "},
                   {"张三", "男", "31108", "13800001234", "TRUE"},
                   {},
                   {"a\rb_x0041_c_x0041_", "xy", "2", "#N/A", "FALSE"},
                   {"", "1.5E-3"}};
    EXPECT_EQ(*rows, want);
}

TEST(SheetXlsxRead, MatchesPrefixedElementsAndRelativeTargets) {
    std::string sheet = R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
                        R"(<x:sheetData><x:row r="2"><x:c r="b2" t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c>)"
                        R"(</x:row></x:sheetData></x:worksheet>)";
    Parts parts{{"xl/workbook.xml", Workbook()},
                {"xl/_rels/workbook.xml.rels", Rels("./worksheets/../worksheets/s.xml")},
                {"xl/worksheets/s.xml", sheet}};
    auto rows = SheetFiles().Read(Zip(parts));
    ASSERT_TRUE(rows) << rows.error().detail;
    EXPECT_EQ(*rows, (SheetRows{{}, {"", "乙"}}));
}

// security.md G1: an entry larger than the limit is refused from its stated size, before it is inflated.
TEST(SheetXlsxRead, PartOverTheLimitIsTooLarge) {
    std::string data;
    for (int r = 1; r <= 200; ++r) {
        data += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>xxxxxxxxxx</t></is></c></row>";
    }
    std::string xlsx = Xlsx(data);
    ASSERT_TRUE(SheetFiles().Read(xlsx));
    ExpectError(SheetFiles(SheetLimits{4000, 100'000, 200}).Read(xlsx), "import.file_too_large");
}

// security.md G1: an entry whose stated size lies is never read past the limit.
TEST(SheetXlsxRead, PartInflatingPastItsStatedSizeIsRefused) {
    std::string data;
    for (int r = 1; r <= 500; ++r) data += "<row><c t=\"inlineStr\"><is><t>xxxxxxxxxx</t></is></c></row>";
    std::string xlsx = Xlsx(data);
    // Patch the uncompressed size of the sheet entry to 100 bytes in its local and central headers.
    const std::string name = "xl/worksheets/sheet1.xml";
    auto patch = [&](const std::string& signature, std::size_t name_offset, std::size_t size_offset) {
        for (std::size_t at = xlsx.find(signature); at != std::string::npos; at = xlsx.find(signature, at + 1)) {
            if (xlsx.compare(at + name_offset, name.size(), name) != 0) continue;
            xlsx.replace(at + size_offset, 4, std::string("\x64\0\0\0", 4));
            return true;
        }
        return false;
    };
    ASSERT_TRUE(patch(std::string("PK\x03\x04", 4), 30, 22));
    ASSERT_TRUE(patch(std::string("PK\x01\x02", 4), 46, 24));
    auto rows = SheetFiles(SheetLimits{4000, 100'000, 200}).Read(xlsx);
    ExpectError(rows, "import.file_too_large");
    EXPECT_NE(rows.error().detail.find("inflates past the limit"), std::string::npos) << rows.error().detail;
}

TEST(SheetXlsxRead, RowsOrColumnsOverTheLimitAreTooLarge) {
    SheetFiles small(SheetLimits{std::size_t{64} << 20, 3, 3});
    auto cell = [](const std::string& ref) { return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>v</t></is></c>"; };
    EXPECT_TRUE(small.Read(Xlsx("<row r=\"3\">" + cell("C3") + "</row>")));
    ExpectError(small.Read(Xlsx("<row r=\"4\">" + cell("A4") + "</row>")), "import.file_too_large");
    ExpectError(small.Read(Xlsx("<row r=\"1\">" + cell("D1") + "</row>")), "import.file_too_large");
    // Formatted but empty rows and cells past the limit hold nothing and are not counted.
    auto rows = small.Read(Xlsx("<row r=\"1\">" + cell("A1") + "<c r=\"XFD1\" s=\"1\"/></row><row r=\"1048576\"/>"));
    ASSERT_TRUE(rows) << rows.error().detail;
    EXPECT_EQ(*rows, (SheetRows{{"v"}}));
}

TEST(SheetXlsxRead, GarbageBrokenZipAndOtherZipsAreNotAFileFormat) {
    SheetFiles files;
    ExpectError(files.Read(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "import.file_format");
    ExpectError(files.Read(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)), "import.file_format");
    ExpectError(files.Read(std::string("PK\x03\x04"
                                       "garbage that is no zip")),
                "import.file_format");
    ExpectError(files.Read(Zip({{"word/document.xml", "<w:document/>"}})), "import.file_format");
    std::string good = Xlsx("<row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>");
    ExpectError(files.Read(good.substr(0, good.size() / 2)), "import.file_format");         // truncated
    ExpectError(files.Read(Xlsx("<row r=\"1\"><c><v>1</v></row>")), "import.file_format");  // broken XML
    ExpectError(files.Read(Xlsx("<row r=\"1\"><c t=\"s\"><v>3</v></c></row>")), "import.file_format");
    ExpectError(files.Read(Xlsx("<row r=\"x\"/>")), "import.file_format");
    ExpectError(files.Read(Xlsx("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>")), "import.file_format");
    ExpectError(files.Read(Xlsx("", "", "worksheets/missing.xml")), "import.file_format");
}

TEST(SheetCsvRead, Gb18030IsDecodedToUtf8) {
    std::string gb = ToGb18030("姓名,性别\n张三,男\n");
    ASSERT_EQ(gb, "\xD0\xD5\xC3\xFB,\xD0\xD4\xB1\xF0\n\xD5\xC5\xC8\xFD,\xC4\xD0\n");
    auto rows = SheetFiles().Read(gb);
    ASSERT_TRUE(rows) << rows.error().detail;
    EXPECT_EQ(*rows, (SheetRows{{"姓名", "性别"}, {"张三", "男"}}));
}

TEST(SheetCsvRead, Utf8WithAndWithoutBom) {
    SheetFiles files;
    SheetRows want{{"姓名", "公民身份号码"}, {"张三", "110101199003071234"}, {}, {"李四", ""}};
    auto with_bom = files.Read("\xEF\xBB\xBF姓名,公民身份号码\r\n张三,110101199003071234\r\n\r\n李四,\r\n");
    ASSERT_TRUE(with_bom) << with_bom.error().detail;
    EXPECT_EQ(*with_bom, want);
    auto without = files.Read("姓名,公民身份号码\n张三,110101199003071234\n\n李四,\n");
    ASSERT_TRUE(without) << without.error().detail;
    EXPECT_EQ(*without, want);
    auto empty = files.Read("");
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->empty());
}

TEST(SheetCsvRead, BinaryOrUndecodableBytesAreNotAFileFormat) {
    SheetFiles files;
    ExpectError(files.Read(std::string("a,b\n\0c", 6)), "import.file_format");
    ExpectError(files.Read("a,b\x01\n"), "import.file_format");
    ExpectError(files.Read(std::string_view("\xFF\xFE"
                                            "a\0,\0",
                                            6)),
                "import.file_format");                                      // UTF-16
    ExpectError(files.Read("\x80\x80\x80"), "import.file_format");          // neither UTF-8 nor GB18030
    ExpectError(files.Read("\xEF\xBB\xBF\xD5\xC5"), "import.file_format");  // BOM, then not UTF-8
}

TEST(SheetCsvRead, RowsColumnsAndBytesOverTheLimitAreTooLarge) {
    SheetFiles small(SheetLimits{64, 3, 3});
    EXPECT_TRUE(small.Read("a,b,c\n\"x\ny\",\"1,2,3\"\n3\n"));
    ExpectError(small.Read("a\nb\nc\nd"), "import.file_too_large");
    ExpectError(small.Read("a\n\n\n\n"), "import.file_too_large");
    ExpectError(small.Read("a,b,c,d\n"), "import.file_too_large");
    ExpectError(small.Read(std::string(65, 'x')), "import.file_too_large");
}

TEST(SheetHelpers, ResolvesTargetsColumnsAndEscapes) {
    EXPECT_EQ(detail::ResolvePart("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
    EXPECT_EQ(detail::ResolvePart("xl/", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
    EXPECT_EQ(detail::ResolvePart("xl/", "../xl/./worksheets//s.xml"), "xl/worksheets/s.xml");
    EXPECT_EQ(detail::ColumnOf("A1"), 1u);
    EXPECT_EQ(detail::ColumnOf("b3"), 2u);
    EXPECT_EQ(detail::ColumnOf("Z9"), 26u);
    EXPECT_EQ(detail::ColumnOf("AA10"), 27u);
    EXPECT_EQ(detail::ColumnOf("XFD1048576"), 16384u);
    EXPECT_EQ(detail::ColumnOf("XFE1"), 0u);
    EXPECT_EQ(detail::ColumnOf("12"), 0u);
    EXPECT_EQ(detail::DecodeExcelEscapes("a_x000A_b_x005F_x000D_"), "a\nb_x000D_");
    EXPECT_EQ(detail::DecodeExcelEscapes("_x4E2D_ _xZZZZ_ _x00"), "_x4E2D_ _xZZZZ_ _x00");
    EXPECT_TRUE(detail::IsValidUtf8("张三 abc"));
    EXPECT_FALSE(detail::IsValidUtf8("\xC0\xAF"));      // overlong
    EXPECT_FALSE(detail::IsValidUtf8("\xED\xA0\x80"));  // surrogate
    EXPECT_EQ(detail::ToValidUtf8("a\xFF"
                                  "b"),
              "a\xEF\xBF\xBD"
              "b");
}

}  // namespace lianxin::sheet
