-- 0008: an invitation link can be shown again (issue 22). Until now only the
-- token's hash was stored, so the link was shown once and lost with the tab.
-- token_sealed holds the token encrypted with the server's link key
-- (XSalsa20-Poly1305, libsodium secretbox; the key lives outside the database,
-- docs/deploy.md), so a copy of the database alone opens no invitation. The
-- store empties it when the link is used; a revoked invitation is deleted.
-- Invitations made before this migration keep '' and cannot be shown again.
ALTER TABLE invites ADD COLUMN token_sealed TEXT NOT NULL DEFAULT '';
