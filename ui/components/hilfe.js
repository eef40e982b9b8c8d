// The keyboard shortcuts (F1 or the "?" in the navigation).
import { h } from './dom.js';
import * as dialog from './dialog.js';

const KUERZEL = [
  ['Strg+N', 'Neue Vorlage'],
  ['Strg+S', 'Vorlage jetzt speichern (sonst automatisch nach jeder Eingabe)'],
  ['Strg+F', 'Vorlagen durchsuchen'],
  ['Strg+P', 'Geöffnete Vorlage oder geöffnetes PDF drucken'],
  ['↑ / ↓, Eingabe', 'In einer Liste wählen und öffnen'],
  ['Tab / Umschalt+Tab', 'Zum nächsten / vorigen Feld'],
  ['Esc', 'Dialog, Kalender oder PDF-Vorschau schließen'],
  ['F1', 'Diese Übersicht'],
];

export function zeigen() {
  dialog.oeffnen('Tastenkürzel',
    h('table', { class: 'tabelle', 'data-testid': 'tastenkuerzel' },
      h('caption', { class: 'visuell-versteckt' }, 'Tastenkürzel'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Taste'), h('th', { scope: 'col' }, 'Wirkung'))),
      h('tbody', {}, KUERZEL.map(([taste, was]) => h('tr', {}, h('td', {}, h('kbd', {}, taste)), h('td', {}, was))))),
    [h('button', { class: 'primaer', 'data-testid': 'hilfe-schliessen', onclick: () => dialog.schliessen() }, 'Schließen')]);
  document.querySelector('[data-testid="hilfe-schliessen"]').focus();
}
