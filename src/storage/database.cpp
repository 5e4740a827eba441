#include "storage/database.hpp"

#include "storage/sql/event_dupes_repo.hpp"
#include "storage/sql/rate_repo.hpp"

namespace lianxin::storage {

core::Result<std::unique_ptr<ManagedDatabase>> OpenSqlite(const DatabaseOptions& opt, const std::string& path,
                                                          const core::ports::FieldCipher& cipher,
                                                          const core::ports::Crypto& crypto);
core::Result<std::unique_ptr<ManagedDatabase>> OpenPostgres(const DatabaseOptions& opt, const std::string& conninfo,
                                                            const core::ports::FieldCipher& cipher,
                                                            const core::ports::Crypto& crypto);

bool IsPostgresUrl(const std::string& url) {
    return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0 || url.rfind("postgres:", 0) == 0;
}

core::Result<std::unique_ptr<ManagedDatabase>> OpenDatabase(const DatabaseOptions& opt,
                                                            const core::ports::FieldCipher& cipher,
                                                            const core::ports::Crypto& crypto) {
    RegisterRateRepo();
    RegisterDuplicateRepo();
    const std::string& url = opt.url;
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
        return OpenPostgres(opt, url, cipher, crypto);
    if (url.rfind("postgres:", 0) == 0) return OpenPostgres(opt, url.substr(9), cipher, crypto);
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    if (path.empty()) return core::Fail(core::InvalidField("database.url", "config.database_url"));
    return OpenSqlite(opt, path, cipher, crypto);
}

// The same definitions as the migrations (0001 members_phone, 0005 members_name) on both engines.
core::Status BeginBulkMemberLoad(ManagedDatabase& db) {
    return db.RawScript("DROP INDEX IF EXISTS members_name; DROP INDEX IF EXISTS members_phone;");
}

core::Status EndBulkMemberLoad(ManagedDatabase& db) {
    return db.RawScript(
        "CREATE INDEX IF NOT EXISTS members_name ON members(name, id); "
        "CREATE INDEX IF NOT EXISTS members_phone ON members(phone_bidx);");
}

core::Status SqliteBackupInto(ManagedDatabase& db, const std::string& path) {
    std::string quoted = "'";
    for (char c : path) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    auto done = db.RawQuery("VACUUM INTO " + quoted + "'");
    if (!done) return core::Fail(done.error());
    return core::Ok();
}

SqliteCheck CheckSqlite(ManagedDatabase& db) {
    auto integrity = db.RawQuery("PRAGMA integrity_check");
    auto fk = db.RawQuery("PRAGMA foreign_key_check");
    return {integrity && integrity->size() == 1 && integrity->Text(0, 0) == "ok", fk && fk->empty()};
}

}  // namespace lianxin::storage
