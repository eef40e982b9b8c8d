//! The error that crosses to the UI and the CLI: a stable code, a German message, and the
//! findings that caused it (so the editor can show them at their fields).

use crate::domain::import::ImportFehler;
use crate::domain::Befund;
use crate::export::ExportFehler;
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

/// A domain rule refused the input (nothing was written).
impl From<Befund> for ApiFehler {
    fn from(b: Befund) -> Self {
        ApiFehler {
            code: "ungueltig".into(),
            message: b.meldung.clone(),
            befunde: vec![b],
        }
    }
}

impl From<PdfFehler> for ApiFehler {
    fn from(e: PdfFehler) -> Self {
        ApiFehler::neu(e.code(), e.to_string())
    }
}

impl From<ExportFehler> for ApiFehler {
    fn from(e: ExportFehler) -> Self {
        match &e {
            ExportFehler::Feld { feld, meldung } => ApiFehler::feld(feld, meldung.clone()),
            _ => ApiFehler::neu(e.code(), e.to_string()),
        }
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
    use crate::domain::import::ImportFehler;
    crate::domain::import::aus_wert(wert).map_err(|e| {
        let was = bezeichnung(name);
        let (feld, message) = match &e {
            ImportFehler::Feld { pfad, meldung } if pfad != "." && !pfad.is_empty() => (
                pfad.replace('[', ".").replace(']', ""),
                format!("{was}, {}: {meldung}.", pfad_in_worten(pfad)),
            ),
            ImportFehler::Feld { meldung, .. } => (name.to_string(), format!("{was}: {meldung}.")),
            andere => (name.to_string(), format!("{was}: {andere}")),
        };
        ApiFehler {
            code: "argument".into(),
            befunde: vec![Befund::fehler(feld, message.clone())],
            message,
        }
    })
}

/// `beratungsfolge[1].datum` → "Beratungsfolge, Schritt 2, Datum".
fn pfad_in_worten(pfad: &str) -> String {
    pfad.split('.')
        .filter(|t| !t.is_empty())
        .map(|teil| match teil.split_once('[') {
            Some((key, rest)) => {
                let nr = rest
                    .trim_end_matches(']')
                    .parse::<usize>()
                    .map(|i| i + 1)
                    .unwrap_or(0);
                format!("{}, Schritt {nr}", bezeichnung(key))
            }
            None => bezeichnung(teil).to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The word the screen uses for an argument or field key (UI.md); a key without an entry
/// is shown as it is, which a test keeps from happening for the app's own arguments.
pub fn bezeichnung(key: &str) -> &str {
    match key {
        "gremium" => "Gremium",
        "person" => "Person",
        "mitgliedschaft" => "Mitgliedschaft",
        "wahl" => "Wahl",
        "zaehlung" => "Zählung",
        "buero" => "Einstellungen",
        "inhalt" => "Vorlage",
        "filter" => "Suche und Filter",
        "grenze" => "Anzahl",
        "upload" => "Anlage",
        "daten_base64" => "Dateiinhalt",
        "beratungsfolge" => "Beratungsfolge",
        "ergebnis" => "Ergebnis",
        "finanzielle_auswirkungen" => "Finanzielle Auswirkungen",
        "klimarelevanz" => "Klimarelevanz",
        "top" => "TOP",
        "art" => "Art",
        "status" => "Status",
        "name" => "Name",
        "kurzname" => "Kurzname",
        "typ" => "Art des Gremiums",
        "wahlperiode" => "Wahlperiode",
        "ladungsfrist_tage" => "Ladungsfrist (Tage)",
        "mindestsitzungen_jahr" => "Sitzungen im Jahr (mindestens)",
        "vertretung" => "Stellvertretung",
        "sitze" => "Sitze",
        "titel" => "Titel",
        "abgegeben" => "Abgegebene Stimmzettel",
        "ungueltig" => "Ungültige Stimmzettel",
        "enthaltungen" => "Enthaltungen",
        "nein" => "Nein-Stimmen",
        "stimmen" => "Stimmen",
        "gang" => "Wahlgang",
        "verfahren" => "Verfahren",
        "anrede" => "Anrede",
        "vorname" => "Vorname",
        "nachname" => "Nachname",
        "email" => "E-Mail",
        "telefon" => "Telefon",
        "anschrift" => "Anschrift",
        "rolle" => "Rolle",
        "stimmrecht" => "Stimmrecht",
        "herkunft" => "Herkunft",
        "liste" => "Liste/Fraktion",
        "von" => "Mitglied seit",
        "bis" => "Mitglied bis",
        "teil" => "Teil",
        "vorlage" => "Vorlage",
        "unterpunkt" => "Unterpunkt",
        "kommune" => "Kommune",
        "gremium_name" => "Name des Gremiums",
        "nummernschema" => "Nummernschema",
        "betreff" => "Betreff",
        "datum" => "Datum",
        "stellvertreter" => "Persönliche Stellvertretung",
        "geheim" => "Geheime Wahl",
        "einheitlich_mehrheit" => "Einheitlicher Wahlvorschlag mit Mehrheit",
        "nur_mitglieder" => "Nur Mitglieder wählbar",
        "sitzung" => "Sitzung",
        "ziel_gremium" => "Zielgremium",
        "einladung_vorlauf_tage" => "Erinnerung an die Einladung (Tage vorher)",
        "ohne_entschaedigung" => "Entschädigung",
        _ => key,
    }
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
