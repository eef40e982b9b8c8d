// Tiny DOM builder: h('button', {class: 'primaer', onclick}, 'Speichern').
// Attributes starting with "on" become listeners; `false`/`null` attributes are left out.

export function h(tag, attrs = {}, ...kinder) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (k === 'selected') el.selected = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kind of kinder.flat(Infinity)) {
    if (kind === null || kind === undefined || kind === false) continue;
    el.append(kind instanceof Node ? kind : document.createTextNode(String(kind)));
  }
  return el;
}

let zaehler = 0;
export function neueId(praefix = 'f') {
  zaehler += 1;
  return `${praefix}-${zaehler}`;
}

export function optionen(liste, gewaehlt) {
  return liste.map(([wert, text]) => h('option', { value: wert, selected: wert === gewaehlt }, text));
}
