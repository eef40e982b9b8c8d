// Beschlüsse (Beschlusskontrolle, issue 27 § 3): every decision of every Sitzung (list)
// beside one decision (detail) — its result and Beschlusstext, the responsible unit, the
// Wiedervorlage, the status the office sets, and dated notes. "überfällig" is the core's,
// by the date. Each field is saved when it is left, as everywhere; a refused value stays
// in its field with the core's message.
import { aufruf } from '../ipc.js';
import { h, optionen } from '../components/dom.js';
import * as meldung from '../components/meldung.js';
import * as dialog from '../components/dialog.js';
import { mitKalender } from '../components/kalender.js';
import { bewahrend, losgelassen, listeErsetzen, meldungAmFeld } from '../components/bewahren.js';
import { beschriftet as feld } from '../components/feld.js';
import { datumDeutsch } from '../format.js';
import { wartendBehalten, wartendErledigt } from '../components/wartend.js';

const STAND = [['offen', 'offen'], ['in_arbeit', 'in Arbeit'], ['erledigt', 'erledigt']];
const ANZEIGE = { offen: 'offen', in_arbeit: 'in Arbeit', erledigt: 'erledigt', ueberfaellig: 'überfällig' };
const ERGEBNIS = { beschlossen: 'beschlossen', geaendert: 'geändert beschlossen' };

export class BeschluesseBereich {
  constructor(wurzel) {
    this.wurzel = wurzel;
    this.akte = null;
    this.kette = Promise.resolve();
    this.filterStand = h('select', { id: 'filter-stand', 'data-testid': 'beschluss-filter-stand', onchange: () => this.listeLaden() },
      optionen([['', 'alle'], ['offen', 'offen'], ['in_arbeit', 'in Arbeit'], ['ueberfaellig', 'überfällig'], ['erledigt', 'erledigt']], ''));
    this.filterGremium = h('select', { id: 'filter-gremium-b', 'data-testid': 'beschluss-filter-gremium', onchange: () => this.listeLaden() }, h('option', { value: '' }, 'alle Gremien'));
    this.filterZustaendig = h('input', { type: 'text', id: 'filter-zustaendig', placeholder: 'z. B. FB 51', 'data-testid': 'beschluss-filter-zustaendig', oninput: () => { clearTimeout(this.tippen); this.tippen = setTimeout(() => this.listeLaden(), 250); } });
    this.tbody = h('tbody', {});
    this.detail = h('section', { class: 'detail', 'aria-label': 'Beschluss' });
    wurzel.replaceChildren(h('div', { class: 'bereich' },
      h('section', { class: 'liste', 'aria-label': 'Beschlüsse' },
        h('div', { class: 'liste-kopf raster-filter' },
          h('div', { class: 'feld' }, h('label', { for: 'filter-stand' }, 'Stand'), this.filterStand),
          h('div', { class: 'feld' }, h('label', { for: 'filter-gremium-b' }, 'Gremium'), this.filterGremium),
          h('div', { class: 'feld' }, h('label', { for: 'filter-zustaendig' }, 'Zuständig'), this.filterZustaendig),
          h('div', { class: 'zeile' },
            h('button', { 'data-testid': 'sachstand-anlegen', title: 'Mitteilungsvorlage für die nächste Sitzung: die offenen und die seit dem letzten Sachstand erledigten Beschlüsse', onclick: () => this.sachstand() }, 'Sachstand der Beschlüsse'),
            h('button', { 'data-testid': 'bericht-oeffnen', onclick: () => this.bericht() }, 'Tätigkeitsbericht…'))),
        h('div', { class: 'tabelle-wrap' }, h('table', { class: 'liste-tabelle', 'data-testid': 'beschluesse' },
          h('thead', {}, h('tr', {}, ...['Sitzung', 'TOP', 'Stand'].map((t) => h('th', { scope: 'col' }, t)))),
          this.tbody))),
      this.detail));
    this.leer();
  }

  /** "Sachstand der Beschlüsse": a Mitteilungsvorlage draft, opened in the editor. */
  async sachstand() {
    try {
      const id = await aufruf('sachstand_entwurf');
      sessionStorage.setItem('ratsbuero.oeffnen', String(id));
      location.hash = '#vorlagen';
    } catch (e) { meldung.fehler(e); }
  }

  /** The year's report: a Mitteilungsvorlage draft, opened in the editor to go on with. */
  bericht() {
    const jahr = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', size: 6, value: String(new Date().getFullYear()), 'data-testid': 'bericht-jahr', 'data-feld': 'jahr' });
    const oeffentlich = h('input', { type: 'checkbox', checked: true, 'data-testid': 'bericht-oeffentlich' });
    const fehler = h('p', { class: 'feld-meldung fehler', role: 'alert', 'data-testid': 'bericht-fehler' });
    const los = async () => {
      try {
        const id = await aufruf('bericht_entwurf', { jahr: /^\s*\d{4}\s*$/.test(jahr.value) ? Number(jahr.value) : 0, oeffentlich: oeffentlich.checked });
        dialog.schliessen();
        sessionStorage.setItem('ratsbuero.oeffnen', String(id));
        location.hash = '#vorlagen';
      } catch (e) { fehler.textContent = e.message; jahr.select(); }
    };
    dialog.oeffnen('Tätigkeitsbericht anlegen',
      h('form', { onsubmit: (e) => { e.preventDefault(); los(); } },
        h('p', {}, 'Legt eine Mitteilungsvorlage an mit den Sitzungen des Jahres, der Anwesenheit der Mitglieder, den Vorlagen, den Beschlüssen und was aus ihnen wurde, den Wahlen und den Veränderungen bei den Mitgliedern. Sie können sie danach bearbeiten wie jede Vorlage.'),
        feld('Jahr', jahr),
        h('label', {}, oeffentlich, ' öffentliche Fassung (nennt keinen nichtöffentlichen TOP)'), fehler),
      [h('button', { 'data-testid': 'abbrechen', onclick: () => dialog.schliessen() }, 'Abbrechen'),
        h('button', { class: 'primaer', 'data-testid': 'bericht-anlegen', onclick: los }, 'Bericht anlegen')]);
    jahr.focus();
    jahr.select();
  }

  leer(text = 'Wählen Sie einen Beschluss. Hier steht, was aus den Beschlüssen der Sitzungen wurde.') {
    this.akte = null;
    this.detail.replaceChildren(h('p', { class: 'leer' }, text));
  }

  async laden() {
    try {
      const gremien = (await aufruf('gremien_liste')).filter((g) => !g.ris);
      this.filterGremium.replaceChildren(h('option', { value: '' }, 'alle Gremien'), ...optionen(gremien.map((g) => [g.name, g.name]), ''));
    } catch (e) { meldung.fehler(e); }
    await this.listeLaden();
  }

  async listeLaden() {
    let liste;
    try {
      liste = await aufruf('beschluesse_liste', { filter: { status: this.filterStand.value || null, gremium: this.filterGremium.value || null, zustaendig: this.filterZustaendig.value || null } });
    } catch (e) { meldung.fehler(e); return; }
    this.zeilen = liste;
    if (!liste.length) {
      this.tbody.replaceChildren(h('tr', {}, h('td', { colspan: 3, class: 'leer', 'data-testid': 'liste-leer' }, 'Kein Beschluss mit diesen Angaben. Beschlüsse entstehen, wenn in einer Sitzung ein TOP „beschlossen“ wird.')));
      return;
    }
    listeErsetzen(this.tbody, liste.map((b, i) => h('tr', {
      tabindex: (this.akte ? b.top === this.akte.top : i === 0) ? '0' : '-1',
      'aria-selected': this.akte?.top === b.top ? 'true' : 'false',
      'data-id': b.top, 'data-testid': 'beschluss-zeile',
      onclick: () => this.oeffnen(b.top),
      onkeydown: (e) => this.taste(e, i),
    },
    h('td', { class: 'nr' }, datumDeutsch(b.sitzung_am), h('div', { class: 'stumm' }, b.gremium)),
    h('td', { class: 'umbrechen' }, h('strong', {}, b.top_nummer), ' ', b.titel),
    h('td', {}, h('span', { class: `stand stand-${b.anzeige}`, 'data-testid': 'beschluss-stand' }, ANZEIGE[b.anzeige] || b.anzeige),
      b.faellig ? h('div', { class: 'stumm' }, `bis ${datumDeutsch(b.faellig)}`) : null))));
  }

  taste(e, i) {
    const zeilen = [...this.tbody.querySelectorAll('tr[data-id]')];
    let ziel = null;
    if (e.key === 'ArrowDown') ziel = zeilen[Math.min(i + 1, zeilen.length - 1)];
    else if (e.key === 'ArrowUp') ziel = zeilen[Math.max(i - 1, 0)];
    else if (e.key === 'Enter') { e.preventDefault(); this.oeffnen(Number(zeilen[i].dataset.id)); return; }
    if (!ziel) return;
    e.preventDefault();
    for (const z of zeilen) z.setAttribute('tabindex', z === ziel ? '0' : '-1');
    ziel.focus();
  }

  async oeffnen(top) {
    try {
      this.akte = await aufruf('beschluss_lesen', { top });
    } catch (e) { meldung.fehler(e); return; }
    this.zeichnenNeu();
    for (const z of this.tbody.querySelectorAll('tr[data-id]')) z.setAttribute('aria-selected', Number(z.dataset.id) === top ? 'true' : 'false');
  }

  /** Runs a change after the ones before it (`argumente` may be a function of the
   * decision as stored then); shows the new state keeping the clerk's
   * place, or the core's message at the field it names. */
  aendern(befehl, argumente, quelle) {
    const schritt = async () => {
      try {
        const werte = typeof argumente === 'function' ? argumente(this.akte) : argumente;
        this.akte = await aufruf(befehl, { top: this.akte.top, ...werte });
        await losgelassen();
        bewahrend(this.detail, () => this.zeichnenNeu());
        // The navigation's badge counts the overdue ones (app.js).
        window.dispatchEvent(new Event('ratsbuero:beschluesse'));
        await this.listeLaden();
        return true;
      } catch (e) {
        const befund = (e.befunde || [])[0];
        // The field the finding names, in the row of the field that was left first.
        const suche = (wo) => (befund && wo ? wo.querySelector(`[data-feld="${CSS.escape(befund.feld)}"]`) : null);
        const ziel = suche(quelle?.closest?.('[data-schluessel]')) || suche(this.detail) || quelle;
        if (ziel) meldungAmFeld(ziel, befund?.meldung || e.message);
        meldung.fehler(e);
        return false;
      }
    };
    const p = this.kette.then(schritt, schritt);
    this.kette = p.catch(() => {});
    return p;
  }

  /** The Vorlage's Beratungsfolge: where a recommendation goes next (HFA, Rat). The step of
   * this decision's Gremium is the Sitzung's; a later one takes its day and result as the
   * office learns them, or shows that they came from the town's RIS. */
  beratungsfolge(b) {
    const zeile = (s) => {
      const name = h('th', { scope: 'row', dir: 'auto' }, s.gremium);
      if (s.eigener) {
        return h('tr', { 'data-testid': 'folgeschritt', 'data-schluessel': `schritt-${s.pos}` }, name,
          h('td', {}, s.datum ? datumDeutsch(s.datum) : ''),
          h('td', { dir: 'auto' }, s.ergebnis || h('span', { class: 'stumm' }, 'noch ohne Ergebnis'), h('div', { class: 'stumm' }, 'diese Sitzung')));
      }
      const tag = h('input', { type: 'text', value: s.datum ? datumDeutsch(s.datum) : '', placeholder: 'TT.MM.JJJJ', inputmode: 'numeric', autocomplete: 'off', size: 10,
        'aria-label': `Datum der Beratung – ${s.gremium}`, 'data-testid': 'folgeschritt-datum', 'data-feld': 'datum' });
      const ergebnis = h('input', { type: 'text', value: s.ergebnis, dir: 'auto', placeholder: 'z. B. einstimmig beschlossen',
        'aria-label': `Ergebnis – ${s.gremium}`, 'data-testid': 'folgeschritt-ergebnis', 'data-feld': 'ergebnis' });
      // A field sends its own value and the other's stored one (as the fields above).
      const setzen = (feldname) => (e) => {
        const wert = e.target.value;
        return this.aendern('beschluss_folgeschritt', (a) => {
          const jetzt = a.beratungsfolge.find((x) => x.pos === s.pos) || s;
          return { pos: s.pos, aenderung: { datum: jetzt.datum ? datumDeutsch(jetzt.datum) : '', ergebnis: jetzt.ergebnis, [feldname]: wert } };
        }, e.target);
      };
      tag.addEventListener('change', setzen('datum'));
      ergebnis.addEventListener('change', setzen('ergebnis'));
      return h('tr', { 'data-testid': 'folgeschritt', 'data-schluessel': `schritt-${s.pos}` }, name,
        h('td', {}, tag),
        h('td', {}, ergebnis, s.ris_uebernommen ? h('div', { class: 'stumm', 'data-testid': 'folgeschritt-ris' }, `aus dem RIS übernommen am ${datumDeutsch(s.ris_uebernommen)}`) : null));
    };
    return h('fieldset', {}, h('legend', {}, 'Beratungsfolge der Vorlage'),
      h('table', { class: 'eingabe folge', 'data-testid': 'beschluss-beratungsfolge' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'sp-gremium' }, 'Gremium'), h('th', { scope: 'col', class: 'sp-datum' }, 'Datum'), h('th', { scope: 'col' }, 'Ergebnis'))),
        h('tbody', {}, b.beratungsfolge.map(zeile))));
  }

  zeichnenNeu() {
    const b = this.akte;
    const stand = h('select', { 'data-testid': 'beschluss-status', 'data-feld': 'status' }, optionen(STAND, b.status));
    const faellig = h('input', { type: 'text', value: b.faellig ? datumDeutsch(b.faellig) : '', placeholder: 'TT.MM.JJJJ', inputmode: 'numeric', autocomplete: 'off', 'data-testid': 'beschluss-faellig', 'data-feld': 'faellig' });
    const zustaendig = h('input', { type: 'text', value: b.zustaendig, dir: 'auto', 'data-testid': 'beschluss-zustaendig', 'data-feld': 'zustaendig' });
    // A field's save sends its own value and the others' stored ones (read when the save
    // runs): a refused Wiedervorlage must not hold back the Zuständig typed beside it.
    const setzen = (name) => (e) => {
      const wert = e.target.value;
      return this.aendern('beschluss_setzen', (a) => ({
        aenderung: { status: a.status, faellig: a.faellig ? datumDeutsch(a.faellig) : '', zustaendig: a.zustaendig, [name]: wert },
      }), e.target);
    };
    stand.addEventListener('change', setzen('status'));
    faellig.addEventListener('change', setzen('faellig'));
    zustaendig.addEventListener('change', setzen('zustaendig'));
    const notiz = h('input', { type: 'text', dir: 'auto', placeholder: 'z. B. Haushaltsmittel beantragt', 'data-testid': 'beschluss-notiz', 'data-feld': 'notiz', 'data-fuer-aktion': 'beschluss-notiz-hinzufuegen' });
    const wartet = `notiz:${b.top}`;
    wartendBehalten(notiz, wartet);
    const notieren = async () => {
      const ok = await this.aendern('beschluss_notiz', { text: notiz.value }, notiz);
      if (ok) {
        wartendErledigt(wartet);
        const neu = this.detail.querySelector('[data-testid="beschluss-notiz"]');
        if (neu) { neu.value = ''; neu.defaultValue = ''; neu.focus(); }
      }
    };
    notiz.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); notieren(); } });
    this.detail.replaceChildren(
      h('div', { class: 'werkzeugleiste' },
        h('h1', { class: 'titel', 'data-testid': 'beschluss-titel' }, `${b.top_nummer} ${b.titel}`),
        h('span', { class: `stand stand-${b.anzeige}`, role: 'status', 'data-testid': 'beschluss-anzeige' }, ANZEIGE[b.anzeige] || b.anzeige)),
      h('div', { class: 'formular' },
        h('fieldset', {}, h('legend', {}, 'Beschluss'),
          h('p', {}, `${b.gremium}, Sitzung am ${datumDeutsch(b.sitzung_am)}${b.vorlage_nummer ? ` · Vorlage ${b.vorlage_nummer}` : ''} · ${ERGEBNIS[b.ergebnis] || b.ergebnis}`),
          b.beschlusstext ? h('p', { class: 'beschlusstext', 'data-testid': 'beschluss-text' }, b.beschlusstext) : h('p', { class: 'stumm' }, 'Kein Beschlusstext eingetragen.')),
        b.beratungsfolge.length ? this.beratungsfolge(b) : null,
        h('fieldset', {}, h('legend', {}, 'Beschlusskontrolle'),
          h('div', { class: 'raster' },
            feld('Stand', stand), feld('Wiedervorlage am', mitKalender(faellig)), feld('Zuständig', zustaendig, { breit: true }))),
        h('fieldset', {}, h('legend', {}, `Notizen (${b.notizen.length})`),
          b.notizen.length ? h('ul', { class: 'knapp', 'data-testid': 'beschluss-notizen' }, b.notizen.map((n) => h('li', {}, h('span', { class: 'stumm' }, `${datumDeutsch(n.datum)}: `), n.text))) : null,
          h('div', { class: 'zeile' }, feld('Neue Notiz', notiz),
            h('button', { 'data-testid': 'beschluss-notiz-hinzufuegen', onclick: notieren }, 'Notiz hinzufügen')))));
  }
}
