// Sitzungsgeld (issue 27 § 2): in the Sitzung, what each member present is paid — hours
// of Verdienstausfall, km, a proven hourly wage, a waiver, and the amount the core
// computed at the rates of the Sitzung's day; in Einstellungen, the rates with their
// first day and the Auszahlungsliste of a period (PDF preview, CSV for the Stadtkasse).
// The amounts come from the core only; nothing here computes money.
import { aufruf } from '../ipc.js';
import { h, } from './dom.js';
import * as feld from './feld.js';
import * as meldung from './meldung.js';
import { datumDeutsch } from '../format.js';

export const SATZ_ART = [
  ['sitzungsgeld', 'Sitzungsgeld je Sitzung'],
  ['verdienstausfall', 'Verdienstausfall je Stunde (Regelstundensatz)'],
  ['verdienstausfall_hoechst', 'Verdienstausfall je Stunde, Höchstbetrag bei Nachweis'],
  ['fahrtkosten', 'Fahrtkosten je km'],
  ['fahrtkosten_pauschale', 'Fahrtkosten, Pauschale je Sitzung'],
];
const HERKUNFT = [['', 'alle Mitglieder'], ['direkt', 'direkt gewählte Mitglieder'], ['rat', 'vom Rat entsandte Mitglieder'], ['sonstig', 'sonstige Mitglieder']];
const euro = (cent) => `${(cent / 100).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.')} €`;

/** The Sitzung's fieldset: one row per member present. `geld` is what the core said
 * ({zeilen} or {fehler}); `aendern(befehl, argumente, quelle)` saves. */
export function sitzungFeld(s, geld, aendern) {
  if (s.zustand === 'abgesagt') return null;
  const da = s.mitglieder.filter((m) => m.anwesenheit === 'anwesend');
  if (!da.length) return null;
  const zeilen = new Map((geld?.zeilen || []).map((z) => [z.person.id, z]));
  const kopf = h('tr', {}, ...['Mitglied', 'Stunden', 'km', '€ je Std.', 'Verzicht', 'Betrag'].map((t, i) => h('th', { scope: 'col', class: i === 5 ? 'betrag' : null, title: i === 3 ? 'Nachgewiesener Verdienstausfall je Stunde (leer: der Regelstundensatz)' : null }, t)));
  const tbody = h('tbody', {}, da.map((m) => {
    const z = zeilen.get(m.person.id);
    const a = z?.angaben || { minuten: 0, km: 0, stundensatz: null, verzicht: false };
    const stunden = h('input', { type: 'text', value: a.minuten ? z.stunden : '', inputmode: 'decimal', placeholder: '0', 'aria-label': `Stunden Verdienstausfall ${m.person.name}`, 'data-testid': 'geld-stunden', 'data-feld': 'stunden' });
    const km = h('input', { type: 'text', value: a.km ? String(a.km) : '', inputmode: 'numeric', placeholder: '0', 'aria-label': `Kilometer ${m.person.name}`, 'data-testid': 'geld-km', 'data-feld': 'km' });
    const satz = h('input', { type: 'text', value: a.stundensatz != null ? euro(a.stundensatz).replace(' €', '') : '', inputmode: 'decimal', title: 'Nur mit Nachweis eines höheren Verdienstausfalls; höchstens der Höchstbetrag.', 'aria-label': `Nachgewiesener Stundensatz ${m.person.name}`, 'data-testid': 'geld-stundensatz', 'data-feld': 'stundensatz' });
    const verzicht = h('input', { type: 'checkbox', checked: a.verzicht, 'aria-label': `${m.person.name} verzichtet`, 'data-testid': 'geld-verzicht', 'data-feld': 'verzicht' });
    const speichern = (e) => aendern('entschaedigung_setzen', { sitzung: s.id, person: m.person.id, stunden: stunden.value, km: km.value, stundensatz: satz.value, verzicht: verzicht.checked }, e.target);
    for (const el of [stunden, km, satz, verzicht]) el.addEventListener('change', speichern);
    const betrag = z ? (z.posten.hinweis ? z.posten.hinweis : euro(z.posten.summe)) : '–';
    return h('tr', { 'data-testid': 'geld-zeile', 'data-schluessel': `geld-${m.person.id}` },
      h('td', {}, m.person.name), h('td', {}, stunden), h('td', {}, km), h('td', {}, satz), h('td', { class: 'mitte' }, verzicht),
      h('td', { class: 'betrag', 'data-testid': 'geld-betrag' }, betrag));
  }));
  const summe = (geld?.zeilen || []).reduce((n, z) => n + z.posten.summe, 0);
  return h('fieldset', { 'data-testid': 'sitzungsgeld' }, h('legend', {}, 'Sitzungsgeld'),
    s.gremium.ohne_entschaedigung ? h('p', { class: 'stumm' }, 'Dieses Gremium zahlt weder Sitzungsgeld noch Fahrtkosten.') : null,
    geld?.fehler ? h('p', { class: 'feld-meldung fehler', role: 'alert', 'data-testid': 'geld-fehler' }, geld.fehler) : null,
    h('table', { class: 'eingabe geld' }, h('thead', {}, kopf), tbody,
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: '5' }, 'Summe dieser Sitzung'), h('td', { class: 'betrag', 'data-testid': 'geld-summe' }, euro(summe))))),
    h('p', { class: 'stumm' }, 'Stunden als 2,5 oder 2:30; der Betrag folgt den Sätzen unter Einstellungen › Sitzungsgeld, die am Sitzungstag gelten.'));
}

/** What the core says the members are paid (or why it cannot say). */
export async function laden(id) {
  try { return { zeilen: await aufruf('sitzung_entschaedigung', { id }) }; } catch (e) { return { fehler: e.message }; }
}

/** Einstellungen › Sitzungsgeld: the rates, a new rate, the Auszahlungsliste. */
export function einstellungen(gremien) {
  const wurzel = h('div', { 'data-testid': 'sitzungsgeld-einstellungen' }, h('p', { class: 'stumm' }, 'Wird geladen …'));
  const laden = async () => {
    let saetze;
    try { saetze = await aufruf('saetze_liste'); } catch (e) { wurzel.replaceChildren(h('p', { class: 'feld-meldung fehler' }, e.message)); return; }
    const name = (id) => gremien.find((g) => g.id === id)?.name || `Gremium ${id}`;
    const tabelle = saetze.length
      ? h('table', { class: 'tabelle', 'data-testid': 'saetze' },
        h('caption', { class: 'visuell-versteckt' }, 'Sätze des Sitzungsgeldes'),
        h('thead', {}, h('tr', {}, ...['Art', 'Betrag', 'gültig ab', 'gültig bis', 'für'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, saetze.map((s) => h('tr', { 'data-testid': 'satz-zeile' },
          h('td', {}, SATZ_ART.find(([k]) => k === s.art)?.[1] || s.art), h('td', { class: 'betrag' }, euro(s.betrag)),
          h('td', {}, datumDeutsch(s.ab)), h('td', {}, s.bis ? datumDeutsch(s.bis) : '—'),
          h('td', {}, [s.gremium ? name(s.gremium) : 'alle Gremien', HERKUNFT.find(([k]) => k === (s.herkunft || ''))[1]].join(', '))))))
      : h('p', { 'data-testid': 'saetze-leer' }, 'Noch keine Sätze eingetragen. Die Beträge stehen in der Entschädigungsverordnung NRW und der Hauptsatzung der Stadt.');
    const form = h('form', { 'data-testid': 'satz-neu', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'raster' },
        feld.auswahl('art', 'Art', SATZ_ART, 'sitzungsgeld'),
        feld.text('betrag', 'Betrag (€)', '', { attrs: { inputmode: 'decimal', placeholder: 'z. B. 25,50' } }),
        feld.text('ab', 'gültig ab', '', { attrs: { inputmode: 'numeric', placeholder: 'TT.MM.JJJJ' } }),
        feld.text('bis', 'gültig bis (leer: bis ein neuer Satz gilt)', '', { attrs: { inputmode: 'numeric', placeholder: 'TT.MM.JJJJ' } }),
        feld.auswahl('gremium', 'für Gremium', [['', 'alle Gremien'], ...gremien.filter((g) => !g.ris).map((g) => [String(g.id), g.name])], ''),
        feld.auswahl('herkunft', 'für Mitglieder', HERKUNFT, '')),
      h('button', { class: 'primaer', 'data-testid': 'satz-hinzufuegen', onclick: async (_e) => {
        const w = (k) => form.querySelector(`[data-feld="${k}"]`).value;
        try {
          await aufruf('satz_neu', { art: w('art'), betrag: w('betrag'), ab: w('ab'), bis: w('bis'), gremium: w('gremium') ? Number(w('gremium')) : null, herkunft: w('herkunft') || null });
          meldung.zeigen('Satz hinzugefügt.');
          await laden();
        } catch (err) { feld.befundeZeigen(form, err.befunde || []); meldung.fehler(err); }
      } }, 'Satz hinzufügen'));
    const jahr = new Date().getFullYear();
    const liste = h('form', { 'data-testid': 'auszahlungsliste', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'raster' },
        feld.text('von', 'Zeitraum von', `01.01.${jahr}`, { attrs: { inputmode: 'numeric', placeholder: 'TT.MM.JJJJ' } }),
        feld.text('bis', 'bis', `31.12.${jahr}`, { attrs: { inputmode: 'numeric', placeholder: 'TT.MM.JJJJ' } })),
      h('p', { class: 'zeile' },
        h('button', { 'data-testid': 'auszahlung-pdf', onclick: async () => {
          const w = (k) => liste.querySelector(`[data-feld="${k}"]`).value;
          const { zeigen } = await import('./pdf-vorschau.js');
          await zeigen(`Auszahlungsliste ${w('von')} – ${w('bis')}`, { laden: () => aufruf('auszahlungsliste_vorschau', { von: w('von'), bis: w('bis') }) });
        } }, 'Auszahlungsliste ansehen (PDF)'),
        h('button', { 'data-testid': 'auszahlung-csv', onclick: async () => {
          const w = (k) => liste.querySelector(`[data-feld="${k}"]`).value;
          try {
            const pfad = await aufruf('auszahlungsliste_csv_speichern', { von: w('von'), bis: w('bis') });
            feld.befundeZeigen(liste, []);
            if (pfad) meldung.zeigen(`Auszahlungsliste für die Stadtkasse gespeichert: ${pfad}`);
          } catch (err) { feld.befundeZeigen(liste, err.befunde || []); meldung.fehler(err); }
        } }, 'CSV für die Stadtkasse speichern…')),
      h('p', { class: 'stumm' }, 'Die Liste enthält Namen, Anschriften und IBAN: personenbezogene Daten, nur für die Stadtkasse.'));
    wurzel.replaceChildren(tabelle, h('h3', {}, 'Neuer Satz'), form, h('h3', {}, 'Auszahlungsliste'), liste);
  };
  laden();
  return wurzel;
}
