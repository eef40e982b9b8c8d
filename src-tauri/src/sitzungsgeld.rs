//! The commands of the Sitzungsgeld: the rates (Einstellungen), what is entered per member
//! and Sitzung (the Sitzung screen), and the Auszahlungsliste (preview as PDF, CSV saved
//! for the cash office). Each a one-line wrapper over `ratsbuero::api`.

use crate::vorlagen::speichern_unter;
use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api;
use serde_json::Value;
use tauri::ipc::Response;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn saetze_liste(app: State<'_, App>) -> Antwort<Value> {
    app.mit(api::saetze).map(zustand::json)
}

/// A new rate as typed: "25,50", "01.01.2027".
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn satz_neu(
    app: State<'_, App>,
    art: String,
    betrag: String,
    ab: String,
    bis: String,
    gremium: Option<i64>,
    herkunft: Option<String>,
) -> Antwort<Value> {
    let neu = api::satz_lesen(&art, &betrag, &ab, Some(&bis), gremium, herkunft.as_deref())?;
    app.mit_mut(|s| api::satz_anlegen(s, &neu, jetzt()))
        .map(zustand::json)
}

/// Hours, km, proven wage, waiver of a member for a Sitzung; the Sitzung as it is then.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn entschaedigung_setzen(
    app: State<'_, App>,
    sitzung: i64,
    basis: i64,
    person: i64,
    stunden: String,
    km: String,
    stundensatz: String,
    verzicht: bool,
) -> Antwort<Value> {
    let km = api::km_lesen(&km)?;
    app.mit_mut(|s| {
        api::entschaedigung_setzen(
            s,
            sitzung,
            person,
            &stunden,
            km,
            &stundensatz,
            verzicht,
            Some(basis),
            jetzt(),
        )
    })
    .map(zustand::json)
}

/// What each member of the Sitzung is entitled to.
#[tauri::command]
pub async fn sitzung_entschaedigung(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit(|s| api::sitzung_entschaedigung(s, id))
        .map(zustand::json)
}

/// The Auszahlungsliste of a period for the preview.
#[tauri::command]
pub async fn auszahlungsliste_vorschau(
    app: State<'_, App>,
    von: String,
    bis: String,
) -> Antwort<Response> {
    let pdf = app.mit(|s| {
        let liste = api::auszahlungsliste(s, &von, &bis)?;
        api::auszahlung_pdf(s, &liste, jetzt())
    })?;
    let name = format!(
        "Auszahlungsliste_Sitzungsgeld_{}_{}.pdf",
        von.trim(),
        bis.trim()
    )
    .replace('.', "-")
    .replacen("-pdf", ".pdf", 1);
    Ok(Response::new(app.vorschau_merken(name, pdf)))
}

/// The Auszahlungsliste as CSV for the cash office, where the clerk chooses; the path.
#[tauri::command]
pub async fn auszahlungsliste_csv_speichern(
    app: State<'_, App>,
    handle: AppHandle,
    von: String,
    bis: String,
) -> Antwort<Option<String>> {
    let csv = app.mit(|s| Ok(api::auszahlung_csv(&api::auszahlungsliste(s, &von, &bis)?)))?;
    let name = format!("Auszahlungsliste_{}_{}.csv", von.trim(), bis.trim());
    let Some(ziel) = speichern_unter(
        &handle,
        &name,
        "Auszahlungsliste für die Stadtkasse",
        ("CSV-Datei", "csv"),
    ) else {
        return Ok(None);
    };
    api::datei_schreiben(&ziel, csv.as_bytes())?;
    Ok(Some(ziel.display().to_string()))
}
