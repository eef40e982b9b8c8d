//! The CLI contract: `ratsbuero [--db PATH] vorlage import|liste|zeigen|suche|freigeben`.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn ratsbuero(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

const HERNE: &str = r#"{
  "art": "beschlussvorlage", "status": "oeffentlich",
  "betreff": "Gesamtstädtisches Integrationskonzept",
  "verfasser": "Radojka Mühlenkamp", "federfuehrend": "Büro Integrationsrat", "bearbeiter": "Barszap, Michael",
  "beratungsfolge": [
    {"gremium": "Integrationsrat", "rolle": "vorberatung", "datum": "2014-04-16"},
    {"gremium": "Haupt- und Finanzausschuss", "rolle": "vorberatung", "datum": "2014-04-29"},
    {"gremium": "Rat der Stadt", "rolle": "entscheidung", "datum": "2014-05-06"}
  ],
  "klimarelevanz": "keine",
  "beschlussvorschlag": "Der Rat der Stadt Herne beschließt das gesamtstädtische Integrationskonzept.",
  "sachverhalt": "Zum 01.08.2013 wurde ein Kommunales Integrationszentrum in Herne errichtet."
}"#;

#[test]
fn import_list_show_search_release() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite");
    let datei = dir.path().join("herne.json");
    std::fs::write(&datei, HERNE).unwrap();
    let out: Value = serde_json::from_str(&stdout(&ratsbuero(
        &db,
        &["vorlage", "import", datei.to_str().unwrap()],
    )))
    .unwrap();
    let id = out["id"].as_i64().unwrap();
    assert!(out["nummer"].is_null());

    let liste: Value =
        serde_json::from_str(&stdout(&ratsbuero(&db, &["vorlage", "liste", "--json"]))).unwrap();
    assert_eq!(liste.as_array().unwrap().len(), 1);
    assert_eq!(liste[0]["betreff"], "Gesamtstädtisches Integrationskonzept");

    let nummer = stdout(&ratsbuero(&db, &["vorlage", "freigeben", &id.to_string()]));
    assert!(nummer.trim().ends_with("/0001"), "{nummer}");

    let akte: Value = serde_json::from_str(&stdout(&ratsbuero(
        &db,
        &["vorlage", "zeigen", &id.to_string(), "--json"],
    )))
    .unwrap();
    assert_eq!(akte["nummer"], nummer.trim());
    assert_eq!(akte["zustand"], "freigegeben");
    assert_eq!(
        akte["inhalt"]["beratungsfolge"][1]["gremium"],
        "Haupt- und Finanzausschuss"
    );

    let treffer: Value = serde_json::from_str(&stdout(&ratsbuero(
        &db,
        &["vorlage", "suche", "muehlenkamp", "--json"],
    )))
    .unwrap();
    assert_eq!(treffer[0]["id"], id);
}

#[test]
fn bad_input_exits_nonzero_names_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.sqlite");
    let faelle: [(&str, String, &str); 6] = [
        (
            "kaputt",
            "{\"betreff\": \"x\",".into(),
            "kein gültiges JSON",
        ),
        (
            "ohne-betreff",
            HERNE.replace("\"Gesamtstädtisches Integrationskonzept\"", "\"\""),
            "Betreff fehlt",
        ),
        (
            "art",
            HERNE.replace("\"beschlussvorlage\"", "\"beschluss\""),
            "Feld „art“",
        ),
        (
            "datum",
            HERNE.replace("2014-04-29", "2014-02-31"),
            "Datum 31.02.2014",
        ),
        (
            "unbekannt",
            HERNE.replace("\"status\"", "\"titel\": 1, \"status\""),
            "Unbekanntes Feld „titel“",
        ),
        (
            "rolle",
            HERNE.replace("\"entscheidung\"", "\"abstimmung\""),
            "beratungsfolge[2].rolle",
        ),
    ];
    for (name, json, erwartet) in faelle {
        let datei = dir.path().join(format!("{name}.json"));
        std::fs::write(&datei, json).unwrap();
        let o = ratsbuero(&db, &["vorlage", "import", datei.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{name}: erfolgreich trotz Fehler");
        assert!(
            err.contains(erwartet),
            "{name}: „{erwartet}“ fehlt in: {err}"
        );
        assert!(
            o.stdout.is_empty(),
            "{name}: stdout {:?}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
    let liste: Value =
        serde_json::from_str(&stdout(&ratsbuero(&db, &["vorlage", "liste", "--json"]))).unwrap();
    assert_eq!(liste.as_array().unwrap().len(), 0);
    let o = ratsbuero(
        &db,
        &[
            "vorlage",
            "import",
            dir.path().join("fehlt.json").to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("kann nicht gelesen werden"));
}

/// The office's clock is German time on every machine: a server or CI runner set to UTC,
/// or a laptop set to Tokyo, stamps the calendar with the real instant (DTSTAMP is UTC),
/// and prints the same as one set to Berlin.
#[test]
fn the_calendar_stamp_is_the_real_instant_whatever_the_machines_time_zone() {
    use chrono::{NaiveDateTime, Utc};
    let ordner = tempfile::tempdir().unwrap();
    let db = ordner.path().join("uhr.sqlite");
    stdout(&ratsbuero(
        &db,
        &[
            "gremium",
            "neu",
            "--name",
            "Integrationsrat",
            "--art",
            "integrationsrat",
        ],
    ));
    stdout(&ratsbuero(
        &db,
        &[
            "sitzung",
            "neu",
            "--gremium",
            "1",
            "--beginn",
            "2026-12-16T17:00",
            "--ort",
            "Rathaus",
        ],
    ));
    for tz in ["UTC", "Asia/Tokyo", "Europe/Berlin", "America/Los_Angeles"] {
        let ics = ordner.path().join(format!("{}.ics", tz.replace('/', "-")));
        let vorher = Utc::now().naive_utc();
        let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .arg("--db")
            .arg(&db)
            .args(["sitzung", "ics", "1", "--out", ics.to_str().unwrap()])
            .env_remove("RATSBUERO_DB")
            .env("TZ", tz)
            .output()
            .unwrap();
        stdout(&o);
        let nachher = Utc::now().naive_utc();
        let text = std::fs::read_to_string(&ics).unwrap();
        let stempel = text
            .lines()
            .find_map(|l| l.strip_prefix("DTSTAMP:"))
            .unwrap_or_else(|| panic!("{tz}: kein DTSTAMP in {text}"));
        let stempel = NaiveDateTime::parse_from_str(stempel, "%Y%m%dT%H%M%SZ").unwrap();
        let sekunde = chrono::Duration::seconds(1);
        assert!(
            stempel >= vorher - sekunde && stempel <= nachher + sekunde,
            "TZ={tz}: DTSTAMP {stempel} liegt nicht zwischen {vorher} und {nachher}"
        );
        // The Sitzung itself stays at 17:00 German time.
        assert!(
            text.contains("DTSTART;TZID=Europe/Berlin:20261216T170000"),
            "{tz}"
        );
    }
}

/// `--db` takes where the data lives: a PostgreSQL URL names a server. One that cannot be
/// reached, and a URL that is no URL, are named in German without the password, and no
/// file is created instead.
#[test]
fn an_unreachable_server_or_a_wrong_url_is_named_clearly_and_keeps_its_password_to_itself() {
    let ordner = tempfile::tempdir().unwrap();
    for (url, erwartet) in [
        (
            "postgresql://anna:geheim@rathaus.invalid:5432/ratsbuero",
            "Der Datenbank-Server „postgresql://anna@rathaus.invalid:5432/ratsbuero“ ist nicht erreichbar",
        ),
        (
            "postgres://anna:geheim@rathaus:54x32/ratsbuero",
            "Die Server-Adresse „postgres://anna@rathaus:54x32/ratsbuero“ ist so nicht verwendbar",
        ),
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .args(["--db", url, "buero"])
            .current_dir(ordner.path())
            .env_remove("RATSBUERO_DB")
            .env_remove("PGPASSWORD")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        let fehler = String::from_utf8_lossy(&o.stderr);
        assert!(fehler.contains(erwartet), "{fehler}");
        assert!(!fehler.contains("geheim"), "{fehler}");
        assert!(!fehler.contains("panicked"), "{fehler}");
    }
    assert_eq!(std::fs::read_dir(ordner.path()).unwrap().count(), 0);
}

/// A machine set to UTC (a server, a CI runner) or to Tokyo prints what one set to Berlin
/// prints: the Vorlage's PDF and its dates, the OParl Paper with its `created`/`modified`
/// (German time, with its offset), the list's times. What reads the clock carries the
/// real instant with the German offset.
#[test]
#[cfg_attr(
    windows,
    ignore = "sets the machine time zone through TZ, which Windows programs do not read"
)]
fn every_output_is_the_same_whatever_the_machines_time_zone() {
    use chrono::{DateTime, Utc};
    let ordner = tempfile::tempdir().unwrap();
    let db = ordner.path().join("zonen.sqlite");
    let json = ordner.path().join("herne.json");
    std::fs::write(&json, HERNE).unwrap();
    stdout(&ratsbuero(&db, &["einrichten", "--kommune", "Stadt Herne"]));
    stdout(&ratsbuero(
        &db,
        &["vorlage", "import", json.to_str().unwrap()],
    ));
    stdout(&ratsbuero(&db, &["vorlage", "freigeben", "1"]));
    let mit_zone = |tz: &str, args: &[&str]| -> String {
        let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("RATSBUERO_DB")
            .env("TZ", tz)
            .output()
            .unwrap();
        stdout(&o)
    };
    let mut gesehen: Option<(String, String, String)> = None;
    for tz in ["Europe/Berlin", "UTC", "Asia/Tokyo", "America/Los_Angeles"] {
        let name = tz.replace('/', "-");
        let vorher = Utc::now();
        let pdf = ordner.path().join(format!("{name}.pdf"));
        mit_zone(tz, &["vorlage", "pdf", "1", "--out", pdf.to_str().unwrap()]);
        let oparl = ordner.path().join(format!("oparl-{name}"));
        mit_zone(
            tz,
            &[
                "oparl",
                "export",
                oparl.to_str().unwrap(),
                "--basis-url",
                "https://ris.example/oparl",
            ],
        );
        let liste = mit_zone(tz, &["vorlage", "zeigen", "1"]);
        let nachher = Utc::now();

        let text = String::from_utf8(
            Command::new("pdftotext")
                .args([pdf.to_str().unwrap(), "-"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        let papier_datei = std::fs::read_dir(oparl.join("paper"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))
            .expect("ein Paper");
        let papier: Value = serde_json::from_slice(&std::fs::read(papier_datei).unwrap()).unwrap();
        for feld in ["created", "modified"] {
            let wert = papier[feld].as_str().unwrap_or_default();
            assert!(
                wert.ends_with("+01:00") || wert.ends_with("+02:00"),
                "TZ={tz}: Paper.{feld} = {wert}"
            );
        }
        // The file's checksum is that of a PDF made at this second (its creation date).
        let mut papier = papier;
        papier["mainFile"]["sha512Checksum"] = Value::Null;
        let papier = papier.to_string();
        let jetzt = (text.clone(), papier, liste);
        match &gesehen {
            None => gesehen = Some(jetzt),
            Some(erste) => assert_eq!(erste, &jetzt, "TZ={tz} druckt anders als Europe/Berlin"),
        }

        // The PDF's creation date: the real instant, with the German offset.
        let info = String::from_utf8(
            Command::new("pdfinfo")
                .args(["-isodates", pdf.to_str().unwrap()])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        let erstellt = info
            .lines()
            .find_map(|l| l.strip_prefix("CreationDate:"))
            .unwrap()
            .trim()
            .to_string();
        assert!(
            erstellt.ends_with("+01") || erstellt.ends_with("+02"),
            "TZ={tz}: {erstellt}"
        );
        let instant = DateTime::parse_from_str(&format!("{erstellt}00"), "%Y-%m-%dT%H:%M:%S%z")
            .unwrap()
            .with_timezone(&Utc);
        let sekunde = chrono::Duration::seconds(1);
        assert!(
            instant >= vorher - sekunde && instant <= nachher + sekunde,
            "TZ={tz}: CreationDate {erstellt} ist nicht jetzt ({vorher} … {nachher})"
        );
    }
}

/// An office set to another time zone (*Einstellungen → Zeitzone*) shows, prints and sends
/// every time on its own clock: the same instants, with that zone's offset, whatever the
/// machine's `TZ`; an unknown zone is refused with the field named, and nothing changes.
#[test]
#[cfg_attr(
    windows,
    ignore = "sets the machine time zone through TZ, which Windows programs do not read"
)]
fn the_offices_time_zone_setting_moves_every_time_onto_its_clock() {
    use chrono::DateTime;
    let ordner = tempfile::tempdir().unwrap();
    let db = ordner.path().join("tokio.sqlite");
    let json = ordner.path().join("herne.json");
    std::fs::write(&json, HERNE).unwrap();
    stdout(&ratsbuero(&db, &["einrichten", "--kommune", "Stadt Herne"]));
    stdout(&ratsbuero(
        &db,
        &["vorlage", "import", json.to_str().unwrap()],
    ));
    stdout(&ratsbuero(&db, &["vorlage", "freigeben", "1"]));
    stdout(&ratsbuero(
        &db,
        &[
            "gremium",
            "neu",
            "--name",
            "Integrationsrat",
            "--art",
            "integrationsrat",
        ],
    ));
    stdout(&ratsbuero(
        &db,
        &[
            "sitzung",
            "neu",
            "--gremium",
            "1",
            "--beginn",
            "2026-12-16T17:00",
            "--ort",
            "Rathaus",
        ],
    ));
    let mit_tz = |tz: &str, args: &[&str]| -> Output {
        Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("RATSBUERO_DB")
            .env("TZ", tz)
            .output()
            .unwrap()
    };
    let paper = |name: &str| -> Value {
        let aus = ordner.path().join(name);
        stdout(&mit_tz(
            "UTC",
            &[
                "oparl",
                "export",
                aus.to_str().unwrap(),
                "--basis-url",
                "https://ris.example/oparl",
            ],
        ));
        let datei = std::fs::read_dir(aus.join("paper"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))
            .expect("ein Paper");
        serde_json::from_slice(&std::fs::read(datei).unwrap()).unwrap()
    };
    let berlin = paper("oparl-berlin");
    assert!(stdout(&ratsbuero(&db, &["buero"])).contains("Zeitzone: Europe/Berlin"));

    // An unknown zone: refused, the field named, the setting as it was.
    let falsch = ratsbuero(
        &db,
        &[
            "einrichten",
            "--kommune",
            "Stadt Herne",
            "--zeitzone",
            "Europe/Berln",
        ],
    );
    assert!(!falsch.status.success());
    let fehler = String::from_utf8_lossy(&falsch.stderr);
    assert!(
        fehler.contains("Zeitzone") && fehler.contains("„Europe/Berln“"),
        "{fehler}"
    );
    assert!(stdout(&ratsbuero(&db, &["buero"])).contains("Zeitzone: Europe/Berlin"));

    stdout(&ratsbuero(
        &db,
        &[
            "einrichten",
            "--kommune",
            "Stadt Herne",
            "--zeitzone",
            "Asia/Tokyo",
        ],
    ));
    assert!(stdout(&ratsbuero(&db, &["buero"])).contains("Zeitzone: Asia/Tokyo"));
    // Keeping the zone when another setting changes.
    stdout(&ratsbuero(
        &db,
        &[
            "einrichten",
            "--kommune",
            "Stadt Herne",
            "--wahlperiode",
            "14",
        ],
    ));
    assert!(stdout(&ratsbuero(&db, &["buero"])).contains("Zeitzone: Asia/Tokyo"));

    let tokio = paper("oparl-tokio");
    for feld in ["created", "modified"] {
        let (b, t) = (
            berlin[feld].as_str().unwrap(),
            tokio[feld].as_str().unwrap(),
        );
        assert!(t.ends_with("+09:00"), "Paper.{feld} = {t}");
        assert_eq!(
            DateTime::parse_from_rfc3339(b).unwrap(),
            DateTime::parse_from_rfc3339(t).unwrap(),
            "Paper.{feld}: derselbe Zeitpunkt, nur auf der Uhr des Büros ({b} / {t})"
        );
    }
    let mut gesehen = None;
    for tz in ["Europe/Berlin", "UTC", "America/Los_Angeles"] {
        let ics = ordner.path().join(format!("{}.ics", tz.replace('/', "-")));
        stdout(&mit_tz(
            tz,
            &["sitzung", "ics", "1", "--out", ics.to_str().unwrap()],
        ));
        let text = std::fs::read_to_string(&ics).unwrap();
        // 17:00 in Tokyo is 08:00 UTC; no Berlin rules for an office in Tokyo.
        assert!(
            text.contains("DTSTART:20261216T080000Z\r\n"),
            "{tz}: {text}"
        );
        assert!(text.contains("DTEND:20261216T100000Z\r\n"), "{tz}: {text}");
        assert!(
            text.contains("X-WR-TIMEZONE:Asia/Tokyo\r\n"),
            "{tz}: {text}"
        );
        assert!(!text.contains("Europe/Berlin"), "{tz}: {text}");
        let pdf = ordner.path().join(format!("{}.pdf", tz.replace('/', "-")));
        stdout(&mit_tz(
            tz,
            &["vorlage", "pdf", "1", "--out", pdf.to_str().unwrap()],
        ));
        let info = String::from_utf8(
            Command::new("pdfinfo")
                .args(["-isodates", pdf.to_str().unwrap()])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        assert!(
            info.lines()
                .any(|l| l.starts_with("CreationDate:") && l.trim_end().ends_with("+09")),
            "{tz}: {info}"
        );
        let zeigen = stdout(&mit_tz(tz, &["vorlage", "zeigen", "1"]));
        match &gesehen {
            None => gesehen = Some(zeigen),
            Some(erste) => assert_eq!(erste, &zeigen, "TZ={tz}"),
        }
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_listing_quietly() {
    let ordner = tempfile::tempdir().unwrap();
    let db = ordner.path().join("b.sqlite");
    stdout(&ratsbuero(&db, &["einrichten", "--kommune", "Stadt Herne"]));
    stdout(&ratsbuero(&db, &["demo"]));
    // `ratsbuero vorlage liste | head -0`: the pipe is closed before the first line.
    let mut kind = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .arg("--db")
        .arg(&db)
        .args(["vorlage", "liste"])
        .env_remove("RATSBUERO_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(kind.stdout.take());
    let o = kind.wait_with_output().unwrap();
    assert!(
        o.status.success(),
        "{:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}
