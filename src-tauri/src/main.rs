//! Ratsbüro desktop app: a thin Tauri 2 shell over the core crate.
//!
//! Each command is a one-line wrapper over a function of `ratsbuero::api`; the shell owns
//! no rule of the domain. Errors reach the UI as `{code, message, befunde}`. The shell
//! owns only what is the app's: which database file is open (env `RATSBUERO_DB`, else the
//! choice in the settings, else the platform's app-data folder) and the clock.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod zustand;

use chrono::{Local, NaiveDateTime};
use ratsbuero::api::{self, AnlageUpload, ApiFehler};
use ratsbuero::domain::{Buero, Status, VorlageArt, VorlageInhalt};
use ratsbuero::store::VorlagenFilter;
use serde_json::Value;
use tauri::State;
use zustand::{App, DbInfo};

type Antwort<T> = Result<T, ApiFehler>;

fn jetzt() -> NaiveDateTime {
    Local::now().naive_local()
}

#[tauri::command]
async fn buero_lesen(app: State<'_, App>) -> Antwort<Buero> {
    app.mit(api::buero_lesen)
}

#[tauri::command]
async fn buero_speichern(app: State<'_, App>, buero: Buero) -> Antwort<Buero> {
    app.mit_mut(|s| api::buero_speichern(s, &buero))
}

#[tauri::command]
async fn db_info(app: State<'_, App>) -> Antwort<DbInfo> {
    Ok(app.info())
}

#[tauri::command]
async fn db_pfad_setzen(app: State<'_, App>, pfad: String) -> Antwort<DbInfo> {
    app.db_wechseln(&pfad, jetzt())
}

#[tauri::command]
async fn vorlage_liste(app: State<'_, App>, filter: VorlagenFilter) -> Antwort<Value> {
    app.mit(|s| api::vorlage_liste(s, &filter))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_lesen(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit(|s| api::vorlage_lesen(s, id)).map(zustand::json)
}

#[tauri::command]
async fn vorlage_neu(app: State<'_, App>, art: VorlageArt) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_neu(s, art, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_pruefen(
    app: State<'_, App>,
    id: Option<i64>,
    inhalt: VorlageInhalt,
) -> Antwort<Value> {
    app.mit(|s| api::vorlage_pruefen(s, id, &inhalt))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_speichern(
    app: State<'_, App>,
    id: i64,
    basis: i64,
    inhalt: VorlageInhalt,
) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_speichern(s, id, basis, &inhalt, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_freigeben(app: State<'_, App>, id: i64, basis: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_freigeben(s, id, basis, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_neue_fassung(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_neue_fassung(s, id, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
async fn anlage_hinzufuegen(
    app: State<'_, App>,
    vorlage: i64,
    basis: i64,
    upload: AnlageUpload,
) -> Antwort<Value> {
    app.mit_mut(|s| api::anlage_hinzufuegen(s, vorlage, basis, upload, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
async fn anlage_aendern(
    app: State<'_, App>,
    vorlage: i64,
    basis: i64,
    anlage: i64,
    status: Status,
    alternativenpruefung: bool,
) -> Antwort<Value> {
    app.mit_mut(|s| {
        api::anlage_aendern(
            s,
            vorlage,
            basis,
            anlage,
            status,
            alternativenpruefung,
            jetzt(),
        )
    })
    .map(zustand::json)
}

#[tauri::command]
async fn anlage_entfernen(
    app: State<'_, App>,
    vorlage: i64,
    basis: i64,
    anlage: i64,
) -> Antwort<Value> {
    app.mit_mut(|s| api::anlage_entfernen(s, vorlage, basis, anlage, jetzt()))
        .map(zustand::json)
}

/// Called by the UI once the first list is on screen; with `RATSBUERO_KALTSTART=1` the app
/// prints the milliseconds since process start and quits (the cold-start measurement).
#[tauri::command]
fn kaltstart_fertig(app: tauri::AppHandle) {
    zustand::kaltstart_fertig(&app);
}

fn main() {
    zustand::start_merken();
    tauri::Builder::default()
        .setup(|app| {
            use tauri::Manager;
            let konfig = app
                .path()
                .app_config_dir()
                .map(|d| d.join("einstellungen.json"))
                .ok();
            app.manage(App::starten(konfig, jetzt()));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            buero_lesen,
            buero_speichern,
            db_info,
            db_pfad_setzen,
            vorlage_liste,
            vorlage_lesen,
            vorlage_neu,
            vorlage_pruefen,
            vorlage_speichern,
            vorlage_freigeben,
            vorlage_neue_fassung,
            anlage_hinzufuegen,
            anlage_aendern,
            anlage_entfernen,
            kaltstart_fertig,
        ])
        .run(tauri::generate_context!())
        .expect("Ratsbüro konnte nicht starten");
}
