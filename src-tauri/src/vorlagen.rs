//! The commands of the Vorlagen area: the list, the editor's load, check, save, release
//! and new Fassung, the Anlagen, and the PDF for the preview and *Speichern unter*.

use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api::{self, AnlageUpload};
use ratsbuero::domain::{Status, VorlageArt, VorlageInhalt};
use ratsbuero::store::VorlagenFilter;
use serde_json::Value;
use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
pub async fn vorlage_liste(app: State<'_, App>, filter: Value) -> Antwort<Value> {
    let filter: VorlagenFilter = api::argument("filter", filter)?;
    app.mit(|s| api::vorlage_liste(s, &filter))
        .map(zustand::json)
}

#[tauri::command]
pub async fn vorlage_lesen(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit(|s| api::vorlage_lesen(s, id)).map(zustand::json)
}

#[tauri::command]
pub async fn vorlage_neu(app: State<'_, App>, art: Value) -> Antwort<Value> {
    let art: VorlageArt = api::argument("art", art)?;
    app.mit_mut(|s| api::vorlage_neu(s, art, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn vorlage_pruefen(
    app: State<'_, App>,
    id: Option<i64>,
    inhalt: Value,
) -> Antwort<Value> {
    let inhalt: VorlageInhalt = api::argument("inhalt", inhalt)?;
    app.mit(|s| api::vorlage_pruefen(s, id, &inhalt))
        .map(zustand::json)
}

#[tauri::command]
pub async fn vorlage_speichern(
    app: State<'_, App>,
    id: i64,
    basis: i64,
    inhalt: Value,
) -> Antwort<Value> {
    let inhalt: VorlageInhalt = api::argument("inhalt", inhalt)?;
    app.mit_mut(|s| api::vorlage_speichern(s, id, basis, &inhalt, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn vorlage_freigeben(app: State<'_, App>, id: i64, basis: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_freigeben(s, id, basis, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn vorlage_neue_fassung(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_neue_fassung(s, id, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn anlage_hinzufuegen(
    app: State<'_, App>,
    vorlage: i64,
    basis: i64,
    upload: Value,
) -> Antwort<Value> {
    let upload: AnlageUpload = api::argument("upload", upload)?;
    app.mit_mut(|s| api::anlage_hinzufuegen(s, vorlage, basis, upload, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn anlage_aendern(
    app: State<'_, App>,
    vorlage: i64,
    basis: i64,
    anlage: i64,
    status: Value,
    alternativenpruefung: bool,
) -> Antwort<Value> {
    let status: Status = api::argument("status", status)?;
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
pub async fn anlage_entfernen(
    app: State<'_, App>,
    vorlage: i64,
    basis: i64,
    anlage: i64,
) -> Antwort<Value> {
    app.mit_mut(|s| api::anlage_entfernen(s, vorlage, basis, anlage, jetzt()))
        .map(zustand::json)
}

/// The Vorlage as PDF for the preview (raw bytes, an `ArrayBuffer` in the UI).
#[tauri::command]
pub async fn vorlage_pdf(app: State<'_, App>, id: i64) -> Antwort<Response> {
    let (name, pdf) = app.mit(|s| {
        Ok((
            api::vorlage_pdf_dateiname(s, id)?,
            api::vorlage_pdf(s, id, jetzt())?,
        ))
    })?;
    Ok(Response::new(app.vorschau_merken(name, pdf)))
}

/// The Vorlage as PDF, signed with this workstation's certificate and the password typed.
#[tauri::command]
pub async fn vorlage_pdf_signieren(
    app: State<'_, App>,
    id: i64,
    kennwort: String,
) -> Antwort<Response> {
    let p12 = app.zertifikat()?;
    let (name, pdf) = app.mit(|s| {
        Ok((
            api::vorlage_pdf_signiert_dateiname(s, id)?,
            api::vorlage_pdf_signiert(s, id, &p12, &kennwort, jetzt())?,
        ))
    })?;
    Ok(Response::new(app.vorschau_merken(name, pdf)))
}

/// "Speichern unter…": the system's save dialog, then the PDF on screen, written whole or
/// not at all. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn pdf_speichern(app: State<'_, App>, handle: AppHandle) -> Antwort<Option<String>> {
    let name = app.mit_vorschau(|v| Ok(v.dateiname.clone()))?;
    let Some(ziel) = speichern_unter(
        &handle,
        &name,
        "PDF speichern unter",
        ("PDF-Dokument", "pdf"),
    ) else {
        return Ok(None);
    };
    app.mit_vorschau(|v| api::datei_schreiben(&ziel, &v.bytes))?;
    Ok(Some(ziel.display().to_string()))
}

/// *Weitere → Als Word exportieren…*: the Vorlage as `.docx` through the system's save
/// dialog (or, for the end-to-end tests, into `RATSBUERO_SPEICHERN_NACH`), written whole or
/// not at all. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn vorlage_docx_speichern(
    app: State<'_, App>,
    handle: AppHandle,
    id: i64,
) -> Antwort<Option<String>> {
    let (name, docx) = app.mit(|s| {
        Ok((
            api::vorlage_docx_dateiname(s, id)?,
            api::vorlage_docx(s, id, jetzt())?,
        ))
    })?;
    let Some(ziel) = speichern_unter(
        &handle,
        &name,
        "Als Word-Datei speichern",
        ("Word-Dokument", "docx"),
    ) else {
        return Ok(None);
    };
    api::datei_schreiben(&ziel, &docx)?;
    Ok(Some(ziel.display().to_string()))
}

/// Where a file named `name` is saved: the system's save dialog (`titel`, one file type),
/// or for the end-to-end tests the folder `RATSBUERO_SPEICHERN_NACH`. `None` when the
/// dialog was cancelled.
pub(crate) fn speichern_unter(
    handle: &AppHandle,
    name: &str,
    titel: &str,
    (art, endung): (&str, &str),
) -> Option<std::path::PathBuf> {
    match std::env::var_os("RATSBUERO_SPEICHERN_NACH") {
        Some(ordner) => Some(std::path::PathBuf::from(ordner).join(name)),
        None => handle
            .dialog()
            .file()
            .set_title(titel)
            .set_file_name(name)
            .add_filter(art, &[endung])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// The editor has Vorlage `vorlage` open (`None`: none): told to the other workstations.
#[tauri::command]
pub async fn bearbeitung(app: State<'_, App>, vorlage: Option<i64>) -> Antwort<()> {
    let wer = crate::live::wer(&app.ablage());
    app.mit(|s| Ok(s.bearbeitung_melden(vorlage, &wer)?))
}
