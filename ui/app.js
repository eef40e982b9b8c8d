// Ratsbüro front end: the frame (navigation left, area right), keyboard shortcuts, and
// the first-start check. Screens live in screens/, one module each.
import { aufruf } from './ipc.js';
import * as wertlisten from './wertlisten.js';
import * as meldung from './components/meldung.js';
import { VorlagenBereich } from './screens/vorlagen.js';
import { journalOffen } from './screens/vorlage-editor.js';
import { SitzungenBereich } from './screens/sitzungen.js';
import { WahlenBereich } from './screens/wahlen.js';
import { GremienBereich } from './screens/gremien.js';
import { BeschluesseBereich } from './screens/beschluesse.js';
import * as einstellungen from './screens/einstellungen.js';
import * as hilfe from './components/hilfe.js';
import * as dialog from './components/dialog.js';
import { zeitzoneSetzen } from './format.js';

const haupt = document.getElementById('hauptbereich');
let vorlagen = null;
// The area that is open (its pending changes are waited for before the window closes).
let offenerBereich = null;
let erstesMal = true;

function bueroZeigen(b) {
  if (b) zeitzoneSetzen(b.zeitzone);
  document.querySelector('[data-testid="buero-name"]').textContent = b ? [b.gremium_name, b.kommune].filter(Boolean).join(' · ') : '';
}

function badge(zeilen) {
  const offen = zeilen.filter((z) => z.zustand === 'entwurf' && z.offene_befunde > 0).length;
  const el = document.querySelector('[data-testid="nav-vorlagen-badge"]');
  el.textContent = offen ? String(offen) : '';
  el.title = offen ? `${offen} Entwürfe mit offenen Punkten` : '';
  if (erstesMal) {
    erstesMal = false;
    aufruf('kaltstart_fertig').catch(() => {});
    automatischSichern();
    setInterval(automatischSichern, 60 * 60 * 1000);
  }
}

// Sitzungen still to be held whose Einladung went out too late (Ladungsfrist).
async function sitzungenBadge() {
  try {
    const spaet = await aufruf('ladungsfrist_unterschritten');
    const el = document.querySelector('[data-testid="nav-sitzungen-badge"]');
    el.textContent = spaet ? String(spaet) : '';
    el.title = spaet ? `${spaet} ${spaet === 1 ? 'Sitzung' : 'Sitzungen'}: Einladung bald zu versenden oder Ladungsfrist unterschritten` : '';
  } catch (_e) { /* the area itself reports errors */ }
}

// The daily backup: Rust decides whether one is due (newest older than 24 h).
async function automatischSichern() {
  try {
    const s = await aufruf('sicherung_automatisch');
    if (s) meldung.zeigen(`Automatische Sicherung erstellt (${s.pruefung.vorlagen} Vorlagen, geprüft).`);
  } catch (e) { meldung.fehler(e); }
}

// Decisions whose Wiedervorlage has passed and that are not done (Beschlusskontrolle).
async function beschluesseBadge() {
  try {
    const n = await aufruf('beschluesse_ueberfaellig');
    const el = document.querySelector('[data-testid="nav-beschluesse-badge"]');
    el.textContent = n ? String(n) : '';
    el.title = n ? `${n} ${n === 1 ? 'Beschluss' : 'Beschlüsse'} überfällig` : '';
  } catch (_e) { /* the area itself reports errors */ }
}

window.addEventListener('ratsbuero:beschluesse', beschluesseBadge);

async function bereich(name) {
  sitzungenBadge();
  beschluesseBadge();
  document.querySelectorAll('[data-bereich]').forEach((a) => {
    if (a.dataset.bereich === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (vorlagen && !(await vorlagen.editor.verlassen())) {
    // Stay where the input is: the navigation shows the area that is really open.
    document.querySelectorAll('[data-bereich]').forEach((a) => {
      if (a.dataset.bereich === 'vorlagen') a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    if (location.hash && location.hash !== '#vorlagen') history.replaceState(null, '', '#vorlagen');
    return;
  }
  offenerBereich = null;
  if (name === 'sitzungen') {
    vorlagen = null;
    offenerBereich = new SitzungenBereich(haupt);
    await offenerBereich.laden();
  } else if (name === 'beschluesse') {
    vorlagen = null;
    offenerBereich = new BeschluesseBereich(haupt);
    await offenerBereich.laden();
  } else if (name === 'gremien') {
    vorlagen = null;
    await new GremienBereich(haupt).laden();
  } else if (name === 'wahlen') {
    vorlagen = null;
    // Its saves join a chain the window's close waits for, as the Sitzungen' do.
    offenerBereich = new WahlenBereich(haupt);
    await offenerBereich.laden();
  } else if (name === 'einstellungen') {
    vorlagen = null;
    await einstellungen.zeigen(haupt, { geaendert: async (b) => { bueroZeigen(b || await aufruf('buero_lesen').catch(() => null)); } });
  } else {
    vorlagen = new VorlagenBereich(haupt, { beiListe: badge });
    await vorlagen.laden();
    // Input of an earlier run that never reached the store (crash, kill, closed window):
    // its Vorlage opens and offers it back.
    const offen = journalOffen().filter((id) => vorlagen.zeilen.some((z) => z.id === id));
    // A paper another area made for the clerk to go on with (the year's report).
    const wunsch = Number(sessionStorage.getItem('ratsbuero.oeffnen'));
    sessionStorage.removeItem('ratsbuero.oeffnen');
    if (wunsch && vorlagen.zeilen.some((z) => z.id === wunsch)) await vorlagen.oeffnen(wunsch);
    else if (offen.length && !vorlagen.gewaehlt) await vorlagen.oeffnen(offen[0]);
  }
}

const BEREICHE = ['vorlagen', 'einstellungen', 'sitzungen', 'beschluesse', 'gremien', 'wahlen'];

function route() {
  const name = (location.hash || '#vorlagen').slice(1);
  // An address that is no area (an anchor in the page) never closes the area open now.
  if (!BEREICHE.includes(name) && document.querySelector('[data-bereich][aria-current="page"]')) return;
  bereich(BEREICHE.includes(name) ? name : 'vorlagen');
}

// "Zum Inhalt springen" (the first stop of Tab): the keyboard goes into the area shown, and
// the area stays — the link's address is no area (found by the hurried clerk: Enter on it
// left the Beschluss being edited for the Vorlagen).
document.querySelector('.skip').addEventListener('click', (e) => {
  e.preventDefault();
  haupt.focus();
});

/** The area open now (its Handbuch page opens with F1). */
const offenerName = () => document.querySelector('[data-bereich][aria-current="page"]')?.dataset.bereich || 'vorlagen';

document.addEventListener('keydown', async (e) => {
  if (e.key === 'F1') { e.preventDefault(); hilfe.zeigen(offenerName()); return; }
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const taste = e.key.toLowerCase();
  if (!['n', 's', 'f', 'p'].includes(taste)) return;
  e.preventDefault();
  if (taste === 'p') {
    // The open PDF, else the open Vorlage; the webview's own print of the screen never.
    const { druckenWennOffen } = await import('./components/pdf-vorschau.js');
    if (druckenWennOffen()) return;
    if (document.getElementById('dialog').open) return;
    if (vorlagen?.editor.akte) vorlagen.editor.drucken();
    else meldung.zeigen('Strg+P druckt die geöffnete Vorlage oder das geöffnete PDF. Öffnen Sie zuerst eine Vorlage.');
    return;
  }
  if (document.getElementById('dialog').open || document.getElementById('vorschau')?.open) return;
  if (!vorlagen) { location.hash = '#vorlagen'; return; }
  if (taste === 'n') vorlagen.neu();
  if (taste === 's') vorlagen.speichern();
  if (taste === 'f') vorlagen.sucheFokussieren();
});
document.querySelector('[data-testid="hilfe"]').addEventListener('click', () => hilfe.zeigen(offenerName()));

window.addEventListener('hashchange', route);

// Whether every save begun so far has ended: the window's close waits for this, and so
// does the E2E walk after each of its steps. The end of one save may begin another (a
// redraw re-sends a field left meanwhile), so the chains are awaited until they stay the
// same.
async function allesGespeichert() {
  for (let runde = 0; runde < 20; runde += 1) {
    const ketten = [vorlagen?.editor.kette, offenerBereich?.kette];
    await Promise.all(ketten);
    await new Promise((r) => { setTimeout(r, 0); });
    if (ketten[0] === vorlagen?.editor.kette && ketten[1] === offenerBereich?.kette) return;
  }
}
window.ratsbueroGespeichert = allesGespeichert;

// Closing the window: the shell asks here first (src-tauri/src/fenster.rs). What is
// pending is saved; if that fails, the user decides. Keystrokes not in the store stay in
// the local journal either way and are offered back at the next start.
window.ratsbueroSchliessen = async () => {
  let ok = true;
  try {
    if (vorlagen) ok = await vorlagen.editor.verlassen();
    // A field of a Sitzung or a Wahl saves when it is left: it is left now, and its save
    // joins the area's chain, which is waited for.
    document.activeElement?.blur?.();
    await allesGespeichert();
  } catch { ok = false; }
  if (!ok) {
    ok = await dialog.bestaetigen('Ratsbüro schließen?',
      'Ihre letzten Eingaben konnten nicht gespeichert werden. Sie bleiben auf diesem Rechner erhalten und werden beim nächsten Start wieder angeboten. Trotzdem schließen?',
      'Schließen');
  }
  await aufruf(ok ? 'fenster_schliessen' : 'fenster_bleibt').catch(() => {});
};

// Live between workstations (office on a server): another workstation changed something.
// The lists are read again and the open Vorlage checked (after a reconnect as well).
let liveTimer = null;
window.__TAURI__?.event?.listen('db-geaendert', () => {
  clearTimeout(liveTimer);
  liveTimer = setTimeout(async () => {
    sitzungenBadge();
    try {
      if (vorlagen) await vorlagen.vonAussen();
      else await offenerBereich?.vonAussen?.();
    } catch (_e) { /* the areas report their own errors */ }
  }, 250);
});

async function start() {
  try {
    await wertlisten.laden();
    let b = await aufruf('buero_lesen');
    if (!b.eingerichtet) b = await einstellungen.einrichten(b);
    bueroZeigen(b);
  } catch (e) {
    meldung.fehler(e);
    location.hash = '#einstellungen';
  }
  route();
}

start();
