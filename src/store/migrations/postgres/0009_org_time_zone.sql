-- 0009: each organisation's time zone (issue 22). Pages show the times of
-- reviews and of the audit log in it instead of UTC. An IANA id such as 'Europe/Berlin' (the default,
-- also for every existing org); the web layer accepts only ids that ICU's
-- zone database knows, the store checks the shape (store/validation.h).
ALTER TABLE orgs ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Berlin';
