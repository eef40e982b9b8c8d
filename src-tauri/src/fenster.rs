//! Closing the window without losing input.
//!
//! The window's close button does not close at once: the front end is asked first
//! (`window.ratsbueroSchliessen()`), saves what is pending, asks the user if that fails,
//! and then calls [`fenster_schliessen`]. A front end that does not answer (hung) cannot
//! keep the window open: a second click on the close button after
//! [`GEDULD`] closes it anyway; the keystrokes are in the local journal by then.

use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{Manager, Window, WindowEvent};

/// How long a close request waits for the front end before a second one closes anyway.
pub const GEDULD: Duration = Duration::from_secs(10);

/// When the front end was last asked to close (none: not asked).
#[derive(Default)]
pub struct Schliessen(Mutex<Option<Instant>>);

/// The window's events: a close request goes to the front end first.
pub fn ereignis(fenster: &Window, e: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = e else {
        return;
    };
    let zustand = fenster.state::<Schliessen>();
    let mut gefragt = zustand.0.lock().unwrap_or_else(|p| p.into_inner());
    if gefragt.is_some_and(|t| t.elapsed() >= GEDULD) {
        return;
    }
    api.prevent_close();
    if gefragt.is_none() {
        *gefragt = Some(Instant::now());
        if let Some(w) = fenster.app_handle().get_webview_window(fenster.label()) {
            if w.eval("window.ratsbueroSchliessen ? window.ratsbueroSchliessen() : window.__TAURI_INTERNALS__.invoke('fenster_schliessen')").is_err() {
                *gefragt = None;
            }
        }
    }
}

/// The front end has saved (or the user chose to close anyway): the window closes.
#[tauri::command]
pub async fn fenster_schliessen(fenster: Window) -> Result<(), ratsbuero::api::ApiFehler> {
    let _ = fenster.destroy();
    Ok(())
}

/// The user chose to stay (the save failed and they want to look): the next click on the
/// close button asks again.
#[tauri::command]
pub async fn fenster_bleibt(fenster: Window) -> Result<(), ratsbuero::api::ApiFehler> {
    *fenster
        .state::<Schliessen>()
        .0
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = None;
    Ok(())
}
