-- Issue 13, finding 5 (accounts): API tokens expire. (V10 is left to the label idempotency key
-- being built alongside.)
-- Every API token has an expiry (auth.TokenStore: 90 days by default, at most 365). Tokens made
-- before this migration had none: they are given 90 days from the upgrade, so that no script stops
-- at once and none works for ever. NULL would mean "never" to the code, but nothing writes it.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
UPDATE api_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days') WHERE expires_at IS NULL;
