//! Live between workstations: while the office is on a server, a listener thread of the
//! core (`ratsbuero::store::live`) hears the other workstations' changes and this file
//! passes each to the window as the event `db-geaendert` (also after a reconnect: the UI
//! reads everything it shows again either way), and another workstation's open editor as the
//! event `bearbeitung` (`{kennung, vorlage, wer}`). The UI then refreshes its lists,
//! checks the open Vorlage and shows „wird gerade bearbeitet von …“.

use ratsbuero::store::live::{lauschen, Aenderung, Lauscher};
use ratsbuero::store::Ablage;
use std::sync::Mutex;
use tauri::{AppHandle, Emitter};

/// The listener of the open server (none for a file); replaced when the database changes.
static AKTIV: Mutex<Option<Lauscher>> = Mutex::new(None);

/// Listens on `ablage` if it is a server; ends the listener of the database before.
pub fn starten(app: &AppHandle, ablage: &Ablage, kennwort: Option<String>) {
    let neu = match ablage {
        Ablage::Server(url) => {
            let app = app.clone();
            Some(lauschen(url.clone(), kennwort, move |a| {
                let _ = match a {
                    Aenderung::Bearbeitung {
                        kennung,
                        vorlage,
                        wer,
                    } => app.emit(
                        "bearbeitung",
                        serde_json::json!({ "kennung": kennung, "vorlage": vorlage, "wer": wer }),
                    ),
                    Aenderung::Getrennt => Ok(()),
                    Aenderung::Geaendert | Aenderung::NeuVerbunden => app.emit("db-geaendert", ()),
                };
            }))
        }
        Ablage::Datei(_) => None,
    };
    *AKTIV.lock().unwrap_or_else(|e| e.into_inner()) = neu;
}

/// The name this workstation gives when it has a Vorlage open: the user's login name, else
/// the database role of the server URL.
pub fn wer(ablage: &Ablage) -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|n| !n.is_empty()))
        .or_else(|| ablage.benutzer())
        .unwrap_or_else(|| "unbekannt".into())
}
