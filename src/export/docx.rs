//! The Vorlage as a Word file (`.docx`, Office Open XML), for the town's RIS that still
//! imports Vorlagen as Word: every part in the order of the PDF — the head, the kind of
//! paper and the Betreff, Verfasser / Federführend / Bearbeiter, the Beratungsfolge, the
//! finances with the NKF table, the Klimarelevanz, Beschlussvorschlag, Sachverhalt, the
//! Anlagen, the signature block and the Beschlussvermerke.
//!
//! Word's built-in heading styles (`Heading1`, `Heading2`: "heading 1", "heading 2", with
//! their outline level) so that the RIS and Word's navigation see the structure; lists as
//! real numbered or bulleted lists; the Beratungsfolge, the NKF table and the Anlagen as
//! tables; the check boxes as ☒/☐ with their label. `docx-rs` writes the file; it cannot
//! set the language, so `word/styles.xml` gets `<w:lang w:val="de-DE"/>` in its defaults
//! afterwards (Word's spelling and hyphenation then work in German). A nichtöffentliche
//! Vorlage says so in the header of every page.

use super::ExportFehler;
use crate::domain::finanzen::{FinanzArt, Haushaltsmittel, Posten};
use crate::domain::{datum, Buero, Klimarelevanz, Status, VorlageAkte};
use crate::pdf::satz::{bloecke, Block};
use docx_rs::{
    AbstractNumbering, Docx, Header, IndentLevel, Level, LevelJc, LevelText, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, SpecialIndentType, Start, Style, StyleType, Table,
    TableCell, TableRow,
};
use std::io::{Cursor, Read, Write};

const AUFZAEHLUNG: usize = 1;
const NUMMERIERUNG: usize = 2;

fn absatz(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn fett(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).bold())
}

fn ueberschrift(stufe: usize, text: &str) -> Paragraph {
    absatz(text).style(&format!("Heading{stufe}"))
}

fn kaestchen(an: bool, text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(format!("{} {text}", if an { "☒" } else { "☐" })))
}

/// A table with a bold head row.
fn tabelle(kopf: &[&str], zeilen: Vec<Vec<String>>) -> Table {
    let mut reihen = vec![TableRow::new(
        kopf.iter()
            .map(|k| TableCell::new().add_paragraph(fett(k)))
            .collect(),
    )];
    for z in zeilen {
        reihen.push(TableRow::new(
            z.iter()
                .map(|t| TableCell::new().add_paragraph(absatz(t)))
                .collect(),
        ));
    }
    Table::new(reihen)
}

/// Running text: paragraphs, and list items as Word lists (numbered when the office
/// numbered them).
fn text(mut docx: Docx, text: &str) -> Docx {
    if text.trim().is_empty() {
        return docx.add_paragraph(absatz("—"));
    }
    for b in bloecke(text) {
        docx = match b {
            Block::Absatz(t) => docx.add_paragraph(absatz(&t)),
            Block::Punkt { marke, text } => {
                let liste = if marke.trim_end_matches(['.', ')']).parse::<u32>().is_ok() {
                    NUMMERIERUNG
                } else {
                    AUFZAEHLUNG
                };
                docx.add_paragraph(
                    absatz(&text).numbering(NumberingId::new(liste), IndentLevel::new(0)),
                )
            }
        };
    }
    docx
}

fn listen(docx: Docx) -> Docx {
    let ebene = |format: &str, text: &str| {
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
    };
    docx.add_abstract_numbering(AbstractNumbering::new(AUFZAEHLUNG).add_level(ebene("bullet", "–")))
        .add_numbering(Numbering::new(AUFZAEHLUNG, AUFZAEHLUNG))
        .add_abstract_numbering(
            AbstractNumbering::new(NUMMERIERUNG).add_level(ebene("decimal", "%1.")),
        )
        .add_numbering(Numbering::new(NUMMERIERUNG, NUMMERIERUNG))
}

/// The Vorlage as `.docx` bytes. `gedruckt` is the date of a paper not yet released.
pub fn vorlage_docx(
    akte: &VorlageAkte,
    buero: &Buero,
    gedruckt: chrono::NaiveDateTime,
) -> Result<Vec<u8>, ExportFehler> {
    let i = &akte.inhalt;
    let nummer = akte.nummer.clone().unwrap_or_else(|| "– (Entwurf)".into());
    let mut kopfzeile = format!(
        "{} · {} · Vorlage {nummer}",
        buero.kommune, buero.gremium_name
    );
    if i.status == Status::Nichtoeffentlich {
        kopfzeile.push_str(" · nichtöffentlich");
    }
    let mut docx = Docx::new()
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .next("Normal")
                .outline_lvl(0)
                .bold()
                .size(32),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .based_on("Normal")
                .next("Normal")
                .outline_lvl(1)
                .bold()
                .size(24),
        )
        .header(Header::new().add_paragraph(absatz(&kopfzeile)));
    docx = listen(docx);

    let datum = akte
        .freigegeben_am
        .map(|t| datum::deutsch(t.date()))
        .unwrap_or_else(|| datum::deutsch(gedruckt.date()));
    docx = docx
        .add_paragraph(fett(&buero.kommune))
        .add_paragraph(absatz(&buero.gremium_name))
        .add_table(Table::new(
            [
                ("Vorlage-Nr.:", nummer.clone()),
                ("Vorlage-Art:", i.art.label().to_string()),
                ("Status:", i.status.label().to_string()),
                ("Datum:", datum),
            ]
            .into_iter()
            .map(|(k, v)| {
                TableRow::new(vec![
                    TableCell::new().add_paragraph(absatz(k)),
                    TableCell::new().add_paragraph(fett(&v)),
                ])
            })
            .collect(),
        ))
        .add_paragraph(ueberschrift(1, i.art.label()))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Betreff: ").bold())
                .add_run(
                    Run::new()
                        .add_text(if i.betreff.is_empty() {
                            "(ohne Betreff)"
                        } else {
                            &i.betreff
                        })
                        .bold(),
                ),
        );
    for (label, wert) in [
        ("Verfasser:", &i.verfasser),
        ("Federführend:", &i.federfuehrend),
        ("Bearbeiter/-in:", &i.bearbeiter),
    ] {
        if !wert.is_empty() {
            docx = docx.add_paragraph(absatz(&format!("{label} {wert}")));
        }
    }

    if !i.beratungsfolge.is_empty() {
        docx = docx
            .add_paragraph(ueberschrift(2, "Beratungsfolge:"))
            .add_table(tabelle(
                &[
                    "Gremium",
                    "Beratungsstatus",
                    "Sitzung am",
                    "TOP",
                    "Ergebnis",
                ],
                i.beratungsfolge
                    .iter()
                    .map(|b| {
                        vec![
                            b.gremium.clone(),
                            b.rolle.label().to_string(),
                            datum::parse(&b.datum)
                                .map(datum::deutsch)
                                .unwrap_or_default(),
                            String::new(),
                            b.ergebnis.clone(),
                        ]
                    })
                    .collect(),
            ));
    }

    let f = &i.finanzen;
    let (fin, _) = f.pruefen();
    let folgende = f.art == FinanzArt::Folgende;
    docx = docx
        .add_paragraph(ueberschrift(2, "Finanzielle Auswirkungen:"))
        .add_paragraph(kaestchen(!folgende, "keine"))
        .add_paragraph(kaestchen(folgende, "folgende"));
    if folgende {
        for (titel, zeilen) in Posten::GRUPPEN {
            docx = docx.add_table(tabelle(
                &[titel, "€"],
                zeilen
                    .iter()
                    .map(|(p, darin)| {
                        vec![
                            if *darin {
                                format!("darin enthalten: {}", p.label())
                            } else {
                                p.label().to_string()
                            },
                            fin.betrag(*p).map(|c| c.to_string()).unwrap_or_default(),
                        ]
                    })
                    .collect(),
            ));
        }
        docx = docx.add_paragraph(absatz(&format!(
            "Haushaltsmittel stehen: {} zur Verfügung   {} nicht zur Verfügung",
            if f.haushaltsmittel == Some(Haushaltsmittel::Verfuegbar) {
                "☒"
            } else {
                "☐"
            },
            if f.haushaltsmittel == Some(Haushaltsmittel::NichtVerfuegbar) {
                "☒"
            } else {
                "☐"
            },
        )));
    }

    docx = docx.add_paragraph(ueberschrift(2, "Klimarelevante Auswirkungen:"));
    for k in Klimarelevanz::ALLE {
        docx = docx
            .add_paragraph(kaestchen(i.klimarelevanz == Some(*k), k.label()))
            .add_paragraph(absatz(k.folgesatz()));
    }

    if !i.beschlussvorschlag.is_empty()
        || !matches!(i.art, crate::domain::VorlageArt::Mitteilungsvorlage)
    {
        docx = docx.add_paragraph(ueberschrift(2, "Beschlussvorschlag:"));
        docx = text(docx, &i.beschlussvorschlag);
    }
    docx = docx.add_paragraph(ueberschrift(2, "Sachverhalt:"));
    docx = text(docx, &i.sachverhalt);

    docx = docx.add_paragraph(ueberschrift(2, "Anlagen:"));
    docx = if akte.anlagen.is_empty() {
        docx.add_paragraph(absatz("keine"))
    } else {
        docx.add_table(tabelle(
            &["Nr.", "Status", "Name"],
            akte.anlagen
                .iter()
                .map(|a| {
                    vec![
                        format!("Anlage {}", a.nr),
                        a.status.label().to_string(),
                        a.name.clone(),
                    ]
                })
                .collect(),
        ))
    };

    let u = i.unterschrift.as_ref().unwrap_or(&buero.unterschrift);
    docx = docx.add_paragraph(absatz(""));
    for z in u.zeilen() {
        if z.luecke {
            docx = docx.add_paragraph(absatz("")).add_paragraph(absatz(""));
        }
        docx = docx.add_paragraph(absatz(&z.text));
    }

    let teil = if i.status == Status::Nichtoeffentlich {
        "nicht-öffentlicher Teil"
    } else {
        "öffentlicher Teil"
    };
    for b in &i.beratungsfolge {
        let am = datum::parse(&b.datum)
            .map(datum::deutsch)
            .unwrap_or_else(|_| "__________".into());
        docx = docx.add_paragraph(absatz(&format!(
            "In der Sitzung {} am {am} ({teil}) wurde wie folgt beschlossen:",
            crate::domain::gremium::genitiv(&b.gremium)
        )));
        docx = docx.add_paragraph(if b.ergebnis.is_empty() {
            absatz("__________________________________________")
        } else {
            fett(&b.ergebnis)
        });
    }

    let mut roh = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut roh)
        .map_err(|e| ExportFehler::Word(e.to_string()))?;
    sprache_setzen(&roh.into_inner(), "de-DE")
}

/// Puts `<w:lang w:val="…"/>` into the run defaults of `word/styles.xml` (docx-rs writes
/// none); every other part of the package is copied as it is.
fn sprache_setzen(docx: &[u8], sprache: &str) -> Result<Vec<u8>, ExportFehler> {
    let fehler = |e: &dyn std::fmt::Display| ExportFehler::Word(e.to_string());
    let mut archiv = zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| fehler(&e))?;
    let mut aus = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let optionen = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for n in 0..archiv.len() {
        let mut teil = archiv.by_index(n).map_err(|e| fehler(&e))?;
        let name = teil.name().to_string();
        let mut inhalt = Vec::new();
        teil.read_to_end(&mut inhalt).map_err(|e| fehler(&e))?;
        if name == "word/styles.xml" {
            let xml = String::from_utf8(inhalt).map_err(|e| fehler(&e))?;
            let lang =
                format!(r#"<w:lang w:val="{sprache}" w:eastAsia="{sprache}" w:bidi="ar-SA" />"#);
            let neu = if xml.contains("<w:rPrDefault><w:rPr />") {
                xml.replacen(
                    "<w:rPrDefault><w:rPr />",
                    &format!("<w:rPrDefault><w:rPr>{lang}</w:rPr>"),
                    1,
                )
            } else if let Some(i) = xml.find("<w:rPrDefault><w:rPr>") {
                let stelle = i + "<w:rPrDefault><w:rPr>".len();
                format!("{}{lang}{}", &xml[..stelle], &xml[stelle..])
            } else {
                return Err(ExportFehler::Word(
                    "styles.xml ohne Standard-Zeichenformat".into(),
                ));
            };
            inhalt = neu.into_bytes();
        }
        aus.start_file(name, optionen).map_err(|e| fehler(&e))?;
        aus.write_all(&inhalt).map_err(|e| fehler(&e))?;
    }
    Ok(aus.finish().map_err(|e| fehler(&e))?.into_inner())
}
