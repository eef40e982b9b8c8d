// A field whose text waits for its button — a note to add to a decision, the title of a TOP
// to add — is no field of the record: it is saved by the button, not when it is left. What
// is typed there is still the clerk's work, so it is kept on this workstation
// (localStorage) until the button took it: closing the window, a restart or a redraw does
// not lose it. It is not the office's data yet, so it stays out of the store.

const PRAEFIX = 'ratsbuero.wartet.';

/** Fills `feld` with what waited under `schluessel` and keeps each change from now on. */
export function wartendBehalten(feld, schluessel) {
  const k = PRAEFIX + schluessel;
  try {
    const gemerkt = localStorage.getItem(k);
    if (gemerkt && !feld.value) feld.value = gemerkt;
  } catch { /* no storage: the field works as before */ }
  feld.addEventListener('input', () => {
    try {
      if (feld.value) localStorage.setItem(k, feld.value); else localStorage.removeItem(k);
    } catch { /* as above */ }
  });
}

/** The button took the text: nothing waits any more. */
export function wartendErledigt(schluessel) {
  try { localStorage.removeItem(PRAEFIX + schluessel); } catch { /* as above */ }
}
