//! PDF documents as the office prints them (printpdf): layout on A4 with the embedded
//! DejaVu fonts, German hyphenation, page breaks that keep table rows and headings
//! together, running header and "Seite x von y", then PDF/A-2b post-processing (XMP
//! metadata, sRGB output intent) with lopdf.
//!
//! Rendering takes domain values and returns bytes; it reads no database and no clock
//! (the date to print is passed in).

mod pdfa;
mod satz;
mod schrift;
mod seiten;
mod vorlage;

pub use pdfa::Metadaten;
pub use vorlage::vorlage;

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
}

impl PdfFehler {
    pub fn code(&self) -> &'static str {
        match self {
            PdfFehler::ZeichenFehlt { .. } => "zeichen_fehlt",
            _ => "pdf",
        }
    }
}
