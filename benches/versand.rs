//! The Einladung by e-mail, end to end: 30 members with an address and a session packet
//! of about 5 MB, sent through the real SMTP test server on 127.0.0.1
//! (`tests/smtp/server.py`: aiosmtpd with STARTTLS and AUTH, one connection per message)
//! — the letters and both packets rendered, 30 messages built and sent, each logged. Also
//! the same run as a dry run into `.eml` files. Five runs each; the README reports the
//! median and the messages per second.

use chrono::{NaiveDate, NaiveDateTime};
use ratsbuero::api::{self, Ziel};
use ratsbuero::domain::sitzung::{GremiumTyp, Herkunft, MitgliedRolle, Teil};
use ratsbuero::domain::versand::{Sicherheit, SmtpEinstellungen};
use ratsbuero::domain::{
    AnlageNeu, GremiumNeu, MitgliedschaftNeu, PersonNeu, Status, TopNeu, VorlageInhalt,
};
use ratsbuero::store::Store;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const MITGLIEDER: usize = 30;
const LAEUFE: usize = 5;

fn jetzt() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// A real PDF of about `bytes` bytes that does not compress (an image of noise).
fn grosses_pdf(bytes: usize) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let breite = 500;
    let hoehe = bytes / (breite * 3);
    let rauschen: Vec<u8> = (0..breite * hoehe * 3)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let mut d = Document::with_version("1.7");
    let bild = d.add_object(Stream::new(
        dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => breite as i64, "Height" => hoehe as i64, "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8},
        rauschen,
    ));
    let inhalt = d.add_object(Stream::new(
        dictionary! {},
        b"q 500 0 0 700 50 50 cm /Im1 Do Q".to_vec(),
    ));
    let seiten = d.new_object_id();
    let seite = d.add_object(dictionary! {
        "Type" => "Page", "Parent" => seiten, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => inhalt, "Resources" => dictionary! {"XObject" => dictionary! {"Im1" => bild}},
    });
    d.objects.insert(
        seiten,
        Object::Dictionary(
            dictionary! {"Type" => "Pages", "Kids" => vec![seite.into()], "Count" => 1},
        ),
    );
    let katalog = d.add_object(dictionary! {"Type" => "Catalog", "Pages" => seiten});
    d.trailer.set("Root", katalog);
    let mut aus = Vec::new();
    d.save_to(&mut aus).unwrap();
    aus
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
    let openssl = |args: &[&str]| {
        assert!(Command::new("openssl")
            .args(args)
            .current_dir(o.path())
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success());
    };
    openssl(&[
        "req",
        "-new",
        "-x509",
        "-days",
        "2",
        "-nodes",
        "-subj",
        "/CN=Test-CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
    ]);
    openssl(&[
        "req",
        "-new",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "s.key",
        "-out",
        "s.csr",
    ]);
    std::fs::write(o.path().join("ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "s.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "ext",
        "-out",
        "s.crt",
    ]);
    let skript = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/server.py");
    let mut server = Command::new("/usr/bin/python3")
        .arg(skript)
        .arg("--ordner")
        .arg(o.path().join("eingang"))
        .arg("--zertifikat")
        .arg(o.path().join("s.crt"))
        .arg("--schluessel")
        .arg(o.path().join("s.key"))
        .args(["--benutzer", "ir", "--kennwort", "k"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut zeile = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut zeile)
        .unwrap();
    let port: u16 = zeile
        .trim()
        .strip_prefix("bereit ")
        .unwrap()
        .parse()
        .unwrap();
    let e = SmtpEinstellungen {
        server: format!("smtp://127.0.0.1:{port}"),
        sicherheit: Sicherheit::Starttls,
        benutzer: "ir".into(),
        absender: "ir@herne.example".into(),
        ca: o.path().join("ca.crt").to_string_lossy().into_owned(),
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
    let _ = server.kill();
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
