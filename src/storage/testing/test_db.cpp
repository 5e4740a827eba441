#include "storage/testing/test_db.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace lianxin::storage::testing {

std::vector<std::string> Backends() {
    std::vector<std::string> b{"sqlite", "sqlite-file"};
    const char* pg = std::getenv("LIANXIN_TEST_PG");
    if (pg && *pg) b.push_back("postgres");
    return b;
}

TestDb::~TestDb() {
    db.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
}

std::unique_ptr<TestDb> OpenTestDb(const std::string& backend) {
    crypto::InitCrypto();
    auto t = std::make_unique<TestDb>();
    crypto::MasterKey key{};
    for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(i * 7 + 1);
    t->cipher = std::make_unique<crypto::SodiumFieldCipher>(key);
    DatabaseOptions opt;
    opt.pool_size = 2;
    opt.sqlite_synchronous = "NORMAL";
    if (backend == "sqlite") {
        opt.url = "sqlite::memory:";
    } else if (backend == "sqlite-file") {
        char tmpl[] = "/tmp/lxtest.XXXXXX";
        if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
        t->dir = tmpl;
        opt.url = "sqlite:" + t->dir + "/test.db";
    } else {
        opt.url = std::getenv("LIANXIN_TEST_PG");
    }
    auto db = OpenDatabase(opt, *t->cipher, t->crypto);
    if (!db) throw std::runtime_error("cannot open test database: " + db.error().detail);
    t->db = std::move(*db);
    if (backend == "postgres") {
        auto st = t->db->RawScript("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        if (!st) throw std::runtime_error("cannot reset schema: " + st.error().detail);
    }
    auto ran = t->db->Migrate(0);
    if (!ran) throw std::runtime_error("migration failed: " + ran.error().detail);
    return t;
}

}  // namespace lianxin::storage::testing
