// The town's Ratsinformationssystem in the app: the OParl import (Einstellungen) with
// its progress bar, "Abbrechen" and report; the record of a paper or Sitzung read from the
// RIS (read-only, its files saved through the system's dialog).
import { aufruf } from '../ipc.js';
import { h } from './dom.js';
import * as meldung from './meldung.js';
import * as feld from './feld.js';
import { datumDeutsch, groesse } from '../format.js';

const ARTEN = { Paper: 'Vorlage', Meeting: 'Sitzung', Organization: 'Gremium', Person: 'Person', AgendaItem: 'TOP', Consultation: 'Beratung' };
export const art = (typ) => ARTEN[typ] || typ;

/** The import form: the endpoint's address, "Einlesen", progress, "Abbrechen", report. */
export function importFormular() {
  const url = feld.text('oparl_url', 'OParl-Adresse des Ratsinformationssystems', '', {
    breit: true,
    attrs: { spellcheck: 'false', placeholder: 'https://ratsinfo.stadt.de/oparl/v1.1/system' },
    hilfe: 'Die Adresse des OParl-Systems (oder einer Körperschaft). Ein erneutes Einlesen holt nur, was sich seitdem geändert hat; ein abgebrochenes setzt dort fort.',
  });
  const balken = h('progress', { hidden: true, 'data-testid': 'oparl-fortschritt', 'aria-label': 'OParl-Import' });
  const stand = h('p', { role: 'status', 'aria-live': 'polite', 'data-testid': 'oparl-stand' });
  const bericht = h('div', { 'data-testid': 'oparl-bericht' });
  const form = h('form', { 'data-testid': 'einstellungen-oparl', onsubmit: (e) => e.preventDefault() });
  const eingabe = () => form.querySelector('[data-feld="oparl_url"]');
  const abbrechen = h('button', { type: 'button', hidden: true, 'data-testid': 'oparl-abbrechen', onclick: () => aufruf('oparl_abbrechen').catch(meldung.fehler) }, 'Abbrechen');
  const los = h('button', { type: 'button', class: 'primaer', 'data-testid': 'oparl-einlesen', onclick: async () => {
    feld.befundeZeigen(form, []);
    bericht.replaceChildren();
    // No `disabled` while it runs: that would throw the focus onto <body>; the button is
    // aria-busy (components/dom.js) and takes no second click.
    abbrechen.hidden = false;
    balken.hidden = false;
    balken.removeAttribute('value');
    const kanal = new window.__TAURI__.core.Channel();
    kanal.onmessage = (f) => { stand.textContent = `Liste ${f.liste}, Seite ${f.seite}: ${f.gelesen} Objekte gelesen …`; };
    try {
      const b = await aufruf('oparl_import', { url: eingabe().value, fortschritt: kanal });
      stand.textContent = `${b.quelle}: ${b.gelesen} Objekte gelesen – neu ${b.neu}, aktualisiert ${b.aktualisiert}, unverändert ${b.unveraendert}, gelöscht ${b.geloescht}, Dateien ${b.dateien}.`;
      if (b.uebersprungen.length) {
        bericht.replaceChildren(h('details', {},
          h('summary', {}, `${b.uebersprungen.length} übersprungen oder repariert`),
          h('ul', { class: 'knapp' }, b.uebersprungen.map((w) => h('li', {}, `${w.grund} (${w.url || 'ohne Adresse'})`)))));
      }
      meldung.zeigen('Ratsinformationssystem eingelesen.');
    } catch (e) {
      stand.textContent = '';
      // Whatever stopped the import (the address, the server, the content): at the address.
      feld.befundeZeigen(form, [{ feld: 'oparl_url', schwere: 'fehler', meldung: e.message }]);
      meldung.fehler(e);
    } finally {
      if (document.activeElement === abbrechen) los.focus();
      abbrechen.hidden = true;
      balken.hidden = true;
    }
  } }, 'Einlesen');
  form.append(url, h('p', { class: 'zeile' }, los, abbrechen, balken), stand, bericht);
  aufruf('ris_quellen').then((q) => { if (q.length && !eingabe().value) eingabe().value = q[0].url; }).catch(() => {});
  return form;
}

/** A file of the RIS with its size and "Speichern unter…". */
function dateiZeile(d) {
  return h('li', {}, `${d.name} (${groesse(d.bytes)}) `,
    h('button', { class: 'klein', 'data-testid': 'ris-datei-speichern', onclick: async () => {
      try {
        const pfad = await aufruf('ris_datei_speichern', { url: d.url });
        if (pfad) meldung.zeigen(`Gespeichert: ${pfad}`);
      } catch (err) { meldung.fehler(err); }
    } }, 'Speichern unter…'));
}

/** The record of a RIS object in `ziel`: what it is, what belongs to it, its files. */
export async function zeigen(ziel, url) {
  let a;
  try { a = await aufruf('ris_akte', { url }); } catch (e) { meldung.fehler(e); return; }
  const e = a.eintrag;
  ziel.replaceChildren(
    h('div', { class: 'werkzeugleiste' },
      h('h1', { class: 'titel', 'data-testid': 'ris-titel', dir: 'auto' }, e.name || '(ohne Titel)'),
      h('span', { class: 'badge', title: 'Aus dem Ratsinformationssystem, hier schreibgeschützt' }, 'RIS')),
    h('div', { class: 'formular', 'data-testid': 'ris-akte' },
      h('dl', { class: 'ris-angaben' },
        h('dt', {}, 'Art'), h('dd', {}, art(e.typ)),
        e.nummer ? [h('dt', {}, 'Nummer'), h('dd', {}, e.nummer)] : null,
        e.datum ? [h('dt', {}, 'Datum'), h('dd', {}, datumDeutsch(e.datum))] : null,
        h('dt', {}, 'Quelle'), h('dd', { class: 'umbrechen' }, e.url)),
      a.kinder.length ? h('fieldset', {}, h('legend', {}, e.typ === 'Meeting' ? 'Tagesordnung' : 'Beratungen'),
        // A TOP with its files: the Beschluss (resolutionFile) and its Anlagen.
        h('ul', { 'data-testid': 'ris-kinder' }, a.kinder.map((k) => h('li', { dir: 'auto' }, k.anzeige || art(k.typ),
          k.dateien?.length ? h('ul', { class: 'knapp', 'data-testid': 'ris-top-dateien' }, k.dateien.map(dateiZeile)) : null)))) : null,
      h('fieldset', {}, h('legend', {}, `Dateien (${a.dateien.length})`),
        a.dateien.length ? h('ul', { 'data-testid': 'ris-dateien' }, a.dateien.map(dateiZeile))
          : h('p', { class: 'stumm' }, 'Keine Dateien.')),
      h('p', { class: 'stumm' }, 'Aus dem Ratsinformationssystem der Stadt: hier nur zu lesen. Änderungen kommen mit dem nächsten Einlesen.')));
}
