// Wahlen: the Wahlen of a Sitzung (list) beside one Wahl (detail): its candidates or
// Wahlvorschläge, then step by step what the core says comes next — count a ballot, hold
// the engere Wahl, draw the lot — and the result, Stimmzettel, Wahlniederschrift and the
// resolution text for the Entsendung Vorlage. The screen holds no rule: outcome, checks
// and messages come from the core.
import { aufruf } from '../ipc.js';
import { h, optionen, } from '../components/dom.js';
import * as meldung from '../components/meldung.js';
import * as dialog from '../components/dialog.js';
import { bewahrend, losgelassen, listeErsetzen } from '../components/bewahren.js';
import { beschriftet as feld, befundListe, befundeAus } from '../components/feld.js';
import { datumDeutsch } from '../format.js';
import { WAHL_ART, VERFAHREN, label } from '../wertlisten.js';



function zahlFeld(text, testid, wert = '') {
  return feld(text, h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', size: 6, value: String(wert), 'data-testid': testid }));
}

export class WahlenBereich {
  constructor(wurzel) {
    this.wurzel = wurzel;
    this.akte = null;
    this.sitzung = null;
    this.aufbauen();
  }

  aufbauen() {
    this.sitzungWahl = h('select', { id: 'wahlen-sitzung', 'data-testid': 'wahlen-sitzung', onchange: (e) => this.sitzungWaehlen(Number(e.target.value)) });
    this.liste = h('ul', { class: 'wahl-liste', 'data-testid': 'wahlen-liste' });
    this.detail = h('section', { class: 'detail', 'aria-label': 'Wahl' });
    // The button last pressed: its part of the form is what an action took.
    this.detail.addEventListener('click', (e) => { this.geklickt = e.target.closest('button'); }, true);
    this.wurzel.replaceChildren(h('div', { class: 'bereich' },
      h('section', { class: 'liste', 'aria-label': 'Wahlen der Sitzung' },
        h('div', { class: 'liste-kopf' },
          h('div', { class: 'feld' }, h('label', { for: 'wahlen-sitzung' }, 'Sitzung'), this.sitzungWahl),
          h('button', { class: 'primaer', 'data-testid': 'wahl-neu', onclick: () => this.neuFormular() }, 'Neue Wahl'),
        ),
        h('div', { class: 'tabelle-wrap' }, this.liste),
      ),
      this.detail));
    this.detail.replaceChildren(h('p', { class: 'leer' }, 'Wählen Sie eine Wahl oder legen Sie mit „Neue Wahl“ eine an.'));
  }

  // The list is read when the area opens; a click on "Neue Wahl" before that is done waits
  // for it (it would otherwise find no Sitzung yet and do nothing).
  laden() {
    this.geladen = this.ladenJetzt();
    return this.geladen;
  }

  async ladenJetzt() {
    try {
      const [gremien, personen] = await Promise.all([aufruf('gremien_liste'), aufruf('personen_liste')]);
      this.gremien = gremien;
      this.personen = personen;
      const sitzungen = (await Promise.all(gremien.map((g) => aufruf('sitzungen_liste', { gremium: g.id })))).flat();
      this.sitzungen = sitzungen;
      if (sitzungen.length === 0) {
        this.sitzungWahl.replaceChildren(h('option', { value: '' }, '(keine Sitzung)'));
        this.detail.replaceChildren(h('p', { class: 'leer' }, 'Eine Wahl findet in einer Sitzung statt. Legen Sie zuerst unter „Sitzungen“ eine Sitzung an.'));
        return;
      }
      // Grouped by Gremium, so the chosen entry is short enough for the narrow list.
      const gremienNamen = [...new Set(sitzungen.map((s) => s.gremium.name))];
      this.sitzungWahl.replaceChildren(...gremienNamen.map((g) => h('optgroup', { label: g },
        optionen(sitzungen.filter((s) => s.gremium.name === g).map((s) => [String(s.id), `${datumDeutsch(s.beginn)} (Nr. ${s.nummer})`]), String(sitzungen[0].id)))));
      await this.sitzungWaehlen(sitzungen[0].id);
    } catch (e) { meldung.fehler(e); }
  }

  async sitzungWaehlen(id) {
    this.sitzung = this.sitzungen.find((s) => s.id === id);
    await this.listeLaden();
  }

  async listeLaden() {
    try {
      const wahlen = await aufruf('wahlen_liste', { sitzung: this.sitzung.id });
      listeErsetzen(this.liste, (wahlen.length ? wahlen.map((w) => h('li', {},
        h('button', { class: `wahl-eintrag${this.akte?.id === w.id ? ' gewaehlt' : ''}`, 'data-testid': 'wahl-eintrag', 'data-id': w.id, 'aria-current': this.akte?.id === w.id ? 'true' : null, onclick: () => this.oeffnen(w.id) },
          h('strong', {}, w.titel), h('span', { class: 'stumm' }, ` ${w.stand.schritt.art === 'fertig' ? 'entschieden' : 'offen'}`))))
        : [h('li', { class: 'leer' }, 'Noch keine Wahl in dieser Sitzung.')]));
    } catch (e) { meldung.fehler(e); }
  }

  async neuFormular() {
    if (!this.sitzung) await this.geladen;
    if (!this.sitzung) return;
    const titel = h('input', { type: 'text', 'data-testid': 'wahl-titel', placeholder: 'z. B. Entsendung in die AG' });
    const art = h('select', { 'data-testid': 'wahl-art' }, optionen(WAHL_ART, 'einzel'));
    const sitze = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', size: 6, value: '1', 'data-testid': 'wahl-sitze' });
    const verfahren = h('select', { 'data-testid': 'wahl-verfahren' }, optionen(VERFAHREN, 'hare-niemeyer'));
    const ziel = h('select', { 'data-testid': 'wahl-ziel' }, h('option', { value: '' }, '— keine Entsendung —'), optionen(this.gremien.filter((g) => g.id !== this.sitzung.gremium.id).map((g) => [String(g.id), g.name]), ''));
    const geheim = h('input', { type: 'checkbox', checked: true, 'data-testid': 'wahl-geheim' });
    const vertretung = h('input', { type: 'checkbox', 'data-testid': 'wahl-stellvertreter' });
    const mehrheit = h('input', { type: 'checkbox', 'data-testid': 'wahl-mehrheit' });
    const befunde = h('div', { class: 'befunde', 'data-testid': 'wahl-befunde', 'aria-live': 'polite' });
    const anlegen = async () => {
      try {
        // As typed: a whole number as a number, anything else as text the core names.
        const t = sitze.value.trim();
        const wahl = { sitzung: this.sitzung.id, titel: titel.value, art: art.value, sitze: /^-?\d+$/.test(t) ? Number(t) : t, verfahren: verfahren.value, ziel_gremium: ziel.value ? Number(ziel.value) : null, geheim: geheim.checked, stellvertreter: vertretung.checked, einheitlich_mehrheit: mehrheit.checked };
        const w = await aufruf('wahl_neu', { wahl });
        this.akte = w;
        await this.listeLaden();
        this.zeichnen();
      } catch (e) { befundListe(befunde, befundeAus(e)); }
    };
    this.akte = null;
    this.detail.replaceChildren(
      h('div', { class: 'werkzeugleiste' }, h('h1', { class: 'titel' }, 'Neue Wahl')),
      h('div', { class: 'formular' }, befunde,
        h('fieldset', {}, h('legend', {}, 'Wahl'),
          h('div', { class: 'raster' },
            feld('Bezeichnung', titel, { breit: true }), feld('Art (§ 50 GO NRW)', art, { breit: true }), feld('Sitze', sitze), feld('Verfahren (Listenwahl)', verfahren), feld('Entsendung in', ziel),
            h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, 'Abstimmung'), h('label', {}, geheim, ' geheim (mit Stimmzetteln)')),
            h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, 'Stellvertretung'), h('label', {}, vertretung, ' persönliche Stellvertretung (Paare auf den Wahlvorschlägen)')),
            h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, 'Einheitlicher Wahlvorschlag'), h('label', {}, mehrheit, ' Mehrheitsbeschluss genügt (sonst einstimmig)'))),
          h('p', {}, h('button', { class: 'primaer', 'data-testid': 'wahl-anlegen', onclick: anlegen }, 'Wahl anlegen')))));
    titel.focus();
  }

  async oeffnen(id) {
    try {
      this.akte = await aufruf('wahl_lesen', { id });
      this.zeichnen();
      await this.listeLaden();
    } catch (e) { meldung.fehler(e); }
  }

  /** A change with the version on screen; on a conflict the Wahl is reloaded. The Wahl is
   * redrawn keeping the user's place (components/bewahren.js). */
  aendern(befehl, argumente, befunde) {
    // The window's close waits for this (app.js).
    this.kette = this.aendernJetzt(befehl, argumente, befunde);
    return this.kette;
  }

  async aendernJetzt(befehl, argumente, befunde) {
    try {
      // What the action took (the fields of the part whose button was pressed: a
      // Wahlvorschlag, a count) is not typed again; everything else typed stays.
      const knopf = this.geklickt?.isConnected ? this.geklickt : document.activeElement;
      this.geklickt = null;
      const teil = knopf?.closest('fieldset');
      const genommen = teil && this.detail.contains(teil) ? [...teil.querySelectorAll('input, select, textarea')] : [];
      this.akte = await aufruf(befehl, { ...argumente, wahl: this.akte.id, basis: this.akte.version });
      await losgelassen();
      bewahrend(this.detail, () => this.zeichnen(), { verwerfen: genommen });
      await this.listeLaden();
      return true;
    } catch (e) {
      if (e.code === 'konflikt') { meldung.fehler(e); await this.oeffnen(this.akte.id); return false; }
      if (befunde) befundListe(befunde, befundeAus(e));
      else meldung.fehler(e);
      return false;
    }
  }

  zeichnen() {
    const w = this.akte;
    const befunde = h('div', { class: 'befunde', 'data-testid': 'wahl-befunde', 'aria-live': 'polite' });
    const offen = w.gaenge.length === 0;
    const kopf = h('div', { class: 'werkzeugleiste' },
      h('h1', { class: 'titel', 'data-testid': 'wahl-kopf' }, w.titel),
      h('span', { class: 'stumm' }, `${label(WAHL_ART, w.art)} · ${w.sitze} ${w.sitze === 1 ? 'Sitz' : 'Sitze'}${w.ziel ? ` · Entsendung in ${w.ziel}` : ''}`),
      h('button', { 'data-testid': 'wahl-niederschrift', onclick: () => this.pdf('wahl_niederschrift', {}, 'Wahlniederschrift') }, 'Wahlniederschrift'),
      offen ? h('button', { 'data-testid': 'wahl-loeschen', onclick: () => this.loeschen() }, 'Wahl löschen…') : null);
    const name = h('input', { type: 'text', value: w.titel, 'data-testid': 'wahl-bezeichnung', 'data-feld': 'titel', autocomplete: 'off' });
    const umbenennen = () => { if (name.value.trim() !== w.titel) this.aendern('wahl_umbenennen', { titel: name.value }, befunde); };
    name.addEventListener('change', umbenennen);
    this.detail.replaceChildren(kopf, h('div', { class: 'formular' },
      befunde,
      h('div', { class: 'raster' }, feld('Bezeichnung', name, { breit: true })),
      this.bewerber(w, offen, befunde),
      this.stand(w, befunde),
      this.ergebnis(w)));
    befundListe(befunde, w.stand.befunde);
  }

  /** A Wahl without a counted ballot goes into the Papierkorb; "Rückgängig" brings it back. */
  async loeschen() {
    const w = this.akte;
    const ja = await dialog.bestaetigen('Wahl löschen?', `Die Wahl „${w.titel}“ in den Papierkorb legen? Sie bleibt dort 30 Tage und kann wiederhergestellt werden.`, 'In den Papierkorb');
    if (!ja) return;
    try {
      await aufruf('wahl_loeschen', { id: w.id, basis: w.version });
      this.akte = null;
      this.detail.replaceChildren(h('p', { class: 'leer' }, 'Wählen Sie eine Wahl oder legen Sie mit „Neue Wahl“ eine an.'));
      await this.listeLaden();
      meldung.mitAktion(`Wahl „${w.titel}“ in den Papierkorb gelegt.`, 'Rückgängig', async () => {
        try {
          await aufruf('papierkorb_wiederherstellen', { art: 'wahl', id: w.id });
          await this.oeffnen(w.id);
        } catch (e) { meldung.fehler(e); }
      });
    } catch (e) { meldung.fehler(e); }
  }

  /** Who can stand: where only members may, the members of the electing Gremium with a
   * vote on the Sitzung's day (the core refuses anyone else; the list does not offer them). */
  waehlbar(w) {
    if (!w.nur_mitglieder) return this.personen;
    const s = this.sitzungen.find((x) => x.id === w.sitzung);
    const tag = (s?.beginn || '').slice(0, 10);
    const ids = new Set((s?.mitglieder || []).filter((m) => m.stimmrecht && (!m.bis || m.bis >= tag) && (!m.von || m.von <= tag)).map((m) => m.person.id));
    return this.personen.filter((p) => ids.has(p.id));
  }

  bewerber(w, offen, befunde) {
    const teile = [h('legend', {}, w.art === 'einzel' ? 'Bewerberinnen und Bewerber' : 'Wahlvorschläge')];
    const waehlbar = this.waehlbar(w);
    if (w.art === 'einzel') {
      teile.push(h('ul', { 'data-testid': 'kandidaten' }, w.kandidaten.map((p) => h('li', {}, p.name))));
      if (offen) {
        const wahl = h('select', { 'data-testid': 'kandidat-person' }, optionen(waehlbar.filter((p) => !w.kandidaten.some((k) => k.id === p.id)).map((p) => [String(p.id), p.name]), ''));
        teile.push(h('div', { class: 'top-neu' }, feld('Person', wahl), h('span'), h('button', { 'data-testid': 'kandidat-hinzufuegen', onclick: () => this.aendern('kandidat_neu', { person: Number(wahl.value) }, befunde) }, 'Vorschlagen')));
      }
    } else {
      teile.push(h('ol', { 'data-testid': 'vorschlaege' }, w.vorschlaege.map((v) => h('li', {}, h('strong', {}, v.name), v.eingereicht_von ? ` (eingereicht von ${v.eingereicht_von})` : '', ': ', v.kandidaten.map((p, i) => `${i + 1}. ${p.name}`).join(', ')))));
      if (offen && !(w.art === 'einheitlich' && w.vorschlaege.length)) {
        const name = h('input', { type: 'text', 'data-testid': 'vorschlag-name', value: w.art === 'einheitlich' ? 'Einheitlicher Wahlvorschlag' : '' });
        const von = h('input', { type: 'text', 'data-testid': 'vorschlag-von' });
        // The list is built in list order: each person is appended, and can be taken out.
        const reihe = [];
        const liste = h('ol', { 'data-testid': 'vorschlag-reihe', 'aria-label': 'Bewerber in Listenfolge' });
        const person = h('select', { 'data-testid': 'vorschlag-person' }, optionen(waehlbar.map((p) => [String(p.id), p.name]), ''));
        const zeigen = () => liste.replaceChildren(...reihe.map((id, i) => h('li', {}, waehlbar.find((p) => p.id === id).name, ' ',
          h('button', { class: 'klein', 'aria-label': `${waehlbar.find((p) => p.id === id).name} herausnehmen`, onclick: () => { reihe.splice(i, 1); zeigen(); } }, '×'))));
        teile.push(h('div', { class: 'raster' }, feld('Name des Wahlvorschlags', name), feld('eingereicht von', von)),
          h('div', { class: 'top-neu' }, feld(w.stellvertreter ? 'Bewerber (Mitglied, dann Stellvertretung, in Listenfolge)' : 'Bewerber (in Listenfolge)', person), h('span'),
            h('button', { 'data-testid': 'vorschlag-person-hinzufuegen', onclick: () => { const id = Number(person.value); if (!reihe.includes(id)) reihe.push(id); zeigen(); } }, 'Anfügen')),
          liste,
          h('p', {}, h('button', { 'data-testid': 'vorschlag-hinzufuegen', onclick: () => this.aendern('wahlvorschlag_neu', { name: name.value, eingereichtVon: von.value, kandidaten: reihe }, befunde) }, 'Wahlvorschlag eintragen')));
      }
    }
    return h('fieldset', {}, ...teile);
  }

  stand(w, befunde) {
    const s = w.stand.schritt;
    if (s.art === 'fertig') return null;
    if (s.art === 'los') {
      const von = h('input', { type: 'text', 'data-testid': 'los-von', value: w.gremium && this.vorsitz() });
      const wahl = s.zwischen.map((n) => h('label', { class: 'klein-label' }, h('input', { type: 'checkbox', value: n, 'data-testid': 'los-ergebnis' }), ` ${n}`));
      return h('fieldset', { 'data-testid': 'los' }, h('legend', {}, 'Losentscheid'),
        h('p', { 'data-testid': 'naechster-schritt' }, `Gleichstand: Das Los entscheidet zwischen ${s.zwischen.join(', ')} um ${s.plaetze} ${s.plaetze === 1 ? 'Platz' : 'Plätze'}.`),
        h('div', { class: 'raster' }, feld('Gezogen von', von), h('div', { class: 'feld breit' }, h('span', { class: 'feld-titel' }, 'Gezogen wurde'), ...wahl)),
        h('p', {},
          h('button', { 'data-testid': 'los-eintragen', onclick: () => this.aendern('los_erfassen', { gezogenVon: von.value, ergebnis: wahl.map((l) => l.firstChild).filter((c) => c.checked).map((c) => c.value), ziehen: false }, befunde) }, 'Gezogenes Los eintragen'), ' ',
          h('button', { 'data-testid': 'los-ziehen', onclick: () => this.aendern('los_erfassen', { gezogenVon: von.value, ergebnis: null, ziehen: true }, befunde) }, 'Die Anwendung ziehen lassen')));
    }
    const einzel = w.art === 'einzel';
    const felder = [zahlFeld('Abgegebene Stimmzettel', 'zaehlung-abgegeben'), zahlFeld('Ungültig', 'zaehlung-ungueltig', 0), zahlFeld('Enthaltungen', 'zaehlung-enthaltungen', 0)];
    if (einzel || w.art === 'einheitlich') felder.push(zahlFeld('Nein', 'zaehlung-nein', 0));
    const stimmen = s.optionen.map((o) => zahlFeld(`Stimmen: ${o}`, 'zaehlung-stimmen', 0));
    const eintragen = () => {
      // Sent as typed: a whole number goes as a number, anything else ("abc", "3,5") as the
      // text itself, so the core names the field instead of the app reading it as 0.
      const alsGetippt = (v) => { const t = String(v ?? '').trim(); if (t === '') return 0; return /^-?\d+$/.test(t) ? Number(t) : t; };
      const wert = (id) => alsGetippt(this.detail.querySelector(`[data-testid="${id}"]`)?.value);
      const zaehlung = {
        gang: s.gang, abgegeben: wert('zaehlung-abgegeben'), ungueltig: wert('zaehlung-ungueltig'), enthaltungen: wert('zaehlung-enthaltungen'), nein: wert('zaehlung-nein'),
        stimmen: s.optionen.map((o, i) => [o, alsGetippt(stimmen[i].querySelector('input').value)]),
      };
      this.aendern('wahlgang_erfassen', { zaehlung }, befunde);
    };
    const kopien = h('input', { type: 'number', min: '1', value: '10', 'data-testid': 'zettel-kopien' });
    const jeBlatt = h('select', { 'data-testid': 'zettel-je-blatt' }, optionen([['1', '1 je Blatt'], ['2', '2 je Blatt'], ['4', '4 je Blatt']], '1'));
    return h('fieldset', { 'data-testid': 'zaehlung' }, h('legend', {}, `${s.nr}. Wahlgang${s.gang === 'engere' ? ' – engere Wahl' : ''}`),
      h('p', { 'data-testid': 'naechster-schritt' }, s.optionen.length ? `Zur Wahl: ${s.optionen.join(', ')}` : 'Noch steht niemand zur Wahl.'),
      w.geheim && s.optionen.length ? h('div', { class: 'top-neu' }, feld('Stimmzettel', kopien), feld('Anordnung', jeBlatt),
        h('button', { 'data-testid': 'stimmzettel', onclick: () => this.pdf('wahl_stimmzettel', { kopien: Number(kopien.value), jeBlatt: Number(jeBlatt.value) }, 'Stimmzettel') }, 'Stimmzettel drucken…')) : null,
      s.optionen.length ? [h('h3', { class: 'teil' }, 'Auszählung'), h('div', { class: 'raster' }, ...felder, ...stimmen),
        h('p', {}, h('button', { class: 'primaer', 'data-testid': 'zaehlung-eintragen', onclick: eintragen }, 'Auszählung eintragen'))] : null);
  }

  vorsitz() {
    const s = this.sitzungen.find((x) => x.id === this.akte.sitzung);
    return s?.mitglieder.find((m) => m.rolle === 'vorsitz')?.person.name || '';
  }

  ergebnis(w) {
    const teile = [h('legend', {}, 'Ergebnis')];
    w.gaenge.forEach((g, i) => {
      const e = w.stand.einzel[i];
      teile.push(h('p', { class: 'stumm' }, `${i + 1}. Wahlgang: ${g.abgegeben} abgegeben, ${g.ungueltig} ungültig, ${g.enthaltungen} Enthaltungen${g.nein ? `, ${g.nein} Nein` : ''}; ${g.stimmen.map(([n, s]) => `${n} ${s}`).join(', ')}${e ? ` – erforderlich ${e.erforderlich}` : ''}`));
    });
    for (const l of w.lose) teile.push(h('p', { class: 'stumm' }, `Los nach dem ${l.nach_gang}. Wahlgang zwischen ${l.zwischen.join(', ')}: ${l.ergebnis.join(', ')} (gezogen von ${l.gezogen_von}${l.seed !== null ? `, Startwert ${l.seed}` : ''})`));
    if (w.stand.schritt.art === 'fertig') {
      teile.push(w.stand.gewaehlt.length
        ? h('div', { 'data-testid': 'wahl-ergebnis' }, h('strong', {}, w.stand.gewaehlt.length === 1 ? 'Gewählt ist:' : 'Gewählt sind:'), h('ol', {}, w.stand.gewaehlt.map((n, i) => h('li', {}, n, w.stand.stellvertretung[i] ? ` (Stellvertretung: ${w.stand.stellvertretung[i]})` : ''))))
        : h('p', { 'data-testid': 'wahl-ergebnis' }, 'Gewählt ist niemand.'));
      if (w.stand.gewaehlt.length) {
        const vorlage = h('select', { 'data-testid': 'beschluss-vorlage' });
        // Drafts get the Beschlussvorschlag; released Vorlagen the Beschlussvermerk (their
        // TOP in this Sitzung), their Beschlussvorschlag being frozen.
        aufruf('vorlage_liste', { filter: { sortierung: 'standard', absteigend: false, grenze: 500 } })
          .then((z) => vorlage.replaceChildren(...optionen(z.map((v) => [String(v.id), v.nummer ? `${v.nummer} – ${v.betreff || '(ohne Betreff)'} (Beschlussvermerk)` : `Entwurf – ${v.betreff || '(ohne Betreff)'} (Beschlussvorschlag)`]), ''))).catch(meldung.fehler);
        teile.push(h('div', { class: 'top-neu' }, feld('Ergebnis übernehmen in Vorlage', vorlage), h('span'),
          h('button', { 'data-testid': 'beschluss-uebernehmen', onclick: async () => {
            try {
              const u = await aufruf('wahl_in_vorlage', { wahl: w.id, vorlage: Number(vorlage.value) });
              meldung.zeigen(u.top ? `Der Beschlussvermerk der Vorlage ist aus dem Ergebnis gesetzt (TOP ${u.top}).` : 'Der Beschlussvorschlag der Vorlage ist aus dem Ergebnis gefüllt.');
            } catch (e) { meldung.fehler(e); }
          } }, 'Übernehmen')));
      }
    } else if (!w.gaenge.length) {
      teile.push(h('p', { class: 'stumm' }, 'Noch kein Wahlgang ausgezählt.'));
    }
    return h('fieldset', { 'data-testid': 'wahl-ergebnis-feld' }, ...teile);
  }

  async pdf(befehl, argumente, was) {
    const { zeigen } = await import('../components/pdf-vorschau.js');
    await zeigen(`${was} – ${this.akte.titel}`, { laden: () => aufruf(befehl, { wahl: this.akte.id, ...argumente }) });
  }
}

