-- Schema version 17: how many days before the last day of the Ladungsfrist the office wants
-- to be reminded of an Einladung still to send (issue 27 § 4; domain::sitzung::einladungsfrist).
ALTER TABLE buero ADD COLUMN einladung_vorlauf_tage INTEGER NOT NULL DEFAULT 7 CHECK (einladung_vorlauf_tage BETWEEN 0 AND 60);
