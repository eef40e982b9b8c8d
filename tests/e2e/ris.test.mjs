// The town's RIS read into the real app through OParl: another office's own OParl export,
// served over HTTP on 127.0.0.1 by this test, is read in under Einstellungen (a wrong
// address first, named at its field); the search of the Vorlagen finds its papers below
// the office's own, a paper opens read-only and its file is saved byte for byte; the RIS
// Gremium is read-only in Gremien & Personen; a Beratungsfolge takes a RIS Sitzung.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, ersteVorlageOeffnen, bildPfad } from './app.mjs';

const ordner = neuerOrdner('ris');
const ablage = path.join(ordner, 'ablage');
const export_ = path.join(ordner, 'oparl');
let app;
let server;
let basis;

before(async () => {
  mkdirSync(ablage);
  server = http.createServer((req, res) => {
    const pfad = path.join(export_, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    try {
      const daten = readFileSync(pfad);
      res.writeHead(200, { 'Content-Type': pfad.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
      res.end(daten);
    } catch {
      res.writeHead(404); res.end('{}');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  basis = `http://127.0.0.1:${server.address().port}`;
  // The town's RIS: another office, its Vorlagen released, exported as OParl.
  const quelle = path.join(ordner, 'rathaus.sqlite');
  const cli = (db, ...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
  cli(quelle, 'einrichten', '--kommune', 'Stadt Herne');
  cli(quelle, 'demo');
  for (let i = 1; i <= 5; i += 1) { try { cli(quelle, 'vorlage', 'freigeben', String(i)); } catch { /* an incomplete demo paper stays a draft */ } }
  cli(quelle, 'oparl', 'export', export_, '--basis-url', basis);
  // The office itself: one Vorlage of its own.
  const db = path.join(ordner, 'buero.sqlite');
  cli(db, 'einrichten', '--kommune', 'Stadt Herne');
  cli(db, 'vorlage', 'import', path.join(path.dirname(CLI), '../../tests/fixtures/seed-000.json'));
  app = await starteApp(ordner, { RATSBUERO_SPEICHERN_NACH: ablage });
});
after(async () => { await app?.beenden(); server?.close(); });

test('the RIS is read in under Einstellungen after a wrong address is named', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-einstellungen'))).waitForDisplayed({ timeout: 15000 });
  await (await b.$(tid('nav-einstellungen'))).click();
  const url = await b.$(tid('feld-oparl_url'));
  await url.waitForDisplayed({ timeout: 10000 });
  await url.setValue('ratsinfo.herne.de/oparl');
  await (await b.$(tid('oparl-einlesen'))).click();
  const meldung = () => b.execute(() => document.querySelector('[data-testid="einstellungen-oparl"] [data-meldung-fuer="oparl_url"]')?.textContent || '');
  await b.waitUntil(async () => /keine http\(s\)-Adresse/.test(await meldung()), { timeout: 10000, timeoutMsg: 'keine Meldung an der Adresse' });
  await url.setValue(`${basis}/system.json`);
  await (await b.$(tid('oparl-einlesen'))).click();
  const stand = await b.$(tid('oparl-stand'));
  await b.waitUntil(async () => /Objekte gelesen – neu \d+/.test(await stand.getText()), { timeout: 60000, timeoutMsg: 'Import nicht fertig' });
  assert.equal(await meldung(), '');
  assert.match(await stand.getText(), /Dateien [1-9]/);
  assert.deepEqual(await barrieren(b), [], 'Barrieren in den Einstellungen');
});

test('the search finds a RIS paper below the own ones, read-only, its file saved', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-vorlagen'))).click();
  const suche = await b.$(tid('vorlagen-suche'));
  await suche.waitForDisplayed({ timeout: 10000 });
  // A word of every demo paper's Betreff? Take the first exported paper's name.
  const paper = JSON.parse(readFileSync(path.join(export_, 'paper', readdirSync(path.join(export_, 'paper')).find((d) => d.endsWith('.json'))), 'utf8'));
  const wort = paper.name.split(/\s+/).find((w) => w.length > 6) || paper.name;
  await suche.setValue(wort);
  await b.waitUntil(async () => (await b.$$(tid('ris-zeile'))).length > 0, { timeout: 10000, timeoutMsg: `kein RIS-Treffer für ${wort}` });
  assert.match(await (await b.$(tid('ris-treffer-kopf'))).getText(), /Aus dem Ratsinformationssystem/);
  let zeile;
  for (const z of await b.$$(tid('ris-zeile'))) if ((await z.getText()).includes(paper.name)) zeile = z;
  assert.ok(zeile, `Zeile für ${paper.name}`);
  await (await zeile.$('td')).click();
  await (await b.$(tid('ris-akte'))).waitForDisplayed({ timeout: 10000 });
  assert.equal(await (await b.$(tid('ris-titel'))).getText(), paper.name);
  // Nothing to edit: no input in the record.
  assert.equal(await b.execute(() => document.querySelectorAll('[data-testid="ris-akte"] input, [data-testid="ris-akte"] textarea').length), 0);
  await (await b.$(tid('ris-datei-speichern'))).click();
  const main = paper.mainFile;
  // The file is written under a temporary name and renamed when whole: wait for the name.
  await b.waitUntil(() => readdirSync(ablage).some((d) => !d.startsWith('.')), { timeout: 10000, timeoutMsg: 'Datei nicht gespeichert' });
  const gespeichert = readdirSync(ablage).find((d) => !d.startsWith('.'));
  const original = readFileSync(path.join(export_, new URL(main.accessUrl).pathname));
  assert.ok(statSync(path.join(ablage, gespeichert)).size > 0);
  assert.equal(gespeichert, main.fileName);
  assert.ok(readFileSync(path.join(ablage, gespeichert)).equals(original), 'Byte für Byte die Datei des RIS');
  assert.deepEqual(await barrieren(b), [], 'Barrieren in der RIS-Akte');
  for (const [breite, hoehe] of [[1024, 700], [1920, 1080]]) {
    await b.setWindowSize(breite, hoehe);
    await b.pause(300);
    await b.saveScreenshot(bildPfad(`ris-${breite}x${hoehe}.png`));
  }
});

test('a RIS Gremium is read-only, and a Beratungsfolge takes a RIS Sitzung', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-gremien'))).click();
  await b.waitUntil(async () => (await b.$$(tid('gremium-eintrag'))).length > 0, { timeout: 10000 });
  let ris;
  for (const e of await b.$$(tid('gremium-eintrag'))) if ((await e.getText()).includes('RIS')) { ris = e; break; }
  assert.ok(ris, 'ein Gremium aus dem RIS');
  await ris.click();
  await (await b.$(tid('gremium-ris'))).waitForDisplayed({ timeout: 10000 });
  assert.equal(await b.execute(() => document.querySelectorAll('[data-testid="mitglied-neu-form"]').length), 0);

  await (await b.$(tid('nav-vorlagen'))).click();
  await (await b.$(tid('vorlagen-suche'))).clearValue();
  await ersteVorlageOeffnen(b);
  const vorschlaege = await b.$(tid('gremien-vorschlaege'));
  await b.waitUntil(async () => (await b.execute(() => [...document.querySelectorAll('#gremien-vorschlaege option')].some((o) => /, Sitzung am \d\d\.\d\d\.\d{4}$/.test(o.value)))), { timeout: 10000, timeoutMsg: 'keine RIS-Sitzung in den Vorschlägen' });
  assert.ok(vorschlaege);
  const wahl = await b.execute(() => [...document.querySelectorAll('#gremien-vorschlaege option')].map((o) => o.value).find((v) => /, Sitzung am /.test(v)));
  const [gremium, datum] = wahl.split(', Sitzung am ');
  const feld = (await b.$$(tid('schritt-gremium')))[0];
  await feld.setValue(wahl);
  await b.waitUntil(async () => (await feld.getValue()) === gremium, { timeout: 5000, timeoutMsg: 'Gremium nicht übernommen' });
  assert.equal(await (await b.$$(tid('schritt-datum')))[0].getValue(), datum);
});
