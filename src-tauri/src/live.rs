//! Live between workstations: while the office is on a server, a listener thread of the
//! core (`ratsbuero::store::live`) hears the other workstations' changes and this file
//! passes each to the window as the event `db-geaendert` (`{voll}`: after a reconnect,
//! when everything must be read again). The UI then refreshes its lists and checks the
//! open Vorlage.

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
                let voll = a == Aenderung::NeuVerbunden;
                if a != Aenderung::Getrennt {
                    let _ = app.emit("db-geaendert", serde_json::json!({ "voll": voll }));
                }
            }))
        }
        Ablage::Datei(_) => None,
    };
    *AKTIV.lock().unwrap_or_else(|e| e.into_inner()) = neu;
}
