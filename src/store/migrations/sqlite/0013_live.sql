-- 0013: live sessions (issue 25) and action items in a tool's record.
-- Anonymous by construction: no table of a session's room holds a user id,
-- an address, a user agent or the time a card was written. owner_hash,
-- voter_hash and key_hash are keyed hashes under a key only the participant's
-- browser holds (store/live.h). Ids never come back after a delete
-- (AUTOINCREMENT): an event id is a resume point, a card id a reference.
CREATE TABLE live_sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  kind TEXT NOT NULL CHECK (kind IN ('retro', 'workshop')),
  method_id TEXT NOT NULL,
  catalog_version INTEGER NOT NULL,
  title TEXT NOT NULL,
  vote_budget INTEGER NOT NULL CHECK (vote_budget BETWEEN 1 AND 20),
  hide_cards INTEGER NOT NULL CHECK (hide_cards IN (0, 1)),
  state TEXT NOT NULL CHECK (state IN ('draft', 'running', 'ended')),
  join_code TEXT NOT NULL UNIQUE,
  current_step INTEGER NOT NULL DEFAULT -1,
  timer_started_at INTEGER NOT NULL DEFAULT 0,
  timer_duration INTEGER NOT NULL DEFAULT 0,
  timer_paused_at INTEGER,
  timer_paused_total INTEGER NOT NULL DEFAULT 0,
  review_date TEXT,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  ended_at INTEGER
);
CREATE INDEX live_sessions_org ON live_sessions (org_id, id);

CREATE TABLE live_session_tools (
  session_id INTEGER NOT NULL REFERENCES live_sessions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (session_id, tool_id)
);
CREATE INDEX live_session_tools_tool ON live_session_tools (org_id, tool_id);

CREATE TABLE live_steps (
  session_id INTEGER NOT NULL REFERENCES live_sessions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  position INTEGER NOT NULL,
  catalog_id TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  prompts_json TEXT NOT NULL DEFAULT '[]',
  columns_json TEXT NOT NULL DEFAULT '[]',
  duration INTEGER NOT NULL DEFAULT 0,
  revealed INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1)),
  notes TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (session_id, position)
);

CREATE TABLE live_clusters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES live_sessions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  step INTEGER NOT NULL,
  name TEXT NOT NULL
);
CREATE INDEX live_clusters_session ON live_clusters (session_id);

CREATE TABLE live_cards (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES live_sessions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  step INTEGER NOT NULL,
  column_id TEXT NOT NULL,
  text TEXT NOT NULL,
  hidden INTEGER NOT NULL CHECK (hidden IN (0, 1)),
  owner_salt TEXT NOT NULL,
  owner_hash TEXT NOT NULL,
  cluster_id INTEGER REFERENCES live_clusters (id) ON DELETE SET NULL,
  votes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX live_cards_session ON live_cards (session_id, step, id);

CREATE TABLE live_votes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES live_sessions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  card_id INTEGER NOT NULL REFERENCES live_cards (id) ON DELETE CASCADE,
  voter_hash TEXT NOT NULL
);
CREATE INDEX live_votes_session ON live_votes (session_id, voter_hash);
CREATE INDEX live_votes_card ON live_votes (card_id);

CREATE TABLE live_participants (
  session_id INTEGER NOT NULL REFERENCES live_sessions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  key_hash TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (session_id, key_hash)
);

CREATE TABLE live_actions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES live_sessions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  text TEXT NOT NULL,
  responsible INTEGER REFERENCES users (id) ON DELETE SET NULL,
  due TEXT
);
CREATE INDEX live_actions_session ON live_actions (session_id, id);

CREATE TABLE live_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id INTEGER NOT NULL REFERENCES live_sessions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  type TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX live_events_session ON live_events (session_id, id);

CREATE TABLE action_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  text TEXT NOT NULL,
  responsible INTEGER REFERENCES users (id) ON DELETE SET NULL,
  due TEXT,
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  session_id INTEGER REFERENCES live_sessions (id),
  created_at INTEGER NOT NULL,
  done_at INTEGER
);
CREATE INDEX action_items_tool ON action_items (org_id, tool_id, done);
