// Test support: a fresh, migrated database of a named backend. "sqlite" is an in-memory SQLite database;
// "sqlite-file" a WAL file in a temporary directory (separate reader connections); "postgres" the database
// named by LIANXIN_TEST_PG (scripts/pg starts one), its schema reset first. Backends() lists those available.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crypto/sodium_crypto.hpp"
#include "storage/database.hpp"

namespace lianxin::storage::testing {

std::vector<std::string> Backends();

struct TestDb {
    crypto::SodiumCrypto crypto;
    std::unique_ptr<crypto::SodiumFieldCipher> cipher;
    std::unique_ptr<ManagedDatabase> db;
    std::string dir;  // temporary directory of a file database, removed on destruction
    ~TestDb();
};

std::unique_ptr<TestDb> OpenTestDb(const std::string& backend);

}  // namespace lianxin::storage::testing
