//! A database file on a network share is refused at opening. SQLite's locking over SMB
//! (a UNC path `\\server\freigabe\…`, or a mapped network drive such as `H:`) is not
//! safe: two workstations writing one file there can damage it, and a shared drive is
//! the first thing an office would try. The way out is named in the message: one
//! PostgreSQL server for several workstations, or the file on a local drive.

use super::fehler::StoreError;
use std::path::Path;

/// Whether `pfad` is a UNC path (`\\server\freigabe\…`, also `\\?\UNC\…` and `//server/…`);
/// a verbatim local path (`\\?\C:\…`) and the local device namespace (`\\.\…`) are not.
pub fn ist_unc(pfad: &str) -> bool {
    let p = pfad.replace('/', "\\");
    if let Some(rest) = p.strip_prefix("\\\\?\\") {
        return rest.len() >= 4 && rest[..4].eq_ignore_ascii_case("UNC\\");
    }
    p.starts_with("\\\\") && !p.starts_with("\\\\.\\")
}

/// Refuses `pfad` when it lies on a network share (see the module doc). Windows only: on
/// Linux `//x` is a local path, and a share is mounted into the tree like any folder.
pub fn pruefen(pfad: &Path) -> Result<(), StoreError> {
    if cfg!(windows) && (ist_unc(&pfad.to_string_lossy()) || netzlaufwerk(pfad)) {
        return Err(StoreError::Netzlaufwerk(pfad.to_path_buf()));
    }
    Ok(())
}

/// Whether the drive of `pfad` (`H:`) is a mapped network drive (Windows).
#[cfg(windows)]
fn netzlaufwerk(pfad: &Path) -> bool {
    use std::os::windows::ffi::OsStrExt;
    use std::path::{Component, Prefix};
    let absolut = std::path::absolute(pfad).unwrap_or_else(|_| pfad.to_path_buf());
    let laufwerk = match absolut.components().next() {
        Some(Component::Prefix(p)) => match p.kind() {
            Prefix::Disk(b) | Prefix::VerbatimDisk(b) => b,
            Prefix::UNC(..) | Prefix::VerbatimUNC(..) => return true,
            _ => return false,
        },
        _ => return false,
    };
    let wurzel: Vec<u16> = std::ffi::OsStr::new(&format!("{}:\\", laufwerk as char))
        .encode_wide()
        .chain(Some(0))
        .collect();
    // SAFETY: `wurzel` is a NUL-terminated UTF-16 string that outlives the call.
    let art = unsafe { windows_sys::Win32::Storage::FileSystem::GetDriveTypeW(wurzel.as_ptr()) };
    // DRIVE_REMOTE
    art == 4
}

#[cfg(not(windows))]
fn netzlaufwerk(_: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unc_paths_are_network_shares_local_ones_are_not() {
        for p in [
            r"\\rathaus\ratsbuero\buero.sqlite",
            "//rathaus/ratsbuero/buero.sqlite",
            r"\\?\UNC\rathaus\ratsbuero\buero.sqlite",
        ] {
            assert!(ist_unc(p), "{p}");
        }
        for p in [
            r"C:\Users\Ayşe\AppData\Roaming\Ratsbüro\buero.sqlite",
            r"\\?\C:\Daten\buero.sqlite",
            r"\\.\pipe\x",
            "/home/ayse/buero.sqlite",
            "buero.sqlite",
        ] {
            assert!(!ist_unc(p), "{p}");
        }
    }

    /// Windows (the core's unit tests run under wine): a share is refused with the reason
    /// and the way out, a local file is not.
    #[cfg(windows)]
    #[test]
    fn a_database_on_a_share_is_refused_on_windows() {
        let e = pruefen(Path::new(r"\\rathaus\ratsbuero\buero.sqlite")).unwrap_err();
        assert_eq!(e.code(), "netzlaufwerk");
        assert!(e.to_string().contains("PostgreSQL-Server"));
        assert!(pruefen(Path::new(r"C:\Users\Ayşe\buero.sqlite")).is_ok());
    }

    #[cfg(not(windows))]
    #[test]
    fn linux_takes_any_path_as_local() {
        assert!(pruefen(Path::new("//rathaus/ratsbuero/buero.sqlite")).is_ok());
    }
}
