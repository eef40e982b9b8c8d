//! The commands of *Einladung per E-Mail*: the office's mail settings, a Gremium's press
//! list, the outbox preview, the sending with progress and *Abbrechen* (off the UI's
//! thread), the dry run into a folder, and the sent log. One-line wrappers over
//! `ratsbuero::api`; the password is an argument of the one sending and kept nowhere.

use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api::{self, ApiFehler, Ziel};
use ratsbuero::domain::versand::SmtpEinstellungen;
use serde_json::Value;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

#[tauri::command]
pub async fn smtp_lesen(app: State<'_, App>) -> Antwort<Value> {
    app.mit(api::smtp_lesen).map(zustand::json)
}

#[tauri::command]
pub async fn smtp_speichern(app: State<'_, App>, einstellungen: Value) -> Antwort<Value> {
    let e: SmtpEinstellungen = api::argument("einstellungen", einstellungen)?;
    app.mit_mut(|s| api::smtp_speichern(s, &e))
        .map(zustand::json)
}

#[tauri::command]
pub async fn presse_liste(app: State<'_, App>, gremium: i64) -> Antwort<Value> {
    app.mit(|s| api::presse_liste(s, gremium))
        .map(zustand::json)
}

#[tauri::command]
pub async fn presse_hinzufuegen(
    app: State<'_, App>,
    gremium: i64,
    email: String,
) -> Antwort<Value> {
    app.mit_mut(|s| api::presse_hinzufuegen(s, gremium, &email, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn presse_entfernen(app: State<'_, App>, id: i64) -> Antwort<()> {
    app.mit_mut(|s| api::presse_entfernen(s, id, jetzt()))
}

#[tauri::command]
pub async fn presse_zurueckholen(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::presse_zurueckholen(s, id))
        .map(zustand::json)
}

/// The outbox of a Sitzung under the office's saved settings.
#[tauri::command]
pub async fn versand_vorschau(app: State<'_, App>, sitzung: i64) -> Antwort<Value> {
    app.mit(|s| {
        let e = api::smtp_lesen(s)?;
        api::versand_vorschau(s, sitzung, &e, jetzt())
    })
    .map(zustand::json)
}

#[tauri::command]
pub async fn versand_protokoll(app: State<'_, App>, sitzung: i64) -> Antwort<Value> {
    app.mit(|s| api::versand_protokoll(s, sitzung))
        .map(zustand::json)
}

/// Sends the Einladung through the office's server (`kennwort` as typed in the dialog),
/// or with `ablegen` writes the messages as `.eml` files into a chosen folder (for the
/// end-to-end tests `RATSBUERO_SPEICHERN_NACH`). Each message goes to `fortschritt`;
/// `versand_abbrechen` stops the run before the next one. `None` when the folder dialog
/// was cancelled.
#[tauri::command]
pub async fn versand_senden(
    handle: AppHandle,
    sitzung: i64,
    kennwort: String,
    nur_fehlgeschlagene: bool,
    ablegen: bool,
    fortschritt: Channel<api::VersandFortschritt>,
) -> Antwort<Option<Value>> {
    let ordner = if ablegen {
        match crate::sitzungen::ordner_waehlen(&handle, "Ordner für die Nachrichten (.eml)") {
            Some(o) => Some(o),
            None => return Ok(None),
        }
    } else {
        None
    };
    let arbeit = tauri::async_runtime::spawn_blocking(move || {
        let app = handle.state::<App>();
        app.abbruch_zuruecksetzen();
        app.mit_mut(|s| {
            let e = api::smtp_lesen(s)?;
            let kennwort = Some(kennwort.as_str()).filter(|k| !k.is_empty());
            let ziel = match &ordner {
                Some(o) => Ziel::Ordner(o),
                None => Ziel::Smtp(&e, kennwort),
            };
            api::versand_ausfuehren(
                s,
                sitzung,
                ziel,
                &e.absender,
                nur_fehlgeschlagene,
                e.grenze_mb,
                jetzt(),
                &mut |f| {
                    let _ = fortschritt.send(f);
                    !app.abgebrochen()
                },
            )
        })
        .map(|b| Some(zustand::json(b)))
    });
    arbeit
        .await
        .map_err(|e| ApiFehler::neu("intern", format!("Der Versand ist abgestürzt: {e}")))?
}

#[tauri::command]
pub async fn versand_abbrechen(app: State<'_, App>) -> Antwort<()> {
    app.abbrechen();
    Ok(())
}
