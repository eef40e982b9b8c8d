//! The text inside an Anlage, for the search (issue 28 § 2): every PDF, DOCX and ODT file
//! attached to a Vorlage is read when it is added (and once, by schema 20, for those stored
//! before), page by page where the format has pages, so that a hit can say where it was
//! found ("gefunden in Anlage 2: Kostenaufstellung.pdf, S. 3").
//!
//! A PDF whose pages hold no text at all is a scan: it is marked as such at the Anlage
//! ([`Textschicht::Scan`]), not silently left out of the search. Other files (images,
//! spreadsheets) have no text the search reads ([`Textschicht::Ohne`]).
//!
//! Pure functions over bytes: no store, no I/O. A file that cannot be read (damaged, or
//! far too large when unpacked) gives no text; the Anlage is still attached.

mod pdf;
mod xml;

pub use crate::domain::anlage::Textschicht;

/// The text of an Anlage: its pages (page 0 for a format without pages), each as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anlagetext {
    pub textschicht: Textschicht,
    pub seiten: Vec<(u32, String)>,
}

impl Anlagetext {
    fn ohne() -> Anlagetext {
        Anlagetext {
            textschicht: Textschicht::Ohne,
            seiten: Vec::new(),
        }
    }
}

/// At most this much is unpacked from one stream or one XML part (a zip or stream bomb
/// is read no further).
pub(crate) const HOECHSTENS_ENTPACKT: usize = 64 * 1024 * 1024;

/// Reads the text of the file `name` (its kind from its name, else from its first bytes).
pub fn lesen(name: &str, daten: &[u8]) -> Anlagetext {
    let endung = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if endung == "pdf" || daten.starts_with(b"%PDF-") {
        return pdf::lesen(daten);
    }
    match endung.as_str() {
        "docx" => xml::docx(daten),
        "odt" => xml::odt(daten),
        _ => Anlagetext::ohne(),
    }
}
