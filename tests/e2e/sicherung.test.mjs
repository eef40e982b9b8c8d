// Backups in the real app: the automatic backup at start, "Jetzt sichern", and restoring a
// listed backup, after which the work done since the backup is gone and the old database
// lies aside — beside the file, or, for an office on the server (the runner's second pass),
// in the backup folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, bueroDb } from './app.mjs';

const ordner = neuerOrdner('sicherung');
const db = bueroDb(ordner);
const aufDemServer = process.env.RATSBUERO_E2E_BACKEND === 'server';
const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
let app;

function importieren(betreff) {
  const datei = path.join(ordner, `${betreff}.json`);
  writeFileSync(datei, JSON.stringify({ betreff, verfasser: 'Mehmet Çelik' }));
  cli('vorlage', 'import', datei);
}

before(async () => {
  cli('einrichten', '--kommune', 'Kreis Borken');
  importieren('Vor der Sicherung');
  app = await starteApp(ordner);
});
after(async () => { await app?.beenden(); });

async function betreffs(b) {
  await (await b.$(tid('nav-vorlagen'))).click();
  await (await b.$(tid('vorlage-zeile'))).waitForDisplayed({ timeout: 15000 });
  return b.execute(() => [...document.querySelectorAll('[data-testid="vorlage-zeile"]')].map((z) => z.textContent));
}

test('the automatic backup is made at start and a listed backup is restored', async () => {
  const b = app.browser;
  assert.equal((await betreffs(b)).length, 1);
  await (await b.$(tid('nav-einstellungen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('sicherung-zeile'))).length === 1, { timeout: 15000, timeoutMsg: 'keine automatische Sicherung beim Start' });
  const sicherungsOrdner = await (await b.$(tid('feld-sicherung_ordner'))).getValue();
  assert.ok(sicherungsOrdner.startsWith(ordner), sicherungsOrdner);
  const v = await barrieren(b);
  assert.deepEqual(v, [], `Einstellungen: axe-core meldet ${JSON.stringify(v, null, 1)}`);

  // Work after the backup (by the CLI, on the same database).
  importieren('Nach der Sicherung');
  assert.equal((await betreffs(b)).length, 2);

  await (await b.$(tid('nav-einstellungen'))).click();
  const knopf = await b.$(tid('sicherung-wiederherstellen'));
  await knopf.waitForDisplayed({ timeout: 10000 });
  await knopf.click();
  await (await b.$(tid('bestaetigen'))).click();
  await b.waitUntil(async () => /Wiederhergestellt: 1 Vorlagen/.test(await (await b.$(tid('meldungen'))).getText()), { timeout: 15000, timeoutMsg: 'keine Bestätigung der Wiederherstellung' });
  const nachher = await betreffs(b);
  assert.equal(nachher.length, 1);
  assert.match(nachher[0], /Vor der Sicherung/);
  const wo = aufDemServer ? sicherungsOrdner : ordner;
  const beiseite = readdirSync(wo).filter((n) => n.includes('vor-wiederherstellung'));
  assert.equal(beiseite.length, 1, readdirSync(wo).join(', '));

  // "Jetzt sichern" makes a new, checked backup; the rotation keeps only the newest of a day.
  const gesichert = () => readdirSync(sicherungsOrdner).filter((n) => n.startsWith('ratsbuero-') && n.endsWith('.sqlite'));
  const vorher = gesichert();
  assert.equal(vorher.length, 1);
  await (await b.$(tid('nav-einstellungen'))).click();
  await (await b.$(tid('sicherung-jetzt'))).waitForDisplayed();
  await (await b.$(tid('sicherung-jetzt'))).click();
  await b.waitUntil(async () => /Gesichert: 1 Vorlagen, 0 Anlagen, geprüft/.test(await (await b.$(tid('meldungen'))).getText()), { timeout: 15000, timeoutMsg: 'Jetzt sichern ohne Bestätigung' });
  const danach = gesichert();
  assert.equal(danach.length, 1, danach.join(', '));
  assert.notEqual(danach[0], vorher[0]);
  assert.equal((await b.$$(tid('sicherung-zeile'))).length, 1);
});
