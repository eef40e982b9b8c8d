//! Beschlusskontrolle (issue 27 § 3), one function per action: the list across all
//! Sitzungen with its filters, one decision, its status / Wiedervorlage / unit, a dated
//! note, the result of a later step of its Beratungsfolge (HFA, Rat), and the count of
//! overdue ones for the navigation's badge.

use super::ApiFehler;
use crate::domain::beschluss::{Beschluss, BeschlussAenderung, FolgeschrittAenderung};
use crate::domain::sitzung::Teil;
use crate::domain::TopId;
use crate::store::Store;
use chrono::{Datelike, NaiveDateTime};
use serde::Deserialize;

/// What the list is narrowed to; every part optional.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BeschlussFilter {
    /// offen | in_arbeit | erledigt | ueberfaellig
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub gremium: Option<String>,
    #[serde(default)]
    pub jahr: Option<i32>,
    /// A part of the unit's name ("FB 51").
    #[serde(default)]
    pub zustaendig: Option<String>,
    /// Only decisions of the öffentliche part.
    #[serde(default)]
    pub nur_oeffentlich: bool,
}

/// The decisions, filtered, the oldest Sitzung first.
pub fn beschluesse(
    store: &Store,
    filter: &BeschlussFilter,
    jetzt: NaiveDateTime,
) -> Result<Vec<Beschluss>, ApiFehler> {
    let status = filter
        .status
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(s) = status {
        if !["offen", "in_arbeit", "erledigt", "ueberfaellig"].contains(&s) {
            return Err(ApiFehler::feld(
                "status",
                format!(
                    "Stand „{s}“ gibt es nicht (offen, in-arbeit, erledigt oder ueberfaellig)."
                ),
            ));
        }
    }
    let zustaendig = filter
        .zustaendig
        .as_deref()
        .map(|z| z.trim().to_lowercase())
        .filter(|z| !z.is_empty());
    Ok(store
        .beschluesse(jetzt.date())?
        .into_iter()
        .filter(|b| status.is_none_or(|s| b.anzeige == s))
        .filter(|b| {
            filter
                .gremium
                .as_deref()
                .is_none_or(|g| g.trim().is_empty() || b.gremium == g.trim())
        })
        .filter(|b| filter.jahr.is_none_or(|j| b.sitzung_am.year() == j))
        .filter(|b| {
            zustaendig
                .as_deref()
                .is_none_or(|z| b.zustaendig.to_lowercase().contains(z))
        })
        .filter(|b| !filter.nur_oeffentlich || b.teil == Teil::Oeffentlich)
        .collect())
}

pub fn beschluss(store: &Store, top: i64, jetzt: NaiveDateTime) -> Result<Beschluss, ApiFehler> {
    Ok(store.beschluss(TopId(top), jetzt.date())?)
}

/// Status, Wiedervorlage and unit as typed; a refused value names its field and changes nothing.
pub fn beschluss_setzen(
    store: &mut Store,
    top: i64,
    aenderung: &BeschlussAenderung,
    jetzt: NaiveDateTime,
) -> Result<Beschluss, ApiFehler> {
    let werte = aenderung.pruefen()?;
    Ok(store.beschluss_setzen(TopId(top), &werte, jetzt)?)
}

pub fn beschluss_notiz(
    store: &mut Store,
    top: i64,
    text: &str,
    jetzt: NaiveDateTime,
) -> Result<Beschluss, ApiFehler> {
    Ok(store.beschluss_notiz(TopId(top), text, jetzt)?)
}

/// The day and result of step `pos` of the decision's Beratungsfolge (a later Gremium: HFA,
/// Rat), as the office learnt it; a refused value names its field and changes nothing.
pub fn beschluss_folgeschritt(
    store: &mut Store,
    top: i64,
    pos: i64,
    aenderung: &FolgeschrittAenderung,
    jetzt: NaiveDateTime,
) -> Result<Beschluss, ApiFehler> {
    let (tag, ergebnis) = aenderung.pruefen()?;
    Ok(store.folgeschritt_setzen(TopId(top), pos, tag, &ergebnis, jetzt)?)
}

/// How many decisions are overdue today (the navigation's badge).
pub fn beschluesse_ueberfaellig(store: &Store, jetzt: NaiveDateTime) -> Result<usize, ApiFehler> {
    Ok(store
        .beschluesse(jetzt.date())?
        .iter()
        .filter(|b| b.anzeige == "ueberfaellig")
        .count())
}
