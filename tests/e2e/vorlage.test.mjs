// End to end in the real webview: set up the office, draft a Vorlage through every part of
// the editor, release it, restart the app, find it by search. axe-core checks each screen.
// The runner runs this file on the file and on the PostgreSQL server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, wurzel, neueVorlage } from './app.mjs';

const ordner = neuerOrdner('vorlage');
const artefakte = path.join(wurzel, 'tests/e2e/artefakte');
mkdirSync(artefakte, { recursive: true });
let app;
// WebKitWebDriver drops a typed "\n"; the Enter key makes the line break.
const ENTER = '\uE007';

async function barrierefrei(browser, screen) {
  const v = await barrieren(browser);
  assert.deepEqual(v, [], `${screen}: axe-core meldet ${JSON.stringify(v, null, 1)}`);
}

async function warteGespeichert(browser) {
  const stand = await browser.$(tid('speicherstand'));
  await browser.waitUntil(async () => (await stand.getText()).startsWith('Gespeichert'), { timeout: 10000, timeoutMsg: 'Autosave blieb aus' });
}

before(async () => { app = await starteApp(ordner); });
after(async () => { await app?.beenden(); });

test('first start offers the defaults and asks for the Kommune', async () => {
  const b = app.browser;
  const dialog = await b.$(tid('einrichtung'));
  await dialog.waitForDisplayed({ timeout: 15000 });
  assert.equal(await (await b.$('[data-feld="nummernschema"]')).getValue(), '{jahr}/{nr:04}');
  await barrierefrei(b, 'Einrichtung');
  await (await b.$(tid('einrichtung-speichern'))).click();
  // Without a Kommune the dialog stays and says so at the field.
  const meldung = await b.$('[data-meldung-fuer="kommune"]');
  await b.waitUntil(async () => (await meldung.getText()) === 'Kommune fehlt.');
  await (await b.$('[data-feld="kommune"]')).setValue('Stadt Herne');
  await (await b.$(tid('einrichtung-speichern'))).click();
  await (await b.$(tid('liste-leer'))).waitForDisplayed();
  assert.match(await (await b.$(tid('buero-name'))).getText(), /Stadt Herne/);
  await barrierefrei(b, 'Vorlagenliste');
});

test('a Vorlage is drafted in every part, checked live, autosaved and released', async () => {
  const b = app.browser;
  const betreff = await neueVorlage(b);
  await b.waitUntil(async () => (await b.execute(() => document.activeElement?.dataset?.feld)) === 'betreff', { timeout: 5000, timeoutMsg: 'Betreff nicht fokussiert' });
  await betreff.setValue('Entsendung in die AG Integrationsräte Kreis Recklinghausen');
  await (await b.$(tid('feld-art'))).selectByAttribute('value', 'beschlussvorlage');
  await (await b.$(tid('feld-status'))).selectByAttribute('value', 'oeffentlich');
  await (await b.$(tid('feld-verfasser'))).setValue('Radojka Mühlenkamp');
  await (await b.$(tid('feld-federfuehrend'))).setValue('Büro Integrationsrat');
  await (await b.$(tid('feld-bearbeiter'))).setValue('Nguyễn Thị Hồng');

  for (const [gremium, rolle, datum] of [['Integrationsrat', 'vorberatung', '03.12.2026'], ['Rat der Stadt', 'entscheidung', '17.12.2026']]) {
    await (await b.$(tid('schritt-neu'))).click();
    const zeilen = await b.$$(tid('schritt'));
    const z = zeilen[zeilen.length - 1];
    await (await z.$(tid('schritt-gremium'))).setValue(gremium);
    await (await z.$(tid('schritt-rolle'))).selectByAttribute('value', rolle);
    // Typed digit by digit, in German, whatever the system locale is.
    await (await z.$(tid('schritt-datum'))).setValue(datum);
  }
  await (await (await b.$$(tid('schritt')))[0].$(tid('schritt-ergebnis'))).setValue('einstimmig empfohlen');

  // Finance table with live sum check: "darin enthalten" above the total is refused.
  await (await b.$(tid('finanzen-folgende'))).click();
  await (await b.$(tid('betrag-aufwand_einmalig'))).setValue('1.000,00');
  await (await b.$(tid('betrag-aufwand_jaehrlich'))).setValue('250');
  await (await b.$(tid('betrag-transferaufwand'))).setValue('2.000,00');
  const darinMeldung = await b.$('[data-meldung-fuer="finanzen.aufwand_darin"]');
  await b.waitUntil(async () => (await darinMeldung.getText()).includes('übersteigen'), { timeout: 8000, timeoutMsg: 'keine Summenprüfung' });
  // Saved as typed; the wrong sum blocks only the release.
  await b.waitUntil(async () => /Gespeichert .* prüfen/.test(await (await b.$(tid('speicherstand'))).getText()), { timeout: 8000, timeoutMsg: 'Entwurf mit falscher Summe nicht gespeichert' });
  await (await b.$(tid('betrag-transferaufwand'))).setValue('1.250,00');
  const summe = await b.$(tid('summe-aufwand'));
  await b.waitUntil(async () => (await summe.getText()) === 'Aufwand gesamt 1.250,00 €, darin enthalten 1.250,00 €', { timeout: 8000 });
  await (await b.$(tid('betrag-zuschuesse'))).setValue('0');
  await (await b.$(tid('haushaltsmittel-verfuegbar'))).click();

  // A negative climate rating needs the Alternativenprüfung as Anlage.
  await (await b.$(tid('klima-negativ'))).click();
  await (await b.$(tid('feld-beschlussvorschlag'))).setValue(`Der Integrationsrat entsendet folgende Mitglieder in die Arbeitsgemeinschaft der Integrationsräte:${ENTER}1. Ayşe Yılmaz${ENTER}2. Łukasz Wiśniewski`);
  await (await b.$(tid('feld-sachverhalt'))).setValue(`Die AG Integrationsräte tagt mindestens zweimal jährlich.${ENTER}${ENTER}- Erfahrungsaustausch${ENTER}- Interessenvertretung`);
  await warteGespeichert(b);
  const befunde = await b.$(tid('befunde'));
  assert.match(await befunde.getText(), /Alternativenprüfung/);
  await barrierefrei(b, 'Editor');
  await b.saveScreenshot(path.join(artefakte, 'editor.png'));

  const pdf = path.join(ordner, 'Alternativenpruefung.pdf');
  writeFileSync(pdf, '%PDF-1.4\n% Alternativenprüfung Klima\n');
  await (await b.$(tid('anlage-datei'))).setValue(pdf);
  const anlage = await b.$(tid('anlage'));
  await anlage.waitForDisplayed({ timeout: 10000 });
  assert.match(await anlage.getText(), /Alternativenpruefung\.pdf/);
  await (await b.$(tid('anlage-alternativenpruefung'))).click();
  await b.waitUntil(async () => (await b.$(tid('anlage-alternativenpruefung'))).isSelected(), { timeout: 8000 });
  await b.waitUntil(async () => !(await (await b.$(tid('befunde'))).getText()).includes('Alternativenprüfung'), { timeout: 8000, timeoutMsg: 'Befund blieb' });

  await (await b.$(tid('freigeben'))).click();
  const titel = await b.$(tid('editor-titel'));
  const jahr = new Date().getFullYear();
  await b.waitUntil(async () => (await titel.getText()).includes(`Vorlage ${jahr}/0001`), { timeout: 10000, timeoutMsg: 'nicht freigegeben' });
  assert.equal(await b.execute(() => document.querySelector('[data-testid="feld-betreff"]').matches(':disabled')), true, 'freigegebene Vorlage ist noch bearbeitbar');
  await barrierefrei(b, 'Editor (freigegeben)');
});

test('after a restart the released Vorlage is found by search, with every part kept', async () => {
  await app.beenden();
  app = await starteApp(ordner);
  const b = app.browser;
  const suche = await b.$(tid('vorlagen-suche'));
  await suche.waitForDisplayed({ timeout: 15000 });
  await b.keys(['Control', 'f']);
  await suche.setValue('muehlenkamp');
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length === 1, { timeout: 8000 });
  await suche.setValue('zzz-nichts');
  await (await b.$(tid('liste-leer'))).waitForDisplayed();
  await suche.setValue('integrationsrat');
  await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length === 1, { timeout: 8000 });
  await (await (await b.$(tid('vorlage-zeile'))).$('td')).click();
  await b.waitUntil(async () => (await (await b.$(tid('editor-titel'))).getText()).includes('/0001'));
  assert.equal(await (await b.$(tid('feld-bearbeiter'))).getValue(), 'Nguyễn Thị Hồng');
  assert.equal(await (await b.$(tid('betrag-transferaufwand'))).getValue(), '1.250,00');
  assert.equal(await (await b.$(tid('klima-negativ'))).isSelected(), true);
  const schritte = await b.$$(tid('schritt'));
  assert.equal(schritte.length, 2);
  assert.equal(await (await schritte[1].$(tid('schritt-datum'))).getValue(), '17.12.2026');
  assert.equal(await (await schritte[0].$(tid('schritt-ergebnis'))).getValue(), 'einstimmig empfohlen');
  assert.equal(await (await b.$(tid('feld-beschlussvorschlag'))).getValue(), 'Der Integrationsrat entsendet folgende Mitglieder in die Arbeitsgemeinschaft der Integrationsräte:\n1. Ayşe Yılmaz\n2. Łukasz Wiśniewski');
  assert.match(await (await b.$(tid('feld-sachverhalt'))).getValue(), /jährlich\.\n\n- Erfahrungsaustausch\n- Interessenvertretung$/);
  assert.match(await (await b.$(tid('anlage'))).getText(), /Alternativenpruefung\.pdf/);
  await (await b.$(tid('nav-einstellungen'))).click();
  await (await b.$(tid('einstellungen-buero'))).waitForDisplayed();
  await barrierefrei(b, 'Einstellungen');
});
