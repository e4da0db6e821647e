#include "store/sqlite/stem_tokenizer.h"

#include <sqlite3.h>

#include <memory>
#include <string>

#include "store/stem.h"

namespace solipraxis::store::sqlite {
namespace {

// One instance per FTS5 table and connection; SQLite never uses a connection
// from two threads at once here, so an instance needs no lock.
struct StemTokenizer {
  fts5_tokenizer inner{};            // unicode61's methods
  Fts5Tokenizer* inner_tok = nullptr;
  std::string lang;
};

struct TokenCtx {
  const StemTokenizer* self;
  void* outer_ctx;
  int (*outer_token)(void*, int, const char*, int, int, int);
};

int on_token(void* p, int tflags, const char* token, int n, int start, int end) {
  auto* ctx = static_cast<TokenCtx*>(p);
  int rc = ctx->outer_token(ctx->outer_ctx, tflags, token, n, start, end);
  if (rc != SQLITE_OK) return rc;
  const std::string_view word(token, static_cast<std::size_t>(n));
  const std::string s = stem(ctx->self->lang, word);
  if (!index_stem(ctx->self->lang, word, s)) return SQLITE_OK;
  return ctx->outer_token(ctx->outer_ctx, FTS5_TOKEN_COLOCATED, s.data(),
                          static_cast<int>(s.size()), start, end);
}

fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

int create(void* api_ptr, const char** args, int nargs, Fts5Tokenizer** out) {
  if (nargs != 1 || (std::string_view(args[0]) != "de" && std::string_view(args[0]) != "en")) {
    return SQLITE_ERROR;
  }
  auto* api = static_cast<fts5_api*>(api_ptr);
  auto tok = std::make_unique<StemTokenizer>();
  tok->lang = args[0];
  void* inner_ctx = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &inner_ctx, &tok->inner);
  if (rc != SQLITE_OK) return rc;
  const char* inner_args[] = {"remove_diacritics", "2"};
  rc = tok->inner.xCreate(inner_ctx, inner_args, 2, &tok->inner_tok);
  if (rc != SQLITE_OK) return rc;
  *out = reinterpret_cast<Fts5Tokenizer*>(tok.release());
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* p) {
  std::unique_ptr<StemTokenizer> tok(reinterpret_cast<StemTokenizer*>(p));
  if (tok->inner_tok) tok->inner.xDelete(tok->inner_tok);
}

int tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n,
             int (*token)(void*, int, const char*, int, int, int)) {
  auto* self = reinterpret_cast<StemTokenizer*>(p);
  if (flags & FTS5_TOKENIZE_QUERY) return self->inner.xTokenize(self->inner_tok, ctx, flags, text, n, token);
  TokenCtx wrapped{self, ctx, token};
  return self->inner.xTokenize(self->inner_tok, &wrapped, flags, text, n, on_token);
}

}  // namespace

core::Status register_stem_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_of(db);
  if (api == nullptr || api->iVersion < 2) {
    return core::make_error(core::ErrorCode::kUnavailable, "error.store.unavailable",
                            "SQLite has no FTS5 (needed for catalog search)");
  }
  fts5_tokenizer methods{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "solipraxis_stem", api, &methods, nullptr) != SQLITE_OK) {
    return core::make_error(core::ErrorCode::kUnavailable, "error.store.unavailable",
                            std::string("cannot register the FTS5 tokenizer: ") + sqlite3_errmsg(db));
  }
  return {};
}

}  // namespace solipraxis::store::sqlite
