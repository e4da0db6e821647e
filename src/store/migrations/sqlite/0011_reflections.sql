-- 0011: guided reflections (issue 23). A round is one catalog template
-- answered for one tool, named or anonymous; each person's answers in it are
-- one reflection, saved section by section as drafts with a version each.
-- In an anonymous round no row holds a user id for an answer: author_key is
-- 'k:' plus an opaque key the web layer derives; in a named round it is
-- 'u:' plus the user id, and user_id is set.
CREATE TABLE reflection_rounds (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  template_id TEXT NOT NULL,
  catalog_version INTEGER NOT NULL CHECK (catalog_version >= 1),
  anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  followup_after_days INTEGER NOT NULL DEFAULT 0 CHECK (followup_after_days >= 0),
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX reflection_rounds_tool ON reflection_rounds (org_id, tool_id, id);

CREATE TABLE reflections (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  round_id INTEGER NOT NULL REFERENCES reflection_rounds (id),
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  author_key TEXT NOT NULL,
  stage_one_done_at INTEGER,
  stage_two_opens_at INTEGER,
  finished_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (round_id, author_key)
);
CREATE INDEX reflections_round ON reflections (org_id, round_id);

CREATE TABLE reflection_sections (
  reflection_id INTEGER NOT NULL REFERENCES reflections (id) ON DELETE SET NULL,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  section_id TEXT NOT NULL,
  stage INTEGER NOT NULL CHECK (stage IN (1, 2)),
  answers_json TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (reflection_id, section_id)
);
