-- Control statuses and scores as an assessor reads them: PASS_WAIVED is counted apart from PASS,
-- the verified share (PASS by checks alone) is kept beside the control score, a framework with
-- nothing in scope is flagged instead of scored, and the resource score is kept per severity.
ALTER TABLE framework_score ADD COLUMN controls_pass_waived INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN verified_controls INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN scope_empty BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE framework_score ADD COLUMN findings_na INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN critical_passing INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN critical_total INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN high_passing INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN high_total INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN medium_passing INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN medium_total INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN low_passing INT DEFAULT 0 NOT NULL;
ALTER TABLE framework_score ADD COLUMN low_total INT DEFAULT 0 NOT NULL;

-- Scores stored before left UNKNOWN and ERROR controls out of the denominator; count them now.
-- Their PASS may have rested on waivers, so none of it is claimed as verified.
UPDATE framework_score
SET assessable_controls = controls_pass + controls_fail + controls_unknown + controls_error
        + controls_needs_attestation + controls_attested;

-- Why a control is NOT_APPLICABLE, or what the checks of a hybrid control covered.
ALTER TABLE control_result ADD COLUMN note VARCHAR(1000);
