//! The error that crosses to the UI and the CLI: a stable code, a German message, and the
//! findings that caused it (so the editor can show them at their fields).

use crate::domain::import::ImportFehler;
use crate::domain::Befund;
use crate::pdf::PdfFehler;
use crate::store::StoreError;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct ApiFehler {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub befunde: Vec<Befund>,
}

impl ApiFehler {
    pub fn neu(code: &str, message: impl Into<String>) -> Self {
        ApiFehler {
            code: code.into(),
            message: message.into(),
            befunde: Vec::new(),
        }
    }

    /// Bad input in one field.
    pub fn feld(feld: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiFehler {
            code: "ungueltig".into(),
            befunde: vec![Befund::fehler(feld, message.clone())],
            message,
        }
    }
}

impl From<StoreError> for ApiFehler {
    fn from(e: StoreError) -> Self {
        let code = e.code().to_string();
        let message = e.to_string();
        let befunde = match e {
            StoreError::Ungueltig(b) => b,
            _ => Vec::new(),
        };
        ApiFehler {
            code,
            message,
            befunde,
        }
    }
}

impl From<PdfFehler> for ApiFehler {
    fn from(e: PdfFehler) -> Self {
        ApiFehler::neu(e.code(), e.to_string())
    }
}

impl From<ImportFehler> for ApiFehler {
    fn from(e: ImportFehler) -> Self {
        ApiFehler::neu("import", e.to_string())
    }
}

/// Reads a structured argument of a command (`inhalt`, `buero`, `filter` …) from the JSON
/// the UI sent, with a German message naming the argument and the field.
pub fn argument<T: serde::de::DeserializeOwned>(
    name: &str,
    wert: serde_json::Value,
) -> Result<T, ApiFehler> {
    crate::domain::import::aus_wert(wert).map_err(|e| {
        let message = format!("Ungültige Angabe „{name}“: {e}");
        ApiFehler {
            code: "argument".into(),
            befunde: vec![Befund::fehler(name, message.clone())],
            message,
        }
    })
}

/// Reads one value of a closed vocabulary given on the command line (`--status anwesend`),
/// with a German message naming the option and the allowed values.
pub fn wert_lesen<T>(option: &str, text: &str) -> Result<T, ApiFehler>
where
    T: std::str::FromStr<Err = crate::domain::werte::UnbekannterWert>,
{
    text.parse()
        .map_err(|e| ApiFehler::feld(option.trim_start_matches('-'), format!("{option}: {e}.")))
}
