-- Schema 12: the Einladung sent by e-mail.
--
-- presse: a Gremium's press and public list, the addresses that get the öffentliche
-- packet (never anything of the nichtöffentlicher Teil). Removing an address sets
-- `geloescht`, so *Rückgängig* brings it back.
CREATE TABLE presse (
    id         INTEGER PRIMARY KEY,
    gremium_id INTEGER NOT NULL REFERENCES gremium(id),
    email      TEXT NOT NULL CHECK (length(trim(email)) > 0),
    erstellt   TEXT NOT NULL,
    geloescht  TEXT
) STRICT;
CREATE UNIQUE INDEX presse_adresse ON presse(gremium_id, lower(email)) WHERE geloescht IS NULL;

-- versand: the sent log, one row per message and attempt: recipient, Message-ID, time,
-- the server's reply and the SHA-256 of every attachment (JSON).
CREATE TABLE versand (
    id         INTEGER PRIMARY KEY,
    sitzung_id INTEGER NOT NULL REFERENCES sitzung(id),
    person_id  INTEGER REFERENCES person(id),
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    verteiler  TEXT NOT NULL CHECK (verteiler IN ('mitglied', 'presse')),
    message_id TEXT NOT NULL,
    zeit       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('gesendet', 'fehlgeschlagen', 'abgelegt')),
    antwort    TEXT NOT NULL,
    anhaenge   TEXT NOT NULL
) STRICT;
CREATE INDEX versand_sitzung ON versand(sitzung_id, id);

-- The office's SMTP settings (one row; no password: it is asked for at each sending, or
-- taken from an environment variable on the CLI).
CREATE TABLE smtp (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    server      TEXT NOT NULL,
    sicherheit  TEXT NOT NULL CHECK (sicherheit IN ('starttls', 'tls', 'keine')),
    benutzer    TEXT NOT NULL,
    absender    TEXT NOT NULL,
    ca          TEXT NOT NULL,
    grenze_mb   INTEGER NOT NULL
) STRICT;
