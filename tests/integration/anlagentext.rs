//! The text inside Anlagen is searched (issue 28 § 2): a PDF page by page (Ratsbüro's own
//! PDF of a Vorlage, a real PDF with subset fonts and ToUnicode maps), a Word file and an
//! OpenDocument text; a hit says in which Anlage (and on which page) it was found; a PDF
//! of images is marked as a scan; a Neue Fassung keeps the Anlagen's text; the CLI's
//! `vorlage anlage` and `vorlage suche` say the same. On both backends.

use crate::gemeinsam::{buero, vorlage, zeit, Testbuero};
use ratsbuero::api;
use ratsbuero::domain::anlage::{AnlageNeu, Textschicht};
use ratsbuero::domain::{Status, VorlageId};
use ratsbuero::store::{Store, VorlagenFilter};
use std::io::Write;

fn treffer(store: &Store, text: &str) -> Vec<(String, Option<String>)> {
    store
        .vorlagen(&VorlagenFilter {
            suche: Some(text.into()),
            grenze: Some(50),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|z| (z.betreff, z.fundstelle))
        .collect()
}

fn anhaengen(b: &mut Testbuero, id: VorlageId, name: &str, daten: Vec<u8>) -> Textschicht {
    let version = b.store.vorlage(id).unwrap().version;
    let neu = AnlageNeu {
        name: name.into(),
        status: Status::Oeffentlich,
        alternativenpruefung: false,
        daten,
    };
    let (_, info) = b
        .store
        .anlage_hinzufuegen(id, version, neu, zeit("2026-03-02"))
        .unwrap();
    info.textschicht
}

/// A Word file with two paragraphs, written by docx-rs.
fn docx(absaetze: &[&str]) -> Vec<u8> {
    let mut d = docx_rs::Docx::new();
    for a in absaetze {
        d = d.add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(*a)));
    }
    let mut aus = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut aus).unwrap();
    aus.into_inner()
}

/// An OpenDocument text: the zip with its mimetype and content.xml.
fn odt(text: &str) -> Vec<u8> {
    let mut aus = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut aus);
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("mimetype", o).unwrap();
        z.write_all(b"application/vnd.oasis.opendocument.text")
            .unwrap();
        z.start_file("content.xml", o).unwrap();
        write!(
            z,
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles/><office:body><office:text><text:h>Protokoll</text:h><text:p>{text}</text:p></office:text></office:body></office:document-content>"#
        )
        .unwrap();
        z.finish().unwrap();
    }
    aus.into_inner()
}

/// A PDF whose one page only draws a rectangle: what a scanner makes, as far as the search
/// can tell (no text layer).
fn scan() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let seiten = doc.new_object_id();
    let inhalt = doc.add_object(Stream::new(dictionary! {}, b"0 0 m 200 200 l S".to_vec()));
    let seite = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => seiten, "Contents" => inhalt,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        seiten,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![seite.into()], "Count" => 1 },
        ),
    );
    let katalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => seiten });
    doc.trailer.set("Root", katalog);
    let mut aus = Vec::new();
    doc.save_to(&mut aus).unwrap();
    aus
}

#[test]
fn the_text_inside_pdf_word_and_opendocument_anlagen_is_found_and_the_hit_says_where() {
    let mut b = buero();
    // A PDF of three pages: Ratsbüro's own PDF of a Vorlage with a long Sachverhalt.
    let mut lang = vorlage("Kostenaufstellung Sprachcafé");
    lang.sachverhalt = (1..=140)
        .map(|i| format!("Absatz {i}: Die Ausgaben des Sprachcafés im Stadtteilzentrum werden einzeln belegt."))
        .collect::<Vec<_>>()
        .join("\n\n");
    lang.sachverhalt
        .push_str("\n\nZuletzt: Kältetechnik für den Kühlraum der Begegnungsstätte Wiśniewski.");
    let quelle = b.store.vorlage_anlegen(&lang, zeit("2026-03-01")).unwrap();
    let pdf = api::vorlage_pdf(&b.store, quelle.id.0, zeit("2026-03-01")).unwrap();

    let ziel = b
        .store
        .vorlage_anlegen(
            &vorlage("Haushalt des Integrationsrates 2027"),
            zeit("2026-03-01"),
        )
        .unwrap();
    assert_eq!(
        anhaengen(&mut b, ziel.id, "Kostenaufstellung.pdf", pdf),
        Textschicht::Text
    );
    assert_eq!(
        anhaengen(
            &mut b,
            ziel.id,
            "Konzept.docx",
            docx(&[
                "Konzept der Antidiskriminierungsberatung",
                "Träger: Verein Brückenschlag e. V."
            ])
        ),
        Textschicht::Text
    );
    assert_eq!(
        anhaengen(
            &mut b,
            ziel.id,
            "Protokoll.odt",
            odt("Die Arbeitsgruppe Lärmschutz &amp; Verkehr tagte.")
        ),
        Textschicht::Text
    );
    assert_eq!(
        anhaengen(&mut b, ziel.id, "Eingescannt.pdf", scan()),
        Textschicht::Scan
    );
    let anlagen = b.store.anlagen(ziel.id).unwrap();
    assert_eq!(
        anlagen.iter().map(|a| a.textschicht).collect::<Vec<_>>(),
        [
            Textschicht::Text,
            Textschicht::Text,
            Textschicht::Text,
            Textschicht::Scan
        ]
    );

    let haushalt = "Haushalt des Integrationsrates 2027".to_string();
    // On the PDF's last page (the word is the Sachverhalt's last).
    let k = treffer(&b.store, "kältetechnik");
    let kaelte: Vec<_> = k.iter().filter(|(t, _)| *t == haushalt).collect();
    assert_eq!(kaelte.len(), 1, "{k:?}");
    let fund = kaelte[0].1.as_deref().unwrap();
    assert!(
        fund.starts_with("gefunden in Anlage 1: Kostenaufstellung.pdf, S. ")
            && !fund.ends_with("S. 1"),
        "{fund}"
    );
    // The source paper has the word in its own text: no Fundstelle there.
    assert!(
        k.iter()
            .any(|(t, f)| t == "Kostenaufstellung Sprachcafé" && f.is_none()),
        "{k:?}"
    );
    // A name with diacritics, folded, from the PDF.
    assert!(treffer(&b.store, "wisniewski")
        .iter()
        .any(|(t, _)| *t == haushalt));
    // Word: a part of a compound, and the Anlage named.
    assert_eq!(
        treffer(&b.store, "diskriminierung"),
        [(
            haushalt.clone(),
            Some("gefunden in Anlage 2: Konzept.docx".to_string())
        )]
    );
    assert_eq!(
        treffer(&b.store, "brückenschlag"),
        [(
            haushalt.clone(),
            Some("gefunden in Anlage 2: Konzept.docx".to_string())
        )]
    );
    // OpenDocument, an entity decoded.
    assert_eq!(
        treffer(&b.store, "lärmschutz verkehr"),
        [(
            haushalt.clone(),
            Some("gefunden in Anlage 3: Protokoll.odt".to_string())
        )]
    );
    // The paper's own words: no Fundstelle.
    assert_eq!(
        treffer(&b.store, "haushalt integrationsrates"),
        [(haushalt.clone(), None)]
    );

    // A Neue Fassung keeps the Anlagen and their text.
    let f = b.store.vorlage(ziel.id).unwrap();
    b.store
        .vorlage_freigeben(ziel.id, f.version, zeit("2026-03-03"))
        .unwrap();
    let neu = b
        .store
        .vorlage_neue_fassung(ziel.id, zeit("2026-03-04"))
        .unwrap();
    let mit: Vec<_> = treffer(&b.store, "brückenschlag");
    assert_eq!(mit.len(), 2, "{mit:?}");
    assert!(mit
        .iter()
        .all(|(_, f)| f.as_deref() == Some("gefunden in Anlage 2: Konzept.docx")));
    // An Anlage removed from the draft: its text goes with it.
    let docx_id = b.store.anlagen(neu.id).unwrap()[1].id;
    let v = b.store.vorlage(neu.id).unwrap().version;
    b.store
        .anlage_entfernen(neu.id, v, docx_id, zeit("2026-03-04"))
        .unwrap();
    assert_eq!(treffer(&b.store, "brückenschlag").len(), 1);
}

#[test]
fn the_command_line_attaches_a_file_and_says_where_a_hit_was_found() {
    let b = buero();
    let ordner = tempfile::tempdir().unwrap();
    let datei = ordner.path().join("Konzept Brückenschlag.docx");
    std::fs::write(&datei, docx(&["Antidiskriminierungsberatung im Quartier"])).unwrap();
    let gescannt = ordner.path().join("Scan.pdf");
    std::fs::write(&gescannt, scan()).unwrap();
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .args(["--db", &b.db_arg()])
            .args(args)
            .env_remove("RATSBUERO_DB")
            .output()
            .unwrap()
    };
    let mut s = b.noch_einmal();
    let v = s
        .vorlage_anlegen(&vorlage("Beratungsangebote"), zeit("2026-03-01"))
        .unwrap();
    drop(s);
    let id = v.id.0.to_string();
    let o = cli(&[
        "vorlage",
        "anlage",
        &id,
        datei.to_str().unwrap(),
        "--status",
        "nichtoeffentlich",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "Anlage 1: Konzept Brückenschlag.docx\n"
    );
    let o = cli(&["vorlage", "anlage", &id, gescannt.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("keine Textschicht (ein Scan)"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = cli(&[
        "vorlage",
        "anlage",
        &id,
        datei.to_str().unwrap(),
        "--status",
        "geheim",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("status"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = cli(&["vorlage", "suche", "diskriminierung"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.trim_end()
            .ends_with("Beratungsangebote — gefunden in Anlage 1: Konzept Brückenschlag.docx"),
        "{text}"
    );
    let anlagen = b.noch_einmal().anlagen(v.id).unwrap();
    assert_eq!(anlagen[0].status, Status::Nichtoeffentlich);
}
