#include "http/messages.hpp"

#include <utility>

#include "core/member/field_spec.hpp"
#include "http/messages_tables.hpp"

namespace lianxin::http {

// The rates and boards (事件指标, messages_rates.cpp).
const Table& RatesMessages();
const Table& RatesLabels();
// Closing the loop: after photos, 督办 and the supervision board (messages_loop.cpp).
const Table& LoopMessages();
const Table& LoopLabels();

namespace {
const Merged& MessageTables() {
    static const Merged kMessages = Merge(
        {
            {"request.invalid", {"请求内容有误，请检查标出的字段", "The request has errors; see the marked fields"}},
            {"not_found", {"未找到该{what}，或您无权查看", "The {what} was not found, or you may not see it"}},
            {"permission.denied", {"您没有进行此操作的权限", "You are not allowed to do this"}},
            {"storage.unavailable", {"系统繁忙，请稍后重试", "The system is busy; please try again shortly"}},
            {"storage.conflict",
             {"数据已被他人修改或已存在，请刷新后重试", "The data changed or already exists; reload and retry"}},
            {"internal",
             {"系统内部错误，请联系管理员并提供请求编号", "Internal error; tell your administrator the request id"}},
            {"crypto.integrity", {"数据完整性校验失败，请联系管理员", "A stored value failed its integrity check"}},
            {"id_number.length", {"{field}应为 18 位", "{field} must have 18 characters"}},
            {"id_number.digits",
             {"{field}只能包含数字，最后一位可以是 X", "{field} may hold only digits and a final X"}},
            {"id_number.birth_date", {"{field}中的出生日期无效", "{field} holds an invalid birth date"}},
            {"id_number.checksum", {"{field}校验位不正确，请核对", "{field} has a wrong check digit"}},
            {"password.encoding", {"{field}含有无法识别的字符", "{field} holds invalid characters"}},
            {"password.too_short", {"{field}长度至少为 {min} 个字符", "{field} must have at least {min} characters"}},
            {"password.too_long", {"{field}长度不能超过 {max} 个字符", "{field} may have at most {max} characters"}},
            {"password.breached",
             {"{field}过于常见或已泄露，请换一个", "{field} is too common or known to be breached"}},
            {"password.contains_username", {"{field}不能包含用户名", "{field} must not contain the user name"}},
            {"user.changed_concurrently",
             {"该用户已被他人修改，请刷新后重试", "The user changed meanwhile; reload and retry"}},
            {"user.username.format",
             {"{field}需为 3–32 位小写字母、数字或 . _ -，并以字母开头",
              "{field}: 3–32 lower-case letters, digits or . _ -, starting with a letter"}},
            {"user.display_name.format", {"{field}需为 1–50 个字符", "{field} must have 1–50 characters"}},
            {"user.username.taken", {"{field}已被使用", "{field} is already taken"}},
            {"user.role.unknown", {"{field}不存在", "{field} does not exist"}},
            {"user.role.admin_exclusive",
             {"系统、安全、审计管理员三种{field}不能由同一用户兼任",
              "One user may hold only one of the system, security and audit administrator roles"}},
            {"user.grant.exists",
             {"该用户在此组织已有该角色", "The user already holds this role on this organization"}},
            {"user.grant.self", {"不能给自己授予或撤销角色", "You cannot grant or revoke your own roles"}},
            {"user.reset.self",
             {"不能为自己生成重置链接，请使用“修改密码”", "Use “change password” for your own account"}},
            {"user.change.self", {"不能锁定、停用或解锁自己的账号", "You cannot change the state of your own account"}},
            {"user.not_disabled", {"该账号未被停用", "The account is not disabled"}},
            {"org.not_in_scope",
             {"{field}不存在或不在您的管理范围内", "{field} does not exist or is outside your scope"}},
            {"org.parent_missing", {"{field}不存在", "{field} does not exist"}},
            {"member.not_in_scope",
             {"{field}不存在或不在该组织范围内", "{field} does not exist or is outside that organization"}},
            {"setup.already_done", {"系统已完成初始化，此链接不再需要", "The system is already set up"}},
            {"setup.no_org_tree",
             {"尚未建立组织架构，请先运行 lianxin demo 或导入组织",
              "No organization tree yet; run lianxin demo or import one"}},
            {"setup.link_used", {"该链接已被使用", "This link was already used"}},
            {"auth.invalid_credentials", {"用户名或密码错误", "Wrong user name or password"}},
            {"auth.locked",
             {"验证码错误次数过多，双因素认证已暂停 {minutes} 分钟；请稍后再试，或联系安全管理员解锁",
              "Too many wrong codes: the second factor is paused for {minutes} minutes; try later or ask the security "
              "administrator"}},
            {"auth.throttled.seconds",
             {"登录尝试过于频繁，请 {n} 秒后再试；忘记密码请联系系统管理员重置",
              "Too many attempts: try again in {n} seconds; if you forgot the password, ask the system administrator "
              "for a reset"}},
            {"auth.throttled.minutes",
             {"登录尝试过于频繁，请 {n} 分钟后再试；忘记密码请联系系统管理员重置",
              "Too many attempts: try again in {n} minutes; if you forgot the password, ask the system administrator "
              "for a reset"}},
            {"auth.required", {"请先登录", "Please log in"}},
            {"auth.expired", {"登录已超时，请重新登录", "Your session expired; please log in again"}},
            {"auth.old_password_wrong", {"{field}不正确", "{field} is wrong"}},
            {"auth.totp.not_enrolling", {"当前无需绑定双因素认证", "No second-factor enrolment is pending"}},
            {"auth.totp.not_required", {"当前无需双因素认证", "No second factor is required now"}},
            {"auth.totp.format", {"{field}应为 6 位数字", "{field} must be 6 digits"}},
            {"auth.totp.wrong",
             {"{field}不正确或已使用过，请输入认证器上的最新验证码", "{field} is wrong or was already used"}},
            {"auth.csrf", {"页面已过期，请刷新后重试", "The page expired; reload and retry"}},
            {"auth.mfa_required", {"请先完成双因素认证", "Complete the second-factor check first"}},
            {"json.malformed", {"请求内容不是有效的 JSON", "The body is not valid JSON"}},
            {"json.not_object", {"请求内容应为 JSON 对象", "The body must be a JSON object"}},
            {"json.too_deep", {"请求内容嵌套层级过深", "The body is nested too deeply"}},
            {"json.unknown_field", {"不支持字段“{name}”", "Unknown field “{name}”"}},
            {"json.type_string", {"{field}应为文本", "{field} must be text"}},
            {"json.type_integer", {"{field}应为整数", "{field} must be a whole number"}},
            {"json.type_number", {"{field}应为数字", "{field} must be a number"}},
            {"json.type_object", {"{field}应为对象", "{field} must be an object"}},
            {"json.type_boolean", {"{field}应为是或否（true/false）", "{field} must be true or false"}},
            {"json.type_id_list", {"{field}应为编号列表", "{field} must be a list of ids"}},
            {"json.type_string_list", {"{field}应为文本列表", "{field} must be a list of texts"}},
            {"json.too_many", {"{field}最多 {max} 项", "{field} may hold at most {max} items"}},
            {"json.range", {"{field}应在 {min} 到 {max} 之间", "{field} must be between {min} and {max}"}},
            {"json.required", {"请填写{field}", "{field} is required"}},
            {"json.too_long", {"{field}过长", "{field} is too long"}},
            {"query.invalid", {"{field}的值无效", "{field} has an invalid value"}},
            {"http.body_too_large", {"请求内容过大（上限 {max} 字节）", "The body is too large (limit {max} bytes)"}},
            {"http.unsupported_media_type", {"请求内容类型应为 application/json", "The body must be application/json"}},
            {"http.method_not_allowed", {"不支持该请求方法", "This method is not allowed here"}},
            {"http.not_found", {"请求的地址不存在", "No such address"}},
            {"http.shutting_down", {"服务正在重启，请稍后重试", "The service is restarting; try again shortly"}},
            {"http.bad_request", {"请求格式有误", "Malformed request"}},
            {"http.rate_limited",
             {"操作过于频繁，请 {retry_after} 秒后再试", "Too many requests; try again in {retry_after} s"}},
            {"config.database_url", {"{field}无效", "{field} is invalid"}},
            {"crypto.key_file", {"密钥文件不可用，请联系管理员", "The key file is unavailable"}},
            {"audit.checkpoint_invalid",
             {"审计检查点文件校验失败，可能已被篡改，请联系安全管理员",
              "The audit checkpoint file fails its MAC; it may have been tampered with"}},
            {"audit.checkpoint_unwritable",
             {"无法写入审计检查点文件，请联系管理员", "The audit checkpoint file cannot be written"}},
            {"audit.restore_broken",
             {"恢复的审计日志链本身已损坏，无法接受此次恢复",
              "The restored audit chain is itself broken; the restore cannot be accepted"}},
            {"dataset.not_empty",
             {"数据库已有数据，只能向空数据库载入数据集", "Data sets load only into an empty database"}},
            {"field.text",
             {"{field}应为 {min}–{max} 个字符，且不含控制字符",
              "{field} must have {min}–{max} characters and no control characters"}},
            {"field.range", {"{field}超出允许范围", "{field} is out of range"}},
            {"field.required", {"{field}不能为空", "{field} is required"}},
            {"field.code",
             {"{field}不在代码表中，请从列表中选择", "{field} is not in its code list; pick one from the list"}},
            {"date.format", {"{field}应为有效日期（年-月-日）", "{field} must be a valid date (YYYY-MM-DD)"}},
            {"date.future", {"{field}不能晚于 {latest}", "{field} cannot be later than {latest}"}},
            {"phone.format",
             {"{field}应为 11 位手机号，或“区号-号码”格式的固定电话",
              "{field} must be an 11-digit mobile or an “area-number” fixed line"}},
        },
        {&MemberMessages(),      &ImportMessages(),     &OrgMessages(),    &OverlayMessages(), &FloatingMessages(),
         &LostContactMessages(), &AccountMessages(),    &PolicyMessages(), &GisMessages(),     &CalendarMessages(),
         &IntakeMessages(),      &GridMessages(),       &EventMessages(),  &RatesMessages(),   &VisitsMessages(),
         &ResidentMessages(),    &GridImportMessages(), &RoleMessages(),   &LoopMessages(),    &Open311Messages(),
         &HotlineMessages(),     &DupesMessages()});
    return kMessages;
}

const std::map<std::string, Pair>& Messages() { return MessageTables().entries; }

// The labels of member fields come from their specs (core/member/field_spec.hpp) where no table names them.
std::map<std::string, Pair> WithMemberFields(std::map<std::string, Pair> labels) {
    for (const auto& f : core::member::MemberFields()) labels.emplace(f.name, Pair{f.label.zh, f.label.en});
    return labels;
}

const Merged& LabelTables() {
    static const Merged kLabels = Merge(
        {
            {"username", {"用户名", "User name"}},
            {"password", {"密码", "Password"}},
            {"display_name", {"姓名", "Name"}},
            {"code", {"验证码", "Code"}},
            {"role", {"角色", "Role"}},
            {"org_id", {"组织", "Organization"}},
            {"member_id", {"党员", "Member"}},
            {"old_password", {"原密码", "Current password"}},
            {"new_password", {"新密码", "New password"}},
            {"token", {"设置链接", "Set-up link"}},
            {"id_number", {"身份证号码", "ID number"}},
            {"limit", {"每页条数", "Page size"}},
            {"cursor", {"翻页位置", "Cursor"}},
            {"as_of", {"查询日期", "As-of date"}},
            {"from", {"开始时间", "From"}},
            {"to", {"结束时间", "To"}},
            {"q", {"关键词", "Search text"}},
            {"action", {"操作类型", "Action"}},
            {"actor", {"操作人", "Actor"}},
            {"org", {"组织", "organization"}},
            {"member", {"党员", "member"}},
            {"user", {"用户", "user"}},
            {"grant", {"角色授权", "grant"}},
            {"setup_link", {"设置链接", "set-up link"}},
            {"object", {"对象", "object"}},
            {"name", {"姓名", "Name"}},
            {"sex", {"性别", "Sex"}},
            {"reason", {"原因", "Reason"}},
            {"category", {"人员类别", "Category"}},
            {"status", {"党籍状态", "Status"}},
            {"age_min", {"最小年龄", "Minimum age"}},
            {"skill", {"特长", "Skill"}},
            {"skills", {"特长", "Skills"}},
            {"tags", {"人员属性", "Attributes"}},
            {"address", {"居住地址", "Address"}},
            {"floating_to", {"外出流向", "Floating to"}},
            {"lost_contact_on", {"失去联系日期", "Lost contact on"}},
            {"ground", {"理由", "Ground"}},
            {"age_max", {"最大年龄", "Maximum age"}},
            {"phone", {"联系电话", "Phone"}},
            {"applied_on", {"申请日期", "Application date"}},
            {"on", {"日期", "Date"}},
            {"kind", {"步骤", "Step"}},
            {"body", {"决定机关", "Deciding body"}},
            {"doc_ref", {"文号", "Document number"}},
            {"note", {"备注", "Note"}},
            {"people", {"人员", "People"}},
            {"vote", {"表决结果", "Vote"}},
            {"decision", {"决定", "Decision"}},
            {"stage", {"阶段", "Stage"}},
            {"post", {"职务", "Post"}},
            {"term_start", {"本届任期开始日期", "Term start"}},
            {"valid_from", {"任职日期", "Start date"}},
            {"approval_doc", {"批准或备案文号", "Approval or filing number"}},
            {"version", {"版本", "Version"}},
            {"training_days", {"培训天数", "Training days"}},
            {"training_hours", {"培训学时", "Training hours"}},
            {"extension_months", {"延长月数", "Extension months"}},
            {"candidate", {"发展档案", "case"}},
        },
        {&MemberLabels(),      &ImportLabels(),  &OrgLabels(),    &OverlayLabels(),  &FloatingLabels(),
         &LostContactLabels(), &AccountLabels(), &PolicyLabels(), &CalendarLabels(), &IntakeLabels(),
         &GridLabels(),        &EventLabels(),   &RatesLabels(),  &VisitsLabels(),   &ResidentLabels(),
         &GridImportLabels(),  &RoleLabels(),    &LoopLabels(),   &Open311Labels(),  &HotlineLabels(),
         &DupesLabels()});
    return kLabels;
}

const std::map<std::string, Pair>& Labels() {
    static const std::map<std::string, Pair> kLabels = WithMemberFields(LabelTables().entries);
    return kLabels;
}

std::string Fill(std::string text, const std::map<std::string, std::string>& params) {
    for (const auto& [k, v] : params) {
        std::string ph = "{" + k + "}";
        for (size_t pos = text.find(ph); pos != std::string::npos; pos = text.find(ph, pos + v.size()))
            text.replace(pos, ph.size(), v);
    }
    return text;
}
}  // namespace

std::string FieldLabel(Lang lang, const std::string& field) {
    // A label for the whole path wins ("spec.name" is an org's name, "name" a person's).
    if (auto whole = Labels().find(field); whole != Labels().end())
        return lang == Lang::kZh ? whole->second.first : whole->second.second;
    std::string last = field;
    size_t dot = last.find_last_of('.');
    if (dot != std::string::npos) last = last.substr(dot + 1);
    size_t bracket = last.find('[');
    if (bracket != std::string::npos) last = last.substr(0, bracket);
    auto it = Labels().find(last);
    if (it == Labels().end()) return field;
    return lang == Lang::kZh ? it->second.first : it->second.second;
}

bool HasMessage(const std::string& key) { return Messages().count(key) > 0; }

std::vector<std::string> DuplicateCatalogueKeys() {
    std::vector<std::string> out;
    for (const auto& k : MessageTables().duplicates) out.push_back("message " + k);
    for (const auto& k : LabelTables().duplicates) out.push_back("label " + k);
    return out;
}

std::string Translate(Lang lang, const std::string& key, const std::map<std::string, std::string>& params,
                      const std::string& field) {
    auto it = Messages().find(key);
    if (it == Messages().end()) it = Messages().find("request.invalid");
    std::string text = lang == Lang::kZh ? it->second.first : it->second.second;
    auto all = params;
    // A field error may name its label ("label": "position.name") where the field's own name is ambiguous.
    if (!field.empty()) all["field"] = FieldLabel(lang, all.count("label") ? all["label"] : field);
    if (all.count("what")) all["what"] = FieldLabel(lang, all["what"]);
    // Codes shown by their names: stage "target" -> 发展对象, state "issued" -> 介绍信已开具.
    for (const auto& [param, prefix] : {std::pair{"stage", "stage"},
                                        {"step", "step"},
                                        {"state", "transfer_state"},
                                        {"action", "transfer_action"},
                                        {"event_state", "event_state"},
                                        {"event_action", "event_action"}})
        if (auto it2 = Labels().find(std::string(prefix) + "." + all[param]); all.count(param) && it2 != Labels().end())
            all[param] = lang == Lang::kZh ? it2->second.first : it2->second.second;
    return Fill(std::move(text), all);
}

}  // namespace lianxin::http
