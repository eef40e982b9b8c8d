// Vorlagen: the list (search, filters, sortable columns, ↑/↓/Enter) beside the editor.
import { aufruf } from '../ipc.js';
import { h, optionen } from '../components/dom.js';
import * as meldung from '../components/meldung.js';
import { zeilenTaste } from '../components/liste.js';
import { ARTEN, STATUS, ZUSTAENDE, label, datumDeutsch } from '../format.js';
import * as dialog from '../components/dialog.js';
import { Editor } from './vorlage-editor.js';
import { art as risArt, zeigen as risZeigen } from '../components/ris.js';

/** The list shows at most this many rows; the search narrows it down. */
const GRENZE = 500;

const SPALTEN = [
  ['nummer', 'Nr.'],
  ['betreff', 'Betreff'],
  [null, 'Status'],
  ['geaendert', 'Geändert'],
];

/** Nichtöffentlich and open points of a list row; `oeffentlich` also writes "öffentlich". */
function statusZeichen(z, oeffentlich) {
  return [
    z.status === 'nichtoeffentlich' ? h('span', { class: 'badge nichtoeffentlich' }, 'nichtöffentlich') : (oeffentlich ? 'öffentlich' : null),
    z.zustand === 'entwurf' && z.offene_befunde > 0 ? [' ', h('span', { class: 'badge offen', title: 'Vor der Freigabe noch zu erledigen' }, `${z.offene_befunde} offen`)] : null,
  ];
}

export class VorlagenBereich {
  constructor(wurzel, { beiListe } = {}) {
    this.wurzel = wurzel;
    this.beiListe = beiListe;
    this.filter = { suche: '', art: null, status: null, zustand: null, gremium: '', sortierung: 'standard', absteigend: false };
    this.zeilen = [];
    this.gewaehlt = null;
    this.suchTimer = null;
    this.aufbauen();
  }

  aufbauen() {
    this.suchfeld = h('input', {
      type: 'search', id: 'vorlagen-suche', placeholder: 'Suchen (Strg+F): Nr., Betreff, Namen, Text',
      'data-testid': 'vorlagen-suche', oninput: () => this.sucheGeaendert(),
    });
    const filterAuswahl = (key, text, liste) => h('label', {},
      text,
      h('select', {
        'data-testid': `filter-${key}`,
        onchange: (e) => { this.filter[key] = e.target.value || null; this.laden(); },
      }, h('option', { value: '' }, 'alle'), optionen(liste, null)),
    );
    this.gremiumFilter = h('input', {
      type: 'text', size: 14, 'data-testid': 'filter-gremium',
      onchange: (e) => { this.filter.gremium = e.target.value; this.laden(); },
    });
    this.tbody = h('tbody', { 'data-testid': 'vorlagen-liste' });
    this.kopfzeile = h('tr');
    this.detail = h('section', { class: 'detail', 'aria-label': 'Vorlage bearbeiten' });
    this.editor = new Editor(this.detail, {
      gespeichert: () => this.laden(),
      oeffnen: (id) => this.oeffnen(id),
      geloescht: () => { this.gewaehlt = null; this.laden(); },
    });
    this.wurzel.replaceChildren(h('div', { class: 'bereich' },
      h('section', { class: 'liste', 'aria-label': 'Vorlagenliste' },
        h('div', { class: 'liste-kopf' },
          h('div', { class: 'zeile' },
            h('label', { for: 'vorlagen-suche', class: 'visuell-versteckt' }, 'Vorlagen durchsuchen'),
            this.suchfeld,
            h('button', { class: 'primaer', 'data-testid': 'vorlage-neu', onclick: () => this.neu(), title: 'Neue Vorlage (Strg+N)' }, 'Neue Vorlage'),
            h('button', { 'data-testid': 'aus-muster', onclick: () => this.ausMuster(), title: 'Neuer Entwurf aus einem Vorlagen-Muster' }, 'Aus Muster…'),
          ),
          h('div', { class: 'filter' },
            filterAuswahl('art', 'Art', ARTEN),
            filterAuswahl('status', 'Status', STATUS),
            filterAuswahl('zustand', 'Zustand', ZUSTAENDE),
            h('label', {}, 'Gremium', this.gremiumFilter),
          ),
        ),
        h('div', { class: 'tabelle-wrap' },
          h('table', { class: 'liste-tabelle vorlagen-tabelle', 'aria-label': 'Vorlagen' },
            h('thead', {}, this.kopfzeile),
            this.tbody,
          ),
        ),
      ),
      this.detail,
    ));
    this.editor.leer();
    this.kopfZeichnen();
  }

  kopfZeichnen() {
    this.kopfzeile.replaceChildren(...SPALTEN.map(([key, text]) => {
      const aktiv = key && this.filter.sortierung === key;
      const th = h('th', { scope: 'col', 'aria-sort': aktiv ? (this.filter.absteigend ? 'descending' : 'ascending') : null });
      if (!key) { th.append(h('span', { class: 'kopf-text' }, text)); th.classList.add('ohne-sortierung'); return th; }
      th.append(h('button', {
        'data-testid': `sortieren-${key}`,
        onclick: () => {
          if (this.filter.sortierung === key) this.filter.absteigend = !this.filter.absteigend;
          else { this.filter.sortierung = key; this.filter.absteigend = key === 'geaendert'; }
          // The head is drawn anew: the focus stays on this column's button (Space or
          // Enter again turns the order round), never on <body>.
          const hatteFokus = th.contains(document.activeElement);
          this.kopfZeichnen();
          if (hatteFokus) this.kopfzeile.querySelector(`[data-testid="sortieren-${key}"]`)?.focus();
          this.laden();
        },
      }, text, aktiv ? (this.filter.absteigend ? ' ▼' : ' ▲') : ''));
      return th;
    }));
  }

  sucheGeaendert() {
    clearTimeout(this.suchTimer);
    this.suchTimer = setTimeout(() => { this.filter.suche = this.suchfeld.value; this.laden(); }, 150);
  }

  sucheFokussieren() {
    this.suchfeld.focus();
    this.suchfeld.select();
  }

  async laden() {
    try {
      const f = { ...this.filter, suche: this.filter.suche || null, gremium: this.filter.gremium || null, grenze: GRENZE };
      // A search also looks in the town's RIS (read in through OParl).
      [this.zeilen, this.ris] = await Promise.all([
        aufruf('vorlage_liste', { filter: f }),
        this.filter.suche ? aufruf('ris_suche', { text: this.filter.suche }).catch(() => []) : Promise.resolve([]),
      ]);
      this.zeichnen();
      this.beiListe?.(this.zeilen);
    } catch (e) {
      meldung.fehler(e);
    }
  }

  /** Another workstation changed something: the list again, and the open Vorlage checked. */
  async vonAussen() {
    await this.laden();
    await this.editor.vonAussen();
  }

  /** The hits of the RIS below the office's own: read-only, opened in the detail pane. */
  risZeilen() {
    if (!this.ris?.length) return [];
    return [
      h('tr', { class: 'trenner' }, h('td', { colspan: SPALTEN.length, class: 'stumm', 'data-testid': 'ris-treffer-kopf' }, `Aus dem Ratsinformationssystem (${this.ris.length}, schreibgeschützt)`)),
      ...this.ris.map((t) => h('tr', {
        tabindex: '0', 'data-testid': 'ris-zeile',
        onclick: () => this.risOeffnen(t.url),
        onkeydown: (e) => { if (e.key === 'Enter') e.currentTarget.click(); },
      },
      h('td', { class: 'nr' }, t.nummer || h('span', { class: 'badge' }, 'RIS')),
      h('td', { dir: 'auto' }, t.name, h('div', { class: 'stumm' }, `${risArt(t.typ)} · Ratsinformationssystem`)),
      h('td', {}, h('span', { class: 'badge' }, 'RIS')),
      h('td', { class: 'nr' }, datumDeutsch(t.datum)))),
    ];
  }

  zeichnen() {
    if (this.zeilen.length === 0) {
      const text = this.filter.suche ? `Keine Vorlage gefunden für „${this.filter.suche}“.` : 'Noch keine Vorlagen. Legen Sie mit „Neue Vorlage“ (Strg+N) die erste an.';
      this.tbody.replaceChildren(h('tr', {}, h('td', { colspan: SPALTEN.length, class: 'leer', 'data-testid': 'liste-leer' }, text)), ...this.risZeilen());
      return;
    }
    const mehr = this.zeilen.length >= GRENZE
      ? h('tr', {}, h('td', { colspan: SPALTEN.length, class: 'leer' }, `Die ersten ${GRENZE} Vorlagen werden gezeigt – grenzen Sie die Suche ein.`))
      : null;
    this.tbody.replaceChildren(...this.zeilen.map((z, i) => {
      const gewaehlt = z.id === this.gewaehlt;
      const tr = h('tr', {
        tabindex: gewaehlt || (this.gewaehlt === null && i === 0) ? '0' : '-1',
        'aria-selected': gewaehlt ? 'true' : 'false',
        'data-id': z.id, 'data-testid': 'vorlage-zeile',
        onclick: () => this.oeffnen(z.id),
        onkeydown: (e) => this.zeilenTaste(e, i),
      },
      h('td', { class: `nr${z.ersetzt ? ' ersetzt' : ''}` }, z.nummer || h('span', { class: 'badge entwurf' }, 'Entwurf')),
      h('td', {}, z.betreff ? h('span', { class: 'zwei-zeilen', title: z.betreff }, z.betreff) : h('em', {}, '(ohne Betreff)'),
        h('div', { class: 'stumm' }, [label(ARTEN, z.art), z.gremien].filter(Boolean).join(' · ')),
        // The search found the words in an Anlage, not in the paper's own text.
        z.fundstelle ? h('div', { class: 'stumm fundstelle', 'data-testid': 'fundstelle' }, z.fundstelle) : null,
        // In a narrow list the Status column gives way; its marks stand under the Betreff.
        h('div', { class: 'nur-schmal', 'aria-hidden': 'true' }, statusZeichen(z, false))),
      h('td', {}, statusZeichen(z, true)),
      h('td', { class: 'nr' }, datumDeutsch(z.geaendert)),
      );
      return tr;
    }), ...(mehr ? [mehr] : []), ...this.risZeilen());
  }

  zeilenTaste(e, i) {
    zeilenTaste(this.tbody, e, i, (id) => this.oeffnen(id));
  }


  async oeffnen(id) {
    if (!(await this.editor.verlassen())) return;
    this.gewaehlt = id;
    this.tbody.querySelectorAll('tr[data-id]').forEach((tr) => {
      const an = Number(tr.dataset.id) === id;
      tr.setAttribute('aria-selected', an ? 'true' : 'false');
      tr.setAttribute('tabindex', an ? '0' : '-1');
    });
    await this.editor.laden(id);
  }

  /** A hit of the RIS, read-only in the detail pane (the open Vorlage saved first). */
  async risOeffnen(url) {
    if (!(await this.editor.verlassen())) return;
    this.editor.leer();
    this.gewaehlt = null;
    await risZeigen(this.detail, url);
  }

  async neu() {
    try {
      if (!(await this.editor.verlassen())) return;
      const g = await aufruf('vorlage_neu', { art: 'beschlussvorlage' });
      await this.laden();
      await this.oeffnen(g.id);
      this.editor.fokusBetreff();
    } catch (e) {
      meldung.fehler(e);
    }
  }

  /** The Vorlagen-Muster: a new draft from one, or one deleted (with Rückgängig). */
  async ausMuster() {
    if (!(await this.editor.verlassen())) return;
    let muster;
    try { muster = await aufruf('muster_liste'); } catch (e) { meldung.fehler(e); return; }
    const anlegen = async (m) => {
      try {
        dialog.schliessen();
        const g = await aufruf('vorlage_aus_muster', { muster: m.id });
        await this.laden();
        await this.oeffnen(g.id);
        meldung.zeigen(`Entwurf aus dem Muster „${m.name}“ angelegt.`);
      } catch (e) { meldung.fehler(e); }
    };
    const loeschen = async (m) => {
      try {
        await aufruf('muster_loeschen', { muster: m.id });
        dialog.schliessen();
        meldung.mitAktion(`Muster „${m.name}“ gelöscht.`, 'Rückgängig', () => aufruf('muster_wiederherstellen', { muster: m.id }).catch(meldung.fehler));
      } catch (e) { meldung.fehler(e); }
    };
    dialog.oeffnen('Neuer Entwurf aus Muster', muster.length
      ? h('table', { class: 'tabelle', 'data-testid': 'muster-liste' },
        h('caption', { class: 'visuell-versteckt' }, 'Vorlagen-Muster'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Muster'), h('th', { scope: 'col' }, 'Art'), h('th', { scope: 'col' }, h('span', { class: 'visuell-versteckt' }, 'Aktionen')))),
        h('tbody', {}, muster.map((m) => h('tr', { 'data-testid': 'muster-zeile' },
          h('td', {}, h('strong', {}, m.name), m.betreff && m.betreff !== m.name ? h('div', { class: 'stumm' }, m.betreff) : null),
          h('td', {}, label(ARTEN, m.art)),
          h('td', { class: 'aktionen' },
            h('button', { class: 'klein primaer', 'data-testid': 'muster-anlegen', onclick: () => anlegen(m) }, 'Entwurf anlegen'), ' ',
            h('button', { class: 'klein', 'data-testid': 'muster-loeschen', 'aria-label': `Muster ${m.name} löschen`, onclick: () => loeschen(m) }, 'Löschen'))))))
      : h('p', { 'data-testid': 'muster-leer' }, 'Noch kein Muster. Öffnen Sie eine Vorlage und wählen Sie „Weitere ▾“ → „Als Muster speichern…“.'),
    [h('button', { 'data-testid': 'muster-schliessen', onclick: () => dialog.schliessen() }, 'Schließen')]);
  }

  speichern() { this.editor.jetztSpeichern(); }
}
