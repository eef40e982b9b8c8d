// The Vorlage editor: every part of the paper, autosaved, with the core's findings shown
// at their fields. Every save carries the version it is based on; a conflict stops the
// autosave and lets the user decide, nothing is overwritten silently.
import { aufruf } from '../ipc.js';
import { h, neueId, optionen } from '../components/dom.js';
import * as feld from '../components/feld.js';
import * as meldung from '../components/meldung.js';
import * as dialog from '../components/dialog.js';
import { mitKalender } from '../components/kalender.js';
import { ARTEN, STATUS, ROLLEN, ZEICHNUNG, datumDeutsch, uhrzeit, groesse, bueroZeit } from '../format.js';
import { KLIMARELEVANZ } from '../wertlisten.js';

const AUTOSAVE_MS = 600;

// The local journal: every keystroke not yet in the store, per Vorlage, written at once
// (localStorage is synchronous), so a crash, a kill or a closed window loses nothing.
const JOURNAL = 'ratsbuero.journal.';
function journalLesen(id) {
  try { return JSON.parse(localStorage.getItem(JOURNAL + id) || 'null'); } catch { return null; }
}
function journalSchreiben(id, basis, inhalt) {
  try { localStorage.setItem(JOURNAL + id, JSON.stringify({ basis, inhalt, zeit: new Date().toISOString() })); } catch { /* full: the store still saves */ }
}
function journalLoeschen(id) { localStorage.removeItem(JOURNAL + id); }
/** Vorlagen with input not yet in the store (offered back at the next start). */
export function journalOffen() {
  return Object.keys(localStorage).filter((k) => k.startsWith(JOURNAL)).map((k) => Number(k.slice(JOURNAL.length)));
}

const POSTEN_ERGEBNIS = [
  ['Ertrag', [['ertrag_einmalig', 'einmalig'], ['ertrag_jaehrlich', 'jährlich']], []],
  ['Aufwand', [['aufwand_einmalig', 'einmalig'], ['aufwand_jaehrlich', 'jährlich']],
    [['personalaufwand', 'Personalaufwand'], ['sach_und_dienstleistungen', 'Sach- und Dienstleistungen'], ['transferaufwand', 'Transferaufwand']]],
];
const POSTEN_INVESTIV = [
  ['Einzahlung', [['einzahlung_einmalig', 'einmalig'], ['einzahlung_jaehrlich', 'jährlich']],
    [['zuschuesse', 'Zuschüsse'], ['beitraege_dritter', 'Beiträge Dritter']]],
  ['Auszahlung', [['auszahlung_einmalig', 'einmalig'], ['auszahlung_jaehrlich', 'jährlich']], []],
];

// Who else has a Vorlage open (office on a server): kennung → {vorlage, wer, zeit}. Each
// workstation repeats what it has open every 20 s; an entry older than 50 s is gone.
const PULS_MS = 20000;
const GUELTIG_MS = 50000;
const andere = new Map();
let offenerEditor = null;
window.__TAURI__?.event?.listen('bearbeitung', ({ payload }) => {
  const neu = !andere.has(payload.kennung);
  if (payload.vorlage == null) andere.delete(payload.kennung);
  else andere.set(payload.kennung, { vorlage: payload.vorlage, wer: payload.wer, zeit: Date.now() });
  // A workstation that just opened something learns at once what this one has open.
  if (neu && payload.vorlage != null) offenerEditor?.bearbeitungMelden();
  offenerEditor?.bearbeiterZeigen();
});

export class Editor {
  constructor(wurzel, { gespeichert, oeffnen, geloescht }) {
    this.wurzel = wurzel;
    this.beiGeloescht = geloescht;
    this.beiGespeichert = gespeichert;
    this.oeffnenNach = oeffnen;
    this.akte = null;
    this.basis = null;
    this.ungespeichert = false;
    this.konflikt = false;
    this.timer = null;
    this.kette = Promise.resolve();
  }

  leer() {
    if (this.akte) this.bearbeitungBeenden();
    this.akte = null;
    this.wurzel.replaceChildren(h('div', { class: 'leer', 'data-testid': 'editor-leer' },
      'Wählen Sie links eine Vorlage oder legen Sie eine neue an (Strg+N).'));
  }

  /** Saves pending changes before another paper is opened; false if that failed. */
  async verlassen() {
    if (!this.akte || !this.ungespeichert) return true;
    if (this.konflikt) {
      // The input stays in the journal; the user decides here, never silently.
      return dialog.bestaetigen('Ungespeicherte Änderungen',
        'Diese Vorlage wurde an anderer Stelle geändert; Ihre Eingaben sind nicht gespeichert. Trotzdem verlassen? Ihre Eingaben werden beim nächsten Öffnen der Vorlage wieder angeboten.',
        'Verlassen');
    }
    clearTimeout(this.timer);
    const ok = await this.einreihen(() => this.speichern());
    if (!ok) meldung.zeigen('Die Änderungen konnten nicht gespeichert werden; bitte die Meldung in der Vorlage beachten.', 'fehler', 9000);
    return ok;
  }

  einreihen(schritt) {
    const p = this.kette.then(schritt, schritt);
    this.kette = p.catch(() => {});
    return p;
  }

  async laden(id) {
    try {
      const akte = await aufruf('vorlage_lesen', { id });
      this.anzeigen(akte);
    } catch (e) {
      meldung.fehler(e);
    }
  }

  anzeigen(akte) {
    this.akte = akte;
    this.basis = akte.version;
    this.ungespeichert = false;
    this.konflikt = false;
    this.zeichnen();
    this.befundeZeigen(akte.befunde);
    this.summenZeigen(akte.summen);
    this.standZeigen(akte.zustand === 'freigegeben' ? `Freigegeben am ${datumDeutsch(akte.freigegeben_am)}` : `Gespeichert ${uhrzeit(akte.geaendert)}`);
    this.journalAnbieten();
    this.bearbeitungBeginnen();
  }

  /** Input of an earlier run that never reached the store is offered back. */
  journalAnbieten() {
    const j = journalLesen(this.akte.id);
    if (!j) return;
    if (this.freigegeben || JSON.stringify(j.inhalt) === JSON.stringify(this.lesen())) { journalLoeschen(this.akte.id); return; }
    const zeit = new Date(j.zeit);
    this.konfliktLeiste.replaceChildren(h('div', { class: 'konflikt-hinweis', role: 'alert', 'data-testid': 'journal-hinweis' },
      h('span', {}, `Ungespeicherte Eingaben vom ${bueroZeit(zeit)} gefunden.`),
      h('button', { type: 'button', 'data-testid': 'journal-wiederherstellen', onclick: () => this.journalWiederherstellen(j) }, 'Wiederherstellen'),
      h('button', { type: 'button', 'data-testid': 'journal-verwerfen', onclick: () => { journalLoeschen(this.akte.id); this.konfliktLeiste.replaceChildren(); } }, 'Verwerfen'),
    ));
  }

  async journalWiederherstellen(j) {
    const akte = { ...this.akte, inhalt: j.inhalt };
    const basis = this.akte.version;
    this.akte = akte;
    this.zeichnen();
    this.basis = j.basis === basis ? basis : j.basis;
    this.ungespeichert = true;
    await this.einreihen(() => this.speichern({ sichtbar: true }));
  }

  get freigegeben() { return this.akte?.zustand === 'freigegeben'; }

  zeichnen() {
    const a = this.akte;
    const i = a.inhalt;
    const titel = a.nummer ? `Vorlage ${a.nummer}` : 'Vorlage';
    this.stand = h('span', { class: 'speicherstand', 'data-testid': 'speicherstand', role: 'status' });
    const pdfKnopf = h('button', { 'data-testid': 'pdf', onclick: () => this.pdfZeigen(), title: 'Vorschau des PDF, Drucken, Speichern, Signieren' }, 'PDF');
    const druckKnopf = h('button', { 'data-testid': 'drucken', onclick: () => this.drucken(), title: 'Drucken (Strg+P)' }, 'Drucken');
    const weitere = this.weitereMenue([
      h('button', { type: 'button', 'data-testid': 'als-kopie', onclick: () => this.alsKopie(), title: 'Neuer Entwurf mit diesem Inhalt' }, 'Als Kopie anlegen'),
      h('button', { type: 'button', 'data-testid': 'als-muster', onclick: () => this.alsMuster() }, 'Als Muster speichern…'),
      h('button', { type: 'button', 'data-testid': 'als-word', onclick: () => this.alsWord(), title: 'Die Vorlage als Word-Datei (.docx) für das Ratsinformationssystem' }, 'Als Word exportieren…'),
      this.freigegeben ? null : h('button', { type: 'button', 'data-testid': 'loeschen', onclick: () => this.loeschen(), title: 'Entwurf in den Papierkorb legen' }, 'Löschen'),
    ]);
    // Released, "Neue Fassung" stands first, away from where "Freigeben" was (last): the
    // second click of a hurried double click on "Freigeben" lands on nothing.
    const knoepfe = this.freigegeben
      ? [
        a.nachfolger_id
          ? h('button', { 'data-testid': 'zur-neuen-fassung', onclick: () => this.oeffnenNach(a.nachfolger_id) }, 'Zur neueren Fassung')
          : h('button', { 'data-testid': 'neue-fassung', onclick: () => this.neueFassung() }, 'Neue Fassung anlegen…'),
        pdfKnopf, druckKnopf, weitere,
      ]
      : [
        h('button', { 'data-testid': 'speichern', onclick: () => this.jetztSpeichern(), title: 'Speichern (Strg+S)' }, 'Speichern'),
        pdfKnopf, druckKnopf, weitere,
        h('button', { class: 'primaer', 'data-testid': 'freigeben', onclick: () => this.freigeben() }, 'Freigeben'),
      ];
    // A frozen paper has no enabled control: the scroll area itself takes the focus then.
    this.form = h('form', { class: 'formular', 'data-testid': 'editor', 'data-vorlage': String(this.akte.id), novalidate: true, 'aria-label': titel, tabindex: this.freigegeben ? '0' : null, onsubmit: (e) => e.preventDefault() });
    this.konfliktLeiste = h('div', { 'data-testid': 'konflikt' });
    this.bearbeiterLeiste = h('div', { class: 'bearbeitet-von', 'data-testid': 'bearbeitet-von', role: 'status' });
    this.befundListe = h('div', { class: 'befunde', 'data-testid': 'befunde', 'aria-live': 'polite' });
    const gesperrt = this.freigegeben;
    const inhalt = h('fieldset', { class: 'ohne-rahmen', disabled: gesperrt, 'data-testid': 'editor-felder' },
      h('legend', { class: 'visuell-versteckt' }, titel),
      i.status === 'nichtoeffentlich' ? h('div', { class: 'nichtoeff-hinweis', 'data-testid': 'nichtoeff-hinweis' }, 'nichtöffentlich – darf nicht veröffentlicht werden') : null,
      this.kopfTeil(i),
      this.beratungsTeil(i),
      this.finanzTeil(i),
      this.klimaTeil(i),
      h('fieldset', {}, h('legend', {}, 'Beschlussvorschlag'),
        feld.flaeche('beschlussvorschlag', 'Beschlussvorschlag', i.beschlussvorschlag, { hilfe: 'Bei einer Entsendung: „Der Integrationsrat entsendet folgende Mitglieder …“ mit einer nummerierten Liste (1. …).' })),
      h('fieldset', {}, h('legend', {}, 'Sachverhalt'),
        feld.flaeche('sachverhalt', 'Sachverhalt', i.sachverhalt, { lang: true, hilfe: 'Absätze durch eine Leerzeile trennen; Aufzählungen mit „- “ oder „1. “ beginnen.' })),
      this.unterzeichnungTeil(i),
    );
    this.form.append(this.bearbeiterLeiste, this.konfliktLeiste, this.befundListe, inhalt, this.anlagenTeil(a));
    this.form.addEventListener('input', (e) => this.geaendert(e));
    this.form.addEventListener('change', (e) => this.geaendert(e));
    this.ablegenErlauben(this.form);
    this.wurzel.replaceChildren(
      h('div', { class: 'werkzeugleiste' },
        h('h1', { class: 'titel', 'data-testid': 'editor-titel' }, titel, ' ',
          this.freigegeben ? h('span', { class: 'badge freigegeben' }, 'freigegeben') : h('span', { class: 'badge entwurf' }, 'Entwurf'),
          a.fassung > 0 ? h('span', { class: 'stumm' }, ` ${a.fassung}. Ergänzung`) : null),
        this.stand,
        ...knoepfe,
      ),
      this.form,
    );
  }

  kopfTeil(i) {
    return h('fieldset', {}, h('legend', {}, 'Kopf'),
      h('div', { class: 'raster' },
        feld.auswahl('art', 'Vorlage-Art', ARTEN, i.art),
        feld.auswahl('status', 'Status', STATUS, i.status),
        feld.text('betreff', 'Betreff', i.betreff, { breit: true }),
        feld.text('verfasser', 'Verfasser', i.verfasser),
        feld.text('federfuehrend', 'Federführend', i.federfuehrend),
        feld.text('bearbeiter', 'Bearbeiter/-in', i.bearbeiter),
      ));
  }

  beratungsTeil(i) {
    this.beratungBody = h('tbody', { 'data-testid': 'beratungsfolge' });
    for (const s of i.beratungsfolge) this.beratungBody.append(this.beratungsZeile(s));
    this.beratungNummerieren();
    return h('fieldset', {}, h('legend', {}, 'Beratungsfolge'),
      this.gremienVorschlaege(),
      h('table', { class: 'eingabe' },
        h('colgroup', {}, h('col', { class: 'sp-gremium' }), h('col', { class: 'sp-datum' }), h('col', { class: 'sp-aktionen' })),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Gremium / Rolle'), h('th', { scope: 'col' }, 'Sitzung am / Ergebnis'), h('th', { scope: 'col' }, h('span', { class: 'visuell-versteckt' }, 'Aktionen')))),
        this.beratungBody),
      h('div', { class: 'feld-meldung', 'data-meldung-fuer': 'beratungsfolge' }),
      h('button', { type: 'button', class: 'klein', 'data-testid': 'schritt-neu', onclick: () => {
        this.beratungBody.append(this.beratungsZeile({ gremium: '', rolle: 'vorberatung', datum: '', ergebnis: '' }));
        this.beratungNummerieren();
        this.beratungBody.lastElementChild.querySelector('input').focus();
        this.geaendert();
      } }, '+ Gremium hinzufügen'));
  }

  // One step is a row of three cells, each holding two fields above each other (Gremium
  // over Rolle, Sitzung am over Ergebnis): every field has room for its text also in the
  // narrow pane at 1024 px, and each field keeps its own label and message.
  beratungsZeile(s) {
    const tr = h('tr', { 'data-testid': 'schritt' });
    const teil = (el, name) => h('div', { class: 'schritt-feld' }, el, h('div', { class: 'feld-meldung', 'data-schritt-meldung': name }));
    tr.append(
      h('td', {},
        teil(h('input', { type: 'text', value: s.gremium, list: 'gremien-vorschlaege', autocomplete: 'off', 'data-teil': 'gremium', 'data-testid': 'schritt-gremium', oninput: (e) => this.risSitzungGewaehlt(e.target, tr) }), 'gremium'),
        teil(h('select', { 'data-teil': 'rolle', 'data-testid': 'schritt-rolle' }, optionen(ROLLEN, s.rolle)), 'rolle')),
      h('td', {},
        teil(mitKalender(h('input', { type: 'text', value: datumDeutsch(s.datum), inputmode: 'numeric', placeholder: 'TT.MM.JJJJ', autocomplete: 'off', 'data-teil': 'datum', 'data-testid': 'schritt-datum' })), 'datum'),
        teil(h('input', { type: 'text', value: s.ergebnis, placeholder: 'Ergebnis', 'data-teil': 'ergebnis', 'data-testid': 'schritt-ergebnis' }), 'ergebnis')),
      h('td', { class: 'aktionen' },
        // The neighbour moves, not this row: a moved row would lose the keyboard focus.
        h('button', { type: 'button', class: 'klein', 'data-aktion': 'hoch', onclick: () => { const vor = tr.previousElementSibling; if (!vor) return; tr.after(vor); this.beratungNummerieren(); this.geaendert(); } }, '↑'),
        h('button', { type: 'button', class: 'klein', 'data-aktion': 'runter', onclick: () => { const nach = tr.nextElementSibling; if (!nach) return; tr.before(nach); this.beratungNummerieren(); this.geaendert(); } }, '↓'),
        h('button', { type: 'button', class: 'klein', 'data-aktion': 'weg', onclick: () => this.schrittEntfernen(tr) }, '✕'),
      ),
    );
    return tr;
  }

  /** A Sitzung of the RIS picked in the Gremium field ("Rat der Stadt, Sitzung am
   * 06.05.2014"): the field takes the Gremium, the date field the day. */
  async risSitzungGewaehlt(eingabe, tr) {
    const ris = await (this.risSitzungen || Promise.resolve([]));
    const s = ris.find((x) => x.anzeige === eingabe.value);
    if (!s) return;
    eingabe.value = s.gremium;
    const datum = tr.querySelector('[data-teil="datum"]');
    datum.value = s.datum;
    datum.dispatchEvent(new Event('input', { bubbles: true }));
    eingabe.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Removes a step at once, with "Rückgängig" to put it back where it was. */
  schrittEntfernen(tr) {
    const vor = tr.nextElementSibling;
    const gremium = tr.querySelector('[data-teil="gremium"]').value;
    // The keyboard's place: the same button of the next step (else the one before), else
    // "Schritt hinzufügen" — never <body>.
    if (tr.contains(document.activeElement)) {
      const aktion = document.activeElement.dataset.aktion;
      const nachbar = tr.nextElementSibling || tr.previousElementSibling;
      const ziel = (nachbar && aktion && nachbar.querySelector(`[data-aktion="${aktion}"]`)) || this.wurzel.querySelector('[data-testid="schritt-neu"]');
      ziel?.focus({ preventScroll: true });
    }
    tr.remove();
    this.beratungNummerieren();
    this.geaendert();
    meldung.mitAktion(`Schritt „${gremium || 'ohne Gremium'}“ entfernt.`, 'Rückgängig', () => {
      if (!this.beratungBody?.isConnected) return;
      if (vor?.parentElement === this.beratungBody) vor.before(tr); else this.beratungBody.append(tr);
      this.beratungNummerieren();
      this.geaendert();
    });
  }

  beratungNummerieren() {
    [...this.beratungBody.children].forEach((tr, n) => {
      const nr = n + 1;
      tr.querySelectorAll('[data-teil]').forEach((el) => {
        const teil = el.dataset.teil;
        el.dataset.feld = `beratungsfolge.${n}.${teil}`;
        el.id = el.id || neueId('schritt');
        const namen = { gremium: 'Gremium', rolle: 'Rolle', datum: 'Sitzung am', ergebnis: 'Ergebnis' };
        el.setAttribute('aria-label', `Schritt ${nr}: ${namen[teil]}`);
        const m = el.closest('.schritt-feld').querySelector('[data-schritt-meldung]');
        m.dataset.meldungFuer = `beratungsfolge.${n}.${teil}`;
        m.id = `${el.id}-meldung`;
        el.setAttribute('aria-describedby', m.id);
      });
      const [hoch, runter, weg] = tr.querySelectorAll('[data-aktion]');
      hoch.setAttribute('aria-label', `↑ Schritt ${nr} nach oben`);
      runter.setAttribute('aria-label', `↓ Schritt ${nr} nach unten`);
      weg.setAttribute('aria-label', `✕ Schritt ${nr} entfernen`);
    });
  }

  finanzTeil(i) {
    const f = i.finanzielle_auswirkungen;
    const name = neueId('finanzart');
    const radio = (wert, text) => h('label', {}, h('input', { type: 'radio', name, value: wert, checked: f.art === wert, 'data-feld': 'finanzen.art', 'data-testid': `finanzen-${wert}` }), ` ${text}`);
    const gruppe = (titel, gruppen) => h('div', {}, h('h3', {}, titel), ...gruppen.map(([kopf, zeilen, darin]) => h('div', { class: 'posten' },
      h('strong', {}, kopf), h('span', { class: 'stumm' }, '€'),
      ...zeilen.flatMap(([key, text]) => this.betragsFeld(key, `${kopf} ${text}`, text, f[key], false)),
      darin.length ? h('em', { class: 'summe' }, 'darin enthalten:') : null,
      ...darin.flatMap(([key, text]) => this.betragsFeld(key, `${kopf}, darin enthalten: ${text}`, text, f[key], true)),
      darin.length ? h('div', { class: 'summe', 'data-testid': `summe-${kopf.toLowerCase()}` }) : null,
      darin.length ? h('div', { class: 'feld-meldung summe', 'data-meldung-fuer': `finanzen.${kopf.toLowerCase()}_darin` }) : null,
    )));
    const hmName = neueId('haushaltsmittel');
    const hm = (wert, text) => h('label', {}, h('input', { type: 'radio', name: hmName, value: wert, checked: f.haushaltsmittel === wert, 'data-feld': 'finanzen.haushaltsmittel', 'data-testid': `haushaltsmittel-${wert}` }), ` ${text}`);
    this.finanzTabelle = h('div', { class: 'finanzen', 'data-testid': 'finanzen-tabelle', hidden: f.art !== 'folgende' },
      gruppe('Ergebnisrechnung', POSTEN_ERGEBNIS),
      gruppe('Investiver Finanzplan', POSTEN_INVESTIV),
      h('div', { class: 'summe', role: 'radiogroup', 'aria-label': 'Haushaltsmittel stehen' }, 'Haushaltsmittel stehen: ', hm('verfuegbar', 'zur Verfügung'), ' ', hm('nicht_verfuegbar', 'nicht zur Verfügung'),
        h('div', { class: 'feld-meldung', 'data-meldung-fuer': 'finanzen.haushaltsmittel' })),
    );
    return h('fieldset', {}, h('legend', {}, 'Finanzielle Auswirkungen'),
      h('div', { role: 'radiogroup', 'aria-label': 'Finanzielle Auswirkungen' }, radio('keine', 'keine'), ' ', radio('folgende', 'folgende')),
      h('div', { class: 'feld-meldung', 'data-meldung-fuer': 'finanzen.art' }),
      this.finanzTabelle);
  }

  betragsFeld(key, langLabel, kurz, wert, darin) {
    const id = neueId(key);
    return [
      h('label', { for: id, class: darin ? 'darin' : null }, kurz, h('span', { class: 'visuell-versteckt' }, ` (${langLabel})`)),
      h('div', {},
        h('input', { type: 'text', id, inputmode: 'decimal', value: wert, 'data-feld': `finanzen.${key}`, 'data-testid': `betrag-${key}`, 'aria-describedby': `${id}-meldung`, placeholder: '0,00' }),
        h('div', { class: 'feld-meldung', id: `${id}-meldung`, 'data-meldung-fuer': `finanzen.${key}` })),
    ];
  }

  klimaTeil(i) {
    const name = neueId('klima');
    return h('fieldset', {}, h('legend', {}, 'Klimarelevante Auswirkungen'),
      h('div', { class: 'optionen', role: 'radiogroup', 'aria-label': 'Klimarelevante Auswirkungen' }, ...KLIMARELEVANZ.map(([wert, text, folge]) => {
        const id = neueId('klima');
        return h('label', { for: id },
          h('input', { type: 'radio', id, name, value: wert, checked: i.klimarelevanz === wert, 'data-feld': 'klimarelevanz', 'data-testid': `klima-${wert}`, 'aria-describedby': `${id}-folge` }),
          h('span', {}, text),
          h('span', { class: 'folge', id: `${id}-folge` }, folge));
      })),
      h('div', { class: 'feld-meldung', 'data-meldung-fuer': 'klimarelevanz' }));
  }

  unterzeichnungTeil(i) {
    const u = i.unterzeichnung;
    const eigene = h('input', { type: 'checkbox', id: neueId('unterzeichnung'), checked: !!u, 'data-feld': 'unterzeichnung.eigene', 'data-testid': 'unterzeichnung-eigene' });
    const felder = h('div', { class: 'raster', hidden: !u, 'data-testid': 'unterzeichnung-felder' },
      feld.text('unterzeichnung.behoerdenleitung', 'Behördenleitung', u?.behoerdenleitung ?? '', { attrs: { placeholder: 'z. B. Die Bürgermeisterin' } }),
      feld.auswahl('unterzeichnung.modus', 'Zeichnung', ZEICHNUNG, u?.modus ?? 'in_vertretung'),
      feld.text('unterzeichnung.name', 'Name', u?.name ?? ''),
      feld.text('unterzeichnung.funktion', 'Funktion', u?.funktion ?? ''),
    );
    eigene.addEventListener('change', () => { felder.hidden = !eigene.checked; });
    return h('fieldset', {}, h('legend', {}, 'Unterzeichnung'),
      h('label', { for: eigene.id }, eigene, ' Andere Unterzeichnung als in den Einstellungen'),
      felder);
  }

  anlagenTeil(a) {
    const gesperrt = this.freigegeben;
    const datei = h('input', { type: 'file', id: neueId('anlage'), multiple: true, 'data-testid': 'anlage-datei', disabled: gesperrt,
      onchange: (e) => { const dateien = [...e.target.files]; e.target.value = ''; this.anlagenHochladen(dateien); } });
    // Narrow columns of fixed width (number, status, action); the name takes the rest, with
    // its size, a scan's note and the Alternativenprüfung under it (issue 25: nothing cut
    // at 1024×700).
    const zeilen = a.anlagen.map((an) => h('tr', { 'data-testid': 'anlage' },
      h('td', {}, String(an.nr)),
      h('td', {}, h('select', { 'aria-label': `Status von ${an.name}`, disabled: gesperrt, 'data-testid': 'anlage-status',
        onchange: (e) => this.anlageAendern(an, e.target.value, an.alternativenpruefung) }, optionen(STATUS, an.status))),
      h('td', { class: 'anlage-name' }, an.name, h('span', { class: 'stumm anlage-groesse', 'data-testid': 'anlage-groesse' }, ` · ${groesse(an.groesse)}`),
        // A PDF of images: the search cannot read it (said at the Anlage, not hidden).
        an.textschicht === 'scan' ? h('div', { class: 'hinweis-klein', 'data-testid': 'anlage-scan' }, 'Scan ohne Text – die Suche findet seinen Inhalt nicht') : null,
        h('div', {}, h('label', {}, h('input', { type: 'checkbox', checked: an.alternativenpruefung, disabled: gesperrt, 'data-testid': 'anlage-alternativenpruefung',
          onchange: (e) => this.anlageAendern(an, an.status, e.target.checked) }), ' Alternativenprüfung'))),
      h('td', {}, h('button', { type: 'button', class: 'klein', disabled: gesperrt, 'aria-label': `${an.name} entfernen`, 'data-testid': 'anlage-entfernen',
        onclick: () => this.anlageEntfernen(an) }, 'Entfernen')),
    ));
    return h('fieldset', { 'data-testid': 'anlagen' }, h('legend', {}, 'Anlagen'),
      zeilen.length
        ? h('table', { class: 'eingabe anlagen-tabelle' },
          h('colgroup', {}, ...['sp-nr', 'sp-status', 'sp-name', 'sp-entfernen'].map((k) => h('col', { class: k }))),
          h('thead', {}, h('tr', {}, ...['Nr.', 'Status', 'Name', ''].map((t) => h('th', { scope: 'col' }, t || h('span', { class: 'visuell-versteckt' }, 'Aktionen'))))), h('tbody', {}, zeilen))
        : h('p', { class: 'stumm' }, 'Keine Anlagen.'),
      h('div', { class: 'feld-meldung', 'data-meldung-fuer': 'anlagen' }),
      h('div', { class: 'feld' }, h('label', { for: datei.id }, 'Anlage hinzufügen (Datei auswählen)'), datei));
  }

  /** The form's content in the shape of the core's VorlageInhalt. */
  lesen() {
    const wert = (k) => this.form.querySelector(`[data-feld="${k}"]`)?.value ?? '';
    const gewaehlt = (k) => this.form.querySelector(`[data-feld="${k}"]:checked`)?.value ?? null;
    const finanzen = { art: gewaehlt('finanzen.art') || 'keine', haushaltsmittel: gewaehlt('finanzen.haushaltsmittel') };
    for (const [, zeilen, darin] of [...POSTEN_ERGEBNIS, ...POSTEN_INVESTIV]) {
      for (const [key] of [...zeilen, ...darin]) finanzen[key] = wert(`finanzen.${key}`);
    }
    return {
      art: wert('art'), status: wert('status'), betreff: wert('betreff'), verfasser: wert('verfasser'),
      federfuehrend: wert('federfuehrend'), bearbeiter: wert('bearbeiter'),
      beratungsfolge: [...this.beratungBody.children].map((tr) => {
        const t = (teil) => tr.querySelector(`[data-teil="${teil}"]`).value;
        return { gremium: t('gremium'), rolle: t('rolle'), datum: t('datum'), ergebnis: t('ergebnis') };
      }),
      finanzielle_auswirkungen: finanzen, klimarelevanz: gewaehlt('klimarelevanz'),
      beschlussvorschlag: wert('beschlussvorschlag'), sachverhalt: wert('sachverhalt'),
      unterzeichnung: this.form.querySelector('[data-feld="unterzeichnung.eigene"]').checked
        ? { behoerdenleitung: wert('unterzeichnung.behoerdenleitung'), modus: wert('unterzeichnung.modus'), name: wert('unterzeichnung.name'), funktion: wert('unterzeichnung.funktion') }
        : null,
    };
  }

  geaendert(e) {
    if (!this.akte || this.freigegeben) return;
    if (e?.target?.type === 'file' || e?.target?.closest?.('[data-testid="anlagen"]')) return;
    this.finanzTabelle.hidden = this.form.querySelector('[data-feld="finanzen.art"]:checked')?.value !== 'folgende';
    if (e?.target?.dataset?.feld === 'status') {
      this.form.querySelector('[data-testid="nichtoeff-hinweis"]')?.remove();
    }
    this.ungespeichert = true;
    journalSchreiben(this.akte.id, this.basis, this.lesen());
    if (this.konflikt) return;
    this.standZeigen('Ungespeicherte Änderungen', 'ungespeichert');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.einreihen(() => this.speichern()), AUTOSAVE_MS);
  }

  jetztSpeichern() {
    if (!this.akte || this.freigegeben) return;
    clearTimeout(this.timer);
    return this.einreihen(() => this.speichern({ sichtbar: true }));
  }

  /** Checks, then saves. Resolves true when the form's content is stored. */
  async speichern({ sichtbar = false } = {}) {
    if (!this.akte || this.freigegeben || this.konflikt) return false;
    if (!this.ungespeichert) { if (sichtbar) this.standZeigen(`Gespeichert ${uhrzeit(this.akte.geaendert)}`); return true; }
    const id = this.akte.id;
    const inhalt = this.lesen();
    try {
      // Saved as typed: a wrong value is a finding at its field and blocks the release,
      // never the save.
      const g = await aufruf('vorlage_speichern', { id, basis: this.basis, inhalt });
      if (this.akte?.id !== id) return true;
      this.basis = g.version;
      this.akte.geaendert = g.geaendert;
      this.akte.version = g.version;
      this.befundeZeigen(g.befunde);
      this.summenZeigen(g.summen);
      if (JSON.stringify(this.lesen()) === JSON.stringify(inhalt)) { this.ungespeichert = false; journalLoeschen(id); }
      const falsch = g.befunde.filter((b) => b.schwere === 'fehler').length;
      this.standZeigen(falsch ? `Gespeichert ${uhrzeit(g.geaendert)} – ${falsch} ${falsch === 1 ? 'Eingabe' : 'Eingaben'} prüfen` : `Gespeichert ${uhrzeit(g.geaendert)}`, falsch ? 'ungespeichert' : '');
      this.beiGespeichert?.();
      return true;
    } catch (e) {
      this.fehlerBeimSpeichern(e);
      return false;
    }
  }

  /** Tells the other workstations that this Vorlage is open here, now and every 20 s
   * while the editor is on screen. */
  bearbeitungBeginnen() {
    offenerEditor = this;
    this.bearbeitungMelden();
    this.bearbeiterZeigen();
    clearInterval(this.puls);
    this.puls = setInterval(() => {
      if (!this.wurzel.isConnected || !this.akte) { this.bearbeitungBeenden(); return; }
      this.bearbeitungMelden();
      this.bearbeiterZeigen();
    }, PULS_MS);
  }

  bearbeitungBeenden() {
    clearInterval(this.puls);
    if (offenerEditor === this) offenerEditor = null;
    aufruf('bearbeitung', { vorlage: null }).catch(() => {});
  }

  bearbeitungMelden() {
    aufruf('bearbeitung', { vorlage: this.akte?.id ?? null }).catch(() => {});
  }

  /** „Wird gerade bearbeitet von …“: the others who have this Vorlage open. */
  bearbeiterZeigen() {
    if (!this.bearbeiterLeiste) return;
    // A released Vorlage is read, not edited: nobody to warn.
    if (this.freigegeben) { this.bearbeiterLeiste.replaceChildren(); return; }
    const jetzt = Date.now();
    const namen = [...new Set([...andere.values()]
      .filter((a) => a.vorlage === this.akte?.id && jetzt - a.zeit < GUELTIG_MS)
      .map((a) => a.wer))];
    this.bearbeiterLeiste.replaceChildren(...(namen.length
      ? [h('p', {}, `Wird gerade bearbeitet von ${namen.join(', ')} (an einem anderen Arbeitsplatz).`)]
      : []));
  }

  /** Another workstation changed something: if it was this Vorlage, say so before the
   * user types on (the input stays in the journal, nothing is saved over it). */
  async vonAussen() {
    if (!this.akte || this.konflikt) return;
    const id = this.akte.id;
    let neu;
    try { neu = await aufruf('vorlage_lesen', { id }); } catch { return; }
    if (this.akte?.id !== id || neu.version === this.basis) return;
    this.fehlerBeimSpeichern({
      code: 'konflikt',
      message: `Die Vorlage wurde an anderer Stelle geändert (jetzt Version ${neu.version}${neu.zustand === 'freigegeben' ? ', freigegeben' : ''}). Nichts wurde überschrieben.`,
    });
  }

  fehlerBeimSpeichern(e) {
    if (e.code === 'konflikt') {
      this.konflikt = true;
      clearTimeout(this.timer);
      this.standZeigen('Konflikt: von anderer Stelle geändert', 'konflikt');
      this.konfliktLeiste.replaceChildren(h('div', { class: 'konflikt-hinweis', role: 'alert' },
        h('span', {}, e.message),
        h('button', { type: 'button', 'data-testid': 'konflikt-neu-laden', onclick: () => this.laden(this.akte.id) }, 'Neu laden (meine Änderungen verwerfen)'),
        h('button', { type: 'button', 'data-testid': 'konflikt-meine', onclick: () => this.meineFassungSpeichern() }, 'Meine Fassung speichern'),
      ));
    } else {
      if (e.befunde?.length) this.befundeZeigen(e.befunde);
      this.standZeigen('Nicht gespeichert', 'ungespeichert');
      meldung.fehler(e);
    }
  }

  /** The user decided, after seeing the conflict, to store the form over the newer version. */
  async meineFassungSpeichern() {
    try {
      const aktuell = await aufruf('vorlage_lesen', { id: this.akte.id });
      if (aktuell.zustand === 'freigegeben') { this.anzeigen(aktuell); meldung.zeigen('Die Vorlage wurde inzwischen freigegeben.', 'fehler'); return; }
      this.basis = aktuell.version;
      this.konflikt = false;
      this.ungespeichert = true;
      this.konfliktLeiste.replaceChildren();
      await this.einreihen(() => this.speichern({ sichtbar: true }));
    } catch (e) { meldung.fehler(e); }
  }

  befundeZeigen(befunde) {
    feld.befundeZeigen(this.form, befunde);
    if (!befunde.length || this.freigegeben) { this.befundListe.replaceChildren(); return; }
    const offen = befunde.filter((b) => b.schwere !== 'hinweis').length;
    this.befundListe.replaceChildren(
      h('h2', {}, offen ? `Vor der Freigabe zu erledigen (${offen})` : 'Hinweise'),
      h('ul', {}, befunde.map((b) => h('li', { class: b.schwere, 'data-testid': 'befund', 'data-befund-feld': b.feld }, b.meldung))),
    );
  }

  summenZeigen(s) {
    if (!s || !this.form) return;
    const a = this.form.querySelector('[data-testid="summe-aufwand"]');
    if (a) a.textContent = `Aufwand gesamt ${s.aufwand_gesamt}, darin enthalten ${s.aufwand_darin}`;
    const z = this.form.querySelector('[data-testid="summe-einzahlung"]');
    if (z) z.textContent = `Einzahlung gesamt ${s.einzahlung_gesamt}, darin enthalten ${s.einzahlung_darin}`;
  }

  standZeigen(text, art = '') {
    if (!this.stand) return;
    this.stand.textContent = text;
    this.stand.className = `speicherstand ${art}`;
  }

  async freigeben() {
    if (this.freigegeben) return;
    const ok = await this.einreihen(() => this.speichern());
    if (!ok) return;
    try {
      const akte = await aufruf('vorlage_freigeben', { id: this.akte.id, basis: this.basis });
      this.anzeigen(akte);
      meldung.zeigen(`Vorlage ${akte.nummer} freigegeben.`);
      this.beiGespeichert?.();
    } catch (e) {
      if (e.befunde?.length) this.befundeZeigen(e.befunde);
      if (e.code === 'konflikt') this.fehlerBeimSpeichern(e); else meldung.fehler(e);
    }
  }

  async alsKopie() {
    if (!(await this.verlassen())) return;
    try {
      const g = await aufruf('vorlage_kopieren', { id: this.akte.id });
      this.beiGespeichert?.();
      await this.oeffnenNach(g.id);
      meldung.zeigen('Kopie als neuer Entwurf angelegt (ohne Anlagen, ohne Sitzungsdaten).');
    } catch (e) { meldung.fehler(e); }
  }

  /** A draft goes into the Papierkorb; "Rückgängig" brings it back at once. */
  async loeschen() {
    if (!(await this.verlassen())) return;
    const id = this.akte.id;
    // The Betreff as on screen: the one just typed, not the one last loaded.
    const name = (this.form?.querySelector('[data-feld="betreff"]')?.value ?? this.akte.inhalt.betreff).trim() || '(ohne Betreff)';
    try {
      await aufruf('vorlage_loeschen', { id, basis: this.basis });
      journalLoeschen(id);
      this.leer();
      this.beiGeloescht?.();
      meldung.mitAktion(`Entwurf „${name}“ in den Papierkorb gelegt (30 Tage wiederherstellbar).`, 'Rückgängig', async () => {
        try {
          await aufruf('papierkorb_wiederherstellen', { art: 'vorlage', id });
          this.beiGeloescht?.();
          await this.oeffnenNach(id);
        } catch (e) { meldung.fehler(e); }
      });
    } catch (e) { meldung.fehler(e); }
  }

  async neueFassung() {
    const nummer = this.akte.nummer;
    const ja = await dialog.bestaetigen('Neue Fassung anlegen?',
      `Neue Fassung von ${nummer} anlegen? Sie beginnt als Entwurf mit dem Inhalt und den Anlagen von ${nummer}; ${nummer} bleibt unverändert lesbar.`,
      'Neue Fassung anlegen');
    if (!ja) return;
    try {
      const g = await aufruf('vorlage_neue_fassung', { id: this.akte.id });
      this.beiGespeichert?.();
      await this.oeffnenNach(g.id);
    } catch (e) { meldung.fehler(e); }
  }

  async anlagenHochladen(dateien) {
    if (!(await this.verlassen())) return;
    for (const d of dateien) {
      await this.einreihen(async () => {
        try {
          const daten = await new Promise((ok, nein) => {
            const r = new FileReader();
            r.onload = () => ok(String(r.result));
            r.onerror = () => nein(r.error);
            r.readAsDataURL(d);
          });
          const status = this.form.querySelector('[data-feld="status"]').value;
          const r = await aufruf('anlage_hinzufuegen', { vorlage: this.akte.id, basis: this.basis, upload: { name: d.name, status, alternativenpruefung: false, daten_base64: daten } });
          this.basis = r.gespeichert.version;
          meldung.zeigen(`Anlage „${r.anlage.name}“ hinzugefügt.`);
        } catch (e) { this.fehlerBeimSpeichern(e); }
      });
    }
    await this.laden(this.akte.id);
    this.beiGespeichert?.();
  }

  async anlageAendern(an, status, alternativenpruefung) {
    if (!(await this.verlassen())) return;
    await this.einreihen(async () => {
      try {
        const g = await aufruf('anlage_aendern', { vorlage: this.akte.id, basis: this.basis, anlage: an.id, status, alternativenpruefung });
        this.basis = g.version;
      } catch (e) { this.fehlerBeimSpeichern(e); }
    });
    await this.laden(this.akte.id);
  }

  async anlageEntfernen(an) {
    const ja = h('button', { class: 'primaer', 'data-testid': 'bestaetigen', onclick: async () => {
      dialog.schliessen();
      if (!(await this.verlassen())) return;
      await this.einreihen(async () => {
        try {
          const g = await aufruf('anlage_entfernen', { vorlage: this.akte.id, basis: this.basis, anlage: an.id });
          this.basis = g.version;
        } catch (e) { this.fehlerBeimSpeichern(e); }
      });
      await this.laden(this.akte.id);
      this.beiGespeichert?.();
    } }, 'Entfernen');
    dialog.oeffnen('Anlage entfernen?', h('p', {}, `„${an.name}“ wird aus dieser Vorlage entfernt.`),
      [h('button', { onclick: () => dialog.schliessen() }, 'Abbrechen'), ja]);
  }

  /** Saves what is pending, then opens the PDF preview (pdf.js is loaded only now);
   * with `drucken`, the print dialog follows as soon as the document is there. */
  async pdfZeigen({ drucken = false } = {}) {
    if (!(await this.verlassen()) || this.konflikt) return;
    const { oeffnen } = await import('../components/pdf-vorschau.js');
    await oeffnen(this.akte.id, this.akte.nummer ? `Vorlage ${this.akte.nummer}` : 'Entwurf', { drucken });
  }

  /** *Als Word exportieren…*: saved first, like the PDF, then written where the user says. */
  async alsWord() {
    if (!(await this.verlassen()) || this.konflikt) return;
    try {
      const pfad = await aufruf('vorlage_docx_speichern', { id: this.akte.id });
      if (pfad) meldung.zeigen(`Als Word-Datei gespeichert: ${pfad}`);
    } catch (e) { meldung.fehler(e); }
  }

  /** Strg+P and "Drucken": the PDF of this Vorlage, printed from the preview. */
  drucken() { return this.pdfZeigen({ drucken: true }); }

  /** The toolbar's "Weitere ▾": actions used now and then, so the toolbar fits 1024 px. */
  weitereMenue(eintraege) {
    const menue = h('div', { class: 'mehr-menue', id: neueId('weitere'), hidden: true, 'data-testid': 'weitere-menue' }, eintraege);
    const knopf = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': menue.id, 'data-testid': 'weitere' }, 'Weitere ▾');
    const zu = () => { menue.hidden = true; knopf.setAttribute('aria-expanded', 'false'); document.removeEventListener('mousedown', weg, true); };
    const weg = (e) => { if (!menue.contains(e.target) && e.target !== knopf) zu(); };
    knopf.addEventListener('click', () => {
      if (!menue.hidden) { zu(); return; }
      menue.hidden = false;
      knopf.setAttribute('aria-expanded', 'true');
      document.addEventListener('mousedown', weg, true);
      menue.querySelector('button')?.focus();
    });
    menue.addEventListener('click', (e) => { if (e.target.closest('button')) zu(); });
    menue.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); zu(); knopf.focus(); } });
    return h('span', { class: 'mehr' }, knopf, menue);
  }

  /** The office's Gremien as suggestions for a Beratungsfolge step (free text stays possible). */
  gremienVorschlaege() {
    const liste = h('datalist', { id: 'gremien-vorschlaege', 'data-testid': 'gremien-vorschlaege' });
    // Asked once per visit of the Vorlagen area, not at every Vorlage opened.
    this.gremien ??= aufruf('gremien_liste');
    // The Sitzungen of the town's RIS too: choosing one fills Gremium and date.
    this.risSitzungen ??= aufruf('ris_sitzungen').catch(() => []);
    Promise.all([this.gremien, this.risSitzungen]).then(([gremien, ris]) => {
      liste.replaceChildren(
        ...gremien.map((g) => h('option', { value: g.name })),
        ...ris.map((s) => h('option', { value: s.anzeige })));
    }).catch(() => { /* suggestions only; the field works without them */ });
    return liste;
  }

  /** Files dragged from the file manager onto the editor become Anlagen. */
  ablegenErlauben(ziel) {
    const mitDateien = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
    ziel.addEventListener('dragover', (e) => {
      if (!mitDateien(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = this.freigegeben ? 'none' : 'copy';
      ziel.classList.add('ablegen');
    });
    ziel.addEventListener('dragleave', (e) => { if (!ziel.contains(e.relatedTarget)) ziel.classList.remove('ablegen'); });
    ziel.addEventListener('drop', (e) => {
      if (!mitDateien(e)) return;
      e.preventDefault();
      ziel.classList.remove('ablegen');
      if (this.freigegeben) { meldung.zeigen('Die Vorlage ist freigegeben: Anlagen kommen in eine neue Fassung.', 'fehler'); return; }
      const dateien = [...e.dataTransfer.files];
      if (dateien.length) this.anlagenHochladen(dateien);
    });
  }

  /** Keeps this Vorlage's content as a Muster under a name (for "Neu aus Muster"). */
  async alsMuster() {
    if (!(await this.verlassen())) return;
    const eingabe = h('input', { type: 'text', id: neueId('muster'), value: this.akte.inhalt.betreff || '', autocomplete: 'off', 'data-testid': 'muster-name' });
    const fehler = h('p', { class: 'feld-meldung fehler', role: 'alert', 'data-testid': 'muster-fehler' });
    const los = async () => {
      try {
        const m = await aufruf('muster_anlegen', { vorlage: this.akte.id, name: eingabe.value });
        dialog.schliessen();
        meldung.zeigen(`Muster „${m.name}“ gespeichert. „Neue Vorlage ▾“ → „Aus Muster“ legt damit einen Entwurf an.`);
      } catch (e) { fehler.textContent = e.message; eingabe.select(); }
    };
    dialog.oeffnen('Als Muster speichern',
      h('form', { onsubmit: (e) => { e.preventDefault(); los(); } },
        h('p', {}, 'Der Inhalt dieser Vorlage wird als Muster aufbewahrt – ohne Anlagen und ohne Daten und Ergebnisse der Beratung.'),
        h('label', { for: eingabe.id }, 'Name des Musters'), eingabe, fehler),
      [h('button', { onclick: () => dialog.schliessen() }, 'Abbrechen'),
        h('button', { class: 'primaer', 'data-testid': 'muster-ok', onclick: los }, 'Als Muster speichern')]);
    eingabe.focus();
    eingabe.select();
  }

  fokusBetreff() { this.form?.querySelector('[data-feld="betreff"]')?.focus(); }
}
