//! Commands of the Vorlagen-Muster: keep a Vorlage as a Muster, list them, start a draft
//! from one, delete one with a way back.

use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api;
use serde_json::Value;
use tauri::State;

#[tauri::command]
pub async fn muster_liste(app: State<'_, App>) -> Antwort<Value> {
    app.mit(api::muster_liste).map(zustand::json)
}

#[tauri::command]
pub async fn muster_anlegen(app: State<'_, App>, vorlage: i64, name: String) -> Antwort<Value> {
    app.mit_mut(|s| api::muster_anlegen(s, vorlage, &name, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn vorlage_aus_muster(app: State<'_, App>, muster: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_aus_muster(s, muster, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn muster_loeschen(app: State<'_, App>, muster: i64) -> Antwort<()> {
    app.mit_mut(|s| api::muster_loeschen(s, muster, jetzt()))
}

#[tauri::command]
pub async fn muster_wiederherstellen(app: State<'_, App>, muster: i64) -> Antwort<()> {
    app.mit_mut(|s| api::muster_wiederherstellen(s, muster))
}
