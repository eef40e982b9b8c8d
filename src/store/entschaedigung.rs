//! The `entschaedigung_satz` and `entschaedigung` tables: the rates of the Sitzungsgeld
//! and Entschädigung (office data with a first day), and what the clerk entered per member
//! and Sitzung (hours, km, a proven wage, a waiver). The rules are the domain's
//! ([`crate::domain::entschaedigung`]); the store keeps the rows and adds the one rule
//! that needs the table: one rate per kind, scope and first day.

use super::fehler::StoreError;
use super::sitzungen::{sitzung_geaendert, sitzung_lesen};
use super::sql::{p, Db};
use super::zeitpunkt::zeitpunkt;
use super::{commit, schreibtransaktion, ungueltig, wert, wert_opt, Store};
use crate::domain::betrag::Cent;
use crate::domain::entschaedigung::abrechnung::Angaben;
use crate::domain::entschaedigung::satz::{Satz, SatzNeu};
use crate::domain::{datum, GremiumId, PersonId, SitzungAkte, SitzungId};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

/// A Sitzung to be paid for, with what was entered for its members.
pub type ZurAbrechnung = (SitzungAkte, HashMap<PersonId, Angaben>);

fn tag(text: &str) -> Result<NaiveDate, StoreError> {
    text.parse().map_err(|_| {
        ungueltig(
            "datum",
            format!("Gespeichertes Datum „{text}“ ist ungültig."),
        )
    })
}

fn saetze_lesen(db: Db<'_>) -> Result<Vec<Satz>, StoreError> {
    db.query_map(
        "SELECT id, art, betrag_cent, ab, bis, gremium_id, herkunft FROM entschaedigung_satz ORDER BY art, ab, id",
        p![],
        |r| {
            let bis: Option<String> = r.get(4)?;
            Ok(Satz {
                id: r.get(0)?,
                daten: SatzNeu {
                    art: wert(r, 1)?,
                    betrag: Cent(r.get(2)?),
                    ab: tag(&r.get::<String>(3)?)?,
                    bis: bis.as_deref().map(tag).transpose()?,
                    gremium: r.get::<Option<i64>>(5)?.map(GremiumId),
                    herkunft: wert_opt(r, 6)?,
                },
            })
        },
    )
}

/// The entries of one Sitzung, by person.
fn angaben_lesen(db: Db<'_>, sitzung: i64) -> Result<HashMap<PersonId, Angaben>, StoreError> {
    let zeilen: Vec<(i64, Angaben)> = db.query_map(
        "SELECT person_id, minuten, km, stundensatz_cent, verzicht FROM entschaedigung WHERE sitzung_id = ?1",
        p![sitzung],
        |r| {
            Ok((
                r.get(0)?,
                Angaben {
                    minuten: r.get::<i64>(1)? as u32,
                    km: r.get::<i64>(2)? as u32,
                    stundensatz: r.get::<Option<i64>>(3)?.map(Cent),
                    verzicht: r.get(4)?,
                },
            ))
        },
    )?;
    Ok(zeilen.into_iter().map(|(p, a)| (PersonId(p), a)).collect())
}

impl Store {
    /// A new rate; the same kind, scope and first day twice is refused (a change is a new
    /// rate from a later day).
    pub fn satz_anlegen(
        &mut self,
        neu: &SatzNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Satz, StoreError> {
        neu.pruefen()?;
        let tx = schreibtransaktion(&mut self.conn)?;
        if let Some(g) = neu.gremium {
            super::gremien::gremium_lesen(tx.db(), g.0)?;
        }
        let doppelt: bool = tx.db().query_row(
            "SELECT count(*) > 0 FROM entschaedigung_satz WHERE art = ?1 AND ab = ?2
               AND coalesce(gremium_id, 0) = coalesce(?3, 0) AND coalesce(herkunft, '') = coalesce(?4, '')",
            p![neu.art.key(), neu.ab.to_string(), neu.gremium.map(|g| g.0), neu.herkunft.map(|h| h.key())],
            |r| r.get(0),
        )?;
        if doppelt {
            return Err(ungueltig(
                "ab",
                format!(
                    "{}: Ab {} gibt es für diesen Kreis schon einen Satz. Ein neuer Betrag gilt ab einem späteren Tag.",
                    neu.art.label(),
                    datum::deutsch(neu.ab)
                ),
            ));
        }
        let id: i64 = tx.db().eins(
            "INSERT INTO entschaedigung_satz (art, betrag_cent, ab, bis, gremium_id, herkunft, erstellt)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
            p![neu.art.key(), neu.betrag.0, neu.ab.to_string(), neu.bis.map(|b| b.to_string()), neu.gremium.map(|g| g.0), neu.herkunft.map(|h| h.key()), zeitpunkt(jetzt)],
        )?;
        commit(tx)?;
        Ok(Satz {
            id,
            daten: neu.clone(),
        })
    }

    /// Every rate, by kind and first day.
    pub fn saetze(&self) -> Result<Vec<Satz>, StoreError> {
        saetze_lesen(self.db())
    }

    /// What the clerk entered for the members of one Sitzung.
    pub fn entschaedigungen(
        &self,
        sitzung: SitzungId,
    ) -> Result<HashMap<PersonId, Angaben>, StoreError> {
        angaben_lesen(self.db(), sitzung.0)
    }

    /// Records hours, km, a proven wage or a waiver for a member of the Sitzung.
    pub fn entschaedigung_setzen(
        &mut self,
        sitzung: SitzungId,
        person: PersonId,
        angaben: &Angaben,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let akte = sitzung_lesen(tx.db(), sitzung.0)?;
        let Some(m) = akte.mitglieder.iter().find(|m| m.person.id == person) else {
            return Err(ungueltig(
                "person",
                format!(
                    "Sitzungsgeld: Person {} ist kein Mitglied dieser Sitzung.",
                    person.0
                ),
            ));
        };
        angaben.pruefen(&m.person.name)?;
        tx.db().execute(
            "INSERT INTO entschaedigung (sitzung_id, person_id, minuten, km, stundensatz_cent, verzicht) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (sitzung_id, person_id) DO UPDATE SET minuten = excluded.minuten, km = excluded.km,
               stundensatz_cent = excluded.stundensatz_cent, verzicht = excluded.verzicht",
            p![sitzung.0, person.0, i64::from(angaben.minuten), i64::from(angaben.km), angaben.stundensatz.map(|c| c.0), angaben.verzicht],
        )?;
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// The Sitzungen held (not cancelled, not in the Papierkorb) from `von` to `bis`, each
    /// with what was entered for its members: the input of the Auszahlungsliste.
    pub fn sitzungen_zur_abrechnung(
        &self,
        von: NaiveDate,
        bis: NaiveDate,
    ) -> Result<Vec<ZurAbrechnung>, StoreError> {
        let ids: Vec<i64> = self.db().query_map(
            "SELECT id FROM sitzung WHERE zustand <> 'abgesagt' AND geloescht IS NULL
               AND substr(beginn, 1, 10) >= ?1 AND substr(beginn, 1, 10) <= ?2 ORDER BY beginn, id",
            p![von.to_string(), bis.to_string()],
            |r| r.get(0),
        )?;
        ids.into_iter()
            .map(|id| Ok((sitzung_lesen(self.db(), id)?, angaben_lesen(self.db(), id)?)))
            .collect()
    }
}
