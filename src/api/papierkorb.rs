//! Deleting with a way back: drafts, unheld Sitzungen and unused Wahlen go into the
//! Papierkorb (store::papierkorb), from which they are restored for 30 days.

use super::ApiFehler;
use crate::domain::{SitzungId, VorlageId};
use crate::store::{PapierkorbArt, PapierkorbEintrag, Store};
use chrono::NaiveDateTime;

pub fn vorlage_loeschen(
    store: &mut Store,
    id: i64,
    basis: i64,
    jetzt: NaiveDateTime,
) -> Result<(), ApiFehler> {
    Ok(store.vorlage_loeschen(VorlageId(id), basis, jetzt)?)
}

pub fn sitzung_loeschen(
    store: &mut Store,
    id: i64,
    basis: i64,
    jetzt: NaiveDateTime,
) -> Result<(), ApiFehler> {
    Ok(store.sitzung_loeschen(SitzungId(id), basis, jetzt)?)
}

pub fn wahl_loeschen(
    store: &mut Store,
    id: i64,
    basis: i64,
    jetzt: NaiveDateTime,
) -> Result<(), ApiFehler> {
    Ok(store.wahl_loeschen(id, basis, jetzt)?)
}

pub fn papierkorb_liste(store: &Store) -> Result<Vec<PapierkorbEintrag>, ApiFehler> {
    Ok(store.papierkorb()?)
}

pub fn papierkorb_wiederherstellen(
    store: &mut Store,
    art: PapierkorbArt,
    id: i64,
    jetzt: NaiveDateTime,
) -> Result<(), ApiFehler> {
    Ok(store.wiederherstellen(art, id, jetzt)?)
}
