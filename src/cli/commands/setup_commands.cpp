// migrate, init, demo, gen: preparing a database.
#include <iostream>

#include "app/auth/auth.hpp"
#include "app/demo/dataset.hpp"
#include "cli/commands/commands.hpp"
#include "cli/runtime.hpp"

namespace lianxin::cli {

int ServeWith(Runtime& rt);

namespace {
RuntimeOptions Preparing() { return RuntimeOptions{true, true, true}; }

// Prints a first-admin link while the database has no user yet.
void PrintFirstAdminLink(Runtime& rt) {
    auto token = app::CreateFirstAdminLink(*rt.ctx);
    if (!token) {
        if (token.error().message_key == "setup.already_done")
            std::cout << "管理员已设置，请直接登录 / an administrator exists: log in at " << rt.config.PublicUrl()
                      << "\n";
        else std::cerr << "setup link: " << token.error().detail << "\n";
        return;
    }
    std::cout << "首次设置链接（24 小时内有效，仅可使用一次）/ one-time first-admin set-up link (24 h):\n  "
              << rt.config.PublicUrl() << "/#/setup?token=" << *token << std::endl;
}
}  // namespace

int RunMigrate(const Config& config) {
    auto rt = MakeRuntime(config, RuntimeOptions{false, false, false});
    if (!rt) return 1;
    auto ran = rt->db->Migrate(rt->clock.NowMillis());
    if (!ran) {
        std::cerr << "migrate: " << ran.error().detail << "\n";
        return 1;
    }
    std::cout << "applied " << *ran << " migration(s) / 已执行 " << *ran << " 个迁移\n";
    return 0;
}

int RunInit(const Config& config, const InitOptions& opt) {
    auto rt = MakeRuntime(config, Preparing());
    if (!rt) return 1;
    auto type = core::org::ParseOrgType(opt.org_type);
    if (!type) {
        std::cerr << "--org-type: unknown type / 未知组织类型 '" << opt.org_type << "'\n";
        return 2;
    }
    // System scope: the CLI works for no actor (the operator holds the database).
    auto st = rt->db->Write(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(roots, tx.Orgs().Roots());
        if (!roots.empty()) return core::Ok();
        if (opt.org_name.empty()) return core::Fail(core::InvalidField("org_name", "json.required"));
        core::org::Org o;
        o.name = opt.org_name;
        o.type = *type;
        o.place_name = opt.place_name;
        o.place_kind = opt.place_name.empty() ? core::org::PlaceKind::kNone : core::org::PlaceKind::kStreet;
        o.valid_from = rt->clock.Today();
        LX_CHECK(tx.Orgs().Insert(o));
        return core::Ok();
    });
    if (!st) {
        std::cerr << "--org-name: the top organization's name is required on an empty database / "
                     "空数据库需要提供顶层组织名称\n";
        return 2;
    }
    PrintFirstAdminLink(*rt);
    return 0;
}

int RunDemo(const Config& given, std::uint64_t seed, bool serve) {
    // The demo sends residents' codes to the sink (GET /api/v1/dev/sent-codes, shown on the demo's phone page)
    // unless a sender is configured.
    Config config = given;
    if (config.otp.sender == "none") config.otp.sender = "sink";
    auto rt = MakeRuntime(config, Preparing());
    if (!rt) return 1;
    auto count = [&]() -> std::int64_t {
        std::int64_t n = 0;
        // System scope: the CLI works for no actor (the operator holds the database).
        (void)rt->db->Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
            LX_ASSIGN(c, tx.Orgs().CountAll());
            n = c;
            return core::Ok();
        });
        return n;
    };
    if (count() == 0) {
        auto stats = app::LoadDataset(*rt->ctx, app::Scale::kDemo, seed);
        if (!stats) {
            std::cerr << "demo: " << stats.error().message_key << " " << stats.error().detail << "\n";
            return 1;
        }
        std::cout << "已载入演示数据 / demo data loaded: " << stats->orgs << " 个组织 orgs, " << stats->members
                  << " 名党员 members\n";
    } else {
        std::cout << "数据库已有数据，保留不变 / the database already has data; kept as it is\n";
    }
    PrintFirstAdminLink(*rt);
    if (!serve) return 0;
    return ServeWith(*rt);
}

int RunGen(const Config& config, const std::string& scale_name, std::uint64_t seed) {
    auto scale = app::ParseScale(scale_name);
    if (!scale) {
        std::cerr << "--scale: one of demo, district, city, province / 规模须为 demo、district、city、province\n";
        return 2;
    }
    Config bulk = config;
    bulk.database.sqlite_writer_cache_mb = 512;  // a bulk load keeps every index page it touches in memory
    // A generated set is reproducible: a crash mid-load means running gen again on an empty file, so the
    // load needs no fsync per commit (WAL with NORMAL still never corrupts the file).
    bulk.database.sqlite_synchronous = "NORMAL";
    auto rt = MakeRuntime(bulk, Preparing());
    if (!rt) return 1;
    auto started = rt->clock.NowMillis();
    std::int64_t last_report = 0;
    if (auto st = storage::BeginBulkMemberLoad(*rt->db); !st) {
        std::cerr << "gen: " << st.error().message_key << " " << st.error().detail << "\n";
        return 1;
    }
    auto stats = app::LoadDataset(*rt->ctx, *scale, seed, [&](std::int64_t members) {
        if (members - last_report >= 100000) {
            last_report = members;
            std::cout << "  " << members << " members...\n" << std::flush;
        }
    });
    if (auto st = storage::EndBulkMemberLoad(*rt->db); !st) {  // after a failed load too: the indexes come back
        std::cerr << "gen: " << st.error().message_key << " " << st.error().detail << "\n";
        return 1;
    }
    if (!stats) {
        std::cerr << "gen: " << stats.error().message_key << " " << stats.error().detail
                  << " (the database must be empty / 数据库必须为空)\n";
        return 1;
    }
    std::cout << "generated / 已生成 " << scale_name << " seed=" << seed << ": " << stats->orgs << " orgs, "
              << stats->members << " members in " << (rt->clock.NowMillis() - started) << " ms\n";
    return 0;
}

}  // namespace lianxin::cli
