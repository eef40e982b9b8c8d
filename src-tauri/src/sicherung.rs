//! The commands of the backups: the overview of the backup folder, *Jetzt sichern*, the
//! automatic backup, and restoring one (from the folder or a file chosen).

use crate::zustand::App;
use crate::{jetzt, Antwort};
use ratsbuero::api;
use ratsbuero::store::Wiederhergestellt;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
pub async fn sicherung_uebersicht(app: State<'_, App>) -> Antwort<api::SicherungsUebersicht> {
    api::sicherung_uebersicht(&app.sicherung_ordner(), jetzt())
}

#[tauri::command]
pub async fn sicherung_ordner_setzen(
    app: State<'_, App>,
    pfad: String,
) -> Antwort<api::SicherungsUebersicht> {
    app.sicherung_ordner_setzen(&pfad)?;
    api::sicherung_uebersicht(&app.sicherung_ordner(), jetzt())
}

/// "Jetzt sichern".
#[tauri::command]
pub async fn sicherung_jetzt(app: State<'_, App>) -> Antwort<api::SicherungErstellt> {
    let ordner = app.sicherung_ordner();
    app.mit(|s| api::sicherung_erstellen(s, &ordner, Default::default(), jetzt()))
}

/// The automatic backup: the UI asks at start and every hour; Rust backs up when one is due.
#[tauri::command]
pub async fn sicherung_automatisch(app: State<'_, App>) -> Antwort<Option<api::SicherungErstellt>> {
    let ordner = app.sicherung_ordner();
    app.mit(|s| api::sicherung_automatisch(s, &ordner, jetzt()))
}

/// Restores one of the backups listed in the backup folder.
#[tauri::command]
pub async fn sicherung_wiederherstellen(
    app: State<'_, App>,
    datei: String,
) -> Antwort<Wiederhergestellt> {
    let datei = api::sicherung_aus_ordner(&app.sicherung_ordner(), std::path::Path::new(&datei))?;
    app.wiederherstellen(&datei, jetzt())
}

/// Restores a backup file chosen in the system's open dialog; `None` when cancelled.
#[tauri::command]
pub async fn sicherung_datei_wiederherstellen(
    app: State<'_, App>,
    handle: AppHandle,
) -> Antwort<Option<Wiederhergestellt>> {
    match handle
        .dialog()
        .file()
        .set_title("Sicherung wählen")
        .add_filter("Ratsbüro-Sicherung", &["sqlite"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    {
        Some(datei) => app.wiederherstellen(&datei, jetzt()).map(Some),
        None => Ok(None),
    }
}
