//! Table `anlage`: files attached to a Vorlage, stored in the database with name, size,
//! SHA-512 and status, so that one file (and one backup) holds the whole office.

use crate::domain::anlage::{mime_nach_name, sha512_hex, AnlageInfo, AnlageNeu, Textschicht};
use crate::domain::pruefung::AnlageKurz;
use crate::domain::suchtext;
use crate::domain::{AnlageId, Befund, Status, VorlageId};
use crate::store::fehler::StoreError;
use crate::store::sql::{p, Db, Zeile};
use crate::store::zeitpunkt::{zeitpunkt, zeitpunkt_aus};
use crate::store::{wert, Gespeichert, Store};
use crate::volltext::{self, Anlagetext};
use chrono::NaiveDateTime;

fn info_aus_zeile(r: &Zeile) -> Result<AnlageInfo, StoreError> {
    Ok(AnlageInfo {
        id: AnlageId(r.get(0)?),
        nr: r.get(1)?,
        name: r.get(2)?,
        mime: r.get(3)?,
        groesse: r.get(4)?,
        sha512: r.get(5)?,
        status: wert(r, 6)?,
        alternativenpruefung: r.get(7)?,
        erstellt: zeitpunkt_aus(r, 8)?,
        textschicht: Textschicht::aus_key(&r.get::<String>(9)?),
    })
}

/// The columns [`info_aus_zeile`] reads.
const INFO: &str =
    "id, pos, name, mime, groesse, sha512, status, alternativenpruefung, erstellt, textschicht";

/// Stores what the search reads of Anlage `id`: its pages, folded, and its text layer.
fn text_speichern(db: Db<'_>, id: i64, text: &Anlagetext) -> Result<(), StoreError> {
    db.execute("DELETE FROM anlage_seite WHERE anlage_id = ?1", p![id])?;
    for (seite, inhalt) in &text.seiten {
        db.execute(
            "INSERT INTO anlage_seite (anlage_id, seite, text) VALUES (?1, ?2, ?3)",
            p![id, *seite as i64, suchtext::falten(inhalt)],
        )?;
    }
    db.execute(
        "UPDATE anlage SET textschicht = ?2 WHERE id = ?1",
        p![id, text.textschicht.key()],
    )?;
    Ok(())
}

/// Schema 20: the text of every Anlage stored before, read once.
pub(crate) fn texte_nachholen(db: Db<'_>) -> Result<(), StoreError> {
    let ids: Vec<i64> = db.query_map("SELECT id FROM anlage ORDER BY id", p![], |r| r.get(0))?;
    for id in ids {
        let (name, daten): (String, Vec<u8>) = db.query_row(
            "SELECT name, daten FROM anlage WHERE id = ?1",
            p![id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        text_speichern(db, id, &volltext::lesen(&name, &daten))?;
    }
    Ok(())
}

pub(crate) fn liste(db: Db<'_>, vorlage: i64) -> Result<Vec<AnlageInfo>, StoreError> {
    db.query_map(
        &format!("SELECT {INFO} FROM anlage WHERE vorlage_id = ?1 ORDER BY pos"),
        p![vorlage],
        info_aus_zeile,
    )
}

pub(crate) fn kurz(db: Db<'_>, vorlage: i64) -> Result<Vec<AnlageKurz>, StoreError> {
    db.query_map(
        "SELECT name, alternativenpruefung FROM anlage WHERE vorlage_id = ?1 ORDER BY pos",
        p![vorlage],
        |r| {
            Ok(AnlageKurz {
                name: r.get(0)?,
                alternativenpruefung: r.get(1)?,
            })
        },
    )
}

pub(crate) fn kopieren(db: Db<'_>, von: i64, nach: i64) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO anlage (vorlage_id, pos, name, mime, groesse, sha512, status, alternativenpruefung, daten, erstellt, textschicht)
         SELECT ?2, pos, name, mime, groesse, sha512, status, alternativenpruefung, daten, erstellt, textschicht FROM anlage WHERE vorlage_id = ?1",
        p![von, nach],
    )?;
    // Their text too (one file per SHA-512 in a Vorlage pairs the copies).
    db.execute(
        "INSERT INTO anlage_seite (anlage_id, seite, text)
         SELECT n.id, s.seite, s.text FROM anlage_seite s
           JOIN anlage a ON a.id = s.anlage_id
           JOIN anlage n ON n.vorlage_id = ?2 AND n.sha512 = a.sha512
         WHERE a.vorlage_id = ?1",
        p![von, nach],
    )?;
    Ok(())
}

fn gehoert_zu(db: Db<'_>, vorlage: VorlageId, anlage: AnlageId) -> Result<(), StoreError> {
    let da: bool = db.query_row(
        "SELECT EXISTS (SELECT 1 FROM anlage WHERE id = ?1 AND vorlage_id = ?2)",
        p![anlage.0, vorlage.0],
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
        neu.pruefen()?;
        let name = neu.dateiname();
        let sha = sha512_hex(&neu.daten);
        let mime = mime_nach_name(&name);
        // Read before the write transaction: a large PDF takes a moment.
        let text = volltext::lesen(&name, &neu.daten);
        self.entwurf_aendern(vorlage, basis, jetzt, |db| {
            let doppelt: Option<String> = db
                .query_opt(
                    "SELECT name FROM anlage WHERE vorlage_id = ?1 AND sha512 = ?2",
                    p![vorlage.0, sha],
                    |r| r.get(0),
                )?;
            if let Some(vorhanden) = doppelt {
                return Err(StoreError::Ungueltig(vec![Befund::fehler(
                    "anlagen",
                    format!("Anlage „{name}“: Dieselbe Datei ist schon als „{vorhanden}“ angehängt."),
                )]));
            }
            let id: i64 = db.query_row(
                "INSERT INTO anlage (vorlage_id, pos, name, mime, groesse, sha512, status, alternativenpruefung, daten, erstellt)
                 VALUES (?1, (SELECT coalesce(max(pos), 0) + 1 FROM anlage WHERE vorlage_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 RETURNING id",
                p![
                    vorlage.0,
                    name,
                    mime,
                    neu.daten.len() as i64,
                    sha,
                    neu.status.key(),
                    neu.alternativenpruefung,
                    neu.daten,
                    zeitpunkt(jetzt)
                ],
                |r| r.get(0),
            )?;
            text_speichern(db, id, &text)?;
            let info = db.query_row(
                &format!("SELECT {INFO} FROM anlage WHERE id = ?1"),
                p![id],
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
        self.entwurf_aendern(vorlage, basis, jetzt, |db| {
            gehoert_zu(db, vorlage, anlage)?;
            db.execute(
                "UPDATE anlage SET status = ?2, alternativenpruefung = ?3 WHERE id = ?1",
                p![anlage.0, status.key(), alternativenpruefung],
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
        self.entwurf_aendern(vorlage, basis, jetzt, |db| {
            gehoert_zu(db, vorlage, anlage)?;
            let pos: i64 = db.query_row(
                "DELETE FROM anlage WHERE id = ?1 RETURNING pos",
                p![anlage.0],
                |r| r.get(0),
            )?;
            db.execute(
                "UPDATE anlage SET pos = pos - 1 WHERE vorlage_id = ?1 AND pos > ?2",
                p![vorlage.0, pos],
            )?;
            Ok(())
        })
        .map(|(g, ())| g)
    }

    /// The Anlagen of a Vorlage in their order (without their bytes).
    pub fn anlagen(&self, vorlage: VorlageId) -> Result<Vec<AnlageInfo>, StoreError> {
        let da: bool = self.db().query_row(
            "SELECT EXISTS (SELECT 1 FROM vorlage WHERE id = ?1)",
            p![vorlage.0],
            |r| r.get(0),
        )?;
        if !da {
            return Err(StoreError::NichtGefunden {
                was: "Vorlage",
                id: vorlage.0,
            });
        }
        liste(self.db(), vorlage.0)
    }

    /// The bytes of an Anlage.
    pub fn anlage_daten(&self, anlage: AnlageId) -> Result<(AnlageInfo, Vec<u8>), StoreError> {
        let info = self
            .db()
            .query_opt(
                &format!("SELECT {INFO} FROM anlage WHERE id = ?1"),
                p![anlage.0],
                info_aus_zeile,
            )?
            .ok_or(StoreError::NichtGefunden {
                was: "Anlage",
                id: anlage.0,
            })?;
        let daten: Vec<u8> = self.db().query_row(
            "SELECT daten FROM anlage WHERE id = ?1",
            p![anlage.0],
            |r| r.get(0),
        )?;
        Ok((info, daten))
    }
}
