// The PDF of a Vorlage in the real app: the preview (pdf.js) shows every page and its text
// — names in every script exactly —, "Signieren" asks for the certificate password and
// refuses a wrong one, "Speichern unter…" writes the signed bytes, which pdfsig accepts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
mkdirSync(path.join(wurzel, 'tests/e2e/artefakte'), { recursive: true });
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, wurzel } from './app.mjs';

const ordner = neuerOrdner('pdf');
const db = path.join(ordner, 'buero.sqlite');
const ablage = path.join(ordner, 'ablage');
const namen = JSON.parse(readFileSync(path.join(wurzel, 'tests/fixtures/namen.json'), 'utf8'));
let app;

const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
const openssl = (...args) => execFileSync('openssl', args, { cwd: ordner, stdio: 'pipe' });

before(async () => {
  mkdirSync(ablage);
  cli('einrichten', '--kommune', 'Stadt Herne');
  cli('vorlage', 'import', path.join(wurzel, 'tests/fixtures/namen.json'));
  openssl('req', '-utf8', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=Ayşe Yılmaz/O=Stadt Herne', '-keyout', 'k.pem', '-out', 'c.pem');
  openssl('pkcs12', '-export', '-passout', 'pass:Geheim-2026', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'zert.p12');
  app = await starteApp(ordner, { RATSBUERO_SPEICHERN_NACH: ablage });
});
after(async () => { await app?.beenden(); });

async function vorschauText(b) {
  return b.execute(() => [...document.querySelectorAll('[data-testid="pdf-seitentext"]')].map((e) => e.textContent).join('\n'));
}

test('the preview shows every page, with the names exactly as entered', async () => {
  const b = app.browser;
  const zeile = await b.$(tid('vorlage-zeile'));
  await zeile.waitForDisplayed({ timeout: 15000 });
  await (await zeile.$('td')).click();
  await (await b.$(tid('pdf'))).click();
  const stand = await b.$(tid('pdf-stand'));
  await b.waitUntil(async () => /^\d+ Seiten?$/.test(await stand.getText()), { timeout: 20000, timeoutMsg: 'Vorschau blieb aus' });
  const seiten = await b.$$(tid('pdf-seite'));
  assert.equal(`${seiten.length} ${seiten.length === 1 ? 'Seite' : 'Seiten'}`, await stand.getText());
  // Each page is drawn: the canvas has ink, not only white.
  const tinte = await b.execute(() => [...document.querySelectorAll('[data-testid="pdf-seite"] canvas')].map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let dunkel = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 128) dunkel += 1;
    return dunkel;
  }));
  assert.ok(tinte.every((n) => n > 500), `leere Seite in der Vorschau: ${tinte}`);
  const text = await vorschauText(b);
  assert.match(text, /nichtöffentlich/);
  for (const name of ['Ayşe Yılmaz', 'Łukasz Żółkiewski', 'Смирнова', 'Παπαδόπουλος', 'Nguyễn']) {
    assert.ok(text.includes(name), `„${name}“ fehlt im Text der Vorschau`);
  }
  assert.ok(text.includes(namen.betreff.slice(0, 30)), 'Betreff fehlt');
  await b.saveScreenshot(path.join(wurzel, 'tests/e2e/artefakte/pdf-vorschau.png'));
  const v = await barrieren(b);
  assert.deepEqual(v, [], `PDF-Vorschau: axe-core meldet ${JSON.stringify(v, null, 1)}`);
  await (await b.$(tid('pdf-schliessen'))).click();
});

test('signing asks for the password, refuses a wrong one, and saves a valid signed PDF', async () => {
  const b = app.browser;
  // Without a certificate, signing says where to choose one.
  await (await b.$(tid('pdf'))).click();
  await b.waitUntil(async () => /Seite/.test(await (await b.$(tid('pdf-stand'))).getText()), { timeout: 20000 });
  await (await b.$(tid('pdf-signieren'))).click();
  await (await b.$(tid('kennwort'))).setValue('egal');
  await (await b.$(tid('signieren-ok'))).click();
  const fehler = await b.$(tid('kennwort-fehler'));
  await b.waitUntil(async () => /Einstellungen/.test(await fehler.getText()), { timeout: 10000, timeoutMsg: 'kein Hinweis auf das fehlende Zertifikat' });
  await b.keys('Escape');
  await (await b.$(tid('pdf-schliessen'))).click();

  // Choose the certificate in the settings.
  await (await b.$(tid('nav-einstellungen'))).click();
  const zfeld = await b.$(tid('feld-zertifikat'));
  await zfeld.waitForDisplayed();
  await zfeld.setValue(path.join(ordner, 'c.pem'));
  await (await b.$(tid('zertifikat-uebernehmen'))).click();
  const zmeldung = await b.$('[data-meldung-fuer="zertifikat"]');
  await b.waitUntil(async () => /keine PKCS#12-Datei/.test(await zmeldung.getText()), { timeout: 10000, timeoutMsg: 'PEM-Datei nicht abgewiesen' });
  await zfeld.setValue(path.join(ordner, 'zert.p12'));
  await (await b.$(tid('zertifikat-uebernehmen'))).click();
  await b.waitUntil(async () => (await zmeldung.getText()) === '', { timeout: 10000 });

  await (await b.$(tid('nav-vorlagen'))).click();
  const zeile = await b.$(tid('vorlage-zeile'));
  await zeile.waitForDisplayed({ timeout: 15000 });
  await (await zeile.$('td')).click();
  await (await b.$(tid('pdf'))).click();
  await b.waitUntil(async () => /Seite/.test(await (await b.$(tid('pdf-stand'))).getText()), { timeout: 20000 });
  await (await b.$(tid('pdf-signieren'))).click();
  await (await b.$(tid('kennwort'))).setValue('falsch');
  await (await b.$(tid('signieren-ok'))).click();
  await b.waitUntil(async () => /Kennwort/.test(await fehler.getText()), { timeout: 10000, timeoutMsg: 'falsches Kennwort nicht gemeldet' });
  assert.equal(await (await b.$(tid('pdf-signiert'))).isDisplayed(), false);

  await (await b.$(tid('kennwort'))).setValue('Geheim-2026');
  await (await b.$(tid('signieren-ok'))).click();
  await (await b.$(tid('pdf-signiert'))).waitForDisplayed({ timeout: 20000 });
  await (await b.$(tid('pdf-speichern'))).click();
  const datei = path.join(ablage, 'Vorlage_Entwurf_1_signiert.pdf');
  await b.waitUntil(() => existsSync(datei), { timeout: 10000, timeoutMsg: `${datei} wurde nicht geschrieben` });
  let bericht = '';
  try { bericht = execFileSync('pdfsig', [datei], { encoding: 'utf8' }); } catch (e) { bericht = `${e.stdout}${e.stderr}`; }
  assert.match(bericht, /Signature is Valid/, bericht);
  assert.match(bericht, /Total document signed/, bericht);
  assert.match(bericht, /Ayşe Yılmaz/, bericht);
});

test('"Als Word exportieren…" writes the Vorlage as a Word file with the names as entered', async () => {
  const b = app.browser;
  await (await b.$(tid('pdf-schliessen'))).click().catch(() => {});
  await (await b.$(tid('weitere'))).click();
  await (await b.$(tid('als-word'))).click();
  const datei = path.join(ablage, 'Vorlage_Entwurf_1.docx');
  await b.waitUntil(() => existsSync(datei), { timeout: 15000, timeoutMsg: `${datei} wurde nicht geschrieben` });
  await b.waitUntil(async () => /Als Word-Datei gespeichert/.test(await (await b.$(tid('meldungen'))).getText()), { timeout: 10000, timeoutMsg: 'keine Bestätigung' });
  const dokument = execFileSync('python3', ['-c', "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())", datei], { encoding: 'utf8' });
  for (const name of ['Ayşe Yılmaz', 'Łukasz Żółkiewski', 'Nguyễn Thị Hồng', 'Елена Смирнова', 'Γιώργος Παπαδόπουλος']) {
    assert.ok(dokument.includes(name), `„${name}“ fehlt in der Word-Datei`);
  }
});

test('an Arabic name typed into the editor is in the PDF preview as typed', async () => {
  const b = app.browser;
  const feld = await b.$(tid('feld-bearbeiter'));
  await feld.waitForDisplayed({ timeout: 10000 });
  assert.equal(await feld.getAttribute('dir'), 'auto');
  await feld.setValue('محمد الأحمد');
  await (await b.$(tid('speichern'))).click();
  await b.waitUntil(async () => /Gespeichert/.test(await (await b.$(tid('speicherstand'))).getText()), { timeout: 10000, timeoutMsg: 'nicht gespeichert' });
  await (await b.$(tid('pdf'))).click();
  await b.waitUntil(async () => /^\d+ Seiten?$/.test(await (await b.$(tid('pdf-stand'))).getText()), { timeout: 20000, timeoutMsg: 'Vorschau blieb aus' });
  await b.waitUntil(async () => (await vorschauText(b)).length > 100, { timeout: 10000 });
  const text = await vorschauText(b);
  assert.ok(text.includes('محمد الأحمد'), `„محمد الأحمد“ fehlt in der Vorschau: ${text.slice(0, 400)}`);
  await b.saveScreenshot(path.join(wurzel, 'tests/e2e/artefakte/pdf-vorschau-arabisch.png'));
  await (await b.$(tid('pdf-schliessen'))).click();
});

test('a Tigrinya name (Ethiopic script) typed into the editor is on screen and in the PDF preview as typed', async () => {
  const b = app.browser;
  const name = 'ዮሃንስ ተስፋይ';
  const feld = await b.$(tid('feld-bearbeiter'));
  await feld.waitForDisplayed({ timeout: 10000 });
  await feld.clearValue();
  await feld.setValue(name);
  assert.equal(await feld.getValue(), name);
  await (await b.$(tid('speichern'))).click();
  await b.waitUntil(async () => /Gespeichert/.test(await (await b.$(tid('speicherstand'))).getText()), { timeout: 10000, timeoutMsg: 'nicht gespeichert' });
  // No message at the field („kann nicht gedruckt werden“): the PDF fonts have Ethiopic.
  assert.equal(await (await b.$('[data-meldung-fuer="bearbeiter"]')).getText(), '');
  await b.saveScreenshot(path.join(wurzel, 'tests/e2e/artefakte/editor-tigrinya.png'));
  await (await b.$(tid('pdf'))).click();
  await b.waitUntil(async () => /^\d+ Seiten?$/.test(await (await b.$(tid('pdf-stand'))).getText()), { timeout: 20000, timeoutMsg: 'Vorschau blieb aus' });
  await b.waitUntil(async () => (await vorschauText(b)).includes(name), { timeout: 10000, timeoutMsg: `„${name}“ fehlt in der Vorschau` });
  await b.saveScreenshot(path.join(wurzel, 'tests/e2e/artefakte/pdf-vorschau-tigrinya.png'));
  await (await b.$(tid('pdf-schliessen'))).click();
});
