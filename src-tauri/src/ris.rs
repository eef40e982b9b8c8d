//! The commands of *Ratsinformationssystem*: the OParl import (off the UI's thread, with
//! progress and *Abbrechen*), the search and a paper's or Sitzung's record, the RIS
//! Sitzungen for a Beratungsfolge, and a file saved through the system's dialog.
//! One-line wrappers over `ratsbuero::api`.

use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api::{self, ApiFehler};
use ratsbuero::ris::import::Fortschritt;
use serde_json::Value;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

#[tauri::command]
pub async fn oparl_import(
    handle: AppHandle,
    url: String,
    fortschritt: Channel<Fortschritt>,
) -> Antwort<Value> {
    let arbeit = tauri::async_runtime::spawn_blocking(move || {
        let app = handle.state::<App>();
        app.abbruch_zuruecksetzen();
        app.mit_mut(|s| {
            api::oparl_import(s, &url, jetzt(), &mut |f| {
                let _ = fortschritt.send(f);
                !app.abgebrochen()
            })
        })
        .map(zustand::json)
    });
    arbeit
        .await
        .map_err(|e| ApiFehler::neu("intern", format!("Der OParl-Import ist abgestürzt: {e}")))?
}

#[tauri::command]
pub async fn oparl_abbrechen(app: State<'_, App>) -> Antwort<()> {
    app.abbrechen();
    Ok(())
}

#[tauri::command]
pub async fn ris_quellen(app: State<'_, App>) -> Antwort<Value> {
    app.mit(api::ris_quellen).map(zustand::json)
}

#[tauri::command]
pub async fn ris_suche(app: State<'_, App>, text: String) -> Antwort<Value> {
    app.mit(|s| api::ris_suche(s, &text)).map(zustand::json)
}

#[tauri::command]
pub async fn ris_sitzungen(app: State<'_, App>) -> Antwort<Value> {
    app.mit(api::ris_sitzungen).map(zustand::json)
}

#[tauri::command]
pub async fn ris_akte(app: State<'_, App>, url: String) -> Antwort<Value> {
    app.mit(|s| api::ris_akte(s, &url)).map(zustand::json)
}

/// A file of the RIS saved where the user says; `None` when the dialog was cancelled.
#[tauri::command]
pub async fn ris_datei_speichern(
    app: State<'_, App>,
    handle: AppHandle,
    url: String,
) -> Antwort<Option<String>> {
    let (name, daten) = app.mit(|s| api::ris_datei(s, &url))?;
    let endung = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_string())
        .unwrap_or_default();
    let Some(ziel) = crate::vorlagen::speichern_unter(
        &handle,
        &name,
        "Datei aus dem Ratsinformationssystem speichern",
        ("Datei", &endung),
    ) else {
        return Ok(None);
    };
    api::datei_schreiben(&ziel, &daten)?;
    Ok(Some(ziel.display().to_string()))
}
