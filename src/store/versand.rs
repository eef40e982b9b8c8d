//! The tables of the Einladung by e-mail (schema 12): `presse` (a Gremium's press and
//! public list), `versand` (the sent log, one row per message and attempt) and `smtp`
//! (the office's mail settings, one row, no password). The rules of an address and of
//! the settings are the domain's ([`crate::domain::versand`]); the store adds what needs
//! the tables: an address kept once per Gremium, removal that *Rückgängig* takes back.

use super::fehler::StoreError;
use super::sql::{p, Db, Zeile};
use super::zeitpunkt::{zeitpunkt, zeitpunkt_aus};
use super::{commit, gremien, schreibtransaktion, ungueltig, zeit, Store};
use crate::domain::versand::{
    email_pruefen, AnhangPruefsumme, Sicherheit, SmtpEinstellungen, VersandEintrag, VersandStatus,
    Verteiler,
};
use crate::domain::{GremiumId, PersonId, SitzungId};
use chrono::NaiveDateTime;
use serde::Serialize;

/// An address of a Gremium's press and public list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PresseAdresse {
    pub id: i64,
    pub gremium: GremiumId,
    pub email: String,
}

/// A line for the sent log, as the sender writes it.
#[derive(Debug, Clone)]
pub struct VersandNeu<'a> {
    pub person: Option<PersonId>,
    pub name: &'a str,
    pub email: &'a str,
    pub verteiler: Verteiler,
    pub message_id: &'a str,
    pub status: VersandStatus,
    pub antwort: &'a str,
    pub anhaenge: &'a [AnhangPruefsumme],
}

fn presse_lesen(db: Db<'_>, id: i64) -> Result<PresseAdresse, StoreError> {
    db.query_opt(
        "SELECT id, gremium_id, email FROM presse WHERE id = ?1 AND geloescht IS NULL",
        p![id],
        |r| {
            Ok(PresseAdresse {
                id: r.get(0)?,
                gremium: GremiumId(r.get(1)?),
                email: r.get(2)?,
            })
        },
    )?
    .ok_or(StoreError::NichtGefunden {
        was: "Presseadresse",
        id,
    })
}

fn frei_pruefen(db: Db<'_>, gremium: i64, email: &str) -> Result<(), StoreError> {
    let schon: bool = db.query_row(
        "SELECT count(*) > 0 FROM presse WHERE gremium_id = ?1 AND lower(email) = lower(?2) AND geloescht IS NULL",
        p![gremium, email],
        |r| r.get(0),
    )?;
    if schon {
        return Err(ungueltig(
            "email",
            format!("Die Adresse „{email}“ steht schon auf der Presseliste."),
        ));
    }
    Ok(())
}

fn eintrag_lesen(r: &Zeile) -> Result<VersandEintrag, StoreError> {
    let verteiler: String = r.get(5)?;
    let status: String = r.get(8)?;
    let anhaenge: String = r.get(9)?;
    let kaputt = |was: &str| StoreError::Beschaedigt(format!("Versandprotokoll: {was}"));
    Ok(VersandEintrag {
        id: r.get(0)?,
        person: r.get::<Option<i64>>(1)?.map(PersonId),
        name: r.get(2)?,
        email: r.get(3)?,
        message_id: r.get(4)?,
        verteiler: Verteiler::aus_key(&verteiler).ok_or_else(|| kaputt(&verteiler))?,
        zeit: zeit(zeitpunkt_aus(r, 6)?),
        antwort: r.get(7)?,
        status: VersandStatus::aus_key(&status).ok_or_else(|| kaputt(&status))?,
        anhaenge: serde_json::from_str(&anhaenge).map_err(|e| kaputt(&e.to_string()))?,
    })
}

impl Store {
    /// The press and public list of `gremium`, in the order the addresses were added.
    pub fn presse_liste(&self, gremium: GremiumId) -> Result<Vec<PresseAdresse>, StoreError> {
        self.db().query_map(
            "SELECT id, gremium_id, email FROM presse WHERE gremium_id = ?1 AND geloescht IS NULL ORDER BY id",
            p![gremium.0],
            |r| {
                Ok(PresseAdresse {
                    id: r.get(0)?,
                    gremium: GremiumId(r.get(1)?),
                    email: r.get(2)?,
                })
            },
        )
    }

    /// Puts `email` on the press and public list of `gremium` (once).
    pub fn presse_hinzufuegen(
        &mut self,
        gremium: GremiumId,
        email: &str,
        jetzt: NaiveDateTime,
    ) -> Result<PresseAdresse, StoreError> {
        let email = email_pruefen("email", "der Presseliste", email)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        gremien::schreibbar(tx.db(), gremium.0, "eine Presseliste führen")?;
        frei_pruefen(tx.db(), gremium.0, &email)?;
        let id: i64 = tx.db().eins(
            "INSERT INTO presse (gremium_id, email, erstellt) VALUES (?1, ?2, ?3) RETURNING id",
            p![gremium.0, email, zeitpunkt(jetzt)],
        )?;
        let a = presse_lesen(tx.db(), id)?;
        commit(tx)?;
        Ok(a)
    }

    /// Takes an address off the list; [`Store::presse_zurueckholen`] brings it back.
    pub fn presse_entfernen(&mut self, id: i64, jetzt: NaiveDateTime) -> Result<(), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        presse_lesen(tx.db(), id)?;
        tx.db().execute(
            "UPDATE presse SET geloescht = ?2 WHERE id = ?1",
            p![id, zeitpunkt(jetzt)],
        )?;
        commit(tx)
    }

    /// *Rückgängig* of a removal (refused when the address was added again meanwhile).
    pub fn presse_zurueckholen(&mut self, id: i64) -> Result<PresseAdresse, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let alt: Option<(i64, String)> = tx.db().query_opt(
            "SELECT gremium_id, email FROM presse WHERE id = ?1 AND geloescht IS NOT NULL",
            p![id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (gremium, email) = alt.ok_or(StoreError::NichtGefunden {
            was: "entfernte Presseadresse",
            id,
        })?;
        frei_pruefen(tx.db(), gremium, &email)?;
        tx.db()
            .execute("UPDATE presse SET geloescht = NULL WHERE id = ?1", p![id])?;
        let a = presse_lesen(tx.db(), id)?;
        commit(tx)?;
        Ok(a)
    }

    /// Records one message of `sitzung` in the sent log (at once, message by message: a
    /// run cut off keeps what was sent).
    pub fn versand_eintragen(
        &mut self,
        sitzung: SitzungId,
        neu: &VersandNeu<'_>,
        jetzt: NaiveDateTime,
    ) -> Result<VersandEintrag, StoreError> {
        let anhaenge = serde_json::to_string(neu.anhaenge)
            .map_err(|e| StoreError::Beschaedigt(format!("Versandprotokoll: {e}")))?;
        let tx = schreibtransaktion(&mut self.conn)?;
        let id: i64 = tx.db().eins(
            "INSERT INTO versand (sitzung_id, person_id, name, email, verteiler, message_id, zeit, status, antwort, anhaenge)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
            p![
                sitzung.0,
                neu.person.map(|p| p.0),
                neu.name,
                neu.email,
                neu.verteiler.key(),
                neu.message_id,
                zeitpunkt(jetzt),
                neu.status.key(),
                neu.antwort,
                anhaenge
            ],
        )?;
        let e = tx.db().query_row(
            "SELECT id, person_id, name, email, message_id, verteiler, zeit, antwort, status, anhaenge FROM versand WHERE id = ?1",
            p![id],
            eintrag_lesen,
        )?;
        commit(tx)?;
        Ok(e)
    }

    /// The sent log of `sitzung`, oldest first.
    pub fn versand_protokoll(&self, sitzung: SitzungId) -> Result<Vec<VersandEintrag>, StoreError> {
        self.db().query_map(
            "SELECT id, person_id, name, email, message_id, verteiler, zeit, antwort, status, anhaenge
             FROM versand WHERE sitzung_id = ?1 ORDER BY id",
            p![sitzung.0],
            eintrag_lesen,
        )
    }

    /// The office's mail settings (the defaults while none are saved).
    pub fn smtp(&self) -> Result<SmtpEinstellungen, StoreError> {
        Ok(self
            .db()
            .query_opt(
                "SELECT server, sicherheit, benutzer, absender, ca, grenze_mb FROM smtp WHERE id = 1",
                p![],
                |r| {
                    let s: String = r.get(1)?;
                    Ok(SmtpEinstellungen {
                        server: r.get(0)?,
                        sicherheit: Sicherheit::aus_key(&s).ok_or_else(|| {
                            StoreError::Beschaedigt(format!("SMTP-Einstellungen: {s}"))
                        })?,
                        benutzer: r.get(2)?,
                        absender: r.get(3)?,
                        ca: r.get(4)?,
                        grenze_mb: r.get::<i64>(5)? as u32,
                    })
                },
            )?
            .unwrap_or_default())
    }

    /// Saves the mail settings after checking every field; nothing is written when one
    /// is wrong.
    pub fn smtp_speichern(
        &mut self,
        e: &SmtpEinstellungen,
    ) -> Result<SmtpEinstellungen, StoreError> {
        let befunde = e.pruefen();
        if !befunde.is_empty() {
            return Err(StoreError::Ungueltig(befunde));
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db().execute("DELETE FROM smtp", p![])?;
        tx.db().execute(
            "INSERT INTO smtp (id, server, sicherheit, benutzer, absender, ca, grenze_mb) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
            p![
                e.server.trim(),
                e.sicherheit.key(),
                e.benutzer.trim(),
                e.absender.trim(),
                e.ca.trim(),
                e.grenze_mb as i64
            ],
        )?;
        commit(tx)?;
        self.smtp()
    }
}
