-- Schema version 19: the search finds a word inside a compound — "strasse" in
-- "Bahnhofstraße", "förderung" in "Sprachförderung" (issue 28 § 2). A second index beside
-- the word index, over the same folded text: FTS5's trigram tokenizer indexes every three
-- letters, so a query word of three letters or more is found as a part of any word
-- (domain::suchtext::teilwort_formen). Hits of the word index rank above these
-- (store::suche). Kept in step with vorlage_suche in the same transaction.
CREATE VIRTUAL TABLE vorlage_teilwort USING fts5(kopf, text, tokenize = 'trigram');
INSERT INTO vorlage_teilwort (rowid, kopf, text) SELECT rowid, kopf, text FROM vorlage_suche;
