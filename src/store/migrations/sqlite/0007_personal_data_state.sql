-- 0007: "processes personal data" gets three answers: 'yes', 'no' and 'unknown'
-- (not answered yet), issue 6. A checkbox could not tell "no" from "nobody has
-- answered", so a newly recorded tool claimed "no personal data", also in the
-- public register.
--
-- SQLite cannot change the CHECK constraint of tools.personal_data, so both
-- engines get a new column. Backfill: a ticked box (1) was a real "yes"; an
-- unticked one (0) may never have been answered, so it becomes 'unknown', not
-- 'no'. Organisations answer "no" again where they mean it (docs/public-register.md).
--
-- The old column tools.personal_data is no longer read. It stays (NOT NULL) and
-- the store keeps writing 1 for 'yes' and 0 otherwise; binaries older than this
-- migration refuse the newer schema anyway.
ALTER TABLE tools ADD COLUMN personal_data_state TEXT NOT NULL DEFAULT 'unknown'
  CHECK (personal_data_state IN ('unknown', 'no', 'yes'));
UPDATE tools SET personal_data_state = 'yes' WHERE personal_data = 1 OR special_categories = 1;
