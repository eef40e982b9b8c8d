-- Schema version 9: memberships that end, and Vorlagen-Muster.
--
-- mitgliedschaft.von / bis: from now on always ISO (JJJJ-MM-TT) or empty, so that a
-- Sitzung can ask in SQL who was a member on its day. Dates typed earlier as TT.MM.JJJJ
-- (also 1.2.2026) are rewritten; an ISO date stays as it is.
UPDATE mitgliedschaft SET von = printf('%04d-%02d-%02d',
    substr(substr(von, instr(von, '.') + 1), instr(substr(von, instr(von, '.') + 1), '.') + 1),
    substr(substr(von, instr(von, '.') + 1), 1, instr(substr(von, instr(von, '.') + 1), '.') - 1),
    substr(von, 1, instr(von, '.') - 1))
  WHERE von LIKE '%.%.%';
UPDATE mitgliedschaft SET bis = printf('%04d-%02d-%02d',
    substr(substr(bis, instr(bis, '.') + 1), instr(substr(bis, instr(bis, '.') + 1), '.') + 1),
    substr(substr(bis, instr(bis, '.') + 1), 1, instr(substr(bis, instr(bis, '.') + 1), '.') - 1),
    substr(bis, 1, instr(bis, '.') - 1))
  WHERE bis LIKE '%.%.%';

-- A Vorlagen-Muster: the content of a Vorlage kept under a name (e.g. "Jährliche
-- Entsendung in die AG"), from which a new draft starts. The content is the JSON of
-- VorlageInhalt as it was typed; no Anlagen, no dates or results of a Beratung.
CREATE TABLE muster (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    inhalt    TEXT NOT NULL,
    erstellt  TEXT NOT NULL,
    geaendert TEXT NOT NULL,
    geloescht TEXT
) STRICT;
CREATE UNIQUE INDEX muster_name ON muster(name) WHERE geloescht IS NULL;
