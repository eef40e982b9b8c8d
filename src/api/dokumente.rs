//! Documents: the Vorlage as PDF, and writing a finished document to a file without ever
//! leaving a half-written one behind.

use super::ApiFehler;
use crate::domain::VorlageId;
use crate::store::Store;
use chrono::NaiveDateTime;
use std::io::Write;
use std::path::Path;

/// The Vorlage as PDF/A-2b bytes; `jetzt` is printed on a paper that is not yet released.
pub fn vorlage_pdf(store: &Store, id: i64, jetzt: NaiveDateTime) -> Result<Vec<u8>, ApiFehler> {
    let akte = store.vorlage(VorlageId(id))?;
    let buero = store.buero()?;
    Ok(crate::pdf::vorlage(&akte, &buero, jetzt)?.bytes)
}

/// The Vorlage as PDF, signed with the PKCS#12 certificate `p12` (PAdES baseline B). The
/// certificate is checked (password, validity) before anything is rendered.
pub fn vorlage_pdf_signiert(
    store: &Store,
    id: i64,
    p12: &[u8],
    kennwort: &str,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    let zertifikat = crate::pdf::zertifikat_laden(p12, kennwort, jetzt)?;
    let akte = store.vorlage(VorlageId(id))?;
    let buero = store.buero()?;
    let dokument = crate::pdf::vorlage(&akte, &buero, jetzt)?;
    let grund = match &akte.nummer {
        Some(n) => format!("{} {n}", akte.inhalt.art.label()),
        None => format!("{} (Entwurf)", akte.inhalt.art.label()),
    };
    Ok(crate::pdf::signieren(
        &dokument.bytes,
        &zertifikat,
        dokument.signaturfeld,
        &grund,
        jetzt,
    )?)
}

/// Writes `daten` to `ziel` atomically: a temporary file beside it, synced, then renamed.
/// On any error the temporary file is removed and `ziel` is untouched.
pub fn datei_schreiben(ziel: &Path, daten: &[u8]) -> Result<(), ApiFehler> {
    let fehler = |e: std::io::Error| {
        ApiFehler::neu(
            "datei",
            format!("„{}“ kann nicht geschrieben werden: {e}", ziel.display()),
        )
    };
    let name = ziel.file_name().ok_or_else(|| {
        ApiFehler::neu("datei", format!("„{}“ ist kein Dateiname.", ziel.display()))
    })?;
    let tmp = ziel.with_file_name(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let ergebnis = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(daten)?;
        f.sync_all()?;
        std::fs::rename(&tmp, ziel)
    })();
    if let Err(e) = ergebnis {
        let _ = std::fs::remove_file(&tmp);
        return Err(fehler(e));
    }
    Ok(())
}
