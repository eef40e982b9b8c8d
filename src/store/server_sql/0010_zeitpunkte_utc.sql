-- Schema 10: instants in UTC, and the search index built anew (the search folds Arabic
-- script since: harakat, tatweel and the forms of alef; domain::suchtext).
--
-- Instants in UTC. When something happened (created, changed, released,
-- deleted, counted, drawn) was kept as the office's local time in text; it becomes a
-- timestamptz, read from the old text as German time. A Sitzung's beginn and ende stay
-- times on the office's clock (text). Same meaning as the file's schema 10, where the
-- instants become text in UTC with a Z (converted by the migration's hook).
ALTER TABLE vorlage
    ALTER COLUMN erstellt TYPE timestamptz USING (erstellt::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geaendert TYPE timestamptz USING (geaendert::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN freigegeben_am TYPE timestamptz USING (freigegeben_am::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geloescht TYPE timestamptz USING (geloescht::timestamp AT TIME ZONE 'Europe/Berlin');
ALTER TABLE anlage
    ALTER COLUMN erstellt TYPE timestamptz USING (erstellt::timestamp AT TIME ZONE 'Europe/Berlin');
ALTER TABLE gremium
    ALTER COLUMN erstellt TYPE timestamptz USING (erstellt::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geaendert TYPE timestamptz USING (geaendert::timestamp AT TIME ZONE 'Europe/Berlin');
ALTER TABLE person
    ALTER COLUMN erstellt TYPE timestamptz USING (erstellt::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geaendert TYPE timestamptz USING (geaendert::timestamp AT TIME ZONE 'Europe/Berlin');
ALTER TABLE sitzung
    ALTER COLUMN erstellt TYPE timestamptz USING (erstellt::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geaendert TYPE timestamptz USING (geaendert::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geloescht TYPE timestamptz USING (geloescht::timestamp AT TIME ZONE 'Europe/Berlin');
ALTER TABLE wahl
    ALTER COLUMN erstellt TYPE timestamptz USING (erstellt::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geaendert TYPE timestamptz USING (geaendert::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geloescht TYPE timestamptz USING (geloescht::timestamp AT TIME ZONE 'Europe/Berlin');
ALTER TABLE wahlgang
    ALTER COLUMN erfasst TYPE timestamptz USING (erfasst::timestamp AT TIME ZONE 'Europe/Berlin');
ALTER TABLE los
    ALTER COLUMN zeit TYPE timestamptz USING (zeit::timestamp AT TIME ZONE 'Europe/Berlin');
ALTER TABLE muster
    ALTER COLUMN erstellt TYPE timestamptz USING (erstellt::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geaendert TYPE timestamptz USING (geaendert::timestamp AT TIME ZONE 'Europe/Berlin'),
    ALTER COLUMN geloescht TYPE timestamptz USING (geloescht::timestamp AT TIME ZONE 'Europe/Berlin');
