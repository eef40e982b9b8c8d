//! Errors of the store layer, each with a stable code and a German message for the user.

use crate::domain::befund::{self, Befund, Schwere};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Datenbankfehler: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("Datenbankfehler auf dem Server: {}", server_text(.0))]
    Server(postgres::Error),
    #[error("Die Server-Adresse „{url}“ ist so nicht verwendbar: {grund}. Erwartet wird z. B. postgres://benutzer@rathaus:5432/ratsbuero oder postgres://benutzer@/ratsbuero?host=/run/postgresql.")]
    ServerAdresse { url: String, grund: String },
    #[error("Der Datenbank-Server „{ziel}“ ist nicht erreichbar ({grund}). Ist er gestartet und die Adresse richtig? Ihre Eingaben bleiben erhalten.")]
    ServerNichtErreichbar { ziel: String, grund: String },
    #[error("Die Anmeldung am Datenbank-Server „{ziel}“ ist fehlgeschlagen: {grund}. Bitte Benutzername und Kennwort prüfen (PGPASSWORD oder ~/.pgpass).")]
    ServerAnmeldung { ziel: String, grund: String },
    #[error("Die verschlüsselte Verbindung zum Datenbank-Server „{ziel}“ kam nicht zustande: {grund}. Bitte das Zertifikat des Servers und sslmode/sslrootcert in der Adresse prüfen (die IT weiß, welches gilt).")]
    ServerVerschluesselung { ziel: String, grund: String },
    #[error("Die Datenbank „{0}“ enthält Tabellen einer anderen Anwendung; Ratsbüro verändert sie nicht. Bitte eine leere Datenbank für Ratsbüro anlegen.")]
    FremdeDatenbank(String),
    #[error("Der Datenbank-Benutzer darf hier nicht schreiben ({0}); nichts wurde verändert. Bitte die IT, der Rolle Schreibrechte auf die Ratsbüro-Datenbank zu geben.")]
    KeineRechte(String),
    #[error("Die Verbindung zum Datenbank-Server ist abgebrochen; nichts wurde gespeichert, Ihre Eingaben bleiben im Editor. Ratsbüro verbindet sich neu, sobald der Server wieder da ist.")]
    ServerWeg,
    #[error("Das Ziel „{ziel}“ ist nicht leer ({grund}); der Umzug schreibt nur in eine leere Datenbank, nichts wurde verändert.")]
    ZielNichtLeer { ziel: String, grund: String },
    #[error("Die Datenbank wird gerade von einem anderen Fenster oder Programm beschrieben. Bitte versuchen Sie es gleich noch einmal.")]
    Gesperrt,
    #[error("Die Datenbank „{}“ liegt auf einem Netzlaufwerk; dort öffnet Ratsbüro keine Datei, denn mehrere Arbeitsplätze auf einer Datei über das Netz können sie beschädigen. Für mehrere Arbeitsplätze richtet die IT einen PostgreSQL-Server ein (Einstellungen → Datenbank → Server); ein einzelner Arbeitsplatz legt die Datei auf ein lokales Laufwerk (z. B. unter %APPDATA%).", .0.display())]
    Netzlaufwerk(std::path::PathBuf),
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
    #[error("Die Datenbank „{0}“ liegt auf einem Server, nicht in einer Datei: das geht nur mit einer Datenbankdatei.")]
    ServerNichtVerfuegbar(String),
}

/// A server's error, sorted: missing rights and a lost connection get their own message.
impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> StoreError {
        use postgres::error::SqlState;
        if e.is_closed() {
            return StoreError::ServerWeg;
        }
        match e.code() {
            Some(c)
                if *c == SqlState::INSUFFICIENT_PRIVILEGE
                    || *c == SqlState::READ_ONLY_SQL_TRANSACTION =>
            {
                StoreError::KeineRechte(
                    e.as_db_error()
                        .map(|d| d.message().to_string())
                        .unwrap_or_default(),
                )
            }
            Some(c) if c.code().starts_with("08") || *c == SqlState::ADMIN_SHUTDOWN => {
                StoreError::ServerWeg
            }
            None if std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>()) => {
                StoreError::ServerWeg
            }
            _ => StoreError::Server(e),
        }
    }
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
            StoreError::Sqlite(_) | StoreError::Server(_) => "datenbank",
            StoreError::ServerAdresse { .. } => "server_adresse",
            StoreError::ServerNichtErreichbar { .. } | StoreError::ServerWeg => "server_weg",
            StoreError::ServerAnmeldung { .. } => "server_anmeldung",
            StoreError::ServerVerschluesselung { .. } => "server_tls",
            StoreError::FremdeDatenbank(_) => "keine_datenbank",
            StoreError::Netzlaufwerk(_) => "netzlaufwerk",
            StoreError::KeineRechte(_) => "keine_rechte",
            StoreError::ZielNichtLeer { .. } => "ziel_nicht_leer",
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

    /// Turns SQLITE_BUSY (the busy timeout ran out) and the server's lock timeout, deadlock
    /// or serialisation failure into [`StoreError::Gesperrt`].
    pub(crate) fn gesperrt_erkennen(self) -> StoreError {
        use postgres::error::SqlState;
        match &self {
            StoreError::Server(e)
                if e.code().is_some_and(|c| {
                    [
                        SqlState::LOCK_NOT_AVAILABLE,
                        SqlState::T_R_DEADLOCK_DETECTED,
                        SqlState::T_R_SERIALIZATION_FAILURE,
                    ]
                    .contains(c)
                }) =>
            {
                StoreError::Gesperrt
            }
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

/// The server's own words (its message and detail), or what went wrong on the way there.
fn server_text(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(d) => format!("{} ({d})", db.message()),
            None => db.message().to_string(),
        },
        None if e.is_closed() => "Die Verbindung zum Server ist abgebrochen.".into(),
        None => e.to_string(),
    }
}
