//! Documents: the Vorlage as PDF, the OParl export loaded for the exporter, and writing a
//! finished document to a file without ever leaving a half-written one behind.

use super::ApiFehler;
use crate::domain::io_text::io_text;
use crate::domain::{Status, VorlageId, Zustand};
use crate::export::{OparlDaten, OparlExport, Papier};
use crate::store::{Store, VorlagenFilter};
use chrono::NaiveDateTime;
use std::path::Path;

/// The file name a Vorlage PDF is offered under: `Vorlage_2026-0012.pdf`, or
/// `Vorlage_Entwurf_17.pdf` before release. Only letters, digits, `-` and `_` are kept, so
/// the name is valid on every platform.
pub fn vorlage_pdf_dateiname(store: &Store, id: i64) -> Result<String, ApiFehler> {
    let akte = store.vorlage(VorlageId(id))?;
    let kern = match &akte.nummer {
        Some(n) => n
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>(),
        None => format!("Entwurf_{id}"),
    };
    Ok(format!("Vorlage_{kern}.pdf"))
}

/// The file name of a signed Vorlage PDF: `Vorlage_2026-0012_signiert.pdf`.
pub fn vorlage_pdf_signiert_dateiname(store: &Store, id: i64) -> Result<String, ApiFehler> {
    Ok(vorlage_pdf_dateiname(store, id)?.replace(".pdf", "_signiert.pdf"))
}

/// Reads the PKCS#12 file of the signing certificate, with a German message naming it.
pub fn zertifikat_datei_lesen(pfad: &Path) -> Result<Vec<u8>, ApiFehler> {
    if pfad.as_os_str().is_empty() {
        return Err(ApiFehler::feld(
            "zertifikat",
            "Signaturzertifikat: Bitte in den Einstellungen eine PKCS#12-Datei (.p12/.pfx) wählen.",
        ));
    }
    let daten = std::fs::read(pfad).map_err(|e| {
        ApiFehler::feld(
            "zertifikat",
            format!(
                "Signaturzertifikat: „{}“ kann nicht gelesen werden: {}",
                pfad.display(),
                io_text(&e)
            ),
        )
    })?;
    // PKCS#12 is a DER SEQUENCE; anything else is refused before a password is asked for.
    if daten.first() != Some(&0x30) {
        return Err(ApiFehler::feld(
            "zertifikat",
            format!(
                "Signaturzertifikat: „{}“ ist keine PKCS#12-Datei (.p12/.pfx).",
                pfad.display()
            ),
        ));
    }
    Ok(daten)
}

/// The Vorlage as PDF/A-2a bytes (tagged; see `pdf::pdfa`); `jetzt` is printed on a paper that is not yet released.
pub fn vorlage_pdf(store: &Store, id: i64, jetzt: NaiveDateTime) -> Result<Vec<u8>, ApiFehler> {
    let akte = store.vorlage(VorlageId(id))?;
    druckfertig(&akte.befunde)?;
    let buero = store.buero()?;
    Ok(crate::pdf::vorlage(&akte, &buero, jetzt)?.bytes)
}

/// The Vorlage as a Word file (see [`crate::export::docx`]); like the PDF, only once no
/// field holds a wrong value.
pub fn vorlage_docx(store: &Store, id: i64, jetzt: NaiveDateTime) -> Result<Vec<u8>, ApiFehler> {
    let akte = store.vorlage(VorlageId(id))?;
    druckfertig(&akte.befunde)?;
    let buero = store.buero()?;
    Ok(crate::export::vorlage_docx(&akte, &buero, jetzt)?)
}

/// The file name of the Word file: `Vorlage_2026-0012.docx`.
pub fn vorlage_docx_dateiname(store: &Store, id: i64) -> Result<String, ApiFehler> {
    Ok(vorlage_pdf_dateiname(store, id)?.replace(".pdf", ".docx"))
}

/// A draft saved with a wrong value (kept as typed) has no PDF until it is corrected: the
/// error names the first such field in the words of the screen.
fn druckfertig(befunde: &[crate::domain::Befund]) -> Result<(), ApiFehler> {
    let falsch: Vec<_> = befunde
        .iter()
        .filter(|b| b.schwere == crate::domain::Schwere::Fehler)
        .cloned()
        .collect();
    match falsch.first() {
        None => Ok(()),
        Some(b) => Err(ApiFehler {
            code: "ungueltig".into(),
            message: format!(
                "Das PDF kann erst erzeugt werden, wenn die markierten Eingaben berichtigt sind. {}",
                b.meldung
            ),
            befunde: falsch,
        }),
    }
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
    druckfertig(&akte.befunde)?;
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

/// Writes `daten` to `ziel` atomically ([`crate::datei::schreiben`]): on any error `ziel`
/// is untouched.
pub fn datei_schreiben(ziel: &Path, daten: &[u8]) -> Result<(), ApiFehler> {
    let fehler = |e: std::io::Error| {
        ApiFehler::neu(
            "datei",
            format!(
                "„{}“ kann nicht geschrieben werden: {}",
                ziel.display(),
                io_text(&e)
            ),
        )
    };
    if ziel.file_name().is_none() {
        return Err(ApiFehler::neu(
            "datei",
            format!("„{}“ ist kein Dateiname.", ziel.display()),
        ));
    }
    crate::datei::schreiben(ziel, daten).map_err(fehler)?;
    Ok(())
}

/// `oparl export`: the public data as static OParl 1.1 files (see [`crate::export::oparl`]).
pub fn oparl_export(
    store: &Store,
    ordner: &Path,
    basis_url: &str,
    jetzt: NaiveDateTime,
) -> Result<OparlExport, ApiFehler> {
    let daten = oparl_daten(store, jetzt)?;
    Ok(crate::export::oparl_exportieren(
        &daten, ordner, basis_url, jetzt,
    )?)
}

/// What the OParl export publishes: the released, öffentliche Vorlagen with their public
/// PDF and öffentliche Anlagen, the Gremien, the address book and the Sitzungen.
fn oparl_daten(store: &Store, jetzt: NaiveDateTime) -> Result<OparlDaten, ApiFehler> {
    let buero = store.buero()?;
    let zeilen = store.vorlagen(&VorlagenFilter {
        status: Some(Status::Oeffentlich),
        zustand: Some(Zustand::Freigegeben),
        grenze: Some(u32::MAX),
        ..Default::default()
    })?;
    let mut papiere = Vec::new();
    for z in zeilen {
        // The filter asked for these; the exporter checks each again before it publishes.
        let akte = store.vorlage(z.id)?;
        // The public PDF lists only the öffentliche Anlagen: a nichtöffentliche Anlage's
        // name is itself nichtöffentlich.
        let oeffentlich = akte.clone().oeffentliche_fassung();
        let pdf = crate::pdf::vorlage(&oeffentlich, &buero, jetzt)?.bytes;
        let mut anlagen = Vec::new();
        for a in &oeffentlich.anlagen {
            anlagen.push(store.anlage_daten(a.id)?);
        }
        papiere.push(Papier { akte, pdf, anlagen });
    }
    papiere.sort_by_key(|p| p.akte.id.0);
    let gremien = store.gremien()?;
    let mut sitzungen = Vec::new();
    for g in &gremien {
        sitzungen.extend(store.sitzungen(g.id)?);
    }
    Ok(OparlDaten {
        buero,
        papiere,
        gremien,
        personen: store.personen()?,
        mitgliedschaften: store.mitgliedschaften()?,
        sitzungen,
    })
}
