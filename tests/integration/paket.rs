//! The session packet: both variants built from a Sitzung with öffentliche and
//! nichtöffentliche TOPs, Vorlagen and PDF Anlagen. `pdftotext` proves the public packet
//! holds every public TOP and not one nichtöffentliche word; `qpdf --check` and `pdffonts`
//! pass; the outline and the page count are read back with lopdf; every page carries its
//! packet page number, every page of the nichtöffentlicher Teil "nichtöffentlich"; a
//! broken Anlage stops the packet naming Vorlage and Anlage, and no file is left.

use crate::gemeinsam::{buero, vorlage, zeit};
use crate::pdf::{geprueft_und_eingebettet, text, werkzeug};
use chrono::NaiveDateTime;
use ratsbuero::api::{self, PaketVariante};
use ratsbuero::domain::sitzung::{GremiumTyp, Herkunft, MitgliedRolle, Teil};
use ratsbuero::domain::{AnlageNeu, GremiumNeu, MitgliedschaftNeu, PersonNeu, TopNeu};
use ratsbuero::domain::{Status, VorlageId};

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// A PDF Anlage: a real PDF with text in an embedded font.
fn anlage_pdf(b: &crate::gemeinsam::Testbuero, titel: &str) -> Vec<u8> {
    let mut akte = b.store.vorlage(VorlageId(1)).unwrap();
    akte.inhalt.betreff = titel.into();
    akte.inhalt.sachverhalt = format!("{titel}\n\nInhalt der Anlage.");
    akte.anlagen.clear();
    ratsbuero::pdf::vorlage(&akte, &b.store.buero().unwrap(), zeit("2026-11-01"))
        .unwrap()
        .bytes
}

fn outline(pdf: &[u8]) -> Vec<(usize, String)> {
    let d = lopdf::Document::load_mem(pdf).unwrap();
    let titel = |o: &lopdf::Dictionary| -> String {
        let b = o.get(b"Title").unwrap().as_str().unwrap();
        if b.starts_with(&[0xFE, 0xFF]) {
            String::from_utf16(
                &b[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect::<Vec<_>>(),
            )
            .unwrap()
        } else {
            String::from_utf8_lossy(b).into_owned()
        }
    };
    fn gehen(
        d: &lopdf::Document,
        erst: Option<lopdf::ObjectId>,
        tiefe: usize,
        titel: &dyn Fn(&lopdf::Dictionary) -> String,
        aus: &mut Vec<(usize, String)>,
    ) {
        let mut naechst = erst;
        while let Some(id) = naechst {
            let o = d.get_dictionary(id).unwrap();
            aus.push((tiefe, titel(o)));
            gehen(
                d,
                o.get(b"First").and_then(|f| f.as_reference()).ok(),
                tiefe + 1,
                titel,
                aus,
            );
            naechst = o.get(b"Next").and_then(|n| n.as_reference()).ok();
        }
    }
    let katalog = d.catalog().unwrap();
    let wurzel = d
        .get_dictionary(katalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut aus = Vec::new();
    gehen(
        &d,
        wurzel.get(b"First").and_then(|f| f.as_reference()).ok(),
        0,
        &titel,
        &mut aus,
    );
    aus
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn both_packet_variants_and_nothing_nichtoeffentlich_in_the_public_one() {
    let mut b = buero();
    let j = zeit("2026-11-01");
    let s = &mut b.store;
    let g = integrationsrat(s, j);
    let p = s
        .person_anlegen(
            &PersonNeu {
                vorname: "Ayşe".into(),
                nachname: "Yılmaz".into(),
                ..Default::default()
            },
            j,
        )
        .unwrap();
    s.mitgliedschaft_anlegen(&MitgliedschaftNeu {
        person: p.id,
        gremium: g.id,
        rolle: MitgliedRolle::Vorsitz,
        stimmrecht: true,
        fuer: String::new(),
        herkunft: Herkunft::Direkt,
        von: String::new(),
        bis: String::new(),
    })
    .unwrap();
    let v1 = s
        .vorlage_anlegen(&vorlage("Interkulturelle Woche 2027"), j)
        .unwrap();
    let v2 = s
        .vorlage_anlegen(&vorlage("Sprachförderung in Kitas"), j)
        .unwrap();
    let mut geheim = vorlage("GEHEIM Grundstücksankauf Nowak");
    geheim.status = Status::Nichtoeffentlich;
    let v3 = s.vorlage_anlegen(&geheim, j).unwrap();
    let oe_anlage = anlage_pdf(&b, "Programmentwurf Interkulturelle Woche");
    let noe_anlage = anlage_pdf(&b, "GEHEIM Kostenaufstellung Mietrückstände");
    let grund_anlage = anlage_pdf(&b, "GEHEIM Lageplan Grundstück");
    let s = &mut b.store;
    let add =
        |s: &mut ratsbuero::store::Store, v: VorlageId, name: &str, status, daten: Vec<u8>| {
            let version = s.vorlage(v).unwrap().version;
            s.anlage_hinzufuegen(
                v,
                version,
                AnlageNeu {
                    name: name.into(),
                    status,
                    alternativenpruefung: false,
                    daten,
                },
                j,
            )
            .unwrap();
        };
    add(s, v1.id, "Programm.pdf", Status::Oeffentlich, oe_anlage);
    add(s, v1.id, "Kosten.pdf", Status::Nichtoeffentlich, noe_anlage);
    add(
        s,
        v3.id,
        "Lageplan.pdf",
        Status::Nichtoeffentlich,
        grund_anlage,
    );
    add(
        s,
        v2.id,
        "Notiz.txt",
        Status::Oeffentlich,
        b"keine PDF-Datei".to_vec(),
    );
    let sitzung = s
        .sitzung_anlegen(g.id, t("2026-12-03T17:00"), "Rathaus Herne, Raum 101", j)
        .unwrap();
    let top = |teil, titel: &str, v: Option<VorlageId>| TopNeu {
        teil,
        titel: titel.into(),
        vorlage: v,
        unterpunkt: false,
    };
    for n in [
        top(Teil::Oeffentlich, "Genehmigung der Niederschrift", None),
        top(Teil::Oeffentlich, "", Some(v1.id)),
        top(Teil::Oeffentlich, "", Some(v2.id)),
        top(Teil::Nichtoeffentlich, "", Some(v3.id)),
        top(Teil::Nichtoeffentlich, "GEHEIM Personalie", None),
    ] {
        s.top_hinzufuegen(sitzung.id, &n, j).unwrap();
    }

    // Öffentlich: the public TOPs in order, not one nichtöffentliche word.
    let oeffentlich =
        api::sitzung_paket(&b.store, sitzung.id.0, PaketVariante::Oeffentlich, j).unwrap();
    ablegen("oeffentlich.pdf", &oeffentlich);
    crate::pdf::technisch_einwandfrei(&oeffentlich);
    let tx = text(&oeffentlich);
    for verboten in [
        "GEHEIM",
        "Nowak",
        "Mietrückstände",
        "Nichtöffentlicher Teil",
        "nichtöffentlich",
        "N 1",
        "N1",
        "N 2",
        "N2",
        "Kosten.pdf",
    ] {
        assert!(!tx.contains(verboten), "„{verboten}“ im öffentlichen Paket");
    }
    crate::pdf::in_reihenfolge(
        &tx,
        &[
            "Einladung zur 1. Sitzung",
            "Öffentlicher Teil",
            "Genehmigung der Niederschrift",
            "Interkulturelle Woche 2027",
            "Sprachförderung in Kitas",
            "Programmentwurf Interkulturelle Woche",
        ],
    );
    let d = lopdf::Document::load_mem(&oeffentlich).unwrap();
    let seiten = d.get_pages().len();
    for nr in 1..=seiten {
        let (_, seite) = werkzeug(
            "pdftotext",
            &[
                "-enc",
                "UTF-8",
                "-f",
                &nr.to_string(),
                "-l",
                &nr.to_string(),
            ],
            &oeffentlich,
        );
        assert!(
            seite.contains(&format!("1. Sitzung IR · Seite {nr} von {seiten}")),
            "Seite {nr}: {seite}"
        );
    }
    let o = outline(&oeffentlich);
    assert_eq!(
        o.iter().map(|(t, s)| (*t, s.as_str())).collect::<Vec<_>>(),
        vec![
            (0, "Einladung und Tagesordnung"),
            (0, "Ö 2 Interkulturelle Woche 2027"),
            (1, "Anlage 1: Programm.pdf"),
            (0, "Ö 3 Sprachförderung in Kitas"),
        ]
    );

    // Mitglieder: everything, the nichtöffentlicher Teil marked on every page.
    let mitglieder =
        api::sitzung_paket(&b.store, sitzung.id.0, PaketVariante::Mitglieder, j).unwrap();
    ablegen("mitglieder.pdf", &mitglieder);
    crate::pdf::technisch_einwandfrei(&mitglieder);
    xmp_wie_info(&mitglieder);
    let tx = text(&mitglieder);
    crate::pdf::in_reihenfolge(
        &tx,
        &[
            "Sehr geehrte Damen und Herren",
            "Öffentlicher Teil",
            "Nichtöffentlicher Teil",
            "GEHEIM Grundstücksankauf Nowak",
            "GEHEIM Personalie",
            "Ayşe Yılmaz",
            "Interkulturelle Woche 2027",
            "GEHEIM Kostenaufstellung Mietrückstände",
            "GEHEIM Lageplan Grundstück",
        ],
    );
    let o = outline(&mitglieder);
    assert_eq!(o.len(), 7, "{o:?}");
    assert_eq!(o[5], (0, "N 1 GEHEIM Grundstücksankauf Nowak".to_string()));
    assert_eq!(o[6], (1, "Anlage 1: Lageplan.pdf".to_string()));
    let d = lopdf::Document::load_mem(&mitglieder).unwrap();
    let seiten = d.get_pages().len();
    let mut noe_seiten = 0;
    let mut im_noe_teil = false;
    for nr in 1..=seiten {
        let (_, seite) = werkzeug(
            "pdftotext",
            &[
                "-enc",
                "UTF-8",
                "-f",
                &nr.to_string(),
                "-l",
                &nr.to_string(),
            ],
            &mitglieder,
        );
        im_noe_teil |= seite.contains("GEHEIM Grundstücksankauf Nowak") && nr > 2;
        if im_noe_teil {
            assert!(
                seite.contains("nichtöffentlich"),
                "Seite {nr} im nichtöffentlichen Teil ohne Kennzeichnung"
            );
            noe_seiten += 1;
        }
    }
    assert!(noe_seiten >= 2);
    assert!(
        seiten
            > lopdf::Document::load_mem(&oeffentlich)
                .unwrap()
                .get_pages()
                .len()
    );
}

#[test]
fn a_broken_anlage_stops_the_packet_naming_vorlage_and_anlage_and_leaves_no_file() {
    let mut b = buero();
    let j = zeit("2026-11-01");
    let s = &mut b.store;
    let g = s
        .gremium_anlegen(
            &GremiumNeu {
                name: "Integrationsrat".into(),
                kurzname: String::new(),
                typ: GremiumTyp::Integrationsrat,
                wahlperiode: String::new(),
                ladungsfrist_tage: 7,
                mindestsitzungen_jahr: 0,
                vertretung: Default::default(),
                ohne_entschaedigung: false,
            },
            j,
        )
        .unwrap();
    let v = s.vorlage_anlegen(&vorlage("Haushalt"), j).unwrap();
    s.anlage_hinzufuegen(
        v.id,
        v.version,
        AnlageNeu {
            name: "Haushaltsplan.pdf".into(),
            status: Status::Oeffentlich,
            alternativenpruefung: false,
            daten: b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nkaputt".to_vec(),
        },
        j,
    )
    .unwrap();
    let sitzung = s
        .sitzung_anlegen(g.id, t("2026-12-03T17:00"), "Rathaus", j)
        .unwrap();
    s.top_hinzufuegen(
        sitzung.id,
        &TopNeu {
            teil: Teil::Oeffentlich,
            titel: String::new(),
            vorlage: Some(v.id),
            unterpunkt: false,
        },
        j,
    )
    .unwrap();
    let e = api::sitzung_paket(&b.store, sitzung.id.0, PaketVariante::Mitglieder, j).unwrap_err();
    assert_eq!(e.code, "paket_anlage");
    assert_eq!(e.message, "Vorlage (Entwurf 1), Anlage 1 „Haushaltsplan.pdf“ ist beschädigt und nicht lesbar; das Sitzungspaket wurde nicht erstellt.");

    let db = b.db_arg();
    drop(b.store);
    let aus = b.ordner.path().join("paket.pdf");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .arg("--db")
        .arg(&db)
        .args([
            "sitzung",
            "paket",
            &sitzung.id.0.to_string(),
            "--variante",
            "mitglieder",
            "--out",
        ])
        .arg(&aus)
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Haushaltsplan.pdf"));
    assert!(!aus.exists());
    let reste: Vec<_> = std::fs::read_dir(b.ordner.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("paket"))
        .collect();
    assert!(reste.is_empty());
}

/// The Integrationsrat "IR" with a Ladungsfrist of 7 days.
fn integrationsrat(
    s: &mut ratsbuero::store::Store,
    j: NaiveDateTime,
) -> ratsbuero::domain::Gremium {
    s.gremium_anlegen(
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
        j,
    )
    .unwrap()
}

/// The XMP's title is the document information's, and the file has an identifier.
fn xmp_wie_info(pdf: &[u8]) {
    let d = lopdf::Document::load_mem(pdf).unwrap();
    let info = d
        .get_dictionary(d.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    let titel = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    let xmp = d
        .get_object(
            d.catalog()
                .unwrap()
                .get(b"Metadata")
                .unwrap()
                .as_reference()
                .unwrap(),
        )
        .unwrap()
        .as_stream()
        .unwrap()
        .content
        .clone();
    let xmp = String::from_utf8(xmp).unwrap();
    assert!(
        xmp.contains(&format!("<rdf:li xml:lang=\"x-default\">{titel}</rdf:li>")),
        "{titel} / {xmp}"
    );
    assert!(d.trailer.get(b"ID").unwrap().as_array().unwrap().len() == 2);
}

/// The packet is PDF/A-2b like its pieces (the Vorlagen and the Einladung): XMP with the
/// PDF/A identification, the output intent, a file identifier. An Anlage from elsewhere
/// that is not PDF/A itself takes the claim away (the rest stays), as it must.
#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn the_packet_is_pdfa_unless_an_anlage_from_elsewhere_is_not() {
    let mut b = buero();
    let j = zeit("2026-11-01");
    let g = integrationsrat(&mut b.store, j);
    let v = b
        .store
        .vorlage_anlegen(&vorlage("Haushalt 2027"), j)
        .unwrap();
    let eigene = anlage_pdf(&b, "Haushaltsplan");
    let mut fremd = lopdf::Document::load_mem(&eigene).unwrap();
    fremd.catalog_mut().unwrap().remove(b"Metadata");
    let mut fremde = Vec::new();
    fremd.save_to(&mut fremde).unwrap();
    b.store
        .anlage_hinzufuegen(
            v.id,
            v.version,
            AnlageNeu {
                name: "Haushaltsplan.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: eigene,
            },
            j,
        )
        .unwrap();
    let sitzung = b
        .store
        .sitzung_anlegen(g.id, t("2026-12-03T17:00"), "Rathaus", j)
        .unwrap();
    b.store
        .top_hinzufuegen(
            sitzung.id,
            &TopNeu {
                teil: Teil::Oeffentlich,
                titel: String::new(),
                vorlage: Some(v.id),
                unterpunkt: false,
            },
            j,
        )
        .unwrap();
    let paket = api::sitzung_paket(&b.store, sitzung.id.0, PaketVariante::Mitglieder, j).unwrap();
    crate::pdf::technisch_einwandfrei(&paket);
    xmp_wie_info(&paket);

    // An Anlage from elsewhere that says PDF/A-2b: the packet is PDF/A-2b, not 2a.
    let zweib = {
        let roh = anlage_pdf(&b, "Gutachten");
        let a = b"<pdfaid:conformance>A</pdfaid:conformance>";
        let i = roh
            .windows(a.len())
            .position(|w| w == a)
            .expect("XMP unkomprimiert");
        let mut roh = roh;
        roh[i + 20] = b'B';
        roh
    };
    b.store
        .anlage_hinzufuegen(
            v.id,
            b.store.vorlage(v.id).unwrap().version,
            AnlageNeu {
                name: "Gutachten.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: zweib,
            },
            j,
        )
        .unwrap();
    let paket = api::sitzung_paket(&b.store, sitzung.id.0, PaketVariante::Mitglieder, j).unwrap();
    let roh = String::from_utf8_lossy(&paket);
    assert!(
        roh.contains("<pdfaid:part>2</pdfaid:part>")
            && roh.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "eine Anlage in PDF/A-2b macht das Paket zu PDF/A-2b"
    );
    crate::pdf::struktur_pruefen(&paket);

    b.store
        .anlage_hinzufuegen(
            v.id,
            b.store.vorlage(v.id).unwrap().version,
            AnlageNeu {
                name: "Stellungnahme.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: fremde,
            },
            j,
        )
        .unwrap();
    let paket = api::sitzung_paket(&b.store, sitzung.id.0, PaketVariante::Mitglieder, j).unwrap();
    geprueft_und_eingebettet(&paket);
    xmp_wie_info(&paket);
    assert!(!String::from_utf8_lossy(&paket).contains("pdfaid:part"));
}

/// With `RATSBUERO_PAKET_ABLAGE=DIR` the packets are kept for looking at.
fn ablegen(name: &str, pdf: &[u8]) {
    if let Some(ordner) = std::env::var_os("RATSBUERO_PAKET_ABLAGE") {
        std::fs::write(std::path::Path::new(&ordner).join(name), pdf).unwrap();
    }
}
