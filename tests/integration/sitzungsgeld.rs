//! Sitzungsgeld and Entschädigung (issue 27 § 2): the rates as office data changing at 1
//! January, a year of Sitzungen checked in cents against a table computed by hand, a
//! Gremium without Entschädigung, a missing rate named, the Auszahlungsliste as PDF/A
//! (qpdf, pdfua, pdftotext) and as CSV for the cash office, the IBAN checked at the form
//! and never in a public output (OParl export, iCalendar, public Niederschrift), and the
//! CLI's contract.

use crate::gemeinsam::{buero, person, zeit, Testbuero};
use crate::pdf::{technisch_einwandfrei, text};
use ratsbuero::api;
use ratsbuero::domain::betrag::Cent;
use ratsbuero::domain::sitzung::{Anwesenheit, GremiumTyp, Herkunft, MitgliedRolle};
use ratsbuero::domain::{MitgliedschaftNeu, PersonNeu};
use std::process::Command;

const IBAN: &str = "DE02 1203 0000 0000 2020 51";

struct Jahr {
    b: Testbuero,
    ir: i64,
    /// Yılmaz, Żółkiewski, Nguyễn, and Haile (with IBAN and Personalnummer).
    a: i64,
    b_: i64,
    c: i64,
    d: i64,
}

fn saetze(b: &mut Testbuero) {
    let j = zeit("2025-12-01");
    for (art, betrag, ab) in [
        ("sitzungsgeld", "25,50", "01.01.2026"),
        ("sitzungsgeld", "26,40", "01.01.2027"),
        ("verdienstausfall", "10,99", "01.01.2026"),
        ("verdienstausfall_hoechst", "80,00", "01.01.2026"),
        ("fahrtkosten", "0,30", "01.01.2026"),
    ] {
        let s = api::satz_lesen(art, betrag, ab, None, None, None).unwrap();
        api::satz_anlegen(&mut b.store, &s, j).unwrap();
    }
}

/// The demo office, the rates, and the year 2026 of the Integrationsrat: four Sitzungen
/// (and one on 14.01.2027, after the change of rates).
fn jahr() -> Jahr {
    let mut b = buero();
    let j = zeit("2025-12-01");
    api::demo(&mut b.store, j).unwrap();
    saetze(&mut b);
    let ir = b
        .store
        .gremien()
        .unwrap()
        .into_iter()
        .find(|g| g.daten.typ == GremiumTyp::Integrationsrat)
        .unwrap()
        .id
        .0;
    let d = api::person_anlegen(
        &mut b.store,
        &PersonNeu {
            vorname: "Tigist".into(),
            nachname: "Haile ትግስት".into(),
            anschrift: "Marktstraße 1\n44623 Herne".into(),
            iban: IBAN.to_lowercase().replace(' ', ""),
            personalnummer: "P-4711".into(),
            ..Default::default()
        },
        j,
    )
    .unwrap();
    api::mitgliedschaft_anlegen(
        &mut b.store,
        &MitgliedschaftNeu {
            person: d.id,
            gremium: ratsbuero::domain::GremiumId(ir),
            rolle: MitgliedRolle::Mitglied,
            stimmrecht: true,
            fuer: "Liste Vielfalt".into(),
            herkunft: Herkunft::Direkt,
            von: "01.01.2026".into(),
            bis: String::new(),
        },
    )
    .unwrap();
    let (a, b_, c) = (
        person(&b, "Yılmaz"),
        person(&b, "Żółkiewski"),
        person(&b, "Nguyễn"),
    );
    Jahr {
        b,
        ir,
        a,
        b_,
        c,
        d: d.id.0,
    }
}

/// A Sitzung of the Integrationsrat on `tag` with `da` present, and per person (hours,
/// km, proven wage, waiver).
fn sitzung(j: &mut Jahr, tag: &str, da: &[i64], angaben: &[(i64, &str, u32, &str, bool)]) -> i64 {
    let t = zeit("2025-12-01");
    let s = api::sitzung_anlegen(&mut j.b.store, j.ir, &format!("{tag}T17:00"), "Rathaus", t)
        .unwrap()
        .id
        .0;
    for p in da {
        api::anwesenheit_setzen(
            &mut j.b.store,
            s,
            *p,
            Some(Anwesenheit::Anwesend),
            "",
            None,
            None,
            t,
        )
        .unwrap();
    }
    for (p, stunden, km, satz, verzicht) in angaben {
        api::entschaedigung_setzen(
            &mut j.b.store,
            s,
            *p,
            stunden,
            *km,
            satz,
            *verzicht,
            None,
            t,
        )
        .unwrap();
    }
    s
}

fn das_jahr_2026() -> Jahr {
    let mut j = jahr();
    let (a, b, c, d) = (j.a, j.b_, j.c, j.d);
    sitzung(
        &mut j,
        "2026-03-10",
        &[a, b, c, d],
        &[
            (a, "2,5", 23, "", false),
            (b, "", 12, "", false),
            (d, "", 10, "", false),
        ],
    );
    sitzung(
        &mut j,
        "2026-06-16",
        &[a, b, c],
        &[(b, "2", 0, "30,00", false), (c, "4,25", 0, "", false)],
    );
    sitzung(
        &mut j,
        "2026-09-22",
        &[a, c],
        &[(a, "1:45", 0, "", false), (c, "", 7, "", false)],
    );
    sitzung(
        &mut j,
        "2026-12-08",
        &[a, c],
        &[(a, "3", 0, "95,00", false), (c, "", 10, "", true)],
    );
    sitzung(&mut j, "2027-01-14", &[a], &[]);
    j
}

#[test]
fn a_year_adds_up_in_cents_against_the_hand_computed_table() {
    let j = das_jahr_2026();
    let l = api::auszahlungsliste(&j.b.store, "01.01.2026", "31.12.2026").unwrap();
    // By hand (EntschVO-like rates: 25,50 € Sitzungsgeld, 10,99 €/h, at most 80,00 €/h, 0,30 €/km):
    //   Yılmaz:  59,88 (25,50 + 2,5 h = 27,48 + 23 km = 6,90) + 25,50 + 44,73 (25,50 + 1:45 h
    //            = 19,23) + 265,50 (25,50 + 3 h × 80,00, 95,00 proven) = 395,61
    //   Haile:   28,50 (25,50 + 10 km)
    //   Nguyễn:  25,50 + 72,21 (25,50 + 4,25 h = 46,71) + 27,60 (25,50 + 7 km); waived in
    //            December = 125,31
    //   Żółkiewski: 29,10 (25,50 + 12 km) + 85,50 (25,50 + 2 h × 30,00) = 114,60
    let summen: Vec<(String, Cent)> = l.summen.iter().map(|(p, s)| (p.name.clone(), *s)).collect();
    assert_eq!(
        summen,
        vec![
            ("Tigist Haile ትግስት".to_string(), Cent(2_850)),
            ("Thị Hồng Nguyễn".to_string(), Cent(12_531)),
            ("Ayşe Yılmaz".to_string(), Cent(39_561)),
            ("Łukasz Żółkiewski".to_string(), Cent(11_460)),
        ]
    );
    assert_eq!(l.summe, Cent(66_402));
    assert_eq!(l.zahlungen.len(), 10);
    assert_eq!(
        l.summe.0,
        l.zahlungen.iter().map(|z| z.posten.summe.0).sum::<i64>()
    );
    // From 1 January the new Sitzungsgeld.
    let l27 = api::auszahlungsliste(&j.b.store, "01.01.2027", "31.03.2027").unwrap();
    assert_eq!((l27.zahlungen.len(), l27.summe), (1, Cent(2_640)));
    // A quarter: only its Sitzungen.
    let q2 = api::auszahlungsliste(&j.b.store, "01.04.2026", "30.06.2026").unwrap();
    assert_eq!(q2.summe, Cent(2_550 + 8_550 + 7_221));
}

#[test]
fn a_gremium_without_entschaedigung_and_a_missing_rate() {
    let mut j = jahr();
    let ag =
        j.b.store
            .gremien()
            .unwrap()
            .into_iter()
            .find(|g| g.daten.typ == GremiumTyp::Arbeitsgemeinschaft)
            .unwrap();
    assert!(
        ag.daten.ohne_entschaedigung,
        "the demo's AG Integrationsräte pays nothing"
    );
    let t = zeit("2025-12-01");
    // Yılmaz is sent into the AG too; present at its Sitzung, she is paid nothing there.
    api::mitgliedschaft_anlegen(
        &mut j.b.store,
        &MitgliedschaftNeu {
            person: ratsbuero::domain::PersonId(j.a),
            gremium: ag.id,
            rolle: MitgliedRolle::Mitglied,
            stimmrecht: true,
            fuer: "Integrationsrat Herne".into(),
            herkunft: Herkunft::Rat,
            von: "01.01.2026".into(),
            bis: String::new(),
        },
    )
    .unwrap();
    let s =
        api::sitzung_anlegen(&mut j.b.store, ag.id.0, "2026-05-05T10:00", "Kreishaus", t).unwrap();
    api::anwesenheit_setzen(
        &mut j.b.store,
        s.id.0,
        j.a,
        Some(Anwesenheit::Anwesend),
        "",
        None,
        None,
        t,
    )
    .unwrap();
    api::entschaedigung_setzen(&mut j.b.store, s.id.0, j.a, "2", 40, "", false, None, t).unwrap();
    let z = api::sitzung_entschaedigung(&j.b.store, s.id.0).unwrap();
    let yilmaz = z.iter().find(|z| z.person.id.0 == j.a).unwrap();
    assert_eq!(
        (yilmaz.posten.summe, yilmaz.posten.hinweis.as_deref()),
        (Cent(0), Some("Gremium ohne Entschädigung"))
    );
    assert!(
        api::auszahlungsliste(&j.b.store, "01.05.2026", "31.05.2026")
            .unwrap()
            .zahlungen
            .is_empty()
    );
    // 2025 has no rate: the list says which Sitzung and which rate, and gives nothing.
    let a = j.a;
    sitzung(&mut j, "2025-11-04", &[a], &[]);
    let e = api::auszahlungsliste(&j.b.store, "01.01.2025", "31.12.2025").unwrap_err();
    assert_eq!(e.befunde[0].feld, "satz");
    assert!(e.message.contains("Sitzung Integrationsrat am 04.11.2025: Für den 04.11.2025 ist kein Satz „Sitzungsgeld je Sitzung“ eingetragen"), "{}", e.message);
    // The same rate twice is refused; a later one is the way to change it.
    let doppelt = api::satz_lesen("sitzungsgeld", "30,00", "01.01.2026", None, None, None).unwrap();
    let e = api::satz_anlegen(&mut j.b.store, &doppelt, t).unwrap_err();
    assert_eq!(e.befunde[0].feld, "ab");
    assert_eq!(api::saetze(&j.b.store).unwrap().len(), 5);
    // Bad input is named at its field.
    let e = api::satz_lesen("sitzungsgeld", "25,5x", "01.01.2026", None, None, None).unwrap_err();
    assert_eq!(
        (e.befunde[0].feld.as_str(), e.message.as_str()),
        (
            "betrag",
            "Sitzungsgeld je Sitzung, Betrag: „25,5x“ ist kein Betrag (Beispiel: 1.234,56)."
        )
    );
    let e = api::entschaedigung_setzen(&mut j.b.store, 1, a, "zwei", 0, "", false, None, t)
        .unwrap_err();
    assert_eq!(e.befunde[0].feld, "stunden");
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn the_list_as_pdf_and_csv_and_the_iban_only_there() {
    let j = das_jahr_2026();
    let l = api::auszahlungsliste(&j.b.store, "01.01.2026", "31.12.2026").unwrap();
    let pdf = api::auszahlung_pdf(&j.b.store, &l, zeit("2027-01-05")).unwrap();
    technisch_einwandfrei(&pdf);
    let t = text(&pdf);
    for teil in [
        "Auszahlungsliste Sitzungsgeld",
        "01.01.2026 – 31.12.2026",
        "Tigist Haile ትግስት",
        "Łukasz Żółkiewski",
        "Summe Ayşe Yılmaz",
        "395,61 €",
        "Gesamtsumme",
        "664,02 €",
        "Sachlich und rechnerisch richtig",
        "vertraulich",
    ] {
        assert!(t.contains(teil), "„{teil}“ fehlt:\n{t}");
    }
    assert!(!t.contains("DE02"), "IBAN im PDF");

    let csv = api::auszahlung_csv(&l);
    assert!(csv.starts_with("\u{feff}Name;Anschrift;Personalnummer;IBAN;Betrag;Buchungstext\r\n"));
    let zeilen: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|z| !z.is_empty())
        .collect();
    assert_eq!(zeilen.len(), 11);
    assert_eq!(zeilen[1], format!("Tigist Haile ትግስት;Marktstraße 1, 44623 Herne;P-4711;{IBAN};28,50;Sitzungsgeld 3. Sitzung Integrationsrat am 10.03.2026"));
    assert!(
        !csv.contains('\n') || csv.matches('\n').count() == csv.matches("\r\n").count(),
        "LF ohne CR"
    );
    let betraege: i64 = zeilen[1..]
        .iter()
        .map(|z| Cent::parse(z.split(';').nth(4).unwrap()).unwrap().0)
        .sum();
    assert_eq!(betraege, 66_402);

    // The IBAN never in a public output.
    let dir = tempfile::tempdir().unwrap();
    api::oparl_export(
        &j.b.store,
        dir.path(),
        "https://ratsbuero.example/oparl",
        zeit("2027-01-05"),
    )
    .unwrap();
    for e in walk(dir.path()) {
        let inhalt = String::from_utf8_lossy(&std::fs::read(&e).unwrap()).to_string();
        assert!(
            !inhalt.contains("DE02") && !inhalt.contains("P-4711"),
            "IBAN/Personalnummer in {}",
            e.display()
        );
    }
    let ics = api::sitzungen_ics(&j.b.store, j.ir, zeit("2027-01-05")).unwrap();
    assert!(!ics.contains("DE02") && !ics.contains("Sitzungsgeld"));
}

fn walk(p: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut aus = Vec::new();
    for e in std::fs::read_dir(p).unwrap() {
        let e = e.unwrap().path();
        if e.is_dir() {
            aus.extend(walk(&e));
        } else {
            aus.push(e);
        }
    }
    aus
}

#[test]
fn a_wrong_iban_is_refused_at_the_person_form_and_nothing_is_written() {
    let mut b = buero();
    let vorher = b.store.personen().unwrap().len();
    let e = api::person_anlegen(
        &mut b.store,
        &PersonNeu {
            vorname: "Ayşe".into(),
            nachname: "Yılmaz".into(),
            iban: "DE03 1203 0000 0000 2020 51".into(),
            ..Default::default()
        },
        zeit("2026-01-01"),
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.befunde[0].feld.as_str()),
        ("ungueltig", "iban")
    );
    assert!(e.message.contains("falsche Prüfziffer"), "{}", e.message);
    assert_eq!(b.store.personen().unwrap().len(), vorher);
}

#[test]
fn the_cli_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("büro.sqlite");
    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(cli(&["einrichten", "--kommune", "Stadt Herne"])
        .status
        .success());
    let o = cli(&[
        "sitzungsgeld",
        "satz",
        "neu",
        "--art",
        "sitzungsgeld",
        "--betrag",
        "25,50",
        "--ab",
        "01.01.2026",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "Sitzungsgeld je Sitzung: 25,50 € ab 01.01.2026"
    );
    let o = cli(&[
        "sitzungsgeld",
        "satz",
        "neu",
        "--art",
        "trinkgeld",
        "--betrag",
        "1",
        "--ab",
        "01.01.2026",
    ]);
    assert!(!o.status.success());
    let fehler = String::from_utf8_lossy(&o.stderr);
    assert!(
        fehler.contains("--art") && fehler.contains("sitzungsgeld"),
        "{fehler}"
    );
    let o = cli(&["sitzungsgeld", "satz", "liste", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["art"], "sitzungsgeld");
    assert_eq!(v[0]["betrag"], 2550);
    let csv = dir.path().join("kasse.csv");
    let o = cli(&[
        "sitzungsgeld",
        "liste",
        "--von",
        "01.01.2026",
        "--bis",
        "31.12.2026",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        "\u{feff}Name;Anschrift;Personalnummer;IBAN;Betrag;Buchungstext\r\n"
    );
}
