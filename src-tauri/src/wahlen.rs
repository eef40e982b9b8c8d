//! The commands of the Wahlen area: Wahlen of a Sitzung, Wahlvorschläge and candidates,
//! the count of each ballot, the lot (entered, or drawn by the app with a recorded seed),
//! Stimmzettel and Wahlniederschrift for the preview, the resolution text into a Vorlage.
//! One-line wrappers over `ratsbuero::api`; every change names the version it saw.

use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api;
use ratsbuero::domain::wahl::Zaehlung;
use ratsbuero::domain::WahlNeu;
use serde_json::Value;
use tauri::ipc::Response;
use tauri::State;

#[tauri::command]
pub async fn wahlen_liste(app: State<'_, App>, sitzung: i64) -> Antwort<Value> {
    app.mit(|s| api::wahlen(s, sitzung)).map(zustand::json)
}

#[tauri::command]
pub async fn wahl_lesen(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit(|s| api::wahl_lesen(s, id)).map(zustand::json)
}

#[tauri::command]
pub async fn personen_liste(app: State<'_, App>) -> Antwort<Value> {
    app.mit(api::personen).map(zustand::json)
}

#[tauri::command]
pub async fn wahl_neu(app: State<'_, App>, wahl: Value) -> Antwort<Value> {
    let wahl: WahlNeu = api::argument("wahl", wahl)?;
    app.mit_mut(|s| api::wahl_anlegen(s, &wahl, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn wahl_umbenennen(
    app: State<'_, App>,
    wahl: i64,
    basis: i64,
    titel: String,
) -> Antwort<Value> {
    app.mit_mut(|s| api::wahl_umbenennen(s, wahl, &titel, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn wahlvorschlag_neu(
    app: State<'_, App>,
    wahl: i64,
    basis: i64,
    name: String,
    eingereicht_von: String,
    kandidaten: Vec<i64>,
) -> Antwort<Value> {
    app.mit_mut(|s| {
        api::wahlvorschlag_anlegen(
            s,
            wahl,
            &name,
            &eingereicht_von,
            &kandidaten,
            Some(basis),
            jetzt(),
        )
    })
    .map(zustand::json)
}

#[tauri::command]
pub async fn kandidat_neu(
    app: State<'_, App>,
    wahl: i64,
    basis: i64,
    person: i64,
) -> Antwort<Value> {
    app.mit_mut(|s| api::kandidat_anlegen(s, wahl, person, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn wahlgang_erfassen(
    app: State<'_, App>,
    wahl: i64,
    basis: i64,
    zaehlung: Value,
) -> Antwort<Value> {
    let z: Zaehlung = api::argument("zaehlung", zaehlung)?;
    app.mit_mut(|s| api::wahlgang_erfassen(s, wahl, &z, Some(basis), jetzt()))
        .map(zustand::json)
}

/// The lot: `ergebnis` as drawn by the chair, or (`ziehen`) drawn by the app from a seed
/// taken from the clock and recorded.
#[tauri::command]
pub async fn los_erfassen(
    app: State<'_, App>,
    wahl: i64,
    basis: i64,
    gezogen_von: String,
    ergebnis: Option<Vec<String>>,
    ziehen: bool,
) -> Antwort<Value> {
    let seed = ziehen.then(|| chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default() as u64);
    let ergebnis = if ziehen { None } else { ergebnis };
    app.mit_mut(|s| api::los_erfassen(s, wahl, &gezogen_von, ergebnis, seed, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn wahl_stimmzettel(
    app: State<'_, App>,
    wahl: i64,
    kopien: u32,
    je_blatt: u32,
) -> Antwort<Response> {
    let pdf = app.mit(|s| api::wahl_stimmzettel(s, wahl, kopien, je_blatt, jetzt()))?;
    Ok(Response::new(app.vorschau_merken(
        format!("Stimmzettel_Wahl_{wahl}.pdf"),
        pdf,
    )))
}

#[tauri::command]
pub async fn wahl_niederschrift(app: State<'_, App>, wahl: i64) -> Antwort<Response> {
    let pdf = app.mit(|s| api::wahl_niederschrift(s, wahl, jetzt()))?;
    Ok(Response::new(app.vorschau_merken(
        format!("Wahlniederschrift_Wahl_{wahl}.pdf"),
        pdf,
    )))
}

/// Fills the Beschlussvorschlag of a draft, or the Beschlussvermerk of a released Vorlage
/// (through its TOP), from the result; says where.
#[tauri::command]
pub async fn wahl_in_vorlage(app: State<'_, App>, wahl: i64, vorlage: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::wahl_in_vorlage(s, wahl, vorlage, jetzt()))
        .map(zustand::json)
}
