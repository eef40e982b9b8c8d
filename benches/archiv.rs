//! A town's whole archive (issue 28 § 3): the same figures on 10,000 and on 100,000
//! released Vorlagen over 20 years (`ratsbuero demo --umfang N`, api::archiv_erzeugen:
//! half of them with an Anlage whose text is indexed), so the growth shows. Printed as
//! `ERGEBNIS` lines, the README's performance table takes them:
//! - the search (p50/p95 of 200 runs each; up to 200 hits listed, and 500 as the app asks) for a rare word, a common word, a compound
//!   part, a phrase only in an Anlage and a person's name with diacritics;
//! - the Vorlagen list as the app opens it (the newest 500, no search);
//! - opening the office (the store with its checks), the core's part of the cold start;
//! - the file's size beside the bytes of its Anlagen.
//!
//! The archives are made once under `target/bench-daten/` (100,000 take minutes) and kept.
//! `RATSBUERO_ARCHIV=10000` measures one size only.

use ratsbuero::store::{Store, VorlagenFilter};
use std::path::PathBuf;
use std::time::Instant;

#[allow(dead_code)]
mod gemeinsam;
use gemeinsam::{jetzt, perzentile};

/// The queries: (what it stands for, the text typed).
const ANFRAGEN: &[(&str, &str)] = &[
    ("seltenes Wort", "wärmedämmverbundsystem"),
    ("häufiges Wort", "integrationsrat"),
    ("Teil eines Kompositums", "lotsen"),
    ("Satz nur in einer Anlage", "stellungnahme zu vorlage 4712"),
    ("Name mit diakritischen Zeichen", "wiśniewski"),
];

fn archiv(umfang: usize) -> (PathBuf, u64) {
    let ordner = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-daten");
    std::fs::create_dir_all(&ordner).unwrap();
    let pfad = ordner.join(format!("archiv-{umfang}-v2.sqlite"));
    let fertig = ordner.join(format!("archiv-{umfang}-v2.fertig"));
    if !fertig.exists() {
        let _ = std::fs::remove_file(&pfad);
        let mut store = Store::oeffnen(&pfad, jetzt()).unwrap();
        let t = Instant::now();
        let a = ratsbuero::api::archiv_erzeugen(&mut store, umfang, &mut |n| {
            if n % 10_000 == 0 {
                eprintln!(
                    "  {n} von {umfang} erzeugt ({:.0} s)",
                    t.elapsed().as_secs_f64()
                );
            }
        })
        .unwrap();
        println!(
            "ERGEBNIS archiv {umfang}: erzeugt in {:.0} s ({} Anlagen, {} Bytes)",
            t.elapsed().as_secs_f64(),
            a.anlagen,
            a.anlagen_bytes
        );
        std::fs::write(&fertig, a.anlagen_bytes.to_string()).unwrap();
    }
    let bytes = std::fs::read_to_string(&fertig)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (pfad, bytes)
}

/// p50 and p95 of `n` runs of `f`, in milliseconds.
fn mal(n: usize, mut f: impl FnMut()) -> (f64, f64) {
    perzentile(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn messen(umfang: usize) {
    let (pfad, anlagen_bytes) = archiv(umfang);
    let (p50, p95) = mal(20, || {
        std::hint::black_box(Store::oeffnen(&pfad, jetzt()).unwrap());
    });
    println!("ERGEBNIS {umfang} Büro öffnen: p50 {p50:.1} ms, p95 {p95:.1} ms");
    let store = Store::oeffnen(&pfad, jetzt()).unwrap();
    let liste = VorlagenFilter {
        grenze: Some(500),
        ..Default::default()
    };
    let (p50, p95) = mal(200, || {
        std::hint::black_box(store.vorlagen(&liste).unwrap());
    });
    println!("ERGEBNIS {umfang} Vorlagenliste (500 neueste): p50 {p50:.1} ms, p95 {p95:.1} ms");
    // The app lists up to 500 hits; the store benchmark (and its README rows) 200.
    for grenze in [200u32, 500] {
        for (was, anfrage) in ANFRAGEN {
            let filter = VorlagenFilter {
                suche: Some((*anfrage).into()),
                grenze: Some(grenze),
                ..Default::default()
            };
            let treffer = store.vorlagen(&filter).unwrap().len();
            assert!(treffer > 0, "„{anfrage}“ findet nichts");
            let (p50, p95) = mal(200, || {
                std::hint::black_box(store.vorlagen(&filter).unwrap());
            });
            println!("ERGEBNIS {umfang} suche {was} „{anfrage}“: p50 {p50:.2} ms, p95 {p95:.2} ms ({treffer} Treffer, Liste max. {grenze})");
        }
    }
    let datei = std::fs::metadata(&pfad).unwrap().len();
    println!(
        "ERGEBNIS {umfang} Dateigröße: {:.1} MB, Anlagen {:.1} MB ({:.1} KB je Vorlage)",
        datei as f64 / 1e6,
        anlagen_bytes as f64 / 1e6,
        datei as f64 / 1e3 / umfang as f64
    );
}

fn main() {
    let groessen: Vec<usize> = match std::env::var("RATSBUERO_ARCHIV") {
        Ok(n) => vec![n.parse().expect("RATSBUERO_ARCHIV: eine Zahl")],
        Err(_) => vec![10_000, 100_000],
    };
    for umfang in groessen {
        messen(umfang);
    }
}
