//! The `gremium` table: the Gremien of the office. The form's rules are the domain's
//! ([`GremiumNeu::pruefen`]); the store adds the one that needs the table, a name used once.

use super::fehler::StoreError;
use super::sql::{p, Db};
use super::zeitpunkt::zeitpunkt;
use super::{commit, schreibtransaktion, ungueltig, wert, Store};
use crate::domain::gremium::{Gremium, GremiumNeu};
use crate::domain::GremiumId;
use chrono::NaiveDateTime;

pub(super) fn gremium_lesen(db: Db<'_>, id: i64) -> Result<Gremium, StoreError> {
    db.query_opt(
        "SELECT id, name, kurzname, typ, wahlperiode, ladungsfrist_tage, mindestsitzungen_jahr, ris_url, vertretung, ohne_entschaedigung
         FROM gremium WHERE id = ?1",
        p![id],
        |r| {
            Ok(Gremium {
                id: GremiumId(r.get(0)?),
                daten: GremiumNeu {
                    name: r.get(1)?,
                    kurzname: r.get(2)?,
                    typ: wert(r, 3)?,
                    wahlperiode: r.get(4)?,
                    ladungsfrist_tage: r.get(5)?,
                    mindestsitzungen_jahr: r.get(6)?,
                    vertretung: wert(r, 8)?,
                    ohne_entschaedigung: r.get(9)?,
                },
                ris: r.get(7)?,
            })
        },
    )?
    .ok_or(StoreError::NichtGefunden { was: "Gremium", id })
}

/// Refuses a name another Gremium (not `ausser`; 0 for a new one) has already.
fn name_frei(db: Db<'_>, name: &str, ausser: i64) -> Result<(), StoreError> {
    let doppelt: bool = db.query_row(
        "SELECT count(*) > 0 FROM gremium WHERE lower(name) = lower(?1) AND id <> ?2",
        p![name, ausser],
        |r| r.get(0),
    )?;
    if doppelt {
        return Err(ungueltig(
            "name",
            format!("Ein Gremium „{name}“ gibt es schon."),
        ));
    }
    Ok(())
}

/// Refuses a change to a Gremium read from the RIS (`was` says what was tried).
pub(super) fn schreibbar(db: Db<'_>, gremium: i64, was: &str) -> Result<(), StoreError> {
    let g = gremium_lesen(db, gremium)?;
    if g.ris.is_some() {
        return Err(ungueltig(
            "gremium",
            format!(
                "„{}“ stammt aus dem Ratsinformationssystem und ist hier schreibgeschützt: {was} geht nur für die Gremien des Büros.",
                g.daten.name
            ),
        ));
    }
    Ok(())
}

impl Store {
    pub fn gremium_anlegen(
        &mut self,
        neu: &GremiumNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Gremium, StoreError> {
        neu.pruefen()?;
        let name = neu.name.trim();
        let tx = schreibtransaktion(&mut self.conn)?;
        name_frei(tx.db(), name, 0)?;
        let id: i64 = tx.db().eins(
            "INSERT INTO gremium (name, kurzname, typ, wahlperiode, ladungsfrist_tage, mindestsitzungen_jahr, erstellt, geaendert, vertretung, ohne_entschaedigung)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9) RETURNING id",
            p![name, neu.kurzname.trim(), neu.typ.key(), neu.wahlperiode.trim(), neu.ladungsfrist_tage, neu.mindestsitzungen_jahr, zeitpunkt(jetzt), neu.vertretung.key(), neu.ohne_entschaedigung],
        )?;
        let g = gremium_lesen(tx.db(), id)?;
        commit(tx)?;
        Ok(g)
    }

    /// Changes the settings of one of the office's Gremien (its name, Art, Ladungsfrist,
    /// Stellvertretung, Entschädigung …) with the same rules as a new one; a Gremium read
    /// from the RIS is refused. Its members and Sitzungen stay as they are.
    pub fn gremium_aendern(
        &mut self,
        id: GremiumId,
        neu: &GremiumNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Gremium, StoreError> {
        neu.pruefen()?;
        let name = neu.name.trim();
        let tx = schreibtransaktion(&mut self.conn)?;
        schreibbar(tx.db(), id.0, "Ändern der Einstellungen")?;
        name_frei(tx.db(), name, id.0)?;
        tx.db().execute(
            "UPDATE gremium SET name = ?2, kurzname = ?3, typ = ?4, wahlperiode = ?5, ladungsfrist_tage = ?6,
               mindestsitzungen_jahr = ?7, vertretung = ?8, ohne_entschaedigung = ?9, geaendert = ?10
             WHERE id = ?1",
            p![id.0, name, neu.kurzname.trim(), neu.typ.key(), neu.wahlperiode.trim(), neu.ladungsfrist_tage, neu.mindestsitzungen_jahr, neu.vertretung.key(), neu.ohne_entschaedigung, zeitpunkt(jetzt)],
        )?;
        let g = gremium_lesen(tx.db(), id.0)?;
        commit(tx)?;
        Ok(g)
    }

    pub fn gremium(&self, id: GremiumId) -> Result<Gremium, StoreError> {
        gremium_lesen(self.db(), id.0)
    }

    pub fn gremien(&self) -> Result<Vec<Gremium>, StoreError> {
        let ids: Vec<i64> =
            self.db()
                .query_map("SELECT id FROM gremium ORDER BY name", p![], |r| r.get(0))?;
        ids.into_iter()
            .map(|id| gremium_lesen(self.db(), id))
            .collect()
    }
}
