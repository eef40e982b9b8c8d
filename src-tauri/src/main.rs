//! Ratsbüro desktop app: a thin Tauri 2 shell over the core crate.
//!
//! One file per area holds its commands ([`befehle`] lists them all). Each command is a
//! one-line wrapper over a function of `ratsbuero::api`; the shell owns
//! no rule of the domain. Errors reach the UI as `{code, message, befunde}`. Structured
//! arguments arrive as JSON and are read by the core (`api::argument`), so malformed
//! input gets a German message naming the field, not the framework's. The shell
//! owns only what is the app's: which database file is open (env `RATSBUERO_DB`, else the
//! choice in the settings, else the platform's app-data folder) and the clock.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod befehle;
mod beschluesse;
mod einstellungen;
mod fenster;
mod live;
mod muster;
mod papierkorb;
mod rechtschreibung;
mod ris;
mod sicherung;
mod sitzungen;
mod sitzungsgeld;
mod startfehler;
mod versand;
mod vorlagen;
mod wahlen;
mod zustand;

use chrono::NaiveDateTime;
use ratsbuero::api::ApiFehler;
use zustand::App;

pub(crate) type Antwort<T> = Result<T, ApiFehler>;

pub(crate) fn jetzt() -> NaiveDateTime {
    ratsbuero::api::jetzt()
}

/// Whether the program was started under the name `ratsbuero` (the Debian package's
/// `/usr/bin/ratsbuero` links here): then it is the command line, without a window.
fn als_kommandozeile() -> bool {
    std::env::args_os()
        .next()
        .map(std::path::PathBuf::from)
        .and_then(|p| p.file_stem().map(|n| n == "ratsbuero"))
        .unwrap_or(false)
}

fn main() -> std::process::ExitCode {
    if als_kommandozeile() {
        return ratsbuero::cli::main();
    }
    // No window without WebView2 (Windows): said in German, not a silent exit.
    if !startfehler::webview2_vorhanden() {
        startfehler::melden(startfehler::OHNE_WEBVIEW2);
        return std::process::ExitCode::from(3);
    }
    zustand::start_merken();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            use tauri::Manager;
            let konfig = app
                .path()
                .app_config_dir()
                .map(|d| d.join("einstellungen.json"))
                .ok();
            let zustand = App::starten(konfig, jetzt());
            live::starten(app.handle(), &zustand.ablage(), None);
            app.manage(zustand);
            app.manage(fenster::Schliessen::default());
            rechtschreibung::einschalten(app);
            Ok(())
        })
        .on_window_event(fenster::ereignis)
        .invoke_handler(befehle::befehle!())
        .build(tauri::generate_context!());
    match app {
        Ok(app) => {
            app.run(|_, _| {});
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            startfehler::melden(&startfehler::fenster_fehler(&e));
            std::process::ExitCode::from(2)
        }
    }
}
