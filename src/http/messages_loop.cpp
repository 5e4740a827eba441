// Messages and labels of closing the loop (issue 17 "The closed loop", "SLA", "Pages"): after photos on 办结, 督办
// by the level above and the supervision board (督办看板).
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& LoopMessages() {
    static const Table kTable{
        {"event.photos.after_required",
         {"办结须上传至少 {min} 张处置后照片", "Closing needs at least {min} photos taken after handling"}},
        {"event.photo.not_uploaded", {"照片须由您本人上传后再提交", "Upload the photo yourself before you submit it"}},
    };
    return kTable;
}

const Table& LoopLabels() {
    static const Table kTable{
        {"event_action.supervise", {"督办", "supervise"}},
    };
    return kTable;
}

}  // namespace lianxin::http
