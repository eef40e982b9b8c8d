//! The town's RIS read in through OParl, against a stub HTTP server on 127.0.0.1 that the
//! test starts itself: the standard's examples (`../shared/testdata/oparl-1.1-schema/
//! examples/`, their URLs rewritten to the stub), a fixture with every quirk the import
//! knows, an interrupted import that resumes, an update with `modified_since` and deleted
//! objects, and a round trip: this product's own `oparl export` served over HTTP and read
//! into an empty office gives back the same public Gremien, Sitzungen, TOPs and Vorlagen,
//! their files byte-identical.

use crate::gemeinsam::{buero, zeit};
use ratsbuero::api;
use ratsbuero::domain::anlage::sha512_hex;
use ratsbuero::ris::import::Bericht;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// What the stub answers for a path (with its query): status and body.
#[derive(Default)]
struct Antworten {
    routen: HashMap<String, (u16, Vec<u8>)>,
    /// Paths answered with 500 this many more times.
    stoerung: HashMap<String, usize>,
    /// Every path asked for, in order.
    log: Vec<String>,
}

struct Stub {
    basis: String,
    a: Arc<Mutex<Antworten>>,
}

impl Stub {
    fn neu() -> Stub {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let basis = format!("http://127.0.0.1:{}", l.local_addr().unwrap().port());
        let a = Arc::new(Mutex::new(Antworten::default()));
        let a2 = a.clone();
        std::thread::spawn(move || {
            for s in l.incoming() {
                let Ok(mut s) = s else { continue };
                let a = a2.clone();
                std::thread::spawn(move || {
                    let mut r = BufReader::new(s.try_clone().unwrap());
                    let mut zeile = String::new();
                    if r.read_line(&mut zeile).is_err() {
                        return;
                    }
                    loop {
                        let mut h = String::new();
                        if r.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                            break;
                        }
                    }
                    let pfad = zeile.split(' ').nth(1).unwrap_or("/").to_string();
                    let (status, body) = {
                        let mut a = a.lock().unwrap();
                        a.log.push(pfad.clone());
                        match a.stoerung.get_mut(&pfad) {
                            Some(n) if *n > 0 => {
                                *n -= 1;
                                (500, b"{\"error\": \"intern\"}".to_vec())
                            }
                            _ => a
                                .routen
                                .get(&pfad)
                                .cloned()
                                .unwrap_or((404, b"{}".to_vec())),
                        }
                    };
                    let _ = write!(
                        s,
                        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = s.write_all(&body);
                });
            }
        });
        Stub { basis, a }
    }

    fn url(&self, pfad: &str) -> String {
        format!("{}{pfad}", self.basis)
    }

    fn setzen(&self, pfad: &str, status: u16, body: impl Into<Vec<u8>>) {
        self.a
            .lock()
            .unwrap()
            .routen
            .insert(pfad.into(), (status, body.into()));
    }

    fn json(&self, pfad: &str, v: &Value) {
        self.setzen(pfad, 200, v.to_string());
    }

    fn log(&self) -> Vec<String> {
        self.a.lock().unwrap().log.clone()
    }
}

fn importieren(b: &mut crate::gemeinsam::Testbuero, url: &str) -> Result<Bericht, api::ApiFehler> {
    api::oparl_import(&mut b.store, url, zeit("2026-12-01"), &mut |_| true)
}

fn gruende(b: &Bericht) -> String {
    b.uebersprungen
        .iter()
        .map(|w| format!("{}: {}", w.url, w.grund))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The standard's examples, served from the stub with their URLs rewritten to it.
#[test]
fn the_standards_examples_are_read_through_a_stub_server() {
    let stub = Stub::neu();
    let ordner =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/oparl-1.1-schema/examples");
    let lesen = |name: &str| -> Value {
        let text = std::fs::read_to_string(ordner.join(name)).unwrap();
        serde_json::from_str(&text.replace("https://oparl.example.org", &stub.basis)).unwrap()
    };
    let system = lesen("System-01.json");
    let body = lesen("Body-01.json");
    let liste =
        |v: Vec<Value>| json!({"data": v, "pagination": {"elementsPerPage": 20}, "links": {}});
    stub.json("/", &system);
    stub.json("/bodies", &liste(vec![body.clone()]));
    stub.json(
        "/body/0/organizations/",
        &liste(vec![lesen("Organization-01.json")]),
    );
    stub.json("/body/0/persons/", &liste(vec![lesen("Person-01.json")]));
    stub.json("/body/0/meetings/", &liste(vec![lesen("Meeting-01.json")]));
    stub.json("/body/0/papers/", &liste(vec![lesen("Paper-01.json")]));
    // The files the examples name (their checksums are SHA-1, which is not checked).
    for pfad in ["/files/download/57737.pdf", "/files/download/57739.pdf"] {
        stub.setzen(pfad, 200, format!("%PDF-1.7 {pfad}"));
    }
    let mut b = buero();
    let bericht = importieren(&mut b, &stub.url("/")).unwrap();
    assert_eq!(bericht.quelle, "Stadt Köln, kreisfreie Stadt");
    let zahl: HashMap<String, i64> = b.store.ris_zaehlen().unwrap().into_iter().collect();
    for typ in ["Organization", "Person", "Meeting", "Paper"] {
        assert!(
            zahl.get(typ).copied().unwrap_or(0) >= 1,
            "{typ}: {zahl:?}\n{}",
            gruende(&bericht)
        );
    }
    let paper = api::ris_suche(&b.store, "Anfrage 1200").unwrap();
    assert_eq!(paper.len(), 1, "{paper:?}");
    assert_eq!(paper[0].nummer, "1234/2014");
    assert_eq!(paper[0].datum, "2014-04-04");
    let akte = api::ris_akte(&b.store, &paper[0].url).unwrap();
    assert!(!akte.dateien.is_empty());
    let daten = b.store.ris_datei_daten(&akte.dateien[0].url).unwrap();
    assert_eq!(akte.dateien[0].sha512, sha512_hex(&daten));
    // The Organization is a read-only Gremium of the office.
    let g = api::gremien(&b.store)
        .unwrap()
        .into_iter()
        .find(|g| g.ris.is_some())
        .expect("ein Gremium aus dem RIS");
    let f = api::sitzung_anlegen(
        &mut b.store,
        g.id.0,
        "2027-01-20T17:00",
        "Rathaus",
        zeit("2026-12-01"),
    )
    .unwrap_err();
    assert!(f.message.contains("schreibgeschützt"), "{}", f.message);
    // … and the target of an Entsendung decided by a Sitzung of the office's own Gremium.
    let eigenes = api::gremium_anlegen(
        &mut b.store,
        &ratsbuero::domain::GremiumNeu {
            name: "Integrationsrat".into(),
            kurzname: "IR".into(),
            typ: ratsbuero::domain::sitzung::GremiumTyp::Integrationsrat,
            wahlperiode: String::new(),
            ladungsfrist_tage: 7,
            mindestsitzungen_jahr: 0,
            vertretung: Default::default(),
            ohne_entschaedigung: false,
        },
        zeit("2026-12-01"),
    )
    .unwrap();
    let s = api::sitzung_anlegen(
        &mut b.store,
        eigenes.id.0,
        "2027-01-20T17:00",
        "Rathaus",
        zeit("2026-12-01"),
    )
    .unwrap();
    let wahl = api::wahl_anlegen(
        &mut b.store,
        &ratsbuero::domain::WahlNeu {
            titel: "Entsendung".into(),
            ziel_gremium: Some(g.id),
            ..crate::gemeinsam::vorsitzwahl(s.id)
        },
        zeit("2026-12-01"),
    )
    .unwrap();
    assert_eq!(wahl.ziel.as_deref(), Some(g.daten.name.as_str()));
    let sitzungen = api::ris_sitzungen(&b.store).unwrap();
    assert_eq!(sitzungen.len(), 1);
    assert!(
        sitzungen[0].anzeige.ends_with("Sitzung am 04.01.2013"),
        "{:?}",
        sitzungen[0]
    );
}

/// A fixture with every quirk of the big vendors: each skipped or repaired with a
/// warning, none a crash, and what is good read.
#[test]
fn every_known_quirk_is_a_warning_and_the_rest_is_read() {
    let stub = Stub::neu();
    let u = |p: &str| stub.url(p);
    let mut b = buero();
    let pdf = b"%PDF-1.7 Beschlussvorlage".to_vec();
    stub.json("/system", &json!({"id": u("/system"), "type": "https://schema.oparl.org/1.0/System", "body": u("/bodies")}));
    // /body as one object; its id differs from the URL fetched.
    stub.json("/bodies", &json!({"id": u("/body/1"), "type": "https://schema.oparl.org/1.1/Body", "name": "Stadt Herne",
        "organization": u("/orgs"), "person": u("/persons"), "meeting": u("/meetings"), "paper": u("/papers")}));
    stub.json("/orgs", &json!({"data": [
        {"id": u("/org/rat"), "type": "https://schema.oparl.org/1.0/Organization", "name": "Rat der Stadt", "shortName": "N/A", "modified": "2014-01-01T10:00:00+01:00"},
        // List elements that are only URLs: one answers 500, one with another id.
        u("/org/kaputt"),
        u("/org/hfa"),
    ], "links": {}}));
    a_stoerung(&stub, "/org/kaputt", 10);
    stub.json("/org/hfa", &json!({"id": u("/organization/hfa"), "type": "https://schema.oparl.org/1.1/Organization", "name": "Haupt- und Finanzausschuss"}));
    // The person list empty, answered with 404; the meeting list paged, its second page
    // with an unescaped tab in a string.
    stub.json("/meetings", &json!({"data": [
        {"id": u("/meeting/1"), "type": "https://schema.oparl.org/1.1/Meeting", "name": "1. Sitzung des Rates", "start": "2014-05-06T17:00:00+02:00",
         "organization": [u("/org/rat")], "agendaItem": [{"id": u("/ai/1"), "type": "https://schema.oparl.org/1.1/AgendaItem", "number": "Ö 1", "name": "Haushalt"}],
         "auxiliaryFile": {"id": u("/file/einladung"), "type": "https://schema.oparl.org/1.1/File", "fileName": "einladung.pdf", "accessUrl": u("/dl/einladung.pdf")}},
    ], "links": {"next": u("/meetings?page=2")}}));
    stub.setzen("/meetings?page=2", 200, format!(
        "{{\"data\": [{{\"id\": \"{}\", \"type\": \"https://schema.oparl.org/1.1/Meeting\", \"name\": \"2. Sitzung\tdes Rates\", \"start\": \"0000-00-00\"}}], \"links\": {{}}}}",
        u("/meeting/2")));
    stub.setzen("/dl/einladung.pdf", 200, pdf.clone());
    stub.json("/papers", &json!({"data": [
        {"id": u("/paper/1"), "type": "https://schema.oparl.org/1.1/Paper", "name": "Sprachcafé im Stadtteilzentrum", "reference": "2014/0815", "date": "2014-04-04",
         "mainFile": {"id": u("/file/1"), "type": "https://schema.oparl.org/1.1/File", "fileName": "vorlage.pdf", "accessUrl": u("/dl/1.pdf"), "sha512Checksum": sha512_hex(&pdf)},
         "auxiliaryFile": [{"id": u("/file/2"), "fileName": "falsch.pdf", "accessUrl": u("/dl/2.pdf"), "sha512Checksum": "00"},
                           {"id": u("/file/3"), "fileName": "fehlt.pdf", "accessUrl": u("/dl/3.pdf")}],
         "consultation": [{"id": u("/consultation/1"), "type": "https://schema.oparl.org/1.1/Consultation", "meeting": u("/meeting/1"), "role": "Entscheidung"}]},
        {"id": u("/paper/2"), "type": "https://schema.oparl.org/1.0/Paper", "name": " ", "reference": "N/A", "date": "0000-00-00"},
        // Deleted, without a type.
        {"id": u("/paper/99"), "deleted": true},
    ], "links": {}}));
    stub.setzen("/dl/1.pdf", 200, pdf.clone());
    stub.setzen("/dl/2.pdf", 200, b"anderer Inhalt".to_vec());
    a_stoerung(&stub, "/dl/3.pdf", 10);

    let bericht = importieren(&mut b, &u("/system")).unwrap();
    let alle = gruende(&bericht);
    for erwartet in [
        "als einzelnes Objekt geliefert",
        "weicht von der abgerufenen Adresse ab",
        "HTTP 500, übersprungen",
        "leere Liste als HTTP 404 beantwortet",
        "unmaskierte Steuerzeichen",
        "Datum „0000-00-00“ ungültig",
        "auxiliaryFile als einzelnes Objekt",
        "SHA-512 stimmt nicht",
        "HTTP 500, Datei übersprungen",
    ] {
        assert!(alle.contains(erwartet), "fehlt: {erwartet}\n{alle}");
    }
    let papers = api::ris_liste(&b.store, "Paper").unwrap();
    assert_eq!(papers.len(), 2, "{papers:?}");
    let zweites = papers.iter().find(|p| p.url.ends_with("/paper/2")).unwrap();
    assert_eq!(
        (
            zweites.name.as_str(),
            zweites.nummer.as_str(),
            zweites.datum.as_str()
        ),
        ("(ohne Betreff)", "", "")
    );
    let meetings = api::ris_liste(&b.store, "Meeting").unwrap();
    assert_eq!(meetings.len(), 2);
    assert!(meetings.iter().any(|m| m.name == "2. Sitzung\tdes Rates"));
    let akte = api::ris_akte(&b.store, &u("/paper/1")).unwrap();
    assert_eq!(
        akte.dateien.len(),
        1,
        "nur die geprüfte Datei: {:?}",
        akte.dateien
    );
    assert_eq!(akte.dateien[0].sha512, sha512_hex(&pdf));
    assert_eq!(akte.kinder.len(), 1);
    assert_eq!(
        akte.kinder[0].anzeige,
        "Entscheidung – Rat der Stadt, Sitzung am 06.05.2014"
    );
    assert_eq!(
        api::ris_akte(&b.store, &u("/meeting/1"))
            .unwrap()
            .dateien
            .len(),
        1
    );
    assert_eq!(
        api::ris_suche(&b.store, "sprachcafe").unwrap().len(),
        1,
        "gefaltet gefunden"
    );
    assert_eq!(
        api::ris_sitzungen(&b.store)
            .unwrap()
            .iter()
            .map(|s| s.anzeige.clone())
            .collect::<Vec<_>>(),
        ["Rat der Stadt, Sitzung am 06.05.2014"]
    );
    assert!(bericht.neu >= 5 && bericht.dateien == 2, "{bericht:?}");
}

fn a_stoerung(stub: &Stub, pfad: &str, mal: usize) {
    stub.a.lock().unwrap().stoerung.insert(pfad.into(), mal);
}

/// A list page that fails stops the import; the next run takes the pages already read
/// from the office's own store and fetches only the rest. A later import asks with
/// `modified_since` and removes what the RIS deleted.
#[test]
fn an_interrupted_import_resumes_and_the_next_asks_only_for_changes() {
    let stub = Stub::neu();
    let u = |p: &str| stub.url(p);
    stub.json("/body", &json!({"id": u("/body"), "type": "https://schema.oparl.org/1.1/Body", "name": "Kreis Borken", "paper": u("/papers")}));
    for seite in 1..=3 {
        let next = if seite < 3 {
            json!({"next": u(&format!("/papers?page={}", seite + 1))})
        } else {
            json!({})
        };
        let pfad = if seite == 1 {
            "/papers".to_string()
        } else {
            format!("/papers?page={seite}")
        };
        stub.json(&pfad, &json!({"data": [
            {"id": u(&format!("/paper/{seite}")), "type": "https://schema.oparl.org/1.1/Paper", "name": format!("Vorlage {seite}"), "reference": format!("{seite}/2026"),
             "modified": format!("2026-11-0{seite}T10:00:00+01:00")}
        ], "links": next}));
    }
    a_stoerung(&stub, "/papers?page=3", 3);
    let mut b = buero();
    let f = importieren(&mut b, &u("/body")).unwrap_err();
    assert!(
        f.message.contains("/papers?page=3") && f.message.contains("setzt hier fort"),
        "{}",
        f.message
    );
    assert_eq!(
        api::ris_liste(&b.store, "Paper").unwrap().len(),
        2,
        "was gelesen war, bleibt"
    );
    let vorher = stub.log().len();
    let bericht = importieren(&mut b, &u("/body")).unwrap();
    let danach: Vec<String> = stub.log()[vorher..].to_vec();
    assert_eq!(
        danach,
        ["/papers?page=3"],
        "nur die fehlende Seite wird geholt"
    );
    assert_eq!(bericht.aus_zwischenspeicher, 3);
    assert_eq!(api::ris_liste(&b.store, "Paper").unwrap().len(), 3);

    // Next time: only what changed since the newest `modified` seen.
    let seit = "/papers?modified_since=2026-11-03T10%3A00%3A00%2B01%3A00";
    stub.json(seit, &json!({"data": [
        {"id": u("/paper/2"), "type": "https://schema.oparl.org/1.1/Paper", "name": "Vorlage 2, geändert", "reference": "2/2026", "modified": "2026-11-20T10:00:00+01:00"},
        {"id": u("/paper/1"), "deleted": true, "modified": "2026-11-21T10:00:00+01:00"},
    ], "links": {}}));
    let vorher = stub.log().len();
    let bericht = importieren(&mut b, &u("/body")).unwrap();
    assert_eq!(stub.log()[vorher..].to_vec(), ["/body", seit]);
    assert_eq!(
        (bericht.aktualisiert, bericht.geloescht),
        (1, 1),
        "{bericht:?}"
    );
    let namen: Vec<String> = api::ris_liste(&b.store, "Paper")
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(namen.len(), 2);
    assert!(namen.contains(&"Vorlage 2, geändert".to_string()));
    // And an empty change list answered with []: nothing to do, nothing broken.
    stub.json(
        "/papers?modified_since=2026-11-21T10%3A00%3A00%2B01%3A00",
        &json!([]),
    );
    let bericht = importieren(&mut b, &u("/body")).unwrap();
    assert_eq!(bericht.gelesen, 0);
}

#[test]
fn a_wrong_address_or_no_oparl_is_named() {
    let stub = Stub::neu();
    let mut b = buero();
    let f = importieren(&mut b, "ris.herne.de/oparl").unwrap_err();
    assert_eq!(f.befunde[0].feld, "url");
    stub.setzen("/kein-oparl", 200, "<html>Wartung</html>");
    let f = importieren(&mut b, &stub.url("/kein-oparl")).unwrap_err();
    assert!(f.message.contains("kein lesbares OParl"), "{}", f.message);
    // The maintenance page was not kept: once the server is back, the import reads it.
    stub.json("/kein-oparl", &json!({"id": stub.url("/kein-oparl"), "type": "https://schema.oparl.org/1.1/Body", "name": "Stadt Herne"}));
    let bericht = importieren(&mut b, &stub.url("/kein-oparl")).unwrap();
    assert_eq!(bericht.quelle, "Stadt Herne");
    let f = importieren(&mut b, "http://127.0.0.1:9/oparl").unwrap_err();
    assert!(f.message.contains("nicht abrufbar"), "{}", f.message);
}

/// This product's own export, served over HTTP, read into an empty office: the same
/// public Gremien, Sitzungen, TOPs and Vorlagen, the files byte-identical, and nothing
/// nichtöffentlich (the export has none to give).
#[test]
fn the_offices_own_export_comes_back_through_the_import() {
    let mut quelle = buero();
    ratsbuero::api::demo(&mut quelle.store, zeit("2026-11-01")).unwrap();
    // Released Vorlagen are the public ones (those the demo leaves complete).
    for v in quelle.store.vorlagen(&Default::default()).unwrap() {
        let version = quelle.store.vorlage(v.id).unwrap().version;
        let _ = quelle
            .store
            .vorlage_freigeben(v.id, version, zeit("2026-11-02"));
    }
    let stub = Stub::neu();
    let ordner = quelle.ordner.path().join("oparl");
    api::oparl_export(&quelle.store, &ordner, &stub.basis, zeit("2026-12-01")).unwrap();
    // Serve every file of the export under its path.
    fn alle(d: &Path, basis: &Path, aus: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                alle(&p, basis, aus);
            } else {
                aus.push((
                    // A URL path: '/' also where the file system says '\\' (Windows).
                    format!(
                        "/{}",
                        p.strip_prefix(basis)
                            .unwrap()
                            .to_string_lossy()
                            .replace('\\', "/")
                    ),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    let mut dateien = Vec::new();
    alle(&ordner, &ordner, &mut dateien);
    for (pfad, daten) in &dateien {
        stub.setzen(pfad, 200, daten.clone());
    }
    let mut ziel = buero();
    let bericht = importieren(&mut ziel, &stub.url("/system.json")).unwrap();
    assert!(bericht.uebersprungen.is_empty(), "{}", gruende(&bericht));

    // Vorlagen: every public released one, by number and Betreff.
    let export_papers: Vec<Value> = dateien
        .iter()
        .filter(|(p, _)| p.starts_with("/paper/"))
        .map(|(_, d)| serde_json::from_slice(d).unwrap())
        .collect();
    assert!(!export_papers.is_empty());
    let mut soll: Vec<(String, String)> = export_papers
        .iter()
        .map(|p| {
            (
                p["reference"].as_str().unwrap_or("").to_string(),
                p["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut ist: Vec<(String, String)> = api::ris_liste(&ziel.store, "Paper")
        .unwrap()
        .into_iter()
        .map(|p| (p.nummer, p.name))
        .collect();
    soll.sort();
    ist.sort();
    assert_eq!(ist, soll);
    for v in quelle.store.vorlagen(&Default::default()).unwrap() {
        let akte = quelle.store.vorlage(v.id).unwrap();
        let oeffentlich =
            akte.nummer.is_some() && akte.inhalt.status == ratsbuero::domain::Status::Oeffentlich;
        let gefunden = api::ris_suche(&ziel.store, &akte.inhalt.betreff)
            .unwrap()
            .iter()
            .any(|t| t.typ == "Paper");
        assert_eq!(
            gefunden, oeffentlich,
            "{}: öffentlich und freigegeben = {oeffentlich}",
            akte.inhalt.betreff
        );
    }
    // Files byte-identical to the Anlagen (and the Vorlage PDFs) exported.
    let mut geprueft = 0;
    for p in &export_papers {
        let url = p["id"].as_str().unwrap();
        for d in ziel.store.ris_dateien(url).unwrap() {
            let pfad = d.url.strip_prefix(&stub.basis).unwrap();
            let datei: Value =
                serde_json::from_slice(&dateien.iter().find(|(x, _)| x == pfad).unwrap().1)
                    .unwrap();
            let zugriff = datei["accessUrl"]
                .as_str()
                .unwrap()
                .strip_prefix(&stub.basis)
                .unwrap()
                .to_string();
            let original = &dateien.iter().find(|(x, _)| *x == zugriff).unwrap().1;
            assert_eq!(
                &ziel.store.ris_datei_daten(&d.url).unwrap(),
                original,
                "{}",
                d.name
            );
            geprueft += 1;
        }
    }
    assert!(geprueft >= export_papers.len(), "{geprueft} Dateien");
    // Gremien: the exported Organizations, each a read-only Gremium.
    let orgs = dateien
        .iter()
        .filter(|(p, _)| p.starts_with("/organization/") && p.matches('/').count() == 2)
        .count();
    let ris_gremien: Vec<String> = api::gremien(&ziel.store)
        .unwrap()
        .into_iter()
        .filter(|g| g.ris.is_some())
        .map(|g| g.daten.name)
        .collect();
    assert_eq!(ris_gremien.len(), orgs, "{ris_gremien:?}");
    for g in api::gremien(&quelle.store).unwrap() {
        assert!(
            ris_gremien.contains(&g.daten.name),
            "{} fehlt: {ris_gremien:?}",
            g.daten.name
        );
    }
    // Sitzungen with their öffentliche TOPs, and not one nichtöffentliche.
    for g in api::gremien(&quelle.store).unwrap() {
        for s in api::sitzungen(&quelle.store, g.id.0).unwrap() {
            let tag = s.beginn.format("%Y-%m-%d").to_string();
            let meeting = api::ris_liste(&ziel.store, "Meeting")
                .unwrap()
                .into_iter()
                .find(|m| {
                    m.datum == tag
                        && ziel.store.gremien().unwrap().iter().any(|x| {
                            x.ris.as_deref() == Some(m.eltern.as_str())
                                && x.daten.name == g.daten.name
                        })
                })
                .unwrap_or_else(|| panic!("Sitzung {} am {tag} fehlt", g.daten.name));
            let tops: Vec<String> = api::ris_akte(&ziel.store, &meeting.url)
                .unwrap()
                .kinder
                .into_iter()
                .map(|t| t.eintrag.name)
                .collect();
            let oeffentlich: Vec<String> = s
                .tops
                .iter()
                .filter(|t| t.teil == ratsbuero::domain::sitzung::Teil::Oeffentlich)
                .map(|t| t.titel.clone())
                .collect();
            assert_eq!(tops, oeffentlich, "TOPs der Sitzung am {tag}");
        }
    }
}

/// Issue 28 § 3: the decisions (`resolutionFile`) and the Anlagen (`auxiliaryFile`) of a
/// Meeting's agenda items are fetched, checked and kept with their TOP; the Meeting's
/// record shows them under the TOP.
#[test]
fn the_decisions_and_anlagen_of_agenda_items_are_fetched_and_kept_with_their_top() {
    let stub = Stub::neu();
    let u = |p: &str| stub.url(p);
    let beschluss = "%PDF-1.4 Beschluss: Der Rat beschließt den Straßenausbau.".as_bytes();
    let anlage = "%PDF-1.4 Anlage: Lageplan".as_bytes();
    stub.setzen("/f/beschluss.pdf", 200, beschluss);
    stub.setzen("/f/plan.pdf", 200, anlage);
    stub.json("/body", &json!({"id": u("/body"), "type": "https://schema.oparl.org/1.1/Body", "name": "Gemeinde Hürtgenwald", "meeting": u("/meetings")}));
    stub.json("/meetings", &json!({"data": [{
        "id": u("/meeting/1"), "type": "https://schema.oparl.org/1.1/Meeting", "name": "Gemeinderat", "start": "2026-11-12T18:00:00+01:00",
        "agendaItem": [{
            "id": u("/ai/7"), "type": "https://schema.oparl.org/1.1/AgendaItem", "number": "Ö 7", "name": "Straßenausbau Vossenack",
            "resolutionFile": {"id": u("/file/b7"), "type": "https://schema.oparl.org/1.1/File", "name": "Beschluss Ö 7", "fileName": "beschluss.pdf",
                "mimeType": "application/pdf", "accessUrl": u("/f/beschluss.pdf"), "sha512Checksum": sha512_hex(beschluss)},
            "auxiliaryFile": [{"id": u("/file/a7"), "type": "https://schema.oparl.org/1.1/File", "name": "Lageplan", "fileName": "plan.pdf",
                "mimeType": "application/pdf", "accessUrl": u("/f/plan.pdf")}]
        }]
    }], "links": {}}));
    let mut b = buero();
    let bericht = importieren(&mut b, &u("/body")).unwrap();
    assert_eq!(bericht.dateien, 2, "{}", gruende(&bericht));
    let akte = api::ris_akte(&b.store, &u("/meeting/1")).unwrap();
    let top = akte
        .kinder
        .iter()
        .find(|k| k.eintrag.url == u("/ai/7"))
        .unwrap();
    let namen: Vec<&str> = top.dateien.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(namen, ["beschluss.pdf", "plan.pdf"]);
    assert_eq!(
        api::ris_datei(&b.store, &u("/file/b7")).unwrap().1,
        beschluss
    );
}

/// Issue 27 § 3: a recommendation followed through its Beratungsfolge. A later step's
/// result is typed by the office (a refused value changes nothing; the step of the
/// decision's own Gremium is the Sitzung's); another comes from the town's RIS — the
/// Paper of the same Vorlage-Nr., its Beratung in that Gremium, the AgendaItem's result —
/// and shows where it came from. What the office entered is never overwritten, and a
/// second import takes nothing again.
#[test]
fn later_beratungen_are_entered_by_hand_or_taken_over_from_the_ris() {
    use ratsbuero::domain::beschluss::FolgeschrittAenderung;
    let (mut b, top, vorlage) = crate::gemeinsam::empfehlung_beschlossen();
    let nummer = vorlage.nummer.clone().expect("released");
    let j = zeit("2026-12-06");
    let d = api::beschluss(&b.store, top, j).unwrap();
    let spaeter: Vec<_> = d
        .beratungsfolge
        .iter()
        .filter(|f| !f.eigener)
        .cloned()
        .collect();
    assert!(
        spaeter.len() >= 2,
        "two later steps in {:?}",
        d.beratungsfolge
    );
    let eigener = d
        .beratungsfolge
        .iter()
        .find(|f| f.eigener)
        .expect("the own step")
        .clone();
    let (hand, ris) = (&spaeter[0], &spaeter[1]);

    // By hand; a wrong date and the own step are refused and change nothing.
    let version = b.store.vorlage(vorlage.id).unwrap().version;
    let falsch = FolgeschrittAenderung {
        datum: "31.02.2027".into(),
        ergebnis: "empfohlen".into(),
    };
    let e = api::beschluss_folgeschritt(&mut b.store, top, hand.pos, &falsch, j).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.befunde[0].feld.as_str()),
        ("ungueltig", "datum"),
        "{e:?}"
    );
    assert!(e.message.contains("Datum der Beratung"), "{}", e.message);
    let e = api::beschluss_folgeschritt(
        &mut b.store,
        top,
        eigener.pos,
        &FolgeschrittAenderung {
            datum: String::new(),
            ergebnis: "x".into(),
        },
        j,
    )
    .unwrap_err();
    assert!(e.message.contains("trägt die Sitzung ein"), "{}", e.message);
    assert_eq!(
        b.store.vorlage(vorlage.id).unwrap().version,
        version,
        "a refusal changes nothing"
    );
    let richtig = FolgeschrittAenderung {
        datum: "15.12.2026".into(),
        ergebnis: "einstimmig empfohlen".into(),
    };
    let d = api::beschluss_folgeschritt(&mut b.store, top, hand.pos, &richtig, j).unwrap();
    let h = d.beratungsfolge.iter().find(|f| f.pos == hand.pos).unwrap();
    assert_eq!(
        (h.datum.as_str(), h.ergebnis.as_str(), h.ris_uebernommen),
        ("2026-12-15", "einstimmig empfohlen", None)
    );

    // The RIS: the same Paper with a Beratung in each later Gremium. The one typed by hand
    // says something else there and stays as typed.
    let stub = Stub::neu();
    let u = |p: &str| stub.url(p);
    let org = |id: &str, name: &str| json!({"id": u(id), "type": "https://schema.oparl.org/1.1/Organization", "name": name, "shortName": name});
    stub.json("/body", &json!({"id": u("/body"), "type": "https://schema.oparl.org/1.1/Body", "name": "Stadt Herne",
        "organization": u("/orgs"), "meeting": u("/meetings"), "paper": u("/papers")}));
    stub.json("/orgs", &json!({"data": [org("/org/hand", &hand.gremium), org("/org/ris", &format!("{} der Stadt Herne", ris.gremium))], "links": {}}));
    let sitzung = |id: &str, org: &str, start: &str, top: &str, ergebnis: &str| {
        json!({"id": u(id), "type": "https://schema.oparl.org/1.1/Meeting", "name": "Sitzung",
        "start": start, "organization": [u(org)],
        "agendaItem": [{"id": u(top), "type": "https://schema.oparl.org/1.1/AgendaItem", "number": "Ö 5", "name": "Integrationskonzept", "result": ergebnis}]})
    };
    stub.json(
        "/meetings",
        &json!({"data": [
        sitzung("/m/1", "/org/hand", "2026-12-15T16:00:00+01:00", "/ai/1", "abgelehnt"),
        sitzung("/m/2", "/org/ris", "2027-01-21T17:00:00+01:00", "/ai/2", "ungeändert beschlossen"),
    ], "links": {}}),
    );
    let beratung = |id: &str, m: &str, ai: &str, org: &str| {
        json!({"id": u(id), "type": "https://schema.oparl.org/1.1/Consultation",
        "paper": u("/paper/1"), "meeting": u(m), "agendaItem": u(ai), "organization": [u(org)], "role": "Entscheidung"})
    };
    stub.json("/papers", &json!({"data": [{"id": u("/paper/1"), "type": "https://schema.oparl.org/1.1/Paper", "name": "Integrationskonzept",
        "reference": nummer, "date": "2026-11-01",
        "consultation": [beratung("/c/1", "/m/1", "/ai/1", "/org/hand"), beratung("/c/2", "/m/2", "/ai/2", "/org/ris")]}], "links": {}}));
    let bericht = importieren(&mut b, &u("/body")).unwrap();
    assert_eq!(bericht.beratungen_uebernommen, 1, "{}", gruende(&bericht));
    assert!(
        bericht.zeilen().iter().any(
            |z| z.contains("Ergebnisse späterer Beratungen übernommen (Beschlusskontrolle): 1")
        ),
        "{:?}",
        bericht.zeilen()
    );
    let d = api::beschluss(&b.store, top, j).unwrap();
    let h = d.beratungsfolge.iter().find(|f| f.pos == hand.pos).unwrap();
    assert_eq!(
        (h.ergebnis.as_str(), h.ris_uebernommen),
        ("einstimmig empfohlen", None),
        "typed by hand: kept"
    );
    let r = d.beratungsfolge.iter().find(|f| f.pos == ris.pos).unwrap();
    assert_eq!(
        (
            r.datum.as_str(),
            r.ergebnis.as_str(),
            r.ris_uebernommen.map(|t| t.to_string())
        ),
        (
            "2027-01-21",
            "ungeändert beschlossen",
            Some("2026-12-01".to_string())
        )
    );
    // The Vorlage's own Beratungsfolge holds it too (its PDF prints it).
    let inhalt = b.store.vorlage(vorlage.id).unwrap().inhalt;
    assert_eq!(
        inhalt
            .beratungsfolge
            .iter()
            .find(|s| s.gremium == ris.gremium)
            .unwrap()
            .ergebnis,
        "ungeändert beschlossen"
    );
    // Again: nothing new to take.
    assert_eq!(
        importieren(&mut b, &u("/body"))
            .unwrap()
            .beratungen_uebernommen,
        0
    );
}
