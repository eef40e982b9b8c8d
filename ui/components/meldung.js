// Short-lived messages at the bottom right (announced to screen readers via aria-live).
// A message with an action ("Rückgängig") stays while the pointer or the keyboard focus is
// on it, and Strg+Z outside a text field runs the newest one's action as long as it shows.
import { h } from './dom.js';
import { warum } from './warum.js';

/** At most this many messages without an action stand at once. */
const HOECHSTENS = 3;

/** Makes room for `el` (a message without an action): the same message standing already
 * goes (it is said again, newest last), and the oldest beyond the limit go — a pile of
 * messages would cover the controls at the bottom right. Not one the clerk is on. */
/** Whether the clerk is on the message (pointer or keyboard focus): it stays then. */
const festgehalten = (m) => m.matches(':hover') || m.contains(document.activeElement);

/** Ends the message `el` with `weg` after `dauer`, or later while it is held. */
function ablaufen(el, dauer, weg) {
  const ablauf = () => {
    if (!el.isConnected) return;
    if (festgehalten(el)) { setTimeout(ablauf, 1000); return; }
    weg();
  };
  setTimeout(ablauf, dauer);
}

function platz(ziel, el) {
  const frei = (m) => !festgehalten(m);
  const ohneAktion = [...ziel.querySelectorAll(':scope > .meldung:not(.mit-aktion)')];
  for (const m of ohneAktion) if (m.dataset.text === el.dataset.text && frei(m)) m.remove();
  const rest = [...ziel.querySelectorAll(':scope > .meldung:not(.mit-aktion)')].filter(frei);
  for (const m of rest.slice(0, Math.max(0, rest.length - HOECHSTENS + 1))) m.remove();
  ziel.append(el);
}

export function zeigen(text, art = 'info', dauer = 5000) {
  const ziel = document.querySelector('.meldungen');
  const el = h('div', { class: `meldung ${art}`, 'data-testid': `meldung-${art}`, 'data-text': text }, text);
  platz(ziel, el);
  setTimeout(() => el.remove(), dauer);
}

/** An error; where the Handbuch gives the rule behind it, with "Warum?" opening it there
 * (the message then stays while the pointer or the focus is on it). */
export function fehler(e) {
  const text = e?.message || String(e);
  const ziel = warum(e);
  if (!ziel) { zeigen(text, 'fehler', 9000); return; }
  // The control the clerk was at: the focus goes back there when the Handbuch closes.
  const vorher = document.activeElement;
  const el = h('div', { class: 'meldung fehler', 'data-testid': 'meldung-fehler', 'data-text': text }, text, ' ',
    h('button', { class: 'klein', 'data-testid': 'warum', onclick: async () => {
      const { zeigen: handbuch } = await import('./hilfe.js');
      handbuch(null, ziel);
      el.remove();
      document.getElementById('dialog').addEventListener('close', () => fokusZurueck(vorher), { once: true });
    } }, 'Warum?'));
  platz(document.querySelector('.meldungen'), el);
  ablaufen(el, 9000, () => el.remove());
}

/** The actions of the messages on screen, newest last (for Strg+Z). */
const aktionen = [];

/** A message with one action, e.g. "TOP Ö 2 entfernt." with "Rückgängig" (10 s). */
export function mitAktion(text, knopf, aktion, dauer = 10000) {
  const ziel = document.querySelector('.meldungen');
  const eintrag = { ausfuehren: null };
  // The control the clerk was at when the message came: the focus goes back there (or to
  // a control of the same name, or to the area's first) when the message goes while it
  // had the focus — pressing "Rückgängig" by keyboard never leaves it on <body>.
  const vorher = document.activeElement;
  const weg = () => {
    const hatteFokus = el.contains(document.activeElement);
    el.remove();
    if (hatteFokus) fokusZurueck(vorher);
    const i = aktionen.indexOf(eintrag);
    if (i >= 0) aktionen.splice(i, 1);
  };
  eintrag.ausfuehren = () => { weg(); aktion(); };
  const el = h('div', { class: 'meldung info mit-aktion', 'data-testid': 'meldung-rueckgaengig' }, text, ' ',
    h('button', { class: 'klein', 'data-testid': 'rueckgaengig', 'aria-keyshortcuts': 'Control+Z', title: `${knopf} (Strg+Z)`, onclick: () => eintrag.ausfuehren() }, knopf));
  ziel.append(el);
  aktionen.push(eintrag);
  ablaufen(el, dauer, weg);
}

function fokusZurueck(vorher) {
  const bereit = (e) => e?.isConnected && !e.disabled && e !== document.body && e.getClientRects().length > 0;
  const name = vorher?.dataset?.testid;
  const gleich = name ? [...document.querySelectorAll(`main [data-testid="${CSS.escape(name)}"]`)].find(bereit) : null;
  const erstes = [...document.querySelectorAll('main input, main select, main textarea, main button')].find(bereit);
  const ziel = [vorher, gleich, erstes, document.querySelector('main')].find(bereit);
  ziel?.focus({ preventScroll: true });
}

document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
  // A text field has its own undo.
  if (e.target.closest?.('input, textarea, select, [contenteditable="true"]')) return;
  const letzte = aktionen[aktionen.length - 1];
  if (!letzte) return;
  e.preventDefault();
  letzte.ausfuehren();
});
