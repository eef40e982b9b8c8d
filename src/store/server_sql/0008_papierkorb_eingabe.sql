-- Schema version 8 (PostgreSQL; the same meaning as src/store/sql/0008_papierkorb_eingabe.sql): nothing typed is lost, nothing deleted is gone at once.
--
-- finanzen.eingabe: the finance table exactly as typed (JSON of FinanzenEingabe), so a
-- draft with a malformed or negative amount is saved as typed; the cent columns keep only
-- the valid amounts (what the PDF and the exports read).
--
-- geloescht: the moment a draft, an unheld Sitzung or an unused Wahl went into the
-- Papierkorb. Such a row is hidden from every list; it can be restored for 30 days, then it
-- is removed for good (store::papierkorb).
ALTER TABLE finanzen ADD COLUMN eingabe TEXT;
ALTER TABLE vorlage ADD COLUMN geloescht TEXT;
ALTER TABLE sitzung ADD COLUMN geloescht TEXT;
ALTER TABLE wahl ADD COLUMN geloescht TEXT;
CREATE INDEX vorlage_geloescht ON vorlage(geloescht) WHERE geloescht IS NOT NULL;
