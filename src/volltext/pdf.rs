//! The text of a PDF, page by page, through lopdf (already the core's PDF reader for the
//! session packet): it decodes the fonts' encodings and ToUnicode maps, which is what the
//! office's PDFs (Word's, LibreOffice's, Ratsbüro's own) carry.

use super::{Anlagetext, Textschicht, HOECHSTENS_ENTPACKT};

pub(super) fn lesen(daten: &[u8]) -> Anlagetext {
    let Ok(doc) = lopdf::Document::load_mem(daten) else {
        return Anlagetext::ohne();
    };
    let mut seiten = Vec::new();
    let mut seitenzahl = 0;
    for nr in doc.get_pages().keys() {
        seitenzahl += 1;
        let text = doc
            .extract_text_with_limit(&[*nr], HOECHSTENS_ENTPACKT)
            .unwrap_or_default();
        if !text.trim().is_empty() {
            seiten.push((*nr, text));
        }
    }
    let textschicht = if !seiten.is_empty() {
        Textschicht::Text
    } else if seitenzahl > 0 {
        Textschicht::Scan
    } else {
        Textschicht::Ohne
    };
    Anlagetext {
        textschicht,
        seiten,
    }
}
