//! Apportionment and the one-person ballot: every case of the Munich reference data
//! (../shared/testdata/sitzverteilung-muenchen, written by others) — distribution, order
//! and tie exactly —, through the core and through the CLI contract; property tests
//! (seats sum up, Hare/Niemeyer stays within floor and ceiling of the quota, divisor
//! methods are house-monotone); bad input gives a German message and exit ≠ 0.

use proptest::prelude::*;
use ratsbuero::domain::wahl::{verteilen, Gruppe, Verfahren};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn muenchen() -> Vec<(Verfahren, PathBuf, Value)> {
    let wurzel = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/testdata/sitzverteilung-muenchen");
    let mut faelle = Vec::new();
    for (ordner, v) in [
        ("hareNiemeyer", Verfahren::HareNiemeyer),
        ("dHondt", Verfahren::DHondt),
        ("sainteLague", Verfahren::SainteLague),
    ] {
        let mut dateien: Vec<PathBuf> = std::fs::read_dir(wurzel.join(ordner))
            .unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (../shared muss neben dem Repository liegen)",
                    wurzel.display()
                )
            })
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        dateien.sort();
        for d in dateien {
            let fall: Value = serde_json::from_str(&std::fs::read_to_string(&d).unwrap()).unwrap();
            faelle.push((v, d, fall));
        }
    }
    faelle
}

fn gruppen(fall: &Value) -> Vec<Gruppe> {
    fall["given"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| Gruppe {
            name: g["name"].as_str().unwrap().into(),
            stimmen: g["seatsOrVotes"].as_u64().unwrap(),
        })
        .collect()
}

/// Compares our JSON (the CLI's format) with the expected part of a Munich case.
fn vergleichen(name: &str, unser: &Value, erwartet: &Value) {
    assert_eq!(
        unser["verteilung"], erwartet["distribution"],
        "{name}: Verteilung"
    );
    let reihe: Vec<(String, f64)> = unser["reihenfolge"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| {
            (
                z["gruppe"].as_str().unwrap().into(),
                z["wert"].as_f64().unwrap(),
            )
        })
        .collect();
    let soll: Vec<(String, f64)> = erwartet["order"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| {
            (
                z["groupName"].as_str().unwrap().into(),
                z["value"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(reihe.len(), soll.len(), "{name}: Länge der Reihenfolge");
    for (k, (a, b)) in reihe.iter().zip(&soll).enumerate() {
        assert!(
            a.0 == b.0 && (a.1 - b.1).abs() < 1e-9,
            "{name}: Platz {} ist {a:?}, erwartet {b:?}",
            k + 1
        );
    }
    match erwartet.get("stale") {
        None | Some(Value::Null) => assert!(
            unser["los"].is_null(),
            "{name}: unerwarteter Losentscheid {}",
            unser["los"]
        ),
        Some(s) => {
            let los = &unser["los"];
            assert_eq!(los["gruppen"], s["groupNames"], "{name}: Gruppen im Los");
            assert_eq!(los["sitze"], s["amountSeats"], "{name}: Sitze im Los");
            assert!(
                (los["wert"].as_f64().unwrap() - s["ratio"].as_f64().unwrap()).abs() < 1e-9,
                "{name}: Wert {} statt {}",
                los["wert"],
                s["ratio"]
            );
        }
    }
}

#[test]
fn every_munich_case_through_the_core() {
    let faelle = muenchen();
    assert_eq!(faelle.len(), 21, "alle Fälle gefunden");
    for (v, datei, fall) in &faelle {
        let sitze = fall["given"]["committeeSize"].as_u64().unwrap() as u32;
        let ergebnis = verteilen(*v, sitze, &gruppen(fall)).unwrap();
        let unser = ratsbuero::api::verteilung_json(&ergebnis);
        vergleichen(&datei.display().to_string(), &unser, &fall["expected"]);
    }
}

#[test]
fn every_munich_case_through_the_cli() {
    for (v, datei, fall) in muenchen() {
        let mut args = vec![
            "sitzverteilung".to_string(),
            "--verfahren".into(),
            v.key().into(),
            "--sitze".into(),
            fall["given"]["committeeSize"].to_string(),
            "--json".into(),
        ];
        args.extend(
            gruppen(&fall)
                .iter()
                .map(|g| format!("{}={}", g.name, g.stimmen)),
        );
        let out = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let unser: Value = serde_json::from_slice(&out.stdout).unwrap();
        vergleichen(&datei.display().to_string(), &unser, &fall["expected"]);
    }
}

#[test]
fn cli_refuses_bad_input_in_german() {
    let lauf = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
            .args(args)
            .output()
            .unwrap();
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    for (args, meldung) in [
        (
            vec![
                "sitzverteilung",
                "--verfahren",
                "dhondt",
                "--sitze",
                "3",
                "A=1",
                "A=2",
            ],
            "„A“ ist doppelt angegeben.",
        ),
        (
            vec![
                "sitzverteilung",
                "--verfahren",
                "dhondt",
                "--sitze",
                "3",
                "A=-1",
            ],
            "A: -1 ist negativ",
        ),
        (
            vec![
                "sitzverteilung",
                "--verfahren",
                "dhondt",
                "--sitze",
                "0",
                "A=1",
            ],
            "Sitze: Es muss mindestens ein Sitz zu vergeben sein.",
        ),
        (
            vec![
                "sitzverteilung",
                "--verfahren",
                "dhondt",
                "--sitze",
                "-2",
                "A=1",
            ],
            "--sitze: -2 ist negativ",
        ),
        (
            vec!["sitzverteilung", "--verfahren", "dhondt", "--sitze", "3"],
            "Es ist kein Wahlvorschlag angegeben.",
        ),
        (
            vec![
                "sitzverteilung",
                "--verfahren",
                "hare",
                "--sitze",
                "3",
                "A=1",
            ],
            "--verfahren: unbekannter Wert „hare“",
        ),
        (
            vec!["einzelwahl", "--json", "A=1", "--nein", "-1"],
            "--nein: -1 ist negativ",
        ),
        (
            vec!["einzelwahl", "--json", "A=1", "A=3"],
            "„A“ ist doppelt angegeben.",
        ),
        (vec!["einzelwahl", "--json", "A"], "erwartet NAME=ZAHL"),
    ] {
        let (ok, err) = lauf(&args);
        assert!(!ok, "{args:?} wurde angenommen");
        assert!(err.contains(meldung), "{args:?}: {err}");
    }
    let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args([
            "einzelwahl",
            "--json",
            "Ayşe Yılmaz=7",
            "Łukasz Żółkiewski=4",
            "--nein",
            "1",
            "--enthaltungen",
            "3",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ergebnis"], "gewaehlt");
    assert_eq!(v["gewaehlt"], "Ayşe Yılmaz");
    assert_eq!(v["stichwahl"], Value::Null);
    assert_eq!(v["los"], Value::Null);
}

fn listen() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(0u64..5_000, 1..12)
        .prop_filter("mindestens eine Stimme", |v| v.iter().any(|&s| s > 0))
}

fn als_gruppen(stimmen: &[u64]) -> Vec<Gruppe> {
    stimmen
        .iter()
        .enumerate()
        .map(|(i, &s)| Gruppe {
            name: format!("L{i}"),
            stimmen: s,
        })
        .collect()
}

fn sitze_je(v: &ratsbuero::domain::wahl::Sitzverteilung) -> Vec<u32> {
    v.verteilung.iter().map(|(_, s)| *s).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn seats_always_sum_to_the_total(stimmen in listen(), sitze in 1u32..60, verfahren in 0usize..3) {
        let v = [Verfahren::HareNiemeyer, Verfahren::DHondt, Verfahren::SainteLague][verfahren];
        let e = verteilen(v, sitze, &als_gruppen(&stimmen)).unwrap();
        let sicher: u32 = sitze_je(&e).iter().sum();
        let los = e.los.as_ref().map_or(0, |p| p.sitze);
        prop_assert_eq!(sicher + los, sitze);
        if let Some(p) = &e.los {
            // The lot always has more lists than seats to give, else it would not be a tie.
            prop_assert!(p.gruppen.len() as u32 > p.sitze);
        }
    }

    #[test]
    fn hare_niemeyer_gives_floor_or_ceiling_of_the_quota(stimmen in listen(), sitze in 1u32..60) {
        let e = verteilen(Verfahren::HareNiemeyer, sitze, &als_gruppen(&stimmen)).unwrap();
        let alle: u64 = stimmen.iter().sum();
        let im_los: Vec<&str> = e.los.as_ref().map(|p| p.gruppen.iter().map(String::as_str).collect()).unwrap_or_default();
        for (i, s) in sitze_je(&e).into_iter().enumerate() {
            let produkt = stimmen[i] * u64::from(sitze);
            let unten = (produkt / alle) as u32;
            let oben = produkt.div_ceil(alle) as u32;
            prop_assert!(s >= unten && s <= oben, "Liste {} mit Quote {}/{}: {} Sitze", i, produkt, alle, s);
            // A list in the lot can win at most the ceiling.
            if im_los.contains(&format!("L{i}").as_str()) { prop_assert!(s < oben || unten == oben); }
        }
    }

    #[test]
    fn divisor_methods_never_take_a_seat_when_the_house_grows(stimmen in listen(), sitze in 1u32..60, dhondt in any::<bool>()) {
        let v = if dhondt { Verfahren::DHondt } else { Verfahren::SainteLague };
        let g = als_gruppen(&stimmen);
        let klein = verteilen(v, sitze, &g).unwrap();
        let gross = verteilen(v, sitze + 1, &g).unwrap();
        for (a, b) in sitze_je(&klein).into_iter().zip(sitze_je(&gross)) {
            prop_assert!(b >= a, "{:?}: {} Sitze bei {} und {} bei {}", v, a, sitze, b, sitze + 1);
        }
    }
}
