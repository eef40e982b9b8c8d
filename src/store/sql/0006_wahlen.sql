-- Schema version 6: Wahlen and Entsendungen (§ 50 GO NRW).
--   wahl          one election in a Sitzung (optionally on a TOP), its target Gremium,
--                 seats, kind (einheitlicher Wahlvorschlag, Einzelwahl, Listenwahl),
--                 the apportionment method and whether the ballot is secret;
--   wahlvorschlag the lists of a Listenwahl (or the one joint list), in order;
--   bewerbung     the candidates: of a list in list order, or of an Einzelwahl;
--   wahlgang      each ballot with its counts (ballots cast, invalid, abstentions, No);
--   stimmen       the votes per candidate or per list in a ballot;
--   los           every draw: between whom, how many places, who drew, the result, the
--                 time, and the seed when the app drew (so the draw can be repeated).

CREATE TABLE wahl (
    id              INTEGER PRIMARY KEY,
    sitzung_id      INTEGER NOT NULL REFERENCES sitzung(id) ON DELETE CASCADE,
    top_id          INTEGER REFERENCES top(id) ON DELETE SET NULL,
    titel           TEXT NOT NULL CHECK (length(trim(titel)) > 0),
    ziel_gremium_id INTEGER REFERENCES gremium(id),
    sitze           INTEGER NOT NULL CHECK (sitze BETWEEN 1 AND 1000),
    stellvertreter  INTEGER NOT NULL DEFAULT 0 CHECK (stellvertreter IN (0, 1)),
    geheim          INTEGER NOT NULL DEFAULT 1 CHECK (geheim IN (0, 1)),
    art             TEXT NOT NULL CHECK (art IN ('einheitlich', 'einzel', 'liste')),
    verfahren       TEXT NOT NULL DEFAULT 'hare-niemeyer' CHECK (verfahren IN ('hare-niemeyer', 'dhondt', 'sainte-lague')),
    einheitlich_mehrheit INTEGER NOT NULL DEFAULT 0 CHECK (einheitlich_mehrheit IN (0, 1)),
    nur_mitglieder  INTEGER NOT NULL DEFAULT 1 CHECK (nur_mitglieder IN (0, 1)),
    version         INTEGER NOT NULL DEFAULT 1,
    erstellt        TEXT NOT NULL,
    geaendert       TEXT NOT NULL
) STRICT;
CREATE INDEX wahl_sitzung ON wahl(sitzung_id);

CREATE TABLE wahlvorschlag (
    id              INTEGER PRIMARY KEY,
    wahl_id         INTEGER NOT NULL REFERENCES wahl(id) ON DELETE CASCADE,
    pos             INTEGER NOT NULL,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    eingereicht_von TEXT NOT NULL DEFAULT '',
    UNIQUE (wahl_id, name)
) STRICT;

CREATE TABLE bewerbung (
    id               INTEGER PRIMARY KEY,
    wahl_id          INTEGER NOT NULL REFERENCES wahl(id) ON DELETE CASCADE,
    wahlvorschlag_id INTEGER REFERENCES wahlvorschlag(id) ON DELETE CASCADE,
    person_id        INTEGER NOT NULL REFERENCES person(id),
    pos              INTEGER NOT NULL,
    UNIQUE (wahl_id, person_id)
) STRICT;

CREATE TABLE wahlgang (
    id           INTEGER PRIMARY KEY,
    wahl_id      INTEGER NOT NULL REFERENCES wahl(id) ON DELETE CASCADE,
    nr           INTEGER NOT NULL,
    gang         TEXT NOT NULL CHECK (gang IN ('erster', 'engere')),
    abgegeben    INTEGER NOT NULL CHECK (abgegeben >= 0),
    ungueltig    INTEGER NOT NULL DEFAULT 0 CHECK (ungueltig >= 0),
    enthaltungen INTEGER NOT NULL DEFAULT 0 CHECK (enthaltungen >= 0),
    nein         INTEGER NOT NULL DEFAULT 0 CHECK (nein >= 0),
    erfasst      TEXT NOT NULL,
    UNIQUE (wahl_id, nr)
) STRICT;

CREATE TABLE stimmen (
    wahlgang_id      INTEGER NOT NULL REFERENCES wahlgang(id) ON DELETE CASCADE,
    person_id        INTEGER REFERENCES person(id),
    wahlvorschlag_id INTEGER REFERENCES wahlvorschlag(id) ON DELETE CASCADE,
    anzahl           INTEGER NOT NULL CHECK (anzahl >= 0),
    CHECK ((person_id IS NULL) != (wahlvorschlag_id IS NULL))
) STRICT;

CREATE TABLE los (
    id          INTEGER PRIMARY KEY,
    wahl_id     INTEGER NOT NULL REFERENCES wahl(id) ON DELETE CASCADE,
    nach_gang   INTEGER NOT NULL,
    zwischen    TEXT NOT NULL,   -- JSON array of names
    plaetze     INTEGER NOT NULL CHECK (plaetze >= 1),
    gezogen_von TEXT NOT NULL CHECK (length(trim(gezogen_von)) > 0),
    ergebnis    TEXT NOT NULL,   -- JSON array of the names drawn
    seed        INTEGER,
    zeit        TEXT NOT NULL
) STRICT;
