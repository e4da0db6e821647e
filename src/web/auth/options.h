// Settings of the accounts layer, chosen by `solipraxis serve` (see auth.h).
#pragma once

#include <string>

#include "web/auth/rate_limiter.h"
#include "web/auth/session.h"

namespace solipraxis::web::auth {

struct AuthOptions {
  SessionOptions session;
  LimitPolicy account_limit{5, 15 * 60};  // failed sign-ins per e-mail address
  LimitPolicy ip_limit{20, 15 * 60};      // failed sign-ins per client address
  // Trust X-Forwarded-Proto / X-Forwarded-For from the reverse proxy in front
  // (serve --trust-proxy): cookies get Secure, rate limits see the real client.
  bool trust_proxy = false;
  // Seals open invitation links so owners can see them again (store::seal).
  // serve reads it from --link-key-file; "" = a random key for this process only
  // (tests): links made before a restart then cannot be shown again.
  std::string link_key;
};

}  // namespace solipraxis::web::auth
