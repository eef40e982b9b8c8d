//! Errors of the store layer, each with a stable code and a German message for the user.

use crate::domain::befund::{self, Befund, Schwere};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Datenbankfehler: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("Die Datenbank wird gerade von einem anderen Fenster oder Programm beschrieben. Bitte versuchen Sie es gleich noch einmal.")]
    Gesperrt,
    #[error("Die Datei „{0}“ ist keine Ratsbüro-Datenbank (oder beschädigt).")]
    KeineDatenbank(PathBuf),
    #[error("Die Datenbank kann nicht in den WAL-Modus wechseln (Modus: {0}).")]
    KeinWal(String),
    #[error("Die Datenbank stammt von einer neueren Ratsbüro-Version (Schema {gefunden}, diese Version kennt bis {bekannt}). Bitte aktualisieren Sie Ratsbüro.")]
    NeueresSchema { gefunden: i64, bekannt: i64 },
    #[error("Aktualisieren der Datenbank fehlgeschlagen, nichts wurde verändert: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("Datei „{}“: {}", pfad.display(), crate::domain::io_text::io_text(quelle))]
    Io {
        pfad: PathBuf,
        quelle: std::io::Error,
    },
    #[error("{was} {id} gibt es nicht.")]
    NichtGefunden { was: &'static str, id: i64 },
    #[error("Ein erwarteter Datensatz fehlt in der Datenbank.")]
    KeineZeile,
    #[error("Die Vorlage wurde inzwischen an anderer Stelle geändert (jetzt Version {aktuell}, Ihre Änderung beruht auf Version {basis}). Nichts wurde überschrieben; laden Sie die Vorlage neu und übernehmen Sie Ihre Änderungen.")]
    Konflikt { basis: i64, aktuell: i64 },
    #[error("Die Sitzung wurde inzwischen an anderer Stelle geändert (jetzt Version {aktuell}, Ihre Änderung beruht auf Version {basis}). Nichts wurde überschrieben; die Sitzung wird neu geladen.")]
    SitzungKonflikt { basis: i64, aktuell: i64 },
    #[error("Die Vorlage {nummer} ist freigegeben und kann nicht mehr geändert werden. Legen Sie eine neue Fassung an.")]
    Freigegeben { nummer: String },
    #[error(
        "Nur eine freigegebene Vorlage bekommt eine neue Fassung; diese ist noch ein Entwurf."
    )]
    NochEntwurf,
    #[error("Zu dieser Vorlage gibt es schon eine neuere Fassung (Vorlage {0}).")]
    NeuereFassung(String),
    #[error("Die Sicherung „{}“ ist beschädigt ({befund}); nichts wurde verändert.", pfad.display())]
    SicherungBeschaedigt { pfad: PathBuf, befund: String },
    #[error("Die Sicherung „{}“ ist verfälscht: Anlage „{anlage}“ der Vorlage {vorlage} stimmt nicht mehr mit ihrer SHA-512-Prüfsumme überein; nichts wurde verändert.", pfad.display())]
    AnlageVerfaelscht {
        pfad: PathBuf,
        anlage: String,
        vorlage: String,
    },
    #[error("Die Datenbank „{}“ ist noch in einem anderen Fenster oder Programm geöffnet. Bitte schließen Sie es und versuchen Sie es erneut; nichts wurde verändert.", .0.display())]
    NochGeoeffnet(PathBuf),
    #[error("{}", befund::zusammenfassen(.0, Schwere::Unvollstaendig))]
    Ungueltig(Vec<Befund>),
    #[error("Gespeicherte Daten sind beschädigt ({0}).")]
    Beschaedigt(String),
    #[error("Die Datenbank „{0}“ liegt auf einem Server; diese Ratsbüro-Version arbeitet nur mit einer Datenbankdatei. Bitte eine Datei angeben.")]
    ServerNichtVerfuegbar(String),
}

/// A domain rule refused the change: nothing was written.
impl From<Befund> for StoreError {
    fn from(b: Befund) -> StoreError {
        StoreError::Ungueltig(vec![b])
    }
}

impl StoreError {
    /// Stable machine-readable code (the `code` of `{code, message}` at the UI boundary).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Sqlite(_) => "datenbank",
            StoreError::Gesperrt => "gesperrt",
            StoreError::KeineDatenbank(_) => "keine_datenbank",
            StoreError::KeinWal(_) => "datenbank",
            StoreError::NeueresSchema { .. } => "neueres_schema",
            StoreError::Migration(_) => "migration",
            StoreError::Io { .. } => "datei",
            StoreError::NichtGefunden { .. } | StoreError::KeineZeile => "nicht_gefunden",
            StoreError::Konflikt { .. } | StoreError::SitzungKonflikt { .. } => "konflikt",
            StoreError::Freigegeben { .. } => "freigegeben",
            StoreError::NochEntwurf => "noch_entwurf",
            StoreError::NeuereFassung(_) => "neuere_fassung",
            StoreError::Ungueltig(_) => "ungueltig",
            StoreError::Beschaedigt(_) => "datenbank",
            StoreError::SicherungBeschaedigt { .. } => "sicherung_beschaedigt",
            StoreError::AnlageVerfaelscht { .. } => "sicherung_verfaelscht",
            StoreError::NochGeoeffnet(_) => "noch_geoeffnet",
            StoreError::ServerNichtVerfuegbar(_) => "server",
        }
    }

    pub(crate) fn aus_oeffnen(pfad: &Path, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => {
                StoreError::KeineDatenbank(pfad.to_path_buf())
            }
            _ => StoreError::from(e),
        }
    }

    /// Turns SQLITE_BUSY (the busy timeout ran out) into [`StoreError::Gesperrt`].
    pub(crate) fn gesperrt_erkennen(self) -> StoreError {
        match &self {
            StoreError::Sqlite(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                StoreError::Gesperrt
            }
            _ => self,
        }
    }
}
