//! The Auszahlungsliste and the year's report (Tätigkeitsbericht) of a year for a large
//! office (issue 27): 10 Gremien × 12 Sitzungen × 15 members, everyone present with hours
//! and km entered — the list computed from the store, as PDF/A and CSV, and the report's
//! content and its PDF (goal: under 200 ms each).

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion};
use ratsbuero::api;
use ratsbuero::domain::sitzung::{Anwesenheit, GremiumTyp, Herkunft, MitgliedRolle};
use ratsbuero::domain::{GremiumNeu, MitgliedschaftNeu, PersonNeu};
use ratsbuero::store::Store;
use std::time::Instant;

fn jetzt() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

const NAMEN: &[&str] = &[
    "Ayşe Yılmaz",
    "Łukasz Żółkiewski",
    "Ștefan Țurcanu",
    "Thị Hồng Nguyễn",
    "Елена Смирнова",
    "Γιώργος Παπαδόπουλος",
    "Tigist Haile ትግስት",
    "Mehmet Çelik",
];

/// The office: 10 Gremien, each with 15 members and 12 Sitzungen in 2026, all attended.
fn buero(store: &mut Store) {
    let j = jetzt();
    for (art, betrag) in [
        ("sitzungsgeld", "25,50"),
        ("verdienstausfall", "10,99"),
        ("verdienstausfall_hoechst", "80,00"),
        ("fahrtkosten", "0,30"),
    ] {
        let s = api::satz_lesen(art, betrag, "01.01.2026", None, None, None).unwrap();
        api::satz_anlegen(store, &s, j).unwrap();
    }
    for g in 0..10 {
        let gremium = store
            .gremium_anlegen(
                &GremiumNeu {
                    name: format!("Ausschuss {g}"),
                    kurzname: format!("A{g}"),
                    typ: GremiumTyp::Ausschuss,
                    wahlperiode: String::new(),
                    ladungsfrist_tage: 7,
                    mindestsitzungen_jahr: 0,
                    vertretung: Default::default(),
                    ohne_entschaedigung: false,
                },
                j,
            )
            .unwrap();
        let mut personen = Vec::new();
        for m in 0..15 {
            let (vor, nach) = NAMEN[(g + m) % NAMEN.len()].split_once(' ').unwrap();
            let p = store
                .person_anlegen(
                    &PersonNeu {
                        vorname: vor.into(),
                        nachname: format!("{nach} {g}-{m}"),
                        iban: "DE02120300000000202051".into(),
                        ..Default::default()
                    },
                    j,
                )
                .unwrap();
            store
                .mitgliedschaft_anlegen(&MitgliedschaftNeu {
                    person: p.id,
                    gremium: gremium.id,
                    rolle: MitgliedRolle::Mitglied,
                    stimmrecht: true,
                    fuer: "Liste".into(),
                    herkunft: Herkunft::Direkt,
                    von: String::new(),
                    bis: String::new(),
                })
                .unwrap();
            personen.push(p.id.0);
        }
        for monat in 1..=12 {
            let s = store
                .sitzung_anlegen(
                    gremium.id,
                    NaiveDate::from_ymd_opt(2026, monat, 10)
                        .unwrap()
                        .and_hms_opt(17, 0, 0)
                        .unwrap(),
                    "Rathaus",
                    j,
                )
                .unwrap();
            for (i, p) in personen.iter().enumerate() {
                api::anwesenheit_setzen(
                    store,
                    s.id.0,
                    *p,
                    Some(Anwesenheit::Anwesend),
                    "",
                    None,
                    None,
                    j,
                )
                .unwrap();
                api::entschaedigung_setzen(
                    store,
                    s.id.0,
                    *p,
                    if i % 3 == 0 { "2,5" } else { "" },
                    (i % 7) as u32 * 4,
                    "",
                    false,
                    None,
                    j,
                )
                .unwrap();
            }
        }
    }
}

fn median(mut t: Vec<f64>) -> (f64, f64) {
    t.sort_by(f64::total_cmp);
    (t[t.len() / 2], t[t.len() * 95 / 100])
}

fn auszahlungsliste(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::oeffnen(&dir.path().join("geld.sqlite"), jetzt()).unwrap();
    buero(&mut store);
    let liste = api::auszahlungsliste(&store, "01.01.2026", "31.12.2026").unwrap();
    assert_eq!(liste.zahlungen.len(), 10 * 12 * 15);
    let mut g = c.benchmark_group("Auszahlungsliste 10 Gremien × 12 Sitzungen × 15 Mitglieder");
    g.sample_size(10);
    g.bench_function("berechnen", |b| {
        b.iter(|| api::auszahlungsliste(&store, "01.01.2026", "31.12.2026").unwrap())
    });
    g.bench_function("PDF", |b| {
        b.iter(|| api::auszahlung_pdf(&store, &liste, jetzt()).unwrap())
    });
    g.bench_function("CSV", |b| b.iter(|| api::auszahlung_csv(&liste)));
    g.finish();
    for (name, lauf) in [
        (
            "berechnen",
            Box::new(|| drop(api::auszahlungsliste(&store, "01.01.2026", "31.12.2026").unwrap()))
                as Box<dyn Fn()>,
        ),
        (
            "PDF",
            Box::new(|| drop(api::auszahlung_pdf(&store, &liste, jetzt()).unwrap())),
        ),
        ("CSV", Box::new(|| drop(api::auszahlung_csv(&liste)))),
    ] {
        let (m, p95) = messen(lauf);
        println!("ERGEBNIS auszahlungsliste {name}: 1.800 Zahlungen, Median {m:.1} ms, p95 {p95:.1} ms (21 Läufe)");
    }
}

/// Median and p95 of 21 runs, in ms.
fn messen(lauf: Box<dyn Fn() + '_>) -> (f64, f64) {
    median(
        (0..21)
            .map(|_| {
                let s = Instant::now();
                lauf();
                s.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

fn jahresende() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 31)
        .unwrap()
        .and_hms_opt(18, 0, 0)
        .unwrap()
}

fn taetigkeitsbericht(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::oeffnen(&dir.path().join("bericht.sqlite"), jetzt()).unwrap();
    buero(&mut store);
    let ende = jahresende();
    let inhalt = api::bericht_jahr(&store, 2026, true, ende).unwrap();
    assert!(
        inhalt.sachverhalt.contains("12 Sitzungen fanden statt"),
        "{}",
        inhalt.sachverhalt
    );
    let entwurf = api::bericht_entwurf(&mut store, 2026, true, ende).unwrap();
    let mut g = c.benchmark_group("Tätigkeitsbericht 10 Gremien × 12 Sitzungen × 15 Mitglieder");
    g.sample_size(10);
    g.bench_function("Inhalt", |b| {
        b.iter(|| api::bericht_jahr(&store, 2026, true, ende).unwrap())
    });
    g.bench_function("PDF", |b| {
        b.iter(|| api::vorlage_pdf(&store, entwurf.id.0, ende).unwrap())
    });
    g.finish();
    for (name, lauf) in [
        (
            "Inhalt",
            Box::new(|| drop(api::bericht_jahr(&store, 2026, true, ende).unwrap()))
                as Box<dyn Fn()>,
        ),
        (
            "PDF",
            Box::new(|| drop(api::vorlage_pdf(&store, entwurf.id.0, ende).unwrap())),
        ),
    ] {
        let (m, p95) = messen(lauf);
        println!(
            "ERGEBNIS taetigkeitsbericht {name}: Median {m:.1} ms, p95 {p95:.1} ms (21 Läufe)"
        );
    }
}

criterion_group!(benches, auszahlungsliste, taetigkeitsbericht);
criterion_main!(benches);
