//! The Einladung by e-mail against a real SMTP server on 127.0.0.1 (`tests/smtp/server.py`:
//! Debian's aiosmtpd with STARTTLS and AUTH, a certificate of the test's own authority),
//! and as `.eml` files. Every message is read back with Python's `email` package
//! (`tests/smtp/lesen.py`): one recipient each, the Anrede, the attachments by their
//! names, the calendar invitation, and canary strings of the nichtöffentlicher Teil that
//! must reach the members and never an address of the press list. A refused recipient and
//! a server that goes away in the middle of a run: the log names exactly who got the
//! message, and *nur fehlgeschlagene* reaches only the rest.

#[path = "../geteilt/pdf.rs"]
mod pdf;
#[path = "../geteilt/smtp.rs"]
mod smtp;

use crate::gemeinsam::{buero, zeit, Testbuero};
use chrono::NaiveDateTime;
use pdf::grosses_pdf;
use ratsbuero::api::{self, VersandFortschritt, Ziel};
use ratsbuero::domain::sitzung::{GremiumTyp, Herkunft, MitgliedRolle, SitzungZustand, Teil};
use ratsbuero::domain::versand::{Sicherheit, SmtpEinstellungen, VersandStatus, Verteiler};
use ratsbuero::domain::{
    AnlageNeu, GremiumId, GremiumNeu, MitgliedschaftNeu, PersonNeu, SitzungId, Status, TopNeu,
};
use serde_json::Value;
use smtp::{zertifikate, Zertifikate};
use std::path::{Path, PathBuf};
use std::process::Command;

/// In the title of a nichtöffentlicher TOP and in its Vorlage: members only.
const KANARIE_TOP: &str = "KANARIE-TOP-Grundstücksankauf";
const KANARIE_VORLAGE: &str = "KANARIE-VORLAGE-Kaufpreis";

const BENUTZER: &str = "integrationsrat";
const KENNWORT: &str = "Geheim-Ölfeld-7";

struct Postbuero {
    b: Testbuero,
    sitzung: i64,
    /// Members with an address: name, address.
    mitglieder: Vec<(&'static str, &'static str)>,
    presse: Vec<&'static str>,
}

#[allow(clippy::too_many_arguments)]
fn person(
    b: &mut Testbuero,
    gremium: GremiumId,
    anrede: &str,
    titel: &str,
    vorname: &str,
    nachname: &str,
    email: &str,
    rolle: MitgliedRolle,
) {
    let p = b
        .store
        .person_anlegen(
            &PersonNeu {
                anrede: anrede.into(),
                titel: titel.into(),
                vorname: vorname.into(),
                nachname: nachname.into(),
                email: email.into(),
                anschrift: "Rathausplatz 1\n44623 Herne".into(),
                ..PersonNeu::default()
            },
            zeit("2026-11-01"),
        )
        .unwrap();
    b.store
        .mitgliedschaft_anlegen(&MitgliedschaftNeu {
            person: p.id,
            gremium,
            rolle,
            stimmrecht: !matches!(rolle, MitgliedRolle::Beratend),
            fuer: String::new(),
            herkunft: Herkunft::Direkt,
            von: String::new(),
            bis: String::new(),
        })
        .unwrap();
}

/// An Integrationsrat with three members with an address (one a deputy), one without,
/// two press addresses, and a Sitzung with an öffentlicher and a nichtöffentlicher TOP.
fn postbuero(anlage_bytes: usize) -> Postbuero {
    let mut b = buero();
    let j = zeit("2026-11-01");
    let g = b
        .store
        .gremium_anlegen(
            &GremiumNeu {
                name: "Integrationsrat".into(),
                kurzname: "IR".into(),
                typ: GremiumTyp::Integrationsrat,
                wahlperiode: "2025–2030".into(),
                ladungsfrist_tage: 7,
                mindestsitzungen_jahr: 0,
                vertretung: Default::default(),
                ohne_entschaedigung: false,
            },
            j,
        )
        .unwrap()
        .id;
    person(
        &mut b,
        g,
        "Frau",
        "Dr.",
        "Ayşe",
        "Yılmaz",
        "ayse.yilmaz@herne.example",
        MitgliedRolle::Vorsitz,
    );
    person(
        &mut b,
        g,
        "Herr",
        "",
        "Łukasz",
        "Wiśniewski",
        "l.wisniewski@herne.example",
        MitgliedRolle::Mitglied,
    );
    person(
        &mut b,
        g,
        "Frau",
        "",
        "Ελένη",
        "Παπαδοπούλου",
        "eleni@herne.example",
        MitgliedRolle::StellvMitglied,
    );
    person(
        &mut b,
        g,
        "",
        "",
        "Thị Hằng",
        "Nguyễn",
        "",
        MitgliedRolle::Mitglied,
    );
    for p in ["redaktion@waz.example", "lokales@ruhrnachrichten.example"] {
        api::presse_hinzufuegen(&mut b.store, g.0, p, j).unwrap();
    }
    let s = &mut b.store;
    let mut oeffentlich = crate::gemeinsam::vorlage("Sprachcafé im Stadtteilzentrum");
    oeffentlich.status = Status::Oeffentlich;
    let v1 = s.vorlage_anlegen(&oeffentlich, j).unwrap();
    let mut geheim = crate::gemeinsam::vorlage("Ankauf eines Grundstücks");
    geheim.status = Status::Nichtoeffentlich;
    geheim.sachverhalt = format!("Der {KANARIE_VORLAGE} liegt bei 1,2 Mio. EUR.");
    let v2 = s.vorlage_anlegen(&geheim, j).unwrap();
    if anlage_bytes > 0 {
        s.anlage_hinzufuegen(
            v1.id,
            s.vorlage(v1.id).unwrap().version,
            AnlageNeu {
                name: "Lageplan.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: grosses_pdf(anlage_bytes),
            },
            j,
        )
        .unwrap();
    }
    for v in [v1.id, v2.id] {
        let version = s.vorlage(v).unwrap().version;
        s.vorlage_freigeben(v, version, zeit("2026-11-03")).unwrap();
    }
    let sitzung = s
        .sitzung_anlegen(
            g,
            NaiveDateTime::parse_from_str("2026-12-16T17:00", "%Y-%m-%dT%H:%M").unwrap(),
            "Rathaus, Raum 101",
            zeit("2026-11-20"),
        )
        .unwrap();
    for (teil, vorlage, titel) in [
        (Teil::Oeffentlich, Some(v1.id), ""),
        (Teil::Nichtoeffentlich, Some(v2.id), ""),
        (Teil::Nichtoeffentlich, None, KANARIE_TOP),
    ] {
        s.top_hinzufuegen(
            sitzung.id,
            &TopNeu {
                teil,
                titel: titel.into(),
                vorlage,
                unterpunkt: false,
            },
            zeit("2026-11-20"),
        )
        .unwrap();
    }
    let s = sitzung;
    Postbuero {
        b,
        sitzung: s.id.0,
        mitglieder: vec![
            ("Dr. Ayşe Yılmaz", "ayse.yilmaz@herne.example"),
            ("Łukasz Wiśniewski", "l.wisniewski@herne.example"),
            ("Ελένη Παπαδοπούλου", "eleni@herne.example"),
        ],
        presse: vec!["redaktion@waz.example", "lokales@ruhrnachrichten.example"],
    }
}

fn einstellungen(z: &Zertifikate, port: u16) -> SmtpEinstellungen {
    SmtpEinstellungen {
        server: format!("smtp://127.0.0.1:{port}"),
        sicherheit: Sicherheit::Starttls,
        benutzer: BENUTZER.into(),
        absender: "Integrationsrat Herne <integrationsrat@herne.example>".into(),
        ca: z.ca.to_string_lossy().into_owned(),
        grenze_mb: 10,
    }
}

/// The `.eml` files of a folder, read back by Python's `email`.
fn gelesen(ordner: &Path) -> Vec<Value> {
    let mut dateien: Vec<PathBuf> = std::fs::read_dir(ordner)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    dateien.sort();
    if dateien.is_empty() {
        return Vec::new();
    }
    let skript = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/lesen.py");
    let out = Command::new("/usr/bin/python3")
        .arg(skript)
        .args(&dateien)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn senden(
    p: &mut Postbuero,
    ziel: Ziel<'_>,
    nur_fehlgeschlagene: bool,
) -> Result<api::VersandBericht, api::ApiFehler> {
    api::versand_ausfuehren(
        &mut p.b.store,
        p.sitzung,
        ziel,
        "Integrationsrat Herne <integrationsrat@herne.example>",
        nur_fehlgeschlagene,
        10,
        zeit("2026-12-01"),
        &mut |_: VersandFortschritt| true,
    )
}

/// Every message as a member or the press will read it.
fn nachrichten_pruefen(p: &Postbuero, mails: &[Value]) {
    assert_eq!(mails.len(), p.mitglieder.len() + p.presse.len());
    let ics_uid = |m: &Value| -> String {
        let ics = m["anhaenge"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == "einladung.ics")
            .expect("einladung.ics")["text"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(ics.contains("METHOD:REQUEST\r\n"), "{ics}");
        ics.replace("\r\n ", "")
            .lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_string()
    };
    let kalender = api::sitzungen_ics(&p.b.store, 1, zeit("2026-12-01")).unwrap();
    let uid = kalender
        .lines()
        .find(|l| l.starts_with("UID:"))
        .unwrap()
        .trim_end()
        .to_string();
    for m in mails {
        // One recipient, in To, never Cc or Bcc.
        assert_eq!(m["to_adressen"].as_array().unwrap().len(), 1, "{}", m["to"]);
        assert!(m["cc"].as_array().unwrap().is_empty() && m["bcc"].as_array().unwrap().is_empty());
        assert!(m["from"]
            .as_str()
            .unwrap()
            .contains("integrationsrat@herne.example"));
        assert_eq!(
            m["subject"],
            "Einladung zur 1. Sitzung des Integrationsrates am 16.12.2026"
        );
        assert_eq!(ics_uid(m), uid, "dieselbe UID wie der Kalenderexport");
        let text = m["text"].as_str().unwrap();
        assert!(
            text.contains("Mittwoch, 16.12.2026, 17:00 Uhr") && text.contains("Rathaus, Raum 101"),
            "{text}"
        );
        let an = m["to_adressen"][0].as_str().unwrap();
        let alles = serde_json::to_string(m).unwrap();
        if p.presse.contains(&an) {
            assert!(text.starts_with("Sehr geehrte Damen und Herren,"), "{text}");
            let namen: Vec<&str> = m["anhaenge"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["name"].as_str().unwrap())
                .collect();
            assert_eq!(
                namen,
                ["Sitzungsunterlagen_IR_1_öffentlich.pdf", "einladung.ics"]
            );
            assert!(m["anhaenge"][0]["text"]
                .as_str()
                .unwrap()
                .contains("Sprachcafé im Stadtteilzentrum"));
            for kanarie in [
                KANARIE_TOP,
                KANARIE_VORLAGE,
                "Ankauf eines Grundstücks",
                "KANARIE",
            ] {
                assert!(
                    !alles.contains(kanarie),
                    "„{kanarie}“ in der Nachricht an die Presse {an}"
                );
            }
        } else {
            let (name, _) = p
                .mitglieder
                .iter()
                .find(|(_, e)| *e == an)
                .expect("ein Mitglied");
            let anrede = match *name {
                "Dr. Ayşe Yılmaz" => "Sehr geehrte Frau Dr. Yılmaz,",
                "Łukasz Wiśniewski" => "Sehr geehrter Herr Wiśniewski,",
                _ => "Sehr geehrte Frau Παπαδοπούλου,",
            };
            assert!(text.starts_with(anrede), "{text}");
            assert!(m["to"][0].as_str().unwrap().contains(name), "{}", m["to"]);
            let anhaenge = m["anhaenge"].as_array().unwrap();
            let brief = format!(
                "Einladung_1_{}.pdf",
                name.replace(". ", "_").replace(' ', "_")
            );
            assert_eq!(
                anhaenge[0]["name"],
                brief.as_str(),
                "RFC 2231 bringt den Namen, wie er geschrieben wird"
            );
            assert_eq!(
                anhaenge[1]["name"],
                "Sitzungsunterlagen_IR_1_Mitglieder.pdf"
            );
            let brief_text = anhaenge[0]["text"].as_str().unwrap();
            assert!(
                brief_text.contains(&anrede[..anrede.len() - 1]),
                "{brief_text}"
            );
            assert!(anhaenge[1]["text"]
                .as_str()
                .unwrap()
                .contains(KANARIE_VORLAGE));
            assert!(
                alles.contains(KANARIE_TOP),
                "die Mitglieder erhalten den nichtöffentlichen Teil"
            );
        }
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "the SMTP server of the test is aiosmtpd, run by Linux Python"
)]
fn a_dry_run_writes_one_eml_per_recipient_and_nothing_nichtoeffentlich_reaches_the_press() {
    let mut p = postbuero(0);
    let ordner = p.b.ordner.path().join("postausgang");
    let vorschau = api::versand_vorschau(
        &p.b.store,
        p.sitzung,
        &SmtpEinstellungen::default(),
        zeit("2026-12-01"),
    )
    .unwrap();
    assert_eq!(
        vorschau.frage,
        "5 Nachrichten an 3 Mitglieder und 2 Presseadressen senden?"
    );
    assert_eq!(vorschau.per_post.len(), 1);
    assert_eq!(vorschau.per_post[0].name, "Thị Hằng Nguyễn");
    assert!(vorschau
        .beispiel_text
        .starts_with("Sehr geehrte Frau Dr. Yılmaz,"));
    let bericht = senden(&mut p, Ziel::Ordner(&ordner), false).unwrap();
    assert!(bericht
        .ergebnisse
        .iter()
        .all(|e| e.status == VersandStatus::Abgelegt));
    assert!(!bericht.eingeladen, "ein Probelauf lädt nicht ein");
    let mails = gelesen(&ordner);
    nachrichten_pruefen(&p, &mails);
    // The letter of the member per post lies beside them.
    assert!(ordner.join("Einladung_1_Thị_Hằng_Nguyễn.pdf").exists());
    // The log keeps the SHA-256 of each attachment as read back.
    for (e, m) in bericht.ergebnisse.iter().zip(&mails) {
        for (a, gelesen) in e.anhaenge.iter().zip(m["anhaenge"].as_array().unwrap()) {
            assert_eq!(a.name, gelesen["name"].as_str().unwrap());
            assert_eq!(a.sha256, gelesen["sha256"].as_str().unwrap());
        }
        assert_eq!(e.message_id, m["message_id"].as_str().unwrap());
    }
    assert_eq!(
        p.b.store.sitzung(SitzungId(p.sitzung)).unwrap().zustand,
        SitzungZustand::Geplant
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "the SMTP server of the test is aiosmtpd, run by Linux Python"
)]
fn sent_through_starttls_and_auth_each_member_once_then_the_sitzung_is_eingeladen() {
    let mut p = postbuero(0);
    let z = zertifikate();
    let server = smtp::mailserver(
        &z,
        &p.b.ordner.path().join("eingang"),
        (BENUTZER, KENNWORT),
        &[],
    );
    let e = einstellungen(&z, server.port);
    let bericht = senden(&mut p, Ziel::Smtp(&e, Some(KENNWORT)), false).unwrap();
    for x in &bericht.ergebnisse {
        assert_eq!(x.status, VersandStatus::Gesendet, "{x:?}");
        assert!(x.antwort.starts_with("250"), "{}", x.antwort);
    }
    let mails = gelesen(&server.eingang);
    nachrichten_pruefen(&p, &mails);
    // The envelope: exactly one recipient per message.
    for r in std::fs::read_dir(&server.eingang)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rcpt"))
    {
        assert_eq!(std::fs::read_to_string(&r).unwrap().lines().count(), 1);
    }
    assert!(bericht.eingeladen);
    let s = p.b.store.sitzung(SitzungId(p.sitzung)).unwrap();
    assert_eq!(s.zustand, SitzungZustand::Eingeladen);
    assert_eq!(
        s.eingeladen_am,
        Some(zeit("2026-12-01").date()),
        "der Tag des Versands"
    );
    let log = api::versand_protokoll(&p.b.store, p.sitzung).unwrap();
    assert_eq!(log.len(), 5);
    assert_eq!(
        log.iter()
            .filter(|e| e.verteiler == Verteiler::Presse)
            .count(),
        2
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "the SMTP server of the test is aiosmtpd, run by Linux Python"
)]
fn tls_from_the_first_byte_smtps_works_as_well() {
    let mut p = postbuero(0);
    let z = zertifikate();
    let eingang = p.b.ordner.path().join("eingang");
    let server = smtp::mailserver(&z, &eingang, (BENUTZER, KENNWORT), &["--implizit"]);
    let e = SmtpEinstellungen {
        server: format!("smtps://127.0.0.1:{}", server.port),
        sicherheit: Sicherheit::Tls,
        ..einstellungen(&z, server.port)
    };
    let bericht = senden(&mut p, Ziel::Smtp(&e, Some(KENNWORT)), false).unwrap();
    assert!(
        bericht
            .ergebnisse
            .iter()
            .all(|x| x.status == VersandStatus::Gesendet),
        "{:?}",
        bericht.ergebnisse
    );
    assert_eq!(gelesen(&eingang).len(), 5);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "the SMTP server of the test is aiosmtpd, run by Linux Python"
)]
fn a_refused_recipient_is_logged_and_only_they_are_sent_again() {
    let mut p = postbuero(0);
    let z = zertifikate();
    let eingang = p.b.ordner.path().join("eingang");
    let e1;
    {
        let server = smtp::mailserver(
            &z,
            &eingang,
            (BENUTZER, KENNWORT),
            &["--ablehnen", "l.wisniewski@herne.example"],
        );
        e1 = einstellungen(&z, server.port);
        let bericht = senden(&mut p, Ziel::Smtp(&e1, Some(KENNWORT)), false).unwrap();
        let fehl: Vec<_> = bericht
            .ergebnisse
            .iter()
            .filter(|x| x.status == VersandStatus::Fehlgeschlagen)
            .collect();
        assert_eq!(fehl.len(), 1);
        assert_eq!(fehl[0].email, "l.wisniewski@herne.example");
        assert!(fehl[0].antwort.contains("550"), "{}", fehl[0].antwort);
        assert!(!bericht.eingeladen, "ein Mitglied ist nicht erreicht");
        assert_eq!(gelesen(&eingang).len(), 4);
    }
    let vorschau = api::versand_vorschau(&p.b.store, p.sitzung, &e1, zeit("2026-12-01")).unwrap();
    assert!(
        vorschau
            .hinweise
            .iter()
            .any(|h| h.contains("1 Nachricht(en) eines früheren Versands sind fehlgeschlagen")),
        "{:?}",
        vorschau.hinweise
    );
    assert_eq!(vorschau.noch_offen, 1);
    assert_eq!(
        vorschau.frage_offen,
        "1 Nachricht an die noch nicht erreichten Adressen senden?"
    );
    let server = smtp::mailserver(&z, &eingang, (BENUTZER, KENNWORT), &[]);
    let e2 = einstellungen(&z, server.port);
    let bericht = senden(&mut p, Ziel::Smtp(&e2, Some(KENNWORT)), true).unwrap();
    assert_eq!(bericht.ergebnisse.len(), 1);
    assert_eq!(bericht.ergebnisse[0].email, "l.wisniewski@herne.example");
    assert_eq!(bericht.ergebnisse[0].status, VersandStatus::Gesendet);
    assert!(bericht.eingeladen);
    let an: Vec<String> = gelesen(&eingang)
        .iter()
        .map(|m| m["to_adressen"][0].as_str().unwrap().to_string())
        .collect();
    assert_eq!(an.len(), 5);
    assert_eq!(
        an.iter()
            .filter(|a| *a == "l.wisniewski@herne.example")
            .count(),
        1
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "the SMTP server of the test is aiosmtpd, run by Linux Python"
)]
fn a_server_that_goes_away_mid_run_the_log_names_who_got_it_and_the_rest_get_it_later() {
    let mut p = postbuero(0);
    let z = zertifikate();
    let eingang = p.b.ordner.path().join("eingang");
    let erste: Vec<String>;
    {
        let server = smtp::mailserver(&z, &eingang, (BENUTZER, KENNWORT), &["--abbruch-nach", "2"]);
        let e = einstellungen(&z, server.port);
        let bericht = senden(&mut p, Ziel::Smtp(&e, Some(KENNWORT)), false).unwrap();
        let gesendet: Vec<String> = bericht
            .ergebnisse
            .iter()
            .filter(|x| x.status == VersandStatus::Gesendet)
            .map(|x| x.email.clone())
            .collect();
        erste = gelesen(&eingang)
            .iter()
            .map(|m| m["to_adressen"][0].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            gesendet, erste,
            "das Protokoll nennt genau, wer die Nachricht hat"
        );
        assert_eq!(erste.len(), 2);
        assert_eq!(bericht.ergebnisse.len(), 5);
        assert!(bericht.ergebnisse[2..]
            .iter()
            .all(|x| x.status == VersandStatus::Fehlgeschlagen));
        assert!(!bericht.eingeladen);
    }
    let offen = api::versand_vorschau(
        &p.b.store,
        p.sitzung,
        &SmtpEinstellungen::default(),
        zeit("2026-12-01"),
    )
    .unwrap();
    assert_eq!(offen.noch_offen, 3, "die drei nicht erreichten");
    let server = smtp::mailserver(&z, &eingang, (BENUTZER, KENNWORT), &[]);
    let e = einstellungen(&z, server.port);
    let bericht = senden(&mut p, Ziel::Smtp(&e, Some(KENNWORT)), true).unwrap();
    let zweite: Vec<String> = bericht.ergebnisse.iter().map(|x| x.email.clone()).collect();
    assert_eq!(zweite.len(), 3);
    assert!(
        zweite.iter().all(|a| !erste.contains(a)),
        "niemand erhält die Einladung zweimal"
    );
    assert!(bericht.eingeladen);
    let mut alle: Vec<String> = gelesen(&eingang)
        .iter()
        .map(|m| m["to_adressen"][0].as_str().unwrap().to_string())
        .collect();
    alle.sort();
    alle.dedup();
    assert_eq!(alle.len(), 5);
}

#[test]
#[cfg_attr(
    windows,
    ignore = "the SMTP server of the test is aiosmtpd, run by Linux Python"
)]
fn a_wrong_password_or_a_too_large_packet_stops_before_the_first_message() {
    let mut p = postbuero(0);
    let z = zertifikate();
    let eingang = p.b.ordner.path().join("eingang");
    let server = smtp::mailserver(&z, &eingang, (BENUTZER, KENNWORT), &[]);
    let e = einstellungen(&z, server.port);
    let f = senden(&mut p, Ziel::Smtp(&e, Some("falsch")), false).unwrap_err();
    assert!(f.message.contains("Anmeldung abgelehnt"), "{}", f.message);
    let f = senden(&mut p, Ziel::Smtp(&e, None), false).unwrap_err();
    assert_eq!(f.befunde[0].feld, "kennwort");
    // A certificate from an authority nobody named.
    let ohne_ca = SmtpEinstellungen {
        ca: String::new(),
        ..e.clone()
    };
    let f = senden(&mut p, Ziel::Smtp(&ohne_ca, Some(KENNWORT)), false).unwrap_err();
    assert!(f.message.contains("TLS"), "{}", f.message);
    assert!(gelesen(&eingang).is_empty());
    assert!(api::versand_protokoll(&p.b.store, p.sitzung)
        .unwrap()
        .is_empty());

    let mut gross = postbuero(1_500_000);
    let klein = SmtpEinstellungen { grenze_mb: 1, ..e };
    let f = api::versand_vorschau(&gross.b.store, gross.sitzung, &klein, zeit("2026-12-01"))
        .unwrap_err();
    assert_eq!(f.befunde[0].feld, "grenze_mb");
    assert!(
        f.message.contains("mehr als die Grenze von 1 MB") && f.message.contains("Link"),
        "{}",
        f.message
    );
    let f = api::versand_ausfuehren(
        &mut gross.b.store,
        gross.sitzung,
        Ziel::Smtp(&klein, Some(KENNWORT)),
        &klein.absender.clone(),
        false,
        1,
        zeit("2026-12-01"),
        &mut |_| true,
    )
    .unwrap_err();
    assert_eq!(f.befunde[0].feld, "grenze_mb");
    assert!(gelesen(&eingang).is_empty());
}

#[test]
fn cancelling_stops_after_the_messages_already_sent() {
    let mut p = postbuero(0);
    let ordner = p.b.ordner.path().join("postausgang");
    let mut gesehen = Vec::new();
    let bericht = api::versand_ausfuehren(
        &mut p.b.store,
        p.sitzung,
        Ziel::Ordner(&ordner),
        "ir@herne.example",
        false,
        10,
        zeit("2026-12-01"),
        &mut |f: VersandFortschritt| {
            gesehen.push((f.fertig, f.gesamt));
            f.fertig < 2
        },
    )
    .unwrap();
    assert!(bericht.abgebrochen);
    assert_eq!(bericht.ergebnisse.len(), 2);
    assert_eq!(gesehen, [(0, 5), (1, 5), (2, 5)]);
}

#[test]
fn the_press_list_keeps_an_address_once_and_takes_a_removal_back() {
    let mut p = postbuero(0);
    let f = api::presse_hinzufuegen(
        &mut p.b.store,
        1,
        " Redaktion@WAZ.example ",
        zeit("2026-11-05"),
    )
    .unwrap_err();
    assert_eq!(f.befunde[0].feld, "email");
    assert!(
        f.message.contains("schon auf der Presseliste"),
        "{}",
        f.message
    );
    let f = api::presse_hinzufuegen(
        &mut p.b.store,
        1,
        "redaktion-waz.example",
        zeit("2026-11-05"),
    )
    .unwrap_err();
    assert!(f.message.contains("hat kein @"), "{}", f.message);
    let liste = api::presse_liste(&p.b.store, 1).unwrap();
    api::presse_entfernen(&mut p.b.store, liste[0].id, zeit("2026-11-05")).unwrap();
    assert_eq!(api::presse_liste(&p.b.store, 1).unwrap().len(), 1);
    api::presse_zurueckholen(&mut p.b.store, liste[0].id).unwrap();
    assert_eq!(api::presse_liste(&p.b.store, 1).unwrap(), liste);
}

/// The CLI contract: `sitzung versand ID --ordner DIR` and `--smtp … --starttls --benutzer
/// --kennwort-env --absender`, one line per message.
#[test]
#[cfg_attr(
    windows,
    ignore = "the SMTP server of the test is aiosmtpd, run by Linux Python"
)]
fn the_cli_sends_and_prints_one_line_per_message() {
    let p = postbuero(0);
    let z = zertifikate();
    let eingang = p.b.ordner.path().join("eingang");
    let server = smtp::mailserver(&z, &eingang, (BENUTZER, KENNWORT), &[]);
    let db = p.b.db_arg();
    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("RATSBUERO_DB")
            .env("SMTP_KENNWORT", KENNWORT)
            .output()
            .unwrap()
    };
    let ordner = p.b.ordner.path().join("probe");
    let o = cli(&[
        "sitzung",
        "versand",
        "1",
        "--ordner",
        ordner.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let aus = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        aus.lines()
            .filter(|l| l.contains("als Datei abgelegt"))
            .count(),
        5,
        "{aus}"
    );
    assert!(aus.contains("Thị Hằng Nguyễn\tper Post"), "{aus}");
    let url = format!("smtp://127.0.0.1:{}", server.port);
    let o = cli(&[
        "sitzung",
        "versand",
        "1",
        "--smtp",
        &url,
        "--starttls",
        "--benutzer",
        BENUTZER,
        "--kennwort-env",
        "SMTP_KENNWORT",
        "--absender",
        "Integrationsrat Herne <integrationsrat@herne.example>",
        "--ca",
        z.ca.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let aus = String::from_utf8(o.stdout).unwrap();
    assert!(
        aus.contains("eleni@herne.example\tmitglieder\tgesendet\t250"),
        "{aus}"
    );
    assert!(
        aus.contains("redaktion@waz.example\toeffentlich\tgesendet\t250"),
        "{aus}"
    );
    assert!(aus.contains("die Sitzung ist eingeladen"), "{aus}");
    assert_eq!(gelesen(&eingang).len(), 5);
    // Without the password's variable: refused, the field named, nothing sent.
    let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .arg("--db")
        .arg(&db)
        .args([
            "sitzung",
            "versand",
            "1",
            "--smtp",
            &url,
            "--starttls",
            "--benutzer",
            BENUTZER,
            "--kennwort-env",
            "FEHLT_HIER",
            "--absender",
            "ir@herne.example",
        ])
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("FEHLT_HIER"));
    assert_eq!(gelesen(&eingang).len(), 5);
}
