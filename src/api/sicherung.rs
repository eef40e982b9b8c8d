//! Backups as the user sees them: a backup folder with files named by their time
//! (`ratsbuero-20261122-093000` with the backend's ending), "Jetzt sichern", the daily automatic backup, the
//! rotation (7 daily, 4 weekly, 12 monthly) and the restore.
//!
//! Every new backup is checked like a backup about to be restored before older ones are
//! rotated away, so the folder never trades a good backup for a bad one.

use super::ApiFehler;
use crate::domain::aufbewahrung::Aufbewahrung;
use crate::domain::io_text::io_text;
use crate::store::{self, SicherungsPruefung, Store, Wiederhergestellt};
use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use std::path::{Path, PathBuf};

const PRAEFIX: &str = "ratsbuero-";
const ENDUNG: &str = store::SICHERUNG_ENDUNG;
const ZEIT: &str = "%Y%m%d-%H%M%S";

/// The automatic backup runs when the newest one is older than this.
pub const ABSTAND: Duration = Duration::hours(24);

/// A backup file in the folder, with the time in its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sicherung {
    pub datei: PathBuf,
    pub zeit: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize)]
pub struct SicherungErstellt {
    pub datei: PathBuf,
    pub pruefung: SicherungsPruefung,
    /// Older backups removed by the rotation.
    pub entfernt: Vec<PathBuf>,
}

/// The backups in `ordner`, newest first. Other files are left alone.
pub fn sicherungen(ordner: &Path) -> Result<Vec<Sicherung>, ApiFehler> {
    let eintraege = match std::fs::read_dir(ordner) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ordner_fehler(ordner, e)),
    };
    let mut liste: Vec<Sicherung> = eintraege
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let zeit = name.strip_prefix(PRAEFIX)?.strip_suffix(ENDUNG)?;
            let zeit = NaiveDateTime::parse_from_str(zeit.get(..15)?, ZEIT).ok()?;
            Some(Sicherung {
                datei: e.path(),
                zeit,
            })
        })
        .collect();
    liste.sort_by(|a, b| b.zeit.cmp(&a.zeit).then(b.datei.cmp(&a.datei)));
    Ok(liste)
}

fn ordner_fehler(ordner: &Path, e: std::io::Error) -> ApiFehler {
    ApiFehler::feld(
        "sicherung_ordner",
        format!(
            "Sicherungsordner „{}“ ist nicht nutzbar: {}",
            ordner.display(),
            io_text(&e)
        ),
    )
}

/// Whether the automatic backup is due: no backup yet, or the newest older than [`ABSTAND`].
pub fn sicherung_faellig(ordner: &Path, jetzt: NaiveDateTime) -> Result<bool, ApiFehler> {
    Ok(sicherungen(ordner)?
        .first()
        .is_none_or(|s| jetzt - s.zeit >= ABSTAND))
}

/// The automatic backup, when one is due (of a server's office too: each workstation
/// keeps its own copies, beside the IT's `pg_dump` of the server).
pub fn sicherung_automatisch(
    store: &Store,
    ordner: &Path,
    jetzt: NaiveDateTime,
) -> Result<Option<SicherungErstellt>, ApiFehler> {
    if !sicherung_faellig(ordner, jetzt)? {
        return Ok(None);
    }
    sicherung_erstellen(store, ordner, Aufbewahrung::default(), jetzt).map(Some)
}

/// A name for a new backup in `ordner` (created if need be): `basis` with the ending, or
/// with `-2`, `-3`, … when that is taken.
fn freier_name(ordner: &Path, basis: &str) -> Result<PathBuf, ApiFehler> {
    std::fs::create_dir_all(ordner).map_err(|e| ordner_fehler(ordner, e))?;
    Ok((1..)
        .map(|n| match n {
            1 => ordner.join(format!("{basis}{ENDUNG}")),
            n => ordner.join(format!("{basis}-{n}{ENDUNG}")),
        })
        .find(|p| !p.exists())
        .expect("a free name"))
}

/// "Jetzt sichern": a checked backup into `ordner`, then the rotation.
pub fn sicherung_erstellen(
    store: &Store,
    ordner: &Path,
    aufbewahrung: Aufbewahrung,
    jetzt: NaiveDateTime,
) -> Result<SicherungErstellt, ApiFehler> {
    let datei = freier_name(ordner, &format!("{PRAEFIX}{}", jetzt.format(ZEIT)))?;
    store.sichern(&datei, jetzt)?;
    let pruefung = match store::sicherung_pruefen(&datei) {
        Ok(p) => p,
        Err(e) => {
            let _ = std::fs::remove_file(&datei);
            return Err(e.into());
        }
    };
    let liste = sicherungen(ordner)?;
    let zeiten: Vec<NaiveDateTime> = liste.iter().map(|s| s.zeit).collect();
    let mut entfernt = Vec::new();
    for (s, behalten) in liste.iter().zip(aufbewahrung.behalten(&zeiten)) {
        if !behalten && s.datei != datei && std::fs::remove_file(&s.datei).is_ok() {
            entfernt.push(s.datei.clone());
        }
    }
    Ok(SicherungErstellt {
        datei,
        pruefung,
        entfernt,
    })
}

/// The backup folder as the settings screen shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SicherungsUebersicht {
    pub ordner: PathBuf,
    pub sicherungen: Vec<SicherungsEintrag>,
    pub faellig: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SicherungsEintrag {
    pub datei: PathBuf,
    pub zeit: NaiveDateTime,
    pub bytes: u64,
}

pub fn sicherung_uebersicht(
    ordner: &Path,
    jetzt: NaiveDateTime,
) -> Result<SicherungsUebersicht, ApiFehler> {
    let sicherungen = sicherungen(ordner)?
        .into_iter()
        .map(|s| SicherungsEintrag {
            bytes: std::fs::metadata(&s.datei).map(|m| m.len()).unwrap_or(0),
            datei: s.datei,
            zeit: s.zeit,
        })
        .collect();
    Ok(SicherungsUebersicht {
        ordner: ordner.to_path_buf(),
        sicherungen,
        faellig: sicherung_faellig(ordner, jetzt)?,
    })
}

/// Checks that `datei` is one of the backups listed in `ordner` (what the settings screen
/// offers for restore), so the UI cannot name an arbitrary file.
pub fn sicherung_aus_ordner(ordner: &Path, datei: &Path) -> Result<PathBuf, ApiFehler> {
    sicherungen(ordner)?
        .into_iter()
        .map(|s| s.datei)
        .find(|d| d == datei)
        .ok_or_else(|| {
            ApiFehler::feld(
                "sicherung",
                format!(
                    "„{}“ ist keine Sicherung im Sicherungsordner „{}“.",
                    datei.display(),
                    ordner.display()
                ),
            )
        })
}

/// Checks a backup file without changing anything.
pub fn sicherung_pruefen(datei: &Path) -> Result<SicherungsPruefung, ApiFehler> {
    Ok(store::sicherung_pruefen(datei)?)
}

/// Replaces the database at `db` with the backup `datei` (see [`store::wiederherstellen`]).
pub fn sicherung_wiederherstellen(
    db: &Path,
    datei: &Path,
    jetzt: NaiveDateTime,
) -> Result<(Store, Wiederhergestellt), ApiFehler> {
    let (store, w) = store::wiederherstellen(db, datei, jetzt)?;
    super::zeitzone_uebernehmen(&store)?;
    Ok((store, w))
}

/// Replaces the office on the server by the backup `datei` (see
/// [`Store::server_wiederherstellen`]); the office as it was is kept first in `ordner` as
/// `vor-wiederherstellung-<zeit>.sqlite`: a backup file, but not one of the rotation (a
/// second *Jetzt sichern* the same day must not take it away).
pub fn sicherung_wiederherstellen_server(
    store: &mut Store,
    ordner: &Path,
    datei: &Path,
    jetzt: NaiveDateTime,
) -> Result<Wiederhergestellt, ApiFehler> {
    let beiseite = freier_name(
        ordner,
        &format!("vor-wiederherstellung-{}", jetzt.format(ZEIT)),
    )?;
    let w = store.server_wiederherstellen(datei, &beiseite, jetzt)?;
    super::zeitzone_uebernehmen(store)?;
    Ok(w)
}

/// `umzug --nach`: the whole office from `quelle` into the empty `ziel` (file or server,
/// either direction), checked afterwards; the German summary.
pub fn umzug(
    quelle: &Store,
    ziel: &store::Ablage,
    jetzt: NaiveDateTime,
) -> Result<String, ApiFehler> {
    if quelle.ablage() == ziel {
        return Err(ApiFehler::feld(
            "nach",
            "--nach: Quelle und Ziel sind dieselbe Datenbank.",
        ));
    }
    let mut z = store::ziel_oeffnen(ziel, jetzt)?;
    let bericht = store::umziehen(quelle, &mut z)?;
    Ok(bericht.zusammenfassung(&quelle.ablage().to_string(), &ziel.to_string()))
}
