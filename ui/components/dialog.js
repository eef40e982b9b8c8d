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
