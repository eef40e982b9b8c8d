-- Schema version 5 (PostgreSQL; the same meaning as src/store/sql/0005_sitzungsverlauf.sql): what happens in and after a Sitzung.
--   * A TOP can be an Unterpunkt of the TOP before it (numbered Ö 1.1, Ö 1.2 …).
--   * The Sitzung records its end and who kept the minutes (Schriftführer/-in, § 52 GO NRW).
--   * Attendance of each member: anwesend, entschuldigt or abwesend, with a note
--     ("ab TOP Ö 3", "vertreten durch …").

ALTER TABLE top ADD COLUMN unterpunkt BIGINT NOT NULL DEFAULT 0 CHECK (unterpunkt IN (0, 1));
ALTER TABLE sitzung ADD COLUMN ende TEXT;
ALTER TABLE sitzung ADD COLUMN schriftfuehrung TEXT NOT NULL DEFAULT '';

CREATE TABLE anwesenheit (
    sitzung_id BIGINT NOT NULL REFERENCES sitzung(id) ON DELETE CASCADE,
    person_id  BIGINT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('anwesend', 'entschuldigt', 'abwesend')),
    bemerkung  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sitzung_id, person_id)
);
