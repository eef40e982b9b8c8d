//! The commands of the settings: the office (Büro), which database (file or server) is
//! open and its password, the signing certificate of this workstation, and the
//! cold-start measurement.

use crate::zustand::{self, App, DbInfo};
use crate::{jetzt, Antwort};
use ratsbuero::api;
use ratsbuero::domain::Buero;
use serde_json::Value;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
pub async fn buero_lesen(app: State<'_, App>) -> Antwort<Buero> {
    app.mit(api::buero_lesen)
}

#[tauri::command]
pub async fn buero_speichern(app: State<'_, App>, buero: Value) -> Antwort<Buero> {
    let buero: Buero = api::argument("buero", buero)?;
    app.mit_mut(|s| api::buero_speichern(s, &buero))
}

#[tauri::command]
pub async fn db_info(app: State<'_, App>) -> Antwort<DbInfo> {
    Ok(app.info())
}

/// Opens another database file or server (`kennwort`: a server password just typed).
#[tauri::command]
pub async fn db_pfad_setzen(
    app: State<'_, App>,
    handle: AppHandle,
    pfad: String,
    kennwort: Option<String>,
) -> Antwort<DbInfo> {
    let info = app.db_wechseln(&pfad, kennwort.as_deref(), jetzt())?;
    crate::live::starten(&handle, &app.ablage(), app.kennwort());
    Ok(info)
}

/// The password of the open server, when none was found (held in memory only).
#[tauri::command]
pub async fn db_kennwort(
    app: State<'_, App>,
    handle: AppHandle,
    kennwort: String,
) -> Antwort<DbInfo> {
    let info = app.kennwort_setzen(&kennwort, jetzt())?;
    crate::live::starten(&handle, &app.ablage(), app.kennwort());
    Ok(info)
}

#[tauri::command]
pub async fn zertifikat_setzen(app: State<'_, App>, pfad: String) -> Antwort<DbInfo> {
    app.zertifikat_setzen(&pfad)
}

/// "Durchsuchen…" for the certificate: the system's open dialog, then as `zertifikat_setzen`.
#[tauri::command]
pub async fn zertifikat_waehlen(app: State<'_, App>, handle: AppHandle) -> Antwort<DbInfo> {
    match handle
        .dialog()
        .file()
        .set_title("Signaturzertifikat wählen")
        .add_filter("PKCS#12-Zertifikat", &["p12", "pfx"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    {
        Some(pfad) => app.zertifikat_setzen(&pfad.display().to_string()),
        None => Ok(app.info()),
    }
}

/// Called by the UI once the first list is on screen; with `RATSBUERO_KALTSTART=1` the app
/// prints the milliseconds since process start and quits (the cold-start measurement).
#[tauri::command]
pub fn kaltstart_fertig(app: tauri::AppHandle) {
    zustand::kaltstart_fertig(&app);
}

/// The domain's vocabularies for the screens' choices (read once at start).
#[tauri::command]
pub fn wertlisten() -> Value {
    api::wertlisten()
}
