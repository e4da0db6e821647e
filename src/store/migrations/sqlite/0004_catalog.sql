-- 0004: the practice catalog in the database (issue 5): full-text search over
-- the base catalog and over an org's own entries, and the org's changes to its
-- catalog (own entries, hidden entries, order within a phase).
--
-- catalog_docs holds one row per entry and language with FOLDED text (lower
-- case, no accents or umlauts, ß -> ss; see core/fold.h), so that "Fürsorge",
-- "Fursorge" and "Fuersorge" meet. catalog_fts is an FTS5 index over it (kept in
-- step by triggers). FTS5 has no German stemmer: words match by prefix instead.
-- Base-catalog rows have org_id NULL and their catalog_version; an org's own
-- entries have org_id set and catalog_version 0.
CREATE TABLE catalog_index (
  catalog_version INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  indexed_at INTEGER NOT NULL
);

CREATE TABLE catalog_docs (
  id INTEGER PRIMARY KEY,
  catalog_version INTEGER NOT NULL,
  org_id INTEGER REFERENCES orgs (id),
  entry_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  phase_mask INTEGER NOT NULL DEFAULT 0,
  lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX catalog_docs_version ON catalog_docs (catalog_version, entry_id);
CREATE INDEX catalog_docs_org ON catalog_docs (org_id, entry_id);

CREATE VIRTUAL TABLE catalog_fts USING fts5(
  title, body, content = 'catalog_docs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER catalog_docs_insert AFTER INSERT ON catalog_docs BEGIN
  INSERT INTO catalog_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER catalog_docs_delete AFTER DELETE ON catalog_docs BEGIN
  INSERT INTO catalog_fts (catalog_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TABLE catalog_org_entries (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  kind TEXT NOT NULL CHECK (kind IN ('question', 'resource')),
  phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 4),
  title_de TEXT NOT NULL DEFAULT '',
  title_en TEXT NOT NULL DEFAULT '',
  text_de TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX catalog_org_entries_org ON catalog_org_entries (org_id, id);

CREATE TABLE catalog_org_hidden (
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  entry_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, entry_id)
);

CREATE TABLE catalog_org_order (
  org_id INTEGER NOT NULL REFERENCES orgs (id),
  phase INTEGER NOT NULL,
  kind TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (org_id, entry_id)
);
CREATE INDEX catalog_org_order_group ON catalog_org_order (org_id, phase, kind, position);
