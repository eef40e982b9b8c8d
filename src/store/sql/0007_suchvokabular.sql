-- Schema version 7: a read-only view of the full-text index's vocabulary (how many papers
-- hold each term). The search asks it whether a word is so common that ranking every hit
-- says little (see store::vorlagen, `gemeine_suche`). No data of its own.
CREATE VIRTUAL TABLE vorlage_suche_vokabel USING fts5vocab(vorlage_suche, 'row');
