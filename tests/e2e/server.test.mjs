// Two workstations on one PostgreSQL server (RATSBUERO_E2E_SERVER: the admin URL that
// scripts/pg-server prints; scripts/test sets it). One saves and releases; the other
// sees it without reloading: its list follows, and its open editor says
// "Konflikt: von anderer Stelle geändert" before the user types on; each shows
// „wird gerade bearbeitet von …“ while the other has the Vorlage open. A role with a
// password: the app asks for it and keeps it in memory only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, ersteVorlageOeffnen, neueServerDatenbank } from './app.mjs';

const admin = process.env.RATSBUERO_E2E_SERVER;
const ohneServer = admin ? false : 'RATSBUERO_E2E_SERVER ist nicht gesetzt (scripts/test setzt es)';
const ordner = neuerOrdner('server');
let url;
let a;
let b;


function cli(...args) {
  return execFileSync(CLI, ['--db', url, ...args], { encoding: 'utf8', env: { ...process.env, RATSBUERO_DB: '' } });
}

before(async () => {
  if (!admin) return;
  url = neueServerDatenbank();
  cli('einrichten', '--kommune', 'Stadt Herne');
  const datei = path.join(ordner, 'vorlage.json');
  writeFileSync(datei, JSON.stringify({
    art: 'beschlussvorlage', status: 'oeffentlich',
    betreff: 'Gesamtstädtisches Integrationskonzept',
    verfasser: 'Radojka Mühlenkamp', federfuehrend: 'Büro Integrationsrat', bearbeiter: 'Nguyễn Thị Hồng',
    beratungsfolge: [
      { gremium: 'Integrationsrat', rolle: 'vorberatung', datum: '2027-04-16' },
      { gremium: 'Rat der Stadt', rolle: 'entscheidung', datum: '2027-05-06' },
    ],
    klimarelevanz: 'keine',
    beschlussvorschlag: 'Der Rat der Stadt Herne beschließt das gesamtstädtische Integrationskonzept.',
    sachverhalt: 'Zum 01.08.2013 wurde ein Kommunales Integrationszentrum in Herne errichtet.',
  }));
  cli('vorlage', 'import', datei);
  a = await starteApp(neuerOrdner('server-a'), { RATSBUERO_DB: url });
  b = await starteApp(neuerOrdner('server-b'), { RATSBUERO_DB: url });
});
after(async () => { await a?.beenden(); await b?.beenden(); });


const zeilenText = (browser) => browser.execute(() => document.querySelector('[data-testid="vorlage-zeile"]')?.textContent || '');

test('a save on one workstation shows on the other without reloading, in its list and its open editor', { skip: ohneServer }, async () => {
  await ersteVorlageOeffnen(a.browser);
  await ersteVorlageOeffnen(b.browser);
  // Each sees that the other has the Vorlage open.
  for (const br of [a.browser, b.browser]) {
    await br.waitUntil(async () => /^Wird gerade bearbeitet von \S+/.test(await (await br.$(tid('bearbeitet-von'))).getText()), { timeout: 10000, timeoutMsg: 'der andere Arbeitsplatz wird nicht genannt' });
  }

  await (await a.browser.$(tid('feld-betreff'))).setValue('Integrationskonzept 2027 (Arbeitsplatz A)');
  const standA = await a.browser.$(tid('speicherstand'));
  await a.browser.waitUntil(async () => (await standA.getText()).startsWith('Gespeichert'), { timeout: 10000 });

  // B has not typed: its list and its editor follow by themselves.
  await b.browser.waitUntil(async () => (await zeilenText(b.browser)).includes('Arbeitsplatz A'), { timeout: 10000, timeoutMsg: 'Liste von B nicht aktualisiert' });
  const standB = await b.browser.$(tid('speicherstand'));
  await b.browser.waitUntil(async () => (await standB.getText()) === 'Konflikt: von anderer Stelle geändert', { timeout: 10000, timeoutMsg: 'kein Konflikt angezeigt' });
  assert.match(await (await b.browser.$(tid('konflikt'))).getText(), /an anderer Stelle geändert/);
  assert.deepEqual(await barrieren(b.browser), []);
  await (await b.browser.$(tid('konflikt-neu-laden'))).click();
  await b.browser.waitUntil(async () => (await (await b.browser.$(tid('feld-betreff'))).getValue()) === 'Integrationskonzept 2027 (Arbeitsplatz A)', { timeout: 8000 });
});

test('a release on one workstation: the other sees the number, the server holds it', { skip: ohneServer }, async () => {
  await (await a.browser.$(tid('freigeben'))).click();
  const jahr = new Date().getFullYear();
  const titel = await a.browser.$(tid('editor-titel'));
  await a.browser.waitUntil(async () => (await titel.getText()).includes(`Vorlage ${jahr}/0001`), { timeout: 10000, timeoutMsg: 'nicht freigegeben' });
  await b.browser.waitUntil(async () => (await zeilenText(b.browser)).includes(`${jahr}/0001`), { timeout: 10000, timeoutMsg: 'Nummer erscheint nicht bei B' });
  const gespeichert = JSON.parse(cli('vorlage', 'zeigen', '1', '--json'));
  assert.equal(gespeichert.nummer, `${jahr}/0001`);
  assert.equal(gespeichert.inhalt.betreff, 'Integrationskonzept 2027 (Arbeitsplatz A)');
  assert.equal(gespeichert.inhalt.bearbeiter, 'Nguyễn Thị Hồng');
});

test('a server that wants a password: the app asks for it, refuses a wrong one at the field, keeps the right one in memory only', { skip: ohneServer }, async () => {
  // A role that must log in with a password (scram), on the same throw-away server.
  const rolle = `e2e_kennwort_${process.pid}`;
  const kennwort = 'Geheim-Ölweg 7';
  execFileSync('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE ROLE ${rolle} LOGIN PASSWORD '${kennwort}'`]);
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', `GRANT ALL ON ALL TABLES IN SCHEMA public TO ${rolle}; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${rolle}`]);
  const socket = new URLSearchParams(admin.split('?')[1]).get('host');
  const hba = path.join(socket, 'data', 'pg_hba.conf');
  writeFileSync(hba, `local all ${rolle} scram-sha-256\n${readFileSync(hba, 'utf8')}`);
  execFileSync('psql', [admin, '-qc', 'SELECT pg_reload_conf()']);

  const ohneKennwort = url.replace('postgres://postgres@', `postgres://${rolle}@`);
  const ordnerC = neuerOrdner('server-c');
  const { PGPASSWORD: _ohne, ...env } = { ...process.env, PGPASSFILE: path.join(ordnerC, 'keine-pgpass') };
  const c = await starteApp(ordnerC, { ...env, RATSBUERO_DB: ohneKennwort });
  try {
    const br = c.browser;
    const feldK = await br.$(tid('feld-kennwort'));
    await feldK.waitForDisplayed({ timeout: 15000 });
    assert.match(await (await br.$(tid('db-fehler'))).getText(), /Anmeldung .* fehlgeschlagen/);
    assert.equal(await br.execute(() => document.activeElement?.dataset?.feld), 'kennwort', 'das Kennwortfeld hat den Fokus');
    await feldK.setValue('falsch');
    await (await br.$(tid('db-wechseln'))).click();
    await br.waitUntil(async () => (await br.execute(() => document.querySelector('[data-feld="kennwort"]')?.getAttribute('aria-invalid'))) === 'true', { timeout: 10000, timeoutMsg: 'falsches Kennwort nicht am Feld gemeldet' });
    await (await br.$(tid('feld-kennwort'))).setValue(kennwort);
    await (await br.$(tid('db-wechseln'))).click();
    await br.waitUntil(async () => (await br.$$(tid('db-fehler'))).length === 0, { timeout: 10000, timeoutMsg: 'nicht verbunden' });
    await br.execute(() => { location.hash = '#vorlagen'; });
    await br.waitUntil(async () => (await zeilenText(br)).includes('Arbeitsplatz A'), { timeout: 10000, timeoutMsg: 'Liste nach der Anmeldung leer' });
    assert.deepEqual(await barrieren(br), []);
  } finally {
    await c.beenden();
  }
  // Nothing of the password is on disk in the app's folders.
  const suche = spawnSync('grep', ['-rl', 'Ölweg', ordnerC], { encoding: 'utf8' });
  assert.equal(suche.stdout, '', `Kennwort gefunden in: ${suche.stdout}`);
});
