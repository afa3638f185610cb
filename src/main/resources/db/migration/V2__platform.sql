-- Scheduled jobs take a row here so that several replicas run each job once.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- Spring Modulith's event publication registry: an event whose listener has not finished is redelivered.
CREATE TABLE event_publication (
    id               UUID          NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)  NOT NULL,
    event_type       VARCHAR(512)  NOT NULL,
    serialized_event VARCHAR(4000) NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_event_publication_listener ON event_publication (listener_id, serialized_event);
CREATE INDEX ix_event_publication_completion ON event_publication (completion_date);
