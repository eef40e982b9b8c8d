-- Schema version 3: the signature block. The office sets the head of administration and
-- the default signer; a Vorlage may name another signer (NULL modus = office default).
ALTER TABLE buero ADD COLUMN verwaltungschef TEXT NOT NULL DEFAULT 'Der Bürgermeister';
ALTER TABLE buero ADD COLUMN unterschrift_modus TEXT NOT NULL DEFAULT 'in_vertretung'
    CHECK (unterschrift_modus IN ('persoenlich', 'in_vertretung', 'im_auftrag', 'gez'));
ALTER TABLE buero ADD COLUMN unterschrift_name TEXT NOT NULL DEFAULT '';
ALTER TABLE buero ADD COLUMN unterschrift_funktion TEXT NOT NULL DEFAULT '';

ALTER TABLE vorlage ADD COLUMN unterschrift_modus TEXT
    CHECK (unterschrift_modus IN ('persoenlich', 'in_vertretung', 'im_auftrag', 'gez'));
ALTER TABLE vorlage ADD COLUMN unterschrift_name TEXT NOT NULL DEFAULT '';
ALTER TABLE vorlage ADD COLUMN unterschrift_funktion TEXT NOT NULL DEFAULT '';
