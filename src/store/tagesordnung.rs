//! The `top` table: the Tagesordnung of a Sitzung, öffentlicher then nichtöffentlicher
//! Teil, each in its order (`pos`).
//!
//! A TOP either names an item or puts a Vorlage up for Beratung. Putting a Vorlage on a
//! TOP records that step of its Beratungsfolge (the Sitzung's date at the step of this
//! Gremium, appended if the Beratungsfolge did not name the Gremium); a result recorded
//! for the TOP becomes the step's Ergebnis, from which the Vorlage PDF prints the
//! Beschlussvermerk (see [`super::vorlage::beratung`]). What a TOP may hold and when it
//! may change are the domain's rules ([`crate::domain::sitzung::akte`]).

use super::fehler::StoreError;
use super::sitzungen::{sitzung_geaendert, sitzung_lesen, stand_lesen, tagesordnung_offen};
use super::sql::{p, Db};
use super::vorlage::beratung;
use super::{commit, schreibtransaktion, ungueltig, wert, Store};
use crate::domain::sitzung::akte::{self, SitzungAkte, TopNeu, TopVorlage};
use crate::domain::sitzung::beschlussfaehigkeit;
use crate::domain::sitzung::{Teil, TopErgebnis};
use crate::domain::{SitzungId, TopId, VorlageId};
use chrono::NaiveDateTime;

impl Store {
    /// Adds a TOP at the end of its part. A Vorlage TOP records the Beratung in the
    /// Vorlage's Beratungsfolge; a nichtöffentliche Vorlage is refused in the öffentlicher
    /// Teil; a Vorlage sits on one Sitzung's Tagesordnung once.
    pub fn top_hinzufuegen(
        &mut self,
        sitzung: SitzungId,
        neu: &TopNeu,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let (zustand, beginn) = stand_lesen(tx.db(), sitzung.0)?;
        akte::tagesordnung_offen(zustand)?;
        neu.pruefen()?;
        if let Some(v) = neu.vorlage {
            let vorlage = top_vorlage_lesen(tx.db(), v)?;
            akte::vorlage_im_teil_pruefen(&vorlage, neu.teil)?;
            let schon: bool = tx.db().query_row(
                "SELECT count(*) > 0 FROM top WHERE sitzung_id = ?1 AND vorlage_id = ?2",
                p![sitzung.0, v.0],
                |r| r.get(0),
            )?;
            if schon {
                return Err(ungueltig(
                    "vorlage",
                    format!(
                        "Die Vorlage {} steht schon auf der Tagesordnung dieser Sitzung.",
                        vorlage.name()
                    ),
                ));
            }
            beratung::vermerken(
                tx.db(),
                v,
                &gremium_name(tx.db(), sitzung.0)?,
                beginn.date(),
                jetzt,
            )?;
        }
        let pos: i64 = tx.db().query_row(
            "SELECT count(*) FROM top WHERE sitzung_id = ?1 AND teil = ?2",
            p![sitzung.0, neu.teil.key()],
            |r| r.get(0),
        )?;
        tx.db().execute(
            "INSERT INTO top (sitzung_id, teil, pos, titel, vorlage_id, unterpunkt) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            p![sitzung.0, neu.teil.key(), pos, neu.titel.trim(), neu.vorlage.map(|v| v.0), neu.unterpunkt],
        )?;
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Moves a TOP to position `nach` (0-based) within its part; the others close up.
    pub fn top_verschieben(
        &mut self,
        top: TopId,
        nach: usize,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let t = top_lesen(tx.db(), top)?;
        tagesordnung_offen(tx.db(), t.sitzung)?;
        let mut reihe = reihe_lesen(tx.db(), t.sitzung, t.teil)?;
        reihe.retain(|&id| id != top.0);
        reihe.insert(nach.min(reihe.len()), top.0);
        reihe_schreiben(tx.db(), &reihe)?;
        sitzung_geaendert(tx.db(), t.sitzung, jetzt)?;
        commit(tx)?;
        self.sitzung(SitzungId(t.sitzung))
    }

    /// Records the result of a TOP; for a Vorlage TOP also the Ergebnis of its
    /// Beratungsfolge step in this Gremium (the Beschlussvermerk of the Vorlage PDF).
    pub fn top_ergebnis(
        &mut self,
        top: TopId,
        ergebnis: TopErgebnis,
        text: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let t = top_lesen(tx.db(), top)?;
        let (zustand, beginn) = stand_lesen(tx.db(), t.sitzung)?;
        akte::ergebnis_pruefen(ergebnis, text, zustand, beginn, jetzt.date())?;
        beschlussfaehigkeit::ergebnis_pruefen(&sitzung_lesen(tx.db(), t.sitzung)?, top, ergebnis)?;
        tx.db().execute(
            "UPDATE top SET ergebnis = ?2, ergebnis_text = ?3 WHERE id = ?1",
            p![top.0, ergebnis.key(), text.trim()],
        )?;
        if let Some(v) = t.vorlage {
            let vermerk = akte::beschlussvermerk(ergebnis, text);
            beratung::ergebnis_vermerken(
                tx.db(),
                v,
                &gremium_name(tx.db(), t.sitzung)?,
                &vermerk,
                jetzt,
            )?;
        }
        sitzung_geaendert(tx.db(), t.sitzung, jetzt)?;
        commit(tx)?;
        self.sitzung(SitzungId(t.sitzung))
    }

    /// Changes the title of a TOP (empty: a Vorlage TOP shows its Betreff) and whether it
    /// is an Unterpunkt of the TOP before it.
    pub fn top_aendern(
        &mut self,
        top: TopId,
        titel: &str,
        unterpunkt: bool,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let t = top_lesen(tx.db(), top)?;
        tagesordnung_offen(tx.db(), t.sitzung)?;
        akte::titel_pruefen(titel, t.vorlage.is_some(), "TOP: Titel fehlt.")?;
        tx.db().execute(
            "UPDATE top SET titel = ?2, unterpunkt = ?3 WHERE id = ?1",
            p![top.0, titel.trim(), unterpunkt],
        )?;
        sitzung_geaendert(tx.db(), t.sitzung, jetzt)?;
        commit(tx)?;
        self.sitzung(SitzungId(t.sitzung))
    }

    /// Takes a TOP off the Tagesordnung. A Vorlage TOP gives back the date it had put into
    /// the Vorlage's Beratungsfolge; a TOP with a recorded result stays (it is history).
    pub fn top_entfernen(
        &mut self,
        top: TopId,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let t = top_lesen(tx.db(), top)?;
        let (zustand, beginn) = stand_lesen(tx.db(), t.sitzung)?;
        akte::tagesordnung_offen(zustand)?;
        akte::entfernen_pruefen(t.hat_ergebnis)?;
        if let Some(v) = t.vorlage {
            beratung::zuruecknehmen(
                tx.db(),
                v,
                &gremium_name(tx.db(), t.sitzung)?,
                beginn.date(),
                jetzt,
            )?;
        }
        tx.db()
            .execute("DELETE FROM top WHERE id = ?1", p![top.0])?;
        let reihe = reihe_lesen(tx.db(), t.sitzung, t.teil)?;
        reihe_schreiben(tx.db(), &reihe)?;
        sitzung_geaendert(tx.db(), t.sitzung, jetzt)?;
        commit(tx)?;
        self.sitzung(SitzungId(t.sitzung))
    }

    /// The Sitzung a TOP belongs to.
    pub fn top_sitzung(&self, top: TopId) -> Result<SitzungId, StoreError> {
        Ok(SitzungId(top_lesen(self.db(), top)?.sitzung))
    }
}

/// What the store needs to know of a TOP to change it.
struct TopZeile {
    sitzung: i64,
    teil: Teil,
    vorlage: Option<VorlageId>,
    hat_ergebnis: bool,
}

fn top_lesen(db: Db<'_>, top: TopId) -> Result<TopZeile, StoreError> {
    db.query_opt(
        "SELECT sitzung_id, teil, vorlage_id, ergebnis IS NOT NULL FROM top WHERE id = ?1",
        p![top.0],
        |r| {
            Ok(TopZeile {
                sitzung: r.get(0)?,
                teil: wert(r, 1)?,
                vorlage: r.get::<Option<i64>>(2)?.map(VorlageId),
                hat_ergebnis: r.get(3)?,
            })
        },
    )?
    .ok_or(StoreError::NichtGefunden {
        was: "TOP",
        id: top.0,
    })
}

fn top_vorlage_lesen(db: Db<'_>, v: VorlageId) -> Result<TopVorlage, StoreError> {
    db.query_opt(
        "SELECT status, nummer, betreff FROM vorlage WHERE id = ?1",
        p![v.0],
        |r| {
            Ok(TopVorlage {
                id: v,
                status: wert(r, 0)?,
                nummer: r.get(1)?,
                betreff: r.get(2)?,
            })
        },
    )?
    .ok_or(StoreError::NichtGefunden {
        was: "Vorlage",
        id: v.0,
    })
}

/// The name of the Gremium whose Sitzung this is (the Beratungsfolge names Gremien so).
fn gremium_name(db: Db<'_>, sitzung: i64) -> Result<String, StoreError> {
    db.query_row(
        "SELECT g.name FROM sitzung s JOIN gremium g ON g.id = s.gremium_id WHERE s.id = ?1",
        p![sitzung],
        |r| r.get(0),
    )
}

/// The TOPs of one part in their order.
fn reihe_lesen(db: Db<'_>, sitzung: i64, teil: Teil) -> Result<Vec<i64>, StoreError> {
    db.query_map(
        "SELECT id FROM top WHERE sitzung_id = ?1 AND teil = ?2 ORDER BY pos, id",
        p![sitzung, teil.key()],
        |r| r.get(0),
    )
}

/// Gives the TOPs of one part the positions 0, 1, 2 … in the order given.
fn reihe_schreiben(db: Db<'_>, reihe: &[i64]) -> Result<(), StoreError> {
    for (pos, id) in reihe.iter().enumerate() {
        db.execute("UPDATE top SET pos = ?2 WHERE id = ?1", p![id, pos as i64])?;
    }
    Ok(())
}
