// Sitzungen: the Sitzungen of a Gremium (list) beside the Sitzung (detail): date and place,
// the Tagesordnung in öffentlicher and nichtöffentlicher Teil (drag and drop, or ↑/↓ by
// keyboard), results, attendance, closing, and the documents — session packet with a
// progress bar and "Abbrechen", Niederschrift, Einladungen (as letters, or per e-mail:
// components/postausgang.js), Beschlussauszüge.
// Every change sends the version of the Sitzung it was made on; the core refuses a stale
// one, and the screen then reloads the Sitzung.
// A save redraws the Sitzung without costing the user their place (components/bewahren.js):
// focus, caret and what is typed elsewhere stay. A refused choice (a select, a box) shows
// the stored value again; a refused text stays as typed; both with the core's message at
// the field.
import { aufruf } from '../ipc.js';
import { h, optionen, neueId } from '../components/dom.js';
import * as meldung from '../components/meldung.js';
import * as dialog from '../components/dialog.js';
import { zeilenTaste } from '../components/liste.js';
import { mitKalender } from '../components/kalender.js';
import { beschriftet as feld, befundListe } from '../components/feld.js';
import { bewahrend, losgelassen, meldungAmFeld, listeErsetzen, ungespeichert } from '../components/bewahren.js';
import { wartendBehalten, wartendErledigt } from '../components/wartend.js';
import * as geld from '../components/sitzungsgeld.js';
import { datumDeutsch, uhrzeit } from '../format.js';
import { SITZUNG_ZUSTAND, TEIL, TOP_ERGEBNIS, ANWESENHEIT, label, gross } from '../wertlisten.js';



const GEMERKT = 'ratsbuero.sitzungen.gremium';

export class SitzungenBereich {
  constructor(wurzel) {
    this.wurzel = wurzel;
    this.gremien = [];
    this.gremium = null;
    this.sitzungen = [];
    this.akte = null;
    this.vorlagen = [];
    // Changes run one after another, each with the version the one before produced: the
    // app's own consecutive changes never look like a conflict.
    this.kette = Promise.resolve();
    this.aufbauen();
  }

  aufbauen() {
    this.gremiumWahl = h('select', { id: 'sitzungen-gremium', 'data-testid': 'sitzungen-gremium', onchange: (e) => this.gremiumWaehlen(Number(e.target.value)) });
    this.tbody = h('tbody', { 'data-testid': 'sitzungen-liste' });
    this.detail = h('section', { class: 'detail', 'aria-label': 'Sitzung' });
    this.wurzel.replaceChildren(h('div', { class: 'bereich' },
      h('section', { class: 'liste', 'aria-label': 'Sitzungsliste' },
        h('div', { class: 'liste-kopf' },
          h('div', { class: 'zeile' },
            h('label', { for: 'sitzungen-gremium' }, 'Gremium'), this.gremiumWahl,
            h('button', { class: 'primaer', 'data-testid': 'sitzung-neu', onclick: () => this.neu() }, 'Neue Sitzung'),
          ),
        ),
        h('div', { class: 'tabelle-wrap' },
          h('table', { class: 'liste-tabelle', 'aria-label': 'Sitzungen' },
            h('thead', {}, h('tr', {}, ...['Nr.', 'Datum', 'Ort', 'Stand'].map((t) => h('th', { scope: 'col' }, h('span', { class: 'kopf-text' }, t))))),
            this.tbody,
          ),
        ),
      ),
      this.detail,
    ));
    this.leer();
  }

  leer(text = 'Wählen Sie eine Sitzung oder legen Sie mit „Neue Sitzung“ eine an.') {
    this.akte = null;
    this.gezeichnet = null;
    this.detail.replaceChildren(h('p', { class: 'leer' }, text));
  }

  /** Another workstation changed something: read the list and the open Sitzung again. */
  async vonAussen() {
    const offen = this.akte?.id;
    // Not while the user is typing in the Sitzung: the next save then meets the newer
    // version and reports the conflict.
    if (this.detail.contains(document.activeElement)) return;
    await this.laden();
    if (offen) await this.oeffnen(offen);
  }

  // "Neue Sitzung" clicked before the list is read waits for it (see `neu`).
  laden() {
    this.geladen = this.ladenJetzt();
    return this.geladen;
  }

  async ladenJetzt() {
    try {
      [this.gremien, this.vorlagen] = await Promise.all([
        // The office's own Gremien: those from the RIS hold no Sitzungen of the office.
        aufruf('gremien_liste').then((g) => g.filter((x) => !x.ris)),
        aufruf('vorlage_liste', { filter: { sortierung: 'standard', absteigend: false, grenze: 500 } }),
      ]);
    } catch (e) { meldung.fehler(e); return; }
    if (this.gremien.length === 0) {
      this.gremiumWahl.replaceChildren(h('option', { value: '' }, '(kein Gremium)'));
      this.leer('Es gibt noch kein Gremium. Legen Sie unter „Gremien & Personen“ eines an; dann können Sie hier seine Sitzungen planen.');
      return;
    }
    // The Gremium last chosen (also after a restart), else the office's own by its kind.
    const gemerkt = this.gremium ?? Number(localStorage.getItem(GEMERKT));
    const eigenes = this.gremien.find((g) => ['integrationsrat', 'ausschuss_chancengerechtigkeit'].includes(g.typ)) || this.gremien[0];
    const id = gemerkt && this.gremien.some((g) => g.id === gemerkt) ? gemerkt : eigenes.id;
    this.gremiumWahl.replaceChildren(...optionen(this.gremien.map((g) => [String(g.id), g.name]), String(id)));
    await this.gremiumWaehlen(id);
  }

  async gremiumWaehlen(id) {
    this.gremium = id;
    try { localStorage.setItem(GEMERKT, String(id)); } catch { /* only a convenience */ }
    await this.listeLaden();
  }

  async listeLaden() {
    try {
      this.sitzungen = await aufruf('sitzungen_liste', { gremium: this.gremium });
    } catch (e) { meldung.fehler(e); return; }
    if (this.sitzungen.length === 0) {
      this.tbody.replaceChildren(h('tr', {}, h('td', { colspan: 4, class: 'leer', 'data-testid': 'liste-leer' }, 'Noch keine Sitzung dieses Gremiums.')));
      return;
    }
    listeErsetzen(this.tbody, this.sitzungen.map((s, i) => h('tr', {
      tabindex: (this.akte ? s.id === this.akte.id : i === 0) ? '0' : '-1',
      'aria-selected': this.akte?.id === s.id ? 'true' : 'false',
      'data-id': s.id, 'data-testid': 'sitzung-zeile',
      onclick: () => this.oeffnen(s.id),
      onkeydown: (e) => this.zeilenTaste(e, i),
    },
    h('td', { class: 'nr' }, `${s.nummer}.`),
    h('td', { class: 'nr' }, datumDeutsch(s.beginn), h('div', { class: 'stumm' }, `${uhrzeit(s.beginn)} Uhr`)),
    h('td', { class: 'umbrechen' }, s.ort),
    h('td', {}, label(SITZUNG_ZUSTAND, s.zustand),
      s.befunde.length ? [' ', h('span', { class: 'badge offen', title: s.befunde.map((b) => b.meldung).join('\n') }, 'Hinweis')] : null,
      // The Einladung still to send before the Ladungsfrist runs out (red once missed).
      s.einladungsfrist ? h('div', { class: `frist${s.einladungsfrist.versaeumt ? ' versaeumt' : ''}`, 'data-testid': 'einladungsfrist' }, s.einladungsfrist.text) : null),
    )));
  }

  zeilenTaste(e, i) {
    zeilenTaste(this.tbody, e, i, (id) => this.oeffnen(id));
  }


  async neu() {
    if (!this.gremium) await this.geladen;
    if (!this.gremium) return;
    const tag = new Date(Date.now() + 14 * 86400000);
    const beginn = `${tag.toISOString().slice(0, 10)}T17:00`;
    try {
      const s = await aufruf('sitzung_neu', { gremium: this.gremium, beginn, ort: '' });
      this.akte = s;
      await this.listeLaden();
      this.zeichnen();
      this.detail.querySelector('[data-testid="sitzung-ort"]')?.focus();
    } catch (e) { meldung.fehler(e); }
  }

  async oeffnen(id) {
    try {
      this.akte = await aufruf('sitzung_lesen', { id });
      this.tbody.querySelectorAll('tr[data-id]').forEach((tr) => {
        const an = Number(tr.dataset.id) === id;
        tr.setAttribute('aria-selected', an ? 'true' : 'false');
        tr.setAttribute('tabindex', an ? '0' : '-1');
      });
      this.zeichnen();
      await this.geldNeu();
    } catch (e) { meldung.fehler(e); }
  }

  /** What the members are paid, from the core, after each change of the Sitzung. */
  async geldNeu() {
    const id = this.akte?.id;
    if (!id) return;
    // Nobody present: nobody is paid, and the table is not shown; no second redraw.
    if (!this.akte.mitglieder.some((m) => m.anwesenheit === 'anwesend')) { this.geld = null; return; }
    const g = await geld.laden(id);
    if (this.akte?.id !== id) return;
    this.geld = { ...g, id };
    this.zeichnen();
  }

  /** Runs a change with the version on screen; shows the new state, or on a conflict
   * reloads. `quelle` is the control whose value the change sends: a refusal is shown at it. */
  aendern(befehl, argumente, quelle = null) {
    const schritt = async () => {
      if (!this.akte) return false;
      // Arguments given as a function are read when the change runs, from the state the
      // saves before it left: a field sends its own value and the others' stored ones, so
      // a refused value in one field never holds back what was typed in another.
      const arg = typeof argumente === 'function' ? argumente(this.akte) : argumente;
      try {
        this.akte = await aufruf(befehl, { ...arg, basis: this.akte.version });
        await losgelassen();
        if (['sitzung-beginn', 'sitzung-beginn-zeit'].includes(quelle?.dataset?.testid)) this.beginnBefunde = null;
        this.zeichnen();
        await this.geldNeu();
        await this.listeLaden();
        return true;
      } catch (e) {
        await losgelassen();
        meldung.fehler(e);
        this.letzterFehler = e;
        if (befehl === 'sitzung_aendern') this.beginnBefunde = (e.befunde || []).filter((b) => ['beginn', 'beginn_zeit'].includes(b.feld));
        if (e.code === 'konflikt') { await this.oeffnen(this.akte.id); return false; }
        // The stored state again: a refused choice is not kept, a refused text is.
        try { this.akte = await aufruf('sitzung_lesen', { id: this.akte.id }); } catch { /* the state on screen stays */ }
        const text = quelle?.matches('input[type="text"], textarea');
        const neu = this.zeichnen({ verwerfen: quelle && !text ? [quelle] : [], finden: quelle });
        this.befundeZeigen(e.befunde || []);
        const befund = (e.befunde || [])[0];
        if (befund && ['beginn', 'beginn_zeit'].includes(befund.feld)) return false;
        // At the field the finding names (in the same row first), else at the control.
        const suche = (wo) => (befund && wo ? wo.querySelector(`[data-feld="${CSS.escape(befund.feld)}"]`) : null);
        const ziel = suche(neu?.closest('[data-schluessel]')) || suche(this.detail) || neu;
        if (ziel) meldungAmFeld(ziel, befund?.meldung || e.message);
        return false;
      }
    };
    const p = this.kette.then(schritt, schritt);
    this.kette = p.catch(() => {});
    return p;
  }

  befundeZeigen(befunde) {
    const ziel = this.detail.querySelector('[data-testid="sitzung-befunde"]');
    if (!ziel) return;
    befundListe(ziel, befunde);
    const beginn = this.detail.querySelector('[data-testid="sitzung-beginn-meldung"]');
    if (beginn) {
      // Another field's refusal leaves a refused Beginn still typed with its message.
      const b = befunde.find((x) => x.feld === 'beginn' || x.feld === 'beginn_zeit') || (this.beginnOffen() ? this.beginnBefunde?.[0] : null);
      beginn.textContent = b ? b.meldung : '';
      beginn.className = b ? 'feld-meldung fehler' : 'feld-meldung';
      for (const [feldKey, testid] of [['beginn', 'sitzung-beginn'], ['beginn_zeit', 'sitzung-beginn-zeit']]) {
        const el = this.detail.querySelector(`[data-testid="${testid}"]`);
        if (b?.feld === feldKey) el?.setAttribute('aria-invalid', 'true');
        else el?.removeAttribute('aria-invalid');
      }
    }
  }

  /** Draws the Sitzung. The same Sitzung again keeps the user's place (see the module
   * doc); returns the new control of `finden` (a control of the old form), if any. */
  zeichnen({ verwerfen = [], finden = null } = {}) {
    const s = this.akte;
    if (!s) { this.leer(); return null; }
    if (this.gezeichnet !== s.id) {
      this.gezeichnet = s.id;
      this.zeichnenNeu(s);
      return null;
    }
    const neu = bewahrend(this.detail, () => this.zeichnenNeu(s), { verwerfen, finden });
    // A refused Beginn that the redraw typed in again keeps its message (it stands below
    // the date and the time, not at one of them, so bewahrend does not carry it).
    if (this.beginnOffen() && this.beginnBefunde?.length) this.befundeZeigen(this.beginnBefunde);
    return neu;
  }

  /** Whether the Beginn's date or time holds something typed and not saved. */
  beginnOffen() {
    return ['sitzung-beginn', 'sitzung-beginn-zeit'].some((t) => {
      const el = this.detail.querySelector(`[data-testid="${t}"]`);
      return el && ungespeichert(el);
    });
  }

  zeichnenNeu(s) {
    const offen = !['durchgefuehrt', 'abgesagt'].includes(s.zustand);
    this.stand = h('span', { class: 'stumm', role: 'status', 'data-testid': 'sitzung-stand' }, label(SITZUNG_ZUSTAND, s.zustand));
    const werkzeug = h('div', { class: 'werkzeugleiste' },
      h('h1', { class: 'titel', 'data-testid': 'sitzung-titel' }, `${s.nummer}. Sitzung – ${s.gremium.name}`),
      this.stand,
      h('button', { 'data-testid': 'paket-mitglieder', title: 'Sitzungspaket', onclick: () => this.paket('mitglieder') }, beschriftung('Sitzungspaket', 'Paket')),
      h('button', { 'data-testid': 'paket-oeffentlich', title: 'Paket öffentlich', onclick: () => this.paket('oeffentlich') }, beschriftung('Paket öffentlich', 'öffentlich')),
      h('button', { 'data-testid': 'einladungen', onclick: () => this.serie('einladungen_speichern', 'Einladungen') }, 'Einladungen…'),
      offen ? h('button', { 'data-testid': 'per-email', title: 'Per E-Mail einladen…', onclick: () => this.perEmail() }, beschriftung('Per E-Mail einladen…', 'E-Mail')) : null,
      h('button', { 'data-testid': 'anwesenheitsliste', title: 'Anwesenheitsliste zum Unterschreiben', onclick: () => this.anwesenheitsliste() }, beschriftung('Anwesenheitsliste', 'Liste')),
      h('button', { 'data-testid': 'niederschrift', onclick: () => this.niederschrift() }, 'Niederschrift'),
      h('button', { 'data-testid': 'auszuege', title: 'Beschlussauszüge…', onclick: () => this.serie('beschlussauszuege_speichern', 'Beschlussauszüge') }, beschriftung('Beschlussauszüge…', 'Auszüge…')),
    );
    const befunde = h('div', { class: 'befunde', 'data-testid': 'sitzung-befunde', 'aria-live': 'polite' });
    this.detail.replaceChildren(werkzeug, h('div', { class: 'formular' },
      befunde,
      this.kopfFeld(s, offen),
      this.tagesordnung(s, offen),
      this.anwesenheit(s),
      geld.sitzungFeld(s, this.geld?.id === s.id ? this.geld : null, (befehl, argumente, quelle) => this.aendern(befehl, argumente, quelle)),
      this.abschluss(s),
    ));
    this.befundeZeigen(s.befunde);
  }

  kopfFeld(s, offen) {
    // Date and time as the office writes them, the same on every system locale; sent to
    // the core as typed, which names an impossible date instead of moving the Sitzung.
    const beginn = h('input', { type: 'text', id: neueId('beginn'), value: datumDeutsch(s.beginn), inputmode: 'numeric', placeholder: 'TT.MM.JJJJ', autocomplete: 'off', 'data-testid': 'sitzung-beginn', disabled: !offen, 'aria-describedby': 'sitzung-beginn-meldung' });
    const zeit = h('input', { type: 'text', value: uhrzeit(s.beginn), inputmode: 'numeric', placeholder: 'HH:MM', size: 6, autocomplete: 'off', 'data-testid': 'sitzung-beginn-zeit', disabled: !offen, 'aria-describedby': 'sitzung-beginn-meldung' });
    // A refused value stays in the field as typed, with the core's message beside it.
    const ort = h('input', { type: 'text', value: s.ort, 'data-testid': 'sitzung-ort', 'data-feld': 'ort', disabled: !offen });
    const beginnSpeichern = (e) => this.aendern('sitzung_aendern', (a) => ({ id: s.id, beginn: `${beginn.value.trim()} ${zeit.value.trim()}`, ort: a.ort }), e.target);
    beginn.addEventListener('change', beginnSpeichern);
    zeit.addEventListener('change', beginnSpeichern);
    ort.addEventListener('change', (e) => this.aendern('sitzung_aendern', (a) => ({ id: s.id, beginn: a.beginn, ort: ort.value }), e.target));
    const heute = datumDeutsch(new Date().toISOString().slice(0, 10));
    const am = h('input', { type: 'text', value: s.eingeladen_am ? datumDeutsch(s.eingeladen_am) : heute, placeholder: 'TT.MM.JJJJ', inputmode: 'numeric', autocomplete: 'off', 'data-testid': 'sitzung-eingeladen-am', 'data-feld': 'eingeladen_am', 'data-fuer-aktion': 'sitzung-einladen', disabled: !offen });
    return h('fieldset', {}, h('legend', {}, 'Sitzung'),
      h('div', { class: 'raster' },
        h('div', { class: 'feld' }, h('label', { for: beginn.id }, 'Beginn (Datum, Uhrzeit)'),
          h('div', { class: 'zeile' }, mitKalender(beginn), zeit),
          h('div', { class: 'feld-meldung', id: 'sitzung-beginn-meldung', 'data-testid': 'sitzung-beginn-meldung' })),
        feld('Ort', ort),
        feld('Einladung versandt am', mitKalender(am)),
        (() => {
          // The list's reminder of the Einladung still to send (the core's, by today).
          const f = !s.eingeladen_am && s.zustand === 'geplant' ? this.sitzungen?.find((x) => x.id === s.id)?.einladungsfrist : null;
          return f ? h('p', { class: `frist${f.versaeumt ? ' versaeumt' : ''}`, role: 'status', 'data-testid': 'sitzung-einladungsfrist' }, f.text) : null;
        })(),
        h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, 'Einladung'),
          h('button', { 'data-testid': 'sitzung-einladen', disabled: !offen, onclick: () => this.aendern('sitzung_einladen', { id: s.id, am: am.value }, am) },
            s.eingeladen_am ? `eingeladen am ${datumDeutsch(s.eingeladen_am)} – ändern` : 'Als eingeladen vermerken')),
      ),
      h('p', { class: 'zeile' },
        offen ? h('button', { 'data-testid': 'sitzung-absagen', onclick: () => this.absagen() }, 'Sitzung absagen…') : null,
        s.zustand === 'abgesagt' ? h('button', { 'data-testid': 'sitzung-wieder-aufnehmen', onclick: () => this.aendern('sitzung_wieder_aufnehmen', { id: s.id }) }, 'Sitzung wieder aufnehmen') : null,
        s.zustand !== 'durchgefuehrt' ? h('button', { 'data-testid': 'sitzung-loeschen', onclick: () => this.loeschen() }, 'Sitzung löschen…') : null),
    );
  }

  async absagen() {
    const s = this.akte;
    const ja = await dialog.bestaetigen('Sitzung absagen?',
      `Sitzung am ${datumDeutsch(s.beginn)} absagen? Die Mitglieder werden nicht benachrichtigt. Eine abgesagte Sitzung kann wieder aufgenommen werden.`,
      'Sitzung absagen');
    if (ja) await this.aendern('sitzung_absagen', { id: s.id });
  }

  async loeschen() {
    const s = this.akte;
    // Why it cannot go is said first; the question comes only when it can.
    if (s.nicht_loeschbar) { meldung.zeigen(s.nicht_loeschbar, 'fehler', 9000); return; }
    const ja = await dialog.bestaetigen('Sitzung löschen?',
      `Die ${s.nummer}. Sitzung am ${datumDeutsch(s.beginn)} in den Papierkorb legen? Sie bleibt dort 30 Tage und kann wiederhergestellt werden.`,
      'In den Papierkorb');
    if (!ja) return;
    try {
      await aufruf('sitzung_loeschen', { id: s.id, basis: s.version });
      this.leer();
      await this.listeLaden();
      meldung.mitAktion(`${s.nummer}. Sitzung in den Papierkorb gelegt.`, 'Rückgängig', async () => {
        try {
          await aufruf('papierkorb_wiederherstellen', { art: 'sitzung', id: s.id });
          await this.listeLaden();
          await this.oeffnen(s.id);
        } catch (e) { meldung.fehler(e); }
      });
    } catch (e) { meldung.fehler(e); this.befundeZeigen(e.befunde || []); }
  }

  /** Removes a TOP at once; "Rückgängig" puts it back at its place. */
  async topEntfernen(t, i) {
    const ok = await this.aendern('top_entfernen', { top: t.id });
    if (!ok) return;
    const sitzung = this.akte.id;
    meldung.mitAktion(`TOP ${t.nummer} „${t.titel}“ entfernt.`, 'Rückgängig', async () => {
      if (this.akte?.id !== sitzung) await this.oeffnen(sitzung);
      const top = { teil: t.teil, titel: t.vorlage ? '' : t.titel, vorlage: t.vorlage ? t.vorlage.id : null, unterpunkt: t.unterpunkt };
      if (!(await this.aendern('top_neu', { sitzung, top }))) return;
      const neu = this.akte.tops.filter((x) => x.teil === t.teil).pop();
      if (neu) await this.aendern('top_verschieben', { top: neu.id, nach: i });
    });
  }

  /** TOPs whose Vorlage is still a draft: asked about before papers go out. */
  entwuerfeFragen(was) {
    const offen = this.akte.entwuerfe;
    if (!offen.length) return Promise.resolve(true);
    return dialog.bestaetigen('Vorlagen noch im Entwurf',
      `${offen.length === 1 ? 'Ein TOP hat' : `${offen.length} TOPs haben`} eine Vorlage, die noch nicht freigegeben ist (${offen.join(', ')}); sie erscheint als „Entwurf – nicht freigegeben“. ${was} trotzdem erstellen?`,
      `${was} trotzdem erstellen`);
  }

  tagesordnung(s, offen) {
    return h('fieldset', { 'data-testid': 'tagesordnung' }, h('legend', {}, 'Tagesordnung'),
      offen ? h('p', { class: 'hilfe' }, 'Reihenfolge: TOP ziehen und ablegen, oder mit den Pfeil-Schaltern. Ein Unterpunkt wird unter dem TOP davor nummeriert (Ö 1.1).') : null,
      ...TEIL.map(([teil, titel]) => this.teil(s, teil, gross(titel), offen)));
  }

  teil(s, teil, titel, offen) {
    const tops = s.tops.filter((t) => t.teil === teil);
    const liste = h('ol', { class: 'tops', 'data-testid': `tops-${teil}`, 'aria-label': titel });
    tops.forEach((t, i) => { liste.append(this.topZeile(t, i, tops.length, offen)); });
    if (offen) {
      liste.addEventListener('dragover', (e) => { if (this.ziehen?.teil === teil) e.preventDefault(); });
      liste.addEventListener('drop', (e) => {
        e.preventDefault();
        const z = this.ziehen;
        this.ziehen = null;
        if (!z || z.teil !== teil) return;
        const zeilen = [...liste.querySelectorAll('li[data-top]')];
        let nach = zeilen.findIndex((li) => e.clientY < li.getBoundingClientRect().top + li.offsetHeight / 2);
        if (nach < 0) nach = zeilen.length;
        const von = zeilen.findIndex((li) => Number(li.dataset.top) === z.top);
        if (nach > von) nach -= 1;
        if (nach !== von) this.aendern('top_verschieben', { top: z.top, nach });
      });
    }
    const kopf = h('h3', { class: teil === 'nichtoeffentlich' ? 'teil nichtoeff' : 'teil' }, titel,
      teil === 'nichtoeffentlich' ? [' ', h('span', { class: 'badge nichtoeffentlich' }, 'nichtöffentlich')] : null);
    return h('section', { class: 'teil-block' }, kopf,
      tops.length ? liste : h('p', { class: 'stumm' }, 'Keine TOPs.'),
      offen ? this.topHinzufuegen(s, teil) : null);
  }

  topZeile(t, i, anzahl, offen) {
    const noe = t.vorlage?.status === 'nichtoeffentlich';
    const li = h('li', { class: `top${t.unterpunkt ? ' unterpunkt' : ''}`, 'data-top': t.id, 'data-schluessel': `top-${t.id}`, 'data-testid': 'top', draggable: offen ? 'true' : null },
      h('span', { class: 'top-nr', 'data-testid': 'top-nummer' }, t.nummer),
      h('span', { class: 'top-titel', 'data-testid': 'top-titel' }, t.titel,
        t.vorlage ? h('span', { class: 'stumm' }, ` (Vorlage ${t.vorlage.nummer || 'Entwurf'})`) : null,
        noe ? [' ', h('span', { class: 'badge nichtoeffentlich' }, 'nichtöffentlich')] : null),
      offen ? h('span', { class: 'top-aktionen' },
        h('button', { class: 'klein', title: `${t.nummer} nach oben`, 'data-wiederholbar': '', 'data-testid': 'top-hoch', disabled: i === 0, onclick: () => this.aendern('top_verschieben', { top: t.id, nach: i - 1 }) }, '↑', h('span', { class: 'visuell-versteckt' }, ` ${t.nummer} nach oben`)),
        h('button', { class: 'klein', title: `${t.nummer} nach unten`, 'data-wiederholbar': '', 'data-testid': 'top-runter', disabled: i === anzahl - 1, onclick: () => this.aendern('top_verschieben', { top: t.id, nach: i + 1 }) }, '↓', h('span', { class: 'visuell-versteckt' }, ` ${t.nummer} nach unten`)),
        h('label', { class: 'klein-label' }, h('input', { type: 'checkbox', checked: t.unterpunkt, 'data-testid': 'top-unterpunkt', onchange: (e) => this.aendern('top_aendern', { top: t.id, titel: t.vorlage ? '' : t.titel, unterpunkt: e.target.checked }, e.target) }), ' Unterpunkt'),
        h('button', { class: 'klein', 'aria-label': `${t.nummer} entfernen`, 'data-testid': 'top-entfernen', onclick: () => this.topEntfernen(t, i) }, 'Entfernen'),
      ) : null,
      this.ergebnisFeld(t),
    );
    if (offen) {
      li.addEventListener('dragstart', (e) => {
        this.ziehen = { top: t.id, teil: t.teil };
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', String(t.id));
      });
    }
    return li;
  }

  ergebnisFeld(t) {
    if (this.akte.zustand === 'abgesagt') return null;
    const wahl = h('select', { 'data-testid': 'top-ergebnis', 'aria-label': `Ergebnis ${t.nummer}` },
      h('option', { value: '' }, '— Ergebnis —'), optionen(TOP_ERGEBNIS, t.ergebnis));
    const text = h('input', { type: 'text', value: t.ergebnis_text, placeholder: 'Text', title: 'Bei „geändert beschlossen“ ist der Beschlusstext Pflicht.', 'aria-label': `Beschlusstext ${t.nummer}`, 'data-testid': 'top-ergebnis-text' });
    // A Beschlusstext belongs to an Ergebnis: typed first, it waits at its field (with a
    // message) and is saved with the Ergebnis when that is chosen.
    const eintragen = (e) => {
      if (wahl.value) this.aendern('top_ergebnis', { top: t.id, ergebnis: wahl.value, text: text.value }, e.target);
      else if (text.value.trim()) meldungAmFeld(text, `${t.nummer}: Bitte zuerst das Ergebnis wählen; der Text wird mit ihm gespeichert.`);
    };
    wahl.addEventListener('change', eintragen);
    text.addEventListener('change', eintragen);
    return h('div', { class: 'top-ergebnis' }, wahl, text);
  }

  topHinzufuegen(s, teil) {
    const belegt = new Set(s.tops.filter((t) => t.vorlage).map((t) => t.vorlage.id));
    const passend = this.vorlagen.filter((v) => !belegt.has(v.id) && !v.ersetzt && (teil === 'nichtoeffentlich' || v.status !== 'nichtoeffentlich'));
    const vorlage = h('select', { 'data-testid': `top-vorlage-${teil}` },
      h('option', { value: '' }, '— ohne Vorlage —'),
      passend.map((v) => h('option', { value: String(v.id) }, v.nummer
        ? `${v.nummer} – ${v.betreff || '(ohne Betreff)'}`
        : `[Entwurf, nicht freigegeben] ${v.betreff || '(ohne Betreff)'}`)));
    // What the button takes, not a field of the Sitzung (data-fuer-aktion): saved by
    // "TOP hinzufügen", not when it is left.
    const titel = h('input', { type: 'text', placeholder: 'z. B. Mitteilungen', title: 'Titel, z. B. Mitteilungen der Verwaltung', 'data-testid': `top-titel-${teil}`, 'data-fuer-aktion': `top-hinzufuegen-${teil}` });
    const wartet = `top-titel:${s.id}:${teil}`;
    wartendBehalten(titel, wartet);
    // One click, one TOP: what it adds leaves the fields at once, so that a second click
    // (or an Enter) before the answer finds nothing to add twice.
    const los = async () => {
      const top = { teil, titel: titel.value, vorlage: vorlage.value ? Number(vorlage.value) : null, unterpunkt: false };
      if (!top.titel.trim() && !top.vorlage) {
        meldungAmFeld(titel, 'TOP: Titel fehlt (oder eine Vorlage wählen).');
        return;
      }
      const fokus = document.activeElement === titel;
      titel.value = '';
      vorlage.value = '';
      // Taken: the redraw after the save must not bring it back.
      wartendErledigt(wartet);
      if (await this.aendern('top_neu', { sitzung: s.id, top })) {
        if (fokus) this.detail.querySelector(`[data-testid="top-titel-${teil}"]`)?.focus();
      } else {
        // Refused: what was typed comes back, with the message.
        const neuTitel = this.detail.querySelector(`[data-testid="top-titel-${teil}"]`);
        const neuVorlage = this.detail.querySelector(`[data-testid="top-vorlage-${teil}"]`);
        if (neuTitel) { neuTitel.value = top.titel; neuTitel.dispatchEvent(new Event('input')); }
        if (neuVorlage && top.vorlage) neuVorlage.value = String(top.vorlage);
        const e = this.letzterFehler;
        if (neuTitel) meldungAmFeld(neuTitel, e?.befunde?.[0]?.meldung || e?.message || 'Der TOP wurde nicht hinzugefügt.');
      }
    };
    titel.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); los(); } });
    return h('div', { class: 'top-neu' },
      feld('Vorlage', vorlage), feld('oder Titel', titel),
      h('button', { 'data-testid': `top-hinzufuegen-${teil}`, onclick: los }, 'TOP hinzufügen'));
  }

  anwesenheit(s) {
    if (s.mitglieder.length === 0 || s.zustand === 'abgesagt') return null;
    // The count as it is recorded (§ 49 GO NRW; domain::sitzung::beschlussfaehigkeit):
    // at the opening, and below it the TOPs at which it changes.
    const [eroeffnung, ...beiTop] = s.beschlussfaehigkeit;
    const art = (b) => (b.festgestellt ? 'fehler' : b.erfasst && !b.mehr_als_haelfte ? 'warnung' : 'ok');
    const aenderungen = beiTop.filter((b, i) => b.anwesend !== (i === 0 ? eroeffnung : beiTop[i - 1]).anwesend || (b.festgestellt && !(i > 0 && beiTop[i - 1].festgestellt)));
    const zaehlung = h('div', { class: 'beschlussfaehigkeit', role: 'status', 'data-testid': 'beschlussfaehigkeit' },
      h('p', { class: `zaehlung ${art(eroeffnung)}`, 'data-testid': 'beschlussfaehigkeit-eroeffnung' }, eroeffnung.text),
      aenderungen.length ? h('ul', { class: 'zaehlung-verlauf' }, aenderungen.map((b) =>
        h('li', { class: `zaehlung ${art(b)}`, 'data-testid': 'beschlussfaehigkeit-top' }, `ab TOP ${b.top}: ${b.text}`))) : null);
    const topWahl = (attrs, gewaehlt, leer, vor = 'TOP ') => h('select', attrs, h('option', { value: '' }, leer),
      s.tops.map((t) => h('option', { value: String(t.id), selected: t.id === gewaehlt }, `${vor}${t.nummer}`)));
    const festgestellt = s.tops.find((t) => t.beschlussunfaehig);
    const feststellung = topWahl({ 'data-testid': 'beschlussunfaehig-top', 'data-feld': 'beschlussunfaehig' }, festgestellt?.id, '— nicht festgestellt —');
    feststellung.addEventListener('change', (e) => this.aendern('beschlussunfaehigkeit_feststellen', { sitzung: s.id, top: feststellung.value ? Number(feststellung.value) : null }, e.target));
    return h('fieldset', { 'data-testid': 'anwesenheit' }, h('legend', {}, 'Anwesenheit'),
      zaehlung,
      h('table', { class: 'eingabe' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Mitglied'), h('th', { scope: 'col', class: 'spalte-rolle' }, 'Rolle'), h('th', { scope: 'col' }, 'Anwesenheit'), h('th', { scope: 'col', title: 'Verlässt die Sitzung vor diesem TOP' }, 'Geht ab TOP'), h('th', { scope: 'col' }, 'Bemerkung'))),
        h('tbody', {}, s.mitglieder.map((m) => {
          const wahl = h('select', { 'aria-label': `Anwesenheit ${m.person.name}`, 'data-testid': 'anwesenheit-status', 'data-feld': 'status' }, optionen([['', '—'], ...ANWESENHEIT], m.anwesenheit || ''));
          // From which TOP a member present has left: not counted from there on.
          const geht = topWahl({ 'aria-label': `${m.person.name} geht ab`, title: 'Verlässt die Sitzung vor diesem TOP; ab dort nicht mehr mitgezählt.', 'data-testid': 'anwesenheit-geht-ab', 'data-feld': 'geht_ab', disabled: m.anwesenheit !== 'anwesend' || s.tops.length === 0 }, m.geht_ab, '—', '');
          const bem = h('input', { type: 'text', value: m.bemerkung, 'aria-label': `Bemerkung ${m.person.name}`, 'data-testid': 'anwesenheit-bemerkung', 'data-feld': 'bemerkung' });
          const setzen = (e) => this.aendern('anwesenheit_setzen', { sitzung: s.id, person: m.person.id, status: wahl.value || null, bemerkung: bem.value, gehtAb: wahl.value === 'anwesend' && geht.value ? Number(geht.value) : null }, e.target);
          wahl.addEventListener('change', setzen);
          geht.addEventListener('change', setzen);
          bem.addEventListener('change', setzen);
          const r = m.fuer ? `${rolle(m.rolle)}, ${m.fuer}` : rolle(m.rolle);
          return h('tr', { 'data-testid': 'mitglied', 'data-schluessel': `person-${m.person.id}` },
            h('td', {}, m.person.name, h('div', { class: 'stumm nur-eng' }, r)), h('td', { class: 'spalte-rolle' }, r), h('td', {}, wahl), h('td', {}, geht), h('td', {}, bem));
        }))),
      s.tops.length ? h('div', { class: 'raster' }, feld('Beschlussunfähigkeit festgestellt bei', feststellung)) : null);
  }

  abschluss(s) {
    if (s.zustand === 'abgesagt') return h('p', { class: 'nichtoeff-hinweis' }, 'Diese Sitzung ist abgesagt.');
    // Typed as the office writes it ("19:30"; "1930" and "19.30" are read too) and read by
    // the core, like the dates: a native time field showed "23:30" for "1930".
    const ende = h('input', { type: 'text', value: s.ende ? uhrzeit(s.ende) : '', inputmode: 'numeric', placeholder: 'HH:MM', size: 6, autocomplete: 'off', 'data-testid': 'sitzung-ende', 'data-feld': 'ende' });
    const schrift = h('input', { type: 'text', value: s.schriftfuehrung, 'data-testid': 'sitzung-schriftfuehrung', 'data-feld': 'schriftfuehrung' });
    // Each saved when it is left, like every field of the Sitzung (a closed window never
    // loses them); "Sitzung abschließen" then closes the Sitzung with them.
    ende.addEventListener('change', (e) => this.aendern('sitzung_abschlussangaben', (a) => ({ id: s.id, ende: ende.value, schriftfuehrung: a.schriftfuehrung }), e.target));
    schrift.addEventListener('change', (e) => this.aendern('sitzung_abschlussangaben', (a) => ({ id: s.id, ende: a.ende || '', schriftfuehrung: schrift.value }), e.target));
    return h('fieldset', {}, h('legend', {}, 'Abschluss und Niederschrift'),
      h('div', { class: 'raster' }, feld('Ende (Uhrzeit)', ende), feld('Schriftführung', schrift),
        h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, s.zustand === 'durchgefuehrt' ? 'durchgeführt' : 'Sitzung'),
          h('button', { class: 'primaer', 'data-testid': 'sitzung-abschliessen', onclick: () => this.aendern('sitzung_abschliessen', { id: s.id, ende: ende.value, schriftfuehrung: schrift.value }, ende) },
            s.zustand === 'durchgefuehrt' ? 'Angaben ändern' : 'Sitzung abschließen'))));
  }

  async paket(variante) {
    if (!(await this.entwuerfeFragen('Das Sitzungspaket'))) return;
    const { zeigen } = await import('../components/pdf-vorschau.js');
    const s = this.akte;
    const titel = `Sitzungspaket ${s.nummer}. Sitzung ${s.gremium.name}${variante === 'oeffentlich' ? ' (öffentlich)' : ''}`;
    await zeigen(titel, {
      laden: (melden) => {
        const kanal = new window.__TAURI__.core.Channel();
        kanal.onmessage = melden;
        return aufruf('sitzung_paket', { sitzung: s.id, variante, fortschritt: kanal });
      },
      abbrechen: () => aufruf('paket_abbrechen').catch(meldung.fehler),
      signieren: (kennwort) => aufruf('sitzung_pdf_signieren', { id: s.id, dokument: 'paket', kennwort }),
    });
  }

  async niederschrift() {
    const { zeigen } = await import('../components/pdf-vorschau.js');
    const s = this.akte;
    await zeigen(`Niederschrift ${s.nummer}. Sitzung ${s.gremium.name}`, {
      laden: () => aufruf('sitzung_niederschrift', { id: s.id, variante: 'mitglieder' }),
      signieren: (kennwort) => aufruf('sitzung_pdf_signieren', { id: s.id, dokument: 'niederschrift', kennwort }),
    });
  }

  async anwesenheitsliste() {
    const { zeigen } = await import('../components/pdf-vorschau.js');
    const s = this.akte;
    await zeigen(`Anwesenheitsliste ${s.nummer}. Sitzung ${s.gremium.name}`, {
      laden: () => aufruf('sitzung_anwesenheitsliste', { id: s.id }),
    });
  }

  async perEmail() {
    if (!(await this.entwuerfeFragen('Die Einladung per E-Mail'))) return;
    const { oeffnen } = await import('../components/postausgang.js');
    const id = this.akte.id;
    await oeffnen(id, async () => {
      await this.listeLaden();
      if (this.akte?.id === id) await this.oeffnen(id);
    });
  }

  async serie(befehl, was) {
    if (befehl === 'einladungen_speichern' && !(await this.entwuerfeFragen('Die Einladungen'))) return;
    try {
      const pfade = await aufruf(befehl, { id: this.akte.id });
      if (!pfade) return;
      meldung.zeigen(`${was}: ${pfade.length} PDF-Dateien gespeichert in ${pfade[0].replace(/\/[^/]*$/, '')}.`);
      const s = this.akte;
      if (befehl === 'einladungen_speichern' && ['geplant', 'eingeladen'].includes(s.zustand)) {
        const heute = datumDeutsch(new Date().toISOString().slice(0, 10));
        const ja = await dialog.bestaetigen('Als eingeladen vermerken?',
          `${pfade.length} Einladungen sind geschrieben. Die Sitzung als eingeladen am ${heute} vermerken? Die Ladungsfrist wird mit diesem Datum geprüft.`,
          'Als eingeladen vermerken');
        if (ja) await this.aendern('sitzung_einladen', { id: s.id, am: heute });
      }
    } catch (e) { meldung.fehler(e); }
  }
}

/** A button's label, and the shorter one a narrow Sitzung shows (a part of the long one,
 * so that what is seen is in what is read; the long one is the button's title). */
function beschriftung(lang, kurz) {
  return [h('span', { class: 'nur-breit' }, lang), h('span', { class: 'nur-eng' }, kurz)];
}

function rolle(key) {
  return { vorsitz: 'Vorsitz', stellv_vorsitz: 'stellv. Vorsitz', mitglied: 'Mitglied', stellv_mitglied: 'stellv. Mitglied', beratend: 'beratendes Mitglied' }[key] || key;
}
