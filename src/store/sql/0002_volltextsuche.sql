-- Schema version 2: full-text index over Nr., Betreff, Verfasser, Bearbeiter/-in
-- (column kopf) and Beschlussvorschlag, Sachverhalt (column text). The text is folded in
-- Rust (domain::suchtext) before it is indexed. The table keeps the folded text (not
-- contentless) so that SQLite tools older than 3.43, such as Debian 12's sqlite3, can read it.
CREATE VIRTUAL TABLE vorlage_suche USING fts5(
    kopf, text,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
-- Ranking: a hit in Nr./Betreff/names weighs five times a hit in the long texts.
INSERT INTO vorlage_suche (vorlage_suche, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
