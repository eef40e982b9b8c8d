// The Handbuch inside the program (F1 or the "?" in the navigation): the page for the area
// the clerk is in, the other pages by their titles, a search over all of them, and the
// keyboard shortcuts below. The pages are docs/handbuch/*.md, built into
// ui/handbuch/seiten.js by src-tauri/build.rs; offline, no browser.
import { h } from './dom.js';
import * as dialog from './dialog.js';
import { darstellen, anker } from './markdown.js';
import { SEITEN } from '../handbuch/seiten.js';

/** The page of each area of the navigation. */
const FUER_BEREICH = {
  vorlagen: 'vorlagen.md', sitzungen: 'sitzung.md', beschluesse: 'nach-der-sitzung.md',
  gremien: 'gremien.md', wahlen: 'wahlen.md', einstellungen: 'einstellungen.md',
};
const REIHENFOLGE = ['README.md', 'vorlagen.md', 'sitzung.md', 'nach-der-sitzung.md', 'wahlen.md', 'gremien.md', 'einstellungen.md'];

const titel = (name) => (SEITEN[name]?.match(/^# (.*)$/m)?.[1] || name).replace(/^Handbuch Ratsbüro$/, 'Übersicht');
const gefaltet = (t) => t.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');

/** The sections (a heading and what follows it) of every page that hold `text`. */
function treffer(text) {
  const such = gefaltet(text.trim());
  const aus = [];
  for (const name of REIHENFOLGE) {
    let abschnitt = { name, kopf: titel(name), text: '' };
    const fertig = () => { if (gefaltet(`${abschnitt.kopf} ${abschnitt.text}`).includes(such)) aus.push(abschnitt); };
    for (const z of (SEITEN[name] || '').split('\n')) {
      const k = z.match(/^#{2,4} (.*)$/);
      if (k) { fertig(); abschnitt = { name, kopf: k[1], text: '' }; } else abschnitt.text += ` ${z}`;
    }
    fertig();
  }
  return aus;
}

/** Opens the Handbuch at the page of `bereich`, or at `ziel` ("seite.md#anker", from a
 * message's "Warum?"). */
export function zeigen(bereich = 'vorlagen', ziel = null) {
  const seite = h('div', { class: 'handbuch-seite', 'data-testid': 'handbuch-seite', tabindex: '0', 'aria-label': 'Handbuchseite' });
  const nav = h('nav', { class: 'handbuch-nav', 'aria-label': 'Seiten des Handbuchs' });
  const suche = h('input', { type: 'search', 'data-testid': 'handbuch-suche', placeholder: 'Im Handbuch suchen', 'aria-label': 'Im Handbuch suchen' });
  const zeigeSeite = (name, abschnitt = '') => {
    seite.replaceChildren(...darstellen(SEITEN[name] || '', folgen));
    seite.dataset.seite = name;
    for (const b of nav.querySelectorAll('button')) b.setAttribute('aria-current', b.dataset.seite === name ? 'page' : 'false');
    const ziel = abschnitt && seite.querySelector(`#hb-${CSS.escape(abschnitt)}`);
    if (ziel) ziel.scrollIntoView({ block: 'start' }); else seite.scrollTop = 0;
  };
  const folgen = (ziel) => {
    const [name, abschnitt = ''] = ziel.split('#');
    zeigeSeite(name || seite.dataset.seite, abschnitt);
  };
  nav.replaceChildren(...REIHENFOLGE.map((name) => h('button', { type: 'button', class: 'klein', 'data-seite': name, onclick: () => zeigeSeite(name) }, titel(name))));
  suche.addEventListener('input', () => {
    if (suche.value.trim().length < 3) { zeigeSeite(seite.dataset.seite || FUER_BEREICH[bereich] || 'README.md'); return; }
    const t = treffer(suche.value);
    seite.replaceChildren(h('h3', {}, `${t.length} ${t.length === 1 ? 'Abschnitt' : 'Abschnitte'} mit „${suche.value.trim()}“`),
      h('ul', { 'data-testid': 'handbuch-treffer' }, t.map((a) => h('li', {}, h('a', { href: '#', onclick: (e) => { e.preventDefault(); zeigeSeite(a.name, anker(a.kopf)); } }, `${titel(a.name)}: ${a.kopf}`)))));
  });
  const kuerzel = h('details', { class: 'handbuch-kuerzel' }, h('summary', {}, 'Tastenkürzel'),
    ...darstellen((SEITEN['tastenkuerzel.md'] || '').replace(/^# .*$/m, ''), folgen));
  kuerzel.querySelector('table')?.setAttribute('data-testid', 'tastenkuerzel');
  kuerzel.open = true;
  dialog.oeffnen('Handbuch',
    h('div', { class: 'handbuch', 'data-testid': 'handbuch' }, h('div', { class: 'handbuch-kopf' }, suche, nav), seite, kuerzel),
    [h('button', { class: 'primaer', 'data-testid': 'hilfe-schliessen', onclick: () => dialog.schliessen() }, 'Schließen')]);
  if (ziel) folgen(ziel); else zeigeSeite(FUER_BEREICH[bereich] || 'README.md');
  document.querySelector('[data-testid="hilfe-schliessen"]').focus();
}
