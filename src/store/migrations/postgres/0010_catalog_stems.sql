-- 0010: catalog search finds word forms on SQLite too (issue 22). SQLite gets a
-- stemming FTS5 index (see sqlite/0010). PostgreSQL's tsvector already holds the
-- german/english stems next to the unstemmed words, and the stems of a query are
-- now computed once in C++ (store/stem.h, the same Snowball stemmers) for both
-- engines, so nothing changes here: this migration only keeps the numbers alike.
SELECT 1;
