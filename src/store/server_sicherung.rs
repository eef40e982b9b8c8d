//! Backups of an office on a PostgreSQL server, in the same form as the file's.
//!
//! A backup of the server's office is an SQLite file like every other backup: the
//! office, read in one snapshot (`REPEATABLE READ`), copied by the move's copy
//! ([`super::umzug`]) into a new file under a temporary name, and renamed when whole. So
//! `sicherung pruefen` checks it (integrity, schema, every Anlage's SHA-512), the
//! rotation of the backup folder is the same, and it can be restored onto a server or
//! opened as a file. The restore checks the backup first, keeps the server's current
//! office aside as one more backup, and then replaces the server's office by the
//! backup's in one transaction: the old goes only when the new one is whole. The other
//! workstations hear of it (every write notifies them) and read everything again.
//!
//! This is the office's own copy, not the server's: the IT department's `pg_dump`
//! schedule stays the backup of the database server (README).

use super::fehler::StoreError;
use super::sicherung::{sicherung_pruefen, Wiederhergestellt};
use super::umzug::{kopieren, ImZiel};
use super::Store;
use chrono::NaiveDateTime;
use std::path::Path;

impl Store {
    /// Writes the server's office into the new SQLite file `tmp` (the caller renames it).
    pub(crate) fn server_sichern(
        &self,
        tmp: &Path,
        jetzt: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let mut datei = Store::oeffnen(tmp, jetzt)?;
        kopieren(self, &mut datei, ImZiel::Verweigern)?;
        // The copy is one file: its WAL folded in before it is renamed.
        if let Some(c) = datei.conn.datei() {
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        drop(datei);
        for neben in super::sicherung::nebendateien(tmp) {
            let _ = std::fs::remove_file(neben);
        }
        Ok(())
    }

    /// Replaces the office on the server by the backup `datei`, after
    /// [`sicherung_pruefen`]; the office as it was goes to `beiseite` first (a backup
    /// file, which must not exist yet).
    pub fn server_wiederherstellen(
        &mut self,
        datei: &Path,
        beiseite: &Path,
        jetzt: NaiveDateTime,
    ) -> Result<Wiederhergestellt, StoreError> {
        let pruefung = sicherung_pruefen(datei)?;
        // The backup is read from a copy: opening it may bring an older schema up to date,
        // and the backup itself stays as it is.
        let arbeit = tempfile_ordner(datei)?;
        let kopie = arbeit.path().join("sicherung.sqlite");
        std::fs::copy(datei, &kopie).map_err(|quelle| StoreError::Io {
            pfad: datei.to_path_buf(),
            quelle,
        })?;
        let quelle = Store::oeffnen(&kopie, jetzt)?;
        self.sichern(beiseite, jetzt)?;
        kopieren(&quelle, self, ImZiel::Ersetzen)?;
        Ok(Wiederhergestellt {
            pruefung,
            beiseite: Some(beiseite.to_path_buf()),
        })
    }
}

/// A temporary folder of its own for the working copy of a backup.
fn tempfile_ordner(datei: &Path) -> Result<TempOrdner, StoreError> {
    let pfad = std::env::temp_dir().join(format!(
        "ratsbuero-wiederherstellung-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default()
    ));
    std::fs::create_dir_all(&pfad).map_err(|quelle| StoreError::Io {
        pfad: datei.to_path_buf(),
        quelle,
    })?;
    Ok(TempOrdner(pfad))
}

/// Removed with everything in it when dropped.
struct TempOrdner(std::path::PathBuf);

impl TempOrdner {
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempOrdner {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
