//! The year's report (Tätigkeitsbericht, issue 27 § 5) on the demo office after its first
//! Sitzung (06.12.2026): the Sitzungen held, each member's attendance in per cent, the
//! decisions with their Beschlusskontrolle status — the public version without one word of
//! the nichtöffentlichen Teil, counting it only — as a Mitteilungsvorlage draft, and the
//! CLI's PDF (read back with pdftotext) and Word file.

use crate::gemeinsam::{buero, zeit, Testbuero};
use crate::pdf::text;
use ratsbuero::api;
use ratsbuero::domain::sitzung::{Anwesenheit, Teil, TopErgebnis};
use ratsbuero::domain::{SitzungId, Status, VorlageArt};
use std::process::Command;

/// The demo, its first Sitzung held: everyone present but the last member, a decision in
/// each part. Returns the titles of the öffentlichen and the nichtöffentlichen TOP decided.
fn gehalten() -> (Testbuero, String, String) {
    let mut b = buero();
    api::demo(&mut b.store, zeit("2026-11-22")).unwrap();
    let j = zeit("2026-12-06");
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let n = s.mitglieder.len();
    for (i, m) in s.mitglieder.iter().enumerate() {
        let status = if i + 1 == n {
            Anwesenheit::Entschuldigt
        } else {
            Anwesenheit::Anwesend
        };
        api::anwesenheit_setzen(
            &mut b.store,
            1,
            m.person.id.0,
            Some(status),
            "",
            None,
            None,
            j,
        )
        .unwrap();
    }
    let oe = s
        .tops
        .iter()
        .find(|t| t.teil == Teil::Oeffentlich && t.vorlage.is_some())
        .unwrap()
        .clone();
    let noe = s
        .tops
        .iter()
        .find(|t| t.teil == Teil::Nichtoeffentlich)
        .unwrap()
        .clone();
    api::top_ergebnis(&mut b.store, oe.id.0, TopErgebnis::Beschlossen, "", None, j).unwrap();
    api::top_ergebnis(
        &mut b.store,
        noe.id.0,
        TopErgebnis::Beschlossen,
        "",
        None,
        j,
    )
    .unwrap();
    (b, oe.titel, noe.titel)
}

#[test]
fn the_public_report_counts_the_nichtoeffentliche_decisions_without_naming_them() {
    let (b, oe, noe) = gehalten();
    let jetzt = zeit("2026-12-07");
    let v = api::bericht_jahr(&b.store, 2026, true, jetzt).unwrap();
    assert_eq!(v.art, VorlageArt::Mitteilungsvorlage);
    assert_eq!(v.status, Status::Oeffentlich);
    assert_eq!(v.betreff, "Tätigkeitsbericht des Integrationsrates 2026");
    assert_eq!(v.federfuehrend, "Büro des Integrationsrates");
    let t = &v.sachverhalt;
    assert!(t.contains("1. Sitzung am 06.12.2026"), "{t}");
    assert!(t.contains("06.12.2026, Ö") && t.contains(&oe), "{t}");
    assert!(t.contains("– offen"), "the Beschlusskontrolle status: {t}");
    assert!(!t.contains(&noe), "a nichtöffentlicher TOP named: {t}");
    assert!(
        t.contains("Dazu 1 Beschluss im nichtöffentlichen Teil."),
        "{t}"
    );
    assert!(
        t.contains("- Ayşe Yılmaz: 1 von 1 Sitzungen (100 %)"),
        "{t}"
    );
    assert!(t.contains(": 0 von 1 Sitzungen (0 %)"), "{t}");
    // The version for the members names it, and is nichtöffentlich itself.
    let intern = api::bericht_jahr(&b.store, 2026, false, jetzt).unwrap();
    assert_eq!(intern.status, Status::Nichtoeffentlich);
    assert!(intern.sachverhalt.contains(&noe));
    // A year without anything says so; a year out of range is named.
    let leer = api::bericht_jahr(&b.store, 2025, true, jetzt).unwrap();
    assert!(leer
        .sachverhalt
        .contains("Im Berichtsjahr fand keine Sitzung statt."));
    assert_eq!(
        api::bericht_jahr(&b.store, 1999, true, jetzt)
            .unwrap_err()
            .befunde[0]
            .feld,
        "jahr"
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn the_cli_writes_the_report_as_pdf_and_word_and_keeps_it_as_a_draft() {
    let (b, oe, noe) = gehalten();
    let ordner = tempfile::tempdir().unwrap();
    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .args(["--db", &b.db_arg()])
            .args(args)
            .env_remove("RATSBUERO_DB")
            .output()
            .unwrap()
    };
    let pdf = ordner.path().join("bericht.pdf");
    let o = cli(&[
        "bericht",
        "jahr",
        "2026",
        "--oeffentlich",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let t = text(&std::fs::read(&pdf).unwrap())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        t.contains("Tätigkeitsbericht des Integrationsrates 2026"),
        "{t}"
    );
    assert!(
        t.contains(&oe.split_whitespace().collect::<Vec<_>>().join(" ")),
        "{t}"
    );
    assert!(
        !t.contains(&noe.split_whitespace().collect::<Vec<_>>().join(" ")),
        "{t}"
    );
    let docx = ordner.path().join("bericht.docx");
    let o = cli(&["bericht", "jahr", "2026", "--out", docx.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        &std::fs::read(&docx).unwrap()[..2],
        b"PK",
        "a Word file is a zip"
    );
    // Both are drafts of the office, to edit further.
    let entwuerfe: Vec<_> = b
        .noch_einmal()
        .vorlagen(&Default::default())
        .unwrap()
        .into_iter()
        .filter(|v| {
            v.betreff == "Tätigkeitsbericht des Integrationsrates 2026" && v.nummer.is_none()
        })
        .collect();
    assert_eq!(entwuerfe.len(), 2);
    let o = cli(&["bericht", "jahr", "2026", "--out", "bericht.txt"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("bitte eine Datei auf .pdf oder .docx"));
}
