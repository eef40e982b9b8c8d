// The layout holds at 1024×700 and 1920×1080: every toolbar control and every form field
// lies inside the viewport, visible controls do not overlap, and pressing Tab through the
// editor never scrolls the frame (the toolbar stays in view). The whole form is checked,
// scrolled through from top to bottom (a check of the first screenful only missed the cut
// attendance dropdown and Anlagen table further down), and a toolbar takes at most two
// rows. Screenshots go to tests/e2e/artefakte/bilder (scripts/bilder renews docs/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { starteApp, neuerOrdner, tid, CLI, bildPfad } from './app.mjs';

const ordner = neuerOrdner('layout');
const db = path.join(ordner, 'buero.sqlite');
let app;

before(async () => {
  execFileSync(CLI, ['--db', db, 'einrichten', '--kommune', 'Stadt Herne']);
  execFileSync(CLI, ['--db', db, 'demo']);
  app = await starteApp(ordner);
});
after(async () => { await app?.beenden(); });

/** Controls of the toolbars and forms that lie outside the viewport or overlap another,
 * cut texts, toolbars of more rows than given (two; three at 150 % text); the form scrolled through from top to bottom. */
function pruefen(reihenHoechstens = 2, ganz = true) {
  function einmal() {
    const innen = (r) => r.left >= -1 && r.top >= -1 && r.right <= window.innerWidth + 1 && r.bottom <= window.innerHeight + 1;
    const sichtbar = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
    // A field scrolled out of its form's scroll area is hidden by it, not overlapping.
    const imBild = (e) => { const f = e.closest('.formular'); if (!f) return true; const r = e.getBoundingClientRect(); const q = f.getBoundingClientRect(); return r.top >= q.top && r.bottom <= q.bottom; };
    const name = (e) => e.dataset.testid || e.dataset.feld || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30);
    const fehler = [];
    const leiste = [...document.querySelectorAll('.werkzeugleiste button, .werkzeugleiste h1, .liste-kopf input, .liste-kopf button, .liste-kopf select')].filter(sichtbar);
    for (const e of leiste) if (!innen(e.getBoundingClientRect())) fehler.push(`außerhalb: ${name(e)}`);
    const felder = [...document.querySelectorAll('.werkzeugleiste button, .finanzen input, table.eingabe input, table.eingabe select, .raster input, .raster select')].filter(sichtbar).filter(imBild);
    for (let i = 0; i < felder.length; i += 1) {
      const a = felder[i].getBoundingClientRect();
      if (a.right > felder[i].closest('fieldset, .werkzeugleiste, form')?.getBoundingClientRect().right + 1) fehler.push(`abgeschnitten: ${name(felder[i])}`);
      for (let j = i + 1; j < felder.length; j += 1) {
        const b = felder[j].getBoundingClientRect();
        const ueber = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        if (ueber) fehler.push(`überlappen: ${name(felder[i])} / ${name(felder[j])}`);
      }
    }
    // Text cut off: a list wider than its pane, a select or an empty field whose text does
    // not fit (measured with the control's own font).
    for (const w of document.querySelectorAll('.tabelle-wrap')) if (sichtbar(w) && w.scrollWidth > w.clientWidth + 1) fehler.push(`Liste abgeschnitten: ${w.closest('[aria-label]')?.getAttribute('aria-label')} (${w.scrollWidth} > ${w.clientWidth})`);
    for (const t of document.querySelectorAll('.formular table')) if (sichtbar(t) && t.scrollWidth > t.parentElement.clientWidth + 1) fehler.push(`Tabelle zu breit: ${t.dataset.testid || t.className} (${t.scrollWidth} > ${t.parentElement.clientWidth})`);
    const mass = document.createElement('canvas').getContext('2d');
    const breiteVon = (e, text) => { const st = getComputedStyle(e); mass.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`; return mass.measureText(text).width; };
    const innenBreite = (e) => { const st = getComputedStyle(e); return e.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight); };
    for (const e of [...document.querySelectorAll('.detail select, .formular select, .dialog select, .liste-kopf select, table select')].filter(sichtbar).filter(imBild)) {
      const text = e.selectedOptions[0]?.textContent || '';
      const pane = e.closest('.liste, .detail, .dialog');
      if (pane && e.getBoundingClientRect().right > pane.getBoundingClientRect().right + 1) fehler.push(`Auswahl ragt hinaus: ${name(e)}`);
      if (breiteVon(e, text) + 18 > innenBreite(e)) fehler.push(`Auswahl abgeschnitten: ${name(e)} „${text}“`);
    }
    for (const e of [...document.querySelectorAll('.detail input[placeholder], .formular input[placeholder], table input[placeholder]')].filter(sichtbar).filter(imBild)) {
      if (!e.value && breiteVon(e, e.placeholder) > innenBreite(e) + 1) fehler.push(`Platzhalter abgeschnitten: ${name(e)} „${e.placeholder}“`);
    }
    // A table cell whose text runs out of it (the Anlagen table's status, a long word).
    for (const td of [...document.querySelectorAll('.formular table td, .formular table th')].filter(sichtbar).filter(imBild)) {
      if (td.scrollWidth > td.clientWidth + 1 && getComputedStyle(td).overflow === 'visible') fehler.push(`Zelle läuft über: ${td.textContent.trim().slice(0, 30)}`);
    }
    return fehler;
  }
  const formular = document.querySelector('.detail .formular');
  const anfang = formular ? formular.scrollTop : 0;
  const alle = new Set();
  const schritte = formular && ganz ? Math.max(1, Math.ceil(formular.scrollHeight / Math.max(1, formular.clientHeight - 40))) : 1;
  for (let i = 0; i < schritte; i += 1) {
    if (formular) formular.scrollTop = i * Math.max(1, formular.clientHeight - 40);
    for (const f of einmal()) alle.add(f);
  }
  if (formular) formular.scrollTop = anfang;
  for (const l of document.querySelectorAll('.werkzeugleiste')) {
    // Rows: an element starts a new one when it lies below the row before (not beside it).
    const kaesten = [...l.querySelectorAll('button, h1')].filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    let reihen = 0;
    let unten = -Infinity;
    for (const k of kaesten) {
      if (k.top >= unten - 2) { reihen += 1; unten = k.bottom; } else unten = Math.max(unten, k.bottom);
    }
    if (reihen > reihenHoechstens) alle.add(`Werkzeugleiste in ${reihen} Reihen: ${l.querySelector('h1')?.textContent}`);
  }
  return [...alle];
}


for (const [breite, hoehe, zoom] of [[1024, 700, 100], [1920, 1080, 100], [1024, 700, 150], [1920, 1080, 150]]) {
  const name = zoom === 100 ? `${breite}x${hoehe}` : `${breite}x${hoehe}-text${zoom}`;
  test(`every area at ${breite}×${hoehe}, text ${zoom} %: nothing outside, nothing overlapping, nothing cut, the frame never scrolls`, async () => {
    const b = app.browser;
    // Toolbar rows allowed (two; three with 150 % text), the whole form checked.
    const grenzen = zoom === 100 ? [2, true] : [3, true];
    await b.setWindowSize(breite, hoehe);
    // Text zoom: every font size is in rem, so the root's size is what a larger text setting changes.
    await b.execute((z) => { document.documentElement.style.fontSize = `${z}%`; }, zoom);
    await (await b.$(tid('nav-vorlagen'))).click();
    await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length > 0, { timeout: 15000 });
    await (await (await b.$(tid('vorlage-zeile'))).$('td')).click();
    await (await b.$(tid('finanzen-folgende'))).waitForDisplayed({ timeout: 10000 });
    await (await b.$(tid('finanzen-folgende'))).click();
    await (await b.$(tid('betrag-aufwand_einmalig'))).setValue('120.000,00');
    await (await b.$(tid('schritt-neu'))).click();
    assert.deepEqual(await b.execute(pruefen, ...grenzen), [], 'Editor');
    // The lower part of the editor too (Unterzeichnung, Anlagen).
    await b.execute(() => { const f = document.querySelector('[data-testid="unterzeichnung-eigene"]'); if (!f.checked) f.click(); const form = f.closest('.formular'); form.scrollTop = form.scrollHeight; });
    assert.deepEqual(await b.execute(pruefen, ...grenzen), [], 'Editor, Unterzeichnung');
    // Tab through the editor: the frame stays where it is.
    for (let i = 0; i < 40; i += 1) await b.keys('Tab');
    const verschoben = await b.execute(() => [document.scrollingElement.scrollTop, document.querySelector('.hauptbereich').scrollTop, document.querySelector('.detail').scrollTop]);
    assert.deepEqual(verschoben, [0, 0, 0], 'Tab hat den Rahmen verschoben');
    const leiste = await b.execute(() => document.querySelector('.detail .werkzeugleiste').getBoundingClientRect().top);
    assert.ok(leiste >= 0, `Werkzeugleiste aus dem Bild (${leiste})`);
    await b.saveScreenshot(bildPfad(`editor-${name}.png`));

    await (await b.$(tid('nav-sitzungen'))).click();
    const zeile = await b.$(tid('sitzung-zeile'));
    await zeile.waitForDisplayed({ timeout: 10000 });
    await (await zeile.$('td')).click();
    await (await b.$(tid('sitzung-beginn'))).waitForDisplayed();
    assert.deepEqual(await b.execute(pruefen, ...grenzen), [], 'Sitzung');
    await b.saveScreenshot(bildPfad(`sitzung-${name}.png`));

    await (await b.$(tid('nav-beschluesse'))).click();
    await (await b.$(tid('beschluesse'))).waitForDisplayed({ timeout: 10000 });
    assert.deepEqual(await b.execute(pruefen, ...grenzen), [], 'Beschlüsse');
    await b.saveScreenshot(bildPfad(`beschluesse-liste-${name}.png`));

    await (await b.$(tid('nav-gremien'))).click();
    await b.waitUntil(async () => (await b.$$(tid('gremium-eintrag'))).length > 0, { timeout: 10000 });
    for (const e of await b.$$(tid('gremium-eintrag'))) if ((await e.getText()).startsWith('Integrationsrat')) await e.click();
    await b.waitUntil(async () => (await b.$$(tid('mitglied-zeile'))).length > 0, { timeout: 10000 });
    await (await (await b.$(tid('mitglied-zeile'))).$(tid('mitglied-bearbeiten'))).click();
    await (await b.$(tid('mitglied-bearbeiten-form'))).waitForDisplayed({ timeout: 5000 });
    assert.deepEqual(await b.execute(pruefen, ...grenzen), [], 'Gremien & Personen');
    await b.saveScreenshot(bildPfad(`gremien-${name}.png`));
    // The Gremium's settings in their dialog: every field inside it and inside the window.
    await (await b.$(tid('gremium-einstellungen-oeffnen'))).click();
    await (await b.$(tid('gremium-einstellungen'))).waitForDisplayed({ timeout: 5000 });
    const imDialog = await b.execute(() => {
      const d = document.getElementById('dialog').getBoundingClientRect();
      const fehler = [];
      if (d.bottom > window.innerHeight + 1 || d.right > window.innerWidth + 1) fehler.push('Dialog größer als das Fenster');
      const dlg = document.getElementById('dialog');
      if (dlg.scrollWidth > dlg.clientWidth + 1) fehler.push(`Dialog scrollt waagrecht (${dlg.scrollWidth} > ${dlg.clientWidth}): ${[...dlg.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > d.right - 1).map((e) => e.dataset.testid || e.className || e.tagName).join(', ')}`);
      for (const e of document.querySelectorAll('#dialog input, #dialog select, #dialog button')) {
        const r = e.getBoundingClientRect();
        if (r.right > d.right + 1 || r.bottom > d.bottom + 1) fehler.push(`außerhalb des Dialogs: ${e.dataset.testid || e.dataset.feld}`);
      }
      const mass = document.createElement('canvas').getContext('2d');
      for (const e of document.querySelectorAll('#dialog select')) {
        const st = getComputedStyle(e);
        mass.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
        const text = e.selectedOptions[0]?.textContent || '';
        if (mass.measureText(text).width + 18 > e.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight)) fehler.push(`Auswahl abgeschnitten: ${e.dataset.testid} „${text}“`);
      }
      return fehler;
    });
    await b.saveScreenshot(bildPfad(`gremium-einstellungen-${name}.png`));
    await (await b.$('#dialog [data-testid="abbrechen"]')).click();
    assert.deepEqual(imDialog, [], 'Einstellungen des Gremiums');

    await (await b.$(tid('nav-wahlen'))).click();
    await (await b.$(tid('wahl-neu'))).click();
    await (await b.$(tid('wahl-sitze'))).waitForDisplayed({ timeout: 10000 });
    assert.deepEqual(await b.execute(pruefen, ...grenzen), [], 'Wahlen');
    await b.saveScreenshot(bildPfad(`wahlen-${name}.png`));

    await (await b.$(tid('nav-einstellungen'))).click();
    await (await b.$(tid('papierkorb'))).waitForDisplayed({ timeout: 10000 });
    assert.deepEqual(await b.execute(pruefen, ...grenzen), [], 'Einstellungen');
  });
}
