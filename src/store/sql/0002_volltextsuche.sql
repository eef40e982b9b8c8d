-- Schema version 2: full-text index over Nr., Betreff, Verfasser, Bearbeiter/-in
-- (column kopf) and Beschlussvorschlag, Sachverhalt (column text). The text is folded in
-- Rust (domain::suchtext) before it is indexed; the table keeps no copy of its own.
CREATE VIRTUAL TABLE vorlage_suche USING fts5(
    kopf, text,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
