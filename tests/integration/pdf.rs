//! The Vorlage PDF, checked with the real poppler and qpdf tools: every seed paper of
//! ../shared/reference/ entered as data (tests/fixtures/) and printed; its parts appear
//! in order in `pdftotext`, every font is embedded (`pdffonts`), `qpdf --check` passes,
//! and names in every script round-trip exactly.

use crate::gemeinsam::{buero_mit_schema, zeit, Testbuero};
use ratsbuero::api;
use ratsbuero::domain::AnlageNeu;
use ratsbuero::domain::{Buero, Status, VorlageId};
use std::path::Path;
use std::process::Command;

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

pub fn werkzeug(programm: &str, args: &[&str], pdf: &[u8]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let datei = dir.path().join("v.pdf");
    std::fs::write(&datei, pdf).unwrap();
    let mut alle: Vec<&str> = args.to_vec();
    let pfad = datei.to_str().unwrap().to_string();
    alle.push(&pfad);
    if programm == "pdftotext" {
        alle.push("-");
    }
    let o = Command::new(programm)
        .args(&alle)
        .output()
        .unwrap_or_else(|e| {
            panic!("{programm} fehlt ({e}); scripts/setup installiert poppler-utils und qpdf")
        });
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr),
    )
}

pub fn text(pdf: &[u8]) -> String {
    let (ok, t) = werkzeug("pdftotext", &["-enc", "UTF-8"], pdf);
    assert!(ok, "pdftotext: {t}");
    t
}

fn seite(pdf: &[u8], nr: usize) -> String {
    let n = nr.to_string();
    werkzeug("pdftotext", &["-enc", "UTF-8", "-f", &n, "-l", &n], pdf).1
}

/// Whitespace collapsed and hyphenation at line ends undone (a hyphen between a letter at
/// a line end and a lower-case letter starting the next line).
fn flach(t: &str) -> String {
    let z: Vec<char> = t.chars().collect();
    let mut aus = String::with_capacity(t.len());
    let mut i = 0;
    while i < z.len() {
        let trennung = z[i] == '-'
            && i > 0
            && z[i - 1].is_alphabetic()
            && z.get(i + 1) == Some(&'\n')
            && z.get(i + 2).is_some_and(|c| c.is_lowercase());
        if trennung {
            i += 2;
            continue;
        }
        aus.push(z[i]);
        i += 1;
    }
    aus.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Some line of the layout text is exactly `zeile` (poppler's plain mode joins a line that
/// ends in "-" with the next, as it does with hyphenated words: "- Rainer Weichelt -").
fn zeile_genau(pdf: &[u8], zeile: &str) {
    let (_, t) = werkzeug("pdftotext", &["-enc", "UTF-8", "-layout"], pdf);
    assert!(
        t.lines().any(|l| l.trim() == zeile),
        "keine Zeile „{zeile}“ in:\n{t}"
    );
}

/// In the layout text, some line holds `label` and, to its right, `betrag`.
fn zeile_mit(pdf: &[u8], label: &str, betrag: &str) {
    let (_, t) = werkzeug("pdftotext", &["-enc", "UTF-8", "-layout"], pdf);
    assert!(
        t.lines().any(|l| l
            .find(label)
            .zip(l.find(betrag))
            .is_some_and(|(a, b)| a < b)),
        "keine Zeile „{label} … {betrag}“ in:\n{t}"
    );
}

pub fn in_reihenfolge(pdf_text: &str, teile: &[&str]) {
    let t = flach(pdf_text);
    let mut ab = 0;
    for teil in teile {
        let gesucht = flach(teil);
        match t[ab..].find(&gesucht) {
            Some(i) => ab += i + gesucht.len(),
            None => panic!("„{teil}“ fehlt (oder steht nicht nach dem Vorigen) in:\n{t}"),
        }
    }
}

/// `qpdf --check` passes and every font is embedded as a subset with a Unicode map.
pub fn geprueft_und_eingebettet(pdf: &[u8]) {
    let (ok, ausgabe) = werkzeug("qpdf", &["--check"], pdf);
    assert!(ok, "qpdf --check: {ausgabe}");
    let (ok, fonts) = werkzeug("pdffonts", &[], pdf);
    assert!(ok);
    let zeilen: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!zeilen.is_empty(), "keine Schrift: {fonts}");
    for z in zeilen {
        let spalten: Vec<&str> = z.split_whitespace().collect();
        let n = spalten.len();
        assert_eq!(
            &spalten[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "nicht eingebettet/Teilmenge/Unicode: {z}"
        );
    }
}

/// As [`geprueft_und_eingebettet`], and the PDF/A-2a marks: header, XMP pdfaid, output
/// intent; and tagged ([`struktur_pruefen`] with [`unicode_pruefen`], [`pdfua_ohne_befund`]),
/// with `pdfuaid:part 1`.
pub fn technisch_einwandfrei(pdf: &[u8]) {
    geprueft_und_eingebettet(pdf);
    assert!(
        pdf.starts_with(b"%PDF-1.7"),
        "Kopf: {:?}",
        String::from_utf8_lossy(&pdf[..8])
    );
    let roh = String::from_utf8_lossy(pdf);
    assert!(
        roh.contains("<pdfaid:part>2</pdfaid:part>")
            && roh.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "PDF/A-2a nicht erklärt"
    );
    assert!(
        roh.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "pdfuaid fehlt"
    );
    assert!(roh.contains("GTS_PDFA1"));
    struktur_pruefen(pdf);
    pdfua_ohne_befund(pdf);
}

/// The PyPI package `pdfua` (an alpha checker of the machine-checkable part of PDF/UA-1,
/// installed by scripts/setup) finds nothing: exit code 0.
pub fn pdfua_ohne_befund(pdf: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let datei = dir.path().join("ua.pdf");
    std::fs::write(&datei, pdf).unwrap();
    let o = Command::new("pdfua")
        .arg("check")
        .arg(&datei)
        .output()
        .expect("pdfua fehlt (scripts/setup installiert es: pip install pdfua)");
    assert_eq!(
        o.status.code(),
        Some(0),
        "pdfua: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn office(kommune: &str, schema: &str, wp: &str) -> Testbuero {
    let mut b = buero_mit_schema(schema, wp);
    let mut einstellungen = b.store.buero().unwrap();
    einstellungen.kommune = kommune.into();
    b.store.buero_speichern(&Buero { ..einstellungen }).unwrap();
    b
}

fn importieren_und_freigeben(b: &mut Testbuero, name: &str, tag: &str) -> (i64, String) {
    let i = api::vorlage_importieren(&mut b.store, &fixture(name), zeit(tag)).unwrap();
    let version = b.store.vorlage(i.id).unwrap().version;
    b.store.vorlage_freigeben(i.id, version, zeit(tag)).unwrap();
    (i.id.0, b.store.vorlage(i.id).unwrap().nummer.unwrap())
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn seed_000_entsendung_prints_every_part_in_order() {
    let mut b = office("Stadt Datteln", "{jahr}/{nr:04}", "");
    let (id, nummer) = importieren_und_freigeben(&mut b, "seed-000.json", "2026-11-30");
    let pdf = api::vorlage_pdf(&b.store, id, zeit("2026-12-01")).unwrap();
    technisch_einwandfrei(&pdf);
    let t = text(&pdf);
    assert!(
        t.contains("Vorlage-Nr.:") && t.contains(&nummer) && t.contains("30.11.2026"),
        "{t}"
    );
    in_reihenfolge(
        &t,
        &[
            "Stadt Datteln",
            "Beschlussvorlage",
            "Betreff:",
            "Entsendung von Mitgliedern in die Arbeitsgemeinschaft der Integrationsräte Kreis Recklinghausen",
            "Verfasser:",
            "Beratungsfolge:",
            "Integrationsrat",
            "Entscheidung",
            "03.12.2026",
            "Finanzielle Auswirkungen:",
            "keine",
            "folgende",
            "Klimarelevante Auswirkungen:",
            "keine wesentliche Klimarelevanz",
            "Die Durchführung der Haupt- und Alternativenprüfung war daher nicht notwendig (keine Anlage).",
            "eine negative Klimawirkung",
            "Beschlussvorschlag:",
            "Der Integrationsrat entsendet folgende Mitglieder in die Arbeitsgemeinschaft der Integrationsräte:",
            "1.",
            "Ayşe Yılmaz",
            "2.",
            "Łukasz Wiśniewski",
            "Sachverhalt:",
            "Die Aufgaben sind unter anderem:",
            "Schaffung von Chancengleichheit",
            "Anlagen:",
            "Die Bürgermeisterin",
            "In Vertretung",
            "Rainer Weichelt",
            "Erster Beigeordneter",
            "In der Sitzung des Integrationsrates am 03.12.2026 (öffentlicher Teil) wurde wie folgt beschlossen:",
        ],
    );
    zeile_genau(&pdf, "- Rainer Weichelt -");
    let seiten: usize = werkzeug("pdfinfo", &[], &pdf)
        .1
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    for nr in 1..=seiten {
        let s = seite(&pdf, nr);
        assert!(
            s.contains(&format!("Seite {nr} von {seiten}")),
            "Seite {nr}: {s}"
        );
        assert!(s.contains(&format!("Vorlage {nummer}")), "Seite {nr}: {s}");
        assert!(
            !s.contains("nichtöffentlich"),
            "öffentliche Vorlage als nichtöffentlich markiert"
        );
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn seed_001_herne_with_results_anlage_and_beschlussvermerke() {
    let mut b = office("Stadt Herne", "{jahr}/{nr:04}", "");
    let i = api::vorlage_importieren(&mut b.store, &fixture("seed-001.json"), zeit("2014-04-03"))
        .unwrap();
    let v = b.store.vorlage(i.id).unwrap().version;
    let (g, _) = b
        .store
        .anlage_hinzufuegen(
            i.id,
            v,
            AnlageNeu {
                name: "IntgKonzept - Herne - 2014 - 04 - 03.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: vec![b'%'; 329_728],
            },
            zeit("2014-04-03"),
        )
        .unwrap();
    b.store
        .vorlage_freigeben(i.id, g.version, zeit("2014-04-03"))
        .unwrap();
    let pdf = api::vorlage_pdf(&b.store, i.id.0, zeit("2014-04-03")).unwrap();
    technisch_einwandfrei(&pdf);
    // The structure a screen reader follows: the title, the section headings, the
    // tables with their header cells, the check boxes said as text.
    let arten = struktur_pruefen(&pdf);
    let zahl = |a: &str| arten.iter().filter(|x| *x == a).count();
    assert_eq!(arten[0], "Document");
    assert_eq!(zahl("H1"), 1, "{arten:?}");
    assert!(zahl("H2") >= 5, "{arten:?}");
    assert!(
        zahl("Table") >= 4,
        "Kopf, Angaben, Beratungsfolge, Anlagen: {arten:?}"
    );
    assert!(zahl("TH") >= 5 + 4 && zahl("TD") >= 3 * 5, "{arten:?}");
    let d = lopdf::Document::load_mem(&pdf).unwrap();
    let ersatz: Vec<String> = d
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok()?.get(b"ActualText").ok())
        .filter_map(|t| lopdf::decode_text_string(t).ok())
        .collect();
    assert!(
        ersatz.iter().any(|t| t == "angekreuzt: keine"),
        "Finanzen: {ersatz:?}"
    );
    assert!(
        ersatz.iter().any(|t| t.starts_with("nicht angekreuzt: ")),
        "{ersatz:?}"
    );
    let t = text(&pdf);
    in_reihenfolge(
        &t,
        &[
            "Gesamtstädtisches Integrationskonzept",
            "Radojka Mühlenkamp",
            "Büro Integrationsrat",
            "Barszap, Michael",
            "Integrationsrat",
            "16.04.2014",
            "des Integrationsrates beschlossen",
            "Haupt- und Finanzausschuss",
            "29.04.2014",
            "Rat der Stadt",
            "06.05.2014",
            "Beschlussvorschlag:",
            "Der Rat der Stadt Herne beschließt das gesamtstädtische Integrationskonzept",
            "Sachverhalt:",
            "Agentur für Arbeit",
            "Wohnungswirtschaft und Mietervereine",
            "Anlagen:",
            "Anlage 1",
            "öffentlich",
            "IntgKonzept - Herne - 2014 - 04 - 03.pdf",
            "322 KB",
            "Der Oberbürgermeister",
            "In der Sitzung des Integrationsrates am 16.04.2014",
            "des Integrationsrates beschlossen",
            "In der Sitzung des Haupt- und Finanzausschusses am 29.04.2014",
            "In der Sitzung des Rates der Stadt am 06.05.2014",
        ],
    );
    assert!(t.contains("2014/0001"));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn seed_002_borken_revision_carries_its_suffix_on_every_page() {
    let mut b = office("Kreis Borken", "{nr:04}/{jahr}", "");
    let (id, stamm) = importieren_und_freigeben(&mut b, "seed-002.json", "2016-08-29");
    let r = b
        .store
        .vorlage_neue_fassung(VorlageId(id), zeit("2016-09-13"))
        .unwrap();
    b.store
        .vorlage_freigeben(r.id, r.version, zeit("2016-09-13"))
        .unwrap();
    let pdf = api::vorlage_pdf(&b.store, r.id.0, zeit("2016-09-13")).unwrap();
    technisch_einwandfrei(&pdf);
    let nummer = format!("{stamm}/1");
    assert_eq!(nummer, "0001/2016/1");
    let t = text(&pdf);
    in_reihenfolge(
        &t,
        &[
            "Kreis Borken",
            "Integrationskonzept Kreis Borken",
            "Kreistag",
            "22.09.2016",
            "keine negative oder eine positive Klimawirkung",
            "Im Auftrag",
            "Dr. Elisabeth Schwenzow",
            "Fachbereichsleiterin",
            "In der Sitzung des Kreistages am 22.09.2016",
        ],
    );
    zeile_genau(&pdf, "- Dr. Elisabeth Schwenzow -");
    assert!(seite(&pdf, 1).contains(&format!("Vorlage {nummer}")));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn seed_003_rvr_anfrage_with_gez_and_term_numbering() {
    let mut b = office("Regionalverband Ruhr", "{wahlperiode}/{nr}", "14");
    let (id, nummer) = importieren_und_freigeben(&mut b, "seed-003.json", "2025-01-06");
    assert_eq!(nummer, "14/1");
    let pdf = api::vorlage_pdf(&b.store, id, zeit("2025-01-06")).unwrap();
    technisch_einwandfrei(&pdf);
    in_reihenfolge(
        &text(&pdf),
        &[
            "Anfrage",
            "Zusammenarbeit der Kommunalen Integrationszentren im Ruhrgebiet",
            "Kretschmer, Heike",
            "Ausschuss für Kultur, Sport und Vielfalt",
            "Kenntnisnahme",
            "06.02.2025",
            "Sachverhalt:",
            "1.",
            "Ist der RVR hieran beteiligt?",
            "gez. Fatma Karacakurtoglu",
            "Sprecherin im Ausschuss Kultur, Sport und Vielfalt",
        ],
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn seed_004_landrat_signs_and_the_finance_table_is_printed() {
    let mut b = office("Rhein-Sieg-Kreis", "{jahr}/{nr:04}", "");
    let (id, _) = importieren_und_freigeben(&mut b, "seed-004.json", "2016-06-01");
    let pdf = api::vorlage_pdf(&b.store, id, zeit("2016-06-01")).unwrap();
    technisch_einwandfrei(&pdf);
    zeile_genau(&pdf, "- Sebastian Schuster -");
    for (label, betrag) in [
        ("Aufwand jährlich", "180.000,00 €"),
        ("Personalaufwand", "150.000,00 €"),
        ("Sach- und Dienstleistungen", "30.000,00 €"),
        ("Einzahlung jährlich", "120.000,00 €"),
        ("Zuschüsse", "120.000,00 €"),
    ] {
        zeile_mit(&pdf, label, betrag);
    }
    in_reihenfolge(
        &text(&pdf),
        &[
            "Finanzielle Auswirkungen:",
            "Ergebnisrechnung",
            "Aufwand jährlich",
            "darin enthalten:",
            "Personalaufwand",
            "Sach- und Dienstleistungen",
            "investiver Finanzplan",
            "Einzahlung jährlich",
            "Zuschüsse",
            "Haushaltsmittel stehen:",
            "zur Verfügung",
            "Vorbemerkungen:",
            "Erläuterungen:",
            "Der Landrat",
            "Sebastian Schuster",
            "In der Sitzung des Ausschusses für Soziales, Gleichstellung und Integration am 20.06.2016",
            "In der Sitzung des Kreistages am 07.07.2016",
        ],
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn names_in_every_script_round_trip_and_nichtoeffentlich_is_on_every_page() {
    let mut b = office("Stadt Gelsenkirchen", "{jahr}/{nr:04}", "");
    let mut json: serde_json::Value = serde_json::from_str(&fixture("namen.json")).unwrap();
    // Long enough for several pages.
    let lang = json["sachverhalt"].as_str().unwrap().to_string() + &"\n\nDer Integrationsrat berät über die Teilhabe aller Einwohnerinnen und Einwohner mit Einwanderungsgeschichte in den Stadtteilen.".repeat(40);
    json["sachverhalt"] = lang.into();
    let i = api::vorlage_importieren(&mut b.store, &json.to_string(), zeit("2026-11-30")).unwrap();
    let pdf = api::vorlage_pdf(&b.store, i.id.0, zeit("2026-11-30")).unwrap();
    technisch_einwandfrei(&pdf);
    let t = text(&pdf);
    for name in [
        "Ayşe Yılmaz",
        "İzmir",
        "Işıl Çağlar",
        "Gülşen Doğan",
        "Łukasz Żółkiewski",
        "Małgorzata Wiśniewska",
        "Ștefan Țurcanu",
        "Ioana Drăgușanu",
        "Nguyễn Thị Hồng",
        "Phạm Văn Đồng",
        "Trần Ngọc Ánh",
        "Елена Смирнова",
        "Дмитрий Ёлкин",
        "Γιώργος Παπαδόπουλος",
        "Ελένη Οικονόμου",
        "Jürgen Weiß",
        "Zoë Müller-Straße",
        "Đặng Thị Mỹ Dung",
    ] {
        assert!(
            t.contains(name),
            "„{name}“ kommt nicht unverändert aus dem PDF:\n{t}"
        );
    }
    let seiten: usize = werkzeug("pdfinfo", &[], &pdf)
        .1
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(seiten >= 3, "{seiten} Seiten");
    for nr in 1..=seiten {
        let s = seite(&pdf, nr);
        assert!(
            s.contains("nichtöffentlich"),
            "Seite {nr} ohne Vermerk „nichtöffentlich“"
        );
        assert!(s.contains("Entwurf – nicht freigegeben"), "Seite {nr}");
        assert!(s.contains(&format!("Seite {nr} von {seiten}")));
    }
    assert!(t.contains("(nicht-öffentlicher Teil)"));
    // Each name is a span in its language for a screen reader; the German ones are not.
    let sprachen: std::collections::BTreeSet<String> = span_sprachen(&pdf).into_iter().collect();
    assert_eq!(
        sprachen,
        ["el", "pl", "ro", "ru", "tr", "vi"]
            .map(String::from)
            .into(),
    );
}

/// The `/Lang` of every span in the pages' content, in order of appearance.
fn span_sprachen(pdf: &[u8]) -> Vec<String> {
    let d = lopdf::Document::load_mem(pdf).unwrap();
    let mut sprachen = Vec::new();
    for (_, seite) in d.get_pages() {
        let inhalt = lopdf::content::Content::decode(&d.get_page_content(seite)).unwrap();
        for op in inhalt.operations.iter().filter(|o| o.operator == "BDC") {
            if let Some(l) = op
                .operands
                .get(1)
                .and_then(|p| p.as_dict().ok())
                .and_then(|p| p.get(b"Lang").ok())
                .and_then(|l| l.as_str().ok())
            {
                sprachen.push(String::from_utf8_lossy(l).into_owned());
            }
        }
    }
    sprachen
}

#[test]
fn a_character_the_font_lacks_is_named_and_no_file_is_written() {
    let mut b = office("Stadt Marl", "{jahr}/{nr:04}", "");
    // The import refuses it at once, naming the field …
    let e = api::vorlage_importieren(
        &mut b.store,
        r#"{"betreff": "Sommerfest 🎉 im Stadtpark"}"#,
        zeit("2026-06-01"),
    )
    .unwrap_err();
    assert!(
        e.message
            .contains("Betreff: Das Zeichen „🎉“ (U+1F389) kann nicht gedruckt werden"),
        "{}",
        e.message
    );
    // … a draft in the editor keeps it as typed, and its PDF is refused with the field.
    let i = api::vorlage_importieren(
        &mut b.store,
        r#"{"betreff": "Sommerfest im Stadtpark"}"#,
        zeit("2026-06-01"),
    )
    .unwrap();
    let akte = b.store.vorlage(i.id).unwrap();
    let mut inhalt = akte.inhalt.clone();
    inhalt.betreff = "Sommerfest 🎉 im Stadtpark".into();
    b.store
        .vorlage_speichern(i.id, akte.version, &inhalt, zeit("2026-06-01"))
        .unwrap();
    let e = api::vorlage_pdf(&b.store, i.id.0, zeit("2026-06-01")).unwrap_err();
    assert_eq!(e.code, "ungueltig");
    assert_eq!(
        e.message,
        "Das PDF kann erst erzeugt werden, wenn die markierten Eingaben berichtigt sind. Betreff: Das Zeichen „🎉“ (U+1F389) kann nicht gedruckt werden, die PDF-Schrift hat es nicht. Bitte entfernen oder ersetzen."
    );
    assert_eq!(e.befunde[0].feld, "betreff");
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args([
            "--db",
            &b.db_arg(),
            "vorlage",
            "pdf",
            &i.id.0.to_string(),
            "--out",
        ])
        .arg(dir.path().join("v.pdf"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("U+1F389"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "eine Datei blieb liegen"
    );
}

/// The structure check of a tagged PDF, as far as it can be proven here without veraPDF
/// or PAC: every text-showing operator of every page lies inside marked content that is
/// an `/Artifact` or has an MCID; every such MCID is referenced exactly once from the
/// structure tree (reached from `/StructTreeRoot`), and the ParentTree leads back from
/// it to the element that references it; the catalog has `/Lang`, `/MarkInfo
/// <</Marked true>>` and `/ViewerPreferences <</DisplayDocTitle true>>`. Returns the
/// structure types met, in reading order.
pub fn struktur_pruefen(pdf: &[u8]) -> Vec<String> {
    use lopdf::{Document, Object, ObjectId};
    use std::collections::{BTreeMap, BTreeSet};
    let d = Document::load_mem(pdf).unwrap();
    unicode_pruefen(&d);
    let katalog = d.catalog().unwrap();
    assert!(
        katalog
            .get(b"Lang")
            .is_ok_and(|l| l.as_str().is_ok_and(|s| s == b"de-DE")),
        "/Lang (de-DE) fehlt im Katalog"
    );
    let marked = katalog
        .get(b"MarkInfo")
        .and_then(|m| d.dereference(m).map(|(_, o)| o))
        .and_then(Object::as_dict)
        .and_then(|m| m.get(b"Marked"))
        .and_then(Object::as_bool);
    assert_eq!(marked.ok(), Some(true), "/MarkInfo <</Marked true>> fehlt");
    let anzeige = katalog
        .get(b"ViewerPreferences")
        .and_then(|m| d.dereference(m).map(|(_, o)| o))
        .and_then(Object::as_dict)
        .and_then(|m| m.get(b"DisplayDocTitle"))
        .and_then(Object::as_bool);
    assert_eq!(anzeige.ok(), Some(true), "/DisplayDocTitle fehlt");

    // The marked content of the pages.
    let seiten: BTreeMap<u32, ObjectId> = d.get_pages();
    let mut im_inhalt: BTreeSet<(ObjectId, i64)> = BTreeSet::new();
    for (&nr, &seite) in &seiten {
        let inhalt = lopdf::content::Content::decode(&d.get_page_content(seite)).unwrap();
        // The stack of open marked content: Some(mcid), or None for an artifact or other.
        let mut stapel: Vec<(bool, Option<i64>)> = Vec::new();
        for op in &inhalt.operations {
            match op.operator.as_str() {
                "BDC" => {
                    let mcid = op
                        .operands
                        .get(1)
                        .and_then(|p| p.as_dict().ok())
                        .and_then(|p| p.get(b"MCID").ok())
                        .and_then(|m| m.as_i64().ok());
                    let artefakt =
                        op.operands.first().and_then(|t| t.as_name().ok()) == Some(b"Artifact");
                    if let Some(m) = mcid {
                        assert!(
                            im_inhalt.insert((seite, m)),
                            "Seite {nr}: MCID {m} doppelt im Inhalt"
                        );
                    }
                    stapel.push((artefakt, mcid));
                }
                "BMC" => {
                    let artefakt =
                        op.operands.first().and_then(|t| t.as_name().ok()) == Some(b"Artifact");
                    stapel.push((artefakt, None));
                }
                "EMC" => {
                    stapel
                        .pop()
                        .unwrap_or_else(|| panic!("Seite {nr}: EMC ohne BDC/BMC"));
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    assert!(
                        stapel.iter().any(|(a, m)| *a || m.is_some()),
                        "Seite {nr}: Text ohne Struktur und nicht als Artefakt: {op:?}"
                    );
                }
                _ => {}
            }
        }
        assert!(
            stapel.is_empty(),
            "Seite {nr}: markierter Inhalt nicht geschlossen"
        );
    }

    // The structure tree.
    let wurzel = d
        .get_dictionary(
            katalog
                .get(b"StructTreeRoot")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    let mut arten = Vec::new();
    let mut im_baum: BTreeMap<(ObjectId, i64), ObjectId> = BTreeMap::new();
    fn gehen(
        d: &Document,
        id: ObjectId,
        seite_geerbt: Option<ObjectId>,
        arten: &mut Vec<String>,
        im_baum: &mut BTreeMap<(ObjectId, i64), ObjectId>,
        annotationen: &mut Vec<(ObjectId, ObjectId)>,
    ) {
        let e = d.get_dictionary(id).unwrap();
        assert_eq!(e.get(b"Type").unwrap().as_name().unwrap(), b"StructElem");
        arten.push(String::from_utf8_lossy(e.get(b"S").unwrap().as_name().unwrap()).into_owned());
        let pg = e
            .get(b"Pg")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .or(seite_geerbt);
        let kinder = match e.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        for k in kinder {
            match k {
                Object::Reference(r) => gehen(d, r, pg, arten, im_baum, annotationen),
                Object::Integer(m) => {
                    let seite = pg.expect("MCID ohne /Pg");
                    assert!(
                        im_baum.insert((seite, m), id).is_none(),
                        "MCID {m} zweimal im Baum"
                    );
                }
                // An annotation (the signature field): it points back to its element.
                Object::Dictionary(objr)
                    if objr.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"OBJR") =>
                {
                    let annot = objr.get(b"Obj").unwrap().as_reference().unwrap();
                    assert!(
                        d.get_dictionary(annot).unwrap().has(b"StructParent"),
                        "Annotation ohne /StructParent"
                    );
                    annotationen.push((annot, id));
                }
                Object::Dictionary(mcr) => {
                    let seite = mcr
                        .get(b"Pg")
                        .ok()
                        .and_then(|p| p.as_reference().ok())
                        .or(pg)
                        .unwrap();
                    let m = mcr.get(b"MCID").unwrap().as_i64().unwrap();
                    assert!(
                        im_baum.insert((seite, m), id).is_none(),
                        "MCID {m} zweimal im Baum"
                    );
                }
                andere => panic!("unerwartetes Kind {andere:?}"),
            }
        }
    }
    let kinder = match wurzel.get(b"K").unwrap() {
        Object::Array(a) => a.clone(),
        o => vec![o.clone()],
    };
    let mut annotationen = Vec::new();
    for k in kinder {
        gehen(
            &d,
            k.as_reference().unwrap(),
            None,
            &mut arten,
            &mut im_baum,
            &mut annotationen,
        );
    }
    let im_baum_set: BTreeSet<(ObjectId, i64)> = im_baum.keys().copied().collect();
    assert_eq!(
        im_inhalt, im_baum_set,
        "MCIDs im Inhalt und im Strukturbaum verschieden"
    );

    // The ParentTree leads back.
    let nums = wurzel
        .get(b"ParentTree")
        .and_then(|p| d.dereference(p).map(|(_, o)| o))
        .and_then(Object::as_dict)
        .and_then(|p| p.get(b"Nums"))
        .and_then(Object::as_array)
        .unwrap()
        .clone();
    // A page's key leads to the elements of its MCIDs, an annotation's key to its element.
    let mut baum: BTreeMap<i64, Vec<Object>> = BTreeMap::new();
    let mut einzeln: BTreeMap<i64, ObjectId> = BTreeMap::new();
    for paar in nums.chunks(2) {
        let k = paar[0].as_i64().unwrap();
        match &paar[1] {
            Object::Array(a) => {
                baum.insert(k, a.clone());
            }
            Object::Reference(r) => {
                einzeln.insert(k, *r);
            }
            andere => panic!("ParentTree: {andere:?}"),
        }
    }
    for (annot, element) in &annotationen {
        let k = d
            .get_dictionary(*annot)
            .unwrap()
            .get(b"StructParent")
            .unwrap()
            .as_i64()
            .unwrap();
        assert_eq!(
            einzeln.get(&k),
            Some(element),
            "ParentTree: Annotation führt nicht zu ihrem Element"
        );
    }
    for (&(seite, m), element) in &im_baum {
        let k = d
            .get_dictionary(seite)
            .unwrap()
            .get(b"StructParents")
            .unwrap()
            .as_i64()
            .unwrap();
        let eintrag = baum
            .get(&k)
            .and_then(|a| a.get(m as usize))
            .and_then(|o| o.as_reference().ok());
        assert_eq!(
            eintrag,
            Some(*element),
            "ParentTree: MCID {m} führt nicht zu seinem Element"
        );
    }
    arten
}

/// Names in Arabic script are shaped and read right to left, in Noto Sans Arabic, and
/// come back out of the PDF in the order they were typed (pdftotext): Arabic, Persian,
/// Urdu, Kurdish Sorani and a Hebrew name; in the head, in a German sentence, in a
/// table. The document stays tagged and PDF/A.
#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn arabic_script_names_are_shaped_right_to_left_and_extract_as_typed() {
    let mut b = office("Stadt Herne", "{jahr}/{nr:04}", "");
    let json = serde_json::json!({
        "art": "beschlussvorlage", "status": "oeffentlich",
        "betreff": "Sprachkurse für Geflüchtete – دورات اللغة",
        "verfasser": "محمد الأحمد",
        "federfuehrend": "Büro Integrationsrat",
        "bearbeiter": "علی رضایی",
        "beratungsfolge": [
            {"gremium": "Integrationsrat", "rolle": "vorberatung", "datum": "2026-12-16"},
            {"gremium": "Rat der Stadt", "rolle": "entscheidung", "datum": "2027-01-20"}
        ],
        "klimarelevanz": "keine",
        "beschlussvorschlag": "Der Integrationsrat beschließt die Kurse. Ansprechpartnerin ist Frau فاطمة زهرا, unterstützt von ڕێبوار کەریم und שרה לוי.",
        "sachverhalt": "Die Kurse beginnen 2027 in der VHS. Es berichten پرویز احمدی und عمران خان."
    });
    let i = api::vorlage_importieren(&mut b.store, &json.to_string(), zeit("2026-11-30")).unwrap();
    let pdf = api::vorlage_pdf(&b.store, i.id.0, zeit("2026-11-30")).unwrap();
    technisch_einwandfrei(&pdf);
    let (_, fonts) = werkzeug("pdffonts", &[], &pdf);
    assert!(fonts.contains("NotoSansArabic-Regular"), "{fonts}");
    assert!(
        fonts.contains("NotoSansArabic-Bold"),
        "der Betreff ist fett: {fonts}"
    );
    let t = text(&pdf);
    for name in [
        "دورات اللغة",
        "محمد الأحمد",
        "علی رضایی",
        "فاطمة زهرا",
        "ڕێبوار کەریم",
        "שרה לוי",
        "پرویز احمدی",
        "عمران خان",
    ] {
        assert!(
            t.contains(name),
            "„{name}“ kommt nicht wie eingegeben aus dem PDF:\n{t}"
        );
    }
    // Shaped: the letters of محمد are joined, not the isolated forms DejaVu would draw
    // unshaped (and not the text reversed letter by letter).
    assert!(!t.contains("دمحم"), "{t}");
    // Each right-to-left name is a span in its language, for a screen reader.
    let sprachen = span_sprachen(&pdf);
    assert_eq!(
        sprachen
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>(),
        ["ar", "ckb", "fa", "he"].map(String::from).into(),
        "Sprachen der Namen"
    );

    // Each of the issue's names in Bearbeiter/-in, Beschlussvorschlag and Sachverhalt.
    for name in [
        "محمد الأحمد",
        "فاطمة الزهراء",
        "Şükrü Öztürk",
        "Nguyễn Thị Hằng",
        "Ελένη Παπαδοπούλου",
        // Tigrinya (Eritrean members): Ethiopic script in Noto Sans Ethiopic.
        "ዮሃንስ ተስፋይ",
        "ሰላም ገብረሚካኤል",
    ] {
        let mut j = json.clone();
        j["verfasser"] = "Radojka Mühlenkamp".into();
        j["bearbeiter"] = name.into();
        j["beschlussvorschlag"] = format!("Berichterstattung: {name}.").into();
        j["sachverhalt"] = format!("{name} stellt das Konzept vor.").into();
        let i = api::vorlage_importieren(&mut b.store, &j.to_string(), zeit("2026-11-30")).unwrap();
        let pdf = api::vorlage_pdf(&b.store, i.id.0, zeit("2026-11-30")).unwrap();
        if name.starts_with('ዮ') {
            technisch_einwandfrei(&pdf);
            let (_, fonts) = werkzeug("pdffonts", &[], &pdf);
            assert!(fonts.contains("NotoSansEthiopic-Regular"), "{fonts}");
        }
        let t = text(&pdf);
        assert_eq!(
            t.matches(name).count(),
            3,
            "„{name}“ nicht dreimal wie eingegeben:\n{t}"
        );
    }
}

/// The lines of a PDF as `pdftotext -bbox-layout` sees them: left and right edge (pt) and
/// their words.
fn zeilen_mit_rand(pdf: &[u8]) -> Vec<(f32, f32, String)> {
    let (ok, xml) = werkzeug("pdftotext", &["-bbox-layout"], pdf);
    assert!(ok, "{xml}");
    let attr = |tag: &str, name: &str| -> f32 {
        let a = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[a..a + tag[a..].find('"').unwrap()].parse().unwrap()
    };
    xml.split("<line ")
        .skip(1)
        .map(|l| {
            let kopf = &l[..l.find('>').unwrap()];
            let woerter: Vec<&str> = l[..l.find("</line>").unwrap()]
                .split("<word ")
                .skip(1)
                .map(|w| &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()])
                .collect();
            (attr(kopf, "xMin"), attr(kopf, "xMax"), woerter.join(" "))
        })
        .collect()
}

/// A paragraph written in Arabic is set right to left from the right margin, its lines
/// measured shaped (none reaches past the left margin), the full stop at its left end;
/// the German paragraphs around it stay at the left margin; every word extracts as typed,
/// also words with harakat beside a shadda and words with a medial م without any.
#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn an_arabic_paragraph_is_set_from_the_right_and_every_word_extracts_as_typed() {
    let mut b = office("Stadt Herne", "{jahr}/{nr:04}", "");
    let arabisch = "يبدأ البرنامج في شهر يناير. تشارك فيه عشرون عائلة من المدينة. يقدم المركز دروسا في اللغة الألمانية مرتين في الأسبوع في مبنى VHS، وتبلغ التكلفة 2500 يورو في السنة. للمزيد من المعلومات يرجى الاتصال بمكتب مجلس الاندماج في مدينة هيرنه.";
    let json = serde_json::json!({
        "art": "mitteilungsvorlage", "status": "oeffentlich",
        "betreff": "Elternkurse – دورات للآباء",
        "verfasser": "Radojka Mühlenkamp", "federfuehrend": "Büro Integrationsrat",
        "beratungsfolge": [{"gremium": "Integrationsrat", "rolle": "kenntnisnahme", "datum": "2026-12-16"}],
        "sachverhalt": format!("Die Kurse werden auf Deutsch und Arabisch angekündigt:\n\n{arabisch}\n\nمُحَمَّد و شَدَّة\n\nDer Text wurde von Frau محمد الأحمد übersetzt.")
    });
    let i = api::vorlage_importieren(&mut b.store, &json.to_string(), zeit("2026-11-30")).unwrap();
    let pdf = api::vorlage_pdf(&b.store, i.id.0, zeit("2026-11-30")).unwrap();
    technisch_einwandfrei(&pdf);

    let (links, rechts) = (70.9_f32, 595.28_f32 - 56.7);
    let zeilen = zeilen_mit_rand(&pdf);
    let ist_arabisch = |t: &str| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let absatz: Vec<&(f32, f32, String)> = zeilen
        .iter()
        .skip_while(|z| !z.2.contains("angekündigt:"))
        .skip(1)
        .take_while(|z| !z.2.contains("Frau"))
        .collect();
    assert!(absatz.len() >= 3, "{zeilen:#?}");
    for (x_min, x_max, t) in &absatz {
        assert!(ist_arabisch(t), "{t}");
        assert!(
            (x_max - rechts).abs() < 1.0,
            "nicht am rechten Rand: {x_max} {t}"
        );
        assert!(*x_min >= links - 0.5, "über den linken Rand: {x_min} {t}");
    }
    let letzte = absatz.last().unwrap();
    assert!(
        letzte.0 > links + 100.0,
        "die letzte Zeile ist kurz und rechtsbündig: {letzte:?}"
    );
    for deutsch in ["angekündigt:", "übersetzt."] {
        let z = zeilen.iter().find(|z| z.2.contains(deutsch)).unwrap();
        assert!(
            (z.0 - links).abs() < 1.0,
            "deutsche Zeile am linken Rand: {z:?}"
        );
    }
    // Every word as typed (the order of sentences within a line is poppler's: see README).
    let t = text(&pdf);
    let woerter: std::collections::BTreeSet<&str> = t.split_whitespace().collect();
    for w in arabisch.split_whitespace() {
        let w = w.trim_end_matches(['.', '،']);
        assert!(
            woerter.iter().any(|x| x.contains(w)),
            "„{w}“ nicht wie eingegeben:\n{t}"
        );
    }
    for w in ["مُحَمَّد", "شَدَّة", "المركز", "محمد الأحمد"] {
        assert!(t.contains(w), "„{w}“ nicht wie eingegeben:\n{t}");
    }
    assert!(
        !t.contains("المَركز"),
        "ein Vokalzeichen, das niemand geschrieben hat:\n{t}"
    );
}

/// PDF/A-2a's Unicode rule (ISO 19005-2, 6.2.11.7.2), checked as veraPDF would: every
/// glyph code a page shows — in its content and in the Form XObjects it paints — maps to
/// Unicode through its font's `/ToUnicode` CMap, to a value that is not empty and not
/// U+0000, U+FEFF or U+FFFE. Every font is composite here (Identity-H, two bytes a code).
pub fn unicode_pruefen(d: &lopdf::Document) {
    use lopdf::{Dictionary, Object};
    use std::collections::BTreeMap;

    fn hex(t: &str) -> Vec<u8> {
        (0..t.len() / 2)
            .map(|i| u8::from_str_radix(&t[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }
    fn zahl(b: &[u8]) -> u32 {
        b.iter().fold(0, |a, &x| a << 8 | u32::from(x))
    }
    fn utf16(b: &[u8]) -> Vec<u16> {
        b.chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect()
    }
    /// A ToUnicode CMap's `bfchar` and `bfrange` entries.
    fn karte(cmap: &str) -> BTreeMap<u32, Vec<u16>> {
        let mut k = BTreeMap::new();
        let token = |teil: &str| -> Vec<String> {
            let mut aus = Vec::new();
            let mut rest = teil;
            while let Some(a) = rest.find(['<', '[', ']']) {
                match &rest[a..a + 1] {
                    "<" => {
                        let e = rest[a..].find('>').unwrap() + a;
                        aus.push(rest[a + 1..e].to_string());
                        rest = &rest[e + 1..];
                    }
                    z => {
                        aus.push(z.to_string());
                        rest = &rest[a + 1..];
                    }
                }
            }
            aus
        };
        for block in cmap.split("beginbfchar").skip(1) {
            let t = token(&block[..block.find("endbfchar").unwrap()]);
            for paar in t.chunks(2) {
                k.insert(zahl(&hex(&paar[0])), utf16(&hex(&paar[1])));
            }
        }
        for block in cmap.split("beginbfrange").skip(1) {
            let t = token(&block[..block.find("endbfrange").unwrap()]);
            let mut i = 0;
            while i + 2 < t.len() {
                let (von, bis) = (zahl(&hex(&t[i])), zahl(&hex(&t[i + 1])));
                if t[i + 2] == "[" {
                    let mut j = i + 3;
                    for code in von..=bis {
                        k.insert(code, utf16(&hex(&t[j])));
                        j += 1;
                    }
                    i = j + 1;
                } else {
                    let mut ziel = utf16(&hex(&t[i + 2]));
                    for code in von..=bis {
                        k.insert(code, ziel.clone());
                        *ziel.last_mut().unwrap() += 1;
                    }
                    i += 3;
                }
            }
        }
        k
    }
    fn aufloesen<'a>(d: &'a lopdf::Document, o: &'a Object) -> Option<&'a Dictionary> {
        d.dereference(o).ok().and_then(|(_, o)| o.as_dict().ok())
    }
    fn inhalt_pruefen(d: &lopdf::Document, bytes: &[u8], res: &Dictionary, wo: &str) {
        let schriften = res.get(b"Font").ok().and_then(|f| aufloesen(d, f));
        let mut karten: BTreeMap<Vec<u8>, BTreeMap<u32, Vec<u16>>> = BTreeMap::new();
        let mut aktuell: Option<Vec<u8>> = None;
        let inhalt = lopdf::content::Content::decode(bytes).unwrap();
        for op in &inhalt.operations {
            let strings: Vec<&[u8]> = match op.operator.as_str() {
                "Tf" => {
                    let name = op.operands[0].as_name().unwrap().to_vec();
                    if !karten.contains_key(&name) {
                        let font = schriften
                            .and_then(|f| f.get(&name).ok())
                            .and_then(|f| aufloesen(d, f))
                            .unwrap_or_else(|| panic!("{wo}: Schrift {name:?} fehlt"));
                        let tu = font.get(b"ToUnicode").unwrap_or_else(|_| {
                            panic!(
                                "{wo}: Schrift {:?} ohne /ToUnicode",
                                String::from_utf8_lossy(&name)
                            )
                        });
                        let (_, tu) = d.dereference(tu).unwrap();
                        let s = tu.as_stream().unwrap();
                        let cmap = s
                            .decompressed_content()
                            .unwrap_or_else(|_| s.content.clone());
                        karten.insert(name.clone(), karte(&String::from_utf8_lossy(&cmap)));
                    }
                    aktuell = Some(name);
                    continue;
                }
                "Tj" | "'" => vec![op.operands[0].as_str().unwrap()],
                "\"" => vec![op.operands[2].as_str().unwrap()],
                "TJ" => op.operands[0]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|o| o.as_str().ok())
                    .collect(),
                "Do" => {
                    let name = op.operands[0].as_name().unwrap();
                    let xo = res
                        .get(b"XObject")
                        .ok()
                        .and_then(|x| aufloesen(d, x))
                        .and_then(|x| x.get(name).ok())
                        .and_then(|x| d.dereference(x).ok())
                        .and_then(|(_, o)| o.as_stream().ok());
                    if let Some(xo) = xo {
                        if xo.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form") {
                            let eigene =
                                xo.dict.get(b"Resources").ok().and_then(|r| aufloesen(d, r));
                            let inhalt = xo
                                .decompressed_content()
                                .unwrap_or_else(|_| xo.content.clone());
                            inhalt_pruefen(
                                d,
                                &inhalt,
                                eigene.unwrap_or(res),
                                &format!("{wo}, XObject"),
                            );
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            let k = &karten[aktuell
                .as_ref()
                .unwrap_or_else(|| panic!("{wo}: Text ohne Schrift"))];
            for s in strings {
                for code in s.chunks(2) {
                    let code = zahl(code);
                    let wert = k.get(&code).unwrap_or_else(|| {
                        panic!("{wo}: Glyph {code:#06x} ohne Unicode-Zuordnung")
                    });
                    assert!(
                        !wert.is_empty() && !matches!(wert[..], [0] | [0xFEFF] | [0xFFFE]),
                        "{wo}: Glyph {code:#06x} ist {wert:04x?} zugeordnet"
                    );
                }
            }
        }
    }
    for (nr, seite) in d.get_pages() {
        let dict = d.get_dictionary(seite).unwrap();
        let res = dict
            .get(b"Resources")
            .ok()
            .and_then(|r| aufloesen(d, r))
            .cloned()
            .unwrap_or_default();
        inhalt_pruefen(d, &d.get_page_content(seite), &res, &format!("Seite {nr}"));
        // The appearances of its annotations (the signature's stamp).
        let annots = dict
            .get(b"Annots")
            .ok()
            .and_then(|a| d.dereference(a).ok())
            .and_then(|(_, a)| a.as_array().ok().cloned())
            .unwrap_or_default();
        for a in annots {
            let ap = aufloesen(d, &a)
                .and_then(|a| a.get(b"AP").ok())
                .and_then(|ap| aufloesen(d, ap))
                .and_then(|ap| ap.get(b"N").ok())
                .and_then(|n| d.dereference(n).ok())
                .and_then(|(_, n)| n.as_stream().ok());
            if let Some(n) = ap {
                let eigene = n.dict.get(b"Resources").ok().and_then(|r| aufloesen(d, r));
                let inhalt = n
                    .decompressed_content()
                    .unwrap_or_else(|_| n.content.clone());
                inhalt_pruefen(
                    d,
                    &inhalt,
                    eigene.unwrap_or(&res),
                    &format!("Seite {nr}, Annotation"),
                );
            }
        }
    }
}

/// The Unicode check finds what it is for: a font without `/ToUnicode`, a glyph the map
/// leaves out, a glyph mapped to U+FFFE.
#[test]
fn the_unicode_check_finds_a_missing_map_and_an_unmapped_glyph() {
    let mut b = office("Stadt Herne", "{jahr}/{nr:04}", "");
    let i =
        api::vorlage_importieren(&mut b.store, &fixture("namen.json"), zeit("2026-11-30")).unwrap();
    let pdf = api::vorlage_pdf(&b.store, i.id.0, zeit("2026-11-30")).unwrap();
    unicode_pruefen(&lopdf::Document::load_mem(&pdf).unwrap());
    let kaputt = |aendern: &dyn Fn(&mut lopdf::Stream) -> bool| -> String {
        let mut d = lopdf::Document::load_mem(&pdf).unwrap();
        let ids: Vec<_> = d.objects.keys().copied().collect();
        for id in ids {
            let cmap = match d.get_object(id) {
                Ok(lopdf::Object::Stream(s)) => s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone()),
                _ => continue,
            };
            if !String::from_utf8_lossy(&cmap).contains("beginbfchar") {
                continue;
            }
            let mut s = lopdf::Stream::new(lopdf::Dictionary::new(), cmap);
            if aendern(&mut s) {
                d.objects.insert(id, lopdf::Object::Stream(s));
            }
        }
        let e = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| unicode_pruefen(&d)))
            .expect_err("die Prüfung hätte anschlagen müssen");
        e.downcast_ref::<String>().cloned().unwrap_or_default()
    };
    // Every mapping of the glyph for "a" (U+0061) turned into U+FFFE.
    let m = kaputt(&|s| {
        let t = String::from_utf8_lossy(&s.content).replace("<0061>", "<FFFE>");
        s.set_content(t.into_bytes());
        true
    });
    assert!(m.contains("zugeordnet"), "{m}");
    // Each map without its first entry.
    let m = kaputt(&|s| {
        let t = String::from_utf8_lossy(&s.content).into_owned();
        let a = t.find("beginbfchar").unwrap() + "beginbfchar".len();
        let zeile = t[a..].trim_start();
        let ende = a + (t[a..].len() - zeile.len()) + zeile.find('\n').unwrap();
        s.set_content(format!("{}{}", &t[..a], &t[ende..]).into_bytes());
        true
    });
    assert!(m.contains("ohne Unicode-Zuordnung"), "{m}");
}

/// Issue 25, item 8: brackets beside and inside Arabic script (a right-to-left paragraph)
/// come from DejaVu, mirrored in a right-to-left run (Noto Sans Arabic has none: they
/// printed as □; `rtl::arabische_stuecke` decides, unit-tested there). Here: the PDF stays
/// PDF/A and tagged with every glyph mapped, and every Arabic word reads back as typed.
/// (pdftotext itself puts a closing bracket beside an Arabic name into the name's
/// right-to-left run, and does not mirror brackets when it turns such a run around, so
/// the brackets' order in its text is poppler's, not checked here.)
#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn brackets_beside_arabic_names_print_and_extract_as_typed() {
    let mut b = office("Stadt Herne", "{jahr}/{nr:04}", "");
    let json = serde_json::json!({
        "art": "mitteilungsvorlage", "status": "oeffentlich",
        "betreff": "Sprachcafé (مقهى اللغة)",
        "verfasser": "Büro Integrationsrat",
        "federfuehrend": "Büro Integrationsrat",
        "bearbeiter": "Amal Haddad (أمل حداد)",
        "beratungsfolge": [
            {"gremium": "Integrationsrat", "rolle": "kenntnisnahme", "datum": "2026-12-16"}
        ],
        "sachverhalt": "Es berichten Frau Amal Haddad (أمل حداد) und Herr Karim [كريم].\n\nيقدم محمد (أحمد) تقريرا عن الدورات."
    });
    let i = api::vorlage_importieren(&mut b.store, &json.to_string(), zeit("2026-11-30")).unwrap();
    let pdf = api::vorlage_pdf(&b.store, i.id.0, zeit("2026-11-30")).unwrap();
    technisch_einwandfrei(&pdf);
    let t = text(&pdf);
    for teil in [
        "مقهى اللغة",
        "أمل حداد",
        "كريم",
        "يقدم محمد",
        "أحمد",
        "تقريرا عن الدورات",
    ] {
        assert!(
            t.contains(teil),
            "„{teil}“ kommt nicht wie eingegeben aus dem PDF:\n{t}"
        );
    }
    for zeichen in ['(', ')', '[', ']'] {
        assert!(
            t.contains(zeichen),
            "„{zeichen}“ fehlt im Text des PDF:\n{t}"
        );
    }
}
