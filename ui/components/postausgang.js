// "Per E-Mail einladen": the outbox of a Sitzung before anything goes out — every
// recipient with the attachments and their sizes, the members reached per post, one
// message opened as the member will see it — then a confirmation that names the count,
// the sending with a progress bar and "Abbrechen", and what became of each message.
// "Nur fehlgeschlagene erneut senden" after a run that did not reach everyone.
import { aufruf } from '../ipc.js';
import { h } from './dom.js';
import * as dialog from './dialog.js';
import * as meldung from './meldung.js';
import { groesse } from '../format.js';

const STATUS = { gesendet: 'gesendet', fehlgeschlagen: 'fehlgeschlagen', abgelegt: 'als Datei abgelegt' };

function empfaengerTabelle(v) {
  return h('table', { class: 'postausgang-tabelle', 'data-testid': 'postausgang-empfaenger' },
    h('caption', {}, v.betreff),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'sp-an' }, 'An'), h('th', { scope: 'col', class: 'sp-adresse' }, 'Adresse'), h('th', { scope: 'col', class: 'sp-art' }, 'Unterlagen'),
      h('th', { scope: 'col' }, 'Anlagen'), h('th', { scope: 'col', class: 'sp-bisher' }, 'Bisher'))),
    h('tbody', {}, v.nachrichten.map((n) => h('tr', { 'data-testid': 'postausgang-zeile' },
      h('td', { dir: 'auto' }, n.empfaenger.verteiler === 'presse' ? 'Presse/Öffentlichkeit' : n.empfaenger.name),
      h('td', {}, n.empfaenger.email),
      h('td', {}, n.empfaenger.verteiler === 'presse' ? 'öffentlich' : 'Mitglieder'),
      h('td', {}, h('ul', { class: 'knapp' }, n.anhaenge.map(([name, bytes]) => h('li', {}, bytes ? `${name} (${groesse(bytes)})` : name)))),
      h('td', { 'data-testid': 'postausgang-bisher' }, n.bisher ? STATUS[n.bisher] : '—'),
    ))));
}

function beispiel(v) {
  if (!v.beispiel_an) return null;
  return h('details', { 'data-testid': 'postausgang-beispiel', open: true },
    h('summary', {}, `So sieht die Nachricht an ${v.beispiel_an} aus`),
    h('div', { class: 'nachricht' },
      h('p', {}, h('strong', {}, 'Betreff: '), v.betreff),
      h('pre', { class: 'nachricht-text', dir: 'auto' }, v.beispiel_text)));
}

function ergebnisListe(bericht) {
  return h('div', { 'data-testid': 'versand-ergebnis' },
    h('ul', {}, bericht.ergebnisse.map((e) => h('li', { class: e.status === 'fehlgeschlagen' ? 'fehler' : '', 'data-testid': 'versand-zeile', 'data-status': e.status },
      `${e.verteiler === 'presse' ? e.email : `${e.name} <${e.email}>`}: ${STATUS[e.status]}${e.status === 'fehlgeschlagen' ? ` – ${e.antwort}` : ''}`))),
    bericht.per_post.length ? h('p', {}, `Per Post: ${bericht.per_post.map((p) => p.name).join(', ')}.`) : null);
}

/** Runs the sending (or the dry run) with a progress bar; resolves with the report. */
function senden(sitzung, { kennwort, nurFehlgeschlagene, ablegen }) {
  const balken = h('progress', { max: 1, value: 0, 'data-testid': 'versand-fortschritt', 'aria-label': 'Versand' });
  const text = h('p', { role: 'status', 'aria-live': 'polite' }, 'Die Nachrichten werden vorbereitet …');
  const abbrechen = h('button', { 'data-testid': 'versand-abbrechen', onclick: () => { abbrechen.disabled = true; aufruf('versand_abbrechen').catch(meldung.fehler); } }, 'Abbrechen');
  dialog.oeffnen('E-Mail-Versand', h('div', {}, text, balken), [abbrechen]);
  const kanal = new window.__TAURI__.core.Channel();
  kanal.onmessage = (f) => {
    balken.max = Math.max(f.gesamt, 1);
    balken.value = f.fertig;
    text.textContent = `${f.fertig + 1} von ${f.gesamt}: ${f.an}`;
  };
  return aufruf('versand_senden', { sitzung, kennwort, nurFehlgeschlagene, ablegen, fortschritt: kanal });
}

/**
 * Opens the outbox of Sitzung `sitzung`. `fertig()` is called after a run, so the
 * screen can show the Sitzung as eingeladen.
 */
export async function oeffnen(sitzung, fertig) {
  let v;
  let smtp;
  try {
    [v, smtp] = await Promise.all([aufruf('versand_vorschau', { sitzung }), aufruf('smtp_lesen')]);
  } catch (e) { meldung.fehler(e); return; }
  // After a run that did not reach everyone: how many the core would still send.
  const offen = v.noch_offen;
  const kennwort = h('input', { type: 'password', autocomplete: 'current-password', 'data-testid': 'versand-kennwort', id: 'versand-kennwort' });
  const nurFehl = h('input', { type: 'checkbox', 'data-testid': 'versand-nur-fehlgeschlagene', checked: offen > 0 });
  const feldMeldung = h('div', { class: 'feld-meldung', 'data-meldung-fuer': 'kennwort', id: 'versand-kennwort-meldung' });
  kennwort.setAttribute('aria-describedby', feldMeldung.id);
  const ohneServer = !smtp.server;
  // The list scrolls; the password and the choice stay in view beside the buttons.
  const inhalt = h('div', { class: 'postausgang-rahmen' },
    h('div', { class: 'postausgang', tabindex: '0', role: 'region', 'aria-label': 'Postausgang' },
      v.hinweise.length ? h('ul', { class: 'hinweise', 'data-testid': 'postausgang-hinweise' }, v.hinweise.map((t) => h('li', {}, t))) : null,
      empfaengerTabelle(v),
      v.per_post.length ? h('p', { 'data-testid': 'postausgang-per-post' },
        `Ohne E-Mail-Adresse, per Post: ${v.per_post.map((p) => p.name).join(', ')}. Ihre Briefe legt „Als Dateien ablegen…“ mit ab, oder „Einladungen…“.`) : null,
      beispiel(v)),
    ohneServer
      ? h('p', { class: 'feld-meldung fehler', 'data-testid': 'postausgang-kein-server' }, 'Kein Mailserver eingerichtet: unter Einstellungen → E-Mail-Versand eintragen. Bis dahin können die Nachrichten als Dateien abgelegt werden.')
      : h('div', { class: 'postausgang-senden' },
        smtp.benutzer ? h('div', { class: 'feld' }, h('label', { for: kennwort.id }, `Kennwort für ${smtp.benutzer} (${smtp.server})`), kennwort, feldMeldung) : null,
        offen ? h('label', { class: 'klein-label' }, nurFehl, ` Nur fehlgeschlagene erneut senden (${offen})`) : null));
  const laufen = async (ablegen) => {
    const nur = offen > 0 && nurFehl.checked;
    const anzahl = nur ? offen : v.nachrichten.length;
    if (!ablegen) {
      const frage = nur ? v.frage_offen : v.frage;
      if (!(await dialog.bestaetigen('Einladung senden', frage, `${anzahl} senden`))) { oeffnen(sitzung, fertig); return; }
    }
    try {
      const bericht = await senden(sitzung, { kennwort: kennwort.value, nurFehlgeschlagene: nur, ablegen });
      if (!bericht) { oeffnen(sitzung, fertig); return; }
      const fehl = bericht.ergebnisse.filter((e) => e.status === 'fehlgeschlagen').length;
      const kopf = bericht.abgebrochen
        ? `Abgebrochen nach ${bericht.ergebnisse.length} Nachricht(en).`
        : ablegen ? `${bericht.ergebnisse.length} Nachrichten als Dateien abgelegt.`
          : fehl ? `${fehl} von ${bericht.ergebnisse.length} Nachrichten fehlgeschlagen.` : `${bericht.ergebnisse.length} Nachrichten gesendet.`;
      dialog.oeffnen('E-Mail-Versand', h('div', {},
        h('p', { role: 'status', 'data-testid': 'versand-kopf' }, kopf + (bericht.eingeladen ? ' Die Sitzung ist als eingeladen vermerkt.' : '')),
        ergebnisListe(bericht)), [
        fehl ? h('button', { 'data-testid': 'versand-erneut', onclick: () => oeffnen(sitzung, fertig) }, 'Nur fehlgeschlagene erneut senden…') : null,
        h('button', { class: 'primaer', 'data-testid': 'versand-schliessen', onclick: () => dialog.schliessen() }, 'Schließen'),
      ]);
      fertig?.();
    } catch (e) {
      // Nothing was sent (wrong password, too large, server unreachable): back to the
      // outbox with the message at its field.
      await oeffnen(sitzung, fertig);
      const ziel = document.querySelector(`#dialog [data-meldung-fuer="${CSS.escape(e.befunde?.[0]?.feld || 'kennwort')}"]`);
      if (ziel) { ziel.textContent = e.message; ziel.className = 'feld-meldung fehler'; }
      meldung.fehler(e);
    }
  };
  dialog.oeffnen('Per E-Mail einladen', inhalt, [
    h('button', { 'data-testid': 'versand-abbrechen-dialog', onclick: () => dialog.schliessen() }, 'Abbrechen'),
    h('button', { 'data-testid': 'versand-ablegen', onclick: () => laufen(true) }, 'Als Dateien ablegen…'),
    h('button', { class: 'primaer', 'data-testid': 'versand-senden', disabled: ohneServer, onclick: () => laufen(false) }, 'Senden…'),
  ]);
  (smtp.benutzer && !ohneServer ? kennwort : document.querySelector('#dialog [data-testid="versand-senden"]'))?.focus();
}
