// Two app windows on one database: both read; the later writer of the same Vorlage gets
// the conflict, nothing is overwritten, and reloading shows the other window's text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, ersteVorlageOeffnen } from './app.mjs';

const ordner = neuerOrdner('konflikt');
const db = path.join(ordner, 'buero.sqlite');
let a;
let b;

function cli(...args) {
  return execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
}

before(async () => {
  cli('einrichten', '--kommune', 'Stadt Recklinghausen');
  const datei = path.join(ordner, 'vorlage.json');
  writeFileSync(datei, JSON.stringify({ betreff: 'Interkulturelle Woche', verfasser: 'Zofia Żak', art: 'mitteilungsvorlage' }));
  cli('vorlage', 'import', datei);
  a = await starteApp(ordner);
  b = await starteApp(ordner);
});
after(async () => { await a?.beenden(); await b?.beenden(); });


test('the later writer gets the conflict and nothing is overwritten', async () => {
  await ersteVorlageOeffnen(a.browser);
  await ersteVorlageOeffnen(b.browser);

  await (await a.browser.$(tid('feld-betreff'))).setValue('Interkulturelle Woche 2027 (Fenster A)');
  const standA = await a.browser.$(tid('speicherstand'));
  await a.browser.waitUntil(async () => (await standA.getText()).startsWith('Gespeichert'), { timeout: 10000 });

  await (await b.browser.$(tid('feld-betreff'))).setValue('Interkulturelle Woche (Fenster B)');
  const standB = await b.browser.$(tid('speicherstand'));
  await b.browser.waitUntil(async () => (await standB.getText()) === 'Konflikt: von anderer Stelle geändert', { timeout: 10000, timeoutMsg: 'kein Konflikt gemeldet' });
  assert.match(await (await b.browser.$(tid('konflikt'))).getText(), /Nichts wurde überschrieben/);
  assert.deepEqual(await barrieren(b.browser), []);

  // The database holds A's text.
  const gespeichert = JSON.parse(cli('vorlage', 'zeigen', '1', '--json'));
  assert.equal(gespeichert.inhalt.betreff, 'Interkulturelle Woche 2027 (Fenster A)');

  await (await b.browser.$(tid('konflikt-neu-laden'))).click();
  await b.browser.waitUntil(async () => (await (await b.browser.$(tid('feld-betreff'))).getValue()) === 'Interkulturelle Woche 2027 (Fenster A)', { timeout: 8000 });
  assert.match(await (await b.browser.$(tid('speicherstand'))).getText(), /^Gespeichert/);
});
