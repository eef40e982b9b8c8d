//! A Wahl from candidates to the filled Beschlussvorschlag, in the demo office: the
//! Entsendung into the AG Integrationsräte as a Listenwahl with a tie and its lot, the
//! election of a chair with a run-off, the checks of a count, eligibility, the Stimmzettel
//! with 1, 2, 20 and 40 candidates read back with pdftotext, and the Wahlniederschrift.

use crate::gemeinsam::{buero, person, zeit, Testbuero};
use crate::pdf::{in_reihenfolge, technisch_einwandfrei, text};
use ratsbuero::api;
use ratsbuero::domain::wahl::{los_ziehen, Schritt, Verfahren, WahlArt, Wahlgang, Zaehlung};
use ratsbuero::domain::{GremiumId, SitzungId};
use ratsbuero::domain::{PersonNeu, WahlNeu};

fn demo() -> Testbuero {
    let mut b = buero();
    api::demo(&mut b.store, zeit("2026-11-22")).unwrap();
    b
}

fn wahl(art: WahlArt, sitze: u32, titel: &str) -> WahlNeu {
    WahlNeu {
        sitzung: SitzungId(1),
        top: None,
        titel: titel.into(),
        ziel_gremium: None,
        sitze,
        stellvertreter: false,
        geheim: true,
        art,
        verfahren: Verfahren::HareNiemeyer,
        einheitlich_mehrheit: false,
        nur_mitglieder: true,
    }
}

fn zaehlung(gang: Wahlgang, abgegeben: u64, stimmen: &[(&str, u64)]) -> Zaehlung {
    Zaehlung {
        gang,
        abgegeben,
        ungueltig: 0,
        enthaltungen: 0,
        nein: 0,
        stimmen: stimmen.iter().map(|(n, s)| (n.to_string(), *s)).collect(),
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn entsendung_by_list_with_a_tie_lot_and_the_filled_resolution() {
    let mut b = demo();
    let j = zeit("2026-12-07");
    let mut neu = wahl(WahlArt::Liste, 3, "Entsendung in die AG Integrationsräte");
    neu.ziel_gremium = Some(GremiumId(3));
    let w = api::wahl_anlegen(&mut b.store, &neu, j).unwrap();
    assert_eq!(
        w.ziel.as_deref(),
        Some("AG Integrationsräte Kreis Recklinghausen")
    );

    // Only members of the Integrationsrat may be sent.
    let fremd = b
        .store
        .person_anlegen(
            &PersonNeu {
                vorname: "Jan".into(),
                nachname: "Außenstehend".into(),
                ..Default::default()
            },
            j,
        )
        .unwrap();
    let e = api::wahlvorschlag_anlegen(&mut b.store, w.id, "Liste X", "", &[fremd.id.0], None, j)
        .unwrap_err();
    assert_eq!(e.message, "Jan Außenstehend ist kein Mitglied des Gremiums „Integrationsrat“ und kann bei dieser Wahl nicht kandidieren.");
    assert!(
        api::wahl_lesen(&b.store, w.id)
            .unwrap()
            .vorschlaege
            .is_empty(),
        "nichts angelegt"
    );

    let vielfalt = [
        person(&b, "Yılmaz"),
        person(&b, "Nguyễn"),
        person(&b, "Смирнова"),
    ];
    let international = [
        person(&b, "Żółkiewski"),
        person(&b, "Țurcanu"),
        person(&b, "Παπαδόπουλος"),
    ];
    api::wahlvorschlag_anlegen(&mut b.store, w.id, "Liste Vielfalt", "", &vielfalt, None, j)
        .unwrap();
    let e = api::wahlvorschlag_anlegen(&mut b.store, w.id, "Doppelt", "", &[vielfalt[0]], None, j)
        .unwrap_err();
    assert!(
        e.message.ends_with("kandidiert in dieser Wahl schon."),
        "{}",
        e.message
    );
    let w = api::wahlvorschlag_anlegen(
        &mut b.store,
        w.id,
        "Internationale Liste",
        "Łukasz Żółkiewski",
        &international,
        None,
        j,
    )
    .unwrap();

    // Counts are checked; a refused count changes nothing.
    let e = api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &zaehlung(
            Wahlgang::Erster,
            7,
            &[("Liste Vielfalt", 4), ("Internationale Liste", 4)],
        ),
        Some(w.version),
        j,
    )
    .unwrap_err();
    assert!(
        e.message
            .contains("(8) sind mehr als die abgegebenen Stimmzettel (7)"),
        "{}",
        e.message
    );
    let e = api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &zaehlung(
            Wahlgang::Erster,
            8,
            &[("Liste Vielfalt", 4), ("Liste Y", 4)],
        ),
        Some(w.version),
        j,
    )
    .unwrap_err();
    assert!(
        e.message
            .contains("„Liste Y“ steht in diesem Wahlgang nicht zur Wahl."),
        "{}",
        e.message
    );
    assert!(api::wahl_lesen(&b.store, w.id).unwrap().gaenge.is_empty());
    // Ballots no more than the members present with a vote, once attendance is recorded.
    for p in [vielfalt[0], international[0]] {
        api::anwesenheit_setzen(
            &mut b.store,
            1,
            p,
            Some(ratsbuero::domain::sitzung::Anwesenheit::Anwesend),
            "",
            None,
            None,
            j,
        )
        .unwrap();
    }
    let w = api::wahl_lesen(&b.store, w.id).unwrap();
    assert_eq!(w.anwesend_stimmberechtigt, Some(2));
    let e = api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &zaehlung(
            Wahlgang::Erster,
            8,
            &[("Liste Vielfalt", 4), ("Internationale Liste", 4)],
        ),
        Some(w.version),
        j,
    )
    .unwrap_err();
    assert!(
        e.message
            .contains("mehr als anwesende stimmberechtigte Mitglieder (2)"),
        "{}",
        e.message
    );
    for m in b.store.sitzung(SitzungId(1)).unwrap().mitglieder {
        api::anwesenheit_setzen(
            &mut b.store,
            1,
            m.person.id.0,
            Some(ratsbuero::domain::sitzung::Anwesenheit::Anwesend),
            "",
            None,
            None,
            j,
        )
        .unwrap();
    }
    let w = api::wahl_lesen(&b.store, w.id).unwrap();
    // A stale version is refused.
    let e = api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &zaehlung(
            Wahlgang::Erster,
            8,
            &[("Liste Vielfalt", 4), ("Internationale Liste", 4)],
        ),
        Some(w.version - 1),
        j,
    )
    .unwrap_err();
    assert_eq!(e.code, "konflikt");
    // 4 : 4 for 3 seats: one each, the third by lot.
    let w = api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &zaehlung(
            Wahlgang::Erster,
            8,
            &[("Liste Vielfalt", 4), ("Internationale Liste", 4)],
        ),
        Some(w.version),
        j,
    )
    .unwrap();
    let zwischen = vec![
        "Liste Vielfalt".to_string(),
        "Internationale Liste".to_string(),
    ];
    assert_eq!(
        w.stand.schritt,
        Schritt::Los {
            nach_gang: 1,
            zwischen: zwischen.clone(),
            plaetze: 1
        }
    );
    let e = api::wahl_stimmzettel(&b.store, w.id, 1, 1, j).unwrap_err();
    assert!(
        e.message.contains("Zuerst muss das Los entscheiden"),
        "{}",
        e.message
    );
    let e = api::wahl_beschlusstext(&w).unwrap_err();
    assert_eq!(e.code, "wahl_offen");
    let e = api::los_erfassen(
        &mut b.store,
        w.id,
        "Ayşe Yılmaz",
        Some(vec!["Liste Z".into()]),
        None,
        None,
        j,
    )
    .unwrap_err();
    assert!(
        e.message.contains("„Liste Z“ war nicht im Los"),
        "{}",
        e.message
    );
    // The app draws with a recorded seed: the same seed gives the same draw.
    let w = api::los_erfassen(
        &mut b.store,
        w.id,
        "Ayşe Yılmaz",
        None,
        Some(20261207),
        None,
        j,
    )
    .unwrap();
    let gezogen = los_ziehen(&zwischen, 1, 20261207);
    assert_eq!(w.lose[0].los.ergebnis, gezogen);
    assert_eq!(w.lose[0].seed, Some(20261207));
    assert_eq!(w.stand.schritt, Schritt::Fertig);
    let erwartet = if gezogen[0] == "Liste Vielfalt" {
        ["Ayşe Yılmaz", "Łukasz Żółkiewski", "Thị Hồng Nguyễn"]
    } else {
        ["Ayşe Yılmaz", "Łukasz Żółkiewski", "Ștefan Țurcanu"]
    };
    assert_eq!(w.stand.gewaehlt, erwartet);

    // The resolution text goes into the Entsendung Vorlage (a draft).
    let vorlage = b
        .store
        .vorlagen(&Default::default())
        .unwrap()
        .into_iter()
        .find(|v| v.betreff.starts_with("Entsendung"))
        .unwrap();
    api::wahl_in_vorlage(&mut b.store, w.id, vorlage.id.0, j).unwrap();
    let text_vorlage = b
        .store
        .vorlage(vorlage.id)
        .unwrap()
        .inhalt
        .beschlussvorschlag;
    assert_eq!(text_vorlage, format!("Der Integrationsrat entsendet folgende Mitglieder in die AG Integrationsräte Kreis Recklinghausen:\n1. {}\n2. {}\n3. {}", erwartet[0], erwartet[1], erwartet[2]));
    let pdf = api::vorlage_pdf(&b.store, vorlage.id.0, j).unwrap();
    in_reihenfolge(
        &text(&pdf),
        &[
            "Beschlussvorschlag",
            "entsendet folgende Mitglieder",
            &format!("1. {}", erwartet[0]),
            &format!("3. {}", erwartet[2]),
        ],
    );

    // Issue 27 § 6: a released Vorlage keeps its frozen Beschlussvorschlag; the result
    // becomes its Beschlussvermerk, at its TOP in the Wahl's Sitzung.
    let gespeichert = b
        .store
        .vorlage_anlegen(
            &crate::gemeinsam::vorlage("Entsendung in die AG (freigegeben)"),
            j,
        )
        .unwrap();
    let freigegeben = b
        .store
        .vorlage_freigeben(gespeichert.id, gespeichert.version, j)
        .unwrap();
    let vorschlag = b
        .store
        .vorlage(freigegeben.id)
        .unwrap()
        .inhalt
        .beschlussvorschlag;
    let e = api::wahl_in_vorlage(&mut b.store, w.id, freigegeben.id.0, j).unwrap_err();
    assert_eq!(
        e.befunde[0].feld, "vorlage",
        "not on the Tagesordnung: {e:?}"
    );
    assert!(
        e.message.contains("steht nicht auf der Tagesordnung"),
        "{}",
        e.message
    );
    let top = crate::gemeinsam::auf_die_tagesordnung(&mut b, 1, freigegeben.id, j);
    let u = api::wahl_in_vorlage(&mut b.store, w.id, freigegeben.id.0, j).unwrap();
    assert_eq!(
        (u.wohin, u.top.as_deref()),
        ("beschlussvermerk", Some(top.nummer.as_str()))
    );
    assert_eq!(
        b.store
            .vorlage(freigegeben.id)
            .unwrap()
            .inhalt
            .beschlussvorschlag,
        vorschlag,
        "frozen"
    );
    let nach = b.store.sitzung(SitzungId(1)).unwrap();
    let t = nach.tops.iter().find(|t| t.id == top.id).unwrap();
    assert_eq!(
        t.ergebnis,
        Some(ratsbuero::domain::sitzung::TopErgebnis::Beschlossen)
    );
    assert_eq!(t.ergebnis_text, text_vorlage);

    let pdf = api::wahl_niederschrift(&b.store, w.id, j).unwrap();
    technisch_einwandfrei(&pdf);
    in_reihenfolge(
        &text(&pdf),
        &[
            "Wahlniederschrift: Entsendung in die AG Integrationsräte",
            "Hare/Niemeyer",
            "Liste Vielfalt: 1. Ayşe Yılmaz, 2. Thị Hồng Nguyễn, 3. Елена Смирнова",
            "1. Wahlgang",
            "Abgegeben:",
            "8",
            "Liste Vielfalt",
            "1,5000",
            "Gleichstand beim letzten Sitz",
            "Losentscheid",
            "von der Anwendung gezogen (Startwert 20261207, wiederholbar)",
            "Gewählt sind:",
            erwartet[0],
            erwartet[2],
            "Vorsitz",
            "Schriftführung",
        ],
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn chair_election_with_run_off_and_its_ballots() {
    let mut b = demo();
    let j = zeit("2026-12-07");
    let w = api::wahl_anlegen(
        &mut b.store,
        &wahl(
            WahlArt::Einzel,
            1,
            "Wahl der stellvertretenden Vorsitzenden",
        ),
        j,
    )
    .unwrap();
    let e = api::wahl_anlegen(
        &mut b.store,
        &wahl(WahlArt::Einzel, 2, "Zwei auf einmal"),
        j,
    )
    .unwrap_err();
    assert!(
        e.message
            .contains("Eine Einzelwahl (§ 50 Abs. 2 GO NRW) vergibt genau einen Sitz"),
        "{}",
        e.message
    );
    for n in ["Nguyễn", "Țurcanu", "Смирнова"] {
        let p = person(&b, n);
        api::kandidat_anlegen(&mut b.store, w.id, p, None, j).unwrap();
    }
    let zettel = api::wahl_stimmzettel(&b.store, w.id, 2, 1, j).unwrap();
    technisch_einwandfrei(&zettel);
    let t = text(&zettel);
    in_reihenfolge(
        &t,
        &[
            "Stimmzettel",
            "Wahl der stellvertretenden Vorsitzenden",
            "1. Wahlgang",
            "Thị Hồng Nguyễn",
            "Ștefan Țurcanu",
            "Елена Смирнова",
            "Nein (gegen alle)",
            "Enthaltung",
            "Stimmzettel",
        ],
    );
    // 3 + 2 + 1 + No 1 = 7 valid of 8 ballots (the Integrationsrat has 8 members with a
    // vote): nobody has more than 3.5 → run-off Nguyễn – Țurcanu.
    let w = api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &Zaehlung {
            gang: Wahlgang::Erster,
            abgegeben: 8,
            ungueltig: 0,
            enthaltungen: 1,
            nein: 1,
            stimmen: vec![
                ("Thị Hồng Nguyễn".into(), 3),
                ("Ștefan Țurcanu".into(), 2),
                ("Елена Смирнова".into(), 1),
            ],
        },
        None,
        j,
    )
    .unwrap();
    assert_eq!(
        w.stand.schritt,
        Schritt::Zaehlung {
            nr: 2,
            gang: Wahlgang::Engere,
            optionen: vec!["Thị Hồng Nguyễn".into(), "Ștefan Țurcanu".into()]
        }
    );
    let t = text(&api::wahl_stimmzettel(&b.store, w.id, 1, 1, j).unwrap());
    assert!(
        t.contains("2. Wahlgang – engere Wahl")
            && t.contains("Ștefan Țurcanu")
            && !t.contains("Смирнова")
            && !t.contains("Nein (gegen alle)"),
        "{t}"
    );
    // Entering a first ballot again is refused: the run-off is due.
    let e = api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &zaehlung(Wahlgang::Erster, 9, &[("Thị Hồng Nguyễn", 9)]),
        None,
        j,
    )
    .unwrap_err();
    assert!(
        e.message
            .contains("Erwartet wird der Wahlgang 2 (engere Wahl)"),
        "{}",
        e.message
    );
    let w = api::wahlgang_erfassen(
        &mut b.store,
        w.id,
        &zaehlung(
            Wahlgang::Engere,
            8,
            &[("Thị Hồng Nguyễn", 5), ("Ștefan Țurcanu", 3)],
        ),
        None,
        j,
    )
    .unwrap();
    assert_eq!(w.stand.gewaehlt, ["Thị Hồng Nguyễn"]);
    let e = api::wahl_stimmzettel(&b.store, w.id, 1, 1, j).unwrap_err();
    assert!(
        e.message.contains("Die Wahl ist entschieden"),
        "{}",
        e.message
    );
    let t = text(&api::wahl_niederschrift(&b.store, w.id, j).unwrap());
    assert!(
        !t.contains("nichtöffentlich"),
        "eine Wahl ohne TOP ist öffentlich"
    );
    in_reihenfolge(
        &t,
        &[
            "1. Wahlgang",
            "Erforderlich ist mehr als die Hälfte der gültigen Stimmen",
            "engere Wahl erforderlich",
            "2. Wahlgang – engere Wahl",
            "einfache Mehrheit",
            "gewählt",
            "Gewählt ist:",
            "Thị Hồng Nguyễn",
        ],
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn a_wahl_on_a_nichtoeffentlicher_top_has_its_minutes_marked() {
    let mut b = demo();
    let j = zeit("2026-12-07");
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let n1 = s.tops.iter().find(|t| t.nummer == "N 1").unwrap().id;
    let mut neu = wahl(WahlArt::Einzel, 1, "Wahl in die Prüfungskommission");
    neu.top = Some(n1);
    let w = api::wahl_anlegen(&mut b.store, &neu, j).unwrap();
    assert!(w.nichtoeffentlich);
    let p = person(&b, "Yılmaz");
    api::kandidat_anlegen(&mut b.store, w.id, p, None, j).unwrap();
    let pdf = api::wahl_niederschrift(&b.store, w.id, j).unwrap();
    assert!(text(&pdf).contains("nichtöffentlich"));
    // A TOP of another Sitzung is refused.
    let fremd = b.store.sitzung(SitzungId(2)).unwrap().tops[0].id;
    let mut neu = wahl(WahlArt::Einzel, 1, "Falscher TOP");
    neu.top = Some(fremd);
    let e = api::wahl_anlegen(&mut b.store, &neu, j).unwrap_err();
    assert!(
        e.message.contains("gehört nicht zu dieser Sitzung"),
        "{}",
        e.message
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "checks the PDF with pdftotext/qpdf (Linux programs; scripts/windows reads what the Windows program writes with them)"
)]
fn ballots_with_1_2_20_and_40_candidates_show_every_name() {
    let mut b = demo();
    let j = zeit("2026-12-07");
    let vornamen = [
        "Ayşe",
        "Łukasz",
        "Thị Hồng",
        "Ștefan",
        "Елена",
        "Γιώργος",
        "Mehmet",
        "Zofia",
        "Nguyễn Văn",
        "Ирина",
    ];
    let nachnamen = [
        "Yılmaz",
        "Wiśniewski",
        "Trần",
        "Popescu",
        "Иванова",
        "Παπαδάκης",
        "Öztürk",
        "Kowalczyk",
        "Phạm",
        "Соколова",
    ];
    let mut alle: Vec<(i64, String)> = Vec::new();
    for i in 0..40 {
        let p = b
            .store
            .person_anlegen(
                &PersonNeu {
                    vorname: vornamen[i % 10].into(),
                    nachname: format!("{}-{}", nachnamen[(i / 10 + i) % 10], i + 1),
                    ..Default::default()
                },
                j,
            )
            .unwrap();
        alle.push((p.id.0, p.name));
    }
    for n in [1usize, 2, 20, 40] {
        let mut neu = wahl(WahlArt::Einzel, 1, &format!("Wahl mit {n} Bewerbern"));
        neu.nur_mitglieder = false;
        let w = api::wahl_anlegen(&mut b.store, &neu, j).unwrap();
        for (id, _) in &alle[..n] {
            api::kandidat_anlegen(&mut b.store, w.id, *id, None, j).unwrap();
        }
        let pdf = api::wahl_stimmzettel(&b.store, w.id, 1, 1, j).unwrap();
        technisch_einwandfrei(&pdf);
        let t = text(&pdf);
        let namen: Vec<&str> = alle[..n].iter().map(|(_, name)| name.as_str()).collect();
        if n == 1 {
            in_reihenfolge(&t, &[&format!("Ja – {}", namen[0]), "Nein", "Enthaltung"]);
        } else {
            let mut reihe = namen.clone();
            reihe.push("Enthaltung");
            in_reihenfolge(&t, &reihe);
        }
        let seiten = crate::pdf::werkzeug("pdfinfo", &[], &pdf).1;
        let anzahl: usize = seiten
            .lines()
            .find(|l| l.starts_with("Pages:"))
            .unwrap()
            .split_whitespace()
            .last()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(anzahl > 1, n == 40, "{n} Bewerber: {anzahl} Seiten");
        // Four to a sheet with cut lines: 8 copies are 2 sheets; 40 names do not fit a quarter.
        let vier = api::wahl_stimmzettel(&b.store, w.id, 8, 4, j);
        if n <= 2 {
            let vier = vier.unwrap();
            let info = crate::pdf::werkzeug("pdfinfo", &[], &vier).1;
            assert!(info.contains("Pages:           2"), "{info}");
            assert_eq!(
                text(&vier).matches("1. Wahlgang").count(),
                8,
                "acht Stimmzettel"
            );
        } else if n == 40 {
            let e = vier.unwrap_err();
            assert!(
                e.message.contains("bitte 1 Stimmzettel je Blatt wählen"),
                "{}",
                e.message
            );
        }
    }
}

#[test]
fn joint_list_with_deputies_unanimous_or_not() {
    let mut b = demo();
    let j = zeit("2026-12-07");
    let mut neu = wahl(WahlArt::Einheitlich, 2, "Entsendung in den Beirat");
    neu.stellvertreter = true;
    neu.ziel_gremium = Some(GremiumId(3));
    let paare = [
        person(&b, "Yılmaz"),
        person(&b, "Nguyễn"),
        person(&b, "Żółkiewski"),
        person(&b, "Țurcanu"),
    ];
    let w = api::wahl_anlegen(&mut b.store, &neu, j).unwrap();
    let e = api::wahlvorschlag_anlegen(
        &mut b.store,
        w.id,
        "Einheitlicher Wahlvorschlag",
        "",
        &paare[..3],
        None,
        j,
    )
    .unwrap_err();
    assert!(
        e.message.contains("Paare aus Mitglied und Stellvertretung"),
        "{}",
        e.message
    );
    api::wahlvorschlag_anlegen(
        &mut b.store,
        w.id,
        "Einheitlicher Wahlvorschlag",
        "alle Fraktionen",
        &paare,
        None,
        j,
    )
    .unwrap();
    let e = api::wahlvorschlag_anlegen(&mut b.store, w.id, "Zweiter", "", &paare[..2], None, j)
        .unwrap_err();
    assert!(
        e.message.contains("ist ein einziger gemeinsamer Vorschlag"),
        "{}",
        e.message
    );
    let z = Zaehlung {
        gang: Wahlgang::Erster,
        abgegeben: 8,
        ungueltig: 0,
        enthaltungen: 1,
        nein: 0,
        stimmen: vec![("Einheitlicher Wahlvorschlag".into(), 7)],
    };
    let w2 = api::wahlgang_erfassen(&mut b.store, w.id, &z, None, j).unwrap();
    assert_eq!(w2.stand.gewaehlt, ["Ayşe Yılmaz", "Łukasz Żółkiewski"]);
    assert_eq!(
        w2.stand.stellvertretung,
        ["Thị Hồng Nguyễn", "Ștefan Țurcanu"]
    );
    assert_eq!(
        api::wahl_beschlusstext(&w2).unwrap(),
        "Der Integrationsrat entsendet folgende Mitglieder in die AG Integrationsräte Kreis Recklinghausen:\n1. Ayşe Yılmaz (persönliche Stellvertretung: Thị Hồng Nguyễn)\n2. Łukasz Żółkiewski (persönliche Stellvertretung: Ștefan Țurcanu)"
    );
    // One No vote: not unanimous, nobody elected, the next step is named.
    let w = api::wahl_anlegen(&mut b.store, &neu, j).unwrap();
    api::wahlvorschlag_anlegen(
        &mut b.store,
        w.id,
        "Einheitlicher Wahlvorschlag",
        "",
        &paare,
        None,
        j,
    )
    .unwrap();
    let z = Zaehlung {
        nein: 1,
        stimmen: vec![("Einheitlicher Wahlvorschlag".into(), 6)],
        ..z
    };
    let w = api::wahlgang_erfassen(&mut b.store, w.id, &z, None, j).unwrap();
    assert!(w.stand.gewaehlt.is_empty());
    assert!(w.stand.befunde[0]
        .meldung
        .contains("nicht einstimmig angenommen; es folgt eine Listenwahl"));
}
