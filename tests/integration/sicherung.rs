//! Backups and restore against real files: a backup restores exactly what was saved, the
//! replaced database is kept aside, and a damaged, falsified, foreign or newer backup is
//! refused with a German message while the current database stays as it was. Rotation
//! keeps 7 daily, 4 weekly and 12 monthly backups. The CLI contract
//! `sicherung erstellen|pruefen|wiederherstellen`.

use crate::gemeinsam::{betreffs, buero_datei, vorlage, zeit};
use chrono::Duration;
use ratsbuero::api;
use ratsbuero::domain::AnlageNeu;
use ratsbuero::domain::{Status, VorlageId};
use ratsbuero::store::{self, Store};
use std::path::Path;
use std::process::Command;

/// An office with two Vorlagen, one with an Anlage.
fn mit_anlage() -> crate::gemeinsam::Testbuero {
    let mut t = buero_datei();
    let g = t
        .store
        .vorlage_anlegen(&vorlage("Integrationskonzept"), zeit("2026-03-01"))
        .unwrap();
    t.store
        .anlage_hinzufuegen(
            g.id,
            g.version,
            AnlageNeu {
                name: "Konzept.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: b"%PDF-1.7 Inhalt des Konzepts".repeat(100),
            },
            zeit("2026-03-01"),
        )
        .unwrap();
    t.store
        .vorlage_anlegen(&vorlage("Interkulturelle Woche"), zeit("2026-03-02"))
        .unwrap();
    t
}

fn fehlercode(e: &api::ApiFehler) -> &str {
    &e.code
}

#[test]
fn a_backup_restores_exactly_what_was_saved_and_keeps_the_replaced_database_aside() {
    let mut t = mit_anlage();
    let ordner = t.ordner.path().join("sicherungen");
    let s = api::sicherung_erstellen(&t.store, &ordner, Default::default(), zeit("2026-03-03"))
        .unwrap();
    assert_eq!(s.pruefung.vorlagen, 2);
    assert_eq!(s.pruefung.anlagen, 1);
    assert!(s
        .datei
        .ends_with("sicherungen/ratsbuero-20260303-100000.sqlite"));
    let vorher = betreffs(&t.store);

    // Work goes on after the backup …
    t.store
        .vorlage_anlegen(&vorlage("Nach der Sicherung"), zeit("2026-03-04"))
        .unwrap();
    let pfad = t.pfad();
    drop(t.store);

    // … and the restore brings back the state of the backup.
    let (store, w) = api::sicherung_wiederherstellen(&pfad, &s.datei, zeit("2026-03-05")).unwrap();
    assert_eq!(betreffs(&store), vorher);
    assert_eq!(store.integritaet().unwrap(), "ok");
    assert_eq!(store.pragma("journal_mode").unwrap(), "wal");
    let akte = store.vorlage(VorlageId(1)).unwrap();
    assert_eq!(akte.anlagen.len(), 1);
    let beiseite = w.beiseite.expect("the replaced database is kept");
    let alt = Store::oeffnen(&beiseite, zeit("2026-03-05")).unwrap();
    assert!(betreffs(&alt).contains(&"Nach der Sicherung".to_string()));
}

/// Tries to restore `sicherung` over the office; it must fail with `code` and leave the
/// office's database exactly as it was.
fn abgewiesen(t: crate::gemeinsam::Testbuero, sicherung: &Path, code: &str, text: &str) {
    let pfad = t.pfad();
    let vorher = betreffs(&t.store);
    drop(t.store);
    let e = api::sicherung_wiederherstellen(&pfad, sicherung, zeit("2026-03-05"))
        .map(|_| ())
        .unwrap_err();
    assert_eq!(fehlercode(&e), code, "{}", e.message);
    assert!(e.message.contains(text), "{}", e.message);
    let nachher = Store::oeffnen(&pfad, zeit("2026-03-05")).unwrap();
    assert_eq!(betreffs(&nachher), vorher);
    let reste: Vec<String> = std::fs::read_dir(pfad.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("unfertig") || n.contains("vor-wiederherstellung"))
        .collect();
    assert!(reste.is_empty(), "{reste:?}");
}

#[test]
fn a_falsified_attachment_is_refused_naming_vorlage_and_anlage() {
    let t = mit_anlage();
    let datei = t.ordner.path().join("s.sqlite");
    t.store.sichern(&datei, zeit("2026-02-01")).unwrap();
    // A valid database whose Anlage no longer matches its SHA-512.
    store::roh::ausfuehren(&datei, "UPDATE anlage SET daten = X'00'").unwrap();
    abgewiesen(
        t,
        &datei,
        "sicherung_verfaelscht",
        "Anlage „Konzept.pdf“ der Vorlage Entwurf 1",
    );
}

#[test]
fn a_damaged_file_is_refused() {
    let t = mit_anlage();
    let datei = t.ordner.path().join("s.sqlite");
    t.store.sichern(&datei, zeit("2026-02-01")).unwrap();
    // Overwrite everything after the first page (the header stays a database's).
    let mut bytes = std::fs::read(&datei).unwrap();
    let seite = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for b in bytes[seite..].iter_mut() {
        *b = 0x5a;
    }
    std::fs::write(&datei, &bytes).unwrap();
    abgewiesen(t, &datei, "sicherung_beschaedigt", "beschädigt");
}

#[test]
fn a_file_that_is_no_ratsbuero_database_is_refused() {
    let t = mit_anlage();
    let text = t.ordner.path().join("notiz.sqlite");
    std::fs::write(
        &text,
        "Das ist keine Datenbank, sondern eine Notiz.".repeat(50),
    )
    .unwrap();
    let fremd = t.ordner.path().join("fremd.sqlite");
    store::roh::ausfuehren(&fremd, "CREATE TABLE x (a); PRAGMA user_version = 1;").unwrap();
    let pfad = t.pfad();
    let vorher = betreffs(&t.store);
    drop(t.store);
    for datei in [&text, &fremd] {
        let e = api::sicherung_wiederherstellen(&pfad, datei, zeit("2026-03-05"))
            .map(|_| ())
            .unwrap_err();
        assert_eq!(e.code, "keine_datenbank", "{}", e.message);
        assert!(e.message.contains("keine Ratsbüro-Datenbank"));
    }
    let fehlt = api::sicherung_pruefen(&t.ordner.path().join("gibt-es-nicht.sqlite")).unwrap_err();
    assert_eq!(fehlt.code, "datei");
    assert_eq!(
        betreffs(&Store::oeffnen(&pfad, zeit("2026-03-05")).unwrap()),
        vorher
    );
}

#[test]
fn a_backup_of_a_newer_schema_is_refused() {
    let t = mit_anlage();
    let datei = t.ordner.path().join("s.sqlite");
    t.store.sichern(&datei, zeit("2026-02-01")).unwrap();
    store::roh::ausfuehren(&datei, "PRAGMA user_version = 99").unwrap();
    abgewiesen(t, &datei, "neueres_schema", "Schema 99");
}

#[test]
fn a_backup_from_schema_1_is_restored_and_migrated() {
    let t = mit_anlage();
    let alt = t.ordner.path().join("schema1.sqlite");
    store::roh::mit_schema(&alt, 1).unwrap();
    store::roh::ausfuehren(
        &alt,
        "INSERT INTO vorlage (zustand, art, status, betreff, erstellt, geaendert)
         VALUES ('entwurf', 'anfrage', 'oeffentlich', 'Aus Schema 1', '2024-01-01T10:00:00', '2024-01-01T10:00:00')",
    )
    .unwrap();
    let pfad = t.pfad();
    drop(t.store);
    let (store, w) = api::sicherung_wiederherstellen(&pfad, &alt, zeit("2026-03-05")).unwrap();
    assert_eq!(w.pruefung.schema_version, 1);
    assert_eq!(
        store.schema_version().unwrap(),
        ratsbuero::store::migrationen::neueste_version()
    );
    assert_eq!(betreffs(&store), vec!["Aus Schema 1".to_string()]);
}

#[test]
fn rotation_keeps_seven_daily_four_weekly_twelve_monthly_backups() {
    let t = buero_datei();
    let ordner = t.ordner.path().join("sicherungen");
    let beginn = zeit("2025-01-01");
    // A year and a half of daily backups, some days twice.
    for tag in 0..540 {
        let jetzt = beginn + Duration::days(tag);
        api::sicherung_erstellen(&t.store, &ordner, Default::default(), jetzt).unwrap();
        if tag % 10 == 0 {
            let spaeter = jetzt + Duration::hours(6);
            api::sicherung_erstellen(&t.store, &ordner, Default::default(), spaeter).unwrap();
        }
    }
    let liste = api::sicherungen(&ordner).unwrap();
    let letzte = beginn + Duration::days(539);
    // The last seven days …
    for tag in 0..7 {
        let z = letzte - Duration::days(tag);
        assert!(liste.iter().any(|s| s.zeit == z), "Tag {z}");
    }
    // … and nothing older than twelve months.
    assert!(liste.iter().all(|s| letzte - s.zeit < Duration::days(366)));
    assert!(liste.len() <= 7 + 4 + 12, "{}", liste.len());
    // Every file left is a whole, checked backup.
    for s in &liste {
        api::sicherung_pruefen(&s.datei).unwrap();
    }
    assert!(!api::sicherung_faellig(&ordner, letzte + Duration::hours(23)).unwrap());
    assert!(api::sicherung_faellig(&ordner, letzte + Duration::hours(24)).unwrap());
    assert!(api::sicherung_faellig(&t.ordner.path().join("leer"), letzte).unwrap());
}

#[test]
fn cli_creates_checks_and_restores_a_backup() {
    let t = mit_anlage();
    let db = t.pfad();
    let ziel = t.ordner.path().join("sicherungen");
    drop(t.store);
    let lauf = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("RATSBUERO_DB")
            .output()
            .unwrap()
    };
    let o = lauf(&["sicherung", "erstellen", "--ziel", ziel.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let datei = String::from_utf8(o.stdout).unwrap().trim().to_string();
    assert!(Path::new(&datei).exists());
    let o = lauf(&["sicherung", "pruefen", &datei]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("2 Vorlagen, 1 Anlagen"));
    let o = lauf(&["sicherung", "wiederherstellen", &datei]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("bisherige Datenbank liegt unter"));
    let o = lauf(&["sicherung", "wiederherstellen", "/gibt/es/nicht.sqlite"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/gibt/es/nicht.sqlite"));
}
