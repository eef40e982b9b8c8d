//! Benchmarks of the store (criterion): durable save of a Vorlage, and full-text search
//! over 10,000 generated Vorlagen. Besides criterion's estimates, each prints the p50 and
//! p95 of 1,000 single operations, the figures the README's performance table reports.

use criterion::{criterion_group, criterion_main, Criterion};
use ratsbuero::store::{Store, VorlagenFilter};
use std::path::PathBuf;
use std::time::{Duration, Instant};

mod gemeinsam;
use gemeinsam::{inhalt, jetzt, perzentile, ANFRAGEN};

fn speichern(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::oeffnen(&dir.path().join("bench.sqlite"), jetzt()).unwrap();
    let g = store.vorlage_anlegen(&inhalt(0), jetzt()).unwrap();
    let mut version = g.version;
    let mut n = 0usize;
    let mut einmal = |store: &mut Store| {
        n += 1;
        let s = store
            .vorlage_speichern(g.id, version, &inhalt(n), jetzt())
            .unwrap();
        version = s.version;
    };
    c.bench_function("vorlage_speichern (synchronous=FULL, WAL)", |b| {
        b.iter(|| einmal(&mut store))
    });
    let zeiten: Vec<Duration> = (0..1000)
        .map(|_| {
            let t = Instant::now();
            einmal(&mut store);
            t.elapsed()
        })
        .collect();
    let (p50, p95) = perzentile(zeiten);
    println!("ERGEBNIS vorlage_speichern: p50 {p50:.3} ms, p95 {p95:.3} ms (1000 Speicherungen)");
}

/// The 10,000-Vorlagen database, generated once and kept under target/.
fn suchdatenbank() -> PathBuf {
    let ordner = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-daten");
    std::fs::create_dir_all(&ordner).unwrap();
    let pfad = ordner.join("suche-10000-v1.sqlite");
    let fertig = ordner.join("suche-10000-v1.fertig");
    if !fertig.exists() {
        let _ = std::fs::remove_file(&pfad);
        let mut store = Store::oeffnen(&pfad, jetzt()).unwrap();
        for i in 0..10_000 {
            store.vorlage_anlegen(&inhalt(i), jetzt()).unwrap();
        }
        std::fs::write(&fertig, "10000").unwrap();
    }
    pfad
}

fn suchen(c: &mut Criterion) {
    let pfad = suchdatenbank();
    let store = Store::oeffnen(&pfad, jetzt()).unwrap();
    for anfrage in ANFRAGEN {
        let filter = VorlagenFilter {
            suche: Some((*anfrage).into()),
            grenze: Some(200),
            ..Default::default()
        };
        let treffer = store.vorlagen(&filter).unwrap().len();
        c.bench_function(
            &format!("suche „{anfrage}“ (10.000 Vorlagen, {treffer} Treffer, max. 200)"),
            |b| b.iter(|| store.vorlagen(&filter).unwrap()),
        );
        let zeiten: Vec<Duration> = (0..1000)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(store.vorlagen(&filter).unwrap());
                t.elapsed()
            })
            .collect();
        let (p50, p95) = perzentile(zeiten);
        println!("ERGEBNIS suche „{anfrage}“: p50 {p50:.3} ms, p95 {p95:.3} ms ({treffer} Treffer, Liste max. 200)");
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    targets = speichern, suchen
}
criterion_main!(benches);
