-- Schema version 4: Gremien, people and their memberships, Sitzungen and Tagesordnung.

CREATE TABLE gremium (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT NOT NULL UNIQUE,
    kurzname               TEXT NOT NULL DEFAULT '',
    typ                    TEXT NOT NULL CHECK (typ IN ('integrationsrat', 'ausschuss_chancengerechtigkeit', 'rat', 'ausschuss', 'arbeitsgemeinschaft', 'extern')),
    wahlperiode            TEXT NOT NULL DEFAULT '',
    ladungsfrist_tage      INTEGER NOT NULL DEFAULT 7 CHECK (ladungsfrist_tage BETWEEN 0 AND 60),
    mindestsitzungen_jahr  INTEGER NOT NULL DEFAULT 0 CHECK (mindestsitzungen_jahr BETWEEN 0 AND 52),
    erstellt               TEXT NOT NULL,
    geaendert              TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id        INTEGER PRIMARY KEY,
    anrede    TEXT NOT NULL DEFAULT '',
    titel     TEXT NOT NULL DEFAULT '',
    vorname   TEXT NOT NULL DEFAULT '',
    nachname  TEXT NOT NULL CHECK (length(trim(nachname)) > 0),
    email     TEXT NOT NULL DEFAULT '',
    telefon   TEXT NOT NULL DEFAULT '',
    anschrift TEXT NOT NULL DEFAULT '',
    -- "celik ayse": family name first, folded (Çelik sorts with C, Łukasz with L).
    sortname  TEXT NOT NULL,
    erstellt  TEXT NOT NULL,
    geaendert TEXT NOT NULL
) STRICT;
CREATE INDEX person_sortname ON person(sortname);

CREATE TABLE mitgliedschaft (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    gremium_id  INTEGER NOT NULL REFERENCES gremium(id) ON DELETE CASCADE,
    rolle       TEXT NOT NULL CHECK (rolle IN ('vorsitz', 'stellv_vorsitz', 'mitglied', 'stellv_mitglied', 'beratend')),
    stimmrecht  INTEGER NOT NULL DEFAULT 1 CHECK (stimmrecht IN (0, 1)),
    fuer        TEXT NOT NULL DEFAULT '',
    herkunft    TEXT NOT NULL DEFAULT 'sonstig' CHECK (herkunft IN ('direkt', 'rat', 'sonstig')),
    von         TEXT NOT NULL DEFAULT '',
    bis         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX mitgliedschaft_gremium ON mitgliedschaft(gremium_id);

CREATE TABLE sitzung (
    id            INTEGER PRIMARY KEY,
    gremium_id    INTEGER NOT NULL REFERENCES gremium(id),
    nummer        INTEGER NOT NULL,
    beginn        TEXT NOT NULL,
    ort           TEXT NOT NULL DEFAULT '',
    zustand       TEXT NOT NULL DEFAULT 'geplant' CHECK (zustand IN ('geplant', 'eingeladen', 'durchgefuehrt', 'abgesagt')),
    eingeladen_am TEXT,
    version       INTEGER NOT NULL DEFAULT 1,
    erstellt      TEXT NOT NULL,
    geaendert     TEXT NOT NULL,
    UNIQUE (gremium_id, nummer)
) STRICT;

-- One row per TOP; `pos` orders the TOPs within their part (renumbered on every change).
CREATE TABLE top (
    id            INTEGER PRIMARY KEY,
    sitzung_id    INTEGER NOT NULL REFERENCES sitzung(id) ON DELETE CASCADE,
    teil          TEXT NOT NULL CHECK (teil IN ('oeffentlich', 'nichtoeffentlich')),
    pos           INTEGER NOT NULL,
    titel         TEXT NOT NULL DEFAULT '',
    vorlage_id    INTEGER REFERENCES vorlage(id),
    ergebnis      TEXT CHECK (ergebnis IN ('beschlossen', 'abgelehnt', 'vertagt', 'kenntnis', 'geaendert')),
    ergebnis_text TEXT NOT NULL DEFAULT '',
    CHECK (vorlage_id IS NOT NULL OR length(trim(titel)) > 0)
) STRICT;
CREATE INDEX top_sitzung ON top(sitzung_id, teil, pos);
CREATE INDEX top_vorlage ON top(vorlage_id);
