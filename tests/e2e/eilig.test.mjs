// Issue 25, "Trustworthy in daily use, part two", in the real app: each finding of the
// walk-through as the clerk met it — typing in a Sitzung that was lost or landed on a
// button, double clicks that did two things, an unreadable "Rückgängig", refused values
// that stayed on screen, fields without a limit, internal words — and then the hurried
// clerk: a seeded random walk over every screen (the Sitzung, the Wahl, Gremien &
// Personen, the Vorlage editor, the Einstellungen) that checks after every step that
// nothing typed is lost, the focus is never on <body> after a keyboard step, one click
// changes the store at most once, and axe finds nothing serious; now and then it closes
// the window with its close button and starts the app again, and then everything that
// stood typed in a field without a message must be in the store.
//   EILIG_SEED=7 EILIG_SCHRITTE=400 npm --prefix tests/e2e test -- eilig.test.mjs
// replays a walk (CI: seed 25, 150 steps on each screen).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { starteApp, neuerOrdner, barrieren, tid, CLI, wurzel, fensterSchliessen, neueVorlage } from './app.mjs';

const ordner = neuerOrdner('eilig');
const db = path.join(ordner, 'buero.sqlite');
let app;
const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });
const sitzungJson = (id) => JSON.parse(cli('sitzung', 'zeigen', String(id), '--json'));
const vorlagen = () => JSON.parse(cli('vorlage', 'liste', '--json'));

before(async () => {
  cli('einrichten', '--kommune', 'Stadt Herne');
  cli('demo');
  cli('vorlage', 'import', path.join(wurzel, 'tests/fixtures/seed-000.json'));
  // A past Sitzung with two decisions, for the walk through the Beschlüsse.
  const vorbei = JSON.parse(cli('sitzung', 'neu', '--gremium', '1', '--beginn', '2026-11-30T17:00', '--ort', 'Rathaus', '--json'));
  for (const titel of ['Sprachcafé im Stadtteilzentrum', 'Bericht der Verwaltung']) cli('sitzung', 'top', String(vorbei.id), '--titel', titel);
  for (const t of sitzungJson(vorbei.id).tops) cli('sitzung', 'ergebnis', String(t.id), '--ergebnis', 'beschlossen', '--text', `Beschlossen: ${t.titel}.`);
  app = await starteApp(ordner);
  await (await app.browser.$(tid('nav-vorlagen'))).waitForDisplayed({ timeout: 15000 });
});
after(async () => { await app?.beenden(); });

/** Types `text` into the focused control, key by key as the clerk does (WebKitWebDriver's
 * element send-keys: an action sequence of single keys drops spaces and doubled letters). */
async function tippe(b, text) {
  // The focused control may be replaced by a redraw between finding it and typing (a save
  // of the field before just came back): then it is found again, the focus being kept.
  for (let versuch = 0; ; versuch += 1) {
    try {
      const el = await b.$(() => document.activeElement);
      await el.addValue(text);
      return;
    } catch (e) {
      if (versuch >= 2 || !/stale/i.test(String(e))) throw e;
    }
  }
}
const fokus = (b) => b.execute(() => {
  const e = document.activeElement;
  return { tag: e.tagName, testid: e.dataset?.testid || '', label: e.getAttribute('aria-label') || '', wert: 'value' in e ? e.value : '' };
});

/** Opens the Sitzung of the list whose row says `nummer`. */
async function sitzungOeffnen(b, nummer) {
  await (await b.$(tid('nav-sitzungen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('sitzung-zeile'))).length > 0, { timeout: 15000 });
  for (const z of await b.$$(tid('sitzung-zeile'))) {
    if ((await z.getText()).startsWith(`${nummer}.`)) { await (await z.$('td')).click(); break; }
  }
  await b.waitUntil(async () => (await (await b.$(tid('sitzung-titel'))).getText()).startsWith(`${nummer}. Sitzung`), { timeout: 10000, timeoutMsg: `Sitzung ${nummer} nicht geöffnet` });
}

/** The Sitzung's id in the store, from its number (the demo's are 1 and 2). */
const sitzungId = (b) => b.execute(() => Number(document.querySelector('[data-testid="sitzung-zeile"][aria-selected="true"]').dataset.id));

test('1: Tab after a Bemerkung keeps the place; the spaces typed then never press "Sitzungspaket"', async () => {
  const b = app.browser;
  await sitzungOeffnen(b, 1);
  const id = await sitzungId(b);
  const status = await b.$$(tid('anwesenheit-status'));
  await status[0].selectByAttribute('value', 'anwesend');
  await b.waitUntil(async () => sitzungJson(id).mitglieder[0].anwesenheit === 'anwesend', { timeout: 10000, timeoutMsg: 'Anwesenheit nicht gespeichert' });
  // What happened, for the message if the focus is not where it belongs: every focus move
  // and every redraw of the Sitzung, with the time (a CI run once ended on the next row's
  // Anwesenheit, not reproduced locally).
  await b.execute(() => {
    const t0 = performance.now();
    const name = (e) => `${e.dataset?.testid || e.tagName}${e.getAttribute?.('aria-label') ? ` (${e.getAttribute('aria-label')})` : ''}`;
    window.fokusVerlauf = [];
    document.addEventListener('focusin', (e) => window.fokusVerlauf.push(`${Math.round(performance.now() - t0)} ms: Fokus ${name(e.target)}`));
    document.addEventListener('keydown', (e) => window.fokusVerlauf.push(`${Math.round(performance.now() - t0)} ms: Taste ${e.key} an ${name(e.target)}`), true);
    new MutationObserver(() => window.fokusVerlauf.push(`${Math.round(performance.now() - t0)} ms: neu gezeichnet`))
      .observe(document.querySelector('[data-testid="sitzung-titel"]').closest('section.detail'), { childList: true });
  });
  const bem = (await b.$$(tid('anwesenheit-bemerkung')))[0];
  await bem.click();
  await tippe(b, 'ab TOP 2');
  await b.keys('Tab');
  await b.keys('Tab');
  await tippe(b, 'wegen Krankheit ');
  await ruhig(b);
  assert.equal(await b.execute(() => document.getElementById('dialog').open), false, 'ein Dialog hat sich geöffnet');
  assert.equal(await (await b.$(tid('pdf-stand'))).isExisting(), false, 'das Sitzungspaket wurde geöffnet');
  const f = await fokus(b);
  const verlauf = await b.execute(() => window.fokusVerlauf.filter((z) => !z.includes('Taste ') || z.includes('Tab')).join('\n'));
  assert.equal(f.testid, 'anwesenheit-bemerkung', `Fokus auf ${JSON.stringify(f)}; Verlauf:\n${verlauf}`);
  assert.equal(f.wert, 'wegen Krankheit ');
  assert.equal(sitzungJson(id).mitglieder[0].bemerkung, 'ab TOP 2');
});

test('1: Ort, then straight into the time: both are saved', async () => {
  const b = app.browser;
  await sitzungOeffnen(b, 2);
  const id = await sitzungId(b);
  const ort = await b.$(tid('sitzung-ort'));
  await ort.click();
  await b.keys(['Control', 'a']);
  await tippe(b, 'Ratssaal');
  const zeit = await b.$(tid('sitzung-beginn-zeit'));
  await zeit.click();
  await b.keys(['Control', 'a']);
  await tippe(b, '18:15');
  await (await b.$(tid('sitzung-titel'))).click();
  await b.waitUntil(async () => { const s = sitzungJson(id); return s.ort === 'Ratssaal' && s.beginn.slice(11, 16) === '18:15'; },
    { timeout: 10000, timeoutMsg: `nicht gespeichert: ${JSON.stringify((({ ort, beginn }) => ({ ort, beginn }))(sitzungJson(id)))}` });
  assert.equal(await (await b.$(tid('sitzung-beginn-zeit'))).getValue(), '18:15');
});

test('1: Ort, then a TOP title and Enter: the TOP is added, the title field is empty again', async () => {
  const b = app.browser;
  await sitzungOeffnen(b, 2);
  const id = await sitzungId(b);
  const vorher = sitzungJson(id).tops.length;
  await (await b.$(tid('sitzung-ort'))).click();
  await b.keys(['Control', 'a']);
  await tippe(b, 'Ratssaal, Raum 2');
  await (await b.$(tid('top-titel-oeffentlich'))).click();
  await tippe(b, 'Bericht der Vorsitzenden');
  await b.keys('Enter');
  await b.waitUntil(async () => sitzungJson(id).tops.length === vorher + 1, { timeout: 10000, timeoutMsg: 'kein TOP hinzugefügt' });
  const s = sitzungJson(id);
  assert.ok(s.tops.some((t) => t.titel === 'Bericht der Vorsitzenden'), JSON.stringify(s.tops.map((t) => t.titel)));
  assert.equal(s.ort, 'Ratssaal, Raum 2');
  await b.waitUntil(async () => (await (await b.$(tid('top-titel-oeffentlich'))).getValue()) === '', { timeout: 5000, timeoutMsg: 'Titel blieb im Feld' });
  assert.equal((await fokus(b)).testid, 'top-titel-oeffentlich');
});

test('1: ↓ twice in an attendance dropdown moves twice and keeps the focus', async () => {
  const b = app.browser;
  await sitzungOeffnen(b, 2);
  const id = await sitzungId(b);
  const wahl = (await b.$$(tid('anwesenheit-status')))[2];
  await wahl.click();
  await b.keys('Escape');
  await b.keys('ArrowDown');
  await b.waitUntil(async () => sitzungJson(id).mitglieder[2].anwesenheit === 'anwesend', { timeout: 10000, timeoutMsg: 'erstes ↓ nicht gespeichert' });
  await ruhig(b);
  await b.keys('ArrowDown');
  await b.waitUntil(async () => sitzungJson(id).mitglieder[2].anwesenheit === 'entschuldigt', { timeout: 10000, timeoutMsg: 'zweites ↓ ging verloren' });
  assert.equal((await fokus(b)).testid, 'anwesenheit-status');
});

test('5, 6, 17: refused values — an Ergebnis before the day, a Bemerkung without attendance, an Einladung after the Sitzung', async () => {
  const b = app.browser;
  await sitzungOeffnen(b, 2);
  const id = await sitzungId(b);
  // 5: the Ergebnis is refused (the Sitzung is still to come): the dropdown shows the stored "—".
  const ergebnis = (await b.$$(tid('top-ergebnis')))[0];
  await ergebnis.selectByAttribute('value', 'beschlossen');
  await b.waitUntil(async () => /noch nicht stattgefunden/.test(await b.execute(() => document.querySelector('.feld-meldung[data-am-feld]')?.textContent || '')), { timeout: 10000, timeoutMsg: 'keine Meldung am Ergebnis' });
  assert.equal(await (await b.$$(tid('top-ergebnis')))[0].getValue(), '');
  assert.equal(sitzungJson(id).tops[0].ergebnis, null);
  // 6: a remark without an attendance stays in its field with a message; choosing the
  // attendance then saves both.
  const zeile = (await b.$$(tid('mitglied')))[4];
  const bem = await zeile.$(tid('anwesenheit-bemerkung'));
  await bem.click();
  await tippe(b, 'ab TOP Ö 2');
  await b.keys('Tab');
  await b.waitUntil(async () => /Bitte zuerst die Anwesenheit wählen/.test(await (await b.$$(tid('mitglied')))[4].getText()), { timeout: 10000, timeoutMsg: 'keine Meldung an der Bemerkung' });
  const zeile2 = (await b.$$(tid('mitglied')))[4];
  assert.equal(await (await zeile2.$(tid('anwesenheit-bemerkung'))).getValue(), 'ab TOP Ö 2');
  assert.equal(await (await zeile2.$(tid('anwesenheit-bemerkung'))).getAttribute('aria-invalid'), 'true');
  await (await zeile2.$(tid('anwesenheit-status'))).selectByAttribute('value', 'anwesend');
  await b.waitUntil(async () => { const m = sitzungJson(id).mitglieder[4]; return m.anwesenheit === 'anwesend' && m.bemerkung === 'ab TOP Ö 2'; }, { timeout: 10000, timeoutMsg: 'Bemerkung nicht mit der Anwesenheit gespeichert' });
  // 17: an Einladung dated after the Sitzung is refused; the Sitzung stays "geplant".
  const am = await b.$(tid('sitzung-eingeladen-am'));
  await am.click();
  await b.keys(['Control', 'a']);
  await tippe(b, '31.12.2099');
  await (await b.$(tid('sitzung-einladen'))).click();
  await b.waitUntil(async () => /liegt nach der Sitzung/.test(await b.execute(() => document.querySelector('.feld-meldung[data-am-feld]')?.textContent || '')), { timeout: 10000, timeoutMsg: 'keine Meldung am Einladungsdatum' });
  assert.equal(sitzungJson(id).zustand, 'geplant');
});

test('7, 9, 18: "TOP hinzufügen" double-clicked adds one TOP; 10,000 characters of Ort are refused; deleting says why first', async () => {
  const b = app.browser;
  await sitzungOeffnen(b, 2);
  const id = await sitzungId(b);
  const vorher = sitzungJson(id).tops.length;
  await (await b.$(tid('top-titel-oeffentlich'))).setValue('Verschiedenes');
  await (await b.$(tid('top-hinzufuegen-oeffentlich'))).doubleClick();
  await b.waitUntil(async () => sitzungJson(id).tops.length > vorher, { timeout: 10000, timeoutMsg: 'kein TOP' });
  await ruhig(b);
  assert.equal(sitzungJson(id).tops.length, vorher + 1, 'ein Doppelklick hat mehr als einen TOP angelegt');
  // 9: Ort over 200 characters.
  const ortVorher = sitzungJson(id).ort;
  await b.execute(() => { const o = document.querySelector('[data-testid="sitzung-ort"]'); o.focus(); o.value = 'x'.repeat(10000); o.dispatchEvent(new Event('change', { bubbles: true })); });
  await b.waitUntil(async () => /Ort: 10\.000 Zeichen sind zu lang \(höchstens 200\)/.test(await b.execute(() => document.querySelector('.feld-meldung[data-am-feld]')?.textContent || '')), { timeout: 10000, timeoutMsg: 'keine Meldung am Ort' });
  assert.equal(sitzungJson(id).ort, ortVorher);
  // 9: a TOP title over 500 characters is refused at its field and stays there as typed.
  const tops = sitzungJson(id).tops.length;
  await b.execute(() => { const t = document.querySelector('[data-testid="top-titel-oeffentlich"]'); t.focus(); t.value = 'T'.repeat(600); });
  await b.keys('Enter');
  await b.waitUntil(async () => /TOP, Titel: 600 Zeichen sind zu lang \(höchstens 500\)/.test(await b.execute(() => [...document.querySelectorAll('.feld-meldung[data-am-feld]')].map((e) => e.textContent).join(' '))), { timeout: 10000, timeoutMsg: 'keine Meldung am TOP-Titel' });
  assert.equal(sitzungJson(id).tops.length, tops);
  assert.equal((await (await b.$(tid('top-titel-oeffentlich'))).getValue()).length, 600);
  await b.execute(() => { document.querySelector('[data-testid="top-titel-oeffentlich"]').value = ''; });
  // 18: the demo's second Sitzung has a Vorlage on its Tagesordnung: the reason comes, no question.
  await (await b.$(tid('sitzung-loeschen'))).click();
  await b.waitUntil(async () => /Auf der Tagesordnung/.test(await (await b.$(tid('meldungen'))).getText()), { timeout: 5000, timeoutMsg: 'kein Grund genannt' });
  assert.equal(await b.execute(() => document.getElementById('dialog').open), false, 'erst gefragt, dann abgelehnt');
});

test('3, 20: "Rückgängig" is readable (≥ 4.5:1), reached by Strg+Z; ↑/↓ are named by what they show', async () => {
  const b = app.browser;
  await sitzungOeffnen(b, 2);
  const id = await sitzungId(b);
  const vorher = sitzungJson(id).tops.length;
  const letzter = (await b.$$(tid('top-entfernen'))).at(-1);
  await letzter.click();
  const knopf = await b.$(tid('rueckgaengig'));
  await knopf.waitForDisplayed({ timeout: 10000 });
  await b.waitUntil(async () => sitzungJson(id).tops.length === vorher - 1, { timeout: 10000 });
  const kontrast = await b.execute(() => {
    const k = document.querySelector('[data-testid="rueckgaengig"]');
    const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = ([r, g, bl]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl); };
    const st = getComputedStyle(k);
    const [a, c] = [lum(rgb(st.color)), lum(rgb(st.backgroundColor))];
    return (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05);
  });
  assert.ok(kontrast >= 4.5, `Kontrast ${kontrast.toFixed(2)}:1`);
  await b.execute(() => document.activeElement.blur());
  await b.keys(['Control', 'z']);
  await b.waitUntil(async () => sitzungJson(id).tops.length === vorher, { timeout: 10000, timeoutMsg: 'Strg+Z hat den TOP nicht zurückgeholt' });
  // "Rückgängig" pressed with the keyboard: the message goes, and the focus comes back to a
  // control of the Sitzung, never to <body> (the walk of seed 25 once ended there).
  await (await b.$$(tid('top-entfernen'))).at(-1).click();
  await (await b.$(tid('rueckgaengig'))).waitForDisplayed({ timeout: 10000 });
  await b.waitUntil(async () => sitzungJson(id).tops.length === vorher - 1, { timeout: 10000 });
  await b.execute(() => document.querySelector('[data-testid="rueckgaengig"]').focus());
  await b.keys('Enter');
  await b.waitUntil(async () => sitzungJson(id).tops.length === vorher, { timeout: 10000, timeoutMsg: 'Enter auf „Rückgängig“ hat den TOP nicht zurückgeholt' });
  await b.waitUntil(async () => !(await (await b.$(tid('rueckgaengig'))).isExisting()), { timeout: 10000 });
  const danach = await b.execute(() => ({ tag: document.activeElement.tagName, inMain: !!document.activeElement.closest('main') }));
  assert.ok(danach.tag !== 'BODY' && danach.inMain, `Fokus nach „Rückgängig“: ${JSON.stringify(danach)}`);
  const namen = await b.execute(() => [...document.querySelectorAll('[data-testid="top-hoch"], [data-testid="top-runter"]')].map((k) => [k.textContent, k.getAttribute('aria-label')]));
  assert.ok(namen.length > 0);
  for (const [text, label] of namen) assert.ok(label === null && /^[↑↓] [ÖN] \d/.test(text), `${text} / ${label}`);
  // 20: a wrong date is marked invalid as "true", not as the empty value screen readers read as false.
  const datum = await b.$(tid('sitzung-beginn'));
  await datum.click();
  await b.keys(['Control', 'a']);
  await tippe(b, '31.02.2027');
  await b.keys('Tab');
  await b.waitUntil(async () => (await (await b.$(tid('sitzung-beginn'))).getAttribute('aria-invalid')) === 'true', { timeout: 10000, timeoutMsg: 'aria-invalid nicht "true"' });
  assert.deepEqual(await barrieren(b), []);
});

test('10: "Ende" is typed as text, 1930 is read as 19:30', async () => {
  const b = app.browser;
  const neu = JSON.parse(cli('sitzung', 'neu', '--gremium', '1', '--beginn', '2026-01-15T17:00', '--ort', 'Rathaus', '--json'));
  await (await b.$(tid('nav-vorlagen'))).click();
  await sitzungOeffnen(b, neu.nummer);
  const ende = await b.$(tid('sitzung-ende'));
  assert.equal(await ende.getAttribute('type'), 'text');
  await ende.click();
  await tippe(b, '1930');
  assert.equal(await ende.getValue(), '1930');
  await (await b.$(tid('sitzung-schriftfuehrung'))).setValue('Dragana Petrović');
  await (await b.$(tid('sitzung-abschliessen'))).click();
  await b.waitUntil(async () => (sitzungJson(neu.id).ende || '').slice(11, 16) === '19:30', { timeout: 10000, timeoutMsg: `Ende: ${sitzungJson(neu.id).ende}` });
});

test('2, 16: a double click on "Freigeben" releases once and creates no Neue Fassung; deleting a draft names the Betreff just typed', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-vorlagen'))).click();
  const anzahl = vorlagen().length;
  const seed = vorlagen().find((v) => /Arbeitsgemeinschaft der Integrationsräte/.test(v.betreff));
  const zeile = await b.$(`${tid('vorlage-zeile')}[data-id="${seed.id}"] td`);
  await zeile.waitForDisplayed({ timeout: 15000 });
  await zeile.click();
  const freigeben = await b.$(tid('freigeben'));
  await freigeben.waitForDisplayed({ timeout: 10000 });
  await freigeben.doubleClick();
  await (await b.$(tid('neue-fassung'))).waitForDisplayed({ timeout: 15000 });
  await ruhig(b);
  assert.equal(vorlagen().length, anzahl, 'eine neue Fassung wurde angelegt');
  assert.equal(await b.execute(() => document.getElementById('dialog').open), false);
  // "Neue Fassung anlegen…" asks first; "Abbrechen" leaves everything as it is.
  await (await b.$(tid('neue-fassung'))).click();
  await (await b.$(tid('bestaetigen-text'))).waitForDisplayed({ timeout: 5000 });
  assert.match(await (await b.$(tid('bestaetigen-text'))).getText(), /^Neue Fassung von \d{4}\/\d+ anlegen\?/);
  await (await b.$(tid('abbrechen'))).click();
  assert.equal(vorlagen().length, anzahl);
  // 9: a draft keeps a Betreff of 10,000 characters (typed, here pasted); its list row
  // shows two lines of it.
  await neueVorlage(b);
  await b.execute(() => {
    const f = document.querySelector('[data-testid="feld-betreff"]');
    f.focus();
    f.value = 'Sehr langer Betreff '.repeat(500);
    f.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await b.waitUntil(async () => b.execute(() => !!document.querySelector('.zwei-zeilen[title^="Sehr langer Betreff"]')), { timeout: 15000, timeoutMsg: 'Entwurf mit langem Betreff nicht in der Liste' });
  const hoehe = await b.execute(() => {
    const span = document.querySelector('.zwei-zeilen[title^="Sehr langer Betreff"]');
    return [span.getBoundingClientRect().height, parseFloat(getComputedStyle(span).lineHeight), span.closest('tr').getBoundingClientRect().height];
  });
  assert.ok(hoehe[0] <= 2 * hoehe[1] + 1, `Betreff ${hoehe[0]} px hoch (Zeile ${hoehe[1]} px)`);
  assert.ok(hoehe[2] < 150, `Listenzeile ${hoehe[2]} px hoch`);
  assert.ok(vorlagen().some((v) => v.betreff.length >= 9999), 'der lange Betreff ist nicht gespeichert');
  // 16
  const betreff = await neueVorlage(b);
  await betreff.click();
  await tippe(b, 'Sprachpatenschaften');
  await (await b.$(tid('weitere'))).click();
  await (await b.$(tid('loeschen'))).click();
  await b.waitUntil(async () => /Entwurf „Sprachpatenschaften“ in den Papierkorb gelegt/.test(await (await b.$(tid('meldungen'))).getText()), { timeout: 10000, timeoutMsg: 'Meldung nennt den Betreff nicht' });
});

test('11, 12, 13: a Wahl refuses emoji and "abc" in the words of the screen, can be renamed and deleted, offers only members with a vote', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-wahlen'))).click();
  await (await b.$(tid('wahl-neu'))).click();
  await (await b.$(tid('wahl-titel'))).waitForDisplayed({ timeout: 10000 });
  // WebKitWebDriver types no characters beyond the BMP: the emoji is put in as pasted.
  await b.execute(() => { document.querySelector('[data-testid="wahl-titel"]').value = 'Entsendung 🎉'; });
  await (await b.$(tid('wahl-anlegen'))).click();
  const befunde = await b.$(tid('wahl-befunde'));
  await b.waitUntil(async () => /Bezeichnung der Wahl/.test(await befunde.getText()), { timeout: 10000, timeoutMsg: 'Emoji nicht abgelehnt' });
  await (await b.$(tid('wahl-titel'))).setValue('Entsendung in die AG');
  await (await b.$(tid('wahl-sitze'))).setValue('abc');
  await (await b.$(tid('wahl-anlegen'))).click();
  await b.waitUntil(async () => /Sitze: „abc“ ist keine ganze Zahl ab 0\./.test(await befunde.getText()), { timeout: 10000, timeoutMsg: await befunde.getText() });
  await (await b.$(tid('wahl-sitze'))).setValue('-2');
  await (await b.$(tid('wahl-anlegen'))).click();
  await b.waitUntil(async () => /Sitze: -2 ist keine ganze Zahl ab 0\./.test(await befunde.getText()), { timeout: 10000, timeoutMsg: await befunde.getText() });
  assert.doesNotMatch(await befunde.getText(), /ungültiger Wert|erwartet|Zu besetzende/);
  await (await b.$(tid('wahl-sitze'))).setValue('1');
  await (await b.$(tid('wahl-anlegen'))).click();
  const kopf = await b.$(tid('wahl-kopf'));
  await kopf.waitForDisplayed({ timeout: 10000 });
  // 12: only members with a vote are offered.
  const angeboten = await b.execute(() => [...document.querySelectorAll('[data-testid="kandidat-person"] option')].map((o) => o.textContent));
  const sitzung = await b.execute(() => Number(document.querySelector('[data-testid="wahlen-sitzung"]').value));
  const stimmberechtigt = sitzungJson(sitzung).mitglieder.filter((m) => m.stimmrecht).map((m) => m.person.name).sort();
  assert.ok(angeboten.length > 0);
  assert.deepEqual([...angeboten].sort(), stimmberechtigt);
  // Renamed …
  const name = await b.$(tid('wahl-bezeichnung'));
  await name.click();
  await b.keys(['Control', 'a']);
  await tippe(b, 'Entsendung in die AG Integrationsräte');
  await b.keys('Tab');
  await b.waitUntil(async () => (await kopf.getText()) === 'Entsendung in die AG Integrationsräte', { timeout: 10000, timeoutMsg: 'nicht umbenannt' });
  // … and deleted, with a way back.
  await (await b.$(tid('wahl-loeschen'))).click();
  await (await b.$(tid('bestaetigen'))).click();
  await b.waitUntil(async () => (await b.$$(tid('wahl-eintrag'))).length === 0, { timeout: 10000, timeoutMsg: 'nicht gelöscht' });
  // The newest message's "Rückgängig" (an older one may still show, of another deletion).
  await (await b.$$(tid('rueckgaengig'))).at(-1).click();
  await b.waitUntil(async () => (await b.$$(tid('wahl-eintrag'))).length === 1, { timeout: 10000, timeoutMsg: 'nicht wiederhergestellt' });
});

test('15, 4: a new Gremium asks for its Art and takes its Stellvertretung; the Sitzungen area keeps the Gremium last chosen', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-gremien'))).click();
  await (await b.$(tid('gremium-neu'))).click();
  await (await b.$(tid('gremium-name'))).setValue('Ausschuss für Chancengerechtigkeit');
  await (await b.$(tid('gremium-anlegen'))).click();
  const befunde = await b.$(tid('gremium-befunde'));
  await b.waitUntil(async () => /Art des Gremiums/.test(await befunde.getText()), { timeout: 10000, timeoutMsg: `keine Meldung zur Art: ${await befunde.getText()}` });
  await (await b.$(tid('gremium-typ'))).selectByAttribute('value', 'ausschuss');
  await (await b.$(tid('gremium-vertretung'))).selectByAttribute('value', 'persoenlich');
  await (await b.$(tid('gremium-anlegen'))).click();
  await b.waitUntil(async () => (await (await b.$(tid('gremium-titel'))).getText()) === 'Ausschuss für Chancengerechtigkeit', { timeout: 10000 });
  assert.match(await (await b.$('.detail .werkzeugleiste')).getText(), /persönliche Stellvertretung/);
  const gremien = JSON.parse(cli('gremium', 'liste', '--json'));
  const neu = gremien.find((g) => g.name === 'Ausschuss für Chancengerechtigkeit');
  assert.equal(neu.vertretung, 'persoenlich');
  assert.equal(neu.typ, 'ausschuss');
  // The Sitzungen area still opens on the Integrationsrat; a Gremium chosen there is kept,
  // also after the window reloads.
  await (await b.$(tid('nav-sitzungen'))).click();
  const wahl = await b.$(tid('sitzungen-gremium'));
  await b.waitUntil(async () => (await wahl.getValue()) !== '', { timeout: 10000 });
  const ir = gremien.find((g) => g.typ === 'integrationsrat');
  assert.equal(await wahl.getValue(), String(ir.id));
  await wahl.selectByAttribute('value', String(neu.id));
  await b.waitUntil(async () => (await b.$$(tid('liste-leer'))).length === 1, { timeout: 10000 });
  await b.execute(() => location.reload());
  await (await b.$(tid('nav-sitzungen'))).waitForDisplayed({ timeout: 15000 });
  await (await b.$(tid('nav-sitzungen'))).click();
  await b.waitUntil(async () => (await (await b.$(tid('sitzungen-gremium'))).getValue()) === String(neu.id), { timeout: 10000, timeoutMsg: 'Gremium nicht gemerkt' });
  await (await b.$(tid('sitzungen-gremium'))).selectByAttribute('value', String(ir.id));
});

test('19: the restore banner shows its time in the office\'s time zone, not the machine\'s', async () => {
  // The app started again in New York; the office keeps Europe/Berlin time (its setting).
  await app.beenden();
  const ny = await starteApp(ordner, { TZ: 'America/New_York' });
  try {
    const b = ny.browser;
    await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length > 0, { timeout: 15000 });
    const v = vorlagen().find((x) => !x.nummer);
    // Input of an earlier run that never reached the store, as the journal keeps it.
    await b.execute((id) => {
      localStorage.setItem(`ratsbuero.journal.${id}`, JSON.stringify({ basis: 0, inhalt: { betreff: 'Ungespeicherter Betreff' }, zeit: '2026-12-07T02:20:00.000Z' }));
    }, v.id);
    await (await b.$(`${tid('vorlage-zeile')}[data-id="${v.id}"] td`)).click();
    const hinweis = await b.$(tid('journal-hinweis'));
    await hinweis.waitForDisplayed({ timeout: 10000 });
    const text = await hinweis.getText();
    // 02:20 UTC is 03:20 in Berlin (and 21:20 the day before in New York).
    assert.match(text, /vom 07\.12\.2026 03:20 gefunden/);
    assert.doesNotMatch(text, /21:20/);
    await (await b.$(tid('journal-verwerfen'))).click();
  } finally {
    await ny.beenden();
    app = await starteApp(ordner);
    await (await app.browser.$(tid('nav-vorlagen'))).waitForDisplayed({ timeout: 15000 });
  }
});

test('a Sitzung field typed and not left: the window\'s close button saves it, then the window closes', async () => {
  const b = app.browser;
  await sitzungOeffnen(b, 2);
  const id = await sitzungId(b);
  await (await b.$(tid('sitzung-ort'))).click();
  await b.keys(['Control', 'a']);
  await tippe(b, 'Bürgersaal, zuletzt getippt');
  // The window closes only once the typing is saved.
  await fensterSchliessen(b);
  assert.equal(sitzungJson(id).ort, 'Bürgersaal, zuletzt getippt');
  await app.beenden();
  app = await starteApp(ordner);
  await (await app.browser.$(tid('nav-vorlagen'))).waitForDisplayed({ timeout: 15000 });
});

// ---- The hurried clerk: a seeded random walk.

function zufall(seed) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const SEED = Number(process.env.EILIG_SEED || 25);
const SCHRITTE = Number(process.env.EILIG_SCHRITTE || 300);
// Buttons that open documents or dialogs of their own (tested elsewhere) are not pressed.
const NICHT = ['pdf-speichern', 'pdf-drucken', 'pdf-signieren', 'paket-mitglieder', 'paket-oeffentlich', 'einladungen', 'per-email', 'niederschrift', 'auszuege', 'sitzung-absagen', 'sitzung-loeschen', 'sitzung-abschliessen', 'wahl-niederschrift', 'stimmzettel', 'wahl-loeschen', 'los-ziehen',
  // Native windows (file, save and print dialogs) the walk cannot close, and the paper's
  // end of life (tested on their own): the editor's and the settings' ones.
  'drucken', 'als-word', 'anlage-datei', 'freigeben', 'neue-fassung', 'loeschen', 'weitere', 'als-kopie', 'als-muster', 'zur-neuen-fassung',
  'db-wechseln', 'sicherung-datei', 'sicherung-wiederherstellen', 'sicherung-server', 'sicherung-ordner-uebernehmen', 'zertifikat-waehlen', 'zertifikat-uebernehmen', 'auszahlung-pdf', 'auszahlung-csv'];

/** The areas the clerk walks: how each is opened, the element its controls are in, and
 * what of it the store holds (for the invariant "nothing typed is lost"). */
const BEREICHE = {
  sitzungen: {
    wurzel: '.detail',
    oeffnen: async (b) => { await sitzungOeffnen(b, 1); return sitzungId(b); },
    gespeichert: (id) => JSON.stringify(sitzungJson(id)),
    version: (id) => sitzungJson(id).version,
  },
  wahlen: {
    wurzel: '.detail',
    oeffnen: async (b) => {
      await (await b.$(tid('nav-wahlen'))).click();
      await b.waitUntil(async () => (await b.$$(tid('wahl-eintrag'))).length > 0, { timeout: 10000 });
      await (await b.$(tid('wahl-eintrag'))).click();
      await (await b.$(tid('wahl-kopf'))).waitForDisplayed({ timeout: 10000 });
      return null;
    },
  },
  gremien: {
    wurzel: '.detail',
    oeffnen: async (b) => {
      await (await b.$(tid('nav-gremien'))).click();
      await b.waitUntil(async () => (await b.$$(tid('gremium-eintrag'))).length > 0, { timeout: 10000 });
      await (await b.$(tid('gremium-eintrag'))).click();
      await (await b.$(tid('mitglied-neu-form'))).waitForDisplayed({ timeout: 10000 });
      return null;
    },
  },
  // A draft in the editor (autosaved): its fields, Beratungsfolge, Finanzen, Anlagen.
  vorlagen: {
    wurzel: '.detail',
    // The draft open before (after a restart), else the first draft of the list.
    oeffnen: async (b, offen = null) => {
      const v = offen ?? vorlagen().find((x) => !x.nummer).id;
      await (await b.$(tid('nav-vorlagen'))).click();
      await b.waitUntil(async () => (await b.$$(tid('vorlage-zeile'))).length > 0, { timeout: 15000 });
      await (await b.$(`${tid('vorlage-zeile')}[data-id="${v}"] td`)).click();
      await (await b.$(tid('editor-felder'))).waitForDisplayed({ timeout: 10000 });
      // Input kept from before a restart is offered back: take it.
      const zurueck = await b.$(tid('journal-wiederherstellen'));
      if (await zurueck.isExisting()) await zurueck.click();
      return v;
    },
    // The clerk may open another paper (Tab reaches the list and "Neue Vorlage"): what is
    // typed belongs to the one open then.
    offen: (b) => b.execute(() => Number(document.querySelector('[data-testid="vorlage-zeile"][aria-selected="true"]')?.dataset.id) || null),
    gespeichert: (id) => cli('vorlage', 'zeigen', String(id), '--json'),
    version: (id) => JSON.parse(cli('vorlage', 'zeigen', String(id), '--json')).version,
  },
  // A decision followed up: Stand, Wiedervorlage, Zuständig, notes.
  beschluesse: {
    wurzel: '.detail',
    oeffnen: async (b, offen = null) => {
      await (await b.$(tid('nav-beschluesse'))).click();
      await b.waitUntil(async () => (await b.$$(tid('beschluss-zeile'))).length > 0, { timeout: 10000 });
      const zeile = offen ? await b.$(`${tid('beschluss-zeile')}[data-id="${offen}"]`) : await b.$(tid('beschluss-zeile'));
      await (await zeile.$('td')).click();
      await (await b.$(tid('beschluss-status'))).waitForDisplayed({ timeout: 10000 });
      return Number(await zeile.getAttribute('data-id'));
    },
    offen: (b) => b.execute(() => Number(document.querySelector('[data-testid="beschluss-zeile"][aria-selected="true"]')?.dataset.id) || null),
    gespeichert: (id) => cli('beschluss', 'zeigen', String(id), '--json'),
    // Each change of the follow-up is one more note or a newer time of change.
    version: (id) => { const j = JSON.parse(cli('beschluss', 'zeigen', String(id), '--json')); return j.notizen.length; },
  },
  einstellungen: {
    wurzel: '.einstellungen',
    oeffnen: async (b) => {
      await (await b.$(tid('nav-einstellungen'))).click();
      await (await b.$(tid('papierkorb'))).waitForDisplayed({ timeout: 10000 });
      return null;
    },
  },
};

/** A click as the clerk's hand makes it: on the control, or — where something lies over
 * it for a moment (a message at the bottom) — on what lies there, as a real click would.
 * WebDriver's element click refuses that case ("element click intercepted"). */
async function klicken(b, el, mal = 1) {
  try {
    if (mal === 2) await el.doubleClick(); else await el.click();
  } catch (e) {
    if (!/intercepted/.test(String(e))) throw e;
    let a = b.action('pointer').move({ origin: el });
    for (let i = 0; i < mal; i += 1) a = a.down().up();
    await a.perform();
  }
}

/** Waits until every save begun has ended (what the window's close waits for, app.js)
 * and no action runs. */
async function ruhig(b) {
  await b.waitUntil(() => b.executeAsync((fertig) => {
    window.ratsbueroGespeichert().then(() => fertig(!document.querySelector('[aria-busy="true"]')));
  }), { timeout: 10000, timeoutMsg: 'Nach 10 s läuft noch eine Aktion oder ein Speichern.' });
}

/** The window's close button (as the clerk ends the day), then the app started again. */
async function fensterZuUndWiederAuf() {
  await fensterSchliessen(app.browser);
  await app.beenden();
  app = await starteApp(ordner);
  await (await app.browser.$(tid('nav-vorlagen'))).waitForDisplayed({ timeout: 15000 });
  return app.browser;
}

for (const [bereich, art] of Object.entries(BEREICHE)) {
  test(`the hurried clerk on ${bereich}: ${SCHRITTE} steps of seed ${SEED}`, async () => {
    let b = app.browser;
    const r = zufall(SEED + bereich.length);
    const waehle = (liste) => liste[Math.floor(r() * liste.length)];
    let id = await art.oeffnen(b);
    const stand = () => (art.version && id ? art.version(id) : null);
    const getippt = [];
    const protokoll = [];
    for (let i = 0; i < SCHRITTE; i += 1) {
      if (art.offen) id = await art.offen(b);
      // Now and then the window is closed and opened again (where the store is read back).
      const schritt = art.gespeichert && r() < 0.02 ? 'fenster' : waehle(['tippen', 'tippen', 'tab', 'tab', 'shifttab', 'klick', 'doppelklick', 'enter', 'leer']);
      const vorher = schritt === 'doppelklick' ? stand() : null;
      // The values refused with a message before the step (see "a value refused" below).
      const abgelehntVorher = await b.execute((w) => [...document.querySelectorAll(`${w} [aria-invalid="true"]`)].map((e) => e.value), art.wurzel);
      const ziele = await b.execute((nicht, w) => [...document.querySelectorAll(`${w} input[type="text"], ${w} textarea, ${w} button, ${w} select`)]
        .filter((e) => !e.disabled && !e.readOnly && e.getClientRects().length && !nicht.includes(e.dataset.testid) && !e.closest('dialog'))
        .map((e, n) => { e.dataset.zufall = String(n); return { n, tag: e.tagName, testid: e.dataset.testid || '', label: e.getAttribute('aria-label') || e.textContent.trim().slice(0, 20) }; }), NICHT, art.wurzel);
      const ziel = waehle(ziele);
      const el = ziel ? await b.$(`[data-zufall="${ziel.n}"]`) : null;
      // The log names the target and, for a key, the control that had the focus.
      const vor = await fokus(b);
      protokoll.push(`${i} ${schritt} ${ziel ? `${ziel.tag}:${ziel.testid || ziel.label}` : ''} (Fokus vorher: ${vor.tag}:${vor.testid || vor.label})`);
      // Whether this step was done with the keyboard (the focus must then stay on a control).
      let tastatur = false;
      if (schritt === 'fenster') {
        // What the clerk sees typed in a field without a message is saved by the close
        // (not what waits for its button, as the date of "Als eingeladen vermerken").
        const offen = await b.execute((w) => [...document.querySelectorAll(`${w} input, ${w} textarea`)].filter((e) => e.getAttribute('aria-invalid') !== 'true' && !e.hasAttribute('data-fuer-aktion')).map((e) => e.value).join('\n'), art.wurzel);
        const zuSichern = getippt.filter((g) => g.id === id && offen.includes(g.text));
        // A value refused with a message at its field is not saved by the close: the clerk
        // was told; it is not looked for afterwards.
        const abgelehnt = await b.execute((w) => [...document.querySelectorAll(`${w} [aria-invalid="true"]`)].map((e) => e.value).join('\n'), art.wurzel);
        for (let k = getippt.length - 1; k >= 0; k -= 1) if (getippt[k].id === id && abgelehnt.includes(getippt[k].text) && !offen.includes(getippt[k].text)) getippt.splice(k, 1);
        b = await fensterZuUndWiederAuf();
        id = await art.oeffnen(b, id);
        const json = id ? art.gespeichert(id) : '';
        for (const g of zuSichern) assert.ok(json.includes(g.text), `„${g.text}“ (Schritt ${g.schritt}, ${g.wo}) stand im Feld und ist nach dem Schließen nicht gespeichert\n${protokoll.slice(g.schritt).join('\n')}`);
        continue;
      }
      if (schritt === 'tippen' && el && ['INPUT', 'TEXTAREA'].includes(ziel.tag)) {
        tastatur = true;
        const text = `E${i}x`;
        await el.scrollIntoView({ block: 'center' });
        await klicken(b, el);
        await b.keys([ziel.tag === 'TEXTAREA' ? 'PageDown' : 'End']);
        await b.keys(['End']);
        // Where the keys go: the field clicked, unless the click landed on what lay over it
        // for a moment (a message) — typing into a button is typing into nothing.
        const feld = await b.execute(() => (['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName) ? document.activeElement.dataset.testid || document.activeElement.getAttribute('aria-label') || '?' : null));
        await tippe(b, text);
        if (feld !== null) getippt.push({ text, schritt: i, id, wo: feld });
        await b.keys(waehle(['Tab', 'Tab', 'Enter']));
      } else if (schritt === 'tab') { tastatur = true; await b.keys('Tab'); }
      else if (schritt === 'shifttab') { tastatur = true; await b.keys(['Shift', 'Tab']); }
      else if (schritt === 'klick' && el && ziel.tag === 'BUTTON') { await el.scrollIntoView({ block: 'center' }); await klicken(b, el); }
      else if (schritt === 'doppelklick' && el && ziel.tag === 'BUTTON') {
        await el.scrollIntoView({ block: 'center' });
        await klicken(b, el, 2);
        await ruhig(b);
        // (c) one click is one action: a double click raises the version at most once.
        // (↑/↓ are pressed twice on purpose: each moves once.)
        const zweimalErlaubt = !id || ['top-hoch', 'top-runter', 'schritt-hoch', 'schritt-runter'].includes(ziel.testid);
        assert.ok(zweimalErlaubt || stand() - vorher <= 1, `Doppelklick auf ${ziel.testid || ziel.label} hat ${stand() - vorher} Änderungen gemacht\n${protokoll.join('\n')}`);
      } else if (schritt === 'enter' && await b.execute((nicht) => document.activeElement !== document.body && !nicht.includes(document.activeElement.dataset.testid), NICHT)) { tastatur = true; await b.keys('Enter'); }
      else if (schritt === 'leer' && await b.execute((nicht) => document.activeElement?.tagName === 'BUTTON' && !nicht.includes(document.activeElement.dataset.testid), NICHT)) { tastatur = true; await b.keys(' '); }
      // A dialog or a PDF preview a step opened is closed again (Escape: its "Abbrechen").
      if (await b.execute(() => !!document.querySelector('dialog[open]'))) await b.keys('Escape');
      await ruhig(b);
      // (b) after a save the focus is never on <body>, checked after every keyboard step.
      // (A click is the clerk's own move of the focus: one on a control that has just
      // become disabled — ↓ on the TOP that is last now — puts it on <body> in every browser.)
      const f = await fokus(b);
      if (tastatur) assert.notEqual(f.tag, 'BODY', `Fokus auf <body> nach Schritt ${i}\n${protokoll.slice(-8).join('\n')}`);
      // The clerk left the area (Tab reaches the navigation; Enter opens another area): a
      // value refused with a message at its field goes with it, as with the window's close
      // — the clerk was told. Everything else typed is looked for as before.
      const woJetzt = await b.execute(() => document.querySelector('[data-bereich][aria-current="page"]')?.dataset.bereich || '');
      if (woJetzt !== bereich) {
        for (let k = getippt.length - 1; k >= 0; k -= 1) if (abgelehntVorher.some((v) => v.includes(getippt[k].text))) getippt.splice(k, 1);
      }
      // (a) nothing typed is lost: in the store or shown at a field (with a message).
      if (art.gespeichert && getippt.length) {
        // Shown in a field, or kept on the workstation for a field that waits for its button
        // (Neue Notiz, a TOP's title; components/wartend.js) when the clerk left the area.
        const sichtbar = await b.execute((w) => [...[...document.querySelectorAll(`${w} input, ${w} textarea`)].map((e) => e.value),
          ...Object.keys(localStorage).filter((k) => k.startsWith('ratsbuero.wartet.')).map((k) => localStorage.getItem(k))].join('\n'), art.wurzel);
        // The store read once per paper and step (a CLI start each).
        const gelesen = new Map();
        const gespeichert = (v) => { if (!gelesen.has(v)) gelesen.set(v, art.gespeichert(v)); return gelesen.get(v); };
        const verloren = getippt.slice(-3).filter((g) => !(gespeichert(g.id).includes(g.text) || sichtbar.includes(g.text) || protokoll.slice(g.schritt).some((p) => /entfernen|Entfernen/.test(p))));
        // What the screen shows then (the fields with a value or a message, the messages),
        // so that a loss on a loaded machine can be read from the log.
        const bild = verloren.length ? await b.execute((w) => ({
          felder: [...document.querySelectorAll(`${w} input, ${w} textarea`)].filter((e) => e.value || e.getAttribute('aria-invalid')).map((e) => `${e.closest('[data-schluessel]')?.dataset.schluessel || ''}/${e.dataset.testid || e.dataset.feld}=${JSON.stringify(e.value)}${e.getAttribute('aria-invalid') ? ' (Meldung)' : ''}`),
          meldungen: [...document.querySelectorAll('.meldung')].map((m) => m.textContent),
          fokus: `${document.activeElement?.tagName}:${document.activeElement?.dataset?.testid || ''}`,
        }), art.wurzel) : null;
        assert.deepEqual(verloren.map((g) => `„${g.text}“ (Schritt ${g.schritt}, ${g.wo})`), [],
          `verloren\n${protokoll.slice(Math.min(...verloren.map((g) => g.schritt), protokoll.length - 1) - 3).join('\n')}\n${JSON.stringify(bild, null, 1)}`);
      }
      // (d) axe, every 30 steps.
      if (i % 30 === 29) assert.deepEqual(await barrieren(b), [], `axe nach Schritt ${i}`);
    }
  });
}
