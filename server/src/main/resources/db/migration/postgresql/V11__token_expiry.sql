-- PostgreSQL twin of db/migration/sqlite/V11: API tokens expire (existing ones 90 days from the upgrade).
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
UPDATE api_tokens SET expires_at = to_char((now() AT TIME ZONE 'UTC') + INTERVAL '90 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    WHERE expires_at IS NULL;
