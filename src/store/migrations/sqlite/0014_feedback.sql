-- 0014: feedback from the people a tool affects (issue 27).
-- Anonymous by construction: an item has its text, category, state, the
-- org's reply and the day it came in, never a time, an address, a user agent,
-- a session or an account. The pickup code is stored only as its hash (also
-- when no answer is wanted: it tells a form sent twice from a new one); a
-- contact address lives in its own table and goes when the item is closed.
-- Ids never come back after a delete (AUTOINCREMENT): a reply's address is
-- its pickup code, a member's link its id.
CREATE TABLE feedback_channels (
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
  PRIMARY KEY (org_id, tool_id)
);

CREATE TABLE feedback_settings (
  org_id INTEGER PRIMARY KEY REFERENCES orgs (id),
  counts_public INTEGER NOT NULL DEFAULT 0 CHECK (counts_public IN (0, 1))
);

CREATE TABLE feedback_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  tool_id INTEGER NOT NULL REFERENCES tools (id),
  text TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('none', 'unfair', 'excluded', 'cannot_use', 'privacy', 'other')),
  received_on TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('new', 'read', 'answered', 'acted_on', 'closed')),
  pickup_hash TEXT NOT NULL UNIQUE,
  wants_answer INTEGER NOT NULL CHECK (wants_answer IN (0, 1)),
  reply TEXT NOT NULL DEFAULT '',
  replied_on TEXT,
  risk_id INTEGER REFERENCES risks (id) ON DELETE SET NULL,
  action_item_id INTEGER REFERENCES action_items (id) ON DELETE SET NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX feedback_items_org ON feedback_items (org_id, id);
CREATE INDEX feedback_items_tool ON feedback_items (org_id, tool_id, id);

CREATE TABLE feedback_contacts (
  feedback_id INTEGER PRIMARY KEY REFERENCES feedback_items (id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  contact TEXT NOT NULL
);
