// Labelled form fields with a slot for the core's message about them (`data-feld`).
import { h, neueId, optionen } from './dom.js';

function rahmen(feld, labelText, control, { breit = false, hilfe = null } = {}) {
  const meldungId = `${control.id}-meldung`;
  control.setAttribute('aria-describedby', meldungId);
  return h('div', { class: `feld${breit ? ' breit' : ''}` },
    h('label', { for: control.id }, labelText),
    control,
    hilfe ? h('div', { class: 'hilfe' }, hilfe) : null,
    h('div', { class: 'feld-meldung', id: meldungId, 'data-meldung-fuer': feld }),
  );
}

export function text(feld, labelText, wert, opts = {}) {
  const control = h('input', {
    type: 'text', id: neueId(feld), name: feld, value: wert ?? '', 'data-feld': feld,
    'data-testid': `feld-${feld}`, autocomplete: 'off', dir: 'auto', ...(opts.attrs || {}),
  });
  return rahmen(feld, labelText, control, opts);
}

export function flaeche(feld, labelText, wert, opts = {}) {
  const control = h('textarea', {
    id: neueId(feld), name: feld, 'data-feld': feld, 'data-testid': `feld-${feld}`,
    class: opts.lang ? 'lang' : null, spellcheck: 'true', lang: 'de', dir: 'auto',
  });
  control.value = wert ?? '';
  return rahmen(feld, labelText, control, { ...opts, breit: true });
}

export function auswahl(feld, labelText, liste, wert, opts = {}) {
  const control = h('select', { id: neueId(feld), name: feld, 'data-feld': feld, 'data-testid': `feld-${feld}` },
    optionen(liste, wert));
  return rahmen(feld, labelText, control, opts);
}

/** A label for a control the screen built itself (`eingabe` is the control, or holds it). */
export function beschriftet(text, eingabe, { breit = false } = {}) {
  const control = eingabe.matches('input, select, textarea') ? eingabe : eingabe.querySelector('input, select, textarea');
  control.id = control.id || neueId('f');
  return h('div', { class: `feld${breit ? ' breit' : ''}` }, h('label', { for: control.id }, text), eingabe);
}

/** The "Bitte beachten" list of findings in `ziel` (empty when there are none). */
export function befundListe(ziel, befunde) {
  ziel.replaceChildren(...(befunde.length ? [h('h2', {}, 'Bitte beachten'), h('ul', {}, befunde.map((b) => h('li', { class: b.schwere === 'fehler' ? 'fehler' : 'hinweis' }, b.meldung)))] : []));
}

/** The findings of a failed action: its own, or its message as one. */
export function befundeAus(e) {
  return e?.befunde?.length ? e.befunde : (e ? [{ schwere: 'fehler', meldung: e.message }] : []);
}

/** Puts the findings at their fields (by `feld` key) and marks the controls invalid. */
export function befundeZeigen(wurzel, befunde) {
  wurzel.querySelectorAll('[data-meldung-fuer]').forEach((el) => { el.textContent = ''; el.className = 'feld-meldung'; });
  for (const el of wurzel.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const b of befunde) {
    const ziel = wurzel.querySelector(`[data-meldung-fuer="${CSS.escape(b.feld)}"]`);
    if (ziel && !ziel.textContent) {
      ziel.textContent = b.meldung;
      ziel.className = `feld-meldung ${b.schwere}`;
    }
    if (b.schwere === 'fehler') {
      wurzel.querySelector(`[data-feld="${CSS.escape(b.feld)}"]`)?.setAttribute('aria-invalid', 'true');
    }
  }
}
