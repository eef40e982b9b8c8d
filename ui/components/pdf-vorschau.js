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

async function seitenZeichnen(doc, massstab, ziel) {
  for (let n = 1; n <= doc.numPages; n += 1) {
    const seite = await doc.getPage(n);
    const ansicht = seite.getViewport({ scale: massstab });
    const leinwand = h('canvas', { width: Math.ceil(ansicht.width), height: Math.ceil(ansicht.height) });
    await seite.render({ canvasContext: leinwand.getContext('2d'), viewport: ansicht }).promise;
    await ziel(leinwand, seite, n);
  }
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
export function oeffnen(id, titel) {
  return zeigen(titel, {
    laden: () => aufruf('vorlage_pdf', { id }),
    signieren: (kennwort) => aufruf('vorlage_pdf_signieren', { id, kennwort }),
  });
}

/**
 * Opens the preview of any PDF the core makes. `laden(melden)` returns its bytes; long
 * jobs call `melden({schritt, gesamt, text})`, shown as a progress bar in the toolbar,
 * with an "Abbrechen" button when `abbrechen` is given. `signieren(kennwort)`, if given,
 * returns the signed bytes.
 */
export async function zeigen(titel, { laden, signieren: signierer = null, abbrechen = null }) {
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

  const darstellen = async (bytes) => {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
    seiten.replaceChildren();
    await seitenZeichnen(doc, BILDSCHIRM, async (leinwand, seite, n) => {
      // The page's text, hidden, for screen readers (and for the tests: what pdf.js reads).
      const text = (await seite.getTextContent()).items.map((t) => t.str + (t.hasEOL ? '\n' : ' ')).join('');
      seiten.append(h('figure', { class: 'seite', 'data-testid': 'pdf-seite' },
        leinwand,
        h('figcaption', { class: 'visuell-versteckt', 'data-testid': 'pdf-seitentext' }, `Seite ${n}: ${text}`)));
    });
    stand.textContent = `${doc.numPages} ${doc.numPages === 1 ? 'Seite' : 'Seiten'}`;
  };

  // Drucken, Speichern unter and Signieren act on the one document on screen; while none
  // is (being made, or its rendering failed) they are disabled.
  const knoepfe = [];
  const bereit = (ja) => knoepfe.forEach((k) => { if (k) k.disabled = !ja; });

  const drucken = async () => {
    if (!doc) return;
    const bereich = document.getElementById('druckbereich') || document.body.appendChild(h('div', { id: 'druckbereich' }));
    bereich.replaceChildren();
    stand.textContent = 'Druck wird vorbereitet …';
    await seitenZeichnen(doc, DRUCK, (leinwand) => { bereich.append(h('img', { src: leinwand.toDataURL('image/png'), alt: '' })); });
    stand.textContent = `${doc.numPages} ${doc.numPages === 1 ? 'Seite' : 'Seiten'}`;
    window.print();
  };

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

  dlg.replaceChildren(
    h('div', { class: 'werkzeugleiste' },
      h('h2', { id: 'vorschau-titel', class: 'titel' }, `PDF – ${titel}`, ' ', signiertHinweis),
      stand,
      knoepfe[0] = h('button', { 'data-testid': 'pdf-drucken', onclick: drucken, disabled: true }, 'Drucken'),
      knoepfe[1] = h('button', { 'data-testid': 'pdf-speichern', onclick: speichern, disabled: true }, 'Speichern unter…'),
      balken, abbruch,
      knoepfe[2] = signierer ? h('button', { 'data-testid': 'pdf-signieren', onclick: signieren, disabled: true }, 'Signieren') : null,
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
    bereit(true);
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
