-- 0005: the secret of an org's calendar feed of review dates (issue 6).
-- Calendar apps cannot sign in, so the feed URL carries a random secret; only
-- its hash is kept. One row per org; replacing the row rotates the secret.
CREATE TABLE review_feeds (
  org_id BIGINT PRIMARY KEY REFERENCES orgs (id),
  secret_hash TEXT NOT NULL UNIQUE,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
