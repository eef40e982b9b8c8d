//! Backups of the office database, and their restore.
//!
//! A backup is a consistent, compacted copy taken by `VACUUM INTO` while the database stays
//! in use; it is written under a temporary name, synced and then renamed, so a backup file
//! with its final name is always whole. Before a backup may replace anything it is checked
//! ([`sicherung_pruefen`]): it must be a Ratsbüro database, `PRAGMA integrity_check` must
//! say "ok", its schema must not be newer than this build knows, and every Anlage must
//! still have the SHA-512 recorded when it was stored. The restore keeps the current
//! database aside (`<name>.vor-wiederherstellung-<zeit>.sqlite`) and puts it back if the
//! restored file does not open.

use super::fehler::StoreError;
use super::{migrationen, Store};
use crate::datei::temporaer;
use crate::domain::anlage::sha512_hex;
use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// What the check of a backup found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SicherungsPruefung {
    pub schema_version: i64,
    pub vorlagen: i64,
    pub anlagen: i64,
    pub bytes: u64,
}

fn io(pfad: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |quelle| StoreError::Io {
        pfad: pfad.to_path_buf(),
        quelle,
    }
}

impl Store {
    /// Writes a consistent copy of the database to `ziel` (which must not exist yet): of
    /// the file by `VACUUM INTO`, of a server's office by copying it into a new file
    /// ([`super::server_sicherung`]); both are SQLite files of the same form.
    pub fn sichern(&self, ziel: &Path, jetzt: NaiveDateTime) -> Result<u64, StoreError> {
        if ziel.exists() {
            return Err(StoreError::Io {
                pfad: ziel.to_path_buf(),
                quelle: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "die Datei gibt es schon",
                ),
            });
        }
        let tmp = temporaer(ziel);
        let _ = std::fs::remove_file(&tmp);
        let ergebnis = (|| {
            match self.conn.datei() {
                Some(c) => {
                    c.execute("VACUUM INTO ?1", [tmp.to_string_lossy()])
                        .map_err(|e| StoreError::from(e).gesperrt_erkennen())?;
                }
                None => self.server_sichern(&tmp, jetzt)?,
            }
            crate::datei::einsetzen(&tmp, ziel).map_err(io(ziel))?;
            std::fs::metadata(ziel).map(|m| m.len()).map_err(io(ziel))
        })();
        if ergebnis.is_err() {
            let _ = std::fs::remove_file(&tmp);
            // A server's copy is an SQLite file being written: its journal files too.
            for neben in nebendateien(&tmp) {
                let _ = std::fs::remove_file(neben);
            }
        }
        ergebnis
    }
}

/// Checks a backup file without changing it (opened read-only).
pub fn sicherung_pruefen(datei: &Path) -> Result<SicherungsPruefung, StoreError> {
    pruefen(datei).map_err(|e| match e {
        StoreError::Sqlite(s)
            if matches!(
                s.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt)
            ) =>
        {
            StoreError::SicherungBeschaedigt {
                pfad: datei.to_path_buf(),
                befund: s.to_string(),
            }
        }
        andere => andere,
    })
}

fn pruefen(datei: &Path) -> Result<SicherungsPruefung, StoreError> {
    let bytes = std::fs::metadata(datei).map_err(io(datei))?.len();
    let conn = Connection::open_with_flags(
        datei,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::aus_oeffnen(datei, e))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::aus_oeffnen(datei, e))?;
    let neueste = migrationen::neueste_version();
    if version > neueste {
        return Err(StoreError::NeueresSchema {
            gefunden: version,
            bekannt: neueste,
        });
    }
    let ist_ratsbuero: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('buero', 'vorlage', 'anlage')",
        [],
        |r| r.get(0),
    ).map_err(|e| StoreError::aus_oeffnen(datei, e))?;
    if version < 1 || ist_ratsbuero != 3 {
        return Err(StoreError::KeineDatenbank(datei.to_path_buf()));
    }
    let mut meldungen = Vec::new();
    {
        let mut q = conn.prepare("PRAGMA integrity_check(20)")?;
        let mut zeilen = q.query([])?;
        while let Some(z) = zeilen.next()? {
            meldungen.push(z.get::<_, String>(0)?);
        }
    }
    if meldungen != ["ok"] {
        return Err(StoreError::SicherungBeschaedigt {
            pfad: datei.to_path_buf(),
            befund: meldungen.join("; "),
        });
    }
    let mut q = conn.prepare(
        "SELECT a.name, coalesce(v.nummer, 'Entwurf ' || v.id), a.sha512, a.daten
         FROM anlage a JOIN vorlage v ON v.id = a.vorlage_id ORDER BY a.id",
    )?;
    let mut zeilen = q.query([])?;
    let mut anlagen = 0;
    while let Some(z) = zeilen.next()? {
        let daten: Vec<u8> = z.get(3)?;
        let gespeichert: String = z.get(2)?;
        if sha512_hex(&daten) != gespeichert {
            return Err(StoreError::AnlageVerfaelscht {
                pfad: datei.to_path_buf(),
                anlage: z.get(0)?,
                vorlage: z.get(1)?,
            });
        }
        anlagen += 1;
    }
    let vorlagen = conn.query_row("SELECT count(*) FROM vorlage", [], |r| r.get(0))?;
    Ok(SicherungsPruefung {
        schema_version: version,
        vorlagen,
        anlagen,
        bytes,
    })
}

/// What a restore did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Wiederhergestellt {
    pub pruefung: SicherungsPruefung,
    /// Where the database that was replaced now lies (`None` if there was none).
    pub beiseite: Option<PathBuf>,
}

pub(super) fn nebendateien(db: &Path) -> [PathBuf; 2] {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    [
        db.with_file_name(format!("{name}-wal")),
        db.with_file_name(format!("{name}-shm")),
    ]
}

/// Replaces the database at `db` with the backup `datei`, after [`sicherung_pruefen`].
///
/// No connection to `db` may be open (the app closes its own first). The current file is
/// checkpointed and moved aside; if the restored file then does not open (it is migrated
/// to the current schema on opening, with the usual safety copy), the current file is put
/// back and the error returned.
pub fn wiederherstellen(
    db: &Path,
    datei: &Path,
    jetzt: NaiveDateTime,
) -> Result<(Store, Wiederhergestellt), StoreError> {
    let pruefung = sicherung_pruefen(datei)?;
    let tmp = temporaer(db);
    let _ = std::fs::remove_file(&tmp);
    std::fs::copy(datei, &tmp).map_err(io(db))?;
    crate::datei::synchronisieren(&tmp).map_err(io(&tmp))?;

    let beiseite = if db.exists() {
        // Fold the WAL into the file so that the file alone is the whole database.
        let zusammenfuehren = || -> Result<(), rusqlite::Error> {
            let conn = Connection::open(db)?;
            let (blockiert, _, _): (i64, i64, i64) =
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            if blockiert != 0 {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                ));
            }
            conn.pragma_update(None, "journal_mode", "DELETE")?;
            Ok(())
        };
        if let Err(e) = zusammenfuehren() {
            match e.sqlite_error_code() {
                // A broken current file is moved aside as it is.
                Some(rusqlite::ErrorCode::NotADatabase) => {}
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(StoreError::NochGeoeffnet(db.to_path_buf()));
                }
                _ => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e.into());
                }
            }
        }
        let name = db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ziel = db.with_file_name(format!(
            "{name}.vor-wiederherstellung-{}.sqlite",
            jetzt.format("%Y%m%d-%H%M%S")
        ));
        std::fs::rename(db, &ziel).map_err(io(db))?;
        Some(ziel)
    } else {
        None
    };
    for neben in nebendateien(db) {
        let _ = std::fs::remove_file(neben);
    }
    let zurueck = |fehler: StoreError| {
        let _ = std::fs::remove_file(db);
        for neben in nebendateien(db) {
            let _ = std::fs::remove_file(neben);
        }
        if let Some(b) = &beiseite {
            let _ = std::fs::rename(b, db);
        }
        fehler
    };
    crate::datei::einsetzen(&tmp, db).map_err(|e| zurueck(io(db)(e)))?;
    let store = Store::oeffnen(db, jetzt).map_err(zurueck)?;
    Ok((store, Wiederhergestellt { pruefung, beiseite }))
}
