// The search as a German speaker searches (issue 28 § 2), in the real app: a word inside a
// compound and a word inside an Anlage are found; the list says in which Anlage a hit was
// found; a scanned PDF is marked at the Anlage. The files are attached with the CLI, as an
// office's script does (`vorlage anlage`): a Word file that Ratsbüro wrote itself and a
// PDF of one image-only page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, bildPfad } from './app.mjs';

const ordner = neuerOrdner('suche');
const db = path.join(ordner, 'buero.sqlite');
const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
let app;
// The id of the paper with the Anlagen (from its import).
let haushalt;

/** A PDF whose only page draws a line: no text layer, as a scanner's. */
function scanPdf() {
  const objekte = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 17 >>\nstream\n0 0 m 200 200 l S\nendstream',
  ];
  let pdf = '%PDF-1.4\n';
  const lagen = [];
  objekte.forEach((o, i) => { lagen.push(pdf.length); pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objekte.length + 1}\n0000000000 65535 f \n${lagen.map((l) => `${String(l).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objekte.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

before(async () => {
  cli('einrichten', '--kommune', 'Stadt Herne');
  // A paper whose Word export becomes another paper's Anlage.
  const quelle = path.join(ordner, 'beratung.json');
  writeFileSync(quelle, JSON.stringify({
    art: 'mitteilungsvorlage', status: 'oeffentlich', betreff: 'Jahresbericht der Antidiskriminierungsberatung',
    verfasser: 'Büro des Integrationsrates', federfuehrend: 'Fachbereich Integration', bearbeiter: 'Đặng Thị Mai',
    beratungsfolge: [{ gremium: 'Integrationsrat', rolle: 'kenntnisnahme', datum: '2027-02-10' }],
    klimarelevanz: 'keine', sachverhalt: 'Die Beratungsstelle in der Bahnhofstraße wurde 412-mal aufgesucht.',
  }));
  const q = JSON.parse(cli('vorlage', 'import', quelle)).id;
  cli('vorlage', 'docx', String(q), '--out', path.join(ordner, 'Jahresbericht Beratung.docx'));
  const ziel = path.join(ordner, 'haushalt.json');
  writeFileSync(ziel, JSON.stringify({
    art: 'beschlussvorlage', status: 'oeffentlich', betreff: 'Haushalt des Integrationsrates 2027',
    verfasser: 'Büro des Integrationsrates', federfuehrend: 'Fachbereich Integration', bearbeiter: 'Ayşe Yılmaz',
    beratungsfolge: [{ gremium: 'Integrationsrat', rolle: 'entscheidung', datum: '2027-02-10' }],
    klimarelevanz: 'keine', beschlussvorschlag: 'Der Integrationsrat beschließt seinen Haushalt.', sachverhalt: 'Siehe Anlagen.',
  }));
  const z = JSON.parse(cli('vorlage', 'import', ziel)).id;
  haushalt = z;
  // The source paper goes into the Papierkorb's way: only the Anlage holds its words now.
  cli('vorlage', 'anlage', String(z), path.join(ordner, 'Jahresbericht Beratung.docx'));
  writeFileSync(path.join(ordner, 'Eingangsstempel.pdf'), scanPdf(), 'latin1');
  cli('vorlage', 'anlage', String(z), path.join(ordner, 'Eingangsstempel.pdf'));
  app = await starteApp(ordner);
});
after(async () => { await app?.beenden(); });

const zeilen = (b) => b.execute(() => [...document.querySelectorAll('[data-testid="vorlage-zeile"]')].map((z) => ({
  text: z.innerText, fund: z.querySelector('[data-testid="fundstelle"]')?.textContent || null,
})));

for (const [breite, hoehe] of [[1024, 700], [1920, 1080]]) {
  test(`at ${breite}×${hoehe}: a compound part and the text of an Anlage are found, the hit says where; a scan is marked`, async () => {
    const b = app.browser;
    await b.setWindowSize(breite, hoehe);
    await (await b.$(tid('nav-vorlagen'))).click();
    const feld = await b.$(tid('vorlagen-suche'));
    await feld.waitForDisplayed({ timeout: 15000 });
    // Element send-keys (an action sequence of keys drops doubled letters: "strase").
    await feld.setValue('diskriminierung');
    // The paper with the word in its own Betreff first (as a part of a compound), then the
    // one that holds it in its Anlage, with the Anlage named.
    // The list answers each change of the field: waited for until it shows this search's
    // order (a list of the search before may stand a moment).
    const erwartet = (t) => t.length === 2 && /Jahresbericht der Antidiskriminierungsberatung/.test(t[0].text) && t[0].fund === null
      && /Haushalt des Integrationsrates 2027/.test(t[1].text) && t[1].fund === 'gefunden in Anlage 1: Jahresbericht Beratung.docx';
    let t = [];
    await b.waitUntil(async () => { t = await zeilen(b); return erwartet(t); }, { timeout: 10000 }).catch(() => {});
    assert.ok(erwartet(t), `Treffer für „diskriminierung“: ${JSON.stringify(t)}`);
    assert.deepEqual(await barrieren(b), []);
    await b.saveScreenshot(bildPfad(`suche-fundstelle-${breite}x${hoehe}.png`));
    // "strasse" finds "Bahnhofstraße" inside the source's text and inside the Anlage: two
    // part hits, neither in a Betreff (ranked by bm25 on the file, newest first on the server).
    await feld.setValue('strasse');
    const strasse = (x) => x.length === 2
      && x.some((z) => /Haushalt des Integrationsrates 2027/.test(z.text) && z.fund === 'gefunden in Anlage 1: Jahresbericht Beratung.docx')
      && x.some((z) => /Jahresbericht der Antidiskriminierungsberatung/.test(z.text) && z.fund === null);
    await b.waitUntil(async () => { t = await zeilen(b); return strasse(t); }, { timeout: 10000 }).catch(() => {});
    assert.ok(strasse(t), `Treffer für „strasse“: ${JSON.stringify(t)}`);
    // The list is drawn anew as the search answers (each key searches): the paper's row is
    // found by its id, again if a redraw replaced it, until its editor is open.
    // A click is given time to open its paper before the next one (two clicks in flight
    // end with the later one's paper, as they should).
    const offen = () => b.execute(() => document.querySelector('[data-testid="editor"]')?.dataset.vorlage);
    for (let versuch = 0; versuch < 4 && (await offen()) !== String(haushalt); versuch += 1) {
      try { await (await b.$(`[data-testid="vorlage-zeile"][data-id="${haushalt}"] td`)).click(); } catch { /* the row was drawn anew */ }
      await b.waitUntil(async () => (await offen()) === String(haushalt), { timeout: 3000 }).catch(() => {});
    }
    assert.equal(await offen(), String(haushalt), 'der Haushalt öffnete nicht');
    const scan = await b.$(tid('anlage-scan'));
    await scan.waitForExist({ timeout: 10000 }).catch(async (e) => { await b.saveScreenshot(bildPfad(`anlage-scan-fehlt-${breite}x${hoehe}.png`)); throw e; });
    assert.equal(await scan.getText(), 'Scan ohne Text – die Suche findet seinen Inhalt nicht');
    // The Anlagen table at the form's end: no status cut, no cell running over.
    const abgeschnitten = await b.execute(() => {
      const form = document.querySelector('.detail .formular');
      form.scrollTop = form.scrollHeight;
      const mass = document.createElement('canvas').getContext('2d');
      const fehler = [];
      for (const e of document.querySelectorAll('[data-testid="anlagen"] select')) {
        const st = getComputedStyle(e);
        mass.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
        const innen = e.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
        if (mass.measureText(e.selectedOptions[0].textContent).width + 18 > innen) fehler.push(`Status abgeschnitten: ${e.getAttribute('aria-label')}`);
      }
      for (const td of document.querySelectorAll('[data-testid="anlagen"] td')) {
        if (td.scrollWidth > td.clientWidth + 1) fehler.push(`Zelle läuft über: ${td.textContent.trim().slice(0, 30)}`);
      }
      return fehler;
    });
    assert.deepEqual(abgeschnitten, []);
    await b.saveScreenshot(bildPfad(`anlage-scan-${breite}x${hoehe}.png`));
    assert.deepEqual(await barrieren(b), []);
  });
}
