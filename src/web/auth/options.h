// Settings of the accounts layer, chosen by `solipraxis serve` (see auth.h).
#pragma once

#include <string>

#include "web/auth/rate_limiter.h"
#include "web/auth/session.h"

namespace solipraxis::web::auth {

struct AuthOptions {
  SessionOptions session;
  // Waits after failed sign-ins (rate_limiter.h): per e-mail address from one
  // client, and per client across all addresses. Never per address alone.
  BackoffPolicy account_client_backoff{.free_failures = 3, .first_delay = 2, .max_delay = 60};
  BackoffPolicy client_backoff{.free_failures = 10, .first_delay = 1, .max_delay = 60};
  // Trust X-Forwarded-Proto / X-Forwarded-For from the reverse proxy in front
  // (serve --trust-proxy): cookies get Secure, rate limits see the real client.
  bool trust_proxy = false;
  // Seals open invitation links so owners can see them again (store::seal).
  // serve reads it from --link-key-file; "" = a random key for this process only
  // (tests): links made before a restart then cannot be shown again.
  std::string link_key;
};

}  // namespace solipraxis::web::auth
