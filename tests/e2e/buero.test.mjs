// What office users missed most (issue 11), in the real app: F1, Strg+P and "Drucken",
// the calendar beside a date field, the office's Gremien offered in the Beratungsfolge,
// Anlagen dragged onto the editor, Vorlagen-Muster, members edited and their membership
// ended, the Papierkorb, and the window's close button with input not yet saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { bildPfad, starteApp, neuerOrdner, barrieren, tid, CLI, zeileOeffnen, fensterSchliessen, neueVorlage } from './app.mjs';

const ordner = neuerOrdner('buero');
const db = path.join(ordner, 'buero.sqlite');
let app;
const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });

before(async () => {
  cli('einrichten', '--kommune', 'Stadt Herne');
  cli('demo');
  app = await starteApp(ordner);
});
after(async () => { await app?.beenden(); });

async function gespeichert(b) {
  const stand = await b.$(tid('speicherstand'));
  await b.waitUntil(async () => /^Gespeichert/.test(await stand.getText()), { timeout: 10000, timeoutMsg: `nicht gespeichert: ${await stand.getText()}` });
}

test('F1 lists the keyboard shortcuts, Escape closes them', async () => {
  const b = app.browser;
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length > 0, { timeout: 15000 });
  await b.keys(['F1']);
  const tabelle = await b.$(tid('tastenkuerzel'));
  await tabelle.waitForDisplayed({ timeout: 5000 });
  const text = await tabelle.getText();
  for (const k of ['Strg+N', 'Strg+S', 'Strg+F', 'Strg+P']) assert.ok(text.includes(k), `${k} fehlt`);
  assert.deepEqual(await barrieren(b), []);
  await b.keys(['Escape']);
  await b.waitUntil(async () => !(await b.execute(() => document.getElementById('dialog').open)), { timeout: 3000 });
  // The "?" in the navigation opens the same list.
  await (await b.$(tid('hilfe'))).click();
  await (await b.$(tid('tastenkuerzel'))).waitForDisplayed({ timeout: 5000 });
  await (await b.$(tid('hilfe-schliessen'))).click();
});

test('F1 opens the Handbuch at the page of the area it was pressed on; its search finds a section; it fits a small window', async () => {
  const b = app.browser;
  const seiten = { vorlagen: ['vorlagen.md', 'Vorlagen'], sitzungen: ['sitzung.md', 'Sitzung'], beschluesse: ['nach-der-sitzung.md', 'Nach der Sitzung'],
    gremien: ['gremien.md', 'Gremien und Mitglieder'], wahlen: ['wahlen.md', 'Wahl und Entsendung (§ 50 GO NRW)'], einstellungen: ['einstellungen.md', 'Einstellungen und Sicherheit'] };
  for (const [breite, hoehe] of [[1024, 700], [1920, 1080]]) {
    await b.setWindowSize(breite, hoehe);
    for (const [bereich, [datei, titel]] of Object.entries(seiten)) {
      await (await b.$(tid(`nav-${bereich}`))).click();
      await b.waitUntil(async () => b.execute((n) => document.querySelector(`[data-bereich="${n}"]`).getAttribute('aria-current') === 'page', bereich), { timeout: 10000 });
      await b.keys(['F1']);
      const seite = await b.$(tid('handbuch-seite'));
      await seite.waitForDisplayed({ timeout: 5000 });
      assert.equal(await seite.getAttribute('data-seite'), datei, bereich);
      assert.equal(await (await seite.$('h3')).getText(), titel);
      // The dialog inside the window, the page scrolling inside the dialog.
      const lage = await b.execute(() => { const d = document.getElementById('dialog').getBoundingClientRect(); return [d.top >= 0, d.bottom <= window.innerHeight + 1, d.right <= window.innerWidth + 1]; });
      assert.deepEqual(lage, [true, true, true], `${bereich} ${breite}×${hoehe}`);
      if (bereich === 'sitzungen') {
        assert.deepEqual(await barrieren(b), []);
        await b.saveScreenshot(bildPfad(`handbuch-${breite}x${hoehe}.png`));
      }
      await b.keys(['Escape']);
      await b.waitUntil(async () => !(await b.execute(() => document.getElementById('dialog').open)), { timeout: 3000 });
    }
  }
  // The search over all pages: a section, then its page at that section.
  await b.keys(['F1']);
  await (await b.$(tid('handbuch-suche'))).setValue('Ladungsfrist');
  const treffer = await b.$(tid('handbuch-treffer'));
  await treffer.waitForDisplayed({ timeout: 5000 });
  const eintrag = await treffer.$('a=Sitzung: Einladen per Post und E-Mail');
  await eintrag.click();
  const seite = await b.$(tid('handbuch-seite'));
  await b.waitUntil(async () => (await seite.getAttribute('data-seite')) === 'sitzung.md', { timeout: 5000 });
  // A link of the overview to another page opens that page.
  await (await b.$('[data-testid="handbuch"] button[data-seite="README.md"]')).click();
  await (await b.$('[data-testid="handbuch-seite"] a[data-ziel="vorlagen.md#neue-fassung"]')).click();
  await b.waitUntil(async () => (await seite.getAttribute('data-seite')) === 'vorlagen.md', { timeout: 5000 });
  await (await b.$(tid('hilfe-schliessen'))).click();
  await b.setWindowSize(1280, 820);
  // Back where the next tests begin: the Vorlagen.
  await (await b.$(tid('nav-vorlagen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length > 0, { timeout: 15000 });
});

test('Strg+P and "Drucken" print the open Vorlage from its PDF, every page', async () => {
  const b = app.browser;
  await zeileOeffnen(b, 'Entsendung');
  // The system's print dialog is the one thing not driven here: window.print records the
  // call instead, together with the pages prepared for printing.
  await b.execute(() => { window.gedruckt = []; window.print = () => window.gedruckt.push(document.querySelectorAll('#druckbereich img').length); });
  await b.keys(['Control', 'p']);
  const stand = await b.$(tid('pdf-stand'));
  await b.waitUntil(async () => (await b.execute(() => window.gedruckt.length)) === 1, { timeout: 20000, timeoutMsg: 'Strg+P druckte nicht' });
  await b.waitUntil(async () => /^\d+ Seiten?$/.test(await stand.getText()), { timeout: 20000 });
  const seiten = Number((await stand.getText()).split(' ')[0]);
  assert.deepEqual(await b.execute(() => window.gedruckt), [seiten]);
  // Strg+P in the open preview prints that document again.
  await b.keys(['Control', 'p']);
  await b.waitUntil(async () => (await b.execute(() => window.gedruckt.length)) === 2, { timeout: 20000 });
  await (await b.$(tid('pdf-schliessen'))).click();
  await (await b.$(tid('drucken'))).click();
  await b.waitUntil(async () => (await b.execute(() => window.gedruckt.length)) === 3, { timeout: 20000, timeoutMsg: '„Drucken“ druckte nicht' });
  await (await b.$(tid('pdf-schliessen'))).click();
});

test('the calendar fills a date, the Gremien are offered, and both are saved', async () => {
  const b = app.browser;
  await (await neueVorlage(b)).setValue('Interkulturelle Woche');
  await (await b.$(tid('schritt-neu'))).click();
  const gremien = await b.execute(() => [...document.querySelectorAll('#gremien-vorschlaege option')].map((o) => o.value));
  assert.ok(gremien.includes('Integrationsrat'), `Vorschläge: ${gremien}`);
  const zeile = (await b.$$(tid('schritt'))).at(-1);
  await (await zeile.$(tid('schritt-gremium'))).setValue('Integrationsrat');
  await (await zeile.$(tid('kalender-oeffnen'))).click();
  const kalender = await b.$(tid('kalender'));
  await kalender.waitForDisplayed({ timeout: 3000 });
  assert.deepEqual(await barrieren(b), []);
  const monat = await (await b.$(tid('kalender-monat'))).getText();
  const tage = await b.$$(tid('kalender-tag'));
  await tage[14].click();
  const feld = await zeile.$(tid('schritt-datum'));
  const wert = await feld.getValue();
  const [tag, mm, jjjj] = wert.split('.');
  assert.equal(tag, '15');
  const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  assert.equal(`${MONATE[Number(mm) - 1]} ${jjjj}`, monat);
  assert.equal(await kalender.isExisting(), false, 'der Kalender blieb offen');
  await gespeichert(b);
  const id = await b.execute(() => Number(document.querySelector('[data-testid="vorlage-zeile"][aria-selected="true"]').dataset.id));
  // "Gespeichert" may still stand from the save of the Gremium while the date's save runs:
  // the store is read until both are there (or the wait ends and the assertion says what is).
  const schritt = () => JSON.parse(cli('vorlage', 'zeigen', String(id), '--json')).inhalt.beratungsfolge.at(-1);
  await b.waitUntil(async () => schritt().datum === `${jjjj}-${mm}-15`, { timeout: 10000 }).catch(() => {});
  assert.equal(schritt().gremium, 'Integrationsrat');
  assert.equal(schritt().datum, `${jjjj}-${mm}-15`);
});

test('a file dropped onto the editor becomes an Anlage', async () => {
  const b = app.browser;
  const vorher = (await b.$$(tid('anlage'))).length;
  // What the file manager hands over on a drop: a DataTransfer with a File.
  await b.execute(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['%PDF-1.4\n% Stellungnahme des Integrationsrates\n'], 'Stellungnahme Çalışkan.pdf', { type: 'application/pdf' }));
    const ziel = document.querySelector('[data-testid="editor"]');
    ziel.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    ziel.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await b.waitUntil(async () => (await b.$$(tid('anlage'))).length === vorher + 1, { timeout: 10000, timeoutMsg: 'keine Anlage nach dem Ablegen' });
  const namen = await b.execute(() => [...document.querySelectorAll('[data-testid="anlage"]')].map((z) => z.textContent));
  assert.ok(namen.some((n) => n.includes('Stellungnahme Çalışkan.pdf')), namen.join(' | '));
});

test('a Vorlage kept as a Muster starts a new draft with its content', async () => {
  const b = app.browser;
  await (await b.$(tid('weitere'))).click();
  await (await b.$(tid('als-muster'))).click();
  const name = await b.$(tid('muster-name'));
  await name.waitForDisplayed();
  await name.setValue('Interkulturelle Woche (jährlich)');
  await (await b.$(tid('muster-ok'))).click();
  await b.waitUntil(async () => !(await b.execute(() => document.getElementById('dialog').open)), { timeout: 5000 });
  // The same name twice is refused in the dialog, naming it.
  await (await b.$(tid('weitere'))).click();
  await (await b.$(tid('als-muster'))).click();
  await (await b.$(tid('muster-name'))).setValue('Interkulturelle Woche (jährlich)');
  await (await b.$(tid('muster-ok'))).click();
  await b.waitUntil(async () => /gibt es schon/.test(await (await b.$(tid('muster-fehler'))).getText()), { timeout: 5000 });
  await b.keys(['Escape']);

  const vorher = (await b.$$(tid('vorlage-zeile'))).length;
  await (await b.$(tid('aus-muster'))).click();
  await (await b.$(tid('muster-liste'))).waitForDisplayed({ timeout: 5000 });
  const zeilen = await b.$$(tid('muster-zeile'));
  assert.equal(zeilen.length, 1);
  assert.deepEqual(await barrieren(b), []);
  await (await zeilen[0].$(tid('muster-anlegen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length === vorher + 1, { timeout: 8000 });
  await b.waitUntil(async () => (await (await b.$(tid('feld-betreff'))).getValue()) === 'Interkulturelle Woche', { timeout: 8000 });
  const datum = await (await b.$$(tid('schritt-datum'))).at(-1).getValue();
  assert.equal(datum, '', 'das Datum der Beratung kam aus dem Muster mit');
  assert.equal(await b.execute(() => document.querySelectorAll('[data-testid="anlage"]').length), 0);
});

test('the Papierkorb lists a deleted draft and restores it', async () => {
  const b = app.browser;
  const vorher = (await b.$$(tid('vorlage-zeile'))).length;
  await (await b.$(tid('weitere'))).click();
  await (await b.$(tid('loeschen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length === vorher - 1, { timeout: 8000 });
  await (await b.$(tid('nav-einstellungen'))).click();
  const zeile = await b.$(tid('papierkorb-zeile'));
  await zeile.waitForDisplayed({ timeout: 8000 });
  assert.match(await zeile.getText(), /Vorlage.*Interkulturelle Woche/s);
  assert.deepEqual(await barrieren(b), []);
  await (await zeile.$(tid('papierkorb-wiederherstellen'))).click();
  await (await b.$(tid('papierkorb-leer'))).waitForDisplayed({ timeout: 8000 });
  await (await b.$(tid('nav-vorlagen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length === vorher, { timeout: 8000, timeoutMsg: 'nicht wiederhergestellt' });
});

test('a member is edited, their membership ended with a date, and taken back', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-gremien'))).click();
  await b.waitUntil(async () => (await b.$$(tid('gremium-eintrag'))).length > 0, { timeout: 10000 });
  for (const e of await b.$$(tid('gremium-eintrag'))) if ((await e.getText()).startsWith('Integrationsrat')) await e.click();
  await b.waitUntil(async () => (await (await b.$(tid('gremium-titel'))).getText()) === 'Integrationsrat' && (await b.$$(tid('mitglied-zeile'))).length > 0, { timeout: 10000, timeoutMsg: 'Integrationsrat nicht geöffnet' });
  const erste = (await b.$$(tid('mitglied-zeile')))[1];
  const name = (await (await erste.$(tid('mitglied-name'))).getText()).trim();
  await (await erste.$(tid('mitglied-bearbeiten'))).click();
  const email = await b.$(tid('person-email'));
  await email.waitForDisplayed();
  await email.setValue('neu.adresse@herne.example');
  // An impossible end date gets the core's message at the form, then a good one is kept.
  await (await b.$(tid('mitglied-bis'))).setValue('31022027');
  await (await b.$(tid('mitglied-hinzufuegen'))).click();
  await b.waitUntil(async () => /Mitglied bis/.test(await (await b.$(tid('mitglied-befunde'))).getText()), { timeout: 5000, timeoutMsg: 'keine Meldung zum Datum' });
  // One form, one change: the refused date left the e-mail address as it was, too.
  assert.ok(!JSON.parse(cli('person', 'liste', '--json')).some((p) => p.email === 'neu.adresse@herne.example'), 'halb gespeichert');
  await (await b.$(tid('mitglied-bis'))).clearValue();
  await (await b.$(tid('mitglied-hinzufuegen'))).click();
  await (await b.$(tid('mitglied-neu-form'))).waitForDisplayed({ timeout: 5000 });
  const personen = JSON.parse(cli('person', 'liste', '--json'));
  assert.ok(personen.some((p) => p.name === name && p.email === 'neu.adresse@herne.example'), 'E-Mail nicht gespeichert');

  const zeileVon = async () => { for (const z of await b.$$(tid('mitglied-zeile'))) if ((await (await z.$(tid('mitglied-name'))).getText()).trim() === name) return z; return null; };
  await (await (await zeileVon()).$(tid('mitglied-beenden'))).click();
  assert.match(await (await b.$(tid('bestaetigen-text'))).getText(), new RegExp(`${name} scheidet aus`));
  await (await b.$(tid('beenden-am'))).setValue('31.01.2027');
  await (await b.$(tid('bestaetigen'))).click();
  await b.waitUntil(async () => /bis 31\.01\.2027/.test(await (await (await zeileVon()).$(tid('mitglied-zeitraum'))).getText()), { timeout: 5000 });
  // The newest message's Rückgängig (an older one may still be on screen).
  await (await b.$$(tid('rueckgaengig'))).at(-1).click();
  await b.waitUntil(async () => !/bis|ausgeschieden/.test(await (await (await zeileVon()).$(tid('mitglied-zeitraum'))).getText()), { timeout: 5000, timeoutMsg: 'Rückgängig öffnete die Mitgliedschaft nicht' });
});

test('a Gremium\'s settings: Stellvertretung and Ladungsfrist changed, a refused value named at its field, Rückgängig puts them back', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-gremien'))).click();
  await b.waitUntil(async () => (await b.$$(tid('gremium-eintrag'))).length > 0, { timeout: 10000 });
  for (const e of await b.$$(tid('gremium-eintrag'))) if ((await e.getText()).startsWith('Integrationsrat')) await e.click();
  await b.waitUntil(async () => (await (await b.$(tid('gremium-titel'))).getText()) === 'Integrationsrat', { timeout: 10000 });
  const gremium = () => JSON.parse(cli('gremium', 'liste', '--json')).find((g) => g.name === 'Integrationsrat');
  const vorher = gremium();
  assert.equal(vorher.vertretung, 'liste');
  await (await b.$(tid('gremium-einstellungen-oeffnen'))).click();
  const frist = await b.$(tid('gremium-ladungsfrist'));
  await frist.waitForDisplayed({ timeout: 5000 });
  assert.equal(await frist.getValue(), String(vorher.ladungsfrist_tage));
  await (await b.$(tid('gremium-vertretung'))).selectByAttribute('value', 'persoenlich');
  await frist.setValue('61');
  await (await b.$(tid('gremium-speichern'))).click();
  await b.waitUntil(async () => /Ladungsfrist/.test(await (await b.$(tid('gremium-befunde'))).getText()), { timeout: 5000, timeoutMsg: 'keine Meldung zur Ladungsfrist' });
  // Refused: nothing changed, the dialog keeps what was typed.
  assert.deepEqual(gremium(), vorher);
  assert.equal(await (await b.$(tid('gremium-vertretung'))).getValue(), 'persoenlich');
  await frist.setValue('10');
  await (await b.$(tid('gremium-speichern'))).doubleClick();
  await b.waitUntil(async () => /Ladungsfrist 10 Tage/.test(await (await b.$(tid('gremium-angaben'))).getText()), { timeout: 5000, timeoutMsg: 'Angaben nicht neu' });
  assert.equal(await b.execute(() => document.getElementById('dialog').open), false);
  assert.equal(gremium().vertretung, 'persoenlich');
  assert.equal(gremium().ladungsfrist_tage, 10);
  assert.equal(await b.execute(() => document.activeElement.dataset.testid), 'gremium-einstellungen-oeffnen');
  await (await b.$$(tid('rueckgaengig'))).at(-1).click();
  await b.waitUntil(async () => gremium().ladungsfrist_tage === vorher.ladungsfrist_tage, { timeout: 5000, timeoutMsg: 'Rückgängig stellte nichts wieder her' });
  assert.deepEqual(gremium(), vorher);
});

test('a mistyped time zone is named at its field, then a corrected one is kept', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-einstellungen'))).click();
  const zone = await b.$(tid('feld-zeitzone'));
  await zone.waitForDisplayed({ timeout: 8000 });
  assert.equal(await zone.getValue(), 'Europe/Berlin');
  await zone.setValue('Europe/Berln');
  await (await b.$(tid('einstellungen-speichern'))).click();
  const meldung = () => b.execute(() => document.querySelector('[data-meldung-fuer="zeitzone"]')?.textContent || '');
  await b.waitUntil(async () => /„Europe\/Berln“ ist keine bekannte Zeitzone/.test(await meldung()), { timeout: 8000, timeoutMsg: 'keine Meldung an der Zeitzone' });
  assert.equal(await zone.getAttribute('aria-invalid'), 'true');
  // More typing: the hurried clerk completes the name and saves again.
  await zone.setValue('Europe/Vienna');
  await (await b.$(tid('einstellungen-speichern'))).click();
  await b.waitUntil(async () => (await meldung()) === '', { timeout: 8000, timeoutMsg: 'die Meldung blieb stehen' });
  await (await b.$(tid('nav-vorlagen'))).click();
  await (await b.$(tid('nav-einstellungen'))).click();
  await b.waitUntil(async () => (await (await b.$(tid('feld-zeitzone'))).getValue()) === 'Europe/Vienna', { timeout: 8000, timeoutMsg: 'Zeitzone nicht gespeichert' });
  await (await b.$(tid('feld-zeitzone'))).setValue('Europe/Berlin');
  await (await b.$(tid('einstellungen-speichern'))).click();
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('[data-feld="zeitzone"]')?.getAttribute('aria-invalid'))) === null, { timeout: 8000 });
});

test('"Zum Inhalt springen", the first stop of Tab, puts the keyboard into the area and leaves the area open', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-sitzungen'))).click();
  await b.waitUntil(async () => (await b.execute(() => location.hash)) === '#sitzungen', { timeout: 5000 });
  await b.execute(() => document.activeElement?.blur());
  await b.keys('Tab');
  assert.equal(await b.execute(() => document.activeElement?.textContent), 'Zum Inhalt springen');
  await b.keys('Enter');
  await b.waitUntil(async () => (await b.execute(() => document.activeElement?.id)) === 'hauptbereich', { timeout: 5000, timeoutMsg: 'Fokus nicht im Inhalt' });
  assert.equal(await b.execute(() => document.querySelector('[data-bereich][aria-current="page"]')?.dataset.bereich), 'sitzungen');
  assert.equal(await b.execute(() => location.hash), '#sitzungen');
});

test('the close button with input not yet saved: it is saved, then the window closes', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-vorlagen'))).click();
  await zeileOeffnen(b, 'Interkulturelle Woche');
  const id = await b.execute(() => Number(document.querySelector('[data-testid="vorlage-zeile"][aria-selected="true"]').dataset.id));
  await gespeichert(b);
  // Typed, then at once the close button: before the autosave's pause has passed.
  await b.execute(() => { window.setTimeout = ((alt) => (f, ms, ...r) => alt(f, ms === 600 ? 60000 : ms, ...r))(window.setTimeout); });
  await (await b.$(tid('feld-sachverhalt'))).setValue('Zuletzt getippt, dann gleich geschlossen.');
  // The window closes only once the typing is saved.
  await fensterSchliessen(b);
  const akte = JSON.parse(cli('vorlage', 'zeigen', String(id), '--json'));
  assert.equal(akte.inhalt.sachverhalt, 'Zuletzt getippt, dann gleich geschlossen.');
});
