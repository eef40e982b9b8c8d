//! File-system errors in German. `std::io::Error` displays in English ("No such file or
//! directory (os error 2)"); every message the user reads goes through [`io_text`].

use std::io::ErrorKind;

/// The reason of an I/O error as a German phrase.
pub fn io_text(e: &std::io::Error) -> String {
    let grund = match e.kind() {
        ErrorKind::NotFound => "nicht gefunden",
        ErrorKind::PermissionDenied => "keine Berechtigung",
        ErrorKind::AlreadyExists => "existiert bereits",
        ErrorKind::NotADirectory => "ein Teil des Pfades ist kein Ordner",
        ErrorKind::IsADirectory => "ist ein Ordner, keine Datei",
        ErrorKind::DirectoryNotEmpty => "der Ordner ist nicht leer",
        ErrorKind::ReadOnlyFilesystem => "das Laufwerk ist schreibgeschützt",
        ErrorKind::StorageFull => "der Speicherplatz ist voll",
        ErrorKind::InvalidData => "ungültiger Inhalt",
        ErrorKind::UnexpectedEof => "die Datei endet unerwartet",
        ErrorKind::Interrupted => "der Vorgang wurde unterbrochen",
        _ => {
            return format!(
                "Ein-/Ausgabefehler (Systemcode {})",
                e.raw_os_error().unwrap_or(-1)
            )
        }
    };
    grund.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_errors_read_in_german() {
        let e = std::fs::read("/gibt/es/nicht").unwrap_err();
        assert_eq!(io_text(&e), "nicht gefunden");
        let e = std::io::Error::from_raw_os_error(5);
        assert_eq!(io_text(&e), "Ein-/Ausgabefehler (Systemcode 5)");
    }
}
