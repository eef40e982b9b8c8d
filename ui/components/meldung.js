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
