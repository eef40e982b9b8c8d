-- Schema version 19 (PostgreSQL; src/store/sql/0019_teilwortsuche.sql): a word inside a
-- compound is found through pg_trgm's trigram index over the same folded text the word
-- index holds (kopf and text of vorlage_suche), asked with LIKE '%part%' per query word.
-- pg_trgm ships with PostgreSQL and is a trusted extension: the database's owner may
-- create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX vorlage_suche_teilwort ON vorlage_suche USING gin ((kopf || ' ' || text) gin_trgm_ops);
