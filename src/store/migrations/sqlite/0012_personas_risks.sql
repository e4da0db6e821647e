-- 0012: personas and the vulnerability risk matrix (issue 24). An org's
-- personas (attributes after the paper; '' is "not said"), the personas a
-- tool's risk work draws on, and per tool its risks with every placement on
-- the matrix kept as history. Every table carries org_id; a link between two
-- org-owned rows repeats it, so a row of another org cannot be named.
CREATE TABLE personas (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  name TEXT NOT NULL,
  story TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '' CHECK (place IN ('', 'city', 'town', 'rural')),
  origin TEXT NOT NULL DEFAULT '',
  languages_json TEXT NOT NULL DEFAULT '[]',
  age INTEGER CHECK (age BETWEEN 0 AND 120),
  gender TEXT NOT NULL DEFAULT ''
    CHECK (gender IN ('', 'woman', 'man', 'non_binary', 'self_described')),
  gender_text TEXT NOT NULL DEFAULT '',
  skills TEXT NOT NULL DEFAULT '' CHECK (skills IN ('', 'low', 'medium', 'high')),
  device TEXT NOT NULL DEFAULT ''
    CHECK (device IN ('', 'smartphone', 'computer', 'shared', 'none')),
  connectivity TEXT NOT NULL DEFAULT '' CHECK (connectivity IN ('', 'good', 'unstable', 'none')),
  use_likelihood TEXT NOT NULL DEFAULT ''
    CHECK (use_likelihood IN ('', 'likely', 'maybe', 'unlikely', 'will_not', 'cannot')),
  tags_json TEXT NOT NULL DEFAULT '[]',
  example_id TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (org_id, id)
);
CREATE INDEX personas_org ON personas (org_id, name);

CREATE TABLE tool_personas (
  org_id INTEGER NOT NULL,
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  persona_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tool_id, persona_id),
  FOREIGN KEY (org_id, persona_id) REFERENCES personas (org_id, id) ON DELETE CASCADE
);
CREATE INDEX tool_personas_persona ON tool_personas (org_id, persona_id);

CREATE TABLE risks (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  description TEXT NOT NULL,
  group_text TEXT NOT NULL DEFAULT '',
  affected TEXT NOT NULL CHECK (affected IN ('users', 'non_users', 'both')),
  likelihood TEXT NOT NULL CHECK (likelihood IN ('low', 'medium', 'high')),
  impact TEXT NOT NULL CHECK (impact IN ('low', 'medium', 'high')),
  mitigation TEXT NOT NULL DEFAULT '',
  owner_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  due TEXT,
  state TEXT NOT NULL CHECK (state IN ('open', 'mitigated', 'accepted')),
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (org_id, id)
);
CREATE INDEX risks_tool ON risks (org_id, tool_id);

CREATE TABLE risk_personas (
  org_id INTEGER NOT NULL,
  risk_id INTEGER NOT NULL,
  persona_id INTEGER NOT NULL,
  PRIMARY KEY (risk_id, persona_id),
  FOREIGN KEY (org_id, risk_id) REFERENCES risks (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, persona_id) REFERENCES personas (org_id, id)
);
CREATE INDEX risk_personas_persona ON risk_personas (org_id, persona_id);

CREATE TABLE risk_assessments (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  risk_id INTEGER NOT NULL,
  likelihood TEXT NOT NULL CHECK (likelihood IN ('low', 'medium', 'high')),
  impact TEXT NOT NULL CHECK (impact IN ('low', 'medium', 'high')),
  reason TEXT NOT NULL DEFAULT '',
  by_user INTEGER REFERENCES users (id) ON DELETE SET NULL,
  assessed_at INTEGER NOT NULL,
  FOREIGN KEY (org_id, risk_id) REFERENCES risks (org_id, id) ON DELETE CASCADE
);
CREATE INDEX risk_assessments_risk ON risk_assessments (org_id, risk_id, id);
