//! Errors of the exporters, each with a stable code and a German message: a bad option
//! (named by its field) or a file that cannot be written.

use crate::domain::io_text::io_text;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ExportFehler {
    /// An option of the export is wrong (`feld` names it).
    #[error("{meldung}")]
    Feld { feld: &'static str, meldung: String },
    /// The Word file could not be put together (a fault of the writer, not of the input).
    #[error("Die Word-Datei konnte nicht erstellt werden: {0}")]
    Word(String),
    #[error("„{}“ kann nicht geschrieben werden: {}", pfad.display(), io_text(quelle))]
    Datei {
        pfad: PathBuf,
        quelle: std::io::Error,
    },
}

impl ExportFehler {
    /// Stable machine-readable code (the `code` of `{code, message}` at the UI boundary).
    pub fn code(&self) -> &'static str {
        match self {
            ExportFehler::Feld { .. } => "ungueltig",
            ExportFehler::Datei { .. } => "datei",
            ExportFehler::Word(_) => "word",
        }
    }
}
