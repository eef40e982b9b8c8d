//! Vorlagen-Muster (table `muster`, schema 9): the content of a Vorlage kept under a name,
//! such as the yearly "Entsendung in die AG Integrationsräte", from which a new draft
//! starts with one click.
//!
//! A Muster holds the content as typed (JSON of [`VorlageInhalt`]) without the dates and
//! results of a Beratung and without Anlagen. Deleting one hides it (`geloescht`), so the
//! message's *Rückgängig* can bring it back; its name is free again at once.

use super::fehler::StoreError;
use super::sql::p;
use super::zeitpunkt::{zeitpunkt, zeitpunkt_aus};
use super::{zeit, Store};
use crate::domain::{Befund, VorlageArt, VorlageInhalt};
use chrono::NaiveDateTime;
use serde::Serialize;

/// A Muster as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MusterInfo {
    pub id: i64,
    pub name: String,
    pub art: VorlageArt,
    pub betreff: String,
    pub geaendert: String,
}

fn ungueltig(feld: &str, meldung: impl Into<String>) -> StoreError {
    StoreError::Ungueltig(vec![Befund::fehler(feld, meldung)])
}

fn inhalt_lesen(json: &str) -> Result<VorlageInhalt, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Beschaedigt(format!("Muster: {e}")))
}

impl Store {
    /// Keeps `inhalt` as the Muster `name`. The Beratungsfolge keeps its Gremien and
    /// roles; its dates and results are left out.
    pub fn muster_anlegen(
        &mut self,
        name: &str,
        inhalt: &VorlageInhalt,
        jetzt: NaiveDateTime,
    ) -> Result<MusterInfo, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ungueltig("name", "Name des Musters fehlt."));
        }
        let frei: bool = self.db().query_row(
            "SELECT count(*) = 0 FROM muster WHERE name = ?1 AND geloescht IS NULL",
            p![name],
            |r| r.get(0),
        )?;
        if !frei {
            return Err(ungueltig(
                "name",
                format!("Ein Muster „{name}“ gibt es schon. Bitte einen anderen Namen wählen."),
            ));
        }
        let mut inhalt = inhalt.clone();
        for s in &mut inhalt.beratungsfolge {
            s.datum.clear();
            s.ergebnis.clear();
        }
        let json = serde_json::to_string(&inhalt)
            .map_err(|e| StoreError::Beschaedigt(format!("Muster: {e}")))?;
        let id: i64 = self.db().eins(
            "INSERT INTO muster (name, inhalt, erstellt, geaendert) VALUES (?1, ?2, ?3, ?3) RETURNING id",
            p![name, json, zeitpunkt(jetzt)],
        )?;
        Ok(MusterInfo {
            id,
            name: name.to_string(),
            art: inhalt.art,
            betreff: inhalt.betreff,
            geaendert: zeit(jetzt),
        })
    }

    /// The Muster, by name.
    pub fn muster_liste(&self) -> Result<Vec<MusterInfo>, StoreError> {
        let zeilen: Vec<(i64, String, String, String)> = self.db()
            .query_map("SELECT id, name, inhalt, geaendert FROM muster WHERE geloescht IS NULL ORDER BY lower(name), id", p![], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, zeit(zeitpunkt_aus(r, 3)?))))?;
        zeilen
            .into_iter()
            .map(|(id, name, json, geaendert)| {
                let inhalt = inhalt_lesen(&json)?;
                Ok(MusterInfo {
                    id,
                    name,
                    art: inhalt.art,
                    betreff: inhalt.betreff,
                    geaendert,
                })
            })
            .collect()
    }

    /// The content of Muster `id`, to start a draft from.
    pub fn muster_inhalt(&self, id: i64) -> Result<VorlageInhalt, StoreError> {
        let json: String = self
            .db()
            .query_opt(
                "SELECT inhalt FROM muster WHERE id = ?1 AND geloescht IS NULL",
                p![id],
                |r| r.get(0),
            )?
            .ok_or(StoreError::NichtGefunden { was: "Muster", id })?;
        inhalt_lesen(&json)
    }

    /// Hides Muster `id`; [`Store::muster_wiederherstellen`] brings it back.
    pub fn muster_loeschen(&mut self, id: i64, jetzt: NaiveDateTime) -> Result<(), StoreError> {
        let n = self.db().execute(
            "UPDATE muster SET geloescht = ?2 WHERE id = ?1 AND geloescht IS NULL",
            p![id, zeitpunkt(jetzt)],
        )?;
        if n == 0 {
            return Err(StoreError::NichtGefunden { was: "Muster", id });
        }
        Ok(())
    }

    /// Undoes [`Store::muster_loeschen`], unless a Muster of that name was made meanwhile.
    pub fn muster_wiederherstellen(&mut self, id: i64) -> Result<(), StoreError> {
        let name: String = self
            .db()
            .query_opt("SELECT name FROM muster WHERE id = ?1", p![id], |r| {
                r.get(0)
            })?
            .ok_or(StoreError::NichtGefunden { was: "Muster", id })?;
        let belegt: bool = self.db().query_row(
            "SELECT count(*) > 0 FROM muster WHERE name = ?1 AND geloescht IS NULL AND id != ?2",
            p![name, id],
            |r| r.get(0),
        )?;
        if belegt {
            return Err(ungueltig(
                "name",
                format!("Inzwischen gibt es ein anderes Muster „{name}“."),
            ));
        }
        self.db()
            .execute("UPDATE muster SET geloescht = NULL WHERE id = ?1", p![id])?;
        Ok(())
    }
}
