-- Schema version 20: the text inside the Anlagen for the search (issue 28 § 2;
-- crate::volltext reads PDF, DOCX and ODT). Each Anlage's pages as read, folded as the
-- search folds (domain::suchtext), page 0 for a format without pages; and whether the
-- Anlage has a text layer at all ('scan': a PDF of images, marked at the Anlage). The
-- texts of a Vorlage's Anlagen are indexed with the Vorlage (store::suche). This
-- migration's hook reads the Anlagen stored before (store::vorlage::anlagen::texte_nachholen).
ALTER TABLE anlage ADD COLUMN textschicht TEXT NOT NULL DEFAULT 'ohne'
    CHECK (textschicht IN ('text', 'scan', 'ohne'));
CREATE TABLE anlage_seite (
    anlage_id INTEGER NOT NULL REFERENCES anlage(id) ON DELETE CASCADE,
    seite     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (anlage_id, seite)
) STRICT;
