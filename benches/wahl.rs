//! Elections: apportionment of 1,000 seats over 50 lists by each method (goal ≤ 1 ms), and
//! the Stimmzettel PDF — 40 ballots of a ballot with 40 candidates, and 40 ballots of a
//! ballot with 3 candidates four to a sheet (report time).

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion};
use ratsbuero::domain::sitzung::GremiumTyp;
use ratsbuero::domain::wahl::{verteilen, Gruppe, Verfahren, WahlArt};
use ratsbuero::domain::{GremiumNeu, PersonNeu, WahlNeu};
use ratsbuero::store::Store;
use std::time::Instant;

fn jetzt() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn sitzverteilung(c: &mut Criterion) {
    // 50 lists with uneven votes (deterministic), 1,000 seats.
    let gruppen: Vec<Gruppe> = (0..50u64)
        .map(|i| Gruppe {
            name: format!("Liste {i}"),
            stimmen: 1_000 + (i * 7_919) % 50_000,
        })
        .collect();
    let mut g = c.benchmark_group("Sitzverteilung 1000 Sitze, 50 Listen");
    for v in [
        Verfahren::HareNiemeyer,
        Verfahren::DHondt,
        Verfahren::SainteLague,
    ] {
        g.bench_function(v.label(), |b| {
            b.iter(|| verteilen(v, 1000, std::hint::black_box(&gruppen)).unwrap())
        });
        let mut t: Vec<f64> = (0..101)
            .map(|_| {
                let s = Instant::now();
                std::hint::black_box(verteilen(v, 1000, &gruppen).unwrap());
                s.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        t.sort_by(f64::total_cmp);
        println!("ERGEBNIS sitzverteilung {}: 1000 Sitze, 50 Listen, Median {:.0} µs, p95 {:.0} µs (101 Läufe)", v.label(), t[50], t[95]);
    }
    g.finish();
}

fn stimmzettel(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::oeffnen(&dir.path().join("w.sqlite"), jetzt()).unwrap();
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
    let neu = |titel: &str| WahlNeu {
        sitzung: s.id,
        top: None,
        titel: titel.into(),
        ziel_gremium: None,
        sitze: 1,
        stellvertreter: false,
        geheim: true,
        art: WahlArt::Einzel,
        verfahren: Verfahren::HareNiemeyer,
        einheitlich_mehrheit: false,
        nur_mitglieder: false,
    };
    let viele = store
        .wahl_anlegen(&neu("Wahl mit 40 Bewerbern"), jetzt())
        .unwrap();
    let drei = store
        .wahl_anlegen(&neu("Wahl des Vorsitzes"), jetzt())
        .unwrap();
    for i in 0..40 {
        let p = store
            .person_anlegen(
                &PersonNeu {
                    vorname: "Ayşe".into(),
                    nachname: format!("Yılmaz-Nguyễn {i}"),
                    ..Default::default()
                },
                jetzt(),
            )
            .unwrap();
        store.kandidat_anlegen(viele.id, p.id, jetzt()).unwrap();
        if i < 3 {
            store.kandidat_anlegen(drei.id, p.id, jetzt()).unwrap();
        }
    }
    let viele = store.wahl(viele.id).unwrap();
    let drei = store.wahl(drei.id).unwrap();
    let mut gr = c.benchmark_group("Stimmzettel");
    gr.sample_size(10);
    for (name, akte, je_blatt) in [
        ("40 Stimmzettel mit 40 Bewerbern", &viele, 1),
        ("40 Stimmzettel mit 3 Bewerbern, 4 je Blatt", &drei, 4),
    ] {
        let pdf = ratsbuero::pdf::wahl::stimmzettel(akte, 40, je_blatt, jetzt()).unwrap();
        let seiten = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
        gr.bench_function(name, |b| {
            b.iter(|| ratsbuero::pdf::wahl::stimmzettel(akte, 40, je_blatt, jetzt()).unwrap())
        });
        let mut t: Vec<f64> = (0..9)
            .map(|_| {
                let s = Instant::now();
                std::hint::black_box(
                    ratsbuero::pdf::wahl::stimmzettel(akte, 40, je_blatt, jetzt()).unwrap(),
                );
                s.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        t.sort_by(f64::total_cmp);
        println!(
            "ERGEBNIS stimmzettel {name}: {seiten} Seiten, Median {:.0} ms (9 Läufe)",
            t[4]
        );
    }
    gr.finish();
}

criterion_group!(benches, sitzverteilung, stimmzettel);
criterion_main!(benches);
