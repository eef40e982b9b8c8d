//! Gremien, people, Sitzungen and their Tagesordnung as the app and the CLI use them.

use super::ApiFehler;
use crate::domain::sitzung::{Teil, TopErgebnis};
use crate::domain::{GremiumId, SitzungId, TopId, VorlageId};
use crate::store::{
    Gremium, GremiumNeu, MitgliedschaftNeu, Person, PersonNeu, SitzungAkte, Store, TopNeu,
};
use chrono::{NaiveDate, NaiveDateTime};

pub fn gremium_anlegen(
    store: &mut Store,
    neu: &GremiumNeu,
    jetzt: NaiveDateTime,
) -> Result<Gremium, ApiFehler> {
    Ok(store.gremium_anlegen(neu, jetzt)?)
}

pub fn gremien(store: &Store) -> Result<Vec<Gremium>, ApiFehler> {
    Ok(store.gremien()?)
}

/// Checks that Gremium `gremium` exists (before anything is written for it).
pub fn gremium_lesen(store: &Store, gremium: i64) -> Result<Gremium, ApiFehler> {
    Ok(store.gremium(GremiumId(gremium))?)
}

pub fn person_anlegen(
    store: &mut Store,
    neu: &PersonNeu,
    jetzt: NaiveDateTime,
) -> Result<Person, ApiFehler> {
    Ok(store.person_anlegen(neu, jetzt)?)
}

pub fn mitgliedschaft_anlegen(store: &mut Store, neu: &MitgliedschaftNeu) -> Result<(), ApiFehler> {
    Ok(store.mitgliedschaft_anlegen(neu)?)
}

/// Reads "2026-12-03T17:00" (also with seconds, or "03.12.2026 17:00").
pub fn beginn_lesen(text: &str) -> Result<NaiveDateTime, ApiFehler> {
    let t = text.trim();
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .ok_or_else(|| {
            ApiFehler::feld(
                "beginn",
                format!("Beginn „{t}“ ist kein gültiger Zeitpunkt (JJJJ-MM-TTTHH:MM, z. B. 2026-12-03T17:00)."),
            )
        })
}

pub fn sitzung_anlegen(
    store: &mut Store,
    gremium: i64,
    beginn: &str,
    ort: &str,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let beginn = beginn_lesen(beginn)?;
    Ok(store.sitzung_anlegen(GremiumId(gremium), beginn, ort, jetzt)?)
}

pub fn sitzung_lesen(store: &Store, id: i64) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.sitzung(SitzungId(id))?)
}

pub fn sitzungen(store: &Store, gremium: i64) -> Result<Vec<SitzungAkte>, ApiFehler> {
    Ok(store.sitzungen(GremiumId(gremium))?)
}

pub fn top_hinzufuegen(
    store: &mut Store,
    sitzung: i64,
    teil: Teil,
    titel: &str,
    vorlage: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let neu = TopNeu {
        teil,
        titel: titel.to_string(),
        vorlage: vorlage.map(VorlageId),
    };
    Ok(store.top_hinzufuegen(SitzungId(sitzung), &neu, jetzt)?)
}

pub fn top_verschieben(
    store: &mut Store,
    top: i64,
    nach: usize,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.top_verschieben(TopId(top), nach, jetzt)?)
}

pub fn top_ergebnis(
    store: &mut Store,
    top: i64,
    ergebnis: TopErgebnis,
    text: &str,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.top_ergebnis(TopId(top), ergebnis, text, jetzt)?)
}

pub fn sitzung_einladen(
    store: &mut Store,
    sitzung: i64,
    am: NaiveDate,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.sitzung_einladen(SitzungId(sitzung), am, jetzt)?)
}

/// The `.ics` calendar of a Gremium's Sitzungen (öffentliche TOPs only).
pub fn sitzungen_ics(
    store: &Store,
    gremium: i64,
    jetzt: NaiveDateTime,
) -> Result<String, ApiFehler> {
    let g = store.gremium(GremiumId(gremium))?;
    let s = store.sitzungen(GremiumId(gremium))?;
    let kommune = store.buero()?.kommune;
    Ok(crate::export::ics::kalender(&g, &s, &kommune, jetzt))
}
