// Tiny DOM builder: h('button', {class: 'primaer', onclick}, 'Speichern').
// Attributes starting with "on" become listeners; `false`/`null` attributes are left out.
// `value`, `checked` and `selected` are what the control is drawn with (its default), so
// that components/bewahren.js can tell what the user changed since.
// A button's click is one action: the second click of a double click is ignored, and so
// is a click while the button's action (a promise) still runs; the button says it is busy.

export function h(tag, attrs = {}, ...kinder) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'onclick' && tag === 'button' && typeof v === 'function') el.addEventListener('click', einmal(el, v));
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') { if (tag !== 'select') el.defaultValue = v; el.value = v; }
    else if (k === 'checked') { el.defaultChecked = !!v; el.checked = !!v; }
    else if (k === 'selected') { el.defaultSelected = !!v; el.selected = !!v; }
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kind of kinder.flat(Infinity)) {
    if (kind === null || kind === undefined || kind === false) continue;
    el.append(kind instanceof Node ? kind : document.createTextNode(String(kind)));
  }
  return el;
}

/** The click handler of a button, run once per click (see the module doc). */
function einmal(knopf, aktion) {
  return (e) => {
    if (e.detail > 1 || knopf.getAttribute('aria-busy') === 'true') { e.preventDefault(); return; }
    const r = aktion(e);
    if (r && typeof r.then === 'function') {
      knopf.setAttribute('aria-busy', 'true');
      const frei = () => knopf.removeAttribute('aria-busy');
      r.then(frei, frei);
    }
  };
}

let zaehler = 0;
export function neueId(praefix = 'f') {
  zaehler += 1;
  return `${praefix}-${zaehler}`;
}

export function optionen(liste, gewaehlt) {
  return liste.map(([wert, text]) => h('option', { value: wert, selected: wert === gewaehlt }, text));
}
