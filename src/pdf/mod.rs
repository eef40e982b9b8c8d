//! PDF documents as the office prints them (printpdf): the Vorlage, the Einladung and
//! Tagesordnung, the session packet (its layout in [`sitzungspaket`], the merge in
//! [`paket`]), the Niederschrift and Beschlussauszüge, the Stimmzettel and the
//! Wahlniederschrift. Layout on A4 with the embedded DejaVu fonts, German hyphenation,
//! page breaks that keep table rows and headings together, running header and "Seite x
//! von y"; then lopdf post-processing that writes the PDF/A-2a identification (XMP
//! metadata, sRGB output intent) — the label, not a conformance checked here — and, when
//! asked, the PAdES signature.
//!
//! Rendering takes domain values (imported from [`crate::domain`] only) and returns bytes;
//! it reads no database and no clock (the date to print is passed in).

pub mod anwesenheitsliste;
pub mod auszahlungsliste;
pub mod niederschrift;
mod objekte;
pub mod paket;
mod pdfa;
mod rtl;
pub(crate) mod satz;
mod schrift;
mod seiten;
mod signatur;
mod signaturstempel;
pub mod sitzungspaket;
mod sprache;
mod struktur;
pub mod tagesordnung;
mod vorlage;
pub mod wahl;

pub use pdfa::Metadaten;
pub use signatur::{ist_signiert, signieren, zertifikat_laden, Feld, Zertifikat};
pub use vorlage::{vorlage, Dokument};

/// PDF/A-2 post-processing of a finished document (XMP metadata, output intent); its
/// structure tree, if it has one, stays.
pub fn pdfa_fertig(pdf: Vec<u8>, m: &Metadaten) -> Result<Vec<u8>, PdfFehler> {
    pdfa::nachbearbeiten_als(pdf, m, true, true, None)
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfFehler {
    #[error("Die eingebettete Schrift {0} ist unlesbar.")]
    Schrift(&'static str),
    #[error("{feld}: Das Zeichen „{zeichen}“ (U+{code:04X}) kann die PDF-Schrift nicht darstellen.", code = *zeichen as u32)]
    ZeichenFehlt { feld: String, zeichen: char },
    #[error("PDF-Nachbearbeitung fehlgeschlagen: {0}")]
    Nachbearbeitung(#[from] lopdf::Error),
    #[error("PDF konnte nicht geschrieben werden: {0}")]
    Schreiben(#[from] std::io::Error),
    #[error("Zertifikat: Die Datei ist kein PKCS#12-Zertifikat (.p12/.pfx) oder ist beschädigt.")]
    KeinPkcs12,
    #[error("Zertifikat: Das Kennwort ist falsch.")]
    FalschesKennwort,
    #[error("Zertifikat: Die Datei enthält keinen privaten Schlüssel mit Zertifikat.")]
    KeinSchluessel,
    #[error("Zertifikat: Nur RSA-Schlüssel werden unterstützt.")]
    Schluesselart,
    #[error("Zertifikat: Das Zertifikat ist am {0} abgelaufen.")]
    Abgelaufen(String),
    #[error("Zertifikat: Das Zertifikat gilt erst ab {0}.")]
    NochNichtGueltig(String),
    #[error("{quelle} {grund}; das Sitzungspaket wurde nicht erstellt.")]
    PaketStueck { quelle: String, grund: String },
    #[error("Die Sitzung ist noch nicht abgeschlossen: Ende und Schriftführung fehlen. Bitte zuerst „Sitzung abschließen“.")]
    NichtAbgeschlossen,
    #[error("Stimmzettel: {0}")]
    Wahl(String),
    #[error("Signieren fehlgeschlagen: {0}")]
    Signatur(String),
    #[error("Das Sitzungspaket wurde abgebrochen; es wurde keine Datei erstellt.")]
    Abgebrochen,
}

impl PdfFehler {
    pub fn code(&self) -> &'static str {
        match self {
            PdfFehler::ZeichenFehlt { .. } => "zeichen_fehlt",
            PdfFehler::KeinPkcs12 | PdfFehler::KeinSchluessel | PdfFehler::Schluesselart => {
                "zertifikat"
            }
            PdfFehler::FalschesKennwort => "kennwort",
            PdfFehler::Abgelaufen(_) | PdfFehler::NochNichtGueltig(_) => "zertifikat_ungueltig",
            PdfFehler::PaketStueck { .. } => "paket_anlage",
            PdfFehler::NichtAbgeschlossen => "nicht_abgeschlossen",
            PdfFehler::Wahl(_) => "wahl",
            PdfFehler::Abgebrochen => "abgebrochen",
            _ => "pdf",
        }
    }
}
