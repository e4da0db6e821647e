-- 0003: per-org settings of the solidary prompt checker (Prompt-Werkstatt).
-- One row per org; no row means the defaults. accepted_words is a JSON array
-- of strings (exact spellings the org accepts).
CREATE TABLE checker_settings (
  org_id INTEGER PRIMARY KEY REFERENCES orgs (id),
  role TEXT NOT NULL DEFAULT '',
  org_values TEXT NOT NULL DEFAULT '',
  sector TEXT NOT NULL DEFAULT '',
  style TEXT NOT NULL DEFAULT 'colon' CHECK (style IN ('colon', 'star', 'pair', 'neutral')),
  accepted_words TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL
);
