//! Vorlagen-Muster: "Als Muster speichern" keeps a Vorlage's content under a name, "Neu aus
//! Muster" starts a draft from it (store::muster).

use super::vorlagen::vorlage_mit_inhalt;
use super::ApiFehler;
use crate::domain::VorlageId;
use crate::store::{Gespeichert, MusterInfo, Store};
use chrono::NaiveDateTime;

/// Keeps the content of Vorlage `vorlage` (draft or released) as Muster `name`.
pub fn muster_anlegen(
    store: &mut Store,
    vorlage: i64,
    name: &str,
    jetzt: NaiveDateTime,
) -> Result<MusterInfo, ApiFehler> {
    let inhalt = store.vorlage(VorlageId(vorlage))?.inhalt;
    Ok(store.muster_anlegen(name, &inhalt, jetzt)?)
}

pub fn muster_liste(store: &Store) -> Result<Vec<MusterInfo>, ApiFehler> {
    Ok(store.muster_liste()?)
}

/// A new draft with the content of Muster `muster`.
pub fn vorlage_aus_muster(
    store: &mut Store,
    muster: i64,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    let inhalt = store.muster_inhalt(muster)?;
    vorlage_mit_inhalt(store, inhalt, jetzt)
}

pub fn muster_loeschen(
    store: &mut Store,
    muster: i64,
    jetzt: NaiveDateTime,
) -> Result<(), ApiFehler> {
    Ok(store.muster_loeschen(muster, jetzt)?)
}

pub fn muster_wiederherstellen(store: &mut Store, muster: i64) -> Result<(), ApiFehler> {
    Ok(store.muster_wiederherstellen(muster)?)
}
