-- The audit log as a hash chain: each link holds the SHA-256 of one entry's content and of the link
-- before it, so a changed or removed entry breaks the chain where it happened. Links are added just
-- after the entries' transactions commit, in a short transaction of their own (writers of entries
-- never wait for each other); entries written before this migration are linked by the first write.
CREATE TABLE audit_chain (
    seq           BIGINT      NOT NULL PRIMARY KEY,
    entry_id      BIGINT      NOT NULL UNIQUE,
    previous_hash VARCHAR(64) NOT NULL,
    entry_hash    VARCHAR(64) NOT NULL
);

-- The newest link, kept apart: linkers lock this row so the chain never forks, and links removed
-- from the end (or all of them) no longer match it.
CREATE TABLE audit_chain_head (
    id         INT         NOT NULL PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    entry_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, seq, entry_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
