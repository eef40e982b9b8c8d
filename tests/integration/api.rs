//! The functions behind the app's commands, called with malformed input: a German
//! `{code, message}` and the data unchanged.

use crate::gemeinsam::{buero, vorlage, zeit};
use ratsbuero::api::{self, AnlageUpload};
use ratsbuero::domain::{Buero, Status, VorlageArt};
use ratsbuero::store::VorlagenFilter;

#[test]
fn bad_base64_and_unknown_ids_give_german_errors_and_change_nothing() {
    let mut b = buero();
    let g = api::vorlage_neu(&mut b.store, VorlageArt::Anfrage, zeit("2026-01-01")).unwrap();
    let upload = AnlageUpload {
        name: "a.pdf".into(),
        status: Status::Oeffentlich,
        alternativenpruefung: false,
        daten_base64: "%%%".into(),
    };
    let e = api::anlage_hinzufuegen(&mut b.store, g.id.0, g.version, upload, zeit("2026-01-01"))
        .unwrap_err();
    assert_eq!(e.code, "ungueltig");
    assert!(e.message.contains("„a.pdf“"), "{}", e.message);
    let e = api::vorlage_lesen(&b.store, 999).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("nicht_gefunden", "Vorlage 999 gibt es nicht.")
    );
    let e =
        api::anlage_entfernen(&mut b.store, g.id.0, g.version, 42, zeit("2026-01-01")).unwrap_err();
    assert_eq!(e.code, "nicht_gefunden");
    let e = api::vorlage_freigeben(&mut b.store, g.id.0, g.version + 5, zeit("2026-01-01"))
        .unwrap_err();
    assert_eq!(e.code, "konflikt");
    assert_eq!(
        api::vorlage_lesen(&b.store, g.id.0).unwrap().version,
        g.version
    );
}

#[test]
fn data_url_uploads_are_accepted() {
    let mut b = buero();
    let g = api::vorlage_neu(
        &mut b.store,
        VorlageArt::Beschlussvorlage,
        zeit("2026-01-01"),
    )
    .unwrap();
    let upload = AnlageUpload {
        name: "Konzept.pdf".into(),
        status: Status::Oeffentlich,
        alternativenpruefung: false,
        daten_base64: "data:application/pdf;base64,JVBERi0xLjcK".into(),
    };
    let r = api::anlage_hinzufuegen(&mut b.store, g.id.0, g.version, upload, zeit("2026-01-01"))
        .unwrap();
    assert_eq!(r.anlage.groesse, 9);
    assert_eq!(r.gespeichert.version, g.version + 1);
}

#[test]
fn invalid_settings_name_the_field_and_keep_the_old_ones() {
    let mut b = buero();
    let falsch = Buero {
        kommune: " ".into(),
        nummernschema: "{jahr}/".into(),
        zeitzone: "Europe/Berln".into(),
        ..Buero::default()
    };
    let e = api::buero_speichern(&mut b.store, &falsch).unwrap_err();
    let felder: Vec<_> = e.befunde.iter().map(|x| x.feld.as_str()).collect();
    assert_eq!(felder, ["kommune", "nummernschema", "zeitzone"]);
    assert!(e.message.contains("Kommune fehlt."));
    assert!(e
        .message
        .contains("„Europe/Berln“ ist keine bekannte Zeitzone"));
    let jetzt = api::buero_lesen(&b.store).unwrap();
    assert_eq!(jetzt.kommune, "Stadt Herne");
    assert_eq!(jetzt.zeitzone, "Europe/Berlin");
}

#[test]
fn live_check_reports_without_saving() {
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(&vorlage("Prüfen"), zeit("2026-01-01"))
        .unwrap();
    let mut i = vorlage("Prüfen");
    i.finanzen.art = ratsbuero::domain::FinanzArt::Folgende;
    i.finanzen.aufwand_einmalig = "1.000,00".into();
    i.finanzen.transferaufwand = "1.500,00".into();
    let p = api::vorlage_pruefen(&b.store, Some(g.id.0), &i).unwrap();
    assert_eq!(p.summen.aufwand_gesamt, "1.000,00 €");
    assert_eq!(p.summen.aufwand_darin, "1.500,00 €");
    assert!(p.befunde.iter().any(|x| x.feld == "finanzen.aufwand_darin"));
    assert_eq!(
        api::vorlage_lesen(&b.store, g.id.0).unwrap().version,
        g.version
    );
    assert_eq!(
        api::vorlage_liste(&b.store, &VorlagenFilter::default())
            .unwrap()
            .len(),
        1
    );
}

/// Everything a command could change, as one comparable snapshot.
fn stand(store: &ratsbuero::store::Store) -> String {
    let mut teile = vec![serde_json::to_string(&api::buero_lesen(store).unwrap()).unwrap()];
    for z in api::vorlage_liste(store, &VorlagenFilter::default()).unwrap() {
        let mut a = serde_json::to_value(api::vorlage_lesen(store, z.id.0).unwrap()).unwrap();
        a.as_object_mut().unwrap().remove("befunde");
        teile.push(a.to_string());
    }
    teile.join("\n")
}

/// Each command of the app, through its core function, with malformed arguments as the
/// webview could send them: a German `{code, message}` naming what is wrong, and not one
/// byte of the data changed.
#[test]
fn every_command_refuses_malformed_input_in_german_and_changes_nothing() {
    use serde_json::json;
    let mut b = buero();
    let j = zeit("2026-01-01");
    let g = b.store.vorlage_anlegen(&vorlage("Bestand"), j).unwrap();
    let (g, a) = b
        .store
        .anlage_hinzufuegen(
            g.id,
            g.version,
            ratsbuero::domain::AnlageNeu {
                name: "a.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: b"%PDF".to_vec(),
            },
            j,
        )
        .unwrap();
    let id = g.id.0;
    let v = g.version;
    let vorher = stand(&b.store);
    let s = &mut b.store;
    let dir = tempfile::tempdir().unwrap();

    let mut faelle: Vec<(&str, api::ApiFehler, &str)> = Vec::new();
    // Structured arguments as JSON (what the commands receive).
    let arg = |name: &str,
               wert: serde_json::Value,
               muster: &'static str|
     -> (String, api::ApiFehler, &'static str) {
        let e = match name {
            "buero" => api::argument::<Buero>(name, wert).map(|_| ()).unwrap_err(),
            "filter" => api::argument::<VorlagenFilter>(name, wert)
                .map(|_| ())
                .unwrap_err(),
            "art" => api::argument::<VorlageArt>(name, wert)
                .map(|_| ())
                .unwrap_err(),
            "status" => api::argument::<Status>(name, wert).map(|_| ()).unwrap_err(),
            "upload" => api::argument::<AnlageUpload>(name, wert)
                .map(|_| ())
                .unwrap_err(),
            _ => api::argument::<ratsbuero::domain::VorlageInhalt>(name, wert)
                .map(|_| ())
                .unwrap_err(),
        };
        (name.to_string(), e, muster)
    };
    let args = vec![
        arg(
            "buero",
            json!({"kommune": 5}),
            "Einstellungen, Kommune: falscher Typ (Zahl statt Text).",
        ),
        arg(
            "buero",
            json!("Herne"),
            "Einstellungen: „Herne“ ist kein Objekt.",
        ),
        arg(
            "filter",
            json!({"art": "gutachten"}),
            "Suche und Filter, Art: ",
        ),
        arg(
            "filter",
            json!({"grenze": -1}),
            "Suche und Filter, Anzahl: -1 ist keine ganze Zahl ab 0.",
        ),
        arg("art", json!("gutachten"), "Art: "),
        arg("status", json!(true), "Status: falscher Typ"),
        arg(
            "upload",
            json!({"name": "a.pdf", "status": "oeffentlich"}),
            "Anlage, Dateiinhalt: fehlt.",
        ),
        arg(
            "inhalt",
            json!({"betreff": "x", "beratungsfolge": [{"gremium": "Rat", "rolle": "abstimmung"}]}),
            "Vorlage, Beratungsfolge, Schritt 1, Rolle: ",
        ),
        arg(
            "inhalt",
            json!({"betreff": ["x"]}),
            "Vorlage, Betreff: falscher Typ (Liste statt Text).",
        ),
        arg(
            "inhalt",
            json!({"betreff": "x", "geheim": 1}),
            "Vorlage: Unbekanntes Feld „geheim“",
        ),
    ];
    for (name, e, muster) in &args {
        assert_eq!(e.code, "argument", "{name}");
        assert!(
            !e.message.contains('_') && !e.message.contains("„inhalt“"),
            "{name}: internal key in {}",
            e.message
        );
        assert!(
            e.message.contains(muster),
            "{name}: {} (erwartet: {muster})",
            e.message
        );
    }

    // The core functions with wrong values.
    let mut ungueltig = vorlage("Bestand");
    ungueltig.beratungsfolge[0].datum = "2026-02-31".into();
    faelle.push((
        "buero_speichern",
        api::buero_speichern(
            s,
            &Buero {
                kommune: String::new(),
                ..Buero::default()
            },
        )
        .unwrap_err(),
        "Kommune fehlt",
    ));
    faelle.push((
        "buero_speichern",
        api::buero_speichern(
            s,
            &Buero {
                kommune: "Herne".into(),
                nummernschema: "{jahr}/{zahl}".into(),
                ..Buero::default()
            },
        )
        .unwrap_err(),
        "Nummernschema",
    ));
    faelle.push((
        "vorlage_lesen",
        api::vorlage_lesen(s, -1).unwrap_err(),
        "Vorlage -1 gibt es nicht",
    ));
    faelle.push((
        "vorlage_pruefen",
        api::vorlage_pruefen(s, Some(999), &vorlage("x")).unwrap_err(),
        "Vorlage 999 gibt es nicht",
    ));
    // The editor saves a wrong value as typed (a finding); an import refuses it whole.
    faelle.push((
        "vorlage_importieren",
        api::vorlage_importieren(s, &serde_json::to_string(&ungueltig).unwrap(), j).unwrap_err(),
        "31.02.2026",
    ));
    faelle.push((
        "vorlage_speichern",
        api::vorlage_speichern(s, id, v - 1, &vorlage("Neu"), j).unwrap_err(),
        "inzwischen an anderer Stelle geändert",
    ));
    faelle.push((
        "vorlage_speichern",
        api::vorlage_speichern(s, 999, 1, &vorlage("Neu"), j).unwrap_err(),
        "gibt es nicht",
    ));
    faelle.push((
        "vorlage_freigeben",
        api::vorlage_freigeben(s, id, v + 1, j).unwrap_err(),
        "Version",
    ));
    faelle.push((
        "vorlage_neue_fassung",
        api::vorlage_neue_fassung(s, id, j).unwrap_err(),
        "noch ein Entwurf",
    ));
    faelle.push((
        "anlage_hinzufuegen",
        api::anlage_hinzufuegen(
            s,
            id,
            v,
            AnlageUpload {
                name: "   ".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten_base64: "JVBERg==".into(),
            },
            j,
        )
        .unwrap_err(),
        "Anlage",
    ));
    faelle.push((
        "anlage_hinzufuegen",
        api::anlage_hinzufuegen(
            s,
            id,
            v,
            AnlageUpload {
                name: "b.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten_base64: "JVBERg==".into(),
            },
            j,
        )
        .unwrap_err(),
        "a.pdf",
    ));
    faelle.push((
        "anlage_aendern",
        api::anlage_aendern(s, id, v, 4242, Status::Nichtoeffentlich, true, j).unwrap_err(),
        "gibt es nicht",
    ));
    faelle.push((
        "anlage_aendern",
        api::anlage_aendern(s, id, v + 3, a.id.0, Status::Nichtoeffentlich, true, j).unwrap_err(),
        "inzwischen",
    ));
    faelle.push((
        "anlage_entfernen",
        api::anlage_entfernen(s, 999, 1, a.id.0, j).unwrap_err(),
        "gibt es nicht",
    ));
    faelle.push((
        "vorlage_pdf",
        api::vorlage_pdf(s, 999, j).map(|_| ()).unwrap_err(),
        "Vorlage 999 gibt es nicht",
    ));
    faelle.push((
        "vorlage_pdf_signieren",
        api::vorlage_pdf_signiert(s, id, b"\x30\x03\x02\x01\x00", "x", j)
            .map(|_| ())
            .unwrap_err(),
        "Zertifikat",
    ));
    faelle.push((
        "zertifikat_setzen",
        api::zertifikat_datei_lesen(&dir.path().join("fehlt.p12")).unwrap_err(),
        "Signaturzertifikat",
    ));
    std::fs::write(dir.path().join("text.p12"), "kein Zertifikat").unwrap();
    faelle.push((
        "zertifikat_setzen",
        api::zertifikat_datei_lesen(&dir.path().join("text.p12")).unwrap_err(),
        "keine PKCS#12-Datei",
    ));
    std::fs::write(dir.path().join("datei"), "x").unwrap();
    faelle.push((
        "sicherung_jetzt",
        api::sicherung_erstellen(s, &dir.path().join("datei"), Default::default(), j).unwrap_err(),
        "Sicherungsordner",
    ));
    faelle.push((
        "sicherung_wiederherstellen",
        api::sicherung_aus_ordner(dir.path(), &dir.path().join("text.p12")).unwrap_err(),
        "keine Sicherung im Sicherungsordner",
    ));
    faelle.push((
        "oparl_export",
        api::oparl_export(s, &dir.path().join("o"), "ftp://x", j)
            .map(|_| ())
            .unwrap_err(),
        "--basis-url",
    ));

    for (befehl, e, muster) in &faelle {
        assert!(!e.code.is_empty(), "{befehl}");
        assert!(
            e.message.contains(muster),
            "{befehl}: „{}“ enthält nicht „{muster}“",
            e.message
        );
        // German: no English serde or SQLite wording leaks through.
        for englisch in [
            "invalid type",
            "expected",
            "unknown variant",
            "no such",
            "error",
        ] {
            assert!(!e.message.contains(englisch), "{befehl}: {}", e.message);
        }
    }
    assert_eq!(
        stand(&b.store),
        vorher,
        "eine abgewiesene Eingabe hat Daten verändert"
    );
}

/// The office's time zone is kept as its IANA name, on either backend (the store itself;
/// the process's clock is the binaries', see `cli::the_offices_time_zone_setting_…`).
#[test]
fn the_offices_time_zone_is_kept_by_its_name() {
    let mut b = buero();
    let alt = b.store.buero().unwrap();
    assert_eq!(alt.zeitzone, "Europe/Berlin");
    let neu = b
        .store
        .buero_speichern(&Buero {
            zeitzone: " Asia/Tokyo ".into(),
            ..alt.clone()
        })
        .unwrap();
    assert_eq!(neu.zeitzone, "Asia/Tokyo");
    assert_eq!(b.store.buero().unwrap(), neu);
    assert_eq!(neu.zone().name(), "Asia/Tokyo");
}
