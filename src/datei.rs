//! Atomic file writes, the one way the core replaces a file: the bytes go to a temporary
//! file beside the target, are synced to disk, renamed over the target, and the folder is
//! synced so that the rename itself survives a power cut (Unix). A failed write leaves
//! the target as it was and no temporary file behind.
//!
//! Windows: a file is synced through a handle opened for writing (FlushFileBuffers needs
//! write access; a read-only handle is refused with "keine Berechtigung"), and a folder
//! cannot be opened as a file there, so its sync is Unix only (NTFS journals the rename).

use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary name beside `ziel` under which a file is written before its rename
/// (hidden, and unique to this process).
pub fn temporaer(ziel: &Path) -> PathBuf {
    let name = ziel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ziel.with_file_name(format!(".{name}.{}.unfertig", std::process::id()))
}

/// Syncs the folder of `ziel`, which makes a rename into it durable. Best effort, and on
/// Unix only (see the module doc).
fn ordner_synchronisieren(ziel: &Path) {
    #[cfg(unix)]
    if let Some(ordner) = ziel.parent().filter(|o| !o.as_os_str().is_empty()) {
        let _ = std::fs::File::open(ordner).and_then(|f| f.sync_all());
    }
    #[cfg(not(unix))]
    let _ = ziel;
}

/// Forces the finished file `pfad` to disk, through a handle that may write (Windows
/// refuses to flush a read-only one).
pub fn synchronisieren(pfad: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(pfad)?
        .sync_all()
}

/// Writes `daten` to `ziel` atomically.
pub fn schreiben(ziel: &Path, daten: &[u8]) -> std::io::Result<()> {
    let tmp = temporaer(ziel);
    let ergebnis = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(daten)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, ziel)
    })();
    match ergebnis {
        Ok(()) => {
            ordner_synchronisieren(ziel);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Puts the finished file `tmp` (written by someone else, e.g. SQLite's `VACUUM INTO`)
/// in place of `ziel` atomically: synced, renamed, folder synced. On an error `tmp` is
/// removed and `ziel` is untouched.
pub fn einsetzen(tmp: &Path, ziel: &Path) -> std::io::Result<()> {
    let ergebnis = synchronisieren(tmp).and_then(|()| std::fs::rename(tmp, ziel));
    match ergebnis {
        Ok(()) => {
            ordner_synchronisieren(ziel);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(tmp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_and_leaves_no_temporary_behind() {
        let ordner = std::env::temp_dir().join(format!("ratsbuero-datei-{}", std::process::id()));
        std::fs::create_dir_all(&ordner).unwrap();
        let ziel = ordner.join("Einladung.pdf");
        std::fs::write(&ziel, b"alt").unwrap();
        schreiben(&ziel, b"neu").unwrap();
        assert_eq!(std::fs::read(&ziel).unwrap(), b"neu");
        assert_eq!(std::fs::read_dir(&ordner).unwrap().count(), 1);
        // A folder that does not exist: the target stays absent, nothing is left.
        let fehlt = ordner.join("fehlt").join("x.pdf");
        assert!(schreiben(&fehlt, b"x").is_err());
        assert!(!fehlt.exists());
        assert!(einsetzen(&ordner.join("gibt-es-nicht"), &ziel).is_err());
        assert_eq!(std::fs::read(&ziel).unwrap(), b"neu");
        std::fs::remove_dir_all(&ordner).unwrap();
    }
}
