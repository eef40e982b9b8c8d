//! File-system errors in German. `std::io::Error` displays in English ("No such file or
//! directory (os error 2)"); every message the user reads goes through [`io_text`].

use std::io::ErrorKind;

/// The reason of an I/O error as a German phrase.
pub fn io_text(e: &std::io::Error) -> String {
    // Windows: another program holds the file (ERROR_SHARING_VIOLATION,
    // ERROR_LOCK_VIOLATION), or refuses its replacement (ERROR_ACCESS_DENIED while a PDF
    // viewer has it open).
    if cfg!(windows) {
        match e.raw_os_error() {
            Some(32) | Some(33) => return "die Datei ist in einem anderen Programm geöffnet, z. B. im PDF-Betrachter; bitte dort schließen und noch einmal versuchen".into(),
            Some(5) => return "keine Berechtigung, oder die Datei ist in einem anderen Programm geöffnet, z. B. im PDF-Betrachter".into(),
            _ => {}
        }
    }
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
        if cfg!(windows) {
            assert!(io_text(&e).contains("in einem anderen Programm geöffnet"));
            let e = std::io::Error::from_raw_os_error(32);
            assert!(io_text(&e).starts_with("die Datei ist in einem anderen Programm geöffnet"));
        } else {
            assert_eq!(io_text(&e), "Ein-/Ausgabefehler (Systemcode 5)");
        }
    }
}
