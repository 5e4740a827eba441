#include "http/messages.hpp"

#include <utility>

namespace lianxin::http {

namespace {
using Pair = std::pair<const char*, const char*>;

const std::map<std::string, Pair>& Messages() {
    static const std::map<std::string, Pair> kMessages{
        {"request.invalid", {"请求内容有误，请检查标出的字段", "The request has errors; see the marked fields"}},
        {"not_found", {"未找到该{what}，或您无权查看", "The {what} was not found, or you may not see it"}},
        {"permission.denied", {"您没有进行此操作的权限", "You are not allowed to do this"}},
        {"storage.unavailable", {"系统繁忙，请稍后重试", "The system is busy; please try again shortly"}},
        {"storage.conflict", {"数据已被他人修改或已存在，请刷新后重试", "The data changed or already exists; reload and retry"}},
        {"internal", {"系统内部错误，请联系管理员并提供请求编号", "Internal error; tell your administrator the request id"}},
        {"crypto.integrity", {"数据完整性校验失败，请联系管理员", "A stored value failed its integrity check"}},
        {"id_number.length", {"{field}应为 18 位", "{field} must have 18 characters"}},
        {"id_number.digits", {"{field}只能包含数字，最后一位可以是 X", "{field} may hold only digits and a final X"}},
        {"id_number.birth_date", {"{field}中的出生日期无效", "{field} holds an invalid birth date"}},
        {"id_number.checksum", {"{field}校验位不正确，请核对", "{field} has a wrong check digit"}},
        {"password.encoding", {"{field}含有无法识别的字符", "{field} holds invalid characters"}},
        {"password.too_short", {"{field}长度至少为 {min} 个字符", "{field} must have at least {min} characters"}},
        {"password.too_long", {"{field}长度不能超过 {max} 个字符", "{field} may have at most {max} characters"}},
        {"password.breached", {"{field}过于常见或已泄露，请换一个", "{field} is too common or known to be breached"}},
        {"password.contains_username", {"{field}不能包含用户名", "{field} must not contain the user name"}},
        {"user.changed_concurrently", {"该用户已被他人修改，请刷新后重试", "The user changed meanwhile; reload and retry"}},
        {"user.username.format", {"{field}需为 3–32 位小写字母、数字或 . _ -，并以字母开头", "{field}: 3–32 lower-case letters, digits or . _ -, starting with a letter"}},
        {"user.display_name.format", {"{field}需为 1–50 个字符", "{field} must have 1–50 characters"}},
        {"user.username.taken", {"{field}已被使用", "{field} is already taken"}},
        {"user.role.unknown", {"{field}不存在", "{field} does not exist"}},
        {"user.role.admin_exclusive", {"系统、安全、审计管理员三种{field}不能由同一用户兼任", "One user may hold only one of the system, security and audit administrator roles"}},
        {"user.grant.exists", {"该用户在此组织已有该角色", "The user already holds this role on this organization"}},
        {"user.grant.self", {"不能给自己授予或撤销角色", "You cannot grant or revoke your own roles"}},
        {"user.reset.self", {"不能为自己生成重置链接，请使用“修改密码”", "Use “change password” for your own account"}},
        {"user.change.self", {"不能锁定、停用或解锁自己的账号", "You cannot change the state of your own account"}},
        {"user.not_disabled", {"该账号未被停用", "The account is not disabled"}},
        {"org.not_in_scope", {"{field}不存在或不在您的管理范围内", "{field} does not exist or is outside your scope"}},
        {"org.parent_missing", {"{field}不存在", "{field} does not exist"}},
        {"member.not_in_scope", {"{field}不存在或不在该组织范围内", "{field} does not exist or is outside that organization"}},
        {"setup.already_done", {"系统已完成初始化，此链接不再需要", "The system is already set up"}},
        {"setup.no_org_tree", {"尚未建立组织架构，请先运行 lianxin demo 或导入组织", "No organization tree yet; run lianxin demo or import one"}},
        {"setup.link_used", {"该链接已被使用", "This link was already used"}},
        {"auth.invalid_credentials", {"用户名或密码错误", "Wrong user name or password"}},
        {"auth.locked", {"登录失败次数过多，账号已锁定 30 分钟，请稍后再试或联系安全管理员", "Too many failed attempts; the account is locked for 30 minutes"}},
        {"auth.required", {"请先登录", "Please log in"}},
        {"auth.expired", {"登录已超时，请重新登录", "Your session expired; please log in again"}},
        {"auth.old_password_wrong", {"{field}不正确", "{field} is wrong"}},
        {"auth.totp.not_enrolling", {"当前无需绑定双因素认证", "No second-factor enrolment is pending"}},
        {"auth.totp.not_required", {"当前无需双因素认证", "No second factor is required now"}},
        {"auth.totp.format", {"{field}应为 6 位数字", "{field} must be 6 digits"}},
        {"auth.totp.wrong", {"{field}不正确或已使用过，请输入认证器上的最新验证码", "{field} is wrong or was already used"}},
        {"auth.csrf", {"页面已过期，请刷新后重试", "The page expired; reload and retry"}},
        {"auth.mfa_required", {"请先完成双因素认证", "Complete the second-factor check first"}},
        {"json.malformed", {"请求内容不是有效的 JSON", "The body is not valid JSON"}},
        {"json.not_object", {"请求内容应为 JSON 对象", "The body must be a JSON object"}},
        {"json.too_deep", {"请求内容嵌套层级过深", "The body is nested too deeply"}},
        {"json.unknown_field", {"不支持字段“{name}”", "Unknown field “{name}”"}},
        {"json.type_string", {"{field}应为文本", "{field} must be text"}},
        {"json.type_integer", {"{field}应为整数", "{field} must be a whole number"}},
        {"json.type_object", {"{field}应为对象", "{field} must be an object"}},
        {"json.type_boolean", {"{field}应为是或否（true/false）", "{field} must be true or false"}},
        {"json.type_id_list", {"{field}应为编号列表", "{field} must be a list of ids"}},
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
        {"config.database_url", {"{field}无效", "{field} is invalid"}},
        {"crypto.key_file", {"密钥文件不可用，请联系管理员", "The key file is unavailable"}},
        {"dataset.not_empty", {"数据库已有数据，只能向空数据库载入数据集", "Data sets load only into an empty database"}},
        {"field.text", {"{field}应为 {min}–{max} 个字符，且不含控制字符", "{field} must have {min}–{max} characters and no control characters"}},
        {"field.range", {"{field}超出允许范围", "{field} is out of range"}},
        {"date.format", {"{field}应为有效日期（年-月-日）", "{field} must be a valid date (YYYY-MM-DD)"}},
        {"date.future", {"{field}不能晚于 {latest}", "{field} cannot be later than {latest}"}},
        {"phone.format", {"{field}应为 11 位手机号，或“区号-号码”格式的固定电话", "{field} must be an 11-digit mobile or an “area-number” fixed line"}},
        {"member.sex.format", {"{field}应为男或女", "{field} must be male or female"}},
        {"member.sex.mismatch", {"{field}与身份证号码不一致", "{field} does not match the ID number"}},
        {"candidate.id_number.exists", {"该{field}已登记为党员或发展对象", "This {field} is already registered as a member or candidate"}},
        {"candidate.changed_concurrently", {"该发展档案已被他人更新，请刷新后重试", "The case changed meanwhile; reload and retry"}},
        {"admission.kind.unknown", {"{field}不存在", "{field} does not exist"}},
        {"admission.stage.unknown", {"{field}不存在", "{field} does not exist"}},
        {"admission.people.count", {"{field}最多 2 人", "{field}: at most 2 people"}},
        {"admission.decision.unknown", {"{field}应为转正、延长预备期或取消预备党员资格", "{field} must be convert, extend or disqualify"}},
        {"admission.vote.missing", {"请登记{field}", "{field} is required"}},
        {"admission.vote.counts", {"{field}人数不合理：赞成人数不能多于到会人数，到会人数与书面意见人数之和不能多于应到会人数", "{field} counts are inconsistent"}},
        {"admission.rule.apply_first", {"发展档案须从递交入党申请开始", "A case starts with the written application"}},
        {"admission.rule.stage", {"“{stage}”阶段不能登记“{step}”：发展党员须按程序逐步进行（《中国共产党发展党员工作细则》）", "A {stage} cannot take the step “{step}”: the steps go in order"}},
        {"admission.rule.date_order", {"日期不能早于档案中已登记的 {latest}：各步骤须按时间顺序登记", "The date cannot precede {latest}, already recorded"}},
        {"admission.rule.age", {"申请入党须年满十八岁（《党章》第一条；《发展党员工作细则》第五条），申请之日年龄为 {age} 岁", "Applicants must be 18 or over (Constitution Art.1); the age on the application date is {age}"}},
        {"admission.rule.talk_first", {"确定入党积极分子前，须先登记党组织派人谈话（收到入党申请后一个月内派人谈话）", "Record the talk with the applicant first"}},
        {"admission.rule.contacts", {"须指定一至二名正式党员作培养联系人（《发展党员工作细则》），现为 {count} 人或有重复", "Name one or two full members as training contacts"}},
        {"admission.rule.contacts_full", {"培养联系人须为正式党员（《发展党员工作细则》）", "Training contacts must be full members"}},
        {"admission.rule.activist_year", {"入党积极分子须经过一年以上培养教育和考察，方可列为发展对象（《发展党员工作细则》），最早可于 {earliest}；提前须登记上级党委批准文号", "At least one year as activist before becoming a development target (earliest {earliest})"}},
        {"admission.rule.training", {"短期集中培训一般不少于三天或不少于 24 个学时（《发展党员工作细则》），登记为 {days} 天、{hours} 学时", "Intensive training must last at least 3 days or 24 class hours"}},
        {"admission.rule.training_missing", {"支部大会讨论前须完成短期集中培训（不少于三天或 24 个学时）", "Record the intensive training before the general meeting"}},
        {"admission.rule.political_review", {"未经政治审查或政治审查不合格的，不能发展入党（《发展党员工作细则》）", "No admission without a political review"}},
        {"admission.rule.pre_review", {"支部大会讨论前须经具有审批权限的基层党委预审（《发展党员工作细则》）", "The grassroots committee must pre-review before the general meeting"}},
        {"admission.rule.sponsors", {"须有两名正式党员作入党介绍人（《党章》第五条），现为 {count} 人或有重复", "Two full members must sponsor (Constitution Art.5)"}},
        {"admission.rule.sponsors_full", {"入党介绍人须为正式党员（《党章》第五条）", "Sponsors must be full members (Constitution Art.5)"}},
        {"admission.rule.quorum", {"到会有表决权的党员须超过应到会人数的半数（《发展党员工作细则》），到会 {present} 人，应到会 {electorate} 人", "More than half of the voting members must attend: {present} of {electorate}"}},
        {"admission.rule.majority", {"赞成人数须超过应到会有表决权的正式党员的半数（《发展党员工作细则》），赞成 {yes} 人（含书面意见），应到会 {electorate} 人", "Yes votes must exceed half of all voting members: {yes} of {electorate}"}},
        {"admission.rule.approval_window", {"上级党委应在支部大会决议后三个月内审批（《发展党员工作细则》），期限为 {due}；延长须注明上级批准", "Approval is due within 3 months ({due}); later only with a recorded extension"}},
        {"admission.rule.approval_limit", {"审批期限延长后最长不超过六个月（《发展党员工作细则》），已超过 {limit}", "Approval may be extended to 6 months at most ({limit})"}},
        {"admission.rule.probation_running", {"预备期为一年，自支部大会通过之日起算（《党章》第七条），至 {end} 届满后方可讨论", "Probation lasts one year from the general meeting (Constitution Art.7); it ends {end}"}},
        {"admission.rule.extension_once", {"预备期只能延长一次（《党章》第七条）", "Probation may be extended once only (Constitution Art.7)"}},
        {"admission.rule.extension_length", {"延长预备期为六个月至一年，不能超过一年（《党章》第七条），登记为 {months} 个月", "An extension lasts 6 to 12 months (Constitution Art.7)"}},
        {"admission.due.talk", {"应在收到入党申请后一个月内派人谈话（{due} 前）", "Talk with the applicant within one month (by {due})"}},
        {"admission.due.target_from", {"培养考察满一年，可于 {due} 起列为发展对象", "May become a development target from {due}"}},
        {"admission.due.approval", {"上级党委应于 {due} 前审批（支部大会后三个月内）", "Approval due by {due} (3 months after the meeting)"}},
        {"admission.due.conversion", {"预备期于 {due} 届满，支部应及时讨论转正", "Probation ends {due}; the branch should discuss conversion"}},
        {"admission.due.conversion_approval", {"上级党委应于 {due} 前审批转正（支部大会后三个月内）", "Conversion approval due by {due}"}},
        {"org.rule.branch_min_full", {"党支部须有正式党员三人以上（《中国共产党支部工作条例（试行）》），现有正式党员 {full} 人", "A branch needs at least 3 full members; it has {full}"}},
        {"org.rule.branch_max", {"党支部党员人数一般不超过五十人（《中国共产党支部工作条例（试行）》），现有 {total} 人，应考虑分设", "A branch has at most 50 members; it has {total} and should split"}},
        {"org.rule.committee_required", {"正式党员七人以上的党支部应设立支部委员会（《中国共产党支部工作条例（试行）》），现有正式党员 {full} 人、委员 {seats} 人", "A branch with 7 or more full members needs a committee"}},
        {"org.rule.committee_usual", {"支部委员会一般由三至五人组成（《中国共产党支部工作条例（试行）》），现有 {seats} 人", "A branch committee usually has 3–5 members; it has {seats}"}},
        {"org.rule.committee_max", {"支部委员会一般不超过七人（《中国共产党支部工作条例（试行）》），现有 {seats} 人", "A branch committee has at most 7 members; it has {seats}"}},
        {"org.rule.no_committee_below_seven", {"正式党员不足七人的党支部不设委员会，设书记一名、必要时设副书记一名（《中国共产党支部工作条例（试行）》），现有 {seats} 个职务", "Below 7 full members a branch has a secretary and at most one deputy"}},
        {"org.rule.joint_branch_units", {"联合党支部覆盖单位一般不超过五个（《中国共产党支部工作条例（试行）》），现为 {units} 个", "A joint branch covers at most 5 units; it covers {units}"}},
        {"org.rule.general_branch_size", {"党员五十人以上、一百人以下的，设立党总支（经上级批准的除外），现有 {total} 人", "A general branch has 50–99 members unless approved; it has {total}"}},
        {"org.rule.committee_min", {"党员一百人以上的，设立基层党委（经上级批准的除外），现有 {total} 人", "A grassroots committee has 100 or more members unless approved; it has {total}"}},
        {"org.rule.secretary_approval", {"书记、副书记的产生须报上级党组织批准，请填写批准文号", "A secretary or deputy needs the higher organization's approval: give its document number"}},
        {"org.rule.committee_filing", {"委员的产生须报上级党组织备案，请填写备案文号", "A committee member is filed with the higher organization: give the filing number"}},
        {"org.post.unknown", {"{field}不存在", "{field} does not exist"}},
        {"org.post.term_after_start", {"{field}不能晚于任职日期", "{field} cannot be after the start of the post"}},
        {"org.post.held", {"该党员已担任这一职务", "The member already holds this post"}},
        {"org.post.ended", {"该职务已经免去", "The post has already ended"}},
        {"org.post.end_before_start", {"{field}须晚于任职日期", "{field} must be after the start of the post"}},
        {"org.rule.term_shift", {"换届选举延期或提前一般不超过一年（《关于党的基层组织任期的意见》），登记为 {months} 个月", "An election may be postponed or advanced by one year at most"}},
        {"org.rule.election_due", {"任期已于 {term_end} 届满，应按期换届（《关于党的基层组织任期的意见》）", "The term ended {term_end}; an election is due"}},
    };
    return kMessages;
}

const std::map<std::string, Pair>& Labels() {
    static const std::map<std::string, Pair> kLabels{
        {"username", {"用户名", "User name"}},       {"password", {"密码", "Password"}},
        {"display_name", {"姓名", "Name"}},          {"code", {"验证码", "Code"}},
        {"role", {"角色", "Role"}},                  {"org_id", {"组织", "Organization"}},
        {"member_id", {"党员", "Member"}},           {"old_password", {"原密码", "Current password"}},
        {"new_password", {"新密码", "New password"}}, {"token", {"设置链接", "Set-up link"}},
        {"id_number", {"身份证号码", "ID number"}},  {"limit", {"每页条数", "Page size"}},
        {"cursor", {"翻页位置", "Cursor"}},          {"as_of", {"查询日期", "As-of date"}},
        {"from", {"开始时间", "From"}},              {"to", {"结束时间", "To"}},
        {"q", {"关键词", "Search text"}},            {"action", {"操作类型", "Action"}},
        {"actor", {"操作人", "Actor"}},              {"org", {"组织", "organization"}},
        {"member", {"党员", "member"}},              {"user", {"用户", "user"}},
        {"grant", {"角色授权", "grant"}},            {"setup_link", {"设置链接", "set-up link"}},
        {"object", {"对象", "object"}},              {"name", {"姓名", "Name"}},
        {"sex", {"性别", "Sex"}},                    {"reason", {"查看原因", "Reason"}},
        {"category", {"人员类别", "Category"}},      {"status", {"党籍状态", "Status"}},
        {"age_min", {"最小年龄", "Minimum age"}},    {"age_max", {"最大年龄", "Maximum age"}},                    {"ethnicity", {"民族", "Ethnicity"}},
        {"phone", {"联系电话", "Phone"}},            {"education", {"学历", "Education"}},
        {"work_unit", {"工作单位", "Work unit"}},    {"applied_on", {"申请日期", "Application date"}},
        {"on", {"日期", "Date"}},                    {"kind", {"步骤", "Step"}},
        {"body", {"决定机关", "Deciding body"}},     {"doc_ref", {"文号", "Document number"}},
        {"note", {"备注", "Note"}},                  {"people", {"人员", "People"}},
        {"vote", {"表决结果", "Vote"}},              {"decision", {"决定", "Decision"}},
        {"stage", {"阶段", "Stage"}},                {"post", {"职务", "Post"}},
        {"term_start", {"本届任期开始日期", "Term start"}}, {"valid_from", {"任职日期", "Start date"}},
        {"approval_doc", {"批准或备案文号", "Approval or filing number"}},                {"version", {"版本", "Version"}},
        {"training_days", {"培训天数", "Training days"}}, {"training_hours", {"培训学时", "Training hours"}},
        {"extension_months", {"延长月数", "Extension months"}}, {"candidate", {"发展档案", "case"}},
        {"stage.applicant", {"入党申请人", "applicant"}}, {"stage.activist", {"入党积极分子", "activist"}},
        {"stage.target", {"发展对象", "development target"}}, {"stage.probationary", {"预备党员", "probationary member"}},
        {"stage.full", {"正式党员", "full member"}}, {"stage.disqualified", {"已取消预备党员资格", "disqualified"}},
        {"step.apply", {"递交入党申请", "application"}}, {"step.talk", {"派人谈话", "talk"}},
        {"step.activist", {"确定为入党积极分子", "activist decision"}}, {"step.target", {"确定为发展对象", "target decision"}},
        {"step.political_review", {"政治审查", "political review"}}, {"step.training", {"集中培训", "training"}},
        {"step.pre_review", {"基层党委预审", "pre-review"}}, {"step.admission_meeting", {"支部大会讨论接收", "admission meeting"}},
        {"step.admission_approval", {"上级党委审批", "admission approval"}},
        {"step.conversion_meeting", {"支部大会讨论转正", "conversion meeting"}},
        {"step.conversion_approval", {"上级党委审批转正", "conversion approval"}},
    };
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

std::string Translate(Lang lang, const std::string& key, const std::map<std::string, std::string>& params,
                      const std::string& field) {
    auto it = Messages().find(key);
    if (it == Messages().end()) it = Messages().find("request.invalid");
    std::string text = lang == Lang::kZh ? it->second.first : it->second.second;
    auto all = params;
    if (!field.empty()) all["field"] = FieldLabel(lang, field);
    if (all.count("what")) all["what"] = FieldLabel(lang, all["what"]);
    for (const char* coded : {"stage", "step"})  // codes shown by their names: "stage.target" -> 发展对象
        if (auto it2 = Labels().find(std::string(coded) + "." + all[coded]); all.count(coded) && it2 != Labels().end())
            all[coded] = lang == Lang::kZh ? it2->second.first : it2->second.second;
    return Fill(std::move(text), all);
}

}  // namespace lianxin::http
