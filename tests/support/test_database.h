// Which store the web and CLI integration tests run on. By default SQLite in
// each test's own data directory. Under tests/store/with-pg-cluster (which sets
// SOLIPRAXIS_TEST_DATABASE to the throwaway cluster's URL) every test, and every
// test suite's shared set-up, gets a fresh schema of its own there: stores the
// test opens in process use test_store_config(), and every `solipraxis` the
// test starts finds the same database in SOLIPRAXIS_DATABASE.
// Linking this library is enough: a gtest listener does the switching.
#pragma once

#include <string>

#include "store/store.h"

namespace solipraxis::testing {

// The current test's postgresql:// URL, or "" on SQLite.
std::string test_database();
bool on_postgres();
// The StoreConfig for a store in `data_dir` (SQLite) or the current test's database.
store::StoreConfig test_store_config(const std::string& data_dir, bool migrate = true);

}  // namespace solipraxis::testing
