// Einstellungen: the office's settings (Kommune, Gremium, Nummernschema) and which
// database file is open. Also the first-start dialog that offers the defaults.
import { aufruf } from '../ipc.js';
import { h } from '../components/dom.js';
import * as feld from '../components/feld.js';
import * as meldung from '../components/meldung.js';
import * as dialog from '../components/dialog.js';
import { ZEICHNUNG, datumDeutsch, uhrzeit, groesse } from '../format.js';
import { GREMIUM_ART, ZEITZONEN } from '../wertlisten.js';
import { importFormular as risImport } from '../components/ris.js';
import * as geld from '../components/sitzungsgeld.js';

const SCHEMA_HILFE = 'Platzhalter: {jahr}, {nr}, {nr:04} (vierstellig), {wahlperiode}. Beispiele: {jahr}/{nr:04} → 2026/0001; {nr:04}/{jahr} → 0001/2026; {wahlperiode}/{nr} → 14/1.';

const ZEITZONE_HILFE = 'Alle Zeiten werden in dieser Zeitzone gezeigt, gedruckt und versandt, gleich wie die Uhr des Rechners steht. Name der IANA-Zeitzonendatenbank, z. B. Europe/Berlin.';

function bueroFelder(b) {
  return h('div', { class: 'raster' },
    feld.text('kommune', 'Kommune', b.kommune, { attrs: { placeholder: 'z. B. Stadt Herne' } }),
    feld.text('gremium_name', 'Name des Gremiums', b.gremium_name),
    feld.auswahl('gremium_art', 'Art des Gremiums', GREMIUM_ART, b.gremium_art),
    feld.text('nummernschema', 'Nummernschema der Vorlagen', b.nummernschema, { hilfe: SCHEMA_HILFE }),
    feld.text('wahlperiode', 'Wahlperiode', b.wahlperiode, { attrs: { placeholder: 'z. B. 14' } }),
    feld.text('unterschrift.behoerdenleitung', 'Unterzeichnung: Behördenleitung', b.unterschrift.behoerdenleitung, { attrs: { placeholder: 'z. B. Die Bürgermeisterin' } }),
    feld.auswahl('unterschrift.modus', 'Unterzeichnung: Zeichnung', ZEICHNUNG, b.unterschrift.modus),
    feld.text('unterschrift.name', 'Unterzeichnung: Name', b.unterschrift.name, { attrs: { placeholder: 'z. B. Rainer Weichelt' } }),
    feld.text('unterschrift.funktion', 'Unterzeichnung: Funktion', b.unterschrift.funktion, { attrs: { placeholder: 'z. B. Erster Beigeordneter' } }),
    feld.text('zeitzone', 'Zeitzone des Büros', b.zeitzone, { attrs: { list: 'zeitzonen', spellcheck: 'false' }, hilfe: ZEITZONE_HILFE }),
    feld.text('einladung_vorlauf_tage', 'Erinnerung an die Einladung (Tage vor Ablauf der Ladungsfrist)', String(b.einladung_vorlauf_tage ?? 7), { attrs: { inputmode: 'numeric', autocomplete: 'off' } }),
    h('datalist', { id: 'zeitzonen' }, ...ZEITZONEN.map((z) => h('option', { value: z }))),
  );
}

function bueroLesen(wurzel, eingerichtet) {
  const w = (k) => wurzel.querySelector(`[data-feld="${k}"]`).value;
  return {
    kommune: w('kommune'), gremium_name: w('gremium_name'), gremium_art: w('gremium_art'), nummernschema: w('nummernschema'), wahlperiode: w('wahlperiode'), eingerichtet,
    unterschrift: { behoerdenleitung: w('unterschrift.behoerdenleitung'), modus: w('unterschrift.modus'), name: w('unterschrift.name'), funktion: w('unterschrift.funktion') },
    zeitzone: w('zeitzone'),
    // Digits as a number; anything else goes as typed and the core names the field.
    einladung_vorlauf_tage: /^\s*\d+\s*$/.test(w('einladung_vorlauf_tage')) ? Number(w('einladung_vorlauf_tage')) : w('einladung_vorlauf_tage'),
  };
}

async function bueroSpeichern(wurzel) {
  try {
    const b = await aufruf('buero_speichern', { buero: bueroLesen(wurzel, true) });
    feld.befundeZeigen(wurzel, []);
    return b;
  } catch (e) {
    feld.befundeZeigen(wurzel, e.befunde || []);
    meldung.fehler(e);
    return null;
  }
}

/** First start: offers the defaults; resolves with the saved settings. */
export function einrichten(b) {
  return new Promise((fertig) => {
    const felder = h('form', { 'data-testid': 'einrichtung', onsubmit: (e) => e.preventDefault() },
      h('p', {}, 'Willkommen. Bitte prüfen Sie die Angaben Ihres Büros; Sie können sie später unter „Einstellungen“ ändern.'),
      bueroFelder(b));
    const ok = h('button', { class: 'primaer', 'data-testid': 'einrichtung-speichern', onclick: async () => {
      const gespeichert = await bueroSpeichern(felder);
      if (gespeichert) { dialog.schliessen(); fertig(gespeichert); }
    } }, 'Übernehmen');
    const dlg = dialog.oeffnen('Ratsbüro einrichten', felder, [ok]);
    dlg.addEventListener('cancel', (e) => e.preventDefault(), { once: true });
    felder.querySelector('[data-feld="kommune"]').focus();
  });
}

export async function zeigen(wurzel, { geaendert }) {
  let b;
  let info;
  let gremien = [];
  try {
    [b, info, gremien] = await Promise.all([aufruf('buero_lesen'), aufruf('db_info'), aufruf('gremien_liste')]);
  } catch (e) {
    info = await aufruf('db_info').catch(() => ({ pfad: '?', fehler: e }));
    b = null;
  }
  const bueroForm = h('form', { 'data-testid': 'einstellungen-buero', onsubmit: (e) => e.preventDefault() });
  if (b) {
    bueroForm.append(bueroFelder(b), h('p', {}, h('button', { class: 'primaer', 'data-testid': 'einstellungen-speichern', onclick: async () => {
      const neu = await bueroSpeichern(bueroForm);
      if (neu) { meldung.zeigen('Einstellungen gespeichert.'); geaendert?.(neu); }
    } }, 'Einstellungen speichern')));
  }
  const pfadFeld = feld.text('db_pfad', 'Datenbank (Datei oder Server)', info.pfad, {
    breit: true,
    hilfe: info.aus_umgebung
      ? 'Durch die Umgebungsvariable RATSBUERO_DB festgelegt.'
      : 'Eine Datei: vollständigen Pfad eintragen; gibt es sie nicht, wird sie angelegt. Ein gemeinsamer PostgreSQL-Server: postgres://benutzer@server:5432/ratsbuero (ohne Kennwort).',
  });
  // The password of a server: asked for when none was found; held in memory only.
  const kennwortFeld = feld.text('kennwort', 'Kennwort des Datenbank-Benutzers', '', {
    breit: true,
    attrs: { type: 'password', autocomplete: 'current-password' },
    hilfe: 'Wird nur für diese Sitzung im Arbeitsspeicher gehalten, nie gespeichert.',
  });
  const istServer = (t) => /^postgres(ql)?:\/\//i.test(t.trim());
  const dbForm = h('form', { 'data-testid': 'einstellungen-db', onsubmit: (e) => e.preventDefault() },
    pfadFeld,
    kennwortFeld,
    h('p', { class: 'stumm', 'data-testid': 'db-schema' }, info.schema_version ? `Schema-Version ${info.schema_version}` : ''),
    info.fehler ? h('p', { class: 'feld-meldung', role: 'alert', 'data-testid': 'db-fehler' }, info.fehler.message) : null);
  const wert = (k) => dbForm.querySelector(`[data-feld="${k}"]`).value;
  const knopf = h('button', { 'data-testid': 'db-wechseln', onclick: async () => {
    try {
      if (info.aus_umgebung) await aufruf('db_kennwort', { kennwort: wert('kennwort') });
      else await aufruf('db_pfad_setzen', { pfad: wert('db_pfad'), kennwort: wert('kennwort') || null });
      meldung.zeigen(info.aus_umgebung ? 'Mit dem Server verbunden.' : 'Datenbank gewechselt.');
      geaendert?.();
      await zeigen(wurzel, { geaendert });
    } catch (e) { feld.befundeZeigen(dbForm, e.befunde || []); meldung.fehler(e); }
  } });
  // Which fields make sense: a password only for a server; with RATSBUERO_DB only that.
  const anpassen = () => {
    const server = istServer(wert('db_pfad'));
    kennwortFeld.hidden = !(server && (!info.aus_umgebung || info.kennwort_noetig));
    knopf.textContent = server ? 'Mit diesem Server verbinden' : 'Diese Datei öffnen';
    knopf.disabled = info.aus_umgebung && !info.kennwort_noetig;
  };
  dbForm.querySelector('[data-feld="db_pfad"]').addEventListener('input', anpassen);
  if (info.aus_umgebung) dbForm.querySelector('[data-feld="db_pfad"]').readOnly = true;
  dbForm.append(knopf);
  anpassen();
  const zertForm = zertifikatFormular(info);
  wurzel.replaceChildren(h('div', { class: 'einstellungen' },
    h('h1', {}, 'Einstellungen'),
    b ? h('fieldset', {}, h('legend', {}, 'Büro'), bueroForm) : null,
    h('fieldset', {}, h('legend', {}, 'Datenbank'), dbForm),
    h('fieldset', {}, h('legend', {}, 'Signatur'), zertForm),
    b ? h('fieldset', {}, h('legend', {}, 'E-Mail-Versand'), smtpFormular()) : null,
    b ? h('fieldset', { id: 'sitzungsgeld' }, h('legend', {}, 'Sitzungsgeld'), geld.einstellungen(gremien)) : null,
    b ? h('fieldset', {}, h('legend', {}, 'Ratsinformationssystem (OParl)'), risImport()) : null,
    h('fieldset', {}, h('legend', {}, 'Sicherung'),
      info.server ? h('p', { class: 'stumm', 'data-testid': 'sicherung-server' }, 'Die Datenbank liegt auf einem PostgreSQL-Server. Jede Sicherung hier ist eine geprüfte Kopie des ganzen Büros als Datei in diesem Ordner; beim Wiederherstellen wird das Büro auf dem Server in einem Schritt ersetzt, der bisherige Stand bleibt als Sicherung erhalten. Den Server selbst sichert zusätzlich die IT (pg_dump).') : null,
      sicherungFormular(geaendert)),
    h('fieldset', { id: 'papierkorb' }, h('legend', {}, 'Papierkorb'), papierkorbListe()),
  ));
  // A server without its password: the cursor waits in the password field.
  if (info.kennwort_noetig) dbForm.querySelector('[data-feld="kennwort"]').focus();
}

const SICHERHEIT = [['starttls', 'STARTTLS (Port 587)'], ['tls', 'TLS von Anfang an (Port 465)'], ['keine', 'keine (nur Relay im Netz der Stadt, ohne Anmeldung)']];

/** The office's mail server for "Per E-Mail einladen"; the password is asked at each sending. */
function smtpFormular() {
  const form = h('form', { 'data-testid': 'einstellungen-smtp', onsubmit: (e) => e.preventDefault() }, h('p', { class: 'stumm' }, 'Wird geladen …'));
  aufruf('smtp_lesen').then((e) => {
    const w = (k) => form.querySelector(`[data-feld="${k}"]`).value;
    form.replaceChildren(
      h('div', { class: 'raster' },
        feld.text('server', 'Mailserver', e.server, { attrs: { placeholder: 'smtp://mail.stadt.de:587', spellcheck: 'false' } }),
        feld.auswahl('sicherheit', 'Verschlüsselung', SICHERHEIT, e.sicherheit),
        feld.text('benutzer', 'Anmeldename', e.benutzer, { attrs: { spellcheck: 'false', placeholder: 'leer: ohne Anmeldung' } }),
        feld.text('absender', 'Absender', e.absender, { attrs: { placeholder: 'Integrationsrat Herne <integrationsrat@herne.de>', spellcheck: 'false' } }),
        feld.text('ca', 'Stammzertifikat (PEM-Datei, optional)', e.ca, { attrs: { spellcheck: 'false' }, hilfe: 'Nur wenn der Mailserver ein Zertifikat der eigenen Zertifizierungsstelle der Stadt hat.' }),
        feld.text('grenze_mb', 'Größte Anlage (MB)', String(e.grenze_mb), { attrs: { inputmode: 'numeric' }, hilfe: 'Größere Sitzungspakete werden nicht gesendet: dann einen Link senden oder das Paket teilen.' })),
      h('p', { class: 'stumm' }, 'Das Kennwort wird nie gespeichert: Ratsbüro fragt bei jedem Versand danach.'),
      h('button', { class: 'primaer', 'data-testid': 'smtp-speichern', onclick: async () => {
        const grenze = Number(w('grenze_mb'));
        if (!Number.isInteger(grenze)) {
          feld.befundeZeigen(form, [{ feld: 'grenze_mb', schwere: 'fehler', meldung: `Größte Anlage: „${w('grenze_mb')}“ ist keine ganze Zahl.` }]);
          return;
        }
        try {
          await aufruf('smtp_speichern', { einstellungen: { server: w('server'), sicherheit: w('sicherheit'), benutzer: w('benutzer'), absender: w('absender'), ca: w('ca'), grenze_mb: grenze } });
          feld.befundeZeigen(form, []);
          meldung.zeigen('E-Mail-Einstellungen gespeichert.');
        } catch (err) { feld.befundeZeigen(form, err.befunde || []); meldung.fehler(err); }
      } }, 'E-Mail-Einstellungen speichern'));
  }).catch((err) => form.replaceChildren(h('p', { class: 'feld-meldung fehler' }, err.message)));
  return form;
}

const ARTEN_PAPIERKORB = { vorlage: 'Vorlage', sitzung: 'Sitzung', wahl: 'Wahl' };

/** What was deleted in the last 30 days, each with "Wiederherstellen". */
function papierkorbListe() {
  const ziel = h('div', { 'data-testid': 'papierkorb' });
  const laden = async () => {
    let eintraege;
    try { eintraege = await aufruf('papierkorb_liste'); } catch (e) { ziel.replaceChildren(h('p', { class: 'feld-meldung fehler' }, e.message)); return; }
    ziel.replaceChildren(
      h('p', { class: 'stumm' }, 'Gelöschte Entwürfe, Sitzungen und Wahlen bleiben 30 Tage hier und können wiederhergestellt werden; danach werden sie endgültig entfernt.'),
      eintraege.length
        ? h('table', { class: 'tabelle' },
          h('caption', { class: 'visuell-versteckt' }, 'Inhalt des Papierkorbs'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Art'), h('th', { scope: 'col' }, 'Bezeichnung'), h('th', { scope: 'col' }, 'Gelöscht am'), h('th', { scope: 'col' }, 'Endgültig ab'), h('th', { scope: 'col' }, h('span', { class: 'visuell-versteckt' }, 'Aktion')))),
          h('tbody', {}, eintraege.map((e) => h('tr', { 'data-testid': 'papierkorb-zeile' },
            h('td', {}, ARTEN_PAPIERKORB[e.art] || e.art),
            h('td', {}, e.titel),
            h('td', {}, `${datumDeutsch(e.geloescht)} ${uhrzeit(e.geloescht)}`),
            h('td', {}, e.endgueltig_ab),
            h('td', {}, h('button', { type: 'button', class: 'klein', 'data-testid': 'papierkorb-wiederherstellen', 'aria-label': `${e.titel} wiederherstellen`, onclick: async () => {
              try {
                await aufruf('papierkorb_wiederherstellen', { art: e.art, id: e.id });
                meldung.zeigen(`„${e.titel}“ wiederhergestellt.`);
                await laden();
              } catch (err) { meldung.fehler(err); }
            } }, 'Wiederherstellen'))))))
        : h('p', { 'data-testid': 'papierkorb-leer' }, 'Der Papierkorb ist leer.'));
  };
  laden();
  return ziel;
}

/** The backup folder: "Jetzt sichern", the list of backups, restore. */
function sicherungFormular(geaendert) {
  const form = h('form', { 'data-testid': 'einstellungen-sicherung', onsubmit: (e) => e.preventDefault() });
  const liste = h('div', { 'data-testid': 'sicherungen' });
  const zeigen = (u) => {
    form.querySelector('[data-feld="sicherung_ordner"]').value = u.ordner;
    liste.replaceChildren(u.sicherungen.length
      ? h('table', { class: 'tabelle' },
        h('caption', { class: 'visuell-versteckt' }, 'Vorhandene Sicherungen'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Gesichert am'), h('th', { scope: 'col' }, 'Größe'), h('th', { scope: 'col' }, h('span', { class: 'visuell-versteckt' }, 'Aktion')))),
        h('tbody', {}, u.sicherungen.map((s) => h('tr', { 'data-testid': 'sicherung-zeile' },
          h('td', {}, `${datumDeutsch(s.zeit)} ${uhrzeit(s.zeit)}`),
          h('td', {}, groesse(s.bytes)),
          h('td', {}, h('button', { type: 'button', class: 'klein', 'data-testid': 'sicherung-wiederherstellen', onclick: () => wiederherstellen(s) }, 'Wiederherstellen'))))))
      : h('p', { class: 'stumm' }, 'Noch keine Sicherung in diesem Ordner.'));
  };
  const laden = async () => { try { zeigen(await aufruf('sicherung_uebersicht')); } catch (e) { meldung.fehler(e); } };
  const wiederherstellen = (s) => {
    const ja = h('button', { class: 'primaer', 'data-testid': 'bestaetigen', onclick: async () => {
      dialog.schliessen();
      try {
        const w = await aufruf('sicherung_wiederherstellen', { datei: s.datei });
        meldung.zeigen(`Wiederhergestellt: ${w.pruefung.vorlagen} Vorlagen, ${w.pruefung.anlagen} Anlagen. Die bisherige Datenbank liegt unter ${w.beiseite}.`);
        geaendert?.();
      } catch (e) { meldung.fehler(e); }
      await laden();
    } }, 'Wiederherstellen');
    dialog.oeffnen('Sicherung wiederherstellen?',
      h('p', {}, `Die Datenbank wird durch die Sicherung vom ${datumDeutsch(s.zeit)} ${uhrzeit(s.zeit)} ersetzt. Die Sicherung wird vorher geprüft; die bisherige Datenbank wird beiseitegelegt, nicht gelöscht.`),
      [h('button', { onclick: () => dialog.schliessen() }, 'Abbrechen'), ja]);
  };
  form.append(
    feld.text('sicherung_ordner', 'Sicherungsordner', '', { breit: true, hilfe: 'Täglich automatisch und vor jeder Aktualisierung der Datenbank; aufbewahrt werden 7 tägliche, 4 wöchentliche und 12 monatliche Sicherungen.' }),
    h('p', { class: 'knoepfe' },
      h('button', { type: 'button', 'data-testid': 'sicherung-ordner-uebernehmen', onclick: async () => {
        try {
          zeigen(await aufruf('sicherung_ordner_setzen', { pfad: form.querySelector('[data-feld="sicherung_ordner"]').value }));
          feld.befundeZeigen(form, []);
          meldung.zeigen('Sicherungsordner übernommen.');
        } catch (e) { feld.befundeZeigen(form, e.befunde || []); meldung.fehler(e); }
      } }, 'Ordner übernehmen'),
      h('button', { type: 'button', class: 'primaer', 'data-testid': 'sicherung-jetzt', onclick: async () => {
        try {
          const s = await aufruf('sicherung_jetzt');
          meldung.zeigen(`Gesichert: ${s.pruefung.vorlagen} Vorlagen, ${s.pruefung.anlagen} Anlagen, geprüft.`);
        } catch (e) { meldung.fehler(e); }
        await laden();
      } }, 'Jetzt sichern'),
      h('button', { type: 'button', 'data-testid': 'sicherung-datei', onclick: async () => {
        try {
          const w = await aufruf('sicherung_datei_wiederherstellen');
          if (w) { meldung.zeigen(`Wiederhergestellt: ${w.pruefung.vorlagen} Vorlagen.`); geaendert?.(); }
        } catch (e) { meldung.fehler(e); }
      } }, 'Andere Sicherungsdatei wiederherstellen…')),
    liste);
  laden();
  return form;
}

/** This workstation's signing certificate (PKCS#12); its password is asked when signing. */
function zertifikatFormular(info) {
  const form = h('form', { 'data-testid': 'einstellungen-zertifikat', onsubmit: (e) => e.preventDefault() });
  const uebernehmen = async (befehl, args) => {
    try {
      const neu = await aufruf(befehl, args);
      form.querySelector('[data-feld="zertifikat"]').value = neu.zertifikat_pfad || '';
      feld.befundeZeigen(form, []);
      meldung.zeigen(neu.zertifikat_pfad ? 'Signaturzertifikat übernommen.' : 'Kein Signaturzertifikat gewählt.');
    } catch (e) { feld.befundeZeigen(form, e.befunde || []); meldung.fehler(e); }
  };
  form.append(
    feld.text('zertifikat', 'Signaturzertifikat (PKCS#12, .p12/.pfx)', info.zertifikat_pfad || '', {
      breit: true,
      hilfe: 'Mit diesem Zertifikat signiert „Signieren“ in der PDF-Vorschau. Das Kennwort wird bei jeder Signatur abgefragt und nie gespeichert.',
    }),
    h('p', { class: 'knoepfe' },
      h('button', { type: 'button', 'data-testid': 'zertifikat-waehlen', onclick: () => uebernehmen('zertifikat_waehlen') }, 'Durchsuchen…'),
      h('button', { type: 'button', 'data-testid': 'zertifikat-uebernehmen', onclick: () => uebernehmen('zertifikat_setzen', { pfad: form.querySelector('[data-feld="zertifikat"]').value }) }, 'Übernehmen')));
  return form;
}
