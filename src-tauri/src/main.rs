//! Ratsbüro desktop app: a thin Tauri 2 shell over the core crate.
//!
//! Each command is a one-line wrapper over a function of `ratsbuero::api`; the shell owns
//! no rule of the domain. Errors reach the UI as `{code, message, befunde}`. Structured
//! arguments arrive as JSON and are read by the core (`api::argument`), so malformed
//! input gets a German message naming the field, not the framework's. The shell
//! owns only what is the app's: which database file is open (env `RATSBUERO_DB`, else the
//! choice in the settings, else the platform's app-data folder) and the clock.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod fenster;
mod muster;
mod papierkorb;
mod rechtschreibung;
mod sitzungen;
mod wahlen;
mod zustand;

use chrono::{Local, NaiveDateTime};
use ratsbuero::api::{self, AnlageUpload, ApiFehler};
use ratsbuero::domain::{Buero, Status, VorlageArt, VorlageInhalt};
use ratsbuero::store::{VorlagenFilter, Wiederhergestellt};
use serde_json::Value;
use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use zustand::{App, DbInfo};

pub(crate) type Antwort<T> = Result<T, ApiFehler>;

pub(crate) fn jetzt() -> NaiveDateTime {
    Local::now().naive_local()
}

#[tauri::command]
async fn buero_lesen(app: State<'_, App>) -> Antwort<Buero> {
    app.mit(api::buero_lesen)
}

#[tauri::command]
async fn buero_speichern(app: State<'_, App>, buero: Value) -> Antwort<Buero> {
    let buero: Buero = api::argument("buero", buero)?;
    app.mit_mut(|s| api::buero_speichern(s, &buero))
}

#[tauri::command]
async fn db_info(app: State<'_, App>) -> Antwort<DbInfo> {
    Ok(app.info())
}

#[tauri::command]
async fn db_pfad_setzen(app: State<'_, App>, pfad: String) -> Antwort<DbInfo> {
    app.db_wechseln(&pfad, jetzt())
}

#[tauri::command]
async fn vorlage_liste(app: State<'_, App>, filter: Value) -> Antwort<Value> {
    let filter: VorlagenFilter = api::argument("filter", filter)?;
    app.mit(|s| api::vorlage_liste(s, &filter))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_lesen(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit(|s| api::vorlage_lesen(s, id)).map(zustand::json)
}

#[tauri::command]
async fn vorlage_neu(app: State<'_, App>, art: Value) -> Antwort<Value> {
    let art: VorlageArt = api::argument("art", art)?;
    app.mit_mut(|s| api::vorlage_neu(s, art, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_pruefen(app: State<'_, App>, id: Option<i64>, inhalt: Value) -> Antwort<Value> {
    let inhalt: VorlageInhalt = api::argument("inhalt", inhalt)?;
    app.mit(|s| api::vorlage_pruefen(s, id, &inhalt))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_speichern(
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
async fn vorlage_freigeben(app: State<'_, App>, id: i64, basis: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_freigeben(s, id, basis, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
async fn vorlage_neue_fassung(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::vorlage_neue_fassung(s, id, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
async fn anlage_hinzufuegen(
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
async fn anlage_aendern(
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
async fn anlage_entfernen(
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
async fn vorlage_pdf(app: State<'_, App>, id: i64) -> Antwort<Response> {
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
async fn vorlage_pdf_signieren(
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
async fn pdf_speichern(app: State<'_, App>, handle: AppHandle) -> Antwort<Option<String>> {
    let name = app.mit_vorschau(|v| Ok(v.dateiname.clone()))?;
    let ziel = match std::env::var_os("RATSBUERO_SPEICHERN_NACH") {
        Some(ordner) => Some(std::path::PathBuf::from(ordner).join(&name)),
        None => handle
            .dialog()
            .file()
            .set_title("PDF speichern unter")
            .set_file_name(&name)
            .add_filter("PDF-Dokument", &["pdf"])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(ziel) = ziel else { return Ok(None) };
    app.mit_vorschau(|v| api::datei_schreiben(&ziel, &v.bytes))?;
    Ok(Some(ziel.display().to_string()))
}

#[tauri::command]
async fn zertifikat_setzen(app: State<'_, App>, pfad: String) -> Antwort<DbInfo> {
    app.zertifikat_setzen(&pfad)
}

/// "Durchsuchen…" for the certificate: the system's open dialog, then as `zertifikat_setzen`.
#[tauri::command]
async fn zertifikat_waehlen(app: State<'_, App>, handle: AppHandle) -> Antwort<DbInfo> {
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

#[tauri::command]
async fn sicherung_uebersicht(app: State<'_, App>) -> Antwort<api::SicherungsUebersicht> {
    api::sicherung_uebersicht(&app.sicherung_ordner(), jetzt())
}

#[tauri::command]
async fn sicherung_ordner_setzen(
    app: State<'_, App>,
    pfad: String,
) -> Antwort<api::SicherungsUebersicht> {
    app.sicherung_ordner_setzen(&pfad)?;
    api::sicherung_uebersicht(&app.sicherung_ordner(), jetzt())
}

/// "Jetzt sichern".
#[tauri::command]
async fn sicherung_jetzt(app: State<'_, App>) -> Antwort<api::SicherungErstellt> {
    let ordner = app.sicherung_ordner();
    app.mit(|s| api::sicherung_erstellen(s, &ordner, Default::default(), jetzt()))
}

/// The automatic backup: the UI asks at start and every hour; Rust backs up when one is due.
#[tauri::command]
async fn sicherung_automatisch(app: State<'_, App>) -> Antwort<Option<api::SicherungErstellt>> {
    let ordner = app.sicherung_ordner();
    if !api::sicherung_faellig(&ordner, jetzt())? {
        return Ok(None);
    }
    app.mit(|s| api::sicherung_erstellen(s, &ordner, Default::default(), jetzt()))
        .map(Some)
}

/// Restores one of the backups listed in the backup folder.
#[tauri::command]
async fn sicherung_wiederherstellen(
    app: State<'_, App>,
    datei: String,
) -> Antwort<Wiederhergestellt> {
    let datei = api::sicherung_aus_ordner(&app.sicherung_ordner(), std::path::Path::new(&datei))?;
    app.wiederherstellen(&datei, jetzt())
}

/// Restores a backup file chosen in the system's open dialog; `None` when cancelled.
#[tauri::command]
async fn sicherung_datei_wiederherstellen(
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

/// Called by the UI once the first list is on screen; with `RATSBUERO_KALTSTART=1` the app
/// prints the milliseconds since process start and quits (the cold-start measurement).
#[tauri::command]
fn kaltstart_fertig(app: tauri::AppHandle) {
    zustand::kaltstart_fertig(&app);
}

fn main() {
    zustand::start_merken();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            use tauri::Manager;
            let konfig = app
                .path()
                .app_config_dir()
                .map(|d| d.join("einstellungen.json"))
                .ok();
            app.manage(App::starten(konfig, jetzt()));
            app.manage(fenster::Schliessen::default());
            rechtschreibung::einschalten(app);
            Ok(())
        })
        .on_window_event(fenster::ereignis)
        .invoke_handler(tauri::generate_handler![
            buero_lesen,
            buero_speichern,
            db_info,
            db_pfad_setzen,
            vorlage_liste,
            vorlage_lesen,
            vorlage_neu,
            vorlage_pruefen,
            vorlage_speichern,
            vorlage_freigeben,
            vorlage_neue_fassung,
            anlage_hinzufuegen,
            anlage_aendern,
            anlage_entfernen,
            vorlage_pdf,
            vorlage_pdf_signieren,
            pdf_speichern,
            zertifikat_setzen,
            zertifikat_waehlen,
            sicherung_uebersicht,
            sicherung_ordner_setzen,
            sicherung_jetzt,
            sicherung_automatisch,
            sicherung_wiederherstellen,
            sicherung_datei_wiederherstellen,
            kaltstart_fertig,
            sitzungen::gremien_liste,
            sitzungen::sitzungen_liste,
            sitzungen::sitzung_lesen,
            sitzungen::sitzung_neu,
            sitzungen::sitzung_aendern,
            sitzungen::sitzung_einladen,
            sitzungen::sitzung_abschliessen,
            sitzungen::sitzung_absagen,
            sitzungen::top_neu,
            sitzungen::top_verschieben,
            sitzungen::top_aendern,
            sitzungen::top_entfernen,
            sitzungen::top_ergebnis,
            sitzungen::anwesenheit_setzen,
            sitzungen::sitzung_paket,
            sitzungen::paket_abbrechen,
            sitzungen::sitzung_niederschrift,
            sitzungen::einladungen_speichern,
            sitzungen::beschlussauszuege_speichern,
            sitzungen::ladungsfrist_unterschritten,
            sitzungen::gremium_neu,
            sitzungen::gremium_mitglieder,
            sitzungen::person_neu,
            sitzungen::mitgliedschaft_neu,
            sitzungen::mitgliedschaft_aendern,
            sitzungen::mitglied_aendern,
            wahlen::wahlen_liste,
            wahlen::wahl_lesen,
            wahlen::personen_liste,
            wahlen::wahl_neu,
            wahlen::wahlvorschlag_neu,
            wahlen::kandidat_neu,
            wahlen::wahlgang_erfassen,
            wahlen::los_erfassen,
            wahlen::wahl_stimmzettel,
            wahlen::wahl_niederschrift,
            wahlen::wahl_in_vorlage,
            papierkorb::vorlage_loeschen,
            papierkorb::vorlage_kopieren,
            papierkorb::sitzung_loeschen,
            papierkorb::sitzung_wieder_aufnehmen,
            papierkorb::wahl_loeschen,
            papierkorb::papierkorb_liste,
            papierkorb::papierkorb_wiederherstellen,
            papierkorb::vorschau_verwerfen,
            muster::muster_liste,
            muster::muster_anlegen,
            muster::vorlage_aus_muster,
            muster::muster_loeschen,
            muster::muster_wiederherstellen,
            fenster::fenster_schliessen,
            fenster::fenster_bleibt,
        ])
        .run(tauri::generate_context!())
        .expect("Ratsbüro konnte nicht starten");
}
