// The Einladung by e-mail in the real app, against a real SMTP server on 127.0.0.1
// (tests/smtp/server.py: Debian's aiosmtpd with STARTTLS and AUTH, a certificate of the
// test's own authority): a press address typed wrong and then right, the office's mail
// settings, the outbox (recipients, attachments, the member per post, a message opened),
// the password forgotten, then wrong, then right, the confirmation naming the count,
// the progress, what became of each message, and the Sitzung eingeladen. The messages
// are read back with Python's email package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { starteApp, neuerOrdner, barrieren, tid, CLI, wurzel, bueroDb, bildPfad } from './app.mjs';

const ordner = neuerOrdner('versand');
const db = bueroDb(ordner);
const eingang = path.join(ordner, 'eingang');
const KENNWORT = 'Geheim-Ölfeld-7';
let app;
let server;
let port;

const cli = (...args) => execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8' });

before(async () => {
  cli('einrichten', '--kommune', 'Stadt Herne');
  cli('gremium', 'neu', '--name', 'Integrationsrat', '--art', 'integrationsrat', '--kurzname', 'IR');
  cli('person', 'neu', '--anrede', 'Frau', '--titel', 'Dr.', '--vorname', 'Ayşe', '--nachname', 'Yılmaz', '--email', 'ayse.yilmaz@herne.example', '--gremium', '1', '--rolle', 'vorsitz');
  cli('person', 'neu', '--anrede', 'Herr', '--vorname', 'Ștefan', '--nachname', 'Țurcanu', '--email', 'stefan@herne.example', '--gremium', '1');
  cli('person', 'neu', '--anrede', 'Frau', '--vorname', 'Елена', '--nachname', 'Смирнова', '--email', 'elena@herne.example', '--gremium', '1', '--rolle', 'stellv_mitglied');
  cli('person', 'neu', '--vorname', 'Thị Hồng', '--nachname', 'Nguyễn', '--gremium', '1');
  cli('vorlage', 'import', path.join(wurzel, 'tests/fixtures/seed-000.json'));
  cli('vorlage', 'freigeben', '1');
  cli('sitzung', 'neu', '--gremium', '1', '--beginn', '2027-01-20T17:00', '--ort', 'Rathaus, Raum 101');
  cli('sitzung', 'top', '1', '--vorlage', '1');
  cli('sitzung', 'top', '1', '--titel', 'KANARIE Personalangelegenheit', '--nichtoeffentlich');

  const openssl = (...args) => execFileSync('openssl', args, { cwd: ordner, stdio: 'pipe' });
  openssl('req', '-new', '-x509', '-days', '2', '-nodes', '-subj', '/CN=Test-CA', '-keyout', 'ca.key', '-out', 'ca.crt');
  openssl('req', '-new', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr');
  writeFileSync(path.join(ordner, 'ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'ext', '-out', 'server.crt');
  server = spawn('/usr/bin/python3', [path.join(wurzel, 'tests/smtp/server.py'), '--ordner', eingang,
    '--zertifikat', path.join(ordner, 'server.crt'), '--schluessel', path.join(ordner, 'server.key'),
    '--benutzer', 'integrationsrat', '--kennwort', KENNWORT], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise((ok, nein) => {
    readline.createInterface({ input: server.stdout }).once('line', (l) => (l.startsWith('bereit ') ? ok(Number(l.slice(7))) : nein(new Error(l))));
    server.once('exit', (c) => nein(new Error(`SMTP-Testserver beendet: ${c}`)));
  });
  app = await starteApp(ordner);
});
after(async () => { await app?.beenden(); server?.kill(); });

const eml = () => { try { return readdirSync(eingang).filter((d) => d.endsWith('.eml')).sort(); } catch { return []; } };

test('a press address typed wrong is named at its field, then the right one is kept', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-gremien'))).waitForDisplayed({ timeout: 15000 });
  await (await b.$(tid('nav-gremien'))).click();
  const email = await b.$(tid('presse-email'));
  await email.waitForDisplayed({ timeout: 10000 });
  await email.setValue('redaktion-waz.example');
  await (await b.$(tid('presse-hinzufuegen'))).click();
  const befunde = await b.$(tid('presse-befunde'));
  await b.waitUntil(async () => /„redaktion-waz\.example“ hat kein @/.test(await befunde.getText()), { timeout: 8000, timeoutMsg: 'keine Meldung an der Adresse' });
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  // More typing: the clerk puts the @ in and presses Enter.
  await email.setValue('redaktion@waz.example');
  await b.keys('Enter');
  await b.waitUntil(async () => (await b.$$(tid('presse-adresse'))).length === 1, { timeout: 8000, timeoutMsg: 'Adresse nicht aufgenommen' });
  assert.equal(await (await b.$(tid('presse-befunde'))).getText(), '');
  assert.match(await (await b.$(tid('presse-liste'))).getText(), /redaktion@waz\.example/);
});

test('the mail settings: a server without a scheme is refused at its field, then saved', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-einstellungen'))).click();
  const server = await b.$(tid('feld-server'));
  await server.waitForDisplayed({ timeout: 10000 });
  await server.setValue(`127.0.0.1:${port}`);
  await (await b.$(tid('feld-benutzer'))).setValue('integrationsrat');
  await (await b.$(tid('feld-absender'))).setValue('Integrationsrat Herne <integrationsrat@herne.example>');
  await (await b.$(tid('feld-ca'))).setValue(path.join(ordner, 'ca.crt'));
  await (await b.$(tid('smtp-speichern'))).click();
  const meldung = () => b.execute(() => document.querySelector('[data-testid="einstellungen-smtp"] [data-meldung-fuer="server"]')?.textContent || '');
  await b.waitUntil(async () => /keine Adresse der Form smtp:\/\/HOST:PORT/.test(await meldung()), { timeout: 8000, timeoutMsg: 'keine Meldung am Mailserver' });
  await server.setValue(`smtp://127.0.0.1:${port}`);
  await (await b.$(tid('smtp-speichern'))).click();
  await b.waitUntil(async () => (await meldung()) === '', { timeout: 8000, timeoutMsg: 'die Meldung blieb stehen' });
  // Nothing of a password anywhere in the settings.
  assert.equal(await b.execute(() => document.querySelectorAll('[data-testid="einstellungen-smtp"] input[type="password"]').length), 0);
  // The section at both window sizes: every field inside the window, none overlapping.
  for (const [breite, hoehe] of [[1024, 700], [1920, 1080]]) {
    await b.setWindowSize(breite, hoehe);
    await b.execute(() => document.querySelector('[data-testid="einstellungen-smtp"]').scrollIntoView());
    await b.pause(300);
    const fehler = await b.execute(() => {
      const felder = [...document.querySelectorAll('[data-testid="einstellungen-smtp"] input, [data-testid="einstellungen-smtp"] select, [data-testid="einstellungen-oparl"] input')];
      const f = [];
      for (const [i, a] of felder.entries()) {
        const r = a.getBoundingClientRect();
        if (r.right > window.innerWidth + 1) f.push(`außerhalb: ${a.dataset.feld}`);
        for (const b of felder.slice(i + 1)) {
          const q = b.getBoundingClientRect();
          if (Math.min(r.right, q.right) - Math.max(r.left, q.left) > 1 && Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top) > 1) f.push(`überlappen: ${a.dataset.feld} / ${b.dataset.feld}`);
        }
      }
      return f;
    });
    assert.deepEqual(fehler, [], `${breite}×${hoehe}`);
    await b.saveScreenshot(bildPfad(`einstellungen-email-${breite}x${hoehe}.png`));
  }
  await b.setWindowSize(1400, 900);
});

test('the outbox, a forgotten and a wrong password, then the Einladung sent to each one', async () => {
  const b = app.browser;
  await (await b.$(tid('nav-sitzungen'))).click();
  await (await b.$(tid('sitzung-zeile'))).waitForDisplayed({ timeout: 15000 });
  await (await (await b.$(tid('sitzung-zeile'))).$('td')).click();
  await (await b.$(tid('per-email'))).waitForDisplayed({ timeout: 10000 });
  await (await b.$(tid('per-email'))).click();
  await (await b.$(tid('postausgang-empfaenger'))).waitForDisplayed({ timeout: 20000 });
  const zeilen = await b.$$(tid('postausgang-zeile'));
  assert.equal(zeilen.length, 4, 'drei Mitglieder mit Adresse und die Presse');
  const tabelle = await (await b.$(tid('postausgang-empfaenger'))).getText();
  assert.match(tabelle, /Dr\. Ayşe Yılmaz/);
  assert.match(tabelle, /Елена Смирнова/);
  assert.match(tabelle, /Sitzungsunterlagen_IR_1_öffentlich\.pdf \(\d/);
  assert.match(await (await b.$(tid('postausgang-per-post'))).getText(), /Thị Hồng Nguyễn/);
  assert.match(await (await b.$(tid('postausgang-beispiel'))).getText(), /Sehr geehrte Frau Dr\. Yılmaz,/);
  assert.deepEqual(await barrieren(b), [], 'Barrieren im Postausgang');
  // The outbox at both window sizes: nothing wider than the dialog, the buttons in view.
  for (const [breite, hoehe] of [[1024, 700], [1920, 1080]]) {
    await b.setWindowSize(breite, hoehe);
    await b.pause(300);
    const fehler = await b.execute(() => {
      const d = document.getElementById('dialog');
      const f = [];
      if (d.scrollWidth > d.clientWidth + 1) f.push(`Dialog zu breit: ${d.scrollWidth} > ${d.clientWidth}`);
      for (const k of d.querySelectorAll('.aktionen button')) {
        const r = k.getBoundingClientRect();
        if (r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1) f.push(`außerhalb: ${k.textContent}`);
      }
      return f;
    });
    assert.deepEqual(fehler, [], `${breite}×${hoehe}`);
    await b.saveScreenshot(bildPfad(`postausgang-${breite}x${hoehe}.png`));
  }

  // Senden without the password: back at the outbox, the field named, nothing sent.
  await (await b.$(tid('versand-senden'))).click();
  await (await b.$(tid('bestaetigen-text'))).waitForDisplayed({ timeout: 8000 });
  assert.equal(await (await b.$(tid('bestaetigen-text'))).getText(), '4 Nachrichten an 3 Mitglieder und 1 Presseadresse senden?');
  await (await b.$(tid('bestaetigen'))).click();
  const kennwortMeldung = () => b.execute(() => document.querySelector('#dialog [data-meldung-fuer="kennwort"]')?.textContent || '');
  await b.waitUntil(async () => /Kennwort für integrationsrat am Mailserver fehlt/.test(await kennwortMeldung()), { timeout: 15000, timeoutMsg: 'kein Hinweis auf das fehlende Kennwort' });
  assert.equal(eml().length, 0);

  // A wrong one: the server refuses the login before any message.
  await (await b.$(tid('versand-kennwort'))).waitForClickable({ timeout: 10000 });
  await (await b.$(tid('versand-kennwort'))).setValue('falsch');
  await (await b.$(tid('versand-senden'))).click();
  await (await b.$(tid('bestaetigen'))).click();
  await b.waitUntil(async () => /Anmeldung abgelehnt/.test(await kennwortMeldung()), { timeout: 20000, timeoutMsg: 'falsches Kennwort nicht gemeldet' });
  assert.equal(eml().length, 0);

  // The right one, typed after the wrong one.
  const feld = await b.$(tid('versand-kennwort'));
  await feld.waitForClickable({ timeout: 10000 });
  await feld.setValue(KENNWORT);
  await (await b.$(tid('versand-senden'))).click();
  await (await b.$(tid('bestaetigen'))).click();
  const kopf = await b.$(tid('versand-kopf'));
  await kopf.waitForDisplayed({ timeout: 30000 });
  assert.equal(await kopf.getText(), '4 Nachrichten gesendet. Die Sitzung ist als eingeladen vermerkt.');
  const status = await b.execute(() => [...document.querySelectorAll('[data-testid="versand-zeile"]')].map((e) => e.dataset.status));
  assert.deepEqual(status, ['gesendet', 'gesendet', 'gesendet', 'gesendet']);
  await (await b.$(tid('versand-schliessen'))).click();
  await b.waitUntil(async () => /eingeladen/i.test(await (await b.$(tid('sitzung-stand'))).getText()), { timeout: 10000, timeoutMsg: 'Sitzung nicht als eingeladen gezeigt' });

  // What arrived, read as a mail program reads it.
  const dateien = eml().map((d) => path.join(eingang, d));
  assert.equal(dateien.length, 4);
  const mails = JSON.parse(execFileSync('/usr/bin/python3', [path.join(wurzel, 'tests/smtp/lesen.py'), ...dateien], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const an = mails.flatMap((m) => m.to_adressen).sort();
  assert.deepEqual(an, ['ayse.yilmaz@herne.example', 'elena@herne.example', 'redaktion@waz.example', 'stefan@herne.example']);
  for (const m of mails) {
    const presse = m.to_adressen[0] === 'redaktion@waz.example';
    assert.equal(JSON.stringify(m).includes('KANARIE'), !presse, `${m.to_adressen[0]}: der nichtöffentliche Teil ${presse ? 'darf nicht' : 'muss'} dabei sein`);
    assert.ok(m.anhaenge.some((a) => a.name === 'einladung.ics' && a.methode === 'REQUEST'));
  }
  const elena = mails.find((m) => m.to_adressen[0] === 'elena@herne.example');
  assert.ok(elena.text.startsWith('Sehr geehrte Frau Смирнова,'), elena.text);
  assert.equal(elena.anhaenge[0].name, 'Einladung_1_Елена_Смирнова.pdf');
});
