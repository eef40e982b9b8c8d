//! The commands of the Sitzungen and the Gremien & Personen areas: Gremien and their
//! members, Sitzungen and their Tagesordnung, results and attendance, and the documents
//! (session packet with progress and cancel, Niederschrift, Einladungen,
//! Beschlussauszüge). Each is a one-line wrapper over `ratsbuero::api`; every change of a
//! Sitzung names the version it saw.

use crate::zustand::{self, App};
use crate::{jetzt, Antwort};
use ratsbuero::api::{self, ApiFehler};
use ratsbuero::domain::sitzung::{Anwesenheit, TopErgebnis};
use ratsbuero::domain::TopNeu;
use serde_json::Value;
use tauri::ipc::{Channel, Response};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
pub async fn gremien_liste(app: State<'_, App>) -> Antwort<Value> {
    app.mit(api::gremien).map(zustand::json)
}

#[tauri::command]
pub async fn sitzungen_liste(app: State<'_, App>, gremium: i64) -> Antwort<Value> {
    app.mit(|s| api::sitzungen_liste(s, gremium, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn sitzung_lesen(app: State<'_, App>, id: i64) -> Antwort<Value> {
    app.mit(|s| api::sitzung_lesen(s, id)).map(zustand::json)
}

#[tauri::command]
pub async fn sitzung_neu(
    app: State<'_, App>,
    gremium: i64,
    beginn: String,
    ort: String,
) -> Antwort<Value> {
    app.mit_mut(|s| api::sitzung_anlegen(s, gremium, &beginn, &ort, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn sitzung_aendern(
    app: State<'_, App>,
    id: i64,
    basis: i64,
    beginn: String,
    ort: String,
) -> Antwort<Value> {
    app.mit_mut(|s| api::sitzung_aendern(s, id, &beginn, &ort, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn sitzung_einladen(
    app: State<'_, App>,
    id: i64,
    basis: i64,
    am: String,
) -> Antwort<Value> {
    app.mit_mut(|s| api::sitzung_einladen(s, id, &am, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn sitzung_abschliessen(
    app: State<'_, App>,
    id: i64,
    basis: i64,
    ende: String,
    schriftfuehrung: String,
) -> Antwort<Value> {
    app.mit_mut(|s| api::sitzung_abschliessen(s, id, &ende, &schriftfuehrung, Some(basis), jetzt()))
        .map(zustand::json)
}

/// End time and Schriftführung saved as each field is left (the Sitzung stays open).
#[tauri::command]
pub async fn sitzung_abschlussangaben(
    app: State<'_, App>,
    id: i64,
    basis: i64,
    ende: String,
    schriftfuehrung: String,
) -> Antwort<Value> {
    app.mit_mut(|s| {
        api::sitzung_abschlussangaben(s, id, &ende, &schriftfuehrung, Some(basis), jetzt())
    })
    .map(zustand::json)
}

#[tauri::command]
pub async fn sitzung_absagen(app: State<'_, App>, id: i64, basis: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::sitzung_absagen(s, id, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn top_neu(app: State<'_, App>, sitzung: i64, basis: i64, top: Value) -> Antwort<Value> {
    let top: TopNeu = api::argument("top", top)?;
    app.mit_mut(|s| api::top_hinzufuegen(s, sitzung, &top, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn top_verschieben(
    app: State<'_, App>,
    top: i64,
    nach: usize,
    basis: i64,
) -> Antwort<Value> {
    app.mit_mut(|s| api::top_verschieben(s, top, nach, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn top_aendern(
    app: State<'_, App>,
    top: i64,
    basis: i64,
    titel: String,
    unterpunkt: bool,
) -> Antwort<Value> {
    app.mit_mut(|s| api::top_aendern(s, top, &titel, unterpunkt, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn top_entfernen(app: State<'_, App>, top: i64, basis: i64) -> Antwort<Value> {
    app.mit_mut(|s| api::top_entfernen(s, top, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn top_ergebnis(
    app: State<'_, App>,
    top: i64,
    basis: i64,
    ergebnis: Value,
    text: String,
) -> Antwort<Value> {
    let ergebnis: TopErgebnis = api::argument("ergebnis", ergebnis)?;
    app.mit_mut(|s| api::top_ergebnis(s, top, ergebnis, &text, Some(basis), jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn anwesenheit_setzen(
    app: State<'_, App>,
    sitzung: i64,
    basis: i64,
    person: i64,
    status: Value,
    bemerkung: String,
    geht_ab: Option<i64>,
) -> Antwort<Value> {
    let status: Option<Anwesenheit> = api::argument("status", status)?;
    app.mit_mut(|s| {
        api::anwesenheit_setzen(
            s,
            sitzung,
            person,
            status,
            &bemerkung,
            geht_ab,
            Some(basis),
            jetzt(),
        )
    })
    .map(zustand::json)
}

/// "Beschlussunfähigkeit festgestellt" at a TOP (none: taken back).
#[tauri::command]
pub async fn beschlussunfaehigkeit_feststellen(
    app: State<'_, App>,
    sitzung: i64,
    basis: i64,
    top: Option<i64>,
) -> Antwort<Value> {
    app.mit_mut(|s| api::beschlussunfaehigkeit_feststellen(s, sitzung, top, Some(basis), jetzt()))
        .map(zustand::json)
}

/// The Anwesenheitsliste for the preview.
#[tauri::command]
pub async fn sitzung_anwesenheitsliste(app: State<'_, App>, id: i64) -> Antwort<Response> {
    let (name, pdf) = app.mit(|s| {
        Ok((
            api::sitzung_dateiname(s, id, "Anwesenheitsliste", None)?,
            api::sitzung_anwesenheitsliste(s, id, jetzt())?,
        ))
    })?;
    Ok(Response::new(app.vorschau_merken(name, pdf)))
}

/// The session packet for the preview. Runs off the UI's thread; each step goes to
/// `fortschritt`; `paket_abbrechen` stops it between steps.
#[tauri::command]
pub async fn sitzung_paket(
    handle: AppHandle,
    sitzung: i64,
    variante: Value,
    fortschritt: Channel<api::Fortschritt>,
) -> Antwort<Response> {
    let variante: api::PaketVariante = api::argument("variante", variante)?;
    let arbeit = tauri::async_runtime::spawn_blocking(move || {
        let app = handle.state::<App>();
        app.abbruch_zuruecksetzen();
        let zusatz = match variante {
            api::PaketVariante::Oeffentlich => "oeffentlich",
            api::PaketVariante::Mitglieder => "mitglieder",
        };
        let (name, pdf) = app.mit(|s| {
            let pdf = api::sitzung_paket_mit(s, sitzung, variante, jetzt(), &mut |f| {
                // A closed window only means nobody watches; the packet goes on.
                let _ = fortschritt.send(f);
                !app.abgebrochen()
            })?;
            Ok((
                api::sitzung_dateiname(s, sitzung, "Sitzungspaket", Some(zusatz))?,
                pdf,
            ))
        })?;
        Ok::<_, ApiFehler>(Response::new(app.vorschau_merken(name, pdf)))
    });
    arbeit
        .await
        .map_err(|e| ApiFehler::neu("intern", format!("Das Sitzungspaket ist abgestürzt: {e}")))?
}

#[tauri::command]
pub async fn paket_abbrechen(app: State<'_, App>) -> Antwort<()> {
    app.abbrechen();
    Ok(())
}

/// The Niederschrift for the preview.
#[tauri::command]
pub async fn sitzung_niederschrift(
    app: State<'_, App>,
    id: i64,
    variante: Value,
) -> Antwort<Response> {
    let variante: api::PaketVariante = api::argument("variante", variante)?;
    let (name, pdf) = app.mit(|s| {
        Ok((
            api::sitzung_dateiname(
                s,
                id,
                "Niederschrift",
                (variante == api::PaketVariante::Oeffentlich).then_some("oeffentlich"),
            )?,
            api::sitzung_niederschrift(s, id, variante, jetzt())?,
        ))
    })?;
    Ok(Response::new(app.vorschau_merken(name, pdf)))
}

/// Signs the packet or Niederschrift on screen (the bytes shown, as they are) with this
/// workstation's certificate and the password typed; the signed PDF is then on screen.
#[tauri::command]
pub async fn sitzung_pdf_signieren(
    app: State<'_, App>,
    id: i64,
    dokument: Value,
    kennwort: String,
) -> Antwort<Response> {
    let dokument: api::SitzungsDokument = api::argument("dokument", dokument)?;
    let p12 = app.zertifikat()?;
    let (name, pdf) = app.mit_vorschau(|v| {
        Ok((
            v.dateiname.replace(".pdf", "_signiert.pdf"),
            v.bytes.clone(),
        ))
    })?;
    let signiert =
        app.mit(|s| api::sitzung_pdf_signieren(s, id, dokument, &pdf, &p12, &kennwort, jetzt()))?;
    Ok(Response::new(app.vorschau_merken(name, signiert)))
}

/// The folder a series of letters goes to: the system's folder dialog (or, for the
/// end-to-end tests, `RATSBUERO_SPEICHERN_NACH`). `None` when cancelled.
pub(crate) fn ordner_waehlen(handle: &AppHandle, titel: &str) -> Option<std::path::PathBuf> {
    match std::env::var_os("RATSBUERO_SPEICHERN_NACH") {
        Some(o) => Some(o.into()),
        None => handle
            .dialog()
            .file()
            .set_title(titel)
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok()),
    }
}

/// "Einladungen erstellen": one letter per member into a chosen folder; the paths written.
#[tauri::command]
pub async fn einladungen_speichern(
    app: State<'_, App>,
    handle: AppHandle,
    id: i64,
) -> Antwort<Option<Vec<String>>> {
    let briefe = app.mit(|s| api::sitzung_einladungen(s, id, jetzt()))?;
    let Some(ordner) = ordner_waehlen(&handle, "Ordner für die Einladungen") else {
        return Ok(None);
    };
    api::schreiben_ablegen(&ordner, &briefe)
        .map(|p| Some(p.iter().map(|p| p.display().to_string()).collect()))
}

/// "Beschlussauszüge": one PDF per TOP with a result into a chosen folder.
#[tauri::command]
pub async fn beschlussauszuege_speichern(
    app: State<'_, App>,
    handle: AppHandle,
    id: i64,
) -> Antwort<Option<Vec<String>>> {
    let auszuege = app.mit(|s| api::sitzung_beschlussauszuege(s, id, jetzt()))?;
    let Some(ordner) = ordner_waehlen(&handle, "Ordner für die Beschlussauszüge") else {
        return Ok(None);
    };
    api::schreiben_ablegen(&ordner, &auszuege)
        .map(|p| Some(p.iter().map(|p| p.display().to_string()).collect()))
}

/// The count for the Sitzungen badge in the navigation.
#[tauri::command]
pub async fn ladungsfrist_unterschritten(app: State<'_, App>) -> Antwort<usize> {
    app.mit(|s| api::ladungsfrist_unterschritten(s, jetzt()))
}

#[tauri::command]
pub async fn gremium_neu(app: State<'_, App>, gremium: Value) -> Antwort<Value> {
    let neu: ratsbuero::domain::GremiumNeu = api::argument("gremium", gremium)?;
    app.mit_mut(|s| api::gremium_anlegen(s, &neu, jetzt()))
        .map(zustand::json)
}

/// The Gremium's settings changed; the new state is returned.
#[tauri::command]
pub async fn gremium_aendern(app: State<'_, App>, id: i64, gremium: Value) -> Antwort<Value> {
    let neu: ratsbuero::domain::GremiumNeu = api::argument("gremium", gremium)?;
    app.mit_mut(|s| api::gremium_aendern(s, id, &neu, jetzt()))
        .map(zustand::json)
}

#[tauri::command]
pub async fn gremium_mitglieder(app: State<'_, App>, gremium: i64) -> Antwort<Value> {
    app.mit(|s| api::mitglieder(s, gremium)).map(zustand::json)
}

/// A new person, with their membership in a Gremium if `mitgliedschaft` is given (its
/// `person` is filled in by the core); both or neither.
#[tauri::command]
pub async fn person_neu(
    app: State<'_, App>,
    person: Value,
    mitgliedschaft: Value,
) -> Antwort<Value> {
    let neu: ratsbuero::domain::PersonNeu = api::argument("person", person)?;
    let m: Option<ratsbuero::domain::MitgliedschaftNeu> =
        api::argument("mitgliedschaft", mitgliedschaft)?;
    app.mit_mut(|s| api::person_anlegen_mit(s, &neu, m.as_ref(), jetzt()))
        .map(zustand::json)
}

/// An existing person joins a Gremium.
#[tauri::command]
pub async fn mitgliedschaft_neu(app: State<'_, App>, mitgliedschaft: Value) -> Antwort<()> {
    let m: ratsbuero::domain::MitgliedschaftNeu = api::argument("mitgliedschaft", mitgliedschaft)?;
    app.mit_mut(|s| api::mitgliedschaft_anlegen(s, &m))
}

/// A membership changed or ended ("Mitglied bis").
#[tauri::command]
pub async fn mitgliedschaft_aendern(app: State<'_, App>, mitgliedschaft: Value) -> Antwort<()> {
    let m: ratsbuero::domain::MitgliedschaftNeu = api::argument("mitgliedschaft", mitgliedschaft)?;
    app.mit_mut(|s| api::mitgliedschaft_aendern(s, &m))
}

/// The member form: person and membership together, or neither.
#[tauri::command]
pub async fn mitglied_aendern(
    app: State<'_, App>,
    id: i64,
    person: Value,
    mitgliedschaft: Value,
) -> Antwort<Value> {
    let neu: ratsbuero::domain::PersonNeu = api::argument("person", person)?;
    let m: ratsbuero::domain::MitgliedschaftNeu = api::argument("mitgliedschaft", mitgliedschaft)?;
    app.mit_mut(|s| api::mitglied_aendern(s, id, &neu, &m, jetzt()))
        .map(zustand::json)
}
