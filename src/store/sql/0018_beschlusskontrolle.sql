-- Schema version 18: Beschlusskontrolle (issue 27 § 3; domain::beschluss). One row per
-- decided TOP the office has followed up (a decision without a row is "offen", its unit the
-- Vorlage's Federführend), and dated notes.
CREATE TABLE beschluss (
    top_id     INTEGER PRIMARY KEY REFERENCES top(id) ON DELETE CASCADE,
    zustaendig TEXT NOT NULL DEFAULT '',
    faellig    TEXT,
    status     TEXT NOT NULL DEFAULT 'offen' CHECK (status IN ('offen', 'in_arbeit', 'erledigt')),
    geaendert  TEXT NOT NULL
) STRICT;

CREATE TABLE beschluss_notiz (
    id     INTEGER PRIMARY KEY,
    top_id INTEGER NOT NULL REFERENCES top(id) ON DELETE CASCADE,
    datum  TEXT NOT NULL,
    text   TEXT NOT NULL
) STRICT;
CREATE INDEX beschluss_notiz_top ON beschluss_notiz(top_id);
