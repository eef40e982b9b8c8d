//! The Einladung by e-mail, end to end: 30 members with an address and a session packet
//! of about 5 MB, sent through the real SMTP test server on 127.0.0.1
//! (`tests/smtp/server.py`: aiosmtpd with STARTTLS and AUTH, one connection per message)
//! — the letters and both packets rendered, 30 messages built and sent, each logged. Also
//! the same run as a dry run into `.eml` files. Five runs each; the README reports the
//! median and the messages per second.

#[path = "../tests/geteilt/pdf.rs"]
mod pdf;
#[path = "../tests/geteilt/smtp.rs"]
#[allow(dead_code)]
mod smtp;

use chrono::{NaiveDate, NaiveDateTime};
use pdf::grosses_pdf;
use ratsbuero::api::{self, Ziel};
use ratsbuero::domain::sitzung::{GremiumTyp, Herkunft, MitgliedRolle, Teil};
use ratsbuero::domain::versand::{Sicherheit, SmtpEinstellungen};
use ratsbuero::domain::{
    AnlageNeu, GremiumNeu, MitgliedschaftNeu, PersonNeu, Status, TopNeu, VorlageInhalt,
};
use ratsbuero::store::Store;
use std::path::Path;
use std::time::Instant;

const MITGLIEDER: usize = 30;
const LAEUFE: usize = 5;

fn jetzt() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn buero(pfad: &Path) -> (Store, i64) {
    let mut s = Store::oeffnen(pfad, jetzt()).unwrap();
    let g = s
        .gremium_anlegen(
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
            jetzt(),
        )
        .unwrap();
    for i in 0..MITGLIEDER {
        let p = s
            .person_anlegen(
                &PersonNeu {
                    anrede: if i % 2 == 0 { "Frau" } else { "Herr" }.into(),
                    vorname: "Ayşe".into(),
                    nachname: format!("Yılmaz-{i}"),
                    email: format!("mitglied{i}@herne.example"),
                    anschrift: "Rathausplatz 1\n44623 Herne".into(),
                    ..Default::default()
                },
                jetzt(),
            )
            .unwrap();
        s.mitgliedschaft_anlegen(&MitgliedschaftNeu {
            person: p.id,
            gremium: g.id,
            rolle: MitgliedRolle::Mitglied,
            stimmrecht: true,
            fuer: String::new(),
            herkunft: Herkunft::Direkt,
            von: String::new(),
            bis: String::new(),
        })
        .unwrap();
    }
    let v = s
        .vorlage_anlegen(
            &VorlageInhalt {
                betreff: "Sprachcafé im Stadtteilzentrum".into(),
                beschlussvorschlag: "Der Integrationsrat beschließt.".into(),
                sachverhalt: "Sachverhalt.".into(),
                ..Default::default()
            },
            jetzt(),
        )
        .unwrap();
    s.anlage_hinzufuegen(
        v.id,
        v.version,
        AnlageNeu {
            name: "Lageplan.pdf".into(),
            status: Status::Oeffentlich,
            alternativenpruefung: false,
            daten: grosses_pdf(5_000_000),
        },
        jetzt(),
    )
    .unwrap();
    let sitzung = s
        .sitzung_anlegen(
            g.id,
            NaiveDate::from_ymd_opt(2026, 12, 16)
                .unwrap()
                .and_hms_opt(17, 0, 0)
                .unwrap(),
            "Rathaus",
            jetzt(),
        )
        .unwrap();
    s.top_hinzufuegen(
        sitzung.id,
        &TopNeu {
            teil: Teil::Oeffentlich,
            titel: String::new(),
            vorlage: Some(v.id),
            unterpunkt: false,
        },
        jetzt(),
    )
    .unwrap();
    (s, sitzung.id.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let o = tempfile::tempdir().unwrap();
    let (mut store, sitzung) = buero(&o.path().join("buero.sqlite"));
    let z = smtp::zertifikate();
    let server = smtp::mailserver(&z, &o.path().join("eingang"), ("ir", "k"), &[]);
    let port = server.port;
    let e = SmtpEinstellungen {
        server: format!("smtp://127.0.0.1:{port}"),
        sicherheit: Sicherheit::Starttls,
        benutzer: "ir".into(),
        absender: "ir@herne.example".into(),
        ca: z.ca.to_string_lossy().into_owned(),
        grenze_mb: 10,
    };
    let paket = api::versand_vorschau(&store, sitzung, &e, jetzt()).unwrap();
    let groesse = paket.nachrichten[0].anhaenge[1].1;
    let mut gesendet = Vec::new();
    let mut abgelegt = Vec::new();
    for lauf in 0..LAEUFE {
        let t = Instant::now();
        let b = api::versand_ausfuehren(
            &mut store,
            sitzung,
            Ziel::Smtp(&e, Some("k")),
            "ir@herne.example",
            false,
            10,
            jetzt(),
            &mut |_| true,
        )
        .unwrap();
        gesendet.push(t.elapsed().as_secs_f64());
        assert_eq!(
            b.ergebnisse
                .iter()
                .filter(|x| x.status == ratsbuero::domain::versand::VersandStatus::Gesendet)
                .count(),
            MITGLIEDER
        );
        let ordner = o.path().join(format!("probe{lauf}"));
        let t = Instant::now();
        api::versand_ausfuehren(
            &mut store,
            sitzung,
            Ziel::Ordner(&ordner),
            "ir@herne.example",
            false,
            10,
            jetzt(),
            &mut |_| true,
        )
        .unwrap();
        abgelegt.push(t.elapsed().as_secs_f64());
    }
    drop(server);
    let s = median(gesendet.clone());
    println!(
        "versand: {MITGLIEDER} Nachrichten mit Sitzungspaket {:.1} MB über SMTP (STARTTLS, AUTH, 127.0.0.1): Median {:.2} s ({:.1} Nachrichten/s); Läufe {:?}",
        groesse as f64 / 1e6,
        s,
        MITGLIEDER as f64 / s,
        gesendet.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>()
    );
    println!(
        "versand: dieselben {MITGLIEDER} Nachrichten als .eml-Dateien (Probelauf): Median {:.2} s; Läufe {:?}",
        median(abgelegt.clone()),
        abgelegt.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>()
    );
}
