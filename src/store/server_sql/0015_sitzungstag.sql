-- Schema version 15 (PostgreSQL; the same meaning as src/store/sql/0015_sitzungstag.sql):
-- the Sitzung day (issue 27; domain::sitzung::beschlussfaehigkeit).
--   * A member present may leave during the Sitzung: from the TOP recorded ("geht ab TOP
--     Ö 4") on they are not counted for the quorum. A TOP removed takes the mark with it.
--   * The chair may record "Beschlussunfähigkeit festgestellt" at one TOP (a mark on that
--     TOP; at most one per Sitzung, kept by the store): from it on only "vertagt" is taken.
ALTER TABLE anwesenheit ADD COLUMN geht_ab_top BIGINT REFERENCES top(id) ON DELETE SET NULL;
ALTER TABLE top ADD COLUMN beschlussunfaehig BIGINT NOT NULL DEFAULT 0 CHECK (beschlussunfaehig IN (0, 1));
