// A modal dialog (native <dialog>: focus is trapped and Escape closes it).
import { h } from './dom.js';

export function oeffnen(titel, inhalt, aktionen) {
  const dlg = document.getElementById('dialog');
  dlg.replaceChildren(
    h('h2', { id: 'dialog-titel' }, titel),
    inhalt,
    h('div', { class: 'aktionen' }, aktionen),
  );
  if (!dlg.open) dlg.showModal();
  return dlg;
}

export function schliessen() {
  const dlg = document.getElementById('dialog');
  if (dlg.open) dlg.close();
}

/**
 * Asks before something that cannot simply be taken back. Resolves true for `ja`, false
 * for "Abbrechen" or Escape. `text` says what will happen, in the user's words.
 */
export function bestaetigen(titel, text, ja = 'OK') {
  return new Promise((fertig) => {
    let antwort = false;
    const dlg = oeffnen(titel, h('p', { 'data-testid': 'bestaetigen-text' }, text), [
      h('button', { 'data-testid': 'abbrechen', onclick: () => schliessen() }, 'Abbrechen'),
      h('button', { class: 'primaer', 'data-testid': 'bestaetigen', onclick: () => { antwort = true; schliessen(); } }, ja),
    ]);
    dlg.addEventListener('close', () => fertig(antwort), { once: true });
    dlg.querySelector('[data-testid="bestaetigen"]').focus();
  });
}
