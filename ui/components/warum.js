// "Warum?" beside a message: the section of the Handbuch that gives the rule behind a
// refusal (docs/handbuch/, shown by components/hilfe.js). Found by the error's code, else
// by the field its first finding names; a message without a section has no link.

const NACH_CODE = {
  freigegeben: 'vorlagen.md#neue-fassung',
  neuere_fassung: 'vorlagen.md#neue-fassung',
  noch_entwurf: 'vorlagen.md#vorlage-schreiben-und-freigeben',
  konflikt: 'README.md#drei-grundregeln',
};

const NACH_FELD = {
  // The day itself: results, the quorum, who was there.
  ergebnis: 'sitzung.md#am-sitzungstag',
  beschlussunfaehig: 'sitzung.md#am-sitzungstag',
  geht_ab: 'sitzung.md#am-sitzungstag',
  schriftfuehrung: 'sitzung.md#niederschrift-und-beschlussauszüge',
  ende: 'sitzung.md#niederschrift-und-beschlussauszüge',
  einladung: 'sitzung.md#einladen-per-post-und-e-mail',
  eingeladen_am: 'sitzung.md#einladen-per-post-und-e-mail',
  // After it.
  faellig: 'nach-der-sitzung.md#beschlusskontrolle',
  iban: 'nach-der-sitzung.md#sitzungsgeld',
  // A Wahl.
  sitze: 'wahlen.md',
  stimmen: 'wahlen.md',
  abgegeben: 'wahlen.md',
  kandidaten: 'wahlen.md',
};

/** The Handbuch section ("seite.md#anker") that explains error `e`, or null. */
export function warum(e) {
  return NACH_CODE[e?.code] || NACH_FELD[e?.befunde?.[0]?.feld] || null;
}
