-- 0002: the AI tool register (issue 6). Tools move through phases only by
-- decisions (core/tool_phase.h); decisions, their principle notes and red-line
-- confirmations are append-only history. Dates are civil days 'YYYY-MM-DD';
-- times are Unix seconds (UTC). Every table carries org_id.
ALTER TABLE orgs ADD COLUMN review_interval_months INTEGER NOT NULL DEFAULT 6
  CHECK (review_interval_months BETWEEN 1 AND 36);

CREATE TABLE tools (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  name TEXT NOT NULL,
  vendor TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  target_groups TEXT NOT NULL DEFAULT '',
  hosting TEXT CHECK (hosting IN ('vendor_cloud', 'eu_cloud', 'self_hosted', 'on_device')),
  openness TEXT CHECK (openness IN ('closed', 'open_weights', 'open_source')),
  data_processed TEXT NOT NULL DEFAULT '',
  personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data IN (0, 1)),
  special_categories INTEGER NOT NULL DEFAULT 0 CHECK (special_categories IN (0, 1)),
  affected_users TEXT NOT NULL DEFAULT '',
  affected_non_users TEXT NOT NULL DEFAULT '',
  affected_groups TEXT NOT NULL DEFAULT '',
  cost TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  links_json TEXT NOT NULL DEFAULT '[]',
  phase TEXT NOT NULL CHECK (phase IN ('idea', 'selection', 'pilot', 'in_use', 'evaluation',
                                       'retired', 'rejected')),
  next_review TEXT,
  is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
  public_summary TEXT NOT NULL DEFAULT '',
  human_oversight TEXT NOT NULL DEFAULT '',
  risks TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tools_org ON tools (org_id, id);
CREATE INDEX tools_review ON tools (org_id, next_review);

CREATE TABLE red_lines (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  text TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX red_lines_org ON red_lines (org_id, id);

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  kind TEXT NOT NULL CHECK (kind IN ('explore', 'pilot', 'adopt', 'evaluate', 'continue',
                                     'retire', 'reject')),
  from_phase TEXT NOT NULL,
  to_phase TEXT NOT NULL,
  rationale TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX decisions_tool ON decisions (org_id, tool_id, id);

CREATE TABLE decision_principles (
  decision_id INTEGER NOT NULL REFERENCES decisions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  principle INTEGER NOT NULL CHECK (principle BETWEEN 1 AND 8),
  how TEXT NOT NULL,
  PRIMARY KEY (decision_id, principle)
);

-- The red line's text is copied: the record keeps what was confirmed.
CREATE TABLE decision_red_lines (
  decision_id INTEGER NOT NULL REFERENCES decisions (id),
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  red_line_id INTEGER NOT NULL REFERENCES red_lines (id),
  text TEXT NOT NULL,
  PRIMARY KEY (decision_id, red_line_id)
);
