//! Backup and restore of a 500 MB office database (500 Vorlagen, each with a 1 MB Anlage):
//! the time of a checked backup (`VACUUM INTO`, sync, rename, then integrity_check and
//! every Anlage's SHA-512 of the copy) and of a restore (the same check, copy, checkpoint
//! and move aside, open). Three runs each; the README reports the median.
//!
//! The database is generated once under `target/bench-daten/`.

use chrono::{NaiveDate, NaiveDateTime};
use ratsbuero::api;
use ratsbuero::domain::AnlageNeu;
use ratsbuero::domain::{Status, VorlageInhalt};
use ratsbuero::store::Store;
use std::path::PathBuf;
use std::time::Instant;

const VORLAGEN: usize = 500;
const ANLAGE_BYTES: usize = 1024 * 1024;

fn jetzt() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// Bytes that do not compress (as scanned PDFs do not), from a fixed seed.
fn anlage(i: usize) -> Vec<u8> {
    let mut x = 0x9e37_79b9_7f4a_7c15u64 ^ i as u64;
    (0..ANLAGE_BYTES / 8)
        .flat_map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()
        })
        .collect()
}

fn datenbank() -> PathBuf {
    let ordner = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-daten");
    std::fs::create_dir_all(&ordner).unwrap();
    let pfad = ordner.join("sicherung-500mb-v1.sqlite");
    let fertig = ordner.join("sicherung-500mb-v1.fertig");
    if !fertig.exists() {
        let _ = std::fs::remove_file(&pfad);
        let mut store = Store::oeffnen(&pfad, jetzt()).unwrap();
        for i in 0..VORLAGEN {
            let g = store
                .vorlage_anlegen(
                    &VorlageInhalt {
                        betreff: format!("Vorlage {i} mit Anlage"),
                        ..Default::default()
                    },
                    jetzt(),
                )
                .unwrap();
            store
                .anlage_hinzufuegen(
                    g.id,
                    g.version,
                    AnlageNeu {
                        name: format!("Anlage {i}.pdf"),
                        status: Status::Oeffentlich,
                        alternativenpruefung: false,
                        daten: anlage(i),
                    },
                    jetzt(),
                )
                .unwrap();
        }
        std::fs::write(&fertig, "ok").unwrap();
    }
    pfad
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this with no work to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let quelle = datenbank();
    let mb = std::fs::metadata(&quelle).unwrap().len() as f64 / 1e6;
    let arbeit = tempfile::tempdir_in(quelle.parent().unwrap()).unwrap();
    let db = arbeit.path().join("buero.sqlite");
    std::fs::copy(&quelle, &db).unwrap();

    let mut sichern = Vec::new();
    let mut dateien = Vec::new();
    for lauf in 0..3 {
        let store = Store::oeffnen(&db, jetzt()).unwrap();
        let ordner = arbeit.path().join(format!("sicherungen-{lauf}"));
        let t = Instant::now();
        let s = api::sicherung_erstellen(&store, &ordner, Default::default(), jetzt()).unwrap();
        sichern.push(t.elapsed().as_secs_f64());
        assert_eq!(s.pruefung.anlagen as usize, VORLAGEN);
        dateien.push(s.datei);
    }
    let mut wiederherstellen = Vec::new();
    for datei in &dateien {
        let t = Instant::now();
        let (store, w) = api::sicherung_wiederherstellen(&db, datei, jetzt()).unwrap();
        wiederherstellen.push(t.elapsed().as_secs_f64());
        drop(store);
        std::fs::remove_file(w.beiseite.unwrap()).unwrap();
    }
    println!(
        "ERGEBNIS sicherung_500mb: Datenbank {mb:.0} MB; Sicherung mit Prüfung Median {:.1} s (Läufe {:?}); Wiederherstellung mit Prüfung Median {:.1} s (Läufe {:?})",
        median(sichern.clone()),
        sichern.iter().map(|s| format!("{s:.1}")).collect::<Vec<_>>(),
        median(wiederherstellen.clone()),
        wiederherstellen
            .iter()
            .map(|s| format!("{s:.1}"))
            .collect::<Vec<_>>(),
    );
}
