// Redrawing a form without costing the user their place. A screen that shows what the core
// returned after a save rebuilds its form; `bewahrend` wraps that rebuild so that
//  - the control that had the keyboard focus has it again (the same control by its key,
//    else the control at the same place in the tab order — never <body>), with its caret;
//  - what was typed into a field and not yet saved (its value differs from the value it
//    was drawn with) is typed there again, and is saved when the field is left;
//  - a message the core gave about such a value stays at its field;
//  - the scroll position stays.
// A control's key: its data-testid (else data-feld, name, aria-label), inside the
// `data-schluessel` of the rows around it (a TOP, a member).

const STEUER = 'input, select, textarea, button, [tabindex]:not([tabindex="-1"])';

function schluessel(el, wurzel) {
  const teile = [];
  for (let e = el.parentElement; e && e !== wurzel; e = e.parentElement) {
    if (e.dataset.schluessel) teile.push(e.dataset.schluessel);
  }
  // The aria-label only where nothing else names the control: it may hold a TOP's number,
  // which changes when the TOP moves.
  const name = el.dataset.testid || el.dataset.feld || el.getAttribute('name') || el.dataset.schluessel;
  teile.push(el.tagName, name || el.getAttribute('aria-label') || '');
  return teile.join('|');
}

/** Whether the control holds something the user typed or chose that it was not drawn with. */
export function ungespeichert(el) {
  if (el.matches('select')) return [...el.options].some((o) => o.selected !== o.defaultSelected);
  if (el.matches('input[type="checkbox"], input[type="radio"]')) return el.checked !== el.defaultChecked;
  if (el.matches('input, textarea')) return el.value !== el.defaultValue;
  return false;
}

function erreichbar(wurzel) {
  return [...wurzel.querySelectorAll(STEUER)].filter((el) => !el.disabled && el.getClientRects().length > 0);
}

function wertSetzen(el, wert) {
  if (el.matches('input[type="checkbox"], input[type="radio"]')) el.checked = wert;
  else el.value = wert;
}

function wertLesen(el) {
  return el.matches('input[type="checkbox"], input[type="radio"]') ? el.checked : el.value;
}

// A click is a press and a release on the same control. A redraw between the two (the
// answer of a save started by leaving a field, as the pointer goes down on a button)
// replaces the button: the release lands on its new copy and the browser makes no click,
// so the clerk's click is lost. A screen therefore awaits `losgelassen()` before it
// redraws: while a mouse button is held, the redraw waits for its release and the click
// that follows it (at most a second: a release outside the window is never seen).
let gedrueckt = false;
let wartende = [];
function loslassen() {
  gedrueckt = false;
  const jetzt = wartende;
  wartende = [];
  // After the click, which the browser dispatches right after the release.
  setTimeout(() => { for (const f of jetzt) f(); }, 0);
}
window.addEventListener('pointerdown', () => { gedrueckt = true; }, true);
window.addEventListener('pointerup', loslassen, true);
window.addEventListener('pointercancel', loslassen, true);

/** Resolves at once when no mouse button is held, else after its release and click. */
export function losgelassen() {
  if (!gedrueckt) return Promise.resolve();
  return new Promise((fertig) => {
    wartende.push(fertig);
    setTimeout(() => { if (wartende.includes(fertig)) loslassen(); }, 1000);
  });
}

/**
 * Runs `zeichnen()` (which rebuilds `wurzel`'s content) and gives the user back their
 * place. `verwerfen` names controls (elements of the old form) whose unsaved value is
 * dropped — the control whose value the core just refused shows the stored value again.
 * Returns the new control of `finden` (a control of the old form), if there is one.
 */
export function bewahrend(wurzel, zeichnen, { verwerfen = [], finden = null } = {}) {
  const gesucht = finden && wurzel.contains(finden) ? schluessel(finden, wurzel) : null;
  const aktiv = document.activeElement;
  const imFormular = aktiv && aktiv !== document.body && wurzel.contains(aktiv);
  const offen = new Map();
  for (const el of wurzel.querySelectorAll('input, select, textarea')) {
    if (!verwerfen.includes(el) && ungespeichert(el)) {
      // A refused value keeps its message with it.
      const meldung = el.parentElement?.querySelector(':scope > .feld-meldung[data-am-feld]')?.textContent || '';
      offen.set(schluessel(el, wurzel), { wert: wertLesen(el), meldung });
    }
  }
  const fokus = imFormular ? {
    key: schluessel(aktiv, wurzel),
    index: erreichbar(wurzel).indexOf(aktiv),
    auswahl: auswahlLesen(aktiv),
  } : null;
  const oben = wurzel.querySelector('.formular')?.scrollTop ?? 0;

  zeichnen();

  const neu = new Map([...wurzel.querySelectorAll('input, select, textarea, button, [tabindex]')].map((el) => [schluessel(el, wurzel), el]));
  for (const [key, { wert, meldung }] of offen) {
    const el = neu.get(key);
    if (el && !el.disabled) {
      wertSetzen(el, wert);
      if (meldung) meldungAmFeld(el, meldung);
    }
  }
  const formular = wurzel.querySelector('.formular');
  if (formular) formular.scrollTop = oben;
  const gefunden = gesucht ? neu.get(gesucht) || null : null;
  if (!fokus) return gefunden;
  let ziel = neu.get(fokus.key);
  if (!ziel || ziel.disabled || ziel.getClientRects().length === 0) {
    const liste = erreichbar(wurzel);
    ziel = liste[Math.min(Math.max(fokus.index, 0), liste.length - 1)];
  }
  if (!ziel) return gefunden;
  ziel.focus({ preventScroll: true });
  if (fokus.auswahl && ziel.matches('input, textarea')) {
    try { ziel.setSelectionRange(...fokus.auswahl); } catch { /* a type without a caret */ }
  }
  // A value typed again into the focused field has not been saved: leaving the field saves
  // it, as it would have been saved had the form not been redrawn.
  if (ziel.matches('input, textarea') && ungespeichert(ziel)) {
    let geaendert = false;
    ziel.addEventListener('change', () => { geaendert = true; }, { once: true });
    ziel.addEventListener('blur', () => {
      if (!geaendert && ungespeichert(ziel)) ziel.dispatchEvent(new Event('change', { bubbles: true }));
    }, { once: true });
  }
  return gefunden;
}

function auswahlLesen(el) {
  try {
    return el.matches('input, textarea') && el.selectionStart !== null ? [el.selectionStart, el.selectionEnd] : null;
  } catch { return null; }
}

/** Puts `text` right after `control` as its message (read by screen readers with it) and
 * marks it invalid; an empty `text` takes the message away. */
export function meldungAmFeld(control, text) {
  let ziel = control.parentElement?.querySelector(':scope > .feld-meldung[data-am-feld]');
  if (!ziel && text) {
    ziel = document.createElement('div');
    ziel.className = 'feld-meldung';
    ziel.dataset.amFeld = '';
    ziel.setAttribute('data-testid', 'feld-meldung');
    ziel.id = `${control.id || `m${Math.random().toString(36).slice(2)}`}-am-feld`;
    control.after(ziel);
    const beschrieben = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    control.setAttribute('aria-describedby', [...beschrieben, ziel.id].join(' '));
  }
  if (ziel) ziel.textContent = text || '';
  if (text) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/**
 * Replaces the entries of a list (`liste`'s children) and keeps the keyboard on the entry
 * it was on: the new entry of the same `data-id`, else the list's first focusable entry —
 * never <body>. A list is redrawn after every save; the clerk may be walking it.
 */
export function listeErsetzen(liste, eintraege) {
  const aktiv = document.activeElement;
  const war = aktiv && liste.contains(aktiv) ? (aktiv.closest('[data-id]')?.dataset.id ?? '') : null;
  liste.replaceChildren(...eintraege);
  if (war === null) return;
  const ziel = (war && liste.querySelector(`[data-id="${CSS.escape(war)}"]`)) || liste.querySelector('button, [tabindex="0"]');
  const steuer = ziel && !ziel.matches('button, [tabindex]') ? ziel.querySelector('button, [tabindex]') : ziel;
  steuer?.focus({ preventScroll: true });
}
