// Messages and labels of the search for lost-contact members (寻找失联党员, domain.md §2.5, seed 004).
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& LostContactMessages() {
    static const Table kTable{
        {"lost_contact.method.unknown",
         {"请选择寻找方式：电话、上门走访、函询、亲友、原工作单位、网络媒体或其他",
          "Choose how: phone, visit, letter, relatives, former employer, online or public notice, or other"}},
        {"lost_contact.before_lost",
         {"{field}不能早于失去联系日期 {lost_contact_on}",
          "{field} cannot be before contact was lost on {lost_contact_on}"}},
        {"lost_contact.rule.not_lost",
         {"该党员未标记为失联党员：请先在“编辑”中勾选“失联党员”并填写失去联系日期，再记录寻找情况",
          "The member is not marked as lost contact: tick “lost contact” with the date in Edit first, then record the "
          "search"}},
        {"member.rule.stop_no_search",
         {"以失去联系为由停止党籍，应先组织寻找，寻找无果再作处理（《中国共产党党员教育管理工作条例》）：请先在“寻找记"
          "录”中登记寻找情况",
          "Search first and decide only once the search failed: record a search under “Search records” first"}},
        {"member.due.lost_contact_search",
         {"已失联满六个月，近 {months} 个月没有寻找记录（{due} "
          "起）：请组织寻找（党组织找党员、党员找党组织、党员找党员）并记录",
          "Lost contact for six months and no search in the last {months} months (since {due}): search and record it"}},
    };
    return kTable;
}

const Table& LostContactLabels() {
    static const Table kTable{
        {"method", {"寻找方式", "Method"}},
        {"searched_by", {"寻找人", "Searched by"}},
        {"result", {"寻找情况", "Result"}},
        {"found", {"已联系上", "Contact restored"}},
    };
    return kTable;
}

}  // namespace lianxin::http
