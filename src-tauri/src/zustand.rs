//! The app's state: the open database (or why it could not be opened), and where the
//! choice of database file is kept.

use chrono::NaiveDateTime;
use ratsbuero::api::{ApiFehler, AppKonfig};
use ratsbuero::store::Store;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();

pub fn start_merken() {
    START.get_or_init(Instant::now);
}

pub fn kaltstart_fertig(app: &tauri::AppHandle) {
    if std::env::var_os("RATSBUERO_KALTSTART").is_some() {
        let ms = START
            .get()
            .map(|s| s.elapsed().as_secs_f64() * 1000.0)
            .unwrap_or(f64::NAN);
        println!("kaltstart_ms={ms:.1}");
        app.exit(0);
    }
}

pub fn json<T: Serialize>(wert: T) -> serde_json::Value {
    serde_json::to_value(wert).expect("Antwort ist serialisierbar")
}

/// What the settings screen shows about the database.
#[derive(Debug, Clone, Serialize)]
pub struct DbInfo {
    pub pfad: String,
    pub aus_umgebung: bool,
    pub schema_version: Option<i64>,
    pub fehler: Option<ApiFehler>,
}

struct Offen {
    pfad: PathBuf,
    store: Result<Store, ApiFehler>,
}

pub struct App {
    konfig_datei: Option<PathBuf>,
    aus_umgebung: bool,
    offen: Mutex<Offen>,
}

impl App {
    pub fn starten(konfig_datei: Option<PathBuf>, jetzt: NaiveDateTime) -> App {
        let umgebung = std::env::var_os("RATSBUERO_DB").map(PathBuf::from);
        let konfig = konfig_datei.as_deref().map(AppKonfig::lesen);
        let pfad = match (&umgebung, konfig) {
            (Some(p), _) => p.clone(),
            (None, Some(Ok(k))) => k.db(),
            _ => AppKonfig::default().db(),
        };
        let store = Store::oeffnen(&pfad, jetzt).map_err(ApiFehler::from);
        App {
            konfig_datei,
            aus_umgebung: umgebung.is_some(),
            offen: Mutex::new(Offen { pfad, store }),
        }
    }

    fn sperre(&self) -> std::sync::MutexGuard<'_, Offen> {
        // A panic inside a command must not lock the office out for the rest of the session.
        self.offen.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn mit<T>(&self, f: impl FnOnce(&Store) -> Result<T, ApiFehler>) -> Result<T, ApiFehler> {
        match &self.sperre().store {
            Ok(s) => f(s),
            Err(e) => Err(e.clone()),
        }
    }

    pub fn mit_mut<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiFehler>,
    ) -> Result<T, ApiFehler> {
        match &mut self.sperre().store {
            Ok(s) => f(s),
            Err(e) => Err(e.clone()),
        }
    }

    pub fn info(&self) -> DbInfo {
        let o = self.sperre();
        DbInfo {
            pfad: o.pfad.display().to_string(),
            aus_umgebung: self.aus_umgebung,
            schema_version: o.store.as_ref().ok().and_then(|s| s.schema_version().ok()),
            fehler: o.store.as_ref().err().cloned(),
        }
    }

    /// Opens another database file; only when it opens is the choice kept.
    pub fn db_wechseln(&self, pfad: &str, jetzt: NaiveDateTime) -> Result<DbInfo, ApiFehler> {
        let pfad = PathBuf::from(pfad.trim());
        if pfad.as_os_str().is_empty() {
            return Err(ApiFehler::feld(
                "db_pfad",
                "Datenbankdatei: Bitte einen Pfad angeben.",
            ));
        }
        let store = Store::oeffnen(&pfad, jetzt)?;
        if let Some(datei) = &self.konfig_datei {
            AppKonfig {
                db_pfad: Some(pfad.clone()),
            }
            .schreiben(datei)?;
        }
        *self.sperre() = Offen {
            pfad,
            store: Ok(store),
        };
        Ok(self.info())
    }
}
