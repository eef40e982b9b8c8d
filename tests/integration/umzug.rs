//! `ratsbuero --db QUELLE umzug --nach ZIEL`: a whole office into an empty other
//! database, checked; file → server → file when a test server is there, else file → file.

use crate::gemeinsam::{
    buero_datei, neue_server_datenbank, person, test_server, vorlage, zeit, Testbuero,
};
use ratsbuero::api;
use ratsbuero::domain::wahl::{Verfahren, WahlArt, Wahlgang, Zaehlung};
use ratsbuero::domain::{AnlageNeu, SitzungId, Status, WahlNeu};
use ratsbuero::store::{Ablage, Store, VorlagenFilter};
use serde_json::{json, Value};
use std::process::Command;

/// The demo office, plus a Listenwahl with its count, a revision, a deleted draft and an
/// Anlage of 3 MB.
fn reiches_buero() -> Testbuero {
    let mut b = buero_datei();
    let j = zeit("2026-11-22");
    api::demo(&mut b.store, j).unwrap();
    let w = api::wahl_anlegen(
        &mut b.store,
        &WahlNeu {
            sitzung: SitzungId(1),
            top: None,
            titel: "Entsendung in die AG".into(),
            ziel_gremium: None,
            sitze: 2,
            stellvertreter: false,
            geheim: true,
            art: WahlArt::Liste,
            verfahren: Verfahren::HareNiemeyer,
            einheitlich_mehrheit: false,
            nur_mitglieder: true,
        },
        j,
    )
    .unwrap();
    let (a, n) = (person(&b, "Yılmaz"), person(&b, "Nguyễn"));
    let w = api::wahlvorschlag_anlegen(&mut b.store, w.id, "Liste A", "", &[a], None, j).unwrap();
    let w = api::wahlvorschlag_anlegen(&mut b.store, w.id, "Liste B", "", &[n], None, j).unwrap();
    api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &Zaehlung {
            gang: Wahlgang::Erster,
            abgegeben: 8,
            ungueltig: 0,
            enthaltungen: 0,
            nein: 0,
            stimmen: vec![("Liste B".into(), 3), ("Liste A".into(), 5)],
        },
        Some(w.version),
        j,
    )
    .unwrap();
    let f = b.store.vorlage_anlegen(&vorlage("Sprachkurse"), j).unwrap();
    let f = b.store.vorlage_freigeben(f.id, f.version, j).unwrap();
    b.store.vorlage_neue_fassung(f.id, j).unwrap();
    let weg = b.store.vorlage_anlegen(&vorlage("Verworfen"), j).unwrap();
    b.store.vorlage_loeschen(weg.id, weg.version, j).unwrap();
    let gross = b
        .store
        .vorlage_anlegen(&vorlage("Mit großer Anlage"), j)
        .unwrap();
    let daten: Vec<u8> = (0..3_000_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    b.store
        .anlage_hinzufuegen(
            gross.id,
            gross.version,
            AnlageNeu {
                name: "Stadtplan Wanne-Eickel.pdf".into(),
                status: Status::Nichtoeffentlich,
                alternativenpruefung: false,
                daten,
            },
            j,
        )
        .unwrap();
    b
}

/// Everything a user can see of the office, as one value to compare.
fn abbild(s: &Store) -> Value {
    let liste = s
        .vorlagen(&VorlagenFilter {
            grenze: Some(10_000),
            ..Default::default()
        })
        .unwrap();
    let vorlagen: Vec<Value> = liste
        .iter()
        .map(|z| {
            let a = s.vorlage(z.id).unwrap();
            let anlagen: Vec<Value> = s
                .anlagen(z.id)
                .unwrap()
                .into_iter()
                .map(|i| {
                    let (_, bytes) = s.anlage_daten(i.id).unwrap();
                    json!([
                        serde_json::to_value(&i).unwrap(),
                        ratsbuero::domain::anlage::sha512_hex(&bytes)
                    ])
                })
                .collect();
            json!([serde_json::to_value(&a).unwrap(), anlagen])
        })
        .collect();
    let gremien = api::gremien(s).unwrap();
    let sitzungen: Vec<Value> = gremien
        .iter()
        .map(|g| serde_json::to_value(api::sitzungen(s, g.id.0).unwrap()).unwrap())
        .collect();
    let suche: Vec<Vec<i64>> = ["integration", "yilmaz", "2026/0001", "sprachkurse"]
        .iter()
        .map(|q| {
            let mut ids: Vec<i64> = s
                .vorlagen(&VorlagenFilter {
                    suche: Some((*q).into()),
                    ..Default::default()
                })
                .unwrap()
                .into_iter()
                .map(|z| z.id.0)
                .collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    json!({
        "buero": serde_json::to_value(s.buero().unwrap()).unwrap(),
        "vorlagen": vorlagen,
        "gremien": serde_json::to_value(&gremien).unwrap(),
        "personen": serde_json::to_value(api::personen(s).unwrap()).unwrap(),
        "sitzungen": sitzungen,
        "wahl": serde_json::to_value(api::wahl_lesen(s, 1).ok()).unwrap(),
        "papierkorb": serde_json::to_value(s.papierkorb().unwrap()).unwrap(),
        "suche": suche,
    })
}

fn umzug(quelle: &str, ziel: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args(["--db", quelle, "umzug", "--nach", ziel])
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap()
}

fn erfolgreich(o: &std::process::Output) -> String {
    assert!(
        o.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn an_office_moves_whole_into_an_empty_target_and_back_and_goes_on_working_there() {
    let b = reiches_buero();
    let vorher = abbild(&b.store);
    let zurueck = b.ordner.path().join("zurueck.sqlite");
    let zwischen = match test_server() {
        Some(admin) => neue_server_datenbank(&admin),
        None => b
            .ordner
            .path()
            .join("zwischen.sqlite")
            .display()
            .to_string(),
    };
    let bericht = erfolgreich(&umzug(&b.db_arg(), &zwischen));
    assert!(bericht.contains("abgeschlossen und geprüft"), "{bericht}");
    assert!(bericht.contains("2 Anlagen"), "{bericht}");
    assert!(bericht.contains("übereinstimmender SHA-512"), "{bericht}");
    let mut dort =
        Store::oeffnen_ablage(&Ablage::aus_text(&zwischen), zeit("2026-11-23"), None).unwrap();
    assert_eq!(abbild(&dort), vorher, "nach dem Umzug");

    // The target goes on: new ids after the copied ones, the next number in turn.
    let neu = dort
        .vorlage_anlegen(&vorlage("Nach dem Umzug"), zeit("2026-11-23"))
        .unwrap();
    let f = dort
        .vorlage_freigeben(neu.id, neu.version, zeit("2026-11-23"))
        .unwrap();
    let nummer = dort.vorlage(f.id).unwrap().nummer.unwrap();
    // The same step in the source gives the same id and number: the counters came along.
    let mut quelle = b.noch_einmal();
    let q = quelle
        .vorlage_anlegen(&vorlage("Nach dem Umzug"), zeit("2026-11-23"))
        .unwrap();
    let qf = quelle
        .vorlage_freigeben(q.id, q.version, zeit("2026-11-23"))
        .unwrap();
    assert_eq!(q.id, neu.id);
    assert_eq!(quelle.vorlage(qf.id).unwrap().nummer.unwrap(), nummer);
    drop(dort);

    // And back into a file, which the backup check accepts as a backup.
    erfolgreich(&umzug(&zwischen, &zurueck.display().to_string()));
    let pruefung = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args(["sicherung", "pruefen"])
        .arg(&zurueck)
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    erfolgreich(&pruefung);
    let hier = Store::oeffnen(&zurueck, zeit("2026-11-24")).unwrap();
    let mut nachher = abbild(&hier);
    assert_ne!(nachher, vorher, "die neue Vorlage ist mitgekommen");
    let namen: Vec<String> = hier
        .vorlagen(&VorlagenFilter::default())
        .unwrap()
        .into_iter()
        .map(|z| z.betreff)
        .collect();
    assert!(namen.contains(&"Nach dem Umzug".to_string()));
    nachher["vorlagen"]
        .as_array_mut()
        .unwrap()
        .retain(|v| v[0]["inhalt"]["betreff"] != "Nach dem Umzug");
    for s in nachher["suche"].as_array_mut().unwrap() {
        s.as_array_mut()
            .unwrap()
            .retain(|id| *id != json!(neu.id.0));
    }
    assert_eq!(nachher, vorher, "zurück in der Datei");
}

#[test]
fn a_target_that_is_not_empty_is_refused_and_nothing_is_written() {
    let b = reiches_buero();
    let ziel = buero_datei();
    let mut z = ziel.noch_einmal();
    z.vorlage_anlegen(&vorlage("Schon da"), zeit("2026-01-05"))
        .unwrap();
    let vorher = abbild(&z);
    drop(z);
    let o = umzug(&b.db_arg(), &ziel.db_arg());
    assert!(!o.status.success());
    let fehler = String::from_utf8_lossy(&o.stderr);
    assert!(fehler.contains("nicht leer"), "{fehler}");
    assert!(fehler.contains("nichts wurde verändert"), "{fehler}");
    assert_eq!(abbild(&ziel.noch_einmal()), vorher);

    // The same database as source and target.
    let o = umzug(&b.db_arg(), &b.db_arg());
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("dieselbe Datenbank"));
}

#[test]
#[ignore = "braucht einen PostgreSQL-Server: RATSBUERO_TEST_SERVER=URL cargo test -- --include-ignored (scripts/test)"]
fn a_server_database_that_is_not_empty_is_refused_and_nothing_is_written() {
    let admin = test_server().expect("RATSBUERO_TEST_SERVER ist nicht gesetzt");
    let b = reiches_buero();
    let url = neue_server_datenbank(&admin);
    let mut s = Store::oeffnen_server(&url, zeit("2026-01-05")).unwrap();
    s.vorlage_anlegen(&vorlage("Schon auf dem Server"), zeit("2026-01-05"))
        .unwrap();
    let vorher = abbild(&s);
    let o = umzug(&b.db_arg(), &url);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("nicht leer"));
    assert_eq!(abbild(&s), vorher);
}
