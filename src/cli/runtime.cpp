#include "cli/runtime.hpp"

#include <filesystem>
#include <iostream>

namespace lianxin::cli {

bool ReportConfigErrors(const std::vector<ConfigError>& errors) {
    for (const auto& e : errors) std::cerr << "config error / 配置错误: " << e.key << ": " << e.message << "\n";
    return errors.empty();
}

static void EnsureParentDir(const std::string& path) {
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
}

std::unique_ptr<Runtime> MakeRuntime(const Config& config, const RuntimeOptions& opt) {
    crypto::InitCrypto();
    auto rt = std::make_unique<Runtime>();
    rt->config = config;
    if (opt.create_key) EnsureParentDir(config.key_file);
    auto key = crypto::LoadOrCreateKey(config.key_file, opt.create_key);
    if (!key) {
        std::cerr << "security.key_file: " << key.error().detail << " (" << config.key_file
                  << ") / 密钥文件不可用；新数据库请先运行 lianxin init 或 lianxin demo\n";
        return nullptr;
    }
    rt->cipher = std::make_unique<crypto::SodiumFieldCipher>(*key);
    rt->checkpoints = std::make_unique<crypto::CheckpointFile>(config.CheckpointPath(), *rt->cipher);
    if (!storage::IsPostgresUrl(config.database.url)) {
        std::string path = config.database.url.rfind("sqlite:", 0) == 0 ? config.database.url.substr(7)
                                                                        : config.database.url;
        if (path != ":memory:") EnsureParentDir(path);
    }
    auto db = storage::OpenDatabase(config.database, *rt->cipher, rt->crypto);
    if (!db) {
        std::cerr << "database.url: " << db.error().detail << " / 无法打开数据库\n";
        return nullptr;
    }
    rt->db = std::move(*db);
    if (opt.migrate) {
        auto ran = rt->db->Migrate(rt->clock.NowMillis());
        if (!ran) {
            std::cerr << "migrate: " << ran.error().detail << " / 数据库迁移失败\n";
            return nullptr;
        }
    }
    if (opt.require_schema) {
        auto state = rt->db->Migrations();
        if (!state) {
            std::cerr << "database: " << state.error().detail << "\n";
            return nullptr;
        }
        if (state->newer_than_binary) {
            std::cerr << "database: the schema is newer than this lianxin / 数据库版本高于本程序，请升级 lianxin\n";
            return nullptr;
        }
        if (state->applied < state->known) {
            std::cerr << "database: " << (state->known - state->applied)
                      << " migration(s) pending; run `lianxin migrate` / 数据库需要迁移，请先运行 lianxin migrate\n";
            return nullptr;
        }
    }
    rt->ctx = std::unique_ptr<app::Context>(new app::Context{*rt->db,
                                                             rt->clock,
                                                             rt->crypto,
                                                             *rt->cipher,
                                                             config.security,
                                                             nullptr,
                                                             nullptr,
                                                             &rt->sheets,
                                                             nullptr,
                                                             {},
                                                             rt->checkpoints.get()});
    rt->ctx->images = &rt->images;
    rt->ctx->gis = &rt->gis;
    if (config.otp.sender == "sink") {
        auto sink = std::make_unique<otp::SinkSender>(rt->clock);
        rt->sink = sink.get();
        rt->ctx->sent_messages = sink.get();
        rt->code_sender = std::move(sink);
    } else if (config.otp.sender == "gateway") {
        auto url = otp::ParseGatewayUrl(config.otp.gateway_url);
        if (!url) {
            std::cerr << "otp.gateway_url: an http:// URL is needed when otp.sender is gateway / 短信网关地址无效\n";
            return nullptr;
        }
        rt->code_sender = std::make_unique<otp::GatewaySender>(*url, config.otp.gateway_timeout_ms);
    }
    rt->ctx->code_sender = rt->code_sender.get();
    return rt;
}

std::optional<core::auth::Actor> OperatorActor(Runtime& rt, core::auth::Role role) {
    std::optional<core::auth::Actor> actor;
    // System scope: the CLI works for no actor (the operator holds the database).
    (void)rt.db->Read(core::ports::Scope::System(), [&](core::ports::Tx& tx) -> core::Status {
        LX_ASSIGN(roots, tx.Orgs().Roots());
        core::auth::Actor a;
        a.username = a.display_name = "cli";
        a.ip = "local";
        a.request_id = "cli";
        for (const auto& r : roots) a.grants.push_back({0, role, r.id, r.path, r.name});
        if (!roots.empty()) actor = a;
        return core::Ok();
    });
    return actor;
}

int ReportError(const core::Error& e) {
    std::cerr << "error / 错误: " << e.message_key;
    for (const auto& f : e.fields) std::cerr << "  --" << f.field << ": " << f.message_key;
    if (!e.detail.empty()) std::cerr << " (" << e.detail << ")";
    std::cerr << "\n";
    return 1;
}

}  // namespace lianxin::cli
