// Short-lived messages at the bottom right (announced to screen readers via aria-live).
import { h } from './dom.js';

export function zeigen(text, art = 'info', dauer = 5000) {
  const ziel = document.querySelector('.meldungen');
  const el = h('div', { class: `meldung ${art}`, 'data-testid': `meldung-${art}` }, text);
  ziel.append(el);
  setTimeout(() => el.remove(), dauer);
}

export function fehler(e) {
  zeigen(e?.message || String(e), 'fehler', 9000);
}

/** A message with one action, e.g. "TOP Ö 2 entfernt." with "Rückgängig" (10 s). */
export function mitAktion(text, knopf, aktion, dauer = 10000) {
  const ziel = document.querySelector('.meldungen');
  const el = h('div', { class: 'meldung info', 'data-testid': 'meldung-rueckgaengig' }, text, ' ',
    h('button', { class: 'klein', 'data-testid': 'rueckgaengig', onclick: () => { el.remove(); aktion(); } }, knopf));
  ziel.append(el);
  setTimeout(() => el.remove(), dauer);
}
