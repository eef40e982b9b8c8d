//! The commands of the Beschlusskontrolle (the Beschlüsse area and its badge). Each a
//! one-line wrapper over `ratsbuero::api`.

use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api;
use serde_json::Value;
use tauri::State;

#[tauri::command]
pub async fn beschluesse_liste(app: State<'_, App>, filter: Value) -> Antwort<Value> {
    let filter: api::BeschlussFilter = api::argument("filter", filter)?;
    app.mit(|s| api::beschluesse(s, &filter, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn beschluss_lesen(app: State<'_, App>, top: i64) -> Antwort<Value> {
    app.mit(|s| api::beschluss(s, top, jetzt()))
        .map(zustand::json)
}

/// Status, Wiedervorlage and unit as typed.
#[tauri::command]
pub async fn beschluss_setzen(app: State<'_, App>, top: i64, aenderung: Value) -> Antwort<Value> {
    let a: ratsbuero::domain::beschluss::BeschlussAenderung =
        api::argument("aenderung", aenderung)?;
    app.mit_mut(|s| api::beschluss_setzen(s, top, &a, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn beschluss_notiz(app: State<'_, App>, top: i64, text: String) -> Antwort<Value> {
    app.mit_mut(|s| api::beschluss_notiz(s, top, &text, jetzt()))
        .map(zustand::json)
}

/// The day and result of a later step of the Beratungsfolge, as typed.
#[tauri::command]
pub async fn beschluss_folgeschritt(
    app: State<'_, App>,
    top: i64,
    pos: i64,
    aenderung: Value,
) -> Antwort<Value> {
    let a: ratsbuero::domain::beschluss::FolgeschrittAenderung =
        api::argument("aenderung", aenderung)?;
    app.mit_mut(|s| api::beschluss_folgeschritt(s, top, pos, &a, jetzt()))
        .map(zustand::json)
}

/// The year's report as a Mitteilungsvorlage draft; returns the draft's id.
#[tauri::command]
pub async fn bericht_entwurf(app: State<'_, App>, jahr: i32, oeffentlich: bool) -> Antwort<i64> {
    app.mit_mut(|s| api::bericht_entwurf(s, jahr, oeffentlich, jetzt()))
        .map(|g| g.id.0)
}

/// "Sachstand der Beschlüsse" as a Mitteilungsvorlage draft; returns the draft's id.
#[tauri::command]
pub async fn sachstand_entwurf(app: State<'_, App>) -> Antwort<i64> {
    app.mit_mut(|s| api::sachstand_entwurf(s, jetzt()))
        .map(|g| g.id.0)
}

/// The count for the Beschlüsse badge in the navigation.
#[tauri::command]
pub async fn beschluesse_ueberfaellig(app: State<'_, App>) -> Antwort<usize> {
    app.mit(|s| api::beschluesse_ueberfaellig(s, jetzt()))
}
