//! The tables of the town's Ratsinformationssystem (schema 13): `ris_quelle` (the OParl
//! endpoints an office imports from, with the `modified_since` of the next import),
//! `ris_objekt` (every object as the RIS sent it, with what lists and the search need),
//! `ris_datei` (the files, checked) and `ris_seite` (the raw pages of an import under way,
//! so that one that breaks off resumes). A RIS Organization is also a row of `gremium`
//! with its `ris_url`: read-only, but a target of an Entsendung.
//!
//! Nothing here is written by the office's own forms; only the import writes it.

use super::fehler::StoreError;
use super::gremien::gremium_lesen;
use super::sql::p;
use super::zeitpunkt::zeitpunkt;
use super::{commit, schreibtransaktion, Store};
use crate::domain::gremium::GremiumNeu;
use crate::domain::sitzung::GremiumTyp;
use crate::domain::{suchtext, GremiumId};
use chrono::NaiveDateTime;
use serde::Serialize;

/// An OParl endpoint the office imports from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RisQuelle {
    pub id: i64,
    pub url: String,
    pub name: String,
    /// The newest `modified` seen: the `modified_since` of the next import ("" at first).
    pub stand: String,
}

/// An object as the import stores it ("" for what it does not have).
#[derive(Debug, Clone, Default)]
pub struct RisObjektNeu<'a> {
    pub url: &'a str,
    /// `Paper`, `Meeting`, `Organization`, `Person`, `AgendaItem`, `Consultation`.
    pub typ: &'a str,
    pub name: &'a str,
    /// A Paper's reference ("1234/2014").
    pub nummer: &'a str,
    /// `JJJJ-MM-TT` (a Paper's date, a Meeting's start day), or "".
    pub datum: &'a str,
    /// The object it belongs to (a Meeting's Organization, an AgendaItem's Meeting …).
    pub eltern: &'a str,
    pub geaendert: &'a str,
    pub json: &'a str,
}

/// What storing an object did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gespeichert {
    Neu,
    Aktualisiert,
    Unveraendert,
}

/// An object of the RIS as lists and the search show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RisEintrag {
    pub url: String,
    pub typ: String,
    pub name: String,
    pub nummer: String,
    pub datum: String,
    pub eltern: String,
}

/// A file of the RIS: name, type, size and SHA-512.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RisDatei {
    pub url: String,
    pub fuer: String,
    pub name: String,
    pub mime: String,
    pub bytes: u64,
    pub sha512: String,
}

const EINTRAG: &str = "url, typ, name, nummer, datum, eltern";
const QUELLE: &str = "id, url, name, stand";
const DATEI: &str = "url, fuer, name, mime, sha512, length(daten)";

fn quelle_aus(r: &super::sql::Zeile) -> Result<RisQuelle, StoreError> {
    Ok(RisQuelle {
        id: r.get(0)?,
        url: r.get(1)?,
        name: r.get(2)?,
        stand: r.get(3)?,
    })
}

fn datei_aus(r: &super::sql::Zeile) -> Result<RisDatei, StoreError> {
    Ok(RisDatei {
        url: r.get(0)?,
        fuer: r.get(1)?,
        name: r.get(2)?,
        mime: r.get(3)?,
        sha512: r.get(4)?,
        bytes: r.get::<i64>(5)? as u64,
    })
}

fn eintrag(r: &super::sql::Zeile) -> Result<RisEintrag, StoreError> {
    Ok(RisEintrag {
        url: r.get(0)?,
        typ: r.get(1)?,
        name: r.get(2)?,
        nummer: r.get(3)?,
        datum: r.get(4)?,
        eltern: r.get(5)?,
    })
}

impl Store {
    /// The endpoint `url`, created on first use.
    pub fn ris_quelle(&mut self, url: &str) -> Result<RisQuelle, StoreError> {
        let lesen = |s: &Store| {
            s.db().query_opt(
                &format!("SELECT {QUELLE} FROM ris_quelle WHERE url = ?1"),
                p![url],
                quelle_aus,
            )
        };
        if let Some(q) = lesen(self)? {
            return Ok(q);
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db().execute(
            "INSERT INTO ris_quelle (url, name, stand) VALUES (?1, '', '')",
            p![url],
        )?;
        commit(tx)?;
        lesen(self)?.ok_or(StoreError::NichtGefunden {
            was: "RIS-Quelle",
            id: 0,
        })
    }

    /// Marks an import of `quelle` as complete: its name, the `modified_since` of the next
    /// one, and the raw pages of this one dropped.
    pub fn ris_quelle_fertig(
        &mut self,
        quelle: i64,
        name: &str,
        stand: &str,
        jetzt: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db().execute(
            "UPDATE ris_quelle SET name = ?2, stand = ?3, importiert = ?4 WHERE id = ?1",
            p![quelle, name, stand, zeitpunkt(jetzt)],
        )?;
        tx.db()
            .execute("DELETE FROM ris_seite WHERE quelle_id = ?1", p![quelle])?;
        commit(tx)
    }

    /// A raw page kept by an import that broke off.
    pub fn ris_seite(&self, url: &str) -> Result<Option<String>, StoreError> {
        self.db()
            .query_opt("SELECT json FROM ris_seite WHERE url = ?1", p![url], |r| {
                r.get(0)
            })
    }

    pub fn ris_seite_merken(
        &mut self,
        quelle: i64,
        url: &str,
        json: &str,
    ) -> Result<(), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db()
            .execute("DELETE FROM ris_seite WHERE url = ?1", p![url])?;
        tx.db().execute(
            "INSERT INTO ris_seite (url, quelle_id, json) VALUES (?1, ?2, ?3)",
            p![url, quelle, json],
        )?;
        commit(tx)
    }

    /// Stores an object (new, changed, or as it was).
    pub fn ris_objekt_speichern(
        &mut self,
        quelle: i64,
        o: &RisObjektNeu<'_>,
    ) -> Result<Gespeichert, StoreError> {
        let such = suchtext::falten(&format!("{} {}", o.name, o.nummer));
        let tx = schreibtransaktion(&mut self.conn)?;
        let alt: Option<String> = tx.db().query_opt(
            "SELECT json FROM ris_objekt WHERE url = ?1",
            p![o.url],
            |r| r.get(0),
        )?;
        let was = match alt {
            Some(j) if j == o.json => Gespeichert::Unveraendert,
            Some(_) => {
                tx.db().execute(
                    "UPDATE ris_objekt SET quelle_id = ?2, typ = ?3, name = ?4, nummer = ?5, datum = ?6, eltern = ?7, geaendert = ?8, suchtext = ?9, json = ?10 WHERE url = ?1",
                    p![o.url, quelle, o.typ, o.name, o.nummer, o.datum, o.eltern, o.geaendert, such, o.json],
                )?;
                Gespeichert::Aktualisiert
            }
            None => {
                tx.db().execute(
                    "INSERT INTO ris_objekt (url, quelle_id, typ, name, nummer, datum, eltern, geaendert, suchtext, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    p![o.url, quelle, o.typ, o.name, o.nummer, o.datum, o.eltern, o.geaendert, such, o.json],
                )?;
                Gespeichert::Neu
            }
        };
        commit(tx)?;
        Ok(was)
    }

    /// Removes an object the RIS deleted, with what belongs to it (agenda items,
    /// consultations, files) and its Gremium when nothing of the office refers to it.
    /// `false` when it was not here.
    pub fn ris_objekt_entfernen(&mut self, url: &str) -> Result<bool, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let n = tx
            .db()
            .execute("DELETE FROM ris_objekt WHERE url = ?1", p![url])?;
        tx.db().execute(
            "DELETE FROM ris_objekt WHERE eltern = ?1 AND typ IN ('AgendaItem', 'Consultation')",
            p![url],
        )?;
        tx.db()
            .execute("DELETE FROM ris_datei WHERE fuer = ?1 OR url = ?1", p![url])?;
        let g: Option<i64> =
            tx.db()
                .query_opt("SELECT id FROM gremium WHERE ris_url = ?1", p![url], |r| {
                    r.get(0)
                })?;
        if let Some(g) = g {
            let benutzt: bool = tx.db().query_row(
                "SELECT count(*) > 0 FROM wahl WHERE ziel_gremium_id = ?1",
                p![g],
                |r| r.get(0),
            )?;
            if !benutzt {
                tx.db()
                    .execute("DELETE FROM gremium WHERE id = ?1", p![g])?;
            }
        }
        commit(tx)?;
        Ok(n > 0 || g.is_some())
    }

    /// The Gremium of a RIS Organization (created, or renamed as the RIS now names it). A
    /// Gremium of the office with the same name keeps it; the RIS one is then "… (RIS)".
    pub fn ris_gremium(
        &mut self,
        url: &str,
        name: &str,
        kurzname: &str,
        typ: GremiumTyp,
        jetzt: NaiveDateTime,
    ) -> Result<GremiumId, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let da: Option<i64> =
            tx.db()
                .query_opt("SELECT id FROM gremium WHERE ris_url = ?1", p![url], |r| {
                    r.get(0)
                })?;
        let belegt: bool = tx.db().query_row(
            "SELECT count(*) > 0 FROM gremium WHERE lower(name) = lower(?1) AND (ris_url IS NULL OR ris_url <> ?2)",
            p![name, url],
            |r| r.get(0),
        )?;
        let name = if belegt {
            format!("{name} (RIS)")
        } else {
            name.to_string()
        };
        let neu = GremiumNeu {
            name: name.clone(),
            kurzname: kurzname.to_string(),
            typ,
            wahlperiode: String::new(),
            ladungsfrist_tage: 7,
            mindestsitzungen_jahr: 0,
            vertretung: Default::default(),
            ohne_entschaedigung: false,
        };
        let id = match da {
            Some(id) => {
                tx.db().execute(
                    "UPDATE gremium SET name = ?2, kurzname = ?3, typ = ?4, geaendert = ?5 WHERE id = ?1",
                    p![id, neu.name, neu.kurzname, neu.typ.key(), zeitpunkt(jetzt)],
                )?;
                id
            }
            None => tx.db().eins(
                "INSERT INTO gremium (name, kurzname, typ, wahlperiode, ladungsfrist_tage, mindestsitzungen_jahr, erstellt, geaendert, ris_url)
                 VALUES (?1, ?2, ?3, '', 7, 0, ?4, ?4, ?5) RETURNING id",
                p![neu.name, neu.kurzname, neu.typ.key(), zeitpunkt(jetzt), url],
            )?,
        };
        gremium_lesen(tx.db(), id)?;
        commit(tx)?;
        Ok(GremiumId(id))
    }

    /// Whether the file `url` is here (with this checksum, when one is given).
    pub fn ris_datei_da(&self, url: &str) -> Result<bool, StoreError> {
        self.db().query_row(
            "SELECT count(*) > 0 FROM ris_datei WHERE url = ?1",
            p![url],
            |r| r.get(0),
        )
    }

    pub fn ris_datei_speichern(&mut self, d: &RisDatei, daten: &[u8]) -> Result<(), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db()
            .execute("DELETE FROM ris_datei WHERE url = ?1", p![d.url])?;
        tx.db().execute(
            "INSERT INTO ris_datei (url, fuer, name, mime, sha512, daten) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            p![d.url, d.fuer, d.name, d.mime, d.sha512, daten],
        )?;
        commit(tx)
    }

    /// The files of a Paper or Meeting.
    pub fn ris_dateien(&self, fuer: &str) -> Result<Vec<RisDatei>, StoreError> {
        self.db().query_map(
            &format!("SELECT {DATEI} FROM ris_datei WHERE fuer = ?1 ORDER BY id"),
            p![fuer],
            datei_aus,
        )
    }

    /// The endpoints imported from, the most recent first.
    pub fn ris_quellen(&self) -> Result<Vec<RisQuelle>, StoreError> {
        self.db().query_map(
            &format!("SELECT {QUELLE} FROM ris_quelle ORDER BY importiert DESC, id DESC"),
            p![],
            quelle_aus,
        )
    }

    /// A file's name, type, size and checksum.
    pub fn ris_datei_info(&self, url: &str) -> Result<Option<RisDatei>, StoreError> {
        self.db().query_opt(
            &format!("SELECT {DATEI} FROM ris_datei WHERE url = ?1"),
            p![url],
            datei_aus,
        )
    }

    /// The bytes of a file.
    pub fn ris_datei_daten(&self, url: &str) -> Result<Vec<u8>, StoreError> {
        self.db()
            .query_opt("SELECT daten FROM ris_datei WHERE url = ?1", p![url], |r| {
                r.get(0)
            })?
            .ok_or(StoreError::NichtGefunden {
                was: "RIS-Datei",
                id: 0,
            })
    }

    /// The objects of one type, newest first (by date), then by name.
    pub fn ris_objekte(&self, typ: &str) -> Result<Vec<RisEintrag>, StoreError> {
        self.db().query_map(
            &format!(
                "SELECT {EINTRAG} FROM ris_objekt WHERE typ = ?1 ORDER BY datum DESC, name, url"
            ),
            p![typ],
            eintrag,
        )
    }

    /// The objects belonging to `eltern` (a Meeting's agenda items, a Paper's
    /// consultations), in the order they were read.
    pub fn ris_kinder(&self, eltern: &str) -> Result<Vec<RisEintrag>, StoreError> {
        self.db().query_map(
            &format!("SELECT {EINTRAG} FROM ris_objekt WHERE eltern = ?1 AND typ IN ('AgendaItem', 'Consultation') ORDER BY id"),
            p![eltern],
            eintrag,
        )
    }

    /// One object by its URL.
    pub fn ris_suche_url(&self, url: &str) -> Result<Option<RisEintrag>, StoreError> {
        self.db().query_opt(
            &format!("SELECT {EINTRAG} FROM ris_objekt WHERE url = ?1"),
            p![url],
            eintrag,
        )
    }

    /// Papers, Meetings and Organizations of the RIS whose name or reference holds every
    /// word of `text` (folded as the Vorlagen search folds), newest first.
    pub fn ris_suche(&self, text: &str, grenze: usize) -> Result<Vec<RisEintrag>, StoreError> {
        let woerter: Vec<String> = suchtext::falten(text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| format!("%{}%", w.replace(['%', '_'], "")))
            .collect();
        if woerter.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = format!(
            "SELECT {EINTRAG} FROM ris_objekt WHERE typ IN ('Paper', 'Meeting', 'Organization')"
        );
        for i in 0..woerter.len() {
            sql.push_str(&format!(" AND suchtext LIKE ?{}", i + 1));
        }
        sql.push_str(&format!(" ORDER BY datum DESC, name LIMIT {grenze}"));
        let params: Vec<super::sql::Param> = woerter
            .iter()
            .map(|w| super::sql::Param::Text(w.as_str()))
            .collect();
        self.db().query_map(&sql, &params, eintrag)
    }

    /// How many objects of each type the office holds from the RIS.
    pub fn ris_zaehlen(&self) -> Result<Vec<(String, i64)>, StoreError> {
        self.db().query_map(
            "SELECT typ, count(*) FROM ris_objekt GROUP BY typ ORDER BY typ",
            p![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}
