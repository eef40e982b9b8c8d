-- Schema version 3 (PostgreSQL; the same meaning as src/store/sql/0003_unterschrift.sql): the signature block (Unterzeichnung). The office sets the default;
-- a Vorlage may name its own (NULL modus = the office default).
ALTER TABLE buero ADD COLUMN unterschrift_behoerdenleitung TEXT NOT NULL DEFAULT 'Der Bürgermeister';
ALTER TABLE buero ADD COLUMN unterschrift_modus TEXT NOT NULL DEFAULT 'in_vertretung'
    CHECK (unterschrift_modus IN ('selbst', 'in_vertretung', 'im_auftrag', 'gez'));
ALTER TABLE buero ADD COLUMN unterschrift_name TEXT NOT NULL DEFAULT '';
ALTER TABLE buero ADD COLUMN unterschrift_funktion TEXT NOT NULL DEFAULT '';

ALTER TABLE vorlage ADD COLUMN unterschrift_modus TEXT
    CHECK (unterschrift_modus IN ('selbst', 'in_vertretung', 'im_auftrag', 'gez'));
ALTER TABLE vorlage ADD COLUMN unterschrift_behoerdenleitung TEXT NOT NULL DEFAULT '';
ALTER TABLE vorlage ADD COLUMN unterschrift_name TEXT NOT NULL DEFAULT '';
ALTER TABLE vorlage ADD COLUMN unterschrift_funktion TEXT NOT NULL DEFAULT '';
