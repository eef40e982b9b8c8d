//! The Vorlage as Word: the five seed papers exported, reopened with python-docx (the
//! paragraphs with their styles and the tables, in order), converted to PDF by headless
//! LibreOffice (whose text must hold every part), German as the document language, and a
//! nichtöffentliche Vorlage saying so in its header.

use crate::gemeinsam::{buero, zeit};
use crate::pdf::fixture;
use ratsbuero::api;
use ratsbuero::domain::Status;
use serde_json::Value;
use std::process::Command;

/// What python-docx reads: paragraphs (style, text), tables (rows of cell texts) in body
/// order, and the header's text.
fn lesen(docx: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let datei = dir.path().join("v.docx");
    std::fs::write(&datei, docx).unwrap();
    let skript = r#"
import json, sys, docx
from docx.table import Table
from docx.text.paragraph import Paragraph
d = docx.Document(sys.argv[1])
teile = []
for kind in d.element.body.iterchildren():
    tag = kind.tag.split('}')[1]
    if tag == 'p':
        p = Paragraph(kind, d)
        teile.append({'stil': p.style.name if p.style is not None else '', 'text': p.text,
                      'liste': p._p.pPr is not None and p._p.pPr.numPr is not None})
    elif tag == 'tbl':
        t = Table(kind, d)
        teile.append({'tabelle': [[c.text for c in r.cells] for r in t.rows]})
print(json.dumps({'teile': teile, 'kopf': d.sections[0].header.paragraphs[0].text}))
"#;
    let o = Command::new("python3")
        .args(["-c", skript])
        .arg(&datei)
        .output()
        .expect("python3 fehlt");
    assert!(
        o.status.success(),
        "python-docx (scripts/setup installiert es): {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The text of the Word file as LibreOffice sets it (headless, to PDF, then pdftotext).
fn libreoffice_text(docx: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let datei = dir.path().join("v.docx");
    std::fs::write(&datei, docx).unwrap();
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/lo",
            dir.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&datei)
        .output()
        .expect("soffice fehlt (scripts/setup installiert libreoffice-writer-nogui)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new("pdftotext")
        .arg(dir.path().join("v.pdf"))
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(o.stdout).unwrap()
}

fn flach(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the Word file back with python-docx and LibreOffice (Linux)"
)]
fn the_five_seed_papers_go_out_as_word_with_every_part_in_order() {
    let mut b = buero();
    let mut soffice_geprueft = false;
    for (n, seed) in [
        "seed-000.json",
        "seed-001.json",
        "seed-002.json",
        "seed-003.json",
        "seed-004.json",
    ]
    .iter()
    .enumerate()
    {
        let i = api::vorlage_importieren(&mut b.store, &fixture(seed), zeit("2026-03-01")).unwrap();
        let akte = b.store.vorlage(i.id).unwrap();
        let docx = api::vorlage_docx(&b.store, i.id.0, zeit("2026-03-01")).unwrap();
        let gelesen = lesen(&docx);
        let teile = gelesen["teile"].as_array().unwrap();
        // In the order of the PDF: the kind as Heading 1, the Betreff, the sections as
        // Heading 2.
        let ueberschriften: Vec<(&str, &str)> = teile
            .iter()
            .filter(|t| t["stil"].as_str().is_some_and(|s| s.starts_with("Heading")))
            .map(|t| (t["stil"].as_str().unwrap(), t["text"].as_str().unwrap()))
            .collect();
        assert_eq!(
            ueberschriften[0],
            ("Heading 1", akte.inhalt.art.label()),
            "{seed}"
        );
        let abschnitte: Vec<&str> = ueberschriften[1..].iter().map(|(_, t)| *t).collect();
        let mut erwartet = vec![];
        if !akte.inhalt.beratungsfolge.is_empty() {
            erwartet.push("Beratungsfolge:");
        }
        erwartet.extend(["Finanzielle Auswirkungen:", "Klimarelevante Auswirkungen:"]);
        // As in the PDF: every paper but a Mitteilungsvorlage has the section.
        if !akte.inhalt.beschlussvorschlag.is_empty()
            || akte.inhalt.art != ratsbuero::domain::VorlageArt::Mitteilungsvorlage
        {
            erwartet.push("Beschlussvorschlag:");
        }
        erwartet.extend(["Sachverhalt:", "Anlagen:"]);
        assert_eq!(abschnitte, erwartet, "{seed}");
        let texte: Vec<&str> = teile.iter().filter_map(|t| t["text"].as_str()).collect();
        let alles = texte.join("\n");
        assert!(
            alles.contains(&format!("Betreff: {}", akte.inhalt.betreff)),
            "{seed}"
        );
        // The Beratungsfolge as a table: its head, then one row per Gremium in order.
        if !akte.inhalt.beratungsfolge.is_empty() {
            let tabelle = teile
                .iter()
                .filter_map(|t| t["tabelle"].as_array())
                .find(|t| t[0][0] == "Gremium")
                .unwrap_or_else(|| panic!("{seed}: keine Beratungsfolge-Tabelle"));
            let gremien: Vec<&str> = tabelle[1..]
                .iter()
                .map(|r| r[0].as_str().unwrap())
                .collect();
            let soll: Vec<&str> = akte
                .inhalt
                .beratungsfolge
                .iter()
                .map(|s| s.gremium.as_str())
                .collect();
            assert_eq!(gremien, soll, "{seed}");
        }
        // The signature block and the Beschlussvermerke close it.
        let u = akte
            .inhalt
            .unterschrift
            .clone()
            .unwrap_or(b.store.buero().unwrap().unterschrift);
        for z in u.zeilen() {
            assert!(
                texte.contains(&z.text.as_str()),
                "{seed}: Unterschrift „{}“ fehlt",
                z.text
            );
        }
        // A list of the Sachverhalt is a Word list.
        let punkte = [&akte.inhalt.beschlussvorschlag, &akte.inhalt.sachverhalt]
            .iter()
            .flat_map(|t| t.lines())
            .map(str::trim_start)
            .filter(|z| {
                ["- ", "– ", "• ", "* "].iter().any(|p| z.starts_with(p))
                    || z.split_once(". ")
                        .is_some_and(|(n, _)| n.len() <= 3 && n.parse::<u32>().is_ok())
            })
            .count();
        let listen = teile.iter().filter(|t| t["liste"] == true).count();
        assert!(
            listen >= punkte,
            "{seed}: {punkte} Aufzählungspunkte, {listen} als Liste"
        );
        // German is the document's language.
        let styles = zip_teil(&docx, "word/styles.xml");
        assert!(styles.contains(r#"<w:lang w:val="de-DE""#), "{seed}");
        // LibreOffice sets it (once: it takes seconds) with every part.
        if n == 1 && !soffice_geprueft {
            soffice_geprueft = true;
            let text = flach(&libreoffice_text(&docx));
            for teil in [
                akte.inhalt.art.label(),
                &akte.inhalt.betreff,
                "Beratungsfolge:",
                "Finanzielle Auswirkungen:",
                "Beschlussvorschlag:",
                "Sachverhalt:",
                "Anlagen:",
            ] {
                assert!(
                    text.contains(&flach(teil)),
                    "LibreOffice: „{teil}“ fehlt in {text}"
                );
            }
        }
    }
}

fn zip_teil(docx: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut a = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    a.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads the Word file back with python-docx and LibreOffice (Linux)"
)]
fn a_nichtoeffentliche_vorlage_says_so_in_the_header_of_its_word_file() {
    let mut b = buero();
    let mut v = crate::gemeinsam::vorlage("Grundstücksankauf Nowak");
    v.status = Status::Nichtoeffentlich;
    let g = b.store.vorlage_anlegen(&v, zeit("2026-03-01")).unwrap();
    let kopf = lesen(&api::vorlage_docx(&b.store, g.id.0, zeit("2026-03-01")).unwrap())["kopf"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(kopf.ends_with("nichtöffentlich"), "{kopf}");
    let g = b
        .store
        .vorlage_anlegen(
            &crate::gemeinsam::vorlage("Interkulturelle Woche"),
            zeit("2026-03-01"),
        )
        .unwrap();
    let kopf = lesen(&api::vorlage_docx(&b.store, g.id.0, zeit("2026-03-01")).unwrap())["kopf"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!kopf.contains("nichtöffentlich"), "{kopf}");
}
