//! Cold start of the desktop app to the first rendered Vorlagen list, under a real X
//! display (run inside `xvfb-run`). The app, started with `RATSBUERO_KALTSTART=1`, reports
//! the milliseconds from process start until the list is on screen and quits; criterion
//! collects those figures, and the bench prints p50/p95 of 20 starts for the README.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use ratsbuero::domain::{Buero, VorlageInhalt};
use ratsbuero::store::Store;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn vorbereiten(ordner: &Path) {
    let jetzt = NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let mut store = Store::oeffnen(&ordner.join("buero.sqlite"), jetzt).unwrap();
    store
        .buero_speichern(&Buero {
            kommune: "Stadt Herne".into(),
            ..Buero::default()
        })
        .unwrap();
    for i in 0..200 {
        let inhalt = VorlageInhalt {
            betreff: format!("Vorlage {i} des Integrationsrates"),
            ..Default::default()
        };
        store.vorlage_anlegen(&inhalt, jetzt).unwrap();
    }
}

fn einmal(ordner: &Path) -> Duration {
    let ausgabe = Command::new(env!("CARGO_BIN_EXE_ratsbuero-desktop"))
        .env("RATSBUERO_KALTSTART", "1")
        .env("RATSBUERO_DB", ordner.join("buero.sqlite"))
        .env("XDG_CONFIG_HOME", ordner.join("config"))
        .env("XDG_DATA_HOME", ordner.join("data"))
        .output()
        .expect("App startet");
    let text = String::from_utf8_lossy(&ausgabe.stdout);
    let ms: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("kaltstart_ms="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| {
            panic!(
                "keine Messung von der App: {text} {}",
                String::from_utf8_lossy(&ausgabe.stderr)
            )
        });
    Duration::from_secs_f64(ms / 1000.0)
}

fn kaltstart(c: &mut Criterion) {
    if std::env::var_os("DISPLAY").is_none() {
        eprintln!("kaltstart: kein DISPLAY – bitte unter xvfb-run ausführen; übersprungen.");
        return;
    }
    let ordner = tempfile::tempdir().unwrap();
    vorbereiten(ordner.path());
    let mut zeiten: Vec<Duration> = (0..20).map(|_| einmal(ordner.path())).collect();
    zeiten.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "ERGEBNIS kaltstart bis zur ersten Liste (200 Vorlagen): p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms (20 Starts)",
        ms(zeiten[10]),
        ms(zeiten[18]),
        ms(zeiten[19])
    );
    c.bench_function("kaltstart bis zur ersten Liste", |b| {
        b.iter_custom(|n| (0..n).map(|_| einmal(ordner.path())).sum())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_millis(1));
    targets = kaltstart
}
criterion_main!(benches);
