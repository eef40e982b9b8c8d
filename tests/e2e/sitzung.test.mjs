// A Sitzung in the real app: build one with two TOPs (a Vorlage and a plain item),
// reorder them (buttons and drag and drop), print the session packet (progress bar, then
// the preview), save it and read it with pdftotext; then results, attendance, closing and
// the Niederschrift. The office is the demo office (members in six scripts). The runner
// runs this file on the file and on the PostgreSQL server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, wurzel, bueroDb } from './app.mjs';

const ordner = neuerOrdner('sitzung');
const db = bueroDb(ordner);
const ablage = path.join(ordner, 'ablage');
let app;

const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });

before(async () => {
  mkdirSync(ablage);
  mkdirSync(path.join(wurzel, 'tests/e2e/artefakte'), { recursive: true });
  cli('einrichten', '--kommune', 'Stadt Herne');
  cli('demo');
  // This workstation's signing certificate, as chosen in the settings.
  const openssl = (...args) => execFileSync('openssl', args, { cwd: ordner, stdio: 'pipe' });
  openssl('req', '-utf8', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=Dragana Petrović/O=Stadt Herne', '-keyout', 'k.pem', '-out', 'c.pem');
  openssl('pkcs12', '-export', '-passout', 'pass:Geheim-2026', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'zert.p12');
  const konfig = path.join(ordner, 'config', 'de.ratsbuero.desktop');
  mkdirSync(konfig, { recursive: true });
  writeFileSync(path.join(konfig, 'einstellungen.json'), JSON.stringify({ zertifikat_pfad: path.join(ordner, 'zert.p12') }));
  app = await starteApp(ordner, { RATSBUERO_SPEICHERN_NACH: ablage });
});
after(async () => { await app?.beenden(); });

const titel = (b) => b.execute(() => [...document.querySelectorAll('[data-testid="tops-oeffentlich"] [data-testid="top-titel"]')].map((e) => e.firstChild.textContent));
const nummern = (b) => b.execute(() => [...document.querySelectorAll('[data-testid="tops-oeffentlich"] [data-testid="top-nummer"]')].map((e) => e.textContent));

async function vorschauText(b) {
  return b.execute(() => [...document.querySelectorAll('[data-testid="pdf-seitentext"]')].map((e) => e.textContent).join('\n'));
}

test('build a Sitzung with two TOPs and print the packet', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-vorlagen'))).waitForDisplayed({ timeout: 15000 });
  await (await b.$(tid('nav-sitzungen'))).click();
  await (await b.$(tid('sitzung-zeile'))).waitForDisplayed({ timeout: 15000 });
  assert.equal((await b.$$(tid('sitzung-zeile'))).length, 2, 'die zwei Sitzungen der Beispieldaten');

  await (await b.$(tid('sitzung-neu'))).click();
  const kopf = await b.$(tid('sitzung-titel'));
  await b.waitUntil(async () => (await kopf.getText()) === '3. Sitzung – Integrationsrat', { timeout: 10000, timeoutMsg: 'neue Sitzung nicht geöffnet' });
  const ort = await b.$(tid('sitzung-ort'));
  await ort.addValue('Rathaus Herne, Raum 214');
  await b.keys('Tab');
  const liste = await b.$(tid('sitzungen-liste'));
  await b.waitUntil(async () => /3\.\s*\d\d\.\d\d\.\d{4}\s*\d\d:\d\d Uhr\s*Rathaus Herne, Raum 214/.test(await liste.getText()), { timeout: 10000, timeoutMsg: 'Ort nicht gespeichert' });

  // TOP 1: a Vorlage; TOP 2: a plain item.
  await (await b.$(tid('top-vorlage-oeffentlich'))).selectByIndex(1);
  const vorlageText = await (await b.$(`${tid('top-vorlage-oeffentlich')} option:nth-child(2)`)).getText();
  // The picker marks a draft for what it is.
  assert.match(vorlageText, /^\[Entwurf, nicht freigegeben\] /);
  const betreff = vorlageText.replace(/^\[Entwurf, nicht freigegeben\] /, '');
  await (await b.$(tid('top-hinzufuegen-oeffentlich'))).click();
  await b.waitUntil(async () => (await titel(b)).length === 1, { timeout: 10000, timeoutMsg: 'erster TOP fehlt' });
  await (await b.$(tid('top-titel-oeffentlich'))).setValue('Mitteilungen der Verwaltung');
  await (await b.$(tid('top-hinzufuegen-oeffentlich'))).click();
  await b.waitUntil(async () => (await titel(b)).length === 2, { timeout: 10000, timeoutMsg: 'zweiter TOP fehlt' });
  assert.deepEqual(await titel(b), [betreff, 'Mitteilungen der Verwaltung']);
  assert.deepEqual(await nummern(b), ['Ö 1', 'Ö 2']);

  // Reorder by keyboard button …
  const hoch = (await b.$$(`${tid('tops-oeffentlich')} ${tid('top-hoch')}`))[1];
  await hoch.click();
  await b.waitUntil(async () => (await titel(b))[0] === 'Mitteilungen der Verwaltung', { timeout: 10000, timeoutMsg: '↑ hat nicht verschoben' });
  // … and back by drag and drop (the events the webview sends when a TOP is dropped).
  await b.execute(() => {
    const liste = document.querySelector('[data-testid="tops-oeffentlich"]');
    const [erster, zweiter] = liste.querySelectorAll('li[data-top]');
    const daten = new DataTransfer();
    erster.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: daten }));
    const r = zweiter.getBoundingClientRect();
    liste.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, clientY: r.bottom - 2, dataTransfer: daten }));
    liste.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, clientY: r.bottom - 2, dataTransfer: daten }));
  });
  await b.waitUntil(async () => (await titel(b))[1] === 'Mitteilungen der Verwaltung', { timeout: 10000, timeoutMsg: 'Ziehen und Ablegen hat nicht verschoben' });
  assert.deepEqual(await nummern(b), ['Ö 1', 'Ö 2']);

  const v = await barrieren(b);
  assert.deepEqual(v, [], `Sitzungen: axe-core meldet ${JSON.stringify(v, null, 1)}`);
  await b.saveScreenshot(path.join(wurzel, 'tests/e2e/artefakte/sitzung.png'));

  // Print the packet: the preview shows it; the progress bar has been fed by Rust.
  await b.execute(() => {
    window.__schritte = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="pdf-fortschritt"]');
      if (p && !p.hidden) window.__schritte.push(`${p.value}/${p.max}`);
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value', 'hidden'] });
  });
  await (await b.$(tid('paket-mitglieder'))).click();
  // The Vorlage on Ö 1 is still a draft: the app asks before it goes into the packet.
  const frage = await b.$(tid('bestaetigen-text'));
  await frage.waitForDisplayed({ timeout: 10000 });
  assert.match(await frage.getText(), /Ein TOP hat eine Vorlage, die noch nicht freigegeben ist \(Ö \d\)/);
  await (await b.$(tid('bestaetigen'))).click();
  const stand = await b.$(tid('pdf-stand'));
  await b.waitUntil(async () => /^\d+ Seiten?$/.test(await stand.getText()), { timeout: 30000, timeoutMsg: 'Sitzungspaket blieb aus' });
  const schritte = await b.execute(() => window.__schritte);
  assert.ok(schritte.length >= 2, `Fortschritt nicht gemeldet: ${schritte}`);
  assert.equal(await (await b.$(tid('pdf-fortschritt'))).isDisplayed(), false);
  const text = await vorschauText(b);
  for (const teil of ['Einladung zur 3. Sitzung', 'Mitteilungen der Verwaltung', betreff.slice(0, 30), 'Rathaus Herne, Raum 214']) {
    assert.ok(text.replace(/\s+/g, ' ').includes(teil), `„${teil}“ fehlt im Sitzungspaket`);
  }
  await (await b.$(tid('pdf-speichern'))).click();
  const datei = path.join(ablage, 'Sitzungspaket_IR_3_mitglieder.pdf');
  await b.waitUntil(() => existsSync(datei), { timeout: 10000, timeoutMsg: `${datei} fehlt: ${readdirSync(ablage)}` });
  execFileSync('qpdf', ['--check', datei]);
  const gedruckt = execFileSync('pdftotext', [datei, '-'], { encoding: 'utf8' });
  assert.match(gedruckt, /Mitteilungen der Verwaltung/);
  await (await b.$(tid('pdf-schliessen'))).click();
});

test('Gremien & Personen: a new member in another script joins and is sorted by family name', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-gremien'))).click();
  await (await b.$(tid('gremium-titel'))).waitForDisplayed({ timeout: 10000 });
  assert.equal(await (await b.$(tid('gremium-titel'))).getText(), 'AG Integrationsräte Kreis Recklinghausen');
  await (await b.$$(tid('gremium-eintrag')))[1].click();
  await b.waitUntil(async () => (await (await b.$(tid('gremium-titel'))).getText()) === 'Integrationsrat', { timeout: 10000 });
  await (await b.$(tid('person-vorname'))).addValue('Đặng Văn');
  await (await b.$(tid('person-nachname'))).addValue('Ánh');
  await (await b.$(tid('mitglied-hinzufuegen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('mitglied-zeile'))).length === 10, { timeout: 10000, timeoutMsg: 'Mitglied nicht eingetragen' });
  const namen = await b.execute(() => [...document.querySelectorAll('[data-testid="mitglied-zeile"] [data-testid="mitglied-name"]')].map((td) => td.textContent));
  // Chair and deputy first, then by family name: "Ánh" sorts with A, before Barszap.
  assert.deepEqual(namen.slice(0, 4), ['Ayşe Yılmaz', 'Łukasz Żółkiewski', 'Đặng Văn Ánh', 'Michael Barszap']);
  // Without a family name: the core's German message, nothing written.
  await (await b.$(tid('person-vorname'))).addValue('Ohne');
  await (await b.$(tid('mitglied-hinzufuegen'))).click();
  await b.waitUntil(async () => /Nachname fehlt/.test(await (await b.$(tid('mitglied-befunde'))).getText()), { timeout: 10000, timeoutMsg: 'keine Meldung' });
  assert.equal((await b.$$(tid('mitglied-zeile'))).length, 10);
  const v = await barrieren(b);
  assert.deepEqual(v, [], `Gremien: axe-core meldet ${JSON.stringify(v, null, 1)}`);
  await (await b.$(tid('nav-sitzungen'))).click();
  await (await b.$(tid('sitzung-zeile'))).waitForDisplayed({ timeout: 10000 });
  const zeilen = await b.$$(tid('sitzung-zeile'));
  for (const z of zeilen) if (/^3\./.test(await z.getText())) await (await z.$('td')).click();
  await b.waitUntil(async () => (await (await b.$(tid('sitzung-titel'))).getText()).startsWith('3. Sitzung'), { timeout: 10000 });
});

test('results, attendance and closing give the Niederschrift', async () => {
  const b = app.browser;
  // The Sitzung lies two weeks ahead: no result can be recorded yet.
  await (await b.$$(`${tid('tops-oeffentlich')} ${tid('top-ergebnis')}`))[0].selectByAttribute('value', 'beschlossen');
  const hinweise = await b.$(tid('sitzung-befunde'));
  await b.waitUntil(async () => /hat noch nicht stattgefunden/.test(await hinweise.getText()), { timeout: 10000, timeoutMsg: 'Ergebnis in der Zukunft angenommen' });
  // "Warum?" beside the message opens the Handbuch at the section that gives the rule.
  await (await b.$(`${tid('meldung-fehler')} ${tid('warum')}`)).click();
  const handbuch = await b.$(tid('handbuch-seite'));
  await handbuch.waitForDisplayed({ timeout: 5000 });
  assert.equal(await handbuch.getAttribute('data-seite'), 'sitzung.md');
  const imBlick = await b.execute(() => {
    const k = document.getElementById('hb-am-sitzungstag')?.getBoundingClientRect();
    const s = document.querySelector('[data-testid="handbuch-seite"]').getBoundingClientRect();
    return !!k && k.top >= s.top - 1 && k.top < s.bottom;
  });
  assert.ok(imBlick, '„Am Sitzungstag“ steht nicht im Blick');
  await (await b.$(tid('hilfe-schliessen'))).click();
  // It took place today (the date typed in German).
  const heute = new Date().toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
  await b.execute(() => { document.querySelector('[data-testid="sitzung-beginn"]').select(); });
  await b.keys(heute.split(''));
  await b.keys('Tab');
  await b.waitUntil(async () => (await (await b.$(tid('sitzung-beginn'))).getValue()) === heute && (await hinweise.getText()) === '' || !/nicht stattgefunden/.test(await hinweise.getText()), { timeout: 10000 });
  await b.waitUntil(async () => (await b.execute(() => document.querySelector('[data-testid="sitzungen-liste"]').textContent)).includes(heute), { timeout: 10000, timeoutMsg: 'Beginn nicht geändert' });
  const ergebnis = (await b.$$(`${tid('tops-oeffentlich')} ${tid('top-ergebnis')}`))[0];
  await ergebnis.selectByAttribute('value', 'beschlossen');
  await b.waitUntil(async () => (await (await b.$$(`${tid('tops-oeffentlich')} ${tid('top-ergebnis')}`))[0].getValue()) === 'beschlossen', { timeout: 10000 });
  const status = await b.$$(tid('anwesenheit-status'));
  assert.ok(status.length >= 10, 'Mitglieder fehlen');
  await status[0].selectByAttribute('value', 'anwesend');
  await b.waitUntil(async () => (await (await b.$$(tid('anwesenheit-status')))[0].getValue()) === 'anwesend', { timeout: 10000 });

  // Closing without a Schriftführung is refused with a message naming it. The end time is
  // typed and the button pressed at once, held as a hand holds it: leaving the field saves
  // and redraws the Sitzung while the button is down, and the click still counts.
  await (await b.$(tid('sitzung-ende'))).setValue('19:30');
  const abschliessen = await b.$(tid('sitzung-abschliessen'));
  await abschliessen.scrollIntoView({ block: 'center' });
  await b.action('pointer').move({ origin: abschliessen }).down().pause(600).up().perform();
  const befunde = await b.$(tid('sitzung-befunde'));
  await b.waitUntil(async () => /Schriftführung fehlt/.test(await befunde.getText()), { timeout: 10000, timeoutMsg: `keine Meldung zur Schriftführung: „${await befunde.getText()}“` });
  await (await b.$(tid('sitzung-schriftfuehrung'))).setValue('Małgorzata Kowalczyk');
  await (await b.$(tid('sitzung-abschliessen'))).click();
  await b.waitUntil(async () => (await (await b.$(tid('sitzung-stand'))).getText()) === 'durchgeführt', { timeout: 10000, timeoutMsg: 'Sitzung nicht abgeschlossen' });
  assert.equal((await b.$$(tid('top-hinzufuegen-oeffentlich'))).length, 0, 'Tagesordnung einer durchgeführten Sitzung ist noch änderbar');

  await (await b.$(tid('niederschrift'))).click();
  const stand = await b.$(tid('pdf-stand'));
  await b.waitUntil(async () => /^\d+ Seiten?$/.test(await stand.getText()), { timeout: 30000, timeoutMsg: 'Niederschrift blieb aus' });
  const text = (await vorschauText(b)).replace(/\s+/g, ' ');
  for (const teil of ['Niederschrift über die 3. Sitzung des Integrationsrates', 'Ayşe Yılmaz', 'Ergebnis: beschlossen', 'Małgorzata Kowalczyk', 'Ohne Angabe:', 'Елена Смирнова']) {
    assert.ok(text.includes(teil), `„${teil}“ fehlt in der Niederschrift`);
  }
  // Signed as it is on screen; "Speichern unter…" then writes the signed one.
  await (await b.$(tid('pdf-signieren'))).click();
  await (await b.$(tid('kennwort'))).setValue('Geheim-2026');
  await (await b.$(tid('signieren-ok'))).click();
  await (await b.$(tid('pdf-signiert'))).waitForDisplayed({ timeout: 20000 });
  await (await b.$(tid('pdf-speichern'))).click();
  const signiert = () => readdirSync(ablage).find((n) => /^Niederschrift.*_signiert\.pdf$/.test(n));
  await b.waitUntil(() => signiert() !== undefined, { timeout: 10000, timeoutMsg: `keine signierte Niederschrift in ${readdirSync(ablage).join(', ')}` });
  let bericht = '';
  try { bericht = execFileSync('pdfsig', [path.join(ablage, signiert())], { encoding: 'utf8' }); } catch (e) { bericht = `${e.stdout}${e.stderr}`; }
  assert.match(bericht, /Signature is Valid/, bericht);
  assert.match(bericht, /Dragana Petrović/, bericht);
  await (await b.$(tid('pdf-schliessen'))).click();
});
