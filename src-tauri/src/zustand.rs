//! The app's state: the open database (or why it could not be opened), this
//! workstation's settings (database file or server, signing certificate) and the PDF on
//! screen.
//!
//! Every call into the store runs on a thread of its own, outside Tauri's tokio runtime:
//! the sync PostgreSQL client drives a runtime of its own and must not be called from
//! inside another one. Before each call a server connection that went away is opened
//! again, so the app reconnects by itself once the server is back. A server password the
//! user typed is held in memory only.

use chrono::NaiveDateTime;
use ratsbuero::api::{ApiFehler, AppKonfig};
use ratsbuero::store::{Ablage, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
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
    /// A server that needs a password the app does not have: the UI asks for it.
    pub kennwort_noetig: bool,
    /// The office is on a server (no backups of the app's own there).
    pub server: bool,
    /// The PKCS#12 file this workstation signs with.
    pub zertifikat_pfad: Option<String>,
}

/// The PDF the preview shows: what "Speichern unter…" writes, byte for byte.
pub struct Vorschau {
    pub dateiname: String,
    pub bytes: Vec<u8>,
}

struct Offen {
    ablage: Ablage,
    store: Result<Store, ApiFehler>,
}

pub struct App {
    konfig_datei: Option<PathBuf>,
    konfig: Mutex<AppKonfig>,
    aus_umgebung: bool,
    offen: Mutex<Offen>,
    vorschau: Mutex<Option<Vorschau>>,
    /// The server password typed in this session (never written anywhere).
    kennwort: Mutex<Option<String>>,
    /// Set by "Abbrechen" while a long job (the session packet) runs.
    abbruch: std::sync::atomic::AtomicBool,
}

impl App {
    pub fn starten(konfig_datei: Option<PathBuf>, jetzt: NaiveDateTime) -> App {
        let umgebung = std::env::var("RATSBUERO_DB")
            .ok()
            .map(|t| Ablage::aus_text(&t));
        let konfig = konfig_datei
            .as_deref()
            .and_then(|d| AppKonfig::lesen(d).ok())
            .unwrap_or_default();
        let ablage = umgebung
            .clone()
            .unwrap_or_else(|| Ablage::aus_text(&konfig.db().to_string_lossy()));
        let sicherungen = konfig.sicherungen();
        let store = abseits(|| Store::oeffnen_ablage(&ablage, jetzt, Some(&sicherungen)))
            .map_err(ApiFehler::from)
            .and_then(geoeffnet);
        App {
            konfig_datei,
            konfig: Mutex::new(konfig),
            aus_umgebung: umgebung.is_some(),
            offen: Mutex::new(Offen { ablage, store }),
            vorschau: Mutex::new(None),
            kennwort: Mutex::new(None),
            abbruch: Default::default(),
        }
    }

    fn konfig(&self) -> std::sync::MutexGuard<'_, AppKonfig> {
        self.konfig.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Changes this workstation's settings; only once they are written are they kept.
    fn konfig_aendern(&self, f: impl FnOnce(&mut AppKonfig)) -> Result<(), ApiFehler> {
        let mut k = self.konfig();
        let mut neu = k.clone();
        f(&mut neu);
        if let Some(datei) = &self.konfig_datei {
            neu.schreiben(datei)?;
        }
        *k = neu;
        Ok(())
    }

    /// The signing certificate chosen for this workstation; an empty path removes it.
    pub fn zertifikat_setzen(&self, pfad: &str) -> Result<DbInfo, ApiFehler> {
        let pfad = pfad.trim();
        let neu = if pfad.is_empty() {
            None
        } else {
            ratsbuero::api::zertifikat_datei_lesen(std::path::Path::new(pfad))?;
            Some(PathBuf::from(pfad))
        };
        self.konfig_aendern(|k| k.zertifikat_pfad = neu)?;
        Ok(self.info())
    }

    /// The certificate file's bytes, read when it is used (it may have been replaced).
    pub fn zertifikat(&self) -> Result<Vec<u8>, ApiFehler> {
        let pfad = self.konfig().zertifikat_pfad.clone().unwrap_or_default();
        ratsbuero::api::zertifikat_datei_lesen(&pfad)
    }

    /// The backup folder of this workstation.
    pub fn sicherung_ordner(&self) -> PathBuf {
        self.konfig().sicherungen()
    }

    /// Chooses another backup folder; it must be creatable and writable.
    pub fn sicherung_ordner_setzen(&self, pfad: &str) -> Result<(), ApiFehler> {
        let pfad = pfad.trim();
        if pfad.is_empty() {
            return self.konfig_aendern(|k| k.sicherung_ordner = None);
        }
        let ordner = PathBuf::from(pfad);
        let probe = ordner.join(".ratsbuero-schreibprobe");
        std::fs::create_dir_all(&ordner)
            .and_then(|_| std::fs::write(&probe, b"ok"))
            .and_then(|_| std::fs::remove_file(&probe))
            .map_err(|e| {
                ApiFehler::feld(
                    "sicherung_ordner",
                    format!(
                        "Sicherungsordner „{pfad}“ ist nicht beschreibbar: {}",
                        ratsbuero::domain::io_text::io_text(&e)
                    ),
                )
            })?;
        self.konfig_aendern(|k| k.sicherung_ordner = Some(ordner))
    }

    /// Replaces the open database with a backup: the file's connection is closed first; if
    /// the restore fails, the database that was open is opened again. On a server the
    /// office as it was goes into the backup folder first.
    pub fn wiederherstellen(
        &self,
        datei: &std::path::Path,
        jetzt: NaiveDateTime,
    ) -> Result<ratsbuero::store::Wiederhergestellt, ApiFehler> {
        let ordner = self.sicherung_ordner();
        let mut o = self.sperre();
        if let Ablage::Server(_) = o.ablage {
            // A server's office is replaced in one transaction on the open connection.
            let store = o.store.as_mut().map_err(|e| e.clone())?;
            return abseits(|| {
                store.verbindung_pruefen()?;
                ratsbuero::api::sicherung_wiederherstellen_server(store, &ordner, datei, jetzt)
            });
        }
        let db = o.ablage.datei().map(Path::to_path_buf)?;
        let geschlossen = std::mem::replace(
            &mut o.store,
            Err(ApiFehler::neu(
                "wiederherstellung",
                "Die Datenbank wird gerade wiederhergestellt.",
            )),
        );
        drop(geschlossen);
        match ratsbuero::api::sicherung_wiederherstellen(&db, datei, jetzt) {
            Ok((store, w)) => {
                o.store = Ok(store);
                Ok(w)
            }
            Err(e) => {
                o.store = Store::oeffnen_ablage(&o.ablage, jetzt, None)
                    .map_err(ApiFehler::from)
                    .and_then(geoeffnet);
                Err(e)
            }
        }
    }

    /// Keeps the PDF on screen and hands its bytes back for the preview.
    pub fn vorschau_merken(&self, dateiname: String, bytes: Vec<u8>) -> Vec<u8> {
        let kopie = bytes.clone();
        *self.vorschau.lock().unwrap_or_else(|e| e.into_inner()) =
            Some(Vorschau { dateiname, bytes });
        kopie
    }

    pub fn vorschau_verwerfen(&self) {
        *self.vorschau.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    pub fn mit_vorschau<T>(
        &self,
        f: impl FnOnce(&Vorschau) -> Result<T, ApiFehler>,
    ) -> Result<T, ApiFehler> {
        match &*self.vorschau.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(v) => f(v),
            None => Err(ApiFehler::neu(
                "keine_vorschau",
                "Es ist kein PDF geöffnet, das gespeichert werden könnte.",
            )),
        }
    }

    /// A long job starts: forget an earlier cancel.
    pub fn abbruch_zuruecksetzen(&self) {
        self.abbruch
            .store(false, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn abbrechen(&self) {
        self.abbruch
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn abgebrochen(&self) -> bool {
        self.abbruch.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn sperre(&self) -> std::sync::MutexGuard<'_, Offen> {
        // A panic inside a command must not lock the office out for the rest of the session.
        self.offen.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn mit<T: Send>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, ApiFehler> + Send,
    ) -> Result<T, ApiFehler> {
        self.mit_mut(|s| f(s))
    }

    pub fn mit_mut<T: Send>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiFehler> + Send,
    ) -> Result<T, ApiFehler> {
        match &mut self.sperre().store {
            Ok(s) => abseits(|| {
                s.verbindung_pruefen()?;
                f(s)
            }),
            Err(e) => Err(e.clone()),
        }
    }

    /// Opens the server again with the password the user typed; only if that works is the
    /// password kept (in memory).
    pub fn kennwort_setzen(
        &self,
        kennwort: &str,
        jetzt: NaiveDateTime,
    ) -> Result<DbInfo, ApiFehler> {
        if kennwort.is_empty() {
            return Err(ApiFehler::feld(
                "kennwort",
                "Kennwort: Bitte das Kennwort des Datenbank-Benutzers eingeben.",
            ));
        }
        let mut o = self.sperre();
        let ablage = o.ablage.clone();
        let store = abseits(|| Store::oeffnen_ablage_mit(&ablage, jetzt, None, Some(kennwort)))
            .map_err(|e| match e {
                ratsbuero::store::StoreError::ServerAnmeldung { .. } => {
                    ApiFehler::feld("kennwort", e.to_string())
                }
                e => ApiFehler::from(e),
            })
            .and_then(geoeffnet)?;
        let alt = std::mem::replace(&mut o.store, Ok(store));
        drop(o);
        abseits(move || drop(alt));
        *self.kennwort.lock().unwrap_or_else(|e| e.into_inner()) = Some(kennwort.to_string());
        Ok(self.info())
    }

    /// Where the open office lives.
    pub fn ablage(&self) -> Ablage {
        self.sperre().ablage.clone()
    }

    /// The server password typed in this session, if any.
    pub fn kennwort(&self) -> Option<String> {
        self.kennwort
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn info(&self) -> DbInfo {
        let mut o = self.sperre();
        let schema_version = match &mut o.store {
            Ok(s) => abseits(move || s.schema_version()).ok(),
            Err(_) => None,
        };
        DbInfo {
            server: o.ablage.datei().is_err(),
            pfad: o.ablage.to_string(),
            aus_umgebung: self.aus_umgebung,
            schema_version,
            fehler: o.store.as_ref().err().cloned(),
            kennwort_noetig: o
                .store
                .as_ref()
                .err()
                .is_some_and(|e| e.code == "server_anmeldung"),
            zertifikat_pfad: self
                .konfig()
                .zertifikat_pfad
                .as_ref()
                .map(|p| p.display().to_string()),
        }
    }

    /// Opens another database file or server; only when it opens is the choice kept.
    /// `kennwort` is a server password just typed (else the one typed before is used); it
    /// is kept in memory when the server opens with it.
    pub fn db_wechseln(
        &self,
        pfad: &str,
        kennwort: Option<&str>,
        jetzt: NaiveDateTime,
    ) -> Result<DbInfo, ApiFehler> {
        let pfad = PathBuf::from(pfad.trim());
        if pfad.as_os_str().is_empty() {
            return Err(ApiFehler::feld(
                "db_pfad",
                "Datenbank: Bitte einen Dateipfad oder eine Server-Adresse (postgres://…) angeben.",
            ));
        }
        let ablage = Ablage::aus_text(&pfad.to_string_lossy());
        if ablage.hat_kennwort() {
            return Err(ApiFehler::feld(
                "db_pfad",
                "Datenbank: Das Kennwort gehört nicht in die Adresse, denn die Einstellungen würden es im Klartext speichern. Bitte die Adresse ohne Kennwort angeben; Ratsbüro fragt danach (oder nimmt es aus PGPASSWORD bzw. ~/.pgpass).",
            ));
        }
        let kennwort = kennwort
            .filter(|k| !k.is_empty())
            .map(str::to_string)
            .or_else(|| {
                self.kennwort
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clone()
            });
        let sicherungen = self.sicherung_ordner();
        let store = abseits(|| {
            Store::oeffnen_ablage_mit(&ablage, jetzt, Some(&sicherungen), kennwort.as_deref())
        })
        .map_err(ApiFehler::from)
        .and_then(geoeffnet)?;
        self.konfig_aendern(|k| k.db_pfad = Some(pfad.clone()))?;
        let server = ablage.datei().is_err();
        self.ersetzen(Offen {
            ablage,
            store: Ok(store),
        });
        if server {
            *self.kennwort.lock().unwrap_or_else(|e| e.into_inner()) = kennwort;
        }
        Ok(self.info())
    }
}

impl App {
    /// Puts another database in place; the old one is closed off the runtime (closing a
    /// server connection talks to the server).
    fn ersetzen(&self, neu: Offen) {
        let alt = std::mem::replace(&mut *self.sperre(), neu);
        abseits(move || drop(alt));
    }
}

/// An office just opened: the app's clock follows its time zone. Asked off Tauri's
/// runtime like every other use of the store (a server's connection blocks), and on an
/// error the store is closed there too.
fn geoeffnet(store: Store) -> Result<Store, ApiFehler> {
    abseits(move || {
        ratsbuero::api::zeitzone_uebernehmen(&store)?;
        Ok(store)
    })
}

/// Runs `f` on a thread of its own, outside Tauri's tokio runtime (see the module docs).
fn abseits<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| match s.spawn(f).join() {
        Ok(t) => t,
        Err(panik) => std::panic::resume_unwind(panik),
    })
}
