-- How the deputies of a Gremium step in (issue 25; domain::sitzung::stimmen): 'liste' —
-- a deputy of a Liste/Fraktion for an absent member of it, in order; 'persoenlich' — a
-- named member's own Stellvertreter/in for that member only. Existing Gremien: 'liste'.
ALTER TABLE gremium ADD COLUMN vertretung TEXT NOT NULL DEFAULT 'liste' CHECK (vertretung IN ('liste', 'persoenlich'));
