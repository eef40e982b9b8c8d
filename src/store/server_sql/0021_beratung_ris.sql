-- Schema version 21: where a result in a Vorlage's Beratungsfolge came from (issue 27
-- § 3). The later steps of a recommendation (Haupt- und Finanzausschuss, Rat) get their
-- result by hand in the Beschlusskontrolle, or taken over from the town's RIS after an
-- OParl import (domain::beratung_abgleich: the Paper of the same Vorlage-Nr., its
-- Beratung in that Gremium). `ris_uebernommen` is the day it was taken over
-- (`YYYY-MM-DD`), NULL for a result the office entered or a Sitzung recorded.
ALTER TABLE beratungsschritt ADD COLUMN ris_uebernommen TEXT;
-- A released Vorlage finds its RIS Paper by the number.
CREATE INDEX ris_objekt_nummer ON ris_objekt(typ, nummer);
-- The Vorlagen list as the app opens it (the newest changes first, up to 500) is read off
-- an index instead of sorting every paper: 94 ms → see the README at 100,000 papers.
CREATE INDEX vorlage_geaendert ON vorlage(geaendert, id);
