-- 0006: the terms an org wants the checker to flag (rule inclusive.org-term).
-- A JSON array of {"term": "...", "suggestions": ["..."], "message": "..."},
-- validated by the store (checker_settings.cc) before every write.
ALTER TABLE checker_settings ADD COLUMN org_terms TEXT NOT NULL DEFAULT '[]';
