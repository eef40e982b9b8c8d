// Gremien & Personen: the Gremien (list) beside one Gremium (detail) with its settings and
// members — role, voting right, on behalf of, directly elected or sent by the Rat
// (§ 27 GO NRW) — and the forms for a new Gremium and a new member (a new person, or one
// the office already knows). Names in any script; the core sorts them.
import { aufruf } from '../ipc.js';
import { h, optionen, neueId } from '../components/dom.js';
import * as meldung from '../components/meldung.js';

const TYPEN = [
  ['integrationsrat', 'Integrationsrat'],
  ['ausschuss_chancengerechtigkeit', 'Ausschuss für Chancengerechtigkeit und Integration'],
  ['rat', 'Rat'], ['ausschuss', 'Ausschuss'], ['arbeitsgemeinschaft', 'Arbeitsgemeinschaft'], ['extern', 'externes Gremium'],
];
const ROLLEN = [['vorsitz', 'Vorsitz'], ['stellv_vorsitz', 'stellv. Vorsitz'], ['mitglied', 'Mitglied'], ['stellv_mitglied', 'stellv. Mitglied'], ['beratend', 'beratendes Mitglied']];
const HERKUNFT = [['direkt', 'direkt gewählt'], ['rat', 'vom Rat entsandt'], ['sonstig', 'sonstig']];

const label = (liste, k) => (liste.find(([x]) => x === k) || [k, k])[1];

function feld(text, eingabe, breit = false) {
  eingabe.id = eingabe.id || neueId('g');
  return h('div', { class: `feld${breit ? ' breit' : ''}` }, h('label', { for: eingabe.id }, text), eingabe);
}

function befundeZeigen(ziel, e) {
  const befunde = e?.befunde?.length ? e.befunde : (e ? [{ schwere: 'fehler', meldung: e.message }] : []);
  ziel.replaceChildren(...(befunde.length ? [h('h2', {}, 'Bitte beachten'), h('ul', {}, befunde.map((b) => h('li', { class: 'fehler' }, b.meldung)))] : []));
}

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
    this.liste.replaceChildren(...(this.gremien.length ? this.gremien.map((g) => h('li', {},
      h('button', { class: `wahl-eintrag${this.gremium === g.id ? ' gewaehlt' : ''}`, 'aria-current': this.gremium === g.id ? 'true' : null, 'data-testid': 'gremium-eintrag', onclick: () => this.oeffnen(g.id) },
        h('strong', {}, g.name), h('span', { class: 'stumm' }, ` ${label(TYPEN, g.typ)}`))))
      : [h('li', { class: 'leer' }, 'Noch kein Gremium.')]));
    if (!this.gremium && this.gremien.length) await this.oeffnen(this.gremien[0].id);
    else if (!this.gremien.length) this.neu();
  }

  neu() {
    this.gremium = null;
    const name = h('input', { type: 'text', 'data-testid': 'gremium-name' });
    const kurz = h('input', { type: 'text', 'data-testid': 'gremium-kurzname' });
    const typ = h('select', { 'data-testid': 'gremium-typ' }, optionen(TYPEN, 'integrationsrat'));
    const wp = h('input', { type: 'text', placeholder: 'z. B. 2025–2030' });
    const frist = h('input', { type: 'number', min: '0', max: '60', value: '7' });
    const min = h('input', { type: 'number', min: '0', max: '52', value: '0' });
    const befunde = h('div', { class: 'befunde', 'aria-live': 'polite', 'data-testid': 'gremium-befunde' });
    const anlegen = async () => {
      try {
        const g = await aufruf('gremium_neu', { gremium: { name: name.value, kurzname: kurz.value, typ: typ.value, wahlperiode: wp.value, ladungsfrist_tage: Number(frist.value), mindestsitzungen_jahr: Number(min.value) } });
        this.gremium = g.id;
        await this.laden();
        await this.oeffnen(g.id);
      } catch (e) { befundeZeigen(befunde, e); }
    };
    this.detail.replaceChildren(h('div', { class: 'werkzeugleiste' }, h('h1', { class: 'titel' }, 'Neues Gremium')),
      h('div', { class: 'formular' }, befunde, h('fieldset', {}, h('legend', {}, 'Gremium'),
        h('div', { class: 'raster' }, feld('Name', name, true), feld('Kurzname', kurz), feld('Art', typ), feld('Wahlperiode', wp),
          feld('Ladungsfrist (Tage)', frist), feld('Mindestzahl Sitzungen im Jahr', min)),
        h('p', {}, h('button', { class: 'primaer', 'data-testid': 'gremium-anlegen', onclick: anlegen }, 'Gremium anlegen')))));
    name.focus();
  }

  async oeffnen(id) {
    this.gremium = id;
    const g = this.gremien.find((x) => x.id === id);
    let mitglieder;
    try { mitglieder = await aufruf('gremium_mitglieder', { gremium: id }); } catch (e) { meldung.fehler(e); return; }
    this.liste.querySelectorAll('button').forEach((b, i) => {
      const an = this.gremien[i]?.id === id;
      b.classList.toggle('gewaehlt', an);
      if (an) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
    });
    const befunde = h('div', { class: 'befunde', 'aria-live': 'polite', 'data-testid': 'mitglied-befunde' });
    const p = { anrede: h('select', {}, optionen([['', '—'], ['Frau', 'Frau'], ['Herr', 'Herr']], '')), titel: h('input', { type: 'text' }), vorname: h('input', { type: 'text', 'data-testid': 'person-vorname' }), nachname: h('input', { type: 'text', 'data-testid': 'person-nachname' }), email: h('input', { type: 'email' }), telefon: h('input', { type: 'tel' }), anschrift: h('textarea', { rows: 3, placeholder: 'Straße Nr.\nPLZ Ort' }) };
    const bekannt = h('select', { 'data-testid': 'person-bekannt' }, h('option', { value: '' }, '— neue Person —'),
      optionen(this.personen.filter((x) => !mitglieder.some((m) => m.person.id === x.id)).map((x) => [String(x.id), x.name]), ''));
    const rolle = h('select', { 'data-testid': 'mitglied-rolle' }, optionen(ROLLEN, 'mitglied'));
    const herkunft = h('select', { 'data-testid': 'mitglied-herkunft' }, optionen(HERKUNFT, 'direkt'));
    const fuer = h('input', { type: 'text', placeholder: 'Liste oder Fraktion' });
    const stimmrecht = h('input', { type: 'checkbox', checked: true });
    const von = h('input', { type: 'date', 'data-testid': 'mitglied-von' });
    const bis = h('input', { type: 'date', 'data-testid': 'mitglied-bis' });
    const hinzufuegen = async () => {
      const mitgliedschaft = { person: Number(bekannt.value || 0), gremium: id, rolle: rolle.value, herkunft: herkunft.value, fuer: fuer.value, stimmrecht: stimmrecht.checked, von: von.value, bis: bis.value };
      try {
        if (bekannt.value) await aufruf('mitgliedschaft_neu', { mitgliedschaft });
        else await aufruf('person_neu', { person: Object.fromEntries(Object.entries(p).map(([k, el]) => [k, el.value])), mitgliedschaft });
        meldung.zeigen('Mitglied eingetragen.');
        await this.laden();
        await this.oeffnen(id);
      } catch (e) { befundeZeigen(befunde, e); }
    };
    this.detail.replaceChildren(
      h('div', { class: 'werkzeugleiste' }, h('h1', { class: 'titel', 'data-testid': 'gremium-titel' }, g.name),
        h('span', { class: 'stumm' }, `${label(TYPEN, g.typ)}${g.wahlperiode ? ` · Wahlperiode ${g.wahlperiode}` : ''} · Ladungsfrist ${g.ladungsfrist_tage} Tage${g.mindestsitzungen_jahr ? ` · mindestens ${g.mindestsitzungen_jahr} Sitzungen im Jahr` : ''}`)),
      h('div', { class: 'formular' },
        h('fieldset', {}, h('legend', {}, `Mitglieder (${mitglieder.length})`),
          mitglieder.length ? h('table', { class: 'liste-tabelle', 'data-testid': 'mitglieder' },
            h('thead', {}, h('tr', {}, ...['Name', 'Rolle', 'Stimmrecht', 'für', 'Herkunft'].map((t) => h('th', { scope: 'col' }, h('span', { class: 'kopf-text' }, t))))),
            h('tbody', {}, mitglieder.map((m) => h('tr', { 'data-testid': 'mitglied-zeile' }, h('td', {}, m.person.name), h('td', {}, label(ROLLEN, m.rolle)), h('td', {}, m.stimmrecht ? 'ja' : 'nein'), h('td', {}, m.fuer), h('td', {}, label(HERKUNFT, m.herkunft))))))
            : h('p', { class: 'stumm' }, 'Noch keine Mitglieder.')),
        h('fieldset', {}, h('legend', {}, 'Mitglied hinzufügen'), befunde,
          h('div', { class: 'raster' }, feld('Bekannte Person', bekannt, true), feld('Anrede', p.anrede), feld('Titel', p.titel), feld('Vorname', p.vorname), feld('Nachname', p.nachname), feld('E-Mail', p.email), feld('Telefon', p.telefon), feld('Anschrift (für die Einladung)', p.anschrift),
            feld('Rolle', rolle), feld('Herkunft (§ 27 GO NRW)', herkunft), feld('für (Liste / Fraktion)', fuer), feld('Mitglied seit', von), feld('Mitglied bis', bis),
            h('div', { class: 'feld' }, h('span', { class: 'feld-titel' }, 'Stimmrecht'), h('label', {}, stimmrecht, ' stimmberechtigt'))),
          h('p', {}, h('button', { class: 'primaer', 'data-testid': 'mitglied-hinzufuegen', onclick: hinzufuegen }, 'Mitglied eintragen')))));
  }
}
