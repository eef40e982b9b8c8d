//! Table `anlage`: files attached to a Vorlage, stored in the database with name, size,
//! SHA-512 and status, so that one file (and one backup) holds the whole office.

use super::fehler::StoreError;
use super::vorlagen::Gespeichert;
use super::{wert, zeit, Store};
use crate::domain::pruefung::AnlageKurz;
use crate::domain::{AnlageId, Befund, Status, VorlageId};
use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha512};
use std::fmt::Write;

/// Largest Anlage accepted (the office's PDFs are a few MB; this leaves room for scans).
pub const ANLAGE_MAX_BYTES: usize = 100 * 1024 * 1024;

/// What the list and the editor show of an Anlage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnlageInfo {
    pub id: AnlageId,
    pub nr: i64,
    pub name: String,
    pub mime: String,
    pub groesse: i64,
    pub sha512: String,
    pub status: Status,
    pub alternativenpruefung: bool,
    pub erstellt: String,
}

/// A new Anlage as it arrives from the file dialog or the CLI.
#[derive(Debug, Clone)]
pub struct AnlageNeu {
    pub name: String,
    pub status: Status,
    pub alternativenpruefung: bool,
    pub daten: Vec<u8>,
}

/// Lower-case hex SHA-512.
pub fn sha512_hex(daten: &[u8]) -> String {
    let digest = Sha512::digest(daten);
    let mut s = String::with_capacity(128);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The media type by file extension (the office attaches PDFs and office documents).
pub fn mime_nach_name(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "doc" => "application/msword",
        "xls" => "application/vnd.ms-excel",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain",
        "csv" => "text/csv",
        _ => "application/octet-stream",
    }
}

/// The file name without any directory a dialog or script passed along.
fn dateiname(name: &str) -> String {
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

fn info_aus_zeile(r: &rusqlite::Row) -> rusqlite::Result<AnlageInfo> {
    Ok(AnlageInfo {
        id: AnlageId(r.get(0)?),
        nr: r.get(1)?,
        name: r.get(2)?,
        mime: r.get(3)?,
        groesse: r.get(4)?,
        sha512: r.get(5)?,
        status: wert(r, 6)?,
        alternativenpruefung: r.get(7)?,
        erstellt: r.get(8)?,
    })
}

pub(crate) fn liste(conn: &Connection, vorlage: i64) -> Result<Vec<AnlageInfo>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, pos, name, mime, groesse, sha512, status, alternativenpruefung, erstellt
         FROM anlage WHERE vorlage_id = ?1 ORDER BY pos",
    )?;
    let v = stmt
        .query_map([vorlage], info_aus_zeile)?
        .collect::<Result<_, _>>()?;
    Ok(v)
}

pub(crate) fn kurz(conn: &Connection, vorlage: i64) -> Result<Vec<AnlageKurz>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, alternativenpruefung FROM anlage WHERE vorlage_id = ?1 ORDER BY pos",
    )?;
    let v = stmt
        .query_map([vorlage], |r| {
            Ok(AnlageKurz {
                name: r.get(0)?,
                alternativenpruefung: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(v)
}

pub(crate) fn kopieren(conn: &Connection, von: i64, nach: i64) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO anlage (vorlage_id, pos, name, mime, groesse, sha512, status, alternativenpruefung, daten, erstellt)
         SELECT ?2, pos, name, mime, groesse, sha512, status, alternativenpruefung, daten, erstellt FROM anlage WHERE vorlage_id = ?1",
        params![von, nach],
    )?;
    Ok(())
}

fn gehoert_zu(conn: &Connection, vorlage: VorlageId, anlage: AnlageId) -> Result<(), StoreError> {
    let da: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM anlage WHERE id = ?1 AND vorlage_id = ?2)",
        params![anlage.0, vorlage.0],
        |r| r.get(0),
    )?;
    if da {
        Ok(())
    } else {
        Err(StoreError::NichtGefunden {
            was: "Anlage",
            id: anlage.0,
        })
    }
}

impl Store {
    /// Attaches a file to a draft (based on version `basis`).
    pub fn anlage_hinzufuegen(
        &mut self,
        vorlage: VorlageId,
        basis: i64,
        neu: AnlageNeu,
        jetzt: NaiveDateTime,
    ) -> Result<(Gespeichert, AnlageInfo), StoreError> {
        let name = dateiname(&neu.name);
        if name.is_empty() {
            return Err(StoreError::Ungueltig(vec![Befund::fehler(
                "anlagen",
                "Anlage: Der Dateiname fehlt.",
            )]));
        }
        if neu.daten.is_empty() {
            return Err(StoreError::Ungueltig(vec![Befund::fehler(
                "anlagen",
                format!("Anlage „{name}“: Die Datei ist leer."),
            )]));
        }
        if neu.daten.len() > ANLAGE_MAX_BYTES {
            return Err(StoreError::Ungueltig(vec![Befund::fehler(
                "anlagen",
                format!(
                    "Anlage „{name}“: Die Datei ist zu groß ({} MB, höchstens {} MB).",
                    neu.daten.len() / (1024 * 1024),
                    ANLAGE_MAX_BYTES / (1024 * 1024)
                ),
            )]));
        }
        let sha = sha512_hex(&neu.daten);
        let mime = mime_nach_name(&name);
        self.entwurf_aendern(vorlage, basis, jetzt, |conn| {
            let doppelt: Option<String> = conn
                .query_row(
                    "SELECT name FROM anlage WHERE vorlage_id = ?1 AND sha512 = ?2",
                    params![vorlage.0, sha],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(vorhanden) = doppelt {
                return Err(StoreError::Ungueltig(vec![Befund::fehler(
                    "anlagen",
                    format!("Anlage „{name}“: Dieselbe Datei ist schon als „{vorhanden}“ angehängt."),
                )]));
            }
            let id: i64 = conn.query_row(
                "INSERT INTO anlage (vorlage_id, pos, name, mime, groesse, sha512, status, alternativenpruefung, daten, erstellt)
                 VALUES (?1, (SELECT coalesce(max(pos), 0) + 1 FROM anlage WHERE vorlage_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 RETURNING id",
                params![
                    vorlage.0,
                    name,
                    mime,
                    neu.daten.len() as i64,
                    sha,
                    neu.status.key(),
                    neu.alternativenpruefung,
                    neu.daten,
                    zeit(jetzt)
                ],
                |r| r.get(0),
            )?;
            let info = conn.query_row(
                "SELECT id, pos, name, mime, groesse, sha512, status, alternativenpruefung, erstellt FROM anlage WHERE id = ?1",
                [id],
                info_aus_zeile,
            )?;
            Ok(info)
        })
    }

    /// Changes an Anlage's status and its Alternativenprüfung mark.
    pub fn anlage_aendern(
        &mut self,
        vorlage: VorlageId,
        basis: i64,
        anlage: AnlageId,
        status: Status,
        alternativenpruefung: bool,
        jetzt: NaiveDateTime,
    ) -> Result<Gespeichert, StoreError> {
        self.entwurf_aendern(vorlage, basis, jetzt, |conn| {
            gehoert_zu(conn, vorlage, anlage)?;
            conn.execute(
                "UPDATE anlage SET status = ?2, alternativenpruefung = ?3 WHERE id = ?1",
                params![anlage.0, status.key(), alternativenpruefung],
            )?;
            Ok(())
        })
        .map(|(g, ())| g)
    }

    /// Removes an Anlage from a draft; the others keep their order, renumbered.
    pub fn anlage_entfernen(
        &mut self,
        vorlage: VorlageId,
        basis: i64,
        anlage: AnlageId,
        jetzt: NaiveDateTime,
    ) -> Result<Gespeichert, StoreError> {
        self.entwurf_aendern(vorlage, basis, jetzt, |conn| {
            gehoert_zu(conn, vorlage, anlage)?;
            let pos: i64 = conn.query_row(
                "DELETE FROM anlage WHERE id = ?1 RETURNING pos",
                [anlage.0],
                |r| r.get(0),
            )?;
            conn.execute(
                "UPDATE anlage SET pos = pos - 1 WHERE vorlage_id = ?1 AND pos > ?2",
                params![vorlage.0, pos],
            )?;
            Ok(())
        })
        .map(|(g, ())| g)
    }

    /// The bytes of an Anlage.
    pub fn anlage_daten(&self, anlage: AnlageId) -> Result<(AnlageInfo, Vec<u8>), StoreError> {
        let info = self
            .conn
            .query_row(
                "SELECT id, pos, name, mime, groesse, sha512, status, alternativenpruefung, erstellt FROM anlage WHERE id = ?1",
                [anlage.0],
                info_aus_zeile,
            )
            .optional()?
            .ok_or(StoreError::NichtGefunden { was: "Anlage", id: anlage.0 })?;
        let daten: Vec<u8> =
            self.conn
                .query_row("SELECT daten FROM anlage WHERE id = ?1", [anlage.0], |r| {
                    r.get(0)
                })?;
        Ok((info, daten))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_of_abc_is_the_standard_vector() {
        assert!(sha512_hex(b"abc").starts_with("ddaf35a193617aba"));
        assert_eq!(sha512_hex(b"").len(), 128);
    }

    #[test]
    fn names_lose_their_directories() {
        assert_eq!(dateiname("C:\\Users\\x\\Konzept.pdf"), "Konzept.pdf");
        assert_eq!(dateiname("/tmp/a/b.pdf"), "b.pdf");
        assert_eq!(mime_nach_name("Plan.PDF"), "application/pdf");
        assert_eq!(mime_nach_name("ohne"), "application/octet-stream");
    }
}
