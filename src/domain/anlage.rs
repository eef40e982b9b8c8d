//! An Anlage of a Vorlage as every layer sees it (name, type, size, SHA-512, status),
//! a new one as it arrives from the file dialog or the CLI, and the rules it obeys
//! before the store takes it: a name, not empty, not too large.

use super::befund::Befund;
use super::ids::AnlageId;
use super::werte::Status;
use chrono::NaiveDateTime;
use serde::Serialize;
use sha2::{Digest, Sha512};
use std::fmt::Write;

/// Largest Anlage accepted (the office's PDFs are a few MB; this leaves room for scans).
pub const ANLAGE_MAX_BYTES: usize = 100 * 1024 * 1024;

/// What the search could read of an Anlage (crate::volltext reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Textschicht {
    /// Its text is in the search.
    Text,
    /// A PDF without a text layer (a scanned paper): not searchable until it is
    /// recognised (OCR) and attached again.
    Scan,
    /// A kind of file whose text the search does not read, or a damaged one.
    Ohne,
}

impl Textschicht {
    pub fn key(self) -> &'static str {
        match self {
            Textschicht::Text => "text",
            Textschicht::Scan => "scan",
            Textschicht::Ohne => "ohne",
        }
    }

    pub fn aus_key(key: &str) -> Textschicht {
        match key {
            "text" => Textschicht::Text,
            "scan" => Textschicht::Scan,
            _ => Textschicht::Ohne,
        }
    }
}

/// What the list and the editor show of an Anlage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnlageInfo {
    pub id: AnlageId,
    pub nr: i64,
    pub name: String,
    pub mime: String,
    pub groesse: i64,
    pub sha512: String,
    pub status: Status,
    pub alternativenpruefung: bool,
    pub erstellt: NaiveDateTime,
    /// Whether its text is in the search (a scan is marked at the Anlage).
    pub textschicht: Textschicht,
}

/// A new Anlage as it arrives from the file dialog or the CLI.
#[derive(Debug, Clone)]
pub struct AnlageNeu {
    pub name: String,
    pub status: Status,
    pub alternativenpruefung: bool,
    pub daten: Vec<u8>,
}

impl AnlageNeu {
    /// The file name without any directory a dialog or script passed along.
    pub fn dateiname(&self) -> String {
        dateiname(&self.name)
    }

    /// A name, some bytes and at most [`ANLAGE_MAX_BYTES`]; a file attached twice is the
    /// store's to find.
    pub fn pruefen(&self) -> Result<(), Befund> {
        let name = self.dateiname();
        if name.is_empty() {
            return Err(Befund::fehler("anlagen", "Anlage: Der Dateiname fehlt."));
        }
        if self.daten.is_empty() {
            return Err(Befund::fehler(
                "anlagen",
                format!("Anlage „{name}“: Die Datei ist leer."),
            ));
        }
        if self.daten.len() > ANLAGE_MAX_BYTES {
            return Err(Befund::fehler(
                "anlagen",
                format!(
                    "Anlage „{name}“: Die Datei ist zu groß ({} MB, höchstens {} MB).",
                    self.daten.len() / (1024 * 1024),
                    ANLAGE_MAX_BYTES / (1024 * 1024)
                ),
            ));
        }
        Ok(())
    }
}

/// Lower-case hex SHA-512.
pub fn sha512_hex(daten: &[u8]) -> String {
    let digest = Sha512::digest(daten);
    let mut s = String::with_capacity(128);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The media type by file extension (the office attaches PDFs and office documents).
pub fn mime_nach_name(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain",
        "csv" => "text/csv",
        _ => "application/octet-stream",
    }
}

fn dateiname(name: &str) -> String {
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn neu(name: &str, daten: Vec<u8>) -> AnlageNeu {
        AnlageNeu {
            name: name.into(),
            status: Status::Oeffentlich,
            alternativenpruefung: false,
            daten,
        }
    }

    #[test]
    fn sha512_of_abc_is_the_standard_vector() {
        assert!(sha512_hex(b"abc").starts_with("ddaf35a193617aba"));
        assert_eq!(sha512_hex(b"").len(), 128);
    }

    #[test]
    fn names_lose_their_directories() {
        assert_eq!(dateiname("C:\\Users\\x\\Konzept.pdf"), "Konzept.pdf");
        assert_eq!(dateiname("/tmp/a/b.pdf"), "b.pdf");
        assert_eq!(mime_nach_name("Plan.PDF"), "application/pdf");
        assert_eq!(mime_nach_name("ohne"), "application/octet-stream");
    }

    #[test]
    fn an_anlage_needs_a_name_and_bytes_within_the_limit() {
        let m = |a: AnlageNeu| a.pruefen().unwrap_err().meldung;
        assert_eq!(
            m(neu("/tmp/", b"x".to_vec())),
            "Anlage: Der Dateiname fehlt."
        );
        assert_eq!(
            m(neu("Plan.pdf", Vec::new())),
            "Anlage „Plan.pdf“: Die Datei ist leer."
        );
        assert!(m(neu("Scan.pdf", vec![0; ANLAGE_MAX_BYTES + 1]))
            .contains("zu groß (100 MB, höchstens 100 MB)"));
        assert!(neu("ordner/Plan.pdf", b"%PDF".to_vec()).pruefen().is_ok());
    }
}
