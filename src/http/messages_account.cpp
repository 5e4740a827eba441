// Messages and labels of user administration across scopes and of members' accounts (issue 15 defects 1 and 2).
#include "http/messages_tables.hpp"

namespace lianxin::http {

const Table& AccountMessages() {
    static const Table kTable{
        {"user.scope.partial",
         {"该用户还在您的管理范围之外的组织担任角色，只有管理范围覆盖其全部授权的管理员才能操作",
          "The user also holds roles outside your scope: only an administrator whose scope covers all of its grants "
          "may act on it"}},
        {"account.scope.partial",
         {"该账号还在您的管理范围之外的组织担任角色，请由上级党组织处理",
          "The account also holds roles outside your scope: the higher org handles it"}},
        {"user.reset.member_account",
         {"该账号已关联党员，其登录链接由党员所在党组织在党员档案中生成（党员名册 › 账号）",
          "This account belongs to a member: its link is issued by the member's org from the member's record (Members "
          "› Account)"}},
        {"user.role.member_account",
         {"党员本人的账号不能兼任系统、安全或审计管理员，请另建管理员账号",
          "A member's own account cannot hold an administrator role; create a separate administrator account"}},
        {"user.member_id.from_record",
         {"{field}：账号与党员的关联不在此处设置，请由党员所在党组织在党员档案中“开通账号”",
          "{field}: an account is linked to a member from the member's record (Open account) by the member's org, not "
          "here"}},
        {"member.account.exists",
         {"该党员已开通账号（每名党员只有一个账号），如需新的设置链接请用“重新生成链接”",
          "The member already has an account (one per member); use “New link” for a new set-up link"}},
        {"member.account.left",
         {"该党员已不在党员名册中，不能开通账号", "The member has left the registry: no account can be opened"}},
        {"member.account.admin",
         {"该账号担任管理员角色，不能从党员档案重置，请联系系统管理员",
          "The account holds an administrator role: it cannot be reset from the member's record"}},
    };
    return kTable;
}

const Table& AccountLabels() {
    static const Table kTable{
        {"account", {"账号", "account"}},
    };
    return kTable;
}

}  // namespace lianxin::http
