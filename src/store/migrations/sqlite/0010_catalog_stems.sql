-- 0010: catalog search finds word forms on SQLite too (issue 22): "Überwachung"
-- finds "überwacht" as on PostgreSQL, whose german/english tsvector stems.
--
-- One FTS5 index per language, so each row is stemmed in its own language:
-- the tokenizer solipraxis_stem (src/store/sqlite/stem_tokenizer.h, registered
-- on every connection) indexes each folded word and, where prefix search needs
-- it, the word's Snowball stem at the same position. The old prefix-only index
-- and its triggers go; the new indexes are filled from catalog_docs, the base
-- catalog's rows and every org's own entries alike.
DROP TRIGGER catalog_docs_insert;
DROP TRIGGER catalog_docs_delete;
DROP TABLE catalog_fts;

CREATE VIRTUAL TABLE catalog_fts_de USING fts5(
  title, body, content = 'catalog_docs', content_rowid = 'id', tokenize = 'solipraxis_stem de');
CREATE VIRTUAL TABLE catalog_fts_en USING fts5(
  title, body, content = 'catalog_docs', content_rowid = 'id', tokenize = 'solipraxis_stem en');

CREATE TRIGGER catalog_docs_insert_de AFTER INSERT ON catalog_docs WHEN new.lang = 'de' BEGIN
  INSERT INTO catalog_fts_de (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER catalog_docs_insert_en AFTER INSERT ON catalog_docs WHEN new.lang = 'en' BEGIN
  INSERT INTO catalog_fts_en (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER catalog_docs_delete_de AFTER DELETE ON catalog_docs WHEN old.lang = 'de' BEGIN
  INSERT INTO catalog_fts_de (catalog_fts_de, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER catalog_docs_delete_en AFTER DELETE ON catalog_docs WHEN old.lang = 'en' BEGIN
  INSERT INTO catalog_fts_en (catalog_fts_en, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
END;

INSERT INTO catalog_fts_de (rowid, title, body)
  SELECT id, title, body FROM catalog_docs WHERE lang = 'de' ORDER BY id;
INSERT INTO catalog_fts_en (rowid, title, body)
  SELECT id, title, body FROM catalog_docs WHERE lang = 'en' ORDER BY id;
