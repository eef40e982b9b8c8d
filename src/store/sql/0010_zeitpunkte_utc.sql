-- Schema 10: instants in UTC, and the search index built anew (the search folds Arabic
-- script since: harakat, tatweel and the forms of alef; domain::suchtext).
--
-- Instants in UTC. When something happened (created, changed, released,
-- deleted, counted, drawn) was kept as the office's local time; from now on it is kept
-- in UTC, as text with a Z (2026-03-05T09:00:00Z). The hook of this migration converts
-- the existing values (store::zeitpunkt::SPALTEN), reading them as German time. A
-- Sitzung's beginn and ende stay times on the office's clock. Same meaning as the
-- server's schema 10 (timestamptz).
SELECT 1;
