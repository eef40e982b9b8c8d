// A Wahl in the real app: create an Einzelwahl in the demo office's first Sitzung, propose
// two members, enter a count the core refuses (more votes than ballots: German message),
// then a valid one and see the outcome; a list election with a tie goes to the lot, which
// the app draws and records; the Wahlniederschrift shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, wurzel } from './app.mjs';

const ordner = neuerOrdner('wahl');
const db = path.join(ordner, 'buero.sqlite');
let app;

const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });

before(async () => {
  cli('einrichten', '--kommune', 'Stadt Herne');
  cli('demo');
  app = await starteApp(ordner);
});
after(async () => { await app?.beenden(); });

async function zahl(b, testid, wert, index = 0) {
  const feld = (await b.$$(tid(testid)))[index];
  await feld.clearValue();
  await feld.addValue(String(wert));
}

test('entering a count shows the outcome; a refused count says why', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-vorlagen'))).waitForDisplayed({ timeout: 15000 });
  await (await b.$(tid('nav-wahlen'))).click();
  await (await b.$(tid('wahl-neu'))).waitForClickable({ timeout: 15000 });
  await (await b.$(tid('wahl-neu'))).click();
  await (await b.$(tid('wahl-titel'))).addValue('Wahl der stellvertretenden Vorsitzenden');
  await (await b.$(tid('wahl-anlegen'))).click();
  const kopf = await b.$(tid('wahl-kopf'));
  await b.waitUntil(async () => (await kopf.getText()) === 'Wahl der stellvertretenden Vorsitzenden', { timeout: 10000, timeoutMsg: 'Wahl nicht angelegt' });

  for (const name of ['Ayşe Yılmaz', 'Łukasz Żółkiewski']) {
    const wahl = await b.$(tid('kandidat-person'));
    await wahl.selectByVisibleText(name);
    await (await b.$(tid('kandidat-hinzufuegen'))).click();
    await b.waitUntil(async () => (await (await b.$(tid('kandidaten'))).getText()).includes(name), { timeout: 10000, timeoutMsg: `${name} nicht vorgeschlagen` });
  }
  assert.match(await (await b.$(tid('naechster-schritt'))).getText(), /Zur Wahl: Ayşe Yılmaz, Łukasz Żółkiewski/);

  // "abc" as the number of ballots is named, never read as 0.
  await zahl(b, 'zaehlung-abgegeben', 'abc');
  await (await b.$(tid('zaehlung-eintragen'))).click();
  await b.waitUntil(async () => /Zählung, Abgegebene Stimmzettel: „abc“ ist keine ganze Zahl ab 0\./.test(await (await b.$(tid('wahl-befunde'))).getText()), { timeout: 10000, timeoutMsg: 'keine Meldung zu „abc“' });

  // 6 + 4 votes on 9 ballots: refused, with the core's German message; nothing counted.
  await zahl(b, 'zaehlung-abgegeben', 9);
  await zahl(b, 'zaehlung-stimmen', 6, 0);
  await zahl(b, 'zaehlung-stimmen', 4, 1);
  await (await b.$(tid('zaehlung-eintragen'))).click();
  const befunde = await b.$(tid('wahl-befunde'));
  await b.waitUntil(async () => /\(10\) sind mehr als die abgegebenen Stimmzettel \(9\)/.test(await befunde.getText()), { timeout: 10000, timeoutMsg: 'keine Meldung zur Zählung' });
  assert.equal(await (await b.$(tid('naechster-schritt'))).getText(), 'Zur Wahl: Ayşe Yılmaz, Łukasz Żółkiewski');

  // 8 members with a vote: 5 + 2 + 1 abstention on 8 ballots (more ballots are refused).
  await zahl(b, 'zaehlung-abgegeben', 8);
  await zahl(b, 'zaehlung-stimmen', 5, 0);
  await zahl(b, 'zaehlung-stimmen', 2, 1);
  await zahl(b, 'zaehlung-enthaltungen', 1);
  await (await b.$(tid('zaehlung-eintragen'))).click();
  const ergebnis = await b.$(tid('wahl-ergebnis'));
  await ergebnis.waitForDisplayed({ timeout: 10000 });
  assert.match(await ergebnis.getText(), /Gewählt ist:\s*Ayşe Yılmaz/);
  const v = await barrieren(b);
  assert.deepEqual(v, [], `Wahlen: axe-core meldet ${JSON.stringify(v, null, 1)}`);
  await b.saveScreenshot(path.join(wurzel, 'tests/e2e/artefakte/wahl.png'));
});

test('a list election with a tie goes to the lot, drawn by the app and recorded', async () => {
  const b = app.browser;
  await (await b.$(tid('wahl-neu'))).click();
  await (await b.$(tid('wahl-titel'))).addValue('Entsendung in die AG Integrationsräte');
  await (await b.$(tid('wahl-art'))).selectByAttribute('value', 'liste');
  await zahl(b, 'wahl-sitze', 3);
  await (await b.$(tid('wahl-ziel'))).selectByVisibleText('AG Integrationsräte Kreis Recklinghausen');
  await (await b.$(tid('wahl-anlegen'))).click();
  await b.waitUntil(async () => (await (await b.$(tid('wahl-kopf'))).getText()) === 'Entsendung in die AG Integrationsräte', { timeout: 10000 });
  for (const [name, leute] of [['Liste Vielfalt', ['Ayşe Yılmaz', 'Thị Hồng Nguyễn']], ['Internationale Liste', ['Łukasz Żółkiewski', 'Ștefan Țurcanu']]]) {
    await (await b.$(tid('vorschlag-name'))).addValue(name);
    for (const l of leute) {
      await (await b.$(tid('vorschlag-person'))).selectByVisibleText(l);
      await (await b.$(tid('vorschlag-person-hinzufuegen'))).click();
    }
    assert.deepEqual(await b.execute(() => [...document.querySelectorAll('[data-testid="vorschlag-reihe"] li')].map((li) => li.firstChild.textContent)), leute);
    await (await b.$(tid('vorschlag-hinzufuegen'))).click();
    await b.waitUntil(async () => (await (await b.$(tid('vorschlaege'))).getText()).includes(name), { timeout: 10000, timeoutMsg: `${name} fehlt` });
  }
  await zahl(b, 'zaehlung-abgegeben', 8);
  await zahl(b, 'zaehlung-stimmen', 4, 0);
  await zahl(b, 'zaehlung-stimmen', 4, 1);
  await (await b.$(tid('zaehlung-eintragen'))).click();
  const schritt = await b.$(tid('naechster-schritt'));
  await b.waitUntil(async () => /Das Los entscheidet zwischen Liste Vielfalt, Internationale Liste um 1 Platz/.test(await schritt.getText()), { timeout: 10000, timeoutMsg: 'kein Losentscheid verlangt' });
  await (await b.$(tid('los-ziehen'))).click();
  const ergebnis = await b.$(tid('wahl-ergebnis'));
  await ergebnis.waitForDisplayed({ timeout: 10000 });
  const text = await ergebnis.getText();
  assert.match(text, /Gewählt sind:/);
  assert.ok(text.includes('Ayşe Yılmaz') && text.includes('Łukasz Żółkiewski'), text);
  assert.match(await (await b.$(tid('wahl-ergebnis-feld'))).getText(), /Los nach dem 1\. Wahlgang .*Startwert \d+/);

  await (await b.$(tid('wahl-niederschrift'))).click();
  const stand = await b.$(tid('pdf-stand'));
  await b.waitUntil(async () => /^\d+ Seiten?$/.test(await stand.getText()), { timeout: 30000, timeoutMsg: 'Wahlniederschrift blieb aus' });
  const seiten = await b.execute(() => [...document.querySelectorAll('[data-testid="pdf-seitentext"]')].map((e) => e.textContent).join(' ').replace(/\s+/g, ' '));
  for (const teil of ['Wahlniederschrift: Entsendung in die AG Integrationsräte', 'Losentscheid', 'Startwert', 'Ayşe Yılmaz']) {
    assert.ok(seiten.includes(teil), `„${teil}“ fehlt in der Wahlniederschrift`);
  }
  await (await b.$(tid('pdf-schliessen'))).click();
});
