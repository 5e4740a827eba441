// user add|reset|list, backup, restore, check: the local operator's tools. The operator acts as a system
// administrator of the whole tree; every change is audited under the actor name "cli".
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/audit/audit_queries.hpp"
#include "app/member/account.hpp"
#include "app/users/users.hpp"
#include "cli/commands/commands.hpp"
#include "cli/runtime.hpp"

extern char** environ;

namespace lianxin::cli {

namespace {

int Spawn(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return 127;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

std::string SqlitePath(const Config& c) {
    const auto& url = c.database.url;
    return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
}

}  // namespace

int RunUserAdd(const Config& config, const UserAddOptions& opt) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto actor = OperatorActor(*rt);
    if (!actor) return ReportError(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
    auto created = app::CreateUser(*rt->ctx, *actor, {opt.username, opt.display_name, opt.role, opt.org_id});
    if (!created) return ReportError(created.error());
    std::cout << "用户已创建 / user created: " << created->user.username
              << "\n设置密码链接 / password link (24 h): " << rt->config.PublicUrl()
              << "/#/setup?token=" << created->setup_token << "\n";
    return 0;
}

// The console operator (who holds the database and its key) opens a member's account as the member's org would —
// org_admin on the roots, member_write — never as a system administrator (issue 15 defect 2). If the member has an
// account already, a new set-up link for it (the earlier ones revoked). Used by bench/run for bench_me.
int RunUserOpenAccount(const Config& config, const std::string& username, std::int64_t member_id) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto actor = OperatorActor(*rt, core::auth::Role::kOrgAdmin);
    if (!actor) return ReportError(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
    auto opened = app::OpenMemberAccount(*rt->ctx, *actor, member_id, username);
    const bool existed = !opened && opened.error().message_key == "member.account.exists";
    if (existed) opened = app::ResetMemberAccountLink(*rt->ctx, *actor, member_id);  // a new link, earlier ones revoked
    if (!opened) return ReportError(opened.error());
    const auto& name = opened->view.account ? opened->view.account->username : username;
    std::cout << (existed ? "党员已有账号，新链接 / the member's account exists, new link: "
                          : "党员账号已开通 / member account opened: ")
              << name << "\n设置密码链接 / password link (24 h): " << rt->config.PublicUrl()
              << "/#/setup?token=" << opened->setup_token << "\n";
    return 0;
}

int RunUserReset(const Config& config, const std::string& username) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto actor = OperatorActor(*rt);
    if (!actor) return ReportError(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
    std::int64_t id = 0;
    // System scope: the CLI works for no actor (the operator holds the database).
    (void)rt->db->Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(u, tx.Users().GetByUsername(username));
        if (u) id = u->id;
        return core::Ok();
    });
    if (!id) return ReportError(core::NotFound("user"));
    auto token = app::ResetPasswordLink(*rt->ctx, *actor, id);
    if (!token) return ReportError(token.error());
    std::cout << "重置密码链接 / password reset link (24 h): " << rt->config.PublicUrl() << "/#/setup?token=" << *token
              << "\n";
    return 0;
}

int RunUserList(const Config& config) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    auto actor = OperatorActor(*rt);
    if (!actor) return 0;
    std::int64_t after = 0;
    for (;;) {
        auto page = app::ListUsers(*rt->ctx, *actor, {0, "", after, 200});
        if (!page) return ReportError(page.error());
        for (const auto& u : page->items) {
            std::cout << u.id << "\t" << u.username << "\t" << u.display_name << "\t";
            for (const auto& g : u.grants) std::cout << core::auth::Info(g.role).key << "@" << g.org_name << " ";
            std::cout << "\n";
        }
        if (!page->next_after) break;
        after = page->next_after;
    }
    return 0;
}

int RunBackup(const Config& config, const std::string& out) {
    if (storage::IsPostgresUrl(config.database.url)) {
        std::string url = config.database.url.rfind("postgres:", 0) == 0 &&
                                  config.database.url.rfind("postgres://", 0) != 0
                              ? config.database.url.substr(9)
                              : config.database.url;
        // Row-level security (migration 0021) is forced on the owner too: the dump runs in the system scope.
        const char* prior = std::getenv("PGOPTIONS");
        setenv("PGOPTIONS", ((prior ? std::string(prior) + " " : std::string()) + "-c lianxin.scope=*").c_str(), 1);
        int rc = Spawn({"pg_dump", "--format=custom", "--enable-row-security", "--file=" + out, "--dbname=" + url});
        std::cout << (rc == 0 ? "backup written / 备份完成: " : "pg_dump failed / 备份失败: ") << out << "\n";
        return rc == 0 ? 0 : 1;
    }
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    if (std::filesystem::exists(out)) {
        std::cerr << "--out: the file exists / 文件已存在: " << out << "\n";
        return 2;
    }
    auto r = storage::SqliteBackupInto(*rt->db, out);
    if (!r) return ReportError(r.error());
    std::cout << "backup written / 备份完成: " << out << " (copy the key file " << config.key_file
              << " separately; it also holds the audit key / 密钥文件需单独保管，审计密钥亦由其派生)\n";
    return 0;
}

int RunRestore(const Config& config, const std::string& from) {
    if (!std::filesystem::exists(from)) {
        std::cerr << "--from: no such file / 文件不存在: " << from << "\n";
        return 2;
    }
    if (storage::IsPostgresUrl(config.database.url)) {
        std::string url = config.database.url.rfind("postgres:", 0) == 0 &&
                                  config.database.url.rfind("postgres://", 0) != 0
                              ? config.database.url.substr(9)
                              : config.database.url;
        int rc = Spawn({"pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname=" + url, from});
        std::cout << (rc == 0 ? "restored / 已恢复\n" : "pg_restore failed / 恢复失败\n");
        return rc == 0 ? RunCheck(config, true) : 1;
    }
    std::string target = SqlitePath(config);
    // Never over an existing database: restore into a new path, then point the configuration at it.
    if (std::filesystem::exists(target)) {
        std::cerr << "database.url: " << target
                  << " exists; restore into a new path / 目标数据库已存在，请恢复到新路径\n";
        return 2;
    }
    std::filesystem::copy_file(from, target);
    // A backup ends before the newest rows the checkpoint records: the restore is recorded in the log and the
    // checkpoint starts afresh (docs/operations.md "Audit key and checkpoints").
    int rc = RunCheck(config, true);
    std::cout << (rc == 0 ? "restored / 已恢复: " : "restored but the check failed / 已恢复但校验失败: ") << target
              << "\n";
    return rc;
}

namespace {

std::string When(std::int64_t millis) { return core::FormatInstant(millis); }

// The audit part of `lianxin check` (issue 15 defect 4): the checkpoint read, then the chain's verdict naming the
// first bad row or the missing tail. True when the chain is intact.
bool PrintAuditCheck(const Config& config, const app::AuditCheck& c) {
    const auto& v = c.v;
    if (c.checkpoint)
        std::cout << "audit checkpoint / 审计检查点: row " << c.checkpoint->head_id << " at "
                  << When(c.checkpoint->written_at) << " (" << config.CheckpointPath() << ")\n";
    else if (c.checkpoint_invalid)
        std::cout << "audit checkpoint / 审计检查点: INVALID, fails its MAC / 校验失败 (" << config.CheckpointPath()
                  << ")\n";
    else
        std::cout << "audit checkpoint / 审计检查点: none yet (" << config.CheckpointPath()
                  << "); a missing tail cannot be detected / 尚无检查点，无法发现尾部缺失\n";
    if (v.ok) {
        std::cout << "audit chain / 审计日志链: ok, " << v.rows << " rows";
        if (v.legacy_rows)
            std::cout << " (" << v.legacy_rows << " SHA-256 rows from before the audit key"
                      << (v.first_mac_id ? ", sealed by row " + std::to_string(v.first_mac_id) : std::string()) << " / "
                      << v.legacy_rows << " 行为启用密钥前的 SHA-256 记录)";
        std::cout << ", last row " << v.last_id << "\n";
        return true;
    }
    const auto id = v.first_broken_id;
    std::cout << "audit chain / 审计日志链: BROKEN / 已被篡改 — ";
    if (v.problem == "mac") std::cout << "audit row " << id << " fails its MAC / 第 " << id << " 行审计记录校验失败";
    else if (v.problem == "link")
        std::cout << "audit row " << id << " does not follow the row before it / 第 " << id << " 行与前一行不衔接";
    else if (v.problem == "plain_after_mac")
        std::cout << "audit row " << id << " has no MAC after keyed rows / 第 " << id << " 行缺少密钥校验码";
    else if (v.problem == "missing_tail")
        std::cout << "rows after " << id - 1 << " are missing: the checkpoint of " << When(v.checkpoint_at)
                  << " records row " << v.checkpoint_head_id << " / 第 " << id - 1
                  << " 行之后的记录缺失（检查点记录到第 " << v.checkpoint_head_id << " 行）";
    else if (v.problem == "checkpoint")
        std::cout << "audit row " << id << " is not the row the checkpoint of " << When(v.checkpoint_at)
                  << " records / 第 " << id << " 行与检查点不符 (a restored backup? see docs/operations.md)";
    else if (v.problem == "head")
        std::cout << "rows after " << id - 1 << " are missing: audit_head records a later row / 第 " << id - 1
                  << " 行之后的记录缺失";
    else std::cout << "the checkpoint file fails its MAC / 检查点文件校验失败";
    if (id) std::cout << " (first_broken_id=" << id << ")";
    std::cout << "\n";
    return false;
}

}  // namespace

int RunCheck(const Config& config, bool accept_restore) {
    auto rt = MakeRuntime(config, {});
    if (!rt) return 1;
    bool ok = true;
    if (rt->db->Engine() == "sqlite") {
        const auto checked = storage::CheckSqlite(*rt->db);
        std::cout << "integrity_check: " << (checked.intact ? "ok" : "FAILED / 损坏") << "\n";
        std::cout << "foreign_key_check: " << (checked.foreign_keys_ok ? "ok" : "FAILED / 外键不一致") << "\n";
        ok = checked.intact && checked.foreign_keys_ok;
    }
    if (accept_restore) {
        auto actor = OperatorActor(*rt);
        if (!actor) return ReportError(core::MakeError(core::ErrorCode::kFailedPrecondition, "setup.no_org_tree"));
        auto accepted = app::AcceptRestoredLog(*rt->ctx, *actor);
        if (!accepted) {
            std::cout << "the restored audit chain is itself broken; nothing accepted / 恢复的审计日志链本身已损坏\n";
            PrintAuditCheck(config, app::CheckAuditChain(*rt->ctx).value_or(app::AuditCheck{}));
            return 1;
        }
        if (accepted->recorded)
            std::cout << "restore recorded in the audit log (audit.restore); the old checkpoint is kept as "
                      << accepted->kept_as << " / 已在审计日志中记录恢复，旧检查点另存\n";
        else std::cout << "the database is not behind the checkpoint: nothing to accept / 数据库未落后于检查点\n";
    }
    auto checked = app::CheckAuditChain(*rt->ctx);
    if (!checked) return ReportError(checked.error());
    ok = PrintAuditCheck(config, *checked) && ok;
    return ok ? 0 : 1;
}

}  // namespace lianxin::cli
