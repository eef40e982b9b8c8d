//! Commands of deleting with a way back (Papierkorb), taking a cancelled Sitzung up again,
//! "Als Kopie anlegen", and forgetting the PDF on screen before a new one is made.

use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api;
use ratsbuero::store::PapierkorbArt;
use serde_json::Value;
use tauri::State;

#[tauri::command]
pub async fn vorlage_loeschen(app: State<'_, App>, id: i64, basis: i64) -> Antwort<()> {
    app.mit_mut(|s| api::vorlage_loeschen(s, id, basis, jetzt()))
}

#[tauri::command]
pub async fn vorlage_kopieren(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_kopieren(s, id, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn sitzung_loeschen(app: State<'_, App>, id: i64, basis: i64) -> Antwort<()> {
    app.mit_mut(|s| api::sitzung_loeschen(s, id, basis, jetzt()))
}

#[tauri::command]
pub async fn sitzung_wieder_aufnehmen(app: State<'_, App>, id: i64, basis: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::sitzung_wieder_aufnehmen(s, id, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn wahl_loeschen(app: State<'_, App>, id: i64, basis: i64) -> Antwort<()> {
    app.mit_mut(|s| api::wahl_loeschen(s, id, basis, jetzt()))
}

#[tauri::command]
pub async fn papierkorb_liste(app: State<'_, App>) -> Antwort<Value> {
    app.mit(api::papierkorb_liste).map(zustand::json)
}

#[tauri::command]
pub async fn papierkorb_wiederherstellen(app: State<'_, App>, art: Value, id: i64) -> Antwort<()> {
    let art: PapierkorbArt = api::argument("art", art)?;
    app.mit_mut(|s| api::papierkorb_wiederherstellen(s, art, id, jetzt()))
}

/// A new PDF is about to be made: the one shown before is forgotten, so that a failed
/// rendering leaves nothing that "Speichern unter…" could write in its place.
#[tauri::command]
pub async fn vorschau_verwerfen(app: State<'_, App>) -> Antwort<()> {
    app.vorschau_verwerfen();
    Ok(())
}
