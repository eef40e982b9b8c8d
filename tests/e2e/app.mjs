// Starts the real Ratsbüro app through tauri-driver (WebKitWebDriver) and connects
// webdriverio to it. Each app gets its own database and config folders.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const hier = path.dirname(fileURLToPath(import.meta.url));
export const wurzel = path.resolve(hier, '../..');
export const APP = process.env.RATSBUERO_APP || path.join(wurzel, 'target/debug/ratsbuero-desktop');
export const CLI = process.env.RATSBUERO_CLI || path.join(wurzel, 'target/debug/ratsbuero');

/** Where a screenshot goes: tests/e2e/artefakte/bilder (ignored by git) in every test run;
 * docs/ (the README's pictures) only when scripts/bilder asks for it on purpose
 * (RATSBUERO_BILDER=docs). */
export function bildPfad(name) {
  const ordner = process.env.RATSBUERO_BILDER === 'docs' ? path.join(wurzel, 'docs') : path.join(wurzel, 'tests/e2e/artefakte/bilder');
  mkdirSync(ordner, { recursive: true });
  return path.join(ordner, name);
}

export function neuerOrdner(name) {
  return mkdtempSync(path.join(os.tmpdir(), `ratsbuero-e2e-${name}-`));
}

function freierPort() {
  return new Promise((ok, nein) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', nein);
  });
}

async function warteAufPort(port, ms = 15000) {
  const ende = Date.now() + ms;
  while (Date.now() < ende) {
    const offen = await new Promise((ok) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); ok(true); });
      c.on('error', () => ok(false));
    });
    if (offen) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver antwortet nicht auf Port ${port}`);
}

/** A fresh database on the test server (RATSBUERO_E2E_SERVER, the admin URL that
 * scripts/pg-server prints); its URL. */
export function neueServerDatenbank() {
  const admin = process.env.RATSBUERO_E2E_SERVER;
  const name = `e2e_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  execFileSync('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`]);
  const [vorne, hinten] = admin.split('?');
  const basis = vorne.slice(0, vorne.lastIndexOf('/'));
  return hinten ? `${basis}/${name}?${hinten}` : `${basis}/${name}`;
}

const datenbanken = new Map();

/** Where the office of a test's folder lives: the file `buero.sqlite` in it, or — when the
 * runner runs the file a second time with RATSBUERO_E2E_BACKEND=server — one database of
 * its own on the test server (the same one for every start in that folder). */
export function bueroDb(ordner) {
  if (process.env.RATSBUERO_E2E_BACKEND !== 'server') return path.join(ordner, 'buero.sqlite');
  if (!datenbanken.has(ordner)) datenbanken.set(ordner, neueServerDatenbank());
  return datenbanken.get(ordner);
}

/** Starts the app on the office of `ordner` (see `bueroDb`; `mehrEnv` is added to its
 * environment); returns {browser, beenden}. */
export async function starteApp(ordner, mehrEnv = {}) {
  const port = await freierPort();
  const nativ = await freierPort();
  const env = {
    ...process.env,
    RATSBUERO_DB: bueroDb(ordner),
    XDG_CONFIG_HOME: path.join(ordner, 'config'),
    XDG_DATA_HOME: path.join(ordner, 'data'),
    ...mehrEnv,
  };
  // Its own process group: ending the test ends tauri-driver, WebKitWebDriver and the app
  // together. An app left running would hold the test runner's output pipe open and the
  // run would never finish.
  const treiber = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativ)], { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  await warteAufPort(port);
  const browser = await remote({
    hostname: '127.0.0.1', port, logLevel: 'error',
    capabilities: { 'tauri:options': { application: APP }, 'wdio:enforceWebDriverClassic': true },
  });
  return {
    browser,
    async beenden() {
      try { await browser.deleteSession(); } catch { /* the group is ended below either way */ }
      try { process.kill(-treiber.pid, 'SIGTERM'); } catch { /* already gone */ }
      // Until the group (the app with its window) is gone: a window left behind would
      // share the display with the next app, and its title.
      // (Alive: a process of the group that is not a zombie — a zombie is gone for the display.)
      const lebt = () => readdirSync('/proc').filter((n) => /^\d+$/.test(n)).some((n) => {
        try {
          const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
          const felder = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return felder[2] === String(treiber.pid) && felder[0] !== 'Z';
        } catch { return false; }
      });
      for (let i = 0; i < 50 && lebt(); i += 1) await new Promise((r) => setTimeout(r, 100));
      if (lebt()) { try { process.kill(-treiber.pid, 'SIGKILL'); } catch { /* gone now */ } }
    },
  };
}

const AXE = readFileSync(path.join(hier, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A/AA) on the current screen; returns serious and critical violations. */
export async function barrieren(browser) {
  await browser.execute(AXE);
  const ergebnis = await browser.executeAsync((fertig) => {
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => fertig(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, ziele: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))))
      .catch((e) => fertig([{ id: 'axe-fehler', impact: 'critical', help: String(e), ziele: [] }]));
  });
  return ergebnis.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const tid = (id) => `[data-testid="${id}"]`;

/** Opens the Vorlage whose list row contains `text` (waits for the list first, and then
 * until the editor shows that Vorlage). */
export async function zeileOeffnen(b, text) {
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length > 0, { timeout: 15000 });
  for (const z of await b.$$(tid('vorlage-zeile'))) {
    if ((await z.getText()).includes(text)) {
      const id = await z.getAttribute('data-id');
      await (await z.$('td')).click();
      await (await b.$(`${tid('editor')}[data-vorlage="${id}"]`)).waitForDisplayed({ timeout: 15000 });
      return;
    }
  }
  throw new Error(`keine Vorlage „${text}“`);
}

/** Opens the first Vorlage of the list in the editor. */
export async function ersteVorlageOeffnen(browser) {
  const zeile = await browser.$(tid('vorlage-zeile'));
  await zeile.waitForDisplayed({ timeout: 15000 });
  await (await zeile.$('td')).click();
  await (await browser.$(tid('feld-betreff'))).waitForDisplayed();
}

/**
 * The window's close button, as the window manager sends it (WM_DELETE_WINDOW through
 * Debian's python3-xlib, fenster_schliessen.py), then waits until the window is gone: the
 * app saves what is pending first (src-tauri/src/fenster.rs). A window still open after
 * 20 s fails with what it shows (an open dialog, the focused control, the save state)
 * and a screenshot, so a failure on a loaded CI machine can be read.
 */
export async function fensterSchliessen(b) {
  execFileSync('/usr/bin/python3', [path.join(hier, 'fenster_schliessen.py'), 'Ratsbüro']);
  const ende = Date.now() + 20000;
  while (Date.now() < ende) {
    try { await b.getTitle(); } catch { return; }
    await new Promise((r) => { setTimeout(r, 250); });
  }
  let zustand;
  try {
    zustand = await b.execute(() => {
      const dlg = document.getElementById('dialog');
      const a = document.activeElement;
      return {
        dialog: dlg?.open ? dlg.textContent.trim().slice(0, 300) : null,
        fokus: a ? `${a.tagName}:${a.dataset?.testid || ''}` : null,
        speicherstand: document.querySelector('[data-testid="speicherstand"]')?.textContent || null,
        meldung: [...document.querySelectorAll('.meldung')].map((m) => m.textContent).join(' | ') || null,
        schliessen: typeof window.ratsbueroSchliessen,
      };
    });
    await b.saveScreenshot(bildPfad('fenster-blieb-offen.png'));
  } catch (e) { zustand = String(e); }
  throw new Error(`Das Fenster ging nach 20 s nicht zu; es zeigt: ${JSON.stringify(zustand)}`);
}

/** Strg+N, then waits until the editor shows the new draft (typing before that would go
 * into the paper open before). Returns the new draft's Betreff field. */
export async function neueVorlage(b) {
  const offen = () => b.execute(() => document.querySelector('[data-testid="editor"]')?.dataset.vorlage || '');
  const vorher = await offen();
  await b.keys(['Control', 'n']);
  await b.waitUntil(async () => { const jetzt = await offen(); return jetzt !== '' && jetzt !== vorher; }, { timeout: 10000, timeoutMsg: 'Strg+N legte keinen Entwurf an' });
  return b.$(tid('feld-betreff'));
}
