//! Where the office database lives: the platform's app-data folder by default, another
//! file when the user chose one in the settings (kept in a small JSON file of the app,
//! not in the database itself, since it says which database to open).

use super::ApiFehler;
use crate::domain::io_text::io_text;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The default database file: `<app data>/ratsbuero.sqlite` (Linux:
/// `~/.local/share/ratsbuero/`, Windows: `%APPDATA%\Ratsbuero\Ratsbuero\data\`, macOS:
/// `~/Library/Application Support/de.Ratsbuero.Ratsbuero/`).
pub fn standard_db_pfad() -> PathBuf {
    directories::ProjectDirs::from("de", "Ratsbuero", "Ratsbuero")
        .map(|d| d.data_dir().join(crate::store::DATEINAME))
        .unwrap_or_else(|| PathBuf::from(crate::store::DATEINAME))
}

/// The default backup folder: `<app data>/sicherungen`.
pub fn standard_sicherung_ordner() -> PathBuf {
    directories::ProjectDirs::from("de", "Ratsbuero", "Ratsbuero")
        .map(|d| d.data_dir().join("sicherungen"))
        .unwrap_or_else(|| PathBuf::from("sicherungen"))
}

/// The app's own settings file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppKonfig {
    pub db_pfad: Option<PathBuf>,
    /// The PKCS#12 file this workstation signs with (its password is never stored).
    pub zertifikat_pfad: Option<PathBuf>,
    /// Where the automatic and manual backups go (default: [`standard_sicherung_ordner`]).
    pub sicherung_ordner: Option<PathBuf>,
}

impl AppKonfig {
    /// Reads the file; a missing file is the default, a broken one an error.
    pub fn lesen(datei: &Path) -> Result<AppKonfig, ApiFehler> {
        match std::fs::read_to_string(datei) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| {
                ApiFehler::neu(
                    "konfig",
                    format!(
                        "Die Einstellungsdatei „{}“ ist beschädigt (Zeile {}, Spalte {}).",
                        datei.display(),
                        e.line(),
                        e.column()
                    ),
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(AppKonfig::default()),
            Err(e) => Err(ApiFehler::neu(
                "konfig",
                format!(
                    "„{}“ kann nicht gelesen werden: {}",
                    datei.display(),
                    io_text(&e)
                ),
            )),
        }
    }

    /// Writes the file atomically ([`crate::datei::schreiben`]).
    pub fn schreiben(&self, datei: &Path) -> Result<(), ApiFehler> {
        let fehler = |e: std::io::Error| {
            ApiFehler::neu(
                "konfig",
                format!(
                    "„{}“ kann nicht geschrieben werden: {}",
                    datei.display(),
                    io_text(&e)
                ),
            )
        };
        if let Some(ordner) = datei.parent() {
            std::fs::create_dir_all(ordner).map_err(fehler)?;
        }
        let text = serde_json::to_string_pretty(self).expect("AppKonfig serialises");
        crate::datei::schreiben(datei, text.as_bytes()).map_err(fehler)
    }

    /// The backup folder: the chosen one, else the default.
    pub fn sicherungen(&self) -> PathBuf {
        self.sicherung_ordner
            .clone()
            .unwrap_or_else(standard_sicherung_ordner)
    }

    /// The database to open: the chosen one, else the default.
    pub fn db(&self) -> PathBuf {
        self.db_pfad.clone().unwrap_or_else(standard_db_pfad)
    }
}
