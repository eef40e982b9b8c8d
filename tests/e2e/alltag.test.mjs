// What a hurried clerk does (issue 11), in the real app: an invalid amount then more
// typing then another area, then the app is closed and started again; a PDF that renders
// after one that failed; an impossible date typed digit by digit; deleting with a way back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, zeileOeffnen, neueVorlage } from './app.mjs';

const ordner = neuerOrdner('alltag');
const db = path.join(ordner, 'buero.sqlite');
const ablage = path.join(ordner, 'ablage');
let app;
const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });

before(async () => {
  mkdirSync(ablage);
  cli('einrichten', '--kommune', 'Stadt Herne');
  cli('demo');
  app = await starteApp(ordner, { RATSBUERO_SPEICHERN_NACH: ablage });
});
after(async () => { await app?.beenden(); });

test('an invalid amount, more typing, another area, a restart: nothing is lost', async () => {
  const b = app.browser;
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length > 0, { timeout: 15000 });
  const betreff = await neueVorlage(b);
  await betreff.setValue('Sprachcafé im Stadtteil');
  await (await b.$(tid('finanzen-folgende'))).click();
  await (await b.$(tid('betrag-aufwand_einmalig'))).setValue('-500,00');
  await (await b.$(tid('feld-sachverhalt'))).setValue('Ein Satz nach dem falschen Betrag.');
  await (await b.$(tid('nav-sitzungen'))).click();
  // Saved as typed and the area changed; the finding waits at the field.
  await (await b.$(tid('sitzungen-gremium'))).waitForDisplayed({ timeout: 10000 });
  await app.beenden();
  app = await starteApp(ordner, { RATSBUERO_SPEICHERN_NACH: ablage });
  const c = app.browser;
  await zeileOeffnen(c, 'Sprachcafé');
  await c.waitUntil(async () => (await (await c.$(tid('feld-sachverhalt'))).getValue()) === 'Ein Satz nach dem falschen Betrag.', { timeout: 10000, timeoutMsg: 'Sachverhalt verloren' });
  assert.equal(await (await c.$(tid('betrag-aufwand_einmalig'))).getValue(), '-500,00');
  assert.equal(await (await c.$(tid('finanzen-folgende'))).isSelected(), true);
  const meldung = await c.$('[data-meldung-fuer="finanzen.aufwand_einmalig"]');
  assert.match(await meldung.getText(), /nicht negativ/);
});

test('after a failed rendering nothing of the paper before can be saved, printed or signed', async () => {
  const b = app.browser;
  // A: renders.
  await zeileOeffnen(b, 'Entsendung');
  await (await b.$(tid('pdf'))).click();
  const stand = await b.$(tid('pdf-stand'));
  await b.waitUntil(async () => /^\d+ Seiten?$/.test(await stand.getText()), { timeout: 20000, timeoutMsg: 'Vorschau A blieb aus' });
  await (await b.$(tid('pdf-schliessen'))).click();
  // B: a Betreff with 👍 (saved as typed, a finding), its PDF fails.
  await zeileOeffnen(b, 'Sprachcafé');
  await (await b.$(tid('betrag-aufwand_einmalig'))).setValue('500,00');
  // WebKitWebDriver cannot type characters beyond the BMP: the emoji is pasted.
  await b.execute(() => {
    const e = document.querySelector('[data-testid="feld-betreff"]');
    e.value = 'Sprachcafé 👍';
    e.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await b.waitUntil(async () => (await (await b.$('[data-meldung-fuer="betreff"]')).getText()).includes('👍'), { timeout: 10000, timeoutMsg: 'kein Befund am Betreff' });
  assert.equal(await (await b.$('[data-meldung-fuer="finanzen.aufwand_einmalig"]')).getText(), '');
  await b.waitUntil(async () => /Gespeichert .* prüfen/.test(await (await b.$(tid('speicherstand'))).getText()), { timeout: 10000 });
  await (await b.$(tid('pdf'))).click();
  await (await b.$(tid('pdf-fehler'))).waitForDisplayed({ timeout: 10000 });
  assert.match(await (await b.$(tid('pdf-fehler'))).getText(), /Betreff: Das Zeichen „👍“/);
  for (const k of ['pdf-speichern', 'pdf-drucken', 'pdf-signieren']) {
    assert.equal(await (await b.$(tid(k))).isEnabled(), false, `${k} ist nach dem Fehler noch aktiv`);
  }
  assert.equal((await b.$$(tid('pdf-seite'))).length, 0, 'die Seiten von A stehen noch da');
  // Even if the button were pressed, the shell has no document to write.
  const e = await b.executeAsync((fertig) => window.__TAURI__.core.invoke('pdf_speichern').then(() => fertig('gespeichert'), (x) => fertig(x.code)));
  assert.equal(e, 'keine_vorschau');
  assert.deepEqual(readdirSync(ablage), []);
  assert.deepEqual(await barrieren(b), []);
  await (await b.$(tid('pdf-schliessen'))).click();
});

test('an impossible date typed digit by digit is named, and the Sitzung stays on its day', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-sitzungen'))).click();
  const zeile = await b.$(tid('sitzung-zeile'));
  await zeile.waitForDisplayed({ timeout: 10000 });
  await (await zeile.$('td')).click();
  const beginn = await b.$(tid('sitzung-beginn'));
  await beginn.waitForDisplayed();
  const vorher = await beginn.getValue();
  assert.match(vorher, /^\d\d\.\d\d\.\d{4}$/);
  // Typed key by key, as a hurried clerk types it.
  await b.execute(() => { document.querySelector('[data-testid="sitzung-beginn"]').select(); });
  await b.keys('31.02.2026'.split(''));
  await (await b.$(tid('sitzung-ort'))).click();
  const m = await b.$(tid('sitzung-beginn-meldung'));
  await b.waitUntil(async () => (await m.getText()).includes('Datum 31.02.2026 ungültig'), { timeout: 8000, timeoutMsg: 'keine Meldung am Beginn' });
  assert.equal(await beginn.getValue(), '31.02.2026', 'das Getippte blieb nicht stehen');
  const s = JSON.parse(cli('sitzung', 'zeigen', '1', '--json'));
  assert.equal(`${s.beginn.slice(8, 10)}.${s.beginn.slice(5, 7)}.${s.beginn.slice(0, 4)}`, vorher);
});

test('cancelling asks and can be taken back; a draft goes into the Papierkorb with Rückgängig', async () => {
  const b = app.browser;
  await (await b.$(tid('sitzung-absagen'))).click();
  const text = await b.$(tid('bestaetigen-text'));
  await text.waitForDisplayed();
  assert.match(await text.getText(), /absagen\? Die Mitglieder werden nicht benachrichtigt/);
  await (await b.$(tid('abbrechen'))).click();
  assert.equal(await (await b.$(tid('sitzung-stand'))).getText(), 'geplant');
  await (await b.$(tid('sitzung-absagen'))).click();
  await (await b.$(tid('bestaetigen'))).click();
  await b.waitUntil(async () => (await (await b.$(tid('sitzung-stand'))).getText()) === 'abgesagt', { timeout: 8000 });
  await (await b.$(tid('sitzung-wieder-aufnehmen'))).click();
  await b.waitUntil(async () => (await (await b.$(tid('sitzung-stand'))).getText()) === 'geplant', { timeout: 8000 });

  await (await b.$(tid('nav-vorlagen'))).click();
  await zeileOeffnen(b, 'Sprachcafé');
  const vorher = (await b.$$(tid('vorlage-zeile'))).length;
  await (await b.$(tid('weitere'))).click();
  await (await b.$(tid('loeschen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length === vorher - 1, { timeout: 8000 });
  await (await b.$(tid('rueckgaengig'))).click();
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length === vorher, { timeout: 8000, timeoutMsg: 'Rückgängig holte den Entwurf nicht zurück' });
  assert.ok(existsSync(db));
});
