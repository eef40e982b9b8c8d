-- Schema version 16: Sitzungsgeld and Entschädigung (issue 27 § 2; domain::entschaedigung).
--   * The rates are office data with a first (and optionally a last) day, for all Gremien
--     or one, for every member or one kind of member (Herkunft); never constants in code.
--   * Per Sitzung and member: the hours of Verdienstausfall (in minutes), the km driven, a
--     proven hourly wage, and whether the member waives it.
--   * A Gremium can pay nothing ("ohne Entschädigung", e.g. the AG Integrationsräte).
--   * A person's IBAN and Personalnummer, for the cash office's list; personal data, never
--     in a public output.
CREATE TABLE entschaedigung_satz (
    id          INTEGER PRIMARY KEY,
    art         TEXT NOT NULL CHECK (art IN ('sitzungsgeld', 'verdienstausfall', 'verdienstausfall_hoechst', 'fahrtkosten', 'fahrtkosten_pauschale')),
    betrag_cent INTEGER NOT NULL CHECK (betrag_cent BETWEEN 0 AND 100000),
    ab          TEXT NOT NULL,
    bis         TEXT,
    gremium_id  INTEGER REFERENCES gremium(id) ON DELETE CASCADE,
    herkunft    TEXT CHECK (herkunft IN ('direkt', 'rat', 'sonstig')),
    erstellt    TEXT NOT NULL
) STRICT;

CREATE TABLE entschaedigung (
    sitzung_id       INTEGER NOT NULL REFERENCES sitzung(id) ON DELETE CASCADE,
    person_id        INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    minuten          INTEGER NOT NULL DEFAULT 0 CHECK (minuten BETWEEN 0 AND 1440),
    km               INTEGER NOT NULL DEFAULT 0 CHECK (km BETWEEN 0 AND 2000),
    stundensatz_cent INTEGER CHECK (stundensatz_cent >= 0),
    verzicht         INTEGER NOT NULL DEFAULT 0 CHECK (verzicht IN (0, 1)),
    PRIMARY KEY (sitzung_id, person_id)
) STRICT;

ALTER TABLE gremium ADD COLUMN ohne_entschaedigung INTEGER NOT NULL DEFAULT 0 CHECK (ohne_entschaedigung IN (0, 1));
ALTER TABLE person ADD COLUMN iban TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN personalnummer TEXT NOT NULL DEFAULT '';
