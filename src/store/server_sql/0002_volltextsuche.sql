-- Schema version 2 (PostgreSQL; the same meaning as src/store/sql/0002_volltextsuche.sql):
-- the full-text index over Nr., Betreff, Verfasser, Bearbeiter/-in (kopf) and
-- Beschlussvorschlag, Sachverhalt (text). The text is folded in Rust (domain::suchtext)
-- before it is indexed, exactly as for SQLite, and its words become the lexemes as they
-- are (domain::suchtext::tsvector writes the tsvector; no parser of the server's locale
-- in between): both backends index the same words and find the same papers. Words of
-- kopf weigh A, of text B (SQLite's bm25: 5 : 1).
CREATE TABLE vorlage_suche (
    rowid    BIGINT PRIMARY KEY,
    kopf     TEXT NOT NULL,
    text     TEXT NOT NULL,
    dokument tsvector NOT NULL
);
CREATE INDEX vorlage_suche_dokument ON vorlage_suche USING gin (dokument);
