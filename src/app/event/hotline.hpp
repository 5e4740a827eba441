// The hotline channel (issue 17 "Events and their intake": hotline operators; "The closed loop": "Hotline events
// get a call-back (回访) record"). An import of the 12345 / 81890 work orders a platform exports (.xlsx, .csv):
// a preview that writes nothing and shows each row as create, skip (its 工单编号 already imported on the channel:
// "已导入，跳过") or error with the rule naming the column, then the commit of the rows that create, in one write
// transaction — each registered as the operator's form registers it (app/event/register.hpp: the event, its accept
// row, its audit row), the platform's 办理时限 kept as the deadline — and one audit row for the import with its
// counts and the file's SHA-256. Re-running a file changes nothing (every row skips). Needs event_write on the org
// that the events are placed at (the community); the accepting org is the actor's grant covering it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/auth/actor.hpp"
#include "core/member/import_sheet.hpp"
#include "core/org/org.hpp"
#include "core/ports/event_records.hpp"
#include "core/ports/repositories.hpp"

namespace lianxin::app {

struct HotlineImportInput {
    std::int64_t org_id = 0;
    std::string channel;     // hotline_12345 | hotline_81890
    std::string file_name;   // commit only
    std::string_view bytes;  // the file
};

struct HotlineRowView {
    int row = 0;
    std::string action;  // create | skip | error
    std::string external_ref;
    std::string category_code;  // "" when unknown
    std::string category_text;  // as the sheet wrote it
    std::string reported_at;    // as read, ISO-8601 UTC ("" when unreadable)
    std::string handle_by;
    std::string description;
    std::int64_t event_id = 0;  // commit: the event created
    std::vector<core::FieldError> errors;
    std::vector<core::FieldError> notes;  // skip: "hotline.ref.imported" (已导入，跳过)
};

struct HotlineCounts {
    int create = 0, skip = 0, error = 0;
};

struct HotlinePreview {
    core::org::Org org;
    std::string channel;
    int header_row = 0;
    std::vector<core::member::ImportColumn> columns;
    std::vector<std::string> ignored;
    HotlineCounts counts;
    std::vector<HotlineRowView> rows;
};

// 400 "import.file_empty", the sheet reader's file errors, "import.no_header" / "import.missing_column";
// "channel" named when it is not a hotline.
core::Result<HotlinePreview> PreviewHotlineImport(Context& ctx, const core::auth::Actor& actor,
                                                  const HotlineImportInput& in);
// The preview's rows with the events the creating ones became; writes nothing (and audits nothing) when no row
// creates.
core::Result<HotlinePreview> CommitHotlineImport(Context& ctx, const core::auth::Actor& actor,
                                                 const HotlineImportInput& in);
core::Result<std::string> HotlineImportTemplate(Context& ctx, bool xlsx);

// 回访 is due this long after the last 办结 (policy event.callback_due_days of the event's org on that day): the
// time, or nullopt for an event that is not a hotline's or not handled yet.
core::Result<std::optional<std::int64_t>> CallbackDue(core::ports::Tx& tx, const core::event::Event& e,
                                                      const std::vector<core::ports::EventFlowEntry>& flow);

}  // namespace lianxin::app
