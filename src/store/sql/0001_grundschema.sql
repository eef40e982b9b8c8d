-- Schema version 1: the office, its Vorlagen with their Beratungsfolge, finance table and
-- Anlagen. STRICT tables: a wrong type is an error, not a silent conversion.

CREATE TABLE buero (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    kommune       TEXT NOT NULL,
    gremium_name  TEXT NOT NULL,
    gremium_art   TEXT NOT NULL CHECK (gremium_art IN ('integrationsrat', 'ausschuss_chancengerechtigkeit')),
    nummernschema TEXT NOT NULL,
    wahlperiode   TEXT NOT NULL DEFAULT '',
    eingerichtet  INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO buero (id, kommune, gremium_name, gremium_art, nummernschema)
VALUES (1, '', 'Integrationsrat', 'integrationsrat', '{jahr}/{nr:04}');

-- Running Vorlage numbers, one counter per year / Wahlperiode / overall.
CREATE TABLE nummer_zaehler (
    schluessel TEXT PRIMARY KEY,
    letzte     INTEGER NOT NULL
) STRICT;

-- One row per Fassung. A revision points at its Stamm (the first Fassung) and its
-- Vorgänger; a Vorgänger has at most one Nachfolger.
CREATE TABLE vorlage (
    id                 INTEGER PRIMARY KEY,
    nummer             TEXT UNIQUE,
    stamm_id           INTEGER REFERENCES vorlage(id),
    fassung            INTEGER NOT NULL DEFAULT 0,
    vorgaenger_id      INTEGER UNIQUE REFERENCES vorlage(id),
    zustand            TEXT NOT NULL CHECK (zustand IN ('entwurf', 'freigegeben')),
    art                TEXT NOT NULL CHECK (art IN ('beschlussvorlage', 'mitteilungsvorlage', 'anfrage', 'antrag')),
    status             TEXT NOT NULL CHECK (status IN ('oeffentlich', 'nichtoeffentlich')),
    betreff            TEXT NOT NULL,
    verfasser          TEXT NOT NULL DEFAULT '',
    federfuehrend      TEXT NOT NULL DEFAULT '',
    bearbeiter         TEXT NOT NULL DEFAULT '',
    klimarelevanz      TEXT CHECK (klimarelevanz IN ('keine', 'positiv', 'negativ')),
    beschlussvorschlag TEXT NOT NULL DEFAULT '',
    sachverhalt        TEXT NOT NULL DEFAULT '',
    offene_befunde     INTEGER NOT NULL DEFAULT 0,
    version            INTEGER NOT NULL DEFAULT 1,
    erstellt           TEXT NOT NULL,
    geaendert          TEXT NOT NULL,
    freigegeben_am     TEXT,
    CHECK ((zustand = 'freigegeben') = (nummer IS NOT NULL))
) STRICT;
CREATE INDEX vorlage_stamm ON vorlage(stamm_id);

CREATE TABLE beratungsschritt (
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL,
    gremium    TEXT NOT NULL,
    rolle      TEXT NOT NULL CHECK (rolle IN ('vorberatung', 'entscheidung', 'kenntnisnahme', 'anhoerung')),
    datum      TEXT NOT NULL DEFAULT '',
    ergebnis   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (vorlage_id, pos)
) STRICT;
CREATE INDEX beratungsschritt_gremium ON beratungsschritt(gremium);

-- NKF table, amounts in cents.
CREATE TABLE finanzen (
    vorlage_id                INTEGER PRIMARY KEY REFERENCES vorlage(id) ON DELETE CASCADE,
    art                       TEXT NOT NULL CHECK (art IN ('keine', 'folgende')),
    ertrag_einmalig           INTEGER,
    ertrag_jaehrlich          INTEGER,
    aufwand_einmalig          INTEGER,
    aufwand_jaehrlich         INTEGER,
    personalaufwand           INTEGER,
    sach_und_dienstleistungen INTEGER,
    transferaufwand           INTEGER,
    einzahlung_einmalig       INTEGER,
    einzahlung_jaehrlich      INTEGER,
    zuschuesse                INTEGER,
    beitraege_dritter         INTEGER,
    auszahlung_einmalig       INTEGER,
    auszahlung_jaehrlich      INTEGER,
    haushaltsmittel           TEXT CHECK (haushaltsmittel IN ('verfuegbar', 'nicht_verfuegbar'))
) STRICT;

-- Attachments live in the database, so one file (and one backup) holds the whole office.
CREATE TABLE anlage (
    id                   INTEGER PRIMARY KEY,
    vorlage_id           INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    pos                  INTEGER NOT NULL,
    name                 TEXT NOT NULL,
    mime                 TEXT NOT NULL,
    groesse              INTEGER NOT NULL,
    sha512               TEXT NOT NULL,
    status               TEXT NOT NULL CHECK (status IN ('oeffentlich', 'nichtoeffentlich')),
    alternativenpruefung INTEGER NOT NULL DEFAULT 0,
    daten                BLOB NOT NULL,
    erstellt             TEXT NOT NULL,
    UNIQUE (vorlage_id, sha512)
) STRICT;
