//! The session packet: 30 Vorlagen with one PDF Anlage each (about 300 pages), built end
//! to end (`api::sitzung_paket`: render the Vorlagen and the Tagesordnung, merge, outline,
//! stamp every page) — goal ≤ 2 s — beside `qpdf --empty --pages … --` merging the same
//! finished PDFs (qpdf only merges: no rendering, outline or stamps) — goal: within 2×.

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion};
use ratsbuero::api::{self, PaketVariante};
use ratsbuero::domain::sitzung::{GremiumTyp, Teil};
use ratsbuero::domain::{AnlageNeu, GremiumNeu, TopNeu};
use ratsbuero::domain::{Status, VorlageInhalt};
use ratsbuero::store::Store;
use std::process::Command;
use std::time::{Duration, Instant};

fn jetzt() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

const ABSATZ: &str =
    "Die Verwaltung berichtet über die Umsetzung des Integrationskonzeptes in den \
Handlungsfeldern Sprache, Bildung, Arbeit, Wohnen und gesellschaftliche Teilhabe. Die Träger der \
Migrationsberatung haben ihre Angebote in den Stadtteilen ausgeweitet.";

fn inhalt(betreff: String, absaetze: usize) -> VorlageInhalt {
    VorlageInhalt {
        betreff,
        verfasser: "Ayşe Yılmaz".into(),
        federfuehrend: "Büro Integrationsrat".into(),
        sachverhalt: vec![ABSATZ; absaetze].join("\n\n"),
        ..Default::default()
    }
}

fn paket(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::oeffnen(&dir.path().join("b.sqlite"), jetzt()).unwrap();
    let mut buero = store.buero().unwrap();
    buero.kommune = "Stadt Herne".into();
    store.buero_speichern(&buero).unwrap();
    let buero = store.buero().unwrap();
    let g = store
        .gremium_anlegen(
            &GremiumNeu {
                name: "Integrationsrat".into(),
                kurzname: "IR".into(),
                typ: GremiumTyp::Integrationsrat,
                wahlperiode: String::new(),
                ladungsfrist_tage: 7,
                mindestsitzungen_jahr: 0,
                vertretung: Default::default(),
                ohne_entschaedigung: false,
            },
            jetzt(),
        )
        .unwrap();
    let s = store
        .sitzung_anlegen(g.id, jetzt(), "Rathaus", jetzt())
        .unwrap();
    // One long Anlage (a report of about 8 pages), stored 30 times under other names.
    let vorlage_fuer_anlage = store
        .vorlage_anlegen(&inhalt("Bericht".into(), 95), jetzt())
        .unwrap();
    let anlage = ratsbuero::pdf::vorlage(
        &store.vorlage(vorlage_fuer_anlage.id).unwrap(),
        &buero,
        jetzt(),
    )
    .unwrap()
    .bytes;
    let mut dateien = Vec::new();
    for i in 0..30 {
        let v = store
            .vorlage_anlegen(
                &inhalt(format!("Vorlage {i}: Integrationsbericht"), 8),
                jetzt(),
            )
            .unwrap();
        let mut daten = anlage.clone();
        daten.extend(format!("\n% Anlage {i}\n").as_bytes()); // distinct SHA-512
        store
            .anlage_hinzufuegen(
                v.id,
                v.version,
                AnlageNeu {
                    name: format!("Bericht {i}.pdf"),
                    status: Status::Oeffentlich,
                    alternativenpruefung: false,
                    daten: daten.clone(),
                },
                jetzt(),
            )
            .unwrap();
        store
            .top_hinzufuegen(
                s.id,
                &TopNeu {
                    teil: Teil::Oeffentlich,
                    titel: String::new(),
                    vorlage: Some(v.id),
                    unterpunkt: false,
                },
                jetzt(),
            )
            .unwrap();
        // The same finished PDFs for qpdf.
        let vp = dir.path().join(format!("v{i}.pdf"));
        std::fs::write(
            &vp,
            ratsbuero::pdf::vorlage(&store.vorlage(v.id).unwrap(), &buero, jetzt())
                .unwrap()
                .bytes,
        )
        .unwrap();
        let ap = dir.path().join(format!("a{i}.pdf"));
        std::fs::write(&ap, &daten).unwrap();
        dateien.extend([vp, ap]);
    }
    let pdf = api::sitzung_paket(&store, s.id.0, PaketVariante::Mitglieder, jetzt()).unwrap();
    let seiten = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();

    let mut gruppe = c.benchmark_group("Sitzungspaket");
    gruppe.sample_size(10);
    gruppe.bench_function(format!("30 Vorlagen + 30 Anlagen, {seiten} Seiten"), |b| {
        b.iter(|| api::sitzung_paket(&store, s.id.0, PaketVariante::Mitglieder, jetzt()).unwrap())
    });
    gruppe.finish();
    let mut zeiten: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(
                api::sitzung_paket(&store, s.id.0, PaketVariante::Mitglieder, jetzt()).unwrap(),
            );
            t.elapsed()
        })
        .collect();
    zeiten.sort();
    let ratsbuero_ms = zeiten[3].as_secs_f64() * 1000.0;
    let qpdf = (0..7)
        .map(|_| {
            let t = Instant::now();
            let o = Command::new("qpdf")
                .arg("--empty")
                .arg("--pages")
                .args(&dateien)
                .arg("--")
                .arg(dir.path().join("q.pdf"))
                .output()
                .ok()?;
            o.status.success().then(|| t.elapsed())
        })
        .collect::<Option<Vec<Duration>>>();
    match qpdf {
        Some(mut q) => {
            q.sort();
            let qpdf_ms = q[3].as_secs_f64() * 1000.0;
            println!("ERGEBNIS sitzungspaket: {seiten} Seiten, Median {ratsbuero_ms:.0} ms (7 Läufe, alles: 30 Vorlagen setzen, Tagesordnung, Zusammenfügen, Lesezeichen, Seitenstempel); qpdf --empty --pages derselben fertigen PDFs: Median {qpdf_ms:.0} ms; Verhältnis {:.2}", ratsbuero_ms / qpdf_ms);
        }
        None => println!("ERGEBNIS sitzungspaket: {seiten} Seiten, Median {ratsbuero_ms:.0} ms; qpdf fehlt (apt-get install qpdf)"),
    }
}

criterion_group!(benches, paket);
criterion_main!(benches);
