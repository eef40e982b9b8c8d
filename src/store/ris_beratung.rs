//! The results of later Beratungen taken over from the town's RIS into the Beratungsfolge
//! of the office's Vorlagen (issue 27 § 3; the rule is domain::beratung_abgleich). After
//! an OParl import the objects read (`ris_objekt`) are matched against the released
//! Vorlagen's steps without a result: the Paper by its `reference` (the Vorlage-Nr.), its
//! Consultations by their parent, and their AgendaItem (the result), Meeting (the day)
//! and Organizations (the Gremium's name and short name) by URL. A step that has a result
//! is never touched; each step taken over raises its Vorlage's version.

use super::fehler::StoreError;
use super::sql::{p, Db};
use super::vorlage::beratung;
use super::{commit, schreibtransaktion, Store};
use crate::domain::beratung_abgleich::{abgleichen, RisBeratung, Schritt};
use crate::domain::{datum, VorlageId};
use chrono::NaiveDateTime;
use serde_json::Value;

/// The JSON and the `datum` column of the object at `url`.
fn objekt(db: Db<'_>, url: &str) -> Result<Option<(Value, String, String)>, StoreError> {
    Ok(db
        .query_opt(
            "SELECT json, datum, name FROM ris_objekt WHERE url = ?1",
            p![url],
            |r| {
                Ok((
                    r.get::<String>(0)?,
                    r.get::<String>(1)?,
                    r.get::<String>(2)?,
                ))
            },
        )?
        .map(|(j, d, n)| (serde_json::from_str(&j).unwrap_or(Value::Null), d, n)))
}

/// The URLs in field `feld` (a list of URLs or one URL; objects embedded give their `id`).
fn urls(o: &Value, feld: &str) -> Vec<String> {
    let eins = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("id").and_then(Value::as_str).map(str::to_string),
        _ => None,
    };
    match o.get(feld) {
        Some(Value::Array(a)) => a.iter().filter_map(eins).collect(),
        Some(v) => eins(v).into_iter().collect(),
        None => Vec::new(),
    }
}

/// The Beratung of one Consultation: its Gremien's names, its Meeting's day, its result.
fn beratung_lesen(db: Db<'_>, c: &Value) -> Result<RisBeratung, StoreError> {
    let sitzung = match urls(c, "meeting").first() {
        Some(u) => objekt(db, u)?,
        None => None,
    };
    let mut gremien_urls = urls(c, "organization");
    if gremien_urls.is_empty() {
        if let Some((m, _, _)) = &sitzung {
            gremien_urls = urls(m, "organization");
        }
    }
    let mut gremien = Vec::new();
    for u in gremien_urls {
        if let Some((o, _, name)) = objekt(db, &u)? {
            gremien.push(name);
            if let Some(kurz) = o.get("shortName").and_then(Value::as_str) {
                gremien.push(kurz.to_string());
            }
        }
    }
    let ergebnis = match urls(c, "agendaItem").first() {
        Some(u) => objekt(db, u)?
            .and_then(|(t, _, _)| t.get("result").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default(),
        None => String::new(),
    };
    let datum = sitzung.and_then(|(_, d, _)| datum::parse(d.get(..10).unwrap_or(&d)).ok());
    Ok(RisBeratung {
        gremien,
        datum,
        ergebnis,
    })
}

impl Store {
    /// Takes the results of later Beratungen over from the RIS read in; returns how many
    /// steps got one.
    pub fn ris_beratungen_uebernehmen(
        &mut self,
        jetzt: NaiveDateTime,
    ) -> Result<usize, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let db = tx.db();
        // The released Vorlagen with a step still open, and the RIS Papers of their number.
        let paare: Vec<(i64, String)> = db.query_map(
            "SELECT v.id, p.url FROM vorlage v
               JOIN ris_objekt p ON p.typ = 'Paper' AND p.nummer = v.nummer
              WHERE v.nummer IS NOT NULL AND v.geloescht IS NULL
                AND EXISTS (SELECT 1 FROM beratungsschritt b WHERE b.vorlage_id = v.id AND b.ergebnis = '')
              ORDER BY v.id",
            p![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut zahl = 0;
        for (vorlage, papier) in paare {
            let schritte: Vec<(Schritt, String)> = db.query_map(
                "SELECT pos, gremium, ergebnis, datum FROM beratungsschritt WHERE vorlage_id = ?1 ORDER BY pos",
                p![vorlage],
                |r| Ok((Schritt { pos: r.get(0)?, gremium: r.get(1)?, ergebnis: r.get(2)? }, r.get(3)?)),
            )?;
            let mut beratungen = Vec::new();
            for json in db.query_map(
                "SELECT json FROM ris_objekt WHERE typ = 'Consultation' AND eltern = ?1",
                p![papier.as_str()],
                |r| r.get::<String>(0),
            )? {
                let c: Value = serde_json::from_str(&json).unwrap_or(Value::Null);
                beratungen.push(beratung_lesen(db, &c)?);
            }
            let nur_schritte: Vec<Schritt> = schritte.iter().map(|(s, _)| s.clone()).collect();
            for u in abgleichen(&nur_schritte, &beratungen) {
                // The day the office had planned stays where the RIS gives none.
                let bisher = schritte
                    .iter()
                    .find(|(s, _)| s.pos == u.pos)
                    .and_then(|(_, d)| datum::parse(d).ok());
                beratung::schritt_setzen(
                    db,
                    VorlageId(vorlage),
                    u.pos,
                    u.datum.or(bisher),
                    &u.ergebnis,
                    Some(jetzt.date()),
                    jetzt,
                )?;
                zahl += 1;
            }
        }
        commit(tx)?;
        Ok(zahl)
    }
}
