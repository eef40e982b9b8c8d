// Keyboard in a list table: ↑/↓ move the focus between rows (roving tabindex), Enter
// opens the row. Shared by the lists of Vorlagen and Sitzungen.

/** Handles key `e` on row `i` of `tbody` (rows carry `data-id`); `oeffnen(id)` opens one. */
export function zeilenTaste(tbody, e, i, oeffnen) {
  const zeilen = [...tbody.querySelectorAll('tr[data-id]')];
  let ziel = null;
  if (e.key === 'ArrowDown') ziel = zeilen[Math.min(i + 1, zeilen.length - 1)];
  else if (e.key === 'ArrowUp') ziel = zeilen[Math.max(i - 1, 0)];
  else if (e.key === 'Enter') { oeffnen(Number(zeilen[i].dataset.id)); e.preventDefault(); return; }
  if (ziel) {
    for (const z of zeilen) z.setAttribute('tabindex', '-1');
    ziel.setAttribute('tabindex', '0');
    ziel.focus();
    e.preventDefault();
  }
}
