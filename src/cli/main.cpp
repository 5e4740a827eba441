// lianxin — one binary: the server and the operator's tools.
#include <signal.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/runtime.hpp"

extern char** environ;

int main(int argc, char** argv) {
    using namespace lianxin::cli;
    // Block the stop signals before any thread starts, so that only `sigwait` in serve receives them.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    signal(SIGPIPE, SIG_IGN);

    CLI::App cli{"lianxin 连心 — 城市基层党建与网格化治理平台 / urban party building and grid governance"};
    cli.set_version_flag("--version", std::string("lianxin ") + LIANXIN_VERSION);
    cli.require_subcommand(1);
    std::string config_path, db_url, static_dir;
    int port = 0;
    cli.add_option("-c,--config", config_path, "YAML 配置文件 / configuration file")->check(CLI::ExistingFile);
    cli.add_option("--db", db_url, "数据库 / database: sqlite:PATH 或 postgresql://...");
    cli.add_option("--port", port, "监听端口 / port")->check(CLI::Range(1, 65535));
    cli.add_option("--static", static_dir, "网页目录 / web app directory (web/dist)");

    auto* serve = cli.add_subcommand("serve", "启动服务 / serve the web app and the API");
    auto* migrate = cli.add_subcommand("migrate", "执行数据库迁移 / apply database migrations");
    InitOptions init_opt;
    auto* init = cli.add_subcommand("init", "初始化空数据库并生成首次设置链接 / prepare an empty database");
    init->add_option("--org-name", init_opt.org_name, "顶层组织名称 / name of the top organization");
    init->add_option("--org-type", init_opt.org_type, "顶层组织类型 / its type (street_working_committee …)");
    init->add_option("--place-name", init_opt.place_name, "所在街道 / its street");
    std::uint64_t seed = 1;
    bool no_serve = false;
    auto* demo = cli.add_subcommand("demo", "载入演示数据（嵩屿街道）并启动 / load the demo street and serve");
    demo->add_option("--seed", seed, "随机种子 / seed");
    demo->add_flag("--no-serve", no_serve, "只载入不启动 / load only");
    std::string scale = "demo";
    auto* gen = cli.add_subcommand("gen", "生成测试数据集 / generate a synthetic data set");
    gen->add_option("--scale", scale, "demo | district | city | province")->required();
    gen->add_option("--seed", seed, "随机种子 / seed");
    auto* user = cli.add_subcommand("user", "用户管理 / users");
    user->require_subcommand(1);
    UserAddOptions add_opt;
    auto* user_add = user->add_subcommand("add", "新建用户并生成设置密码链接 / add a user");
    user_add->add_option("--username", add_opt.username, "用户名")->required();
    user_add->add_option("--display-name", add_opt.display_name, "姓名")->required();
    user_add->add_option("--role", add_opt.role, "角色 / role (sys_admin, org_admin, branch_secretary …)")->required();
    user_add->add_option("--org-id", add_opt.org_id, "授权组织 / org id")->required();
    std::string open_user;
    std::int64_t open_member = 0;
    auto* user_open = user->add_subcommand("open-account",
                                           "为党员开通账号并生成设置密码链接 / open a member's account");
    user_open->add_option("--username", open_user, "用户名")->required();
    user_open->add_option("--member-id", open_member, "党员 / member id")->required();
    std::string reset_user;
    auto* user_reset = user->add_subcommand("reset", "生成重置密码链接 / password reset link");
    user_reset->add_option("--username", reset_user, "用户名")->required();
    auto* user_list = user->add_subcommand("list", "列出用户 / list users");
    auto* policy = cli.add_subcommand("policy", "政策参数 / policies: local rules per org and date");
    policy->require_subcommand(1);
    bool policy_list_json = false;
    auto* policy_list = policy->add_subcommand("list",
                                               "列出全部政策参数 / every policy key, its default and overrides");
    policy_list->add_flag("--json", policy_list_json, "JSON");
    PolicyShowOptions show_opt;
    auto* policy_show = policy->add_subcommand("show", "某组织在某日的取值 / the value for an org on a date");
    policy_show->add_option("key", show_opt.key, "政策参数 / key")->required();
    policy_show->add_option("--org-id", show_opt.org_id, "组织 id / org id")->required();
    policy_show->add_option("--on", show_opt.on, "日期 YYYY-MM-DD（默认今天）/ date, default today");
    policy_show->add_flag("--json", show_opt.json, "JSON");
    PolicySetOptions set_opt;
    auto* policy_set = policy->add_subcommand("set", "自某日起为组织设定取值 / set a value for an org from a date");
    policy_set->add_option("key", set_opt.key, "政策参数 / key")->required();
    policy_set->add_option("value", set_opt.value, "取值 / value")->required();
    policy_set->add_option("--org-id", set_opt.org_id, "组织 id / org id")->required();
    policy_set->add_option("--from", set_opt.from, "生效日期 YYYY-MM-DD / first day")->required();
    policy_set->add_option("--doc", set_opt.doc, "依据文号 / decision document")->required();
    auto* calendar = cli.add_subcommand("calendar", "工作日历 / working-day calendar: holidays and 调休 per year");
    calendar->require_subcommand(1);
    CalendarLoadOptions cal_load_opt;
    auto* calendar_load = calendar->add_subcommand(
        "load", "载入一年的放假和调休上班日（CSV: date,kind,name 或 JSON）/ load a year from CSV or JSON");
    calendar_load->add_option("file", cal_load_opt.file, "文件 / file (.csv or .json)")->required();
    calendar_load->add_option("--year", cal_load_opt.year, "年份（默认取文件）/ year, default from the file");
    calendar_load->add_option("--source", cal_load_opt.source, "依据：通知文号或标题 / the notice's number or title");
    int cal_show_year = 0;
    bool cal_show_json = false;
    auto* calendar_show = calendar->add_subcommand("show", "显示一年的工作日历 / show a year's calendar");
    calendar_show->add_option("year", cal_show_year, "年份 / year")->required();
    calendar_show->add_flag("--json", cal_show_json, "JSON");
    auto* events = cli.add_subcommand("events", "事件 / events");
    events->require_subcommand(1);
    auto* events_purge = events->add_subcommand(
        "purge", "清除结案已满保留期的居民信息（姓名、手机号、跟踪链接）/ blank residents' data past its retention");
    auto* events_supervise = events->add_subcommand(
        "supervise", "对超过办理时限的事件记录上级督办 / record 督办 by the level above on overdue events");
    std::string backup_out, restore_from;
    auto* backup = cli.add_subcommand("backup", "在线备份 / online backup");
    backup->add_option("--out", backup_out, "备份文件 / output file")->required();
    auto* restore = cli.add_subcommand("restore", "从备份恢复 / restore a backup");
    restore->add_option("--from", restore_from, "备份文件 / backup file")->required();
    auto* check = cli.add_subcommand("check", "完整性与审计链校验 / integrity and audit-chain check");
    bool accept_restore = false;
    check->add_flag(
        "--accept-restore", accept_restore,
        "恢复备份后：记录恢复并重新开始检查点 / after restoring a backup: record it, start a new checkpoint");
    auto* routes = cli.add_subcommand("routes", "列出全部接口（JSON）/ print the route table as JSON");
    auto* gis = cli.add_subcommand("gis", "GIS 文件 / GIS files (GeoJSON, zipped Shapefile)");
    gis->require_subcommand(1);
    std::string gis_file, gis_geojson;
    bool gis_json = false;
    auto* gis_inspect = gis->add_subcommand("inspect", "查看网格边界文件的内容 / what the grid import reads in a file");
    gis_inspect->add_option("file", gis_file, "GeoJSON 或 Shapefile 压缩包 / .geojson or .zip")->required();
    gis_inspect->add_flag("--json", gis_json, "JSON");
    gis_inspect->add_option("--geojson", gis_geojson, "另存为 GeoJSON / also write the features as GeoJSON");

    auto* dictionaries = cli.add_subcommand(
        "dictionaries", "代码表与党员字段规格 / the code lists and member field specs (as GET /api/v1/dictionaries)");
    bool dictionaries_json = false;
    dictionaries->add_flag("--json", dictionaries_json, "以 JSON 输出 / print JSON (the only format)")->required();

    CLI11_PARSE(cli, argc, argv);
    if (*routes) return RunRoutes();
    if (*gis_inspect) return RunGisInspect(gis_file, gis_json, gis_geojson);
    if (*dictionaries) return RunDictionaries();

    Config config = DefaultConfig();
    if (!ReportConfigErrors(LoadConfig(config_path, environ, config))) return 2;
    if (!db_url.empty()) config.database.url = db_url;
    if (port) config.server.port = static_cast<unsigned short>(port);
    if (!static_dir.empty()) config.http.static_dir = static_dir;
    spdlog::set_pattern("%v");
    spdlog::set_level(spdlog::level::from_str(config.log_level));

    if (*serve) return RunServe(config);
    if (*migrate) return RunMigrate(config);
    if (*init) return RunInit(config, init_opt);
    if (*demo) return RunDemo(config, seed, !no_serve);
    if (*gen) return RunGen(config, scale, seed);
    if (*user_add) return RunUserAdd(config, add_opt);
    if (*user_open) return RunUserOpenAccount(config, open_user, open_member);
    if (*user_reset) return RunUserReset(config, reset_user);
    if (*user_list) return RunUserList(config);
    if (*policy_list) return RunPolicyList(config, policy_list_json);
    if (*policy_show) return RunPolicyShow(config, show_opt);
    if (*policy_set) return RunPolicySet(config, set_opt);
    if (*calendar_load) return RunCalendarLoad(config, cal_load_opt);
    if (*calendar_show) return RunCalendarShow(config, cal_show_year, cal_show_json);
    if (*events_purge) return RunEventsPurge(config);
    if (*events_supervise) return RunEventsSupervise(config);
    if (*backup) return RunBackup(config, backup_out);
    if (*restore) return RunRestore(config, restore_from);
    if (*check) return RunCheck(config, accept_restore);
    if (*routes) return RunRoutes();
    return 2;
}
