-- Single sign-on accounts are keyed by the provider's issuer and subject, never by a name the
-- provider lets users choose; a role records where it came from and when it last changed.
ALTER TABLE user_account ADD COLUMN sso_issuer VARCHAR(255);
ALTER TABLE user_account ADD COLUMN sso_subject VARCHAR(255);
ALTER TABLE user_account ADD COLUMN role_source VARCHAR(255);
ALTER TABLE user_account ADD COLUMN role_changed_at TIMESTAMP WITH TIME ZONE;
-- The last sign-in at which the provider's groups still granted a role; API tokens of a
-- single sign-on user stop working when this is too old or cleared.
ALTER TABLE user_account ADD COLUMN sso_confirmed_at TIMESTAMP WITH TIME ZONE;
UPDATE user_account SET role_changed_at = created_at;
ALTER TABLE user_account ADD CONSTRAINT uq_user_account_sso UNIQUE (sso_issuer, sso_subject);
