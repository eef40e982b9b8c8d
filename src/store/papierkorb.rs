//! The Papierkorb: nothing the office deletes is gone at once.
//!
//! A draft Vorlage, a Sitzung that has not taken place and a Wahl without a recorded
//! ballot can be deleted: the row gets the moment (`geloescht`, schema 8) and leaves every
//! list and the search; its content stays untouched. For [`AUFBEWAHRUNG_TAGE`] days it can be
//! restored exactly as it was; after that [`Store::papierkorb_leeren`] (run at every
//! opening of the file) removes it for good. Released Vorlagen and held Sitzungen are the
//! record of the council and can never be deleted.

use super::fehler::StoreError;
use super::sql::{p, Db};
use super::zeitpunkt::{zeitpunkt, zeitpunkt_aus, zeitpunkt_opt_aus};
use super::{commit, schreibtransaktion};
use super::{suche, zeit, Store};
use crate::domain::{datum, Befund, SitzungId, VorlageId};
use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// How long a deleted item can be restored.
pub const AUFBEWAHRUNG_TAGE: i64 = 30;

/// What kind of item lies in the Papierkorb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PapierkorbArt {
    Vorlage,
    Sitzung,
    Wahl,
}

impl PapierkorbArt {
    fn tabelle(self) -> &'static str {
        match self {
            PapierkorbArt::Vorlage => "vorlage",
            PapierkorbArt::Sitzung => "sitzung",
            PapierkorbArt::Wahl => "wahl",
        }
    }
}

/// One item of the Papierkorb, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PapierkorbEintrag {
    pub art: PapierkorbArt,
    pub id: i64,
    /// "Entwurf – Betreff", "3. Sitzung Integrationsrat am 16.12.2026", the Wahl's title.
    pub titel: String,
    pub geloescht: String,
    /// The day it is removed for good.
    pub endgueltig_ab: String,
}

fn abgelehnt(feld: &str, meldung: impl Into<String>) -> StoreError {
    StoreError::Ungueltig(vec![Befund::fehler(feld, meldung)])
}

fn endgueltig_ab(geloescht: NaiveDateTime) -> String {
    datum::deutsch((geloescht + Duration::days(AUFBEWAHRUNG_TAGE)).date())
}

/// (zustand, version, geloescht) of a Vorlage or Sitzung.
fn stand(
    db: Db<'_>,
    art: PapierkorbArt,
    id: i64,
) -> Result<(String, i64, Option<NaiveDateTime>), StoreError> {
    db.query_opt(
        &format!(
            "SELECT zustand, version, geloescht FROM {} WHERE id = ?1",
            art.tabelle()
        ),
        p![id],
        |r| Ok((r.get(0)?, r.get(1)?, zeitpunkt_opt_aus(r, 2)?)),
    )?
    .ok_or(StoreError::NichtGefunden {
        was: match art {
            PapierkorbArt::Vorlage => "Vorlage",
            PapierkorbArt::Sitzung => "Sitzung",
            PapierkorbArt::Wahl => "Wahl",
        },
        id,
    })
}

/// Refuses a change of an item that lies in the Papierkorb.
pub(super) fn nicht_im_papierkorb(
    db: Db<'_>,
    art: PapierkorbArt,
    id: i64,
) -> Result<(), StoreError> {
    let geloescht: Option<NaiveDateTime> = db
        .query_opt(
            &format!("SELECT geloescht FROM {} WHERE id = ?1", art.tabelle()),
            p![id],
            |r| zeitpunkt_opt_aus(r, 0),
        )?
        .flatten();
    match geloescht {
        Some(_) => Err(abgelehnt(
            "papierkorb",
            "Dies liegt im Papierkorb. Stellen Sie es erst wieder her (Einstellungen → Papierkorb).",
        )),
        None => Ok(()),
    }
}

impl Store {
    /// Moves a draft Vorlage into the Papierkorb. A released one, or a draft that sits on a
    /// TOP, is refused (the TOP is removed first, in the Sitzung).
    pub fn vorlage_loeschen(
        &mut self,
        id: VorlageId,
        basis: i64,
        jetzt: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let (zustand, version, geloescht) = stand(tx.db(), PapierkorbArt::Vorlage, id.0)?;
        if geloescht.is_some() {
            return Ok(());
        }
        if zustand != "entwurf" {
            return Err(abgelehnt(
                "zustand",
                "Eine freigegebene Vorlage kann nicht gelöscht werden; sie gehört zu den Akten des Gremiums.",
            ));
        }
        if version != basis {
            return Err(StoreError::Konflikt {
                basis,
                aktuell: version,
            });
        }
        let top: Option<(String, String)> = tx.db().query_opt(
            "SELECT g.name, s.beginn FROM top t JOIN sitzung s ON s.id = t.sitzung_id
                 JOIN gremium g ON g.id = s.gremium_id
                 WHERE t.vorlage_id = ?1 AND s.geloescht IS NULL LIMIT 1",
            p![id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if let Some((gremium, beginn)) = top {
            return Err(abgelehnt(
                "tagesordnung",
                format!(
                    "Der Entwurf steht auf der Tagesordnung der Sitzung „{gremium}“ am {}. Entfernen Sie dort erst den TOP.",
                    datum::parse(&beginn[..10.min(beginn.len())]).map(datum::deutsch).unwrap_or(beginn)
                ),
            ));
        }
        tx.db().execute(
            "UPDATE vorlage SET geloescht = ?2, version = version + 1 WHERE id = ?1",
            p![id.0, zeitpunkt(jetzt)],
        )?;
        suche::entfernen(tx.db(), id.0)?;
        commit(tx)
    }

    /// Moves a Sitzung that has not taken place into the Papierkorb (with its TOPs and
    /// Wahlen). One whose Tagesordnung still carries Vorlagen is refused: their
    /// Beratungsfolge names this Sitzung's date.
    pub fn sitzung_loeschen(
        &mut self,
        id: SitzungId,
        basis: i64,
        jetzt: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let (zustand, version, geloescht) = stand(tx.db(), PapierkorbArt::Sitzung, id.0)?;
        if geloescht.is_some() {
            return Ok(());
        }
        if zustand == "durchgefuehrt" {
            crate::domain::sitzung::akte::loeschen_pruefen(
                crate::domain::sitzung::SitzungZustand::Durchgefuehrt,
                0,
            )?;
        }
        if version != basis {
            return Err(StoreError::SitzungKonflikt {
                basis,
                aktuell: version,
            });
        }
        let vorlagen: i64 = tx.db().query_row(
            "SELECT count(*) FROM top WHERE sitzung_id = ?1 AND vorlage_id IS NOT NULL",
            p![id.0],
            |r| r.get(0),
        )?;
        crate::domain::sitzung::akte::loeschen_pruefen(
            crate::domain::sitzung::SitzungZustand::Geplant,
            vorlagen as usize,
        )?;
        tx.db().execute(
            "UPDATE sitzung SET geloescht = ?2, version = version + 1 WHERE id = ?1",
            p![id.0, zeitpunkt(jetzt)],
        )?;
        commit(tx)
    }

    /// Moves a Wahl without any recorded ballot into the Papierkorb.
    pub fn wahl_loeschen(
        &mut self,
        id: i64,
        basis: i64,
        jetzt: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let version: i64 = tx
            .db()
            .query_opt("SELECT version FROM wahl WHERE id = ?1", p![id], |r| {
                r.get(0)
            })?
            .ok_or(StoreError::NichtGefunden { was: "Wahl", id })?;
        let gaenge: i64 = tx.db().query_row(
            "SELECT count(*) FROM wahlgang WHERE wahl_id = ?1",
            p![id],
            |r| r.get(0),
        )?;
        if gaenge > 0 {
            return Err(abgelehnt(
                "wahlgang",
                "Für diese Wahl ist schon ein Wahlgang erfasst; sie gehört zur Niederschrift und kann nicht gelöscht werden.",
            ));
        }
        if version != basis {
            return Err(StoreError::Konflikt {
                basis,
                aktuell: version,
            });
        }
        tx.db().execute(
            "UPDATE wahl SET geloescht = ?2, version = version + 1 WHERE id = ?1 AND geloescht IS NULL",
            p![id, zeitpunkt(jetzt)],
        )?;
        commit(tx)
    }

    /// Everything in the Papierkorb, most recently deleted first.
    pub fn papierkorb(&self) -> Result<Vec<PapierkorbEintrag>, StoreError> {
        let mut eintraege = Vec::new();
        let zeilen = self.db().query_map(
            "SELECT 'vorlage', id, coalesce(nummer, 'Entwurf') || ' – ' || CASE WHEN betreff = '' THEN '(ohne Betreff)' ELSE betreff END, geloescht
               FROM vorlage WHERE geloescht IS NOT NULL
             UNION ALL
             SELECT 'sitzung', s.id, s.nummer || '. Sitzung ' || g.name || ' am ' || substr(s.beginn, 9, 2) || '.' || substr(s.beginn, 6, 2) || '.' || substr(s.beginn, 1, 4), s.geloescht
               FROM sitzung s JOIN gremium g ON g.id = s.gremium_id WHERE s.geloescht IS NOT NULL
             UNION ALL
             SELECT 'wahl', id, titel, geloescht FROM wahl WHERE geloescht IS NOT NULL
             ORDER BY 4 DESC, 2 DESC",
            p![],
            |r| {
            Ok((
                r.get::<String>(0)?,
                r.get::<i64>(1)?,
                r.get::<String>(2)?,
                zeitpunkt_aus(r, 3)?,
            ))
        })?;
        for (art, id, titel, geloescht) in zeilen {
            let art = match art.as_str() {
                "vorlage" => PapierkorbArt::Vorlage,
                "sitzung" => PapierkorbArt::Sitzung,
                _ => PapierkorbArt::Wahl,
            };
            eintraege.push(PapierkorbEintrag {
                art,
                id,
                titel,
                endgueltig_ab: endgueltig_ab(geloescht),
                geloescht: zeit(geloescht),
            });
        }
        Ok(eintraege)
    }

    /// Takes an item back out of the Papierkorb, exactly as it was. A Vorlage whose
    /// predecessor got another new Fassung meanwhile is refused.
    pub fn wiederherstellen(
        &mut self,
        art: PapierkorbArt,
        id: i64,
        jetzt: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        if art == PapierkorbArt::Vorlage {
            let andere: bool = tx.db().query_row(
                "SELECT EXISTS (SELECT 1 FROM vorlage v JOIN vorlage n ON n.vorgaenger_id = v.vorgaenger_id
                 WHERE v.id = ?1 AND n.id != v.id AND n.geloescht IS NULL)",
                p![id],
                |r| r.get(0),
            )?;
            if andere {
                return Err(abgelehnt(
                    "papierkorb",
                    "Inzwischen gibt es eine andere neue Fassung derselben Vorlage; dieser Entwurf kann nicht zurückgeholt werden.",
                ));
            }
        }
        let n = tx.db().execute(
            &format!(
                "UPDATE {} SET geloescht = NULL, version = version + 1, geaendert = ?2 WHERE id = ?1 AND geloescht IS NOT NULL",
                art.tabelle()
            ),
            p![id, zeitpunkt(jetzt)],
        )?;
        if n == 0 {
            return Err(StoreError::NichtGefunden {
                was: "Eintrag im Papierkorb",
                id,
            });
        }
        if art == PapierkorbArt::Vorlage {
            suche::indizieren(tx.db(), id)?;
        }
        commit(tx)
    }

    /// Removes for good what lies in the Papierkorb longer than [`AUFBEWAHRUNG_TAGE`];
    /// returns how many items.
    pub fn papierkorb_leeren(&mut self, jetzt: NaiveDateTime) -> Result<usize, StoreError> {
        let grenze = zeitpunkt(jetzt - Duration::days(AUFBEWAHRUNG_TAGE));
        let tx = schreibtransaktion(&mut self.conn)?;
        let mut n = tx.db().execute(
            "DELETE FROM wahl WHERE geloescht IS NOT NULL AND geloescht < ?1",
            p![&grenze],
        )?;
        n += tx.db().execute(
            "DELETE FROM sitzung WHERE geloescht IS NOT NULL AND geloescht < ?1",
            p![&grenze],
        )?;
        let alt: Vec<i64> = tx.db().query_map(
            "SELECT id FROM vorlage WHERE geloescht IS NOT NULL AND geloescht < ?1",
            p![&grenze],
            |r| r.get(0),
        )?;
        for id in &alt {
            suche::entfernen(tx.db(), *id)?;
            tx.db()
                .execute("DELETE FROM vorlage WHERE id = ?1", p![id])?;
        }
        n += alt.len();
        commit(tx)?;
        Ok(n)
    }
}
