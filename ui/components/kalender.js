// A calendar beside a German date field (TT.MM.JJJJ, also "TT.MM.JJJJ HH:MM"): typing
// stays the way in; the calendar only fills the date part, and the field then sends what
// it shows to the core like any typed value (input and change events).
import { h } from './dom.js';

const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const TAGE = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];
const DATUM = /(\d{1,2})\.(\d{1,2})\.(\d{4})/;
const zwei = (n) => String(n).padStart(2, '0');

let offen = null;

function schliessen(zurueck = false) {
  if (!offen) return;
  const { tafel, feld, weg } = offen;
  offen = null;
  document.removeEventListener('mousedown', weg, true);
  tafel.remove();
  if (zurueck) feld.focus();
}

function setzen(feld, tag) {
  const text = `${zwei(tag.getDate())}.${zwei(tag.getMonth() + 1)}.${tag.getFullYear()}`;
  feld.value = DATUM.test(feld.value) ? feld.value.replace(DATUM, text) : (feld.value.trim() ? `${text} ${feld.value.trim()}` : text);
  feld.dispatchEvent(new Event('input', { bubbles: true }));
  feld.dispatchEvent(new Event('change', { bubbles: true }));
}

function oeffnen(feld, knopf) {
  schliessen();
  const m = DATUM.exec(feld.value);
  const gewaehlt = m ? new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1])) : null;
  const gueltig = gewaehlt && gewaehlt.getDate() === Number(m[1]);
  let monat = gueltig ? new Date(gewaehlt.getFullYear(), gewaehlt.getMonth(), 1) : new Date(new Date().getFullYear(), new Date().getMonth(), 1);
  const heute = new Date();
  const kopf = h('strong', { 'aria-live': 'polite', 'data-testid': 'kalender-monat' });
  const raster = h('tbody');
  const zeichnen = () => {
    kopf.textContent = `${MONATE[monat.getMonth()]} ${monat.getFullYear()}`;
    const erster = (monat.getDay() + 6) % 7;
    const tage = new Date(monat.getFullYear(), monat.getMonth() + 1, 0).getDate();
    const zeilen = [];
    let zeile = [];
    for (let i = 0; i < erster; i += 1) zeile.push(h('td'));
    for (let t = 1; t <= tage; t += 1) {
      const tag = new Date(monat.getFullYear(), monat.getMonth(), t);
      const ist = (d) => d && d.getFullYear() === tag.getFullYear() && d.getMonth() === tag.getMonth() && d.getDate() === t;
      zeile.push(h('td', {}, h('button', {
        type: 'button', class: `klein${ist(heute) ? ' heute' : ''}`, 'data-testid': 'kalender-tag',
        'aria-pressed': gueltig && ist(gewaehlt) ? 'true' : 'false',
        'aria-label': `${t}. ${MONATE[monat.getMonth()]} ${monat.getFullYear()}`,
        onclick: () => { setzen(feld, tag); schliessen(true); },
      }, String(t))));
      if (zeile.length === 7) { zeilen.push(h('tr', {}, zeile)); zeile = []; }
    }
    if (zeile.length) zeilen.push(h('tr', {}, zeile));
    raster.replaceChildren(...zeilen);
  };
  const blaettern = (n) => { monat = new Date(monat.getFullYear(), monat.getMonth() + n, 1); zeichnen(); };
  const tafel = h('div', { class: 'kalender', role: 'dialog', 'aria-label': 'Kalender', 'data-testid': 'kalender',
    onkeydown: (e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); schliessen(true); } } },
  h('div', { class: 'kalender-kopf' },
    h('button', { type: 'button', class: 'klein', 'aria-label': 'Voriger Monat', onclick: () => blaettern(-1) }, '‹'),
    kopf,
    h('button', { type: 'button', class: 'klein', 'aria-label': 'Nächster Monat', onclick: () => blaettern(1) }, '›')),
  h('table', {}, h('thead', {}, h('tr', {}, TAGE.map((t) => h('th', { scope: 'col' }, t)))), raster));
  zeichnen();
  // In a modal dialog the calendar must sit inside it (the top layer), else in the body:
  // no scrolling container of the form can clip it.
  (feld.closest('dialog') || document.body).append(tafel);
  const r = feld.getBoundingClientRect();
  const hoehe = tafel.offsetHeight;
  const breite = tafel.offsetWidth;
  tafel.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - breite - 4))}px`;
  tafel.style.top = `${r.bottom + hoehe + 4 <= window.innerHeight ? r.bottom + 2 : Math.max(4, r.top - hoehe - 2)}px`;
  const weg = (e) => { if (!tafel.contains(e.target) && e.target !== knopf) schliessen(); };
  document.addEventListener('mousedown', weg, true);
  offen = { tafel, feld, weg };
  (tafel.querySelector('[aria-pressed="true"]') || tafel.querySelector('.heute') || tafel.querySelector('[data-testid="kalender-tag"]')).focus();
}

/** `feld` with a calendar button beside it; returns the element to put in the form. */
export function mitKalender(feld) {
  const knopf = h('button', { type: 'button', class: 'klein kalender-knopf', title: 'Kalender', 'data-testid': 'kalender-oeffnen',
    onclick: () => (offen?.feld === feld ? schliessen(true) : oeffnen(feld, knopf)) },
  h('span', { 'aria-hidden': 'true' }, '▦'), h('span', { class: 'visuell-versteckt' }, 'Kalender'));
  if (feld.disabled) knopf.disabled = true;
  return h('span', { class: 'datum-feld' }, feld, knopf);
}
