// Gremien & Personen: the Gremien (list) beside one Gremium (detail) with its settings and
// members — role, voting right, on behalf of, directly elected or sent by the Rat
// (§ 27 GO NRW) — and the forms for a new Gremium and a new member (a new person, or one
// the office already knows). Names in any script; the core sorts them.
import { aufruf } from '../ipc.js';
import { h, optionen, neueId } from '../components/dom.js';
import { listeErsetzen } from '../components/bewahren.js';
import * as meldung from '../components/meldung.js';
import * as dialog from '../components/dialog.js';
import { mitKalender } from '../components/kalender.js';
import { beschriftet as feld, befundListe, befundeAus } from '../components/feld.js';
import { datumDeutsch } from '../format.js';
import { GREMIUM_TYP, MITGLIED_ROLLE, HERKUNFT, VERTRETUNG, label } from '../wertlisten.js';

const TYPEN = GREMIUM_TYP;
const ROLLEN = MITGLIED_ROLLE;


// A number as typed: digits become a number, anything else goes to the core as it is,
// which names the field ("abc" never silently becomes 0).
const zahl = (el) => (/^\s*\d+\s*$/.test(el.value) ? Number(el.value) : el.value);
const heute = () => datumDeutsch(new Date().toISOString().slice(0, 10));


export class GremienBereich {
  constructor(wurzel) {
    this.wurzel = wurzel;
    this.gremium = null;
    this.liste = h('ul', { class: 'wahl-liste', 'data-testid': 'gremien-liste' });
    this.detail = h('section', { class: 'detail', 'aria-label': 'Gremium' });
    wurzel.replaceChildren(h('div', { class: 'bereich' },
      h('section', { class: 'liste', 'aria-label': 'Gremien' },
        h('div', { class: 'liste-kopf' }, h('button', { class: 'primaer', 'data-testid': 'gremium-neu', onclick: () => this.neu() }, 'Neues Gremium')),
        h('div', { class: 'tabelle-wrap' }, this.liste)),
      this.detail));
  }

  async laden() {
    try {
      this.gremien = await aufruf('gremien_liste');
      this.personen = await aufruf('personen_liste');
    } catch (e) { meldung.fehler(e); return; }
    listeErsetzen(this.liste, (this.gremien.length ? this.gremien.map((g) => h('li', {},
      h('button', { class: `wahl-eintrag${this.gremium === g.id ? ' gewaehlt' : ''}`, 'aria-current': this.gremium === g.id ? 'true' : null, 'data-testid': 'gremium-eintrag', 'data-id': g.id, onclick: () => this.oeffnen(g.id) },
        h('strong', {}, g.name), h('span', { class: 'stumm' }, ` ${label(TYPEN, g.typ)}${g.ris ? ' · RIS' : ''}`))))
      : [h('li', { class: 'leer' }, 'Noch kein Gremium.')]));
    if (!this.gremium && this.gremien.length) await this.oeffnen(this.gremien[0].id);
    else if (!this.gremien.length) this.neu();
  }

  /** The fields of a Gremium's settings, filled from `g` (for a new one: empty, no Art
   * assumed — an office has its one Integrationsrat already; a new Gremium is mostly
   * another, and the Sitzungen area opens on the Integrationsrat by its kind). */
  einstellungsFelder(g = null) {
    const name = h('input', { type: 'text', value: g?.name || '', 'data-testid': 'gremium-name', 'data-feld': 'name', dir: 'auto' });
    const kurz = h('input', { type: 'text', value: g?.kurzname || '', 'data-testid': 'gremium-kurzname', 'data-feld': 'kurzname', dir: 'auto' });
    const typ = h('select', { 'data-testid': 'gremium-typ', 'data-feld': 'typ' }, g ? null : h('option', { value: '' }, '— bitte wählen —'), optionen(TYPEN, g?.typ || ''));
    const wp = h('input', { type: 'text', value: g?.wahlperiode || '', placeholder: 'z. B. 2025–2030', 'data-feld': 'wahlperiode' });
    const frist = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: String(g?.ladungsfrist_tage ?? 7), 'data-testid': 'gremium-ladungsfrist', 'data-feld': 'ladungsfrist_tage' });
    const min = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: String(g?.mindestsitzungen_jahr ?? 0), 'data-testid': 'gremium-mindestsitzungen', 'data-feld': 'mindestsitzungen_jahr' });
    const vertretung = h('select', { 'data-testid': 'gremium-vertretung', 'data-feld': 'vertretung', title: 'Ein stellvertretendes Mitglied stimmt nur für ein abwesendes Mitglied: für eines seiner Liste/Fraktion (in der Reihenfolge der Stellvertreter) oder, bei persönlicher Stellvertretung, nur für das Mitglied, das bei ihm unter „für“ steht.' }, optionen(VERTRETUNG, g?.vertretung || 'liste'));
    const ohne = h('input', { type: 'checkbox', checked: !!g?.ohne_entschaedigung, 'data-testid': 'gremium-ohne-entschaedigung', 'data-feld': 'ohne_entschaedigung' });
    const daten = () => ({ name: name.value, kurzname: kurz.value, typ: typ.value, wahlperiode: wp.value, ladungsfrist_tage: zahl(frist), mindestsitzungen_jahr: zahl(min), vertretung: vertretung.value, ohne_entschaedigung: ohne.checked });
    const raster = h('div', { class: 'raster' }, feld('Name', name, { breit: true }), feld('Kurzname', kurz), feld('Art', typ), feld('Wahlperiode', wp),
      feld('Ladungsfrist (Tage)', frist), feld('Mindestzahl Sitzungen im Jahr', min), feld('Stellvertretung', vertretung, { breit: true }),
      h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, 'Entschädigung'), h('label', {}, ohne, ' zahlt weder Sitzungsgeld noch Fahrtkosten')));
    return { raster, daten, erstes: name };
  }

  neu() {
    this.gremium = null;
    const { raster, daten, erstes } = this.einstellungsFelder();
    const befunde = h('div', { class: 'befunde', 'aria-live': 'polite', 'data-testid': 'gremium-befunde' });
    const anlegen = async () => {
      try {
        const g = await aufruf('gremium_neu', { gremium: daten() });
        this.gremium = g.id;
        await this.laden();
        await this.oeffnen(g.id);
      } catch (e) { befundListe(befunde, befundeAus(e)); }
    };
    this.detail.replaceChildren(h('div', { class: 'werkzeugleiste' }, h('h1', { class: 'titel' }, 'Neues Gremium')),
      h('div', { class: 'formular' }, befunde, h('fieldset', {}, h('legend', {}, 'Gremium'), raster,
        h('p', {}, h('button', { class: 'primaer', 'data-testid': 'gremium-anlegen', onclick: anlegen }, 'Gremium anlegen')))));
    erstes.focus();
  }

  /**
   * The settings of an existing Gremium in a dialog: the same fields and rules as a new
   * one. A refused change names its field and keeps the dialog with what was typed;
   * "Rückgängig" puts the settings before back.
   */
  einstellungen(g) {
    const { raster, daten, erstes } = this.einstellungsFelder(g);
    const befunde = h('div', { class: 'befunde', 'aria-live': 'polite', 'data-testid': 'gremium-befunde' });
    const vorher = Object.fromEntries(['name', 'kurzname', 'typ', 'wahlperiode', 'ladungsfrist_tage', 'mindestsitzungen_jahr', 'vertretung', 'ohne_entschaedigung'].map((k) => [k, g[k]]));
    const speichern = h('button', { class: 'primaer', 'data-testid': 'gremium-speichern', onclick: async () => {
      try {
        const neu = await aufruf('gremium_aendern', { id: g.id, gremium: daten() });
        dialog.schliessen();
        await this.neuLaden(g.id);
        meldung.mitAktion(`Einstellungen von „${neu.name}“ gespeichert.`, 'Rückgängig', async () => {
          try { await aufruf('gremium_aendern', { id: g.id, gremium: vorher }); await this.neuLaden(g.id); } catch (e) { meldung.fehler(e); }
        });
      } catch (e) {
        befundListe(befunde, befundeAus(e));
      }
    } }, 'Einstellungen speichern');
    dialog.oeffnen(`Einstellungen: ${g.name}`, h('form', { class: 'gremium-einstellungen', 'data-testid': 'gremium-einstellungen', onsubmit: (e) => e.preventDefault() }, befunde, raster),
      [h('button', { 'data-testid': 'abbrechen', onclick: () => dialog.schliessen() }, 'Abbrechen'), speichern]);
    erstes.focus();
  }

  /** The list and Gremium `id` again, with the focus on its "Einstellungen…" button. */
  async neuLaden(id) {
    await this.laden();
    await this.oeffnen(id);
    this.detail.querySelector('[data-testid="gremium-einstellungen-oeffnen"]')?.focus();
  }

  async oeffnen(id, bearbeiten = null, fokus = {}) {
    this.gremium = id;
    const g = this.gremien.find((x) => x.id === id);
    let mitglieder;
    try { mitglieder = await aufruf('gremium_mitglieder', { gremium: id }); } catch (e) { meldung.fehler(e); return; }
    this.liste.querySelectorAll('button').forEach((b, i) => {
      const an = this.gremien[i]?.id === id;
      b.classList.toggle('gewaehlt', an);
      if (an) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
    });
    if (g.ris) {
      // From the town's RIS: shown, not edited here.
      this.detail.replaceChildren(
        h('div', { class: 'werkzeugleiste' }, h('h1', { class: 'titel', 'data-testid': 'gremium-titel' }, g.name), h('span', { class: 'badge' }, 'RIS')),
        h('div', { class: 'formular' }, h('p', { 'data-testid': 'gremium-ris' },
          `Aus dem Ratsinformationssystem der Stadt (${g.ris}). Hier schreibgeschützt: ohne Mitglieder und Sitzungen des Büros, aber wählbar als Ziel einer Entsendung und in der Beratungsfolge.`)));
      return;
    }
    const m0 = mitglieder.find((m) => m.person.id === bearbeiten) || null;
    const pd = m0?.person || {};
    const befunde = h('div', { class: 'befunde', 'aria-live': 'polite', 'data-testid': 'mitglied-befunde' });
    const p = {
      anrede: h('select', { 'data-testid': 'person-anrede' }, optionen([['', '—'], ['Frau', 'Frau'], ['Herr', 'Herr']], pd.anrede || '')),
      titel: h('input', { type: 'text', value: pd.titel || '', dir: 'auto' }),
      vorname: h('input', { type: 'text', value: pd.vorname || '', 'data-testid': 'person-vorname', dir: 'auto' }),
      nachname: h('input', { type: 'text', value: pd.nachname || '', 'data-testid': 'person-nachname', dir: 'auto' }),
      email: h('input', { type: 'email', value: pd.email || '', 'data-testid': 'person-email' }),
      telefon: h('input', { type: 'tel', value: pd.telefon || '' }),
      anschrift: h('textarea', { rows: 3, placeholder: 'Straße Nr.\nPLZ Ort', dir: 'auto' }),
      // For the Sitzungsgeld's payment only (the cash office's CSV); never public.
      iban: h('input', { type: 'text', value: pd.iban ? pd.iban.replace(/(.{4})/g, '$1 ').trim() : '', spellcheck: 'false', autocomplete: 'off', placeholder: 'DE.. .... .... .... .... ..', 'data-testid': 'person-iban', 'data-feld': 'iban' }),
      personalnummer: h('input', { type: 'text', value: pd.personalnummer || '', spellcheck: 'false', autocomplete: 'off', 'data-testid': 'person-personalnummer' }),
    };
    p.anschrift.value = pd.anschrift || '';
    const bekannt = h('select', { 'data-testid': 'person-bekannt' }, h('option', { value: '' }, '— neue Person —'),
      optionen(this.personen.filter((x) => !mitglieder.some((m) => m.person.id === x.id)).map((x) => [String(x.id), x.name]), ''));
    const rolle = h('select', { 'data-testid': 'mitglied-rolle' }, optionen(ROLLEN, m0?.rolle || 'mitglied'));
    const herkunft = h('select', { 'data-testid': 'mitglied-herkunft' }, optionen(HERKUNFT, m0?.herkunft || 'direkt'));
    const fuer = h('input', { type: 'text', placeholder: 'Liste, Fraktion oder Mitglied', title: 'Ein stellvertretendes Mitglied stimmt nur für ein abwesendes Mitglied: für das hier genannte Mitglied (persönliche Stellvertretung) oder für eines seiner Liste / Fraktion, in der Reihenfolge der Stellvertreter.', value: m0?.fuer || '', dir: 'auto' });
    const stimmrecht = h('input', { type: 'checkbox', checked: m0 ? m0.stimmrecht : true, 'data-testid': 'mitglied-stimmrecht' });
    // Dates in German as typed (TT.MM.JJJJ), checked by the core.
    const datumFeld = (wert, testid) => h('input', { type: 'text', inputmode: 'numeric', placeholder: 'TT.MM.JJJJ', autocomplete: 'off', value: datumDeutsch(wert || ''), 'data-testid': testid });
    const von = datumFeld(m0?.von, 'mitglied-von');
    const bis = datumFeld(m0?.bis, 'mitglied-bis');
    const mitgliedschaft = (person) => ({ person, gremium: id, rolle: rolle.value, herkunft: herkunft.value, fuer: fuer.value, stimmrecht: stimmrecht.checked, von: von.value, bis: bis.value });
    const personDaten = () => Object.fromEntries(Object.entries(p).map(([k, el]) => [k, el.value]));
    const eintragen = async () => {
      try {
        if (m0) {
          await aufruf('mitglied_aendern', { id: m0.person.id, person: personDaten(), mitgliedschaft: mitgliedschaft(m0.person.id) });
          meldung.zeigen(`Änderungen an ${p.vorname.value} ${p.nachname.value} gespeichert.`);
        } else if (bekannt.value) {
          await aufruf('mitgliedschaft_neu', { mitgliedschaft: mitgliedschaft(Number(bekannt.value)) });
          meldung.zeigen('Mitglied eingetragen.');
        } else {
          await aufruf('person_neu', { person: personDaten(), mitgliedschaft: mitgliedschaft(0) });
          meldung.zeigen('Mitglied eingetragen.');
        }
        await this.laden();
        // The clerk's place after a save: the next new member's first field, or the
        // member just changed in the table — never <body>.
        await this.oeffnen(id, null, m0 ? { nach: m0.person.id } : { neu: true });
      } catch (e) { befundListe(befunde, befundeAus(e)); }
    };
    const zeile = (m) => {
      const ende = m.bis && m.bis < new Date().toISOString().slice(0, 10);
      return h('tr', { 'data-testid': 'mitglied-zeile', class: ende ? 'mitglied-ende' : null },
        h('td', {}, h('span', { 'data-testid': 'mitglied-name' }, m.person.name), m.fuer ? h('div', { class: 'stumm' }, m.fuer) : null),
        h('td', {}, label(ROLLEN, m.rolle), m.stimmrecht ? null : h('div', { class: 'stumm' }, 'ohne Stimmrecht'),
          h('div', { class: 'stumm' }, label(HERKUNFT, m.herkunft))),
        h('td', { class: 'zeitraum', 'data-testid': 'mitglied-zeitraum' },
          m.von ? h('span', {}, `seit ${datumDeutsch(m.von)}`) : null,
          m.bis ? h('span', {}, `${ende ? 'ausgeschieden' : 'bis'} ${datumDeutsch(m.bis)}`) : null),
        h('td', { class: 'aktionen' },
          h('button', { type: 'button', class: 'klein', 'data-testid': 'mitglied-bearbeiten', 'data-person': m.person.id, 'aria-label': `${m.person.name} bearbeiten`, onclick: () => this.oeffnen(id, m.person.id) }, 'Bearbeiten'),
          m.bis ? null : h('button', { type: 'button', class: 'klein', 'data-testid': 'mitglied-beenden', 'aria-label': `Mitgliedschaft von ${m.person.name} beenden`, onclick: () => this.beenden(g, m) }, 'Beenden…')));
    };
    const mitgliederTabelle = mitglieder.length ? h('table', { class: 'liste-tabelle mitglieder-tabelle', 'data-testid': 'mitglieder' },
      h('thead', {}, h('tr', {}, ...['Name / für', 'Rolle / Herkunft', 'Zeitraum'].map((t) => h('th', { scope: 'col' }, h('span', { class: 'kopf-text' }, t))),
        h('th', { scope: 'col' }, h('span', { class: 'visuell-versteckt' }, 'Aktionen')))),
      h('tbody', {}, mitglieder.map(zeile)))
      : h('p', { class: 'stumm' }, 'Noch keine Mitglieder.');
    const formular = h('fieldset', { 'data-testid': m0 ? 'mitglied-bearbeiten-form' : 'mitglied-neu-form' }, h('legend', {}, m0 ? `${m0.person.name} bearbeiten` : 'Mitglied hinzufügen'), befunde,
      h('div', { class: 'raster' }, m0 ? null : feld('Bekannte Person', bekannt, { breit: true }), feld('Anrede', p.anrede), feld('Titel', p.titel), feld('Vorname', p.vorname), feld('Nachname', p.nachname), feld('E-Mail', p.email), feld('Telefon', p.telefon), feld('Anschrift (für die Einladung)', p.anschrift), feld('IBAN (für das Sitzungsgeld)', p.iban), feld('Personalnummer (Stadtkasse)', p.personalnummer),
        feld('Rolle', rolle), feld('Herkunft (§ 27 GO NRW)', herkunft), feld('für (Liste / Fraktion; als persönliche Stellvertretung: das Mitglied)', fuer), feld('Mitglied seit', mitKalender(von)), feld('Mitglied bis', mitKalender(bis)),
        h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, 'Stimmrecht'), h('label', {}, stimmrecht, ' stimmberechtigt'))),
      h('p', { class: 'zeile' },
        h('button', { class: 'primaer', 'data-testid': 'mitglied-hinzufuegen', onclick: eintragen }, m0 ? 'Änderungen speichern' : 'Mitglied eintragen'),
        m0 ? h('button', { 'data-testid': 'mitglied-abbrechen', onclick: () => this.oeffnen(id) }, 'Abbrechen') : null));
    this.detail.replaceChildren(
      h('div', { class: 'werkzeugleiste' }, h('h1', { class: 'titel', 'data-testid': 'gremium-titel' }, g.name),
        h('span', { class: 'stumm', 'data-testid': 'gremium-angaben' }, `${label(TYPEN, g.typ)}${g.wahlperiode ? ` · Wahlperiode ${g.wahlperiode}` : ''} · Ladungsfrist ${g.ladungsfrist_tage} Tage${g.mindestsitzungen_jahr ? ` · mindestens ${g.mindestsitzungen_jahr} Sitzungen im Jahr` : ''} · ${label(VERTRETUNG, g.vertretung)}${g.ohne_entschaedigung ? ' · ohne Entschädigung' : ''}`),
        h('button', { 'data-testid': 'gremium-einstellungen-oeffnen', onclick: () => this.einstellungen(g) }, 'Einstellungen…')),
      h('div', { class: 'formular' },
        h('fieldset', {}, h('legend', {}, `Mitglieder (${mitglieder.length})`), mitgliederTabelle),
        formular,
        this.presseliste(id)));
    if (fokus.nach) this.detail.querySelector(`[data-testid="mitglied-bearbeiten"][data-person="${fokus.nach}"]`)?.focus();
    if (fokus.neu) {
      const bereich = this.detail.querySelector('.formular');
      bereich.scrollTop += formular.getBoundingClientRect().top - bereich.getBoundingClientRect().top;
      (bekannt.options.length > 1 ? bekannt : p.vorname).focus({ preventScroll: true });
    }
    if (m0) {
      // Scroll the form's own area only (scrollIntoView would move the frame too).
      const bereich = this.detail.querySelector('.formular');
      bereich.scrollTop += formular.getBoundingClientRect().top - bereich.getBoundingClientRect().top;
      p.vorname.focus({ preventScroll: true });
    }
  }

  /**
   * The press and public list: addresses that get the öffentliche packet with every
   * Einladung by e-mail, never anything of the nichtöffentlicher Teil. Removing one can be
   * taken back.
   */
  presseliste(gremium) {
    const liste = h('ul', { class: 'knapp', 'data-testid': 'presse-liste' });
    const email = h('input', { type: 'text', inputmode: 'email', spellcheck: 'false', autocomplete: 'off', 'data-testid': 'presse-email', placeholder: 'redaktion@zeitung.de' });
    const befunde = h('div', { class: 'befunde', 'aria-live': 'polite', 'data-testid': 'presse-befunde' });
    const laden = async () => {
      const adressen = await aufruf('presse_liste', { gremium }).catch((e) => { meldung.fehler(e); return []; });
      liste.replaceChildren(...(adressen.length ? adressen.map((a) => h('li', { 'data-testid': 'presse-adresse' }, a.email, ' ',
        h('button', { class: 'klein', 'aria-label': `${a.email} streichen`, 'data-testid': 'presse-entfernen', onclick: async () => {
          try {
            await aufruf('presse_entfernen', { id: a.id });
            await laden();
            meldung.mitAktion(`${a.email} von der Presseliste gestrichen.`, 'Rückgängig', async () => {
              try { await aufruf('presse_zurueckholen', { id: a.id }); await laden(); } catch (e) { meldung.fehler(e); }
            });
          } catch (e) { meldung.fehler(e); }
        } }, 'Streichen')))
        : [h('li', { class: 'leer' }, 'Keine Adresse: die Einladung geht nur an die Mitglieder.')]));
    };
    const hinzufuegen = async () => {
      try {
        await aufruf('presse_hinzufuegen', { gremium, email: email.value });
        befundListe(befunde, []);
        email.removeAttribute('aria-invalid');
        email.value = '';
        await laden();
        email.focus();
      } catch (e) {
        befundListe(befunde, befundeAus(e));
        email.setAttribute('aria-invalid', 'true');
      }
    };
    email.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); hinzufuegen(); } });
    laden();
    return h('fieldset', { 'data-testid': 'presse' }, h('legend', {}, 'Presse und Öffentlichkeit (E-Mail)'),
      h('p', { class: 'stumm' }, 'Diese Adressen erhalten mit jeder Einladung per E-Mail das öffentliche Sitzungspaket – nie etwas aus dem nichtöffentlichen Teil.'),
      liste, befunde,
      h('p', { class: 'zeile' }, feld('E-Mail-Adresse', email), h('button', { 'data-testid': 'presse-hinzufuegen', onclick: hinzufuegen }, 'Aufnehmen')));
  }

  /** Ends a membership on a day the user confirms; "Rückgängig" opens it again. */
  async beenden(g, m) {
    const tag = h('input', { type: 'text', id: neueId('ende'), inputmode: 'numeric', placeholder: 'TT.MM.JJJJ', autocomplete: 'off', value: heute(), 'data-testid': 'beenden-am' });
    const fehler = h('p', { class: 'feld-meldung fehler', role: 'alert', 'data-testid': 'beenden-fehler' });
    const daten = { person: m.person.id, gremium: g.id, rolle: m.rolle, herkunft: m.herkunft, fuer: m.fuer, stimmrecht: m.stimmrecht, von: m.von || '' };
    const los = async () => {
      try {
        await aufruf('mitgliedschaft_aendern', { mitgliedschaft: { ...daten, bis: tag.value } });
        dialog.schliessen();
        await this.oeffnen(g.id);
        meldung.mitAktion(`Mitgliedschaft von ${m.person.name} zum ${tag.value} beendet.`, 'Rückgängig', async () => {
          try { await aufruf('mitgliedschaft_aendern', { mitgliedschaft: { ...daten, bis: '' } }); await this.oeffnen(g.id); } catch (e) { meldung.fehler(e); }
        });
      } catch (e) { fehler.textContent = e.message; tag.select(); }
    };
    dialog.oeffnen(`Mitgliedschaft von ${m.person.name} beenden?`,
      h('form', { onsubmit: (e) => { e.preventDefault(); los(); } },
        h('p', { 'data-testid': 'bestaetigen-text' }, `${m.person.name} scheidet aus dem Gremium „${g.name}“ aus. Zu Sitzungen nach diesem Tag wird ${m.person.name} nicht mehr eingeladen und zählt nicht mehr bei Wahlen; bisherige Sitzungen bleiben, wie sie sind.`),
        h('label', { for: tag.id }, 'Letzter Tag der Mitgliedschaft'), mitKalender(tag), fehler),
      [h('button', { 'data-testid': 'abbrechen', onclick: () => dialog.schliessen() }, 'Abbrechen'),
        h('button', { class: 'primaer', 'data-testid': 'bestaetigen', onclick: los }, 'Mitgliedschaft beenden')]);
    tag.focus();
    tag.select();
  }
}
