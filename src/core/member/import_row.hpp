// One data row of a member sheet, read and checked against the registry's rules: the field rules of domain.md
// §11 (ID number checksum, birth date and sex consistent with it, phone shape), the age of 18 at joining
// (§2.2 row 1), the conversion date as the end of a one-year probation extended by at most a year (§2.2 rows 17,
// 19; §2.3). Then the comparison with the registry entry that has the same ID number: only the contact fields a
// branch keeps up to date are imported into an existing entry; identity, dates and branch are never
// overwritten from a sheet (a move between branches is a transfer, §5).
#pragma once

#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/member/import_sheet.hpp"
#include "core/member/member.hpp"

namespace lianxin::core::member {

struct ImportedRow {
    std::size_t row = 0;   // the sheet's row number (1-based)
    Member member;         // the fields read (org unset)
    std::string org_name;  // 所在党组织 as written, "" when the sheet has no such column or the cell is empty
    std::vector<std::string> given;  // field keys of the non-empty cells
    std::vector<FieldError> errors;  // field = the field key; a row with errors is not imported

    bool Gave(std::string_view field) const;
};

// Reads one data row (cells indexed like the header row) as of `today`.
ImportedRow ReadMemberRow(const SheetLayout& layout, const std::vector<std::string>& cells, std::size_t row_number,
                          const Date& today);

// The fields an import may update on an existing entry (those a branch edits, §2.4): phone, address, skills
// and every registry field of the member spec.
const std::vector<std::string>& ImportUpdatableFields();

struct RegistryComparison {
    std::vector<std::string> changes;  // updatable fields the row gives with another value
    std::vector<FieldError> notes;     // other given fields that differ: kept as in the registry ("import.note.kept")
};

// Compares a row with the existing entry of the same ID number; `org_differs` when the row names another org.
RegistryComparison CompareWithRegistry(const ImportedRow& row, const Member& existing, bool org_differs);

// Copies the updatable fields listed in `changes` from the row onto `m`.
void ApplyImportChanges(const ImportedRow& row, const std::vector<std::string>& changes, Member& m);

}  // namespace lianxin::core::member
