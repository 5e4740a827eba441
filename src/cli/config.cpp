#include "cli/config.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <filesystem>
#include <functional>
#include <map>

namespace lianxin::cli {

namespace {

using Setter = std::function<bool(Config&, const std::string&)>;

bool ToInt(const std::string& s, long long lo, long long hi, long long& out) {
    auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    return res.ec == std::errc() && res.ptr == s.data() + s.size() && out >= lo && out <= hi;
}

template <typename S, typename F>
Setter IntKey(S Config::*section, F S::*field, long long lo, long long hi) {
    return [=](Config& c, const std::string& v) {
        long long n = 0;
        if (!ToInt(v, lo, hi, n)) return false;
        (c.*section).*field = static_cast<F>(n);
        return true;
    };
}

// A setting of the log-in throttle, in its unit (`scale` milliseconds per unit for the waits).
template <typename F>
Setter ThrottleMillisKey(F core::auth::ThrottlePolicy::*field, long long lo, long long hi, long long scale) {
    return [=](Config& c, const std::string& v) {
        long long n = 0;
        if (!ToInt(v, lo, hi, n)) return false;
        c.security.throttle.*field = static_cast<F>(n * scale);
        return true;
    };
}
template <typename F>
Setter ThrottleKey(F core::auth::ThrottlePolicy::*field, long long lo, long long hi) {
    return ThrottleMillisKey(field, lo, hi, 1);
}

Setter BoolKey(bool http::HttpSettings::*field) {
    return [=](Config& c, const std::string& v) {
        if (v != "true" && v != "false") return false;
        c.http.*field = v == "true";
        return true;
    };
}

// One figure of a request budget: a rate (0 = no limit) or a burst (at least 1), both at most 10^9.
Setter LimitKey(core::RatePolicy app::RateLimits::*budget, std::int64_t core::RatePolicy::*figure, long long lo) {
    return [=](Config& c, const std::string& v) {
        long long n = 0;
        if (!ToInt(v, lo, 1'000'000'000, n)) return false;
        (c.limits.*budget).*figure = n;
        return true;
    };
}

const std::map<std::string, Setter>& Keys() {
    static const std::map<std::string, Setter> kKeys{
        {"server.address",
         [](Config& c, const std::string& v) {
             c.server.address = v;
             return !v.empty();
         }},
        {"server.port", IntKey(&Config::server, &http::ServerOptions::port, 1, 65535)},
        {"server.threads", IntKey(&Config::server, &http::ServerOptions::threads, 1, 256)},
        {"server.max_connections", IntKey(&Config::server, &http::ServerOptions::max_connections, 1, 100000)},
        {"server.static_dir",
         [](Config& c, const std::string& v) {
             c.http.static_dir = v;
             return true;
         }},
        {"server.cookie_secure", BoolKey(&http::HttpSettings::cookie_secure)},
        {"server.max_body_bytes", IntKey(&Config::http, &http::HttpSettings::max_body_bytes, 1024, 64LL << 20)},
        {"server.max_upload_bytes", IntKey(&Config::http, &http::HttpSettings::max_upload_bytes, 1024, 64LL << 20)},
        {"server.public_url",
         [](Config& c, const std::string& v) {
             c.public_url = v;
             return true;
         }},
        {"server.admin_allow",
         [](Config& c, const std::string& v) {
             c.http.admin_allow.clear();
             size_t i = 0;
             while (i <= v.size() && !v.empty()) {
                 size_t j = v.find(',', i);
                 if (j == std::string::npos) j = v.size();
                 if (j > i) c.http.admin_allow.push_back(v.substr(i, j - i));
                 i = j + 1;
             }
             return true;
         }},
        {"otp.sender",
         [](Config& c, const std::string& v) {
             c.otp.sender = v;
             return v == "none" || v == "sink" || v == "gateway";
         }},
        {"otp.gateway_url",
         [](Config& c, const std::string& v) {
             c.otp.gateway_url = v;
             return v.empty() || v.rfind("http://", 0) == 0;
         }},
        {"otp.gateway_timeout_ms", IntKey(&Config::otp, &OtpSettings::gateway_timeout_ms, 100, 60000)},
        {"map.tile_url",
         [](Config& c, const std::string& v) {
             c.http.map_tile_url = v;
             return true;
         }},
        {"map.tile_crs",
         [](Config& c, const std::string& v) {
             c.http.map_tile_crs = v;
             return v == "wgs84" || v == "gcj02";
         }},
        {"map.attribution",
         [](Config& c, const std::string& v) {
             c.http.map_attribution = v;
             return true;
         }},
        {"database.url",
         [](Config& c, const std::string& v) {
             c.database.url = v;
             return !v.empty();
         }},
        {"database.pool_size", IntKey(&Config::database, &storage::DatabaseOptions::pool_size, 1, 256)},
        {"database.busy_timeout_ms", IntKey(&Config::database, &storage::DatabaseOptions::busy_timeout_ms, 0, 600000)},
        {"database.sqlite_synchronous",
         [](Config& c, const std::string& v) {
             c.database.sqlite_synchronous = v;
             return v == "FULL" || v == "NORMAL" || v == "EXTRA";
         }},
        {"security.key_file",
         [](Config& c, const std::string& v) {
             c.key_file = v;
             return !v.empty();
         }},
        {"security.audit_checkpoint_file",
         [](Config& c, const std::string& v) {
             c.audit_checkpoint_file = v;
             return !v.empty();
         }},
        {"security.audit_checkpoint_seconds",
         [](Config& c, const std::string& v) {
             long long n = 0;
             if (!ToInt(v, 1, 3600, n)) return false;
             c.audit_checkpoint_seconds = static_cast<int>(n);
             return true;
         }},
        {"security.password_min_length",
         [](Config& c, const std::string& v) {
             long long n = 0;
             if (!ToInt(v, 12, 128, n)) return false;  // ASVS 2.1.1: never below 12
             c.security.password.min_length = static_cast<int>(n);
             return true;
         }},
        {"security.lockout_failures",
         [](Config& c, const std::string& v) {
             long long n = 0;
             if (!ToInt(v, 3, 20, n)) return false;
             c.security.lockout.max_failures = static_cast<int>(n);
             return true;
         }},
        {"security.lockout_minutes",
         [](Config& c, const std::string& v) {
             long long n = 0;
             if (!ToInt(v, 1, 24 * 60, n)) return false;
             c.security.lockout.lock_millis = n * 60'000;
             return true;
         }},
        // Log-in throttling (core/auth/throttle.hpp): free failures per name and address, per address, and the waits.
        {"security.login_free_failures", ThrottleKey(&core::auth::ThrottlePolicy::free_failures, 3, 20)},
        {"security.login_address_free_failures",
         ThrottleKey(&core::auth::ThrottlePolicy::address_free_failures, 5, 100000)},
        {"security.login_first_delay_seconds",
         ThrottleMillisKey(&core::auth::ThrottlePolicy::first_delay_millis, 1, 3600, 1000)},
        {"security.login_max_delay_minutes",
         ThrottleMillisKey(&core::auth::ThrottlePolicy::max_delay_millis, 1, 24 * 60, 60'000)},
        {"security.session_idle_minutes",
         [](Config& c, const std::string& v) {
             long long n = 0;
             if (!ToInt(v, 1, 30, n)) return false;  // ASVS 3.3.2: at most 30 min idle
             c.security.session.idle_millis = n * 60'000;
             return true;
         }},
        {"security.session_absolute_hours",
         [](Config& c, const std::string& v) {
             long long n = 0;
             if (!ToInt(v, 1, 12, n)) return false;
             c.security.session.absolute_millis = n * 3'600'000;
             return true;
         }},
        {"limits.session_reads_per_minute", LimitKey(&app::RateLimits::session_reads, &core::RatePolicy::refill, 0)},
        {"limits.session_read_burst", LimitKey(&app::RateLimits::session_reads, &core::RatePolicy::burst, 1)},
        {"limits.session_writes_per_minute", LimitKey(&app::RateLimits::session_writes, &core::RatePolicy::refill, 0)},
        {"limits.session_write_burst", LimitKey(&app::RateLimits::session_writes, &core::RatePolicy::burst, 1)},
        {"limits.address_reads_per_minute", LimitKey(&app::RateLimits::address_reads, &core::RatePolicy::refill, 0)},
        {"limits.address_read_burst", LimitKey(&app::RateLimits::address_reads, &core::RatePolicy::burst, 1)},
        {"limits.address_writes_per_minute", LimitKey(&app::RateLimits::address_writes, &core::RatePolicy::refill, 0)},
        {"limits.address_write_burst", LimitKey(&app::RateLimits::address_writes, &core::RatePolicy::burst, 1)},
        {"limits.import_preview_rows_per_hour",
         LimitKey(&app::RateLimits::import_preview_rows, &core::RatePolicy::refill, 0)},
        {"limits.import_preview_row_burst",
         LimitKey(&app::RateLimits::import_preview_rows, &core::RatePolicy::burst, 1)},
        {"log.level",
         [](Config& c, const std::string& v) {
             c.log_level = v;
             return v == "debug" || v == "info" || v == "warn" || v == "error";
         }},
    };
    return kKeys;
}

void Apply(Config& c, const std::string& key, const std::string& value, std::vector<ConfigError>& errors,
           const std::string& origin) {
    auto it = Keys().find(key);
    if (key.rfind("policy.", 0) == 0) {
        // Local rules left the configuration for the policy store (issue 16): per org subtree and date.
        errors.push_back({origin,
                          "policies are set per org and date: lianxin policy set KEY VALUE --org-id N --from DATE "
                          "--doc TEXT (lianxin policy list) / 政策参数已移至政策库，请用 lianxin policy set 设定"});
        return;
    }
    if (it == Keys().end()) {
        errors.push_back({origin, "unknown key / 未知配置项"});
        return;
    }
    if (!it->second(c, value)) errors.push_back({origin, "bad value / 配置值无效: '" + value + "'"});
}

}  // namespace

std::string Config::PublicUrl() const {
    if (!public_url.empty()) return public_url;
    std::string host = server.address == "0.0.0.0" || server.address == "127.0.0.1" ? "localhost" : server.address;
    return "http://" + host + ":" + std::to_string(server.port);
}

std::string Config::CheckpointPath() const {
    if (!audit_checkpoint_file.empty()) return audit_checkpoint_file;
    auto dir = std::filesystem::path(key_file).parent_path();
    return (dir / "audit-checkpoint").string();
}

Config DefaultConfig() {
    Config c;
    c.database.url = "sqlite:data/lianxin.db";
    c.http.static_dir = "web/dist";
    return c;
}

std::vector<ConfigError> LoadConfig(const std::string& path, char** envp, Config& config) {
    std::vector<ConfigError> errors;
    if (!path.empty()) {
        try {
            YAML::Node root = YAML::LoadFile(path);
            if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
                errors.push_back({path, "the file must be a mapping of sections / 配置文件应为分节的映射"});
                return errors;
            }
            for (const auto& section : root) {
                std::string s = section.first.as<std::string>();
                if (!section.second.IsMap()) {
                    errors.push_back({s, "must be a section / 应为一个配置节"});
                    continue;
                }
                for (const auto& kv : section.second) {
                    std::string key = s + "." + kv.first.as<std::string>();
                    std::string value;
                    if (kv.second.IsSequence()) {
                        for (const auto& item : kv.second) value += (value.empty() ? "" : ",") + item.as<std::string>();
                    } else if (kv.second.IsScalar()) {
                        value = kv.second.as<std::string>();
                    } else {
                        errors.push_back({key, "must be a value / 应为一个值"});
                        continue;
                    }
                    Apply(config, key, value, errors, key);
                }
            }
        } catch (const YAML::Exception& e) {
            errors.push_back({path, std::string("cannot read / 无法读取: ") + e.what()});
        }
    }
    static const std::string kPrefix = "LIANXIN_";
    for (char** e = envp; e && *e; ++e) {
        std::string kv = *e;
        if (kv.rfind(kPrefix, 0) != 0) continue;
        size_t eq = kv.find('=');
        std::string name = kv.substr(0, eq), value = eq == std::string::npos ? "" : kv.substr(eq + 1);
        std::string rest = name.substr(kPrefix.size());
        size_t us = rest.find('_');
        if (us == std::string::npos) continue;
        std::string section = rest.substr(0, us), key = rest.substr(us + 1);
        for (auto& ch : section) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        for (auto& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        // Only the configuration sections are ours; other LIANXIN_* variables belong to tools and tests.
        if (section != "server" && section != "database" && section != "security" && section != "limits" &&
            section != "log" && section != "otp" && section != "map")
            continue;
        Apply(config, section + "." + key, value, errors, name);
    }
    return errors;
}

}  // namespace lianxin::cli
