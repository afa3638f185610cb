-- An engineer's API token works the remediation items of one team, like an engineer's account.
ALTER TABLE api_token ADD COLUMN team VARCHAR(64);
