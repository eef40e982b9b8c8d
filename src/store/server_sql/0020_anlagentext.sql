-- Schema version 20 (PostgreSQL; src/store/sql/0020_anlagentext.sql): the text inside the
-- Anlagen for the search, page by page and folded, and whether an Anlage has a text layer.
-- The Anlagen stored before are read after the migrations (store::server).
ALTER TABLE anlage ADD COLUMN textschicht TEXT NOT NULL DEFAULT 'ohne'
    CHECK (textschicht IN ('text', 'scan', 'ohne'));
CREATE TABLE anlage_seite (
    anlage_id BIGINT NOT NULL REFERENCES anlage(id) ON DELETE CASCADE,
    seite     BIGINT NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (anlage_id, seite)
);
