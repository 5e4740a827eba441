// One spec per member field and the code lists (字典), written once (issue 16 "Each shape once"): the core
// checks read their limits here, the HTTP parse sizes its reads from here, GET /api/v1/dictionaries serves it
// to the web forms, and tests/integration/dictionaries.test.mjs holds docs/openapi.yaml to it. A plain text or
// code field marked `registry` is edited, shown and audited generically: adding one is a row here, a Member
// member, a column (docs/contributing.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/member/member.hpp"

namespace lianxin::core::member {

enum class FieldKind { kText, kCode, kCodes, kTextList, kPhone, kDate, kIdNumber };

struct Label {
    const char* zh;
    const char* en;
};

struct FieldSpec {
    const char* name;  // the JSON name, the message's field, the import key
    Label label;
    FieldKind kind = FieldKind::kText;
    bool required = false;
    int min = 0, max = 0;        // characters (text, each item of a text list; the longest code of a code field)
    const char* code_list = "";  // the dictionary of a code field
    int max_items = 0;           // a list's maximum number of items
    std::string Member::*registry = nullptr;  // a plain field edited through the registry form (PUT /members/{id})
};

struct Code {
    const char* code;
    Label label;
};

struct CodeList {
    const char* id;
    Label label;
    std::vector<Code> codes;
};

// Every member field, in the order of the national collection sheet (domain.md §11.1) then the local ones.
const std::vector<FieldSpec>& MemberFields();
// The spec of `name`; a missing name is a programming error (std::out_of_range).
const FieldSpec& MemberField(std::string_view name);
// Every code list; `CodesOf(id)` lists one list's codes (empty for an unknown id).
const std::vector<CodeList>& CodeLists();
std::vector<std::string> CodesOf(std::string_view list);
bool HasCode(std::string_view list, std::string_view code);
// The code of `list` that `text` names, by its code or its zh or en label ("博士" → "doctor"), as a sheet writes
// it; `text` itself when none does (CheckField then refuses it).
std::string CodeOfText(std::string_view list, std::string_view text);

// Checks `value` against the spec (text length, code membership, phone format, required); dates and ID numbers
// are read by their own parsers (CheckDate, ParseIdNumber). Appends a FieldError naming the field.
void CheckField(const FieldSpec& spec, std::string_view value, Error& errors);
inline void CheckField(std::string_view name, std::string_view value, Error& errors) {
    CheckField(MemberField(name), value, errors);
}

// The most bytes a request may carry for the field (4 per character of UTF-8, a little for a code).
std::size_t MaxBytes(const FieldSpec& spec);

std::string ToString(FieldKind kind);

}  // namespace lianxin::core::member
