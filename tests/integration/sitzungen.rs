//! Gremien, people, Sitzungen and Tagesordnung: numbering Ö/N, the nichtöffentlich rule,
//! the Beratungsfolge recorded from the TOP and its result, reordering, Ladungsfrist and
//! minimum sessions, sorting of international names, the CLI contract, and the `.ics`
//! read back by an independent parser (the `icalendar` crate) without one nichtöffentliche
//! word in it.

use crate::gemeinsam::{buero, vorlage, zeit};
use chrono::{NaiveDate, NaiveDateTime};
use ratsbuero::api;
use ratsbuero::domain::sitzung::{GremiumTyp, Herkunft, MitgliedRolle, Teil, TopErgebnis};
use ratsbuero::domain::{GremiumNeu, MitgliedschaftNeu, PersonNeu};
use ratsbuero::domain::{Status, VorlageId};
use std::process::Command;

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn integrationsrat() -> GremiumNeu {
    GremiumNeu {
        name: "Integrationsrat".into(),
        kurzname: "IR".into(),
        typ: GremiumTyp::Integrationsrat,
        wahlperiode: "2025–2030".into(),
        ladungsfrist_tage: 7,
        mindestsitzungen_jahr: 2,
        vertretung: Default::default(),
        ohne_entschaedigung: false,
    }
}

#[test]
fn tagesordnung_numbers_parts_records_the_beratung_and_guards_nichtoeffentlich() {
    let mut b = buero();
    let s = &mut b.store;
    let j = zeit("2026-11-01");
    let g = s.gremium_anlegen(&integrationsrat(), j).unwrap();
    let e = s.gremium_anlegen(&integrationsrat(), j).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Ein Gremium „Integrationsrat“ gibt es schon."
    );
    let oe = s
        .vorlage_anlegen(&vorlage("Interkulturelle Woche"), j)
        .unwrap();
    let mut geheim = vorlage("Personalangelegenheit");
    geheim.status = Status::Nichtoeffentlich;
    let noe = s.vorlage_anlegen(&geheim, j).unwrap();

    let sitzung = s
        .sitzung_anlegen(g.id, t("2026-12-03T17:00"), "Rathaus, Raum 101", j)
        .unwrap();
    assert_eq!(sitzung.nummer, 1);
    let top = |teil, titel: &str, v: Option<VorlageId>| ratsbuero::domain::TopNeu {
        teil,
        titel: titel.into(),
        vorlage: v,
        unterpunkt: false,
    };
    s.top_hinzufuegen(
        sitzung.id,
        &top(Teil::Oeffentlich, "Genehmigung der Niederschrift", None),
        j,
    )
    .unwrap();
    s.top_hinzufuegen(sitzung.id, &top(Teil::Oeffentlich, "", Some(oe.id)), j)
        .unwrap();
    // A nichtöffentliche Vorlage is refused in the öffentlicher Teil, nothing changes.
    let vorher = s.sitzung(sitzung.id).unwrap();
    let e = s
        .top_hinzufuegen(sitzung.id, &top(Teil::Oeffentlich, "", Some(noe.id)), j)
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("ist nichtöffentlich und kann nur im nichtöffentlichen Teil beraten werden"),
        "{e}"
    );
    assert_eq!(s.sitzung(sitzung.id).unwrap().version, vorher.version);
    let akte = s
        .top_hinzufuegen(
            sitzung.id,
            &top(Teil::Nichtoeffentlich, "", Some(noe.id)),
            j,
        )
        .unwrap();
    let nummern: Vec<(&str, &str)> = akte
        .tops
        .iter()
        .map(|t| (t.nummer.as_str(), t.titel.as_str()))
        .collect();
    assert_eq!(
        nummern,
        vec![
            ("Ö 1", "Genehmigung der Niederschrift"),
            ("Ö 2", "Interkulturelle Woche"),
            ("N 1", "Personalangelegenheit")
        ]
    );
    // The same Vorlage twice on one Tagesordnung is refused.
    assert!(s
        .top_hinzufuegen(sitzung.id, &top(Teil::Oeffentlich, "", Some(oe.id)), j)
        .is_err());
    // A TOP without title or Vorlage is refused.
    assert!(s
        .top_hinzufuegen(sitzung.id, &top(Teil::Oeffentlich, "  ", None), j)
        .unwrap_err()
        .to_string()
        .contains("Titel fehlt"));

    // The Beratungsfolge of the Vorlage now carries the date of this Sitzung.
    let v = s.vorlage(oe.id).unwrap();
    let schritt = v
        .inhalt
        .beratungsfolge
        .iter()
        .find(|b| b.gremium == "Integrationsrat")
        .unwrap();
    assert_eq!(schritt.datum, "2026-12-03");

    // Reordering by drag and drop: Ö 2 becomes Ö 1.
    let zweiter = akte.tops[1].id;
    let akte = s.top_verschieben(zweiter, 0, j).unwrap();
    assert_eq!(akte.tops[0].titel, "Interkulturelle Woche");
    assert_eq!(akte.tops[0].nummer, "Ö 1");

    // The result becomes the Ergebnis of the Beratungsfolge step (the Beschlussvermerk).
    let e = s
        .top_ergebnis(zweiter, TopErgebnis::Geaendert, " ", j)
        .unwrap_err();
    assert!(e.to_string().contains("geänderten Beschluss"));
    // Not before the Sitzung day (j lies before it); on the day it is recorded.
    let e = s
        .top_ergebnis(zweiter, TopErgebnis::Beschlossen, "", j)
        .unwrap_err();
    assert!(
        e.to_string().contains("hat noch nicht stattgefunden"),
        "{e}"
    );
    let am_tag = akte.beginn.date().and_hms_opt(20, 0, 0).unwrap();
    s.top_ergebnis(zweiter, TopErgebnis::Beschlossen, "", am_tag)
        .unwrap();
    let v = s.vorlage(oe.id).unwrap();
    assert_eq!(
        v.inhalt
            .beratungsfolge
            .iter()
            .find(|b| b.gremium == "Integrationsrat")
            .unwrap()
            .ergebnis,
        "beschlossen"
    );
}

#[test]
fn a_gremium_missing_from_the_beratungsfolge_gets_its_step_appended() {
    let mut b = buero();
    let s = &mut b.store;
    let j = zeit("2026-11-01");
    let ag = s
        .gremium_anlegen(
            &GremiumNeu {
                name: "AG Integrationsräte Kreis Recklinghausen".into(),
                kurzname: String::new(),
                typ: GremiumTyp::Arbeitsgemeinschaft,
                wahlperiode: String::new(),
                ladungsfrist_tage: 14,
                mindestsitzungen_jahr: 2,
                vertretung: Default::default(),
                ohne_entschaedigung: false,
            },
            j,
        )
        .unwrap();
    let v = s.vorlage_anlegen(&vorlage("Bericht"), j).unwrap();
    let sitzung = s
        .sitzung_anlegen(ag.id, t("2026-12-10T10:00"), "Kreishaus", j)
        .unwrap();
    s.top_hinzufuegen(
        sitzung.id,
        &ratsbuero::domain::TopNeu {
            teil: Teil::Oeffentlich,
            titel: String::new(),
            vorlage: Some(v.id),
            unterpunkt: false,
        },
        j,
    )
    .unwrap();
    let folge = s.vorlage(v.id).unwrap().inhalt.beratungsfolge;
    assert_eq!(folge.len(), 3);
    assert_eq!(folge[2].gremium, "AG Integrationsräte Kreis Recklinghausen");
    assert_eq!(folge[2].datum, "2026-12-10");

    // Ladungsfrist 14 days: an Einladung 10 days ahead is a warning; the AG meets twice a year.
    let akte = s
        .sitzung_einladen(
            sitzung.id,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            j,
        )
        .unwrap();
    let meldungen: Vec<&str> = akte.befunde.iter().map(|b| b.meldung.as_str()).collect();
    assert!(meldungen.contains(&"Ladungsfrist unterschritten: Einladung am 30.11.2026, Sitzung am 10.12.2026 – 10 statt mindestens 14 Tage."), "{meldungen:?}");
    assert!(
        meldungen.contains(&"2026: 1 Sitzung geplant, mindestens 2 vorgeschrieben."),
        "{meldungen:?}"
    );
    // The navigation's badge counts it; the API reads the date as typed, German or ISO.
    assert_eq!(api::ladungsfrist_unterschritten(s, j).unwrap(), 1);
    let e = api::sitzung_einladen(s, sitzung.id.0, "31.11.2026", None, j).unwrap_err();
    assert_eq!(e.befunde[0].feld, "eingeladen_am");
    let akte = s
        .sitzung_einladen(
            sitzung.id,
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            j,
        )
        .unwrap();
    assert_eq!(akte.befunde.len(), 1);
    assert_eq!(api::ladungsfrist_unterschritten(s, j).unwrap(), 0);
}

#[test]
fn members_sort_by_family_name_in_every_script_and_chair_first() {
    let mut b = buero();
    let s = &mut b.store;
    let j = zeit("2026-11-01");
    let g = s.gremium_anlegen(&integrationsrat(), j).unwrap();
    for (vor, nach, rolle) in [
        ("Łukasz", "Żółkiewski", MitgliedRolle::Mitglied),
        ("Ayşe", "Yılmaz", MitgliedRolle::Vorsitz),
        ("Mehmet", "Çelik", MitgliedRolle::Mitglied),
        ("Stefan", "Celik", MitgliedRolle::Mitglied),
        ("Елена", "Смирнова", MitgliedRolle::Mitglied),
        ("Thị Hồng", "Nguyễn", MitgliedRolle::StellvVorsitz),
        ("Jörg", "Özdemir", MitgliedRolle::Mitglied),
    ] {
        let p = s
            .person_anlegen(
                &PersonNeu {
                    vorname: vor.into(),
                    nachname: nach.into(),
                    ..Default::default()
                },
                j,
            )
            .unwrap();
        s.mitgliedschaft_anlegen(&MitgliedschaftNeu {
            person: p.id,
            gremium: g.id,
            rolle,
            stimmrecht: true,
            fuer: String::new(),
            herkunft: Herkunft::Direkt,
            von: String::new(),
            bis: String::new(),
        })
        .unwrap();
    }
    let sitzung = s
        .sitzung_anlegen(g.id, t("2026-12-03T17:00"), "", j)
        .unwrap();
    let namen: Vec<String> = sitzung
        .mitglieder
        .iter()
        .map(|m| m.person.name.clone())
        .collect();
    assert_eq!(
        namen,
        vec![
            "Ayşe Yılmaz",
            "Thị Hồng Nguyễn",
            "Mehmet Çelik",
            "Stefan Celik",
            "Jörg Özdemir",
            "Łukasz Żółkiewski",
            "Елена Смирнова"
        ]
    );
    assert!(s
        .person_anlegen(
            &PersonNeu {
                vorname: "Nur".into(),
                ..Default::default()
            },
            j
        )
        .unwrap_err()
        .to_string()
        .contains("Nachname fehlt"));
}

#[test]
fn cli_builds_a_sitzung_and_the_ics_holds_no_nichtoeffentliche_word() {
    let b = buero();
    let db = b.db_arg();
    drop(b.store);
    let lauf = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("RATSBUERO_DB")
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (c, out, err) = lauf(&[
        "gremium",
        "neu",
        "--name",
        "Integrationsrat",
        "--art",
        "integrationsrat",
        "--json",
    ]);
    assert_eq!(c, Some(0), "{err}");
    let g: serde_json::Value = serde_json::from_str(&out).unwrap();
    let gid = g["id"].to_string();
    let (c, _, err) = lauf(&["gremium", "neu", "--name", "X", "--art", "beirat"]);
    assert_eq!(c, Some(1));
    assert!(err.contains("--art: unbekannter Wert „beirat“"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let geheim = dir.path().join("g.json");
    std::fs::write(
        &geheim,
        r#"{"betreff": "GEHEIM Grundstücksankauf, Nowak", "status": "nichtoeffentlich"}"#,
    )
    .unwrap();
    let offen = dir.path().join("o.json");
    std::fs::write(
        &offen,
        r#"{"betreff": "Interkulturelle Woche; Programm, Ablauf"}"#,
    )
    .unwrap();
    let vid = |datei: &std::path::Path| -> String {
        let (_, out, _) = lauf(&["vorlage", "import", datei.to_str().unwrap()]);
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"].to_string()
    };
    let (g_id, o_id) = (vid(&geheim), vid(&offen));
    let (c, out, err) = lauf(&[
        "sitzung",
        "neu",
        "--gremium",
        &gid,
        "--beginn",
        "2026-12-03T17:00",
        "--ort",
        "Rathaus, Raum 101",
        "--json",
    ]);
    assert_eq!(c, Some(0), "{err}");
    let sid = serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"].to_string();
    let (c, _, err) = lauf(&[
        "sitzung",
        "neu",
        "--gremium",
        &gid,
        "--beginn",
        "3.12.26 17 Uhr",
    ]);
    assert_eq!(c, Some(1));
    assert!(
        err.contains("Beginn: „3.12.26“ ist kein Datum (TT.MM.JJJJ)"),
        "{err}"
    );
    assert_eq!(
        lauf(&["sitzung", "top", &sid, "--vorlage", &o_id]).1.trim(),
        "Ö 1 Interkulturelle Woche; Programm, Ablauf"
    );
    let (c, _, err) = lauf(&["sitzung", "top", &sid, "--vorlage", &g_id]);
    assert_eq!(c, Some(1));
    assert!(err.contains("nichtöffentlich"), "{err}");
    assert_eq!(
        lauf(&[
            "sitzung",
            "top",
            &sid,
            "--vorlage",
            &g_id,
            "--nichtoeffentlich"
        ])
        .1
        .trim(),
        "N 1 GEHEIM Grundstücksankauf, Nowak"
    );
    assert_eq!(
        lauf(&[
            "sitzung",
            "top",
            &sid,
            "--titel",
            "GEHEIM Personalien",
            "--nichtoeffentlich"
        ])
        .1
        .trim(),
        "N 2 GEHEIM Personalien"
    );
    let (_, out, _) = lauf(&["sitzung", "zeigen", &sid, "--json"]);
    let akte: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(akte["tops"].as_array().unwrap().len(), 3);

    let ics = dir.path().join("ir.ics");
    let (c, _, err) = lauf(&["sitzung", "ics", &gid, "--out", ics.to_str().unwrap()]);
    assert_eq!(c, Some(0), "{err}");
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(
        !text.contains("GEHEIM") && !text.contains("Nowak"),
        "{text}"
    );
    assert!(text.split("\r\n").all(|z| z.len() <= 75));
    let ungefaltet = icalendar::parser::unfold(&text);
    let kalender = icalendar::parser::read_calendar(&ungefaltet).unwrap();
    let ereignisse: Vec<_> = kalender
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(ereignisse.len(), 1);
    let wert = |name: &str| {
        ereignisse[0]
            .find_prop(name)
            .map(|p| p.val.clone().unescape_text().as_str().to_string())
            .unwrap_or_default()
    };
    assert_eq!(wert("SUMMARY"), "1. Sitzung Integrationsrat");
    assert_eq!(wert("LOCATION"), "Rathaus, Raum 101");
    assert_eq!(
        wert("DESCRIPTION"),
        "Öffentliche Tagesordnung:\nÖ 1 Interkulturelle Woche; Programm, Ablauf"
    );
    let start = ereignisse[0].find_prop("DTSTART").unwrap();
    assert_eq!(start.val.as_str(), "20261203T170000");
    assert!(start
        .params
        .iter()
        .any(|p| p.key.as_str() == "TZID"
            && p.val.as_ref().map(|v| v.as_str()) == Some("Europe/Berlin")));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn demo_fills_only_an_empty_database_and_its_sitzung_prints() {
    let mut b = buero();
    let d = api::demo(&mut b.store, zeit("2026-11-22")).unwrap();
    assert_eq!((d.vorlagen, d.gremien, d.sitzungen), (5, 3, 2));
    let e = api::demo(&mut b.store, zeit("2026-11-22")).unwrap_err();
    assert_eq!(e.code, "nicht_leer");
    let s = b.store.sitzung(ratsbuero::domain::SitzungId(1)).unwrap();
    assert_eq!(s.mitglieder[0].person.name, "Ayşe Yılmaz");
    assert_eq!(
        s.tops
            .iter()
            .filter(|t| t.teil == Teil::Nichtoeffentlich)
            .count(),
        1
    );
    for v in [
        api::PaketVariante::Oeffentlich,
        api::PaketVariante::Mitglieder,
    ] {
        let pdf = api::sitzung_paket(&b.store, 1, v, zeit("2026-11-22")).unwrap();
        crate::pdf::technisch_einwandfrei(&pdf);
    }
    let ics = api::sitzungen_ics(&b.store, 1, zeit("2026-11-22")).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
}

/// Issue 25/27: an existing Gremium's settings are changed — its Stellvertretung, its
/// Ladungsfrist, "ohne Entschädigung" — with the rules of a new one; a refused change
/// (a name another Gremium has, 61 days) names its field and changes nothing. The CLI
/// changes only what it is told.
#[test]
fn a_gremiums_settings_are_changed_and_a_refused_change_keeps_them() {
    use ratsbuero::domain::sitzung::Vertretung;
    let mut b = buero();
    let j = zeit("2026-12-07");
    let g = api::gremium_anlegen(&mut b.store, &integrationsrat(), j).unwrap();
    let mut ag = integrationsrat();
    ag.name = "AG Integrationsräte".into();
    ag.typ = GremiumTyp::Arbeitsgemeinschaft;
    api::gremium_anlegen(&mut b.store, &ag, j).unwrap();

    let mut neu = g.daten.clone();
    neu.vertretung = Vertretung::Persoenlich;
    neu.ladungsfrist_tage = 10;
    neu.ohne_entschaedigung = true;
    neu.name = "Ausschuss für Chancengerechtigkeit und Integration".into();
    neu.typ = GremiumTyp::AusschussChancengerechtigkeit;
    let geaendert = api::gremium_aendern(&mut b.store, g.id.0, &neu, j).unwrap();
    assert_eq!(geaendert.daten, neu);
    assert_eq!(api::gremium_lesen(&b.store, g.id.0).unwrap().daten, neu);

    for (feld, falsch) in [
        ("name", {
            let mut x = neu.clone();
            x.name = "ag integrationsräte".into();
            x
        }),
        ("ladungsfrist_tage", {
            let mut x = neu.clone();
            x.ladungsfrist_tage = 61;
            x
        }),
    ] {
        let e = api::gremium_aendern(&mut b.store, g.id.0, &falsch, j).unwrap_err();
        assert_eq!(e.code, "ungueltig", "{feld}: {e:?}");
        assert_eq!(e.befunde[0].feld, feld, "{e:?}");
        assert_eq!(api::gremium_lesen(&b.store, g.id.0).unwrap().daten, neu);
    }

    // The CLI: only what is named changes.
    let out = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args([
            "--db",
            &b.db_arg(),
            "gremium",
            "aendern",
            &g.id.0.to_string(),
        ])
        .args([
            "--vertretung",
            "liste",
            "--ohne-entschaedigung",
            "nein",
            "--json",
        ])
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["vertretung"], "liste");
    assert_eq!(v["ohne_entschaedigung"], false);
    assert_eq!(v["ladungsfrist_tage"], 10);
    assert_eq!(
        v["name"],
        "Ausschuss für Chancengerechtigkeit und Integration"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args([
            "--db",
            &b.db_arg(),
            "gremium",
            "aendern",
            &g.id.0.to_string(),
        ])
        .args(["--ohne-entschaedigung", "vielleicht"])
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Ohne Entschädigung: „vielleicht“"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 27 § 4: a planned Sitzung not yet invited says, from the office's reminder days
/// before the last day of its Ladungsfrist, by when the Einladung must go out, and counts
/// in the navigation's badge; after that day it says the Ladungsfrist is missed; once the
/// Einladung is recorded in time, nothing is left to remind. The reminder days are the
/// office's setting.
#[test]
fn the_einladung_still_to_send_is_named_with_its_last_day_before_the_frist_runs_out() {
    let mut b = buero();
    let s = &mut b.store;
    let j = zeit("2026-11-01");
    let g = s.gremium_anlegen(&integrationsrat(), j).unwrap();
    let sitzung = api::sitzung_anlegen(s, g.id.0, "2026-12-21T17:00", "Rathaus", j).unwrap();
    let frist = |s: &ratsbuero::store::Store, tag: &str| {
        api::sitzungen_liste(s, g.id.0, zeit(tag)).unwrap()[0]
            .einladungsfrist
            .clone()
    };
    assert_eq!(frist(s, "2026-12-06"), None);
    assert_eq!(
        api::ladungsfrist_unterschritten(s, zeit("2026-12-06")).unwrap(),
        0
    );
    let f = frist(s, "2026-12-07").unwrap();
    assert_eq!(
        f.text,
        "Einladung bis Montag, 14.12.2026 versenden (Ladungsfrist 7 Tage)."
    );
    assert!(!f.versaeumt);
    assert_eq!(
        api::ladungsfrist_unterschritten(s, zeit("2026-12-07")).unwrap(),
        1
    );
    assert!(frist(s, "2026-12-15").unwrap().versaeumt);
    // The office wants to be reminded three weeks ahead.
    let mut buero = api::buero_lesen(s).unwrap();
    buero.einladung_vorlauf_tage = 21;
    api::buero_speichern(s, &buero).unwrap();
    assert!(frist(s, "2026-11-23").is_some());
    buero.einladung_vorlauf_tage = 61;
    let e = api::buero_speichern(s, &buero).unwrap_err();
    assert_eq!(e.befunde[0].feld, "einladung_vorlauf_tage");
    // Invited in time: nothing to remind.
    api::sitzung_einladen(s, sitzung.id.0, "10.12.2026", None, j).unwrap();
    assert_eq!(frist(s, "2026-12-12"), None);
    assert_eq!(
        api::ladungsfrist_unterschritten(s, zeit("2026-12-12")).unwrap(),
        0
    );
}
