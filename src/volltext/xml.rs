//! The text of a Word (DOCX) or OpenDocument (ODT) file: a zip whose main XML part holds
//! the paragraphs (`word/document.xml`, `content.xml`), read with quick-xml. Only the
//! visible text: in DOCX the runs' `w:t` (not field codes), in ODT the body's text; a
//! paragraph, a tab and a line break each end a word.

use super::{Anlagetext, Textschicht, HOECHSTENS_ENTPACKT};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

pub(super) fn docx(daten: &[u8]) -> Anlagetext {
    ergebnis(teil(daten, "word/document.xml").and_then(|x| text(&x, Format::Docx)))
}

pub(super) fn odt(daten: &[u8]) -> Anlagetext {
    ergebnis(teil(daten, "content.xml").and_then(|x| text(&x, Format::Odt)))
}

fn ergebnis(text: Option<String>) -> Anlagetext {
    match text {
        Some(t) if !t.trim().is_empty() => Anlagetext {
            textschicht: Textschicht::Text,
            seiten: vec![(0, t)],
        },
        _ => Anlagetext::ohne(),
    }
}

/// One part of the zip, unpacked up to the limit.
fn teil(daten: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(daten)).ok()?;
    let datei = zip.by_name(name).ok()?;
    let mut xml = String::new();
    datei
        .take(HOECHSTENS_ENTPACKT as u64)
        .read_to_string(&mut xml)
        .ok()?;
    Some(xml)
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Docx,
    Odt,
}

fn text(xml: &str, format: Format) -> Option<String> {
    let mut r = Reader::from_str(xml);
    let mut aus = String::new();
    // DOCX: inside a run's text (w:t); ODT: inside the document's body.
    let mut drin = 0usize;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) => {
                let name = e.name();
                match (format, name.as_ref()) {
                    (Format::Docx, "w:t") | (Format::Odt, "office:body") => drin += 1,
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.name();
                match (format, name.as_ref()) {
                    (Format::Docx, "w:t") | (Format::Odt, "office:body") => {
                        drin = drin.saturating_sub(1)
                    }
                    (Format::Docx, "w:p") | (Format::Odt, "text:p" | "text:h") => aus.push('\n'),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name = e.name();
                if matches!(
                    (format, name.as_ref()),
                    (Format::Docx, "w:tab" | "w:br" | "w:cr")
                        | (Format::Odt, "text:s" | "text:tab" | "text:line-break")
                ) {
                    aus.push(' ');
                }
            }
            Event::Text(t) if drin > 0 => aus.push_str(&t.xml10_content()),
            Event::GeneralRef(g) if drin > 0 => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    aus.push(c);
                } else {
                    aus.push(match &*g.xml10_content() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => ' ',
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(aus)
}
