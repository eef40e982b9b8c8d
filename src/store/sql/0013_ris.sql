-- Schema 13: the town's Ratsinformationssystem read in through OParl.
--
-- A Gremium from the RIS (an OParl Organization) keeps the URL it came from: it is
-- read-only here (no members, no Sitzungen of the office), and it can be the target of
-- an Entsendung. Meetings, Papers, their agenda items, consultations and files are kept as
-- the RIS sent them (the JSON), with what the office searches and lists by.
ALTER TABLE gremium ADD COLUMN ris_url TEXT;
CREATE UNIQUE INDEX gremium_ris_url ON gremium(ris_url) WHERE ris_url IS NOT NULL;

-- An OParl endpoint the office imports from; `stand` is the newest `modified` seen, the
-- `modified_since` of the next import.
CREATE TABLE ris_quelle (
    id         INTEGER PRIMARY KEY,
    url        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    stand      TEXT NOT NULL,
    importiert TEXT
) STRICT;

-- Every object read: its OParl id (URL), type (the last part of the type URL, 1.0 or
-- 1.1), the JSON as received, and the fields lists and the search need.
CREATE TABLE ris_objekt (
    id        INTEGER PRIMARY KEY,
    quelle_id INTEGER NOT NULL REFERENCES ris_quelle(id),
    url       TEXT NOT NULL UNIQUE,
    typ       TEXT NOT NULL,
    name      TEXT NOT NULL,
    nummer    TEXT NOT NULL,
    datum     TEXT NOT NULL,
    eltern    TEXT NOT NULL,
    geaendert TEXT NOT NULL,
    suchtext  TEXT NOT NULL,
    json      TEXT NOT NULL
) STRICT;
CREATE INDEX ris_objekt_typ ON ris_objekt(typ, datum);
CREATE INDEX ris_objekt_eltern ON ris_objekt(eltern);

-- The files of Papers and Meetings, fetched and checked (SHA-512 where the RIS gives one).
CREATE TABLE ris_datei (
    id        INTEGER PRIMARY KEY,
    url       TEXT NOT NULL UNIQUE,
    fuer      TEXT NOT NULL,
    name      TEXT NOT NULL,
    mime      TEXT NOT NULL,
    sha512    TEXT NOT NULL,
    daten     BLOB NOT NULL
) STRICT;
CREATE INDEX ris_datei_fuer ON ris_datei(fuer);

-- The raw pages of an import under way, by URL: an import that breaks off resumes from
-- here instead of fetching again. Emptied when an import completes.
CREATE TABLE ris_seite (
    url       TEXT PRIMARY KEY,
    quelle_id INTEGER NOT NULL REFERENCES ris_quelle(id),
    json      TEXT NOT NULL
) STRICT;
