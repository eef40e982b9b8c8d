// The PDF preview: the webview cannot show PDFs itself, so pdf.js (vendored from npm into
// vendor/pdfjs/) renders each page onto a canvas. The window offers "Drucken" (the pages
// as images, then the system's print dialog), "Speichern unter…" (Rust writes the very
// bytes shown) and "Signieren" (asks for the certificate password, shows the signed PDF).
import * as pdfjs from '../vendor/pdfjs/pdf.min.mjs';
import { aufruf } from '../ipc.js';
import { h } from './dom.js';
import * as dialog from './dialog.js';
import * as meldung from './meldung.js';

pdfjs.GlobalWorkerOptions.workerSrc = new URL('../vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;

const BILDSCHIRM = 1.4; // scale of the preview (1 = 72 dpi)
const DRUCK = 150 / 72; // 150 dpi for printing

async function seiteZeichnen(seite, massstab) {
  const ansicht = seite.getViewport({ scale: massstab });
  const leinwand = h('canvas', { width: Math.ceil(ansicht.width), height: Math.ceil(ansicht.height) });
  await seite.render({ canvasContext: leinwand.getContext('2d'), viewport: ansicht }).promise;
  return leinwand;
}

// The print action of the preview that is open (Strg+P reaches it through the frame).
let offenesDrucken = null;

/** Prints the document of the open preview; false when none is open. */
export function druckenWennOffen() {
  if (!offenesDrucken || !document.getElementById('vorschau')?.open) return false;
  offenesDrucken();
  return true;
}

function fenster() {
  let dlg = document.getElementById('vorschau');
  if (!dlg) {
    dlg = h('dialog', { id: 'vorschau', class: 'vorschau', 'aria-labelledby': 'vorschau-titel', 'data-testid': 'pdf-vorschau' });
    document.body.append(dlg);
  }
  return dlg;
}

/** Opens the preview of Vorlage `id`; `titel` names it in the window's heading. */
export function oeffnen(id, titel, { drucken = false } = {}) {
  return zeigen(titel, {
    drucken,
    laden: () => aufruf('vorlage_pdf', { id }),
    signieren: (kennwort) => aufruf('vorlage_pdf_signieren', { id, kennwort }),
  });
}

/**
 * Opens the preview of any PDF the core makes. `laden(melden)` returns its bytes; long
 * jobs call `melden({schritt, gesamt, text})`, shown as a progress bar in the toolbar,
 * with an "Abbrechen" button when `abbrechen` is given. `signieren(kennwort)`, if given,
 * returns the signed bytes. `drucken` opens the print dialog as soon as the document is
 * there (Strg+P, the editor's "Drucken").
 */
export async function zeigen(titel, { laden, signieren: signierer = null, abbrechen = null, drucken: sofortDrucken = false }) {
  const dlg = fenster();
  const stand = h('span', { class: 'stumm', role: 'status', 'data-testid': 'pdf-stand' }, 'PDF wird erzeugt …');
  const balken = h('progress', { max: 1, value: 0, 'aria-label': 'Fortschritt', 'data-testid': 'pdf-fortschritt', hidden: true });
  const abbruch = h('button', { hidden: true, 'data-testid': 'pdf-abbrechen', onclick: () => { abbruch.disabled = true; abbrechen?.(); } }, 'Abbrechen');
  const melden = ({ schritt, gesamt, text }) => {
    balken.hidden = false;
    balken.max = gesamt;
    balken.value = schritt;
    stand.textContent = `${text} (${schritt} von ${gesamt})`;
  };
  const seiten = h('div', { class: 'seiten', role: 'region', 'data-testid': 'pdf-seiten', tabindex: '0', 'aria-label': 'Seiten' });
  const signiertHinweis = h('span', { class: 'badge freigegeben', hidden: true, 'data-testid': 'pdf-signiert' }, 'signiert');
  let doc = null;

  // The first page is drawn at once; the others get their place (the right size, so the
  // scroll bar is true) and are drawn one after another in the background. A newer
  // document, or closing the window, stops the drawing of the old one.
  let lauf = 0;
  let standJetzt = [0, 0];
  const seitenStand = (gezeichnet, gesamt) => {
    standJetzt = [gezeichnet, gesamt];
    const seitenWort = `${gesamt} ${gesamt === 1 ? 'Seite' : 'Seiten'}`;
    stand.textContent = gezeichnet < gesamt ? `${seitenWort} – Seite ${gezeichnet + 1} wird gezeichnet …` : seitenWort;
  };
  const darstellen = async (bytes) => {
    const meinLauf = ++lauf;
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
    const d = doc;
    // Drucken, Speichern unter and Signieren act on the document, not on its pictures:
    // they are ready as soon as pdf.js has read it.
    bereit(true);
    const plaetze = [];
    for (let n = 1; n <= d.numPages; n += 1) {
      const seite = await d.getPage(n);
      const ansicht = seite.getViewport({ scale: BILDSCHIRM });
      const platz = h('div', { class: 'seite-platz' });
      platz.style.width = `${Math.ceil(ansicht.width)}px`;
      platz.style.height = `${Math.ceil(ansicht.height)}px`;
      const unterschrift = h('figcaption', { class: 'visuell-versteckt', 'data-testid': 'pdf-seitentext' }, `Seite ${n}`);
      plaetze.push([seite, platz, unterschrift, h('figure', { class: 'seite', 'data-testid': 'pdf-seite' }, platz, unterschrift)]);
      if (meinLauf !== lauf) return;
    }
    seiten.replaceChildren(...plaetze.map(([, , , figur]) => figur));
    const zeichneSeite = async (i) => {
      seitenStand(i, plaetze.length);
      const [seite, platz, unterschrift] = plaetze[i];
      // The page's text, hidden, for screen readers (and for the tests: what pdf.js reads).
      const text = (await seite.getTextContent()).items.map((t) => t.str + (t.hasEOL ? '\n' : ' ')).join('');
      unterschrift.textContent = `Seite ${i + 1}: ${text}`;
      const leinwand = await seiteZeichnen(seite, BILDSCHIRM);
      if (meinLauf !== lauf || !dlg.open) return false;
      platz.replaceWith(leinwand);
      return true;
    };
    if (!(await zeichneSeite(0))) return;
    seitenStand(1, plaetze.length);
    (async () => {
      for (let i = 1; i < plaetze.length; i += 1) {
        // Let the window answer (scrolling, a click on Schließen) between two pages.
        await new Promise((r) => setTimeout(r, 0));
        if (!(await zeichneSeite(i))) return;
      }
      seitenStand(plaetze.length, plaetze.length);
    })().catch(() => { /* a page pdf.js cannot draw stays a blank place; the document itself is fine */ });
  };

  // Drucken, Speichern unter and Signieren act on the one document on screen; while none
  // is (being made, or its rendering failed) they are disabled.
  const knoepfe = [];
  const bereit = (ja) => knoepfe.forEach((k) => { if (k) k.disabled = !ja; });

  const drucken = async () => {
    if (!doc) return;
    const d = doc;
    const bereich = document.getElementById('druckbereich') || document.body.appendChild(h('div', { id: 'druckbereich' }));
    bereich.replaceChildren();
    stand.textContent = 'Druck wird vorbereitet …';
    for (let n = 1; n <= d.numPages; n += 1) {
      const leinwand = await seiteZeichnen(await d.getPage(n), DRUCK);
      bereich.append(h('img', { src: leinwand.toDataURL('image/png'), alt: '' }));
    }
    if (d !== doc) return;
    bereich.dataset.seiten = String(d.numPages);
    seitenStand(...standJetzt);
    window.print();
  };
  offenesDrucken = drucken;

  const speichern = async () => {
    try {
      const pfad = await aufruf('pdf_speichern');
      if (pfad) meldung.zeigen(`Gespeichert: ${pfad}`);
    } catch (e) { meldung.fehler(e); }
  };

  const signieren = () => {
    const eingabe = h('input', { type: 'password', id: 'kennwort', autocomplete: 'off', 'data-testid': 'kennwort' });
    const fehler = h('p', { class: 'feld-meldung', role: 'alert', 'data-testid': 'kennwort-fehler' });
    const los = async () => {
      try {
        const bytes = await signierer(eingabe.value);
        dialog.schliessen();
        await darstellen(bytes);
        signiertHinweis.hidden = false;
        meldung.zeigen('Das PDF ist signiert. „Speichern unter…“ schreibt die signierte Fassung.');
      } catch (e) {
        fehler.textContent = e.message;
        eingabe.select();
      }
    };
    dialog.oeffnen('PDF signieren',
      h('form', { onsubmit: (e) => { e.preventDefault(); los(); } },
        h('p', {}, 'Das PDF wird mit dem Zertifikat aus den Einstellungen signiert (PAdES). Das Kennwort wird nicht gespeichert.'),
        h('label', { for: 'kennwort' }, 'Kennwort des Zertifikats'), eingabe, fehler),
      [h('button', { onclick: () => dialog.schliessen() }, 'Abbrechen'),
        h('button', { class: 'primaer', 'data-testid': 'signieren-ok', onclick: los }, 'Signieren')]);
    eingabe.focus();
  };

  knoepfe[0] = h('button', { 'data-testid': 'pdf-drucken', onclick: drucken, disabled: true }, 'Drucken');
  knoepfe[1] = h('button', { 'data-testid': 'pdf-speichern', onclick: speichern, disabled: true }, 'Speichern unter…');
  knoepfe[2] = signierer ? h('button', { 'data-testid': 'pdf-signieren', onclick: signieren, disabled: true }, 'Signieren') : null;
  dlg.replaceChildren(
    h('div', { class: 'werkzeugleiste' },
      h('h2', { id: 'vorschau-titel', class: 'titel' }, `PDF – ${titel}`, ' ', signiertHinweis),
      stand, ...knoepfe.slice(0, 2), balken, abbruch, knoepfe[2],
      h('button', { class: 'primaer', 'data-testid': 'pdf-schliessen', onclick: () => dlg.close() }, 'Schließen')),
    seiten);
  if (!dlg.open) dlg.showModal();
  abbruch.hidden = !abbrechen;
  try {
    // The PDF shown before is forgotten first: a failure leaves nothing to save in its place.
    await aufruf('vorschau_verwerfen');
    const bytes = await laden(melden);
    balken.hidden = true;
    abbruch.hidden = true;
    await darstellen(bytes);
    if (sofortDrucken) await drucken();
  } catch (e) {
    balken.hidden = true;
    abbruch.hidden = true;
    doc = null;
    seiten.replaceChildren(h('p', { class: 'feld-meldung fehler', 'data-testid': 'pdf-fehler' }, e.message));
    stand.textContent = 'Kein PDF';
    bereit(false);
    meldung.fehler(e);
  }
}
