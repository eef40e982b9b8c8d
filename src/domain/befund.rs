//! A finding of the validation: which field, what is wrong, in German, and how bad.
//!
//! Findings are data, not errors: a draft may be saved with incomplete parts (the office
//! writes a Vorlage over days), even with a wrong value shown at its field, but never released while any
//! finding of severity [`Schwere::Unvollstaendig`] or worse remains.

use serde::Serialize;

/// How much a finding blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Schwere {
    /// Worth a look, blocks nothing (e.g. dates of the Beratungsfolge out of order).
    Hinweis,
    /// Missing or inconsistent for release; a draft may still be saved.
    Unvollstaendig,
    /// A value that cannot be right (an impossible date, a malformed amount, a character no
    /// font can print): a draft keeps it as typed, but it blocks the release and the PDF.
    Fehler,
}

/// One finding: `feld` is a stable key the UI places the message at (`betreff`,
/// `beratungsfolge.1.datum`, `finanzen.aufwand_einmalig`); `meldung` is the full German
/// sentence for the user and names the field itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Befund {
    pub feld: String,
    pub meldung: String,
    pub schwere: Schwere,
}

impl Befund {
    pub fn fehler(feld: impl Into<String>, meldung: impl Into<String>) -> Self {
        Self {
            feld: feld.into(),
            meldung: meldung.into(),
            schwere: Schwere::Fehler,
        }
    }
    pub fn unvollstaendig(feld: impl Into<String>, meldung: impl Into<String>) -> Self {
        Self {
            feld: feld.into(),
            meldung: meldung.into(),
            schwere: Schwere::Unvollstaendig,
        }
    }
    pub fn hinweis(feld: impl Into<String>, meldung: impl Into<String>) -> Self {
        Self {
            feld: feld.into(),
            meldung: meldung.into(),
            schwere: Schwere::Hinweis,
        }
    }
}

/// Does any finding reach `schwere`?
pub fn erreicht(befunde: &[Befund], schwere: Schwere) -> bool {
    befunde.iter().any(|b| b.schwere >= schwere)
}

/// The findings of at least `schwere`, joined into one message for a CLI or an error box.
pub fn zusammenfassen(befunde: &[Befund], schwere: Schwere) -> String {
    befunde
        .iter()
        .filter(|b| b.schwere >= schwere)
        .map(|b| b.meldung.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
