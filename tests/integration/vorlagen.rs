//! Lifecycle, numbering, conflicts and Anlagen of Vorlagen in a real database file.

use crate::gemeinsam::{buero, buero_mit_schema, vorlage, zeit};
use ratsbuero::domain::AnlageNeu;
use ratsbuero::domain::{FinanzArt, FinanzenEingabe, Klimarelevanz, Schwere, Status};
use ratsbuero::store::{StoreError, VorlagenFilter};

#[test]
fn stale_save_is_a_conflict_and_overwrites_nothing() {
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(&vorlage("Erste Fassung"), zeit("2026-02-01"))
        .unwrap();
    let mut a = vorlage("Von Frau Çelik geändert");
    let g2 = b
        .store
        .vorlage_speichern(g.id, g.version, &a, zeit("2026-02-01"))
        .unwrap();
    assert_eq!(g2.version, g.version + 1);

    // A second window still holds the first version.
    a.betreff = "Von Herrn Łukasz geändert".into();
    let err = b
        .store
        .vorlage_speichern(g.id, g.version, &a, zeit("2026-02-02"))
        .unwrap_err();
    match err {
        StoreError::Konflikt { basis, aktuell } => {
            assert_eq!((basis, aktuell), (g.version, g2.version))
        }
        other => panic!("Konflikt erwartet, bekam {other:?}"),
    }
    let akte = b.store.vorlage(g.id).unwrap();
    assert_eq!(akte.inhalt.betreff, "Von Frau Çelik geändert");
    assert_eq!(akte.version, g2.version);
}

#[test]
fn conflict_is_detected_across_two_connections() {
    let b = buero();
    let mut zweite = b.noch_einmal();
    let mut erste = b.store;
    let g = erste
        .vorlage_anlegen(&vorlage("Gemeinsam"), zeit("2026-02-01"))
        .unwrap();
    zweite
        .vorlage_speichern(g.id, g.version, &vorlage("Fenster 2"), zeit("2026-02-01"))
        .unwrap();
    let err = erste
        .vorlage_speichern(g.id, g.version, &vorlage("Fenster 1"), zeit("2026-02-01"))
        .unwrap_err();
    assert_eq!(err.code(), "konflikt");
    assert_eq!(erste.vorlage(g.id).unwrap().inhalt.betreff, "Fenster 2");
}

#[test]
fn a_wrong_value_is_saved_as_typed_and_blocks_only_the_release() {
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(&vorlage("Gültig"), zeit("2026-02-01"))
        .unwrap();
    let mut kaputt = vorlage("Geändert");
    kaputt.beratungsfolge[1].datum = "2026-02-31".into();
    kaputt.finanzen = FinanzenEingabe {
        art: FinanzArt::Folgende,
        aufwand_einmalig: "100,00".into(),
        personalaufwand: "150,00".into(),
        ..Default::default()
    };
    let gespeichert = b
        .store
        .vorlage_speichern(g.id, g.version, &kaputt, zeit("2026-02-02"))
        .unwrap();
    let felder: Vec<_> = gespeichert
        .befunde
        .iter()
        .filter(|b| b.schwere == ratsbuero::domain::Schwere::Fehler)
        .map(|b| b.feld.as_str())
        .collect();
    assert!(felder.contains(&"beratungsfolge.1.datum"), "{felder:?}");
    assert!(felder.contains(&"finanzen.aufwand_darin"), "{felder:?}");
    let akte = b.store.vorlage(g.id).unwrap();
    assert_eq!(akte.inhalt.betreff, "Geändert");
    assert_eq!(akte.inhalt.beratungsfolge[1].datum, "2026-02-31");
    assert_eq!(akte.inhalt.finanzen.personalaufwand, "150,00");
    assert_eq!(akte.version, gespeichert.version);
    let err = b
        .store
        .vorlage_freigeben(g.id, gespeichert.version, zeit("2026-02-02"))
        .unwrap_err();
    let StoreError::Ungueltig(befunde) = &err else {
        panic!("{err:?}")
    };
    assert!(befunde.iter().any(|b| b.meldung.contains("31.02.2026")));
    assert_eq!(b.store.vorlage(g.id).unwrap().nummer, None);
    assert_eq!(
        b.store.vorlagen(&VorlagenFilter::default()).unwrap().len(),
        1
    );

    // Creating with a wrong value creates nothing.
    assert!(b
        .store
        .vorlage_anlegen(&kaputt, zeit("2026-02-02"))
        .is_err());
    assert_eq!(
        b.store.vorlagen(&VorlagenFilter::default()).unwrap().len(),
        1
    );
}

#[test]
fn unchanged_save_keeps_the_version() {
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(&vorlage("Gleich"), zeit("2026-02-01"))
        .unwrap();
    let g2 = b
        .store
        .vorlage_speichern(g.id, g.version, &vorlage("  Gleich "), zeit("2026-02-03"))
        .unwrap();
    assert_eq!(g2.version, g.version);
}

#[test]
fn incomplete_draft_saves_but_cannot_be_released() {
    let mut b = buero();
    let mut i = vorlage("");
    i.verfasser.clear();
    let g = b.store.vorlage_anlegen(&i, zeit("2026-02-01")).unwrap();
    assert!(g
        .befunde
        .iter()
        .any(|x| x.feld == "betreff" && x.schwere == Schwere::Unvollstaendig));
    let zeile = &b.store.vorlagen(&VorlagenFilter::default()).unwrap()[0];
    assert_eq!(zeile.offene_befunde, 2);
    let err = b
        .store
        .vorlage_freigeben(g.id, g.version, zeit("2026-02-01"))
        .unwrap_err();
    assert!(err.to_string().contains("Betreff fehlt."), "{err}");
    assert!(err.to_string().contains("Verfasser fehlt."), "{err}");
    assert_eq!(b.store.vorlage(g.id).unwrap().nummer, None);
}

#[test]
fn release_numbers_per_year_and_freezes() {
    let mut b = buero();
    let mut nummern = Vec::new();
    for (betreff, tag) in [
        ("A", "2026-03-01"),
        ("B", "2026-11-30"),
        ("C", "2027-01-02"),
    ] {
        let g = b
            .store
            .vorlage_anlegen(&vorlage(betreff), zeit(tag))
            .unwrap();
        let f = b
            .store
            .vorlage_freigeben(g.id, g.version, zeit(tag))
            .unwrap();
        let akte = b.store.vorlage(g.id).unwrap();
        assert_eq!(akte.version, f.version);
        nummern.push(akte.nummer.unwrap());
        // Frozen: a change is refused.
        let err = b
            .store
            .vorlage_speichern(g.id, f.version, &vorlage("Neu"), zeit(tag))
            .unwrap_err();
        assert_eq!(err.code(), "freigegeben");
    }
    assert_eq!(nummern, ["2026/0001", "2026/0002", "2027/0001"]);
}

#[test]
fn other_schemes_number_as_the_reference_papers() {
    let mut b = buero_mit_schema("{wahlperiode}/{nr}", "14");
    let g = b
        .store
        .vorlage_anlegen(&vorlage("RVR"), zeit("2025-01-06"))
        .unwrap();
    b.store
        .vorlage_freigeben(g.id, g.version, zeit("2025-01-06"))
        .unwrap();
    assert_eq!(
        b.store.vorlage(g.id).unwrap().nummer.as_deref(),
        Some("14/1")
    );

    let mut b = buero_mit_schema("{nr:04}/{jahr}", "");
    let g = b
        .store
        .vorlage_anlegen(&vorlage("Borken"), zeit("2016-08-01"))
        .unwrap();
    b.store
        .vorlage_freigeben(g.id, g.version, zeit("2016-08-01"))
        .unwrap();
    assert_eq!(
        b.store.vorlage(g.id).unwrap().nummer.as_deref(),
        Some("0001/2016")
    );
}

#[test]
fn revisions_get_suffixes_and_keep_predecessors_readable() {
    let mut b = buero_mit_schema("{nr:04}/{jahr}", "");
    let g = b
        .store
        .vorlage_anlegen(
            &vorlage("Integrationskonzept Kreis Borken"),
            zeit("2016-08-01"),
        )
        .unwrap();
    b.store
        .vorlage_freigeben(g.id, g.version, zeit("2016-08-01"))
        .unwrap();
    let stamm = b.store.vorlage(g.id).unwrap().nummer.unwrap();

    let r1 = b
        .store
        .vorlage_neue_fassung(g.id, zeit("2016-09-01"))
        .unwrap();
    // Only one newer Fassung at a time.
    assert_eq!(
        b.store
            .vorlage_neue_fassung(g.id, zeit("2016-09-01"))
            .unwrap_err()
            .code(),
        "neuere_fassung"
    );
    let mut geaendert = vorlage("Integrationskonzept Kreis Borken (Ergänzung)");
    geaendert
        .sachverhalt
        .push_str("\n\nErgänzt um die Rückmeldungen vom 12.09.2016.");
    let s = b
        .store
        .vorlage_speichern(r1.id, r1.version, &geaendert, zeit("2016-09-02"))
        .unwrap();
    b.store
        .vorlage_freigeben(r1.id, s.version, zeit("2016-09-03"))
        .unwrap();
    let r2 = b
        .store
        .vorlage_neue_fassung(r1.id, zeit("2016-09-10"))
        .unwrap();
    b.store
        .vorlage_freigeben(r2.id, r2.version, zeit("2016-09-10"))
        .unwrap();

    let alt = b.store.vorlage(g.id).unwrap();
    let eins = b.store.vorlage(r1.id).unwrap();
    let zwei = b.store.vorlage(r2.id).unwrap();
    assert_eq!(eins.nummer, Some(format!("{stamm}/1")));
    assert_eq!(zwei.nummer, Some(format!("{stamm}/2")));
    assert_eq!(alt.inhalt.betreff, "Integrationskonzept Kreis Borken");
    assert_eq!(alt.nachfolger_id, Some(r1.id));
    assert_eq!(eins.vorgaenger_id, Some(g.id));
    assert_eq!(zwei.stamm_id, Some(g.id));
    // The next new paper continues the plain counter.
    let n = b
        .store
        .vorlage_anlegen(&vorlage("Nächste"), zeit("2016-10-01"))
        .unwrap();
    b.store
        .vorlage_freigeben(n.id, n.version, zeit("2016-10-01"))
        .unwrap();
    assert_eq!(
        b.store.vorlage(n.id).unwrap().nummer.as_deref(),
        Some("0002/2016")
    );
    // A draft cannot get a new Fassung.
    let d = b
        .store
        .vorlage_anlegen(&vorlage("Entwurf"), zeit("2016-10-01"))
        .unwrap();
    assert_eq!(
        b.store
            .vorlage_neue_fassung(d.id, zeit("2016-10-01"))
            .unwrap_err()
            .code(),
        "noch_entwurf"
    );
}

#[test]
fn anlagen_are_stored_with_sha512_and_carried_into_a_revision() {
    let mut b = buero();
    let mut i = vorlage("Klimaschädlich");
    i.klimarelevanz = Some(Klimarelevanz::Negativ);
    let g = b.store.vorlage_anlegen(&i, zeit("2026-02-01")).unwrap();
    assert!(g.befunde.iter().any(|x| x.feld == "klimarelevanz"));
    assert_eq!(
        b.store
            .vorlage_freigeben(g.id, g.version, zeit("2026-02-01"))
            .unwrap_err()
            .code(),
        "ungueltig"
    );

    let daten = b"%PDF-1.7 Alternativenpruefung".to_vec();
    let (g2, info) = b
        .store
        .anlage_hinzufuegen(
            g.id,
            g.version,
            AnlageNeu {
                name: "C:\\Temp\\Alternativenprüfung.pdf".into(),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten: daten.clone(),
            },
            zeit("2026-02-01"),
        )
        .unwrap();
    assert_eq!(info.name, "Alternativenprüfung.pdf");
    assert_eq!(info.groesse, daten.len() as i64);
    assert_eq!(info.sha512, ratsbuero::domain::anlage::sha512_hex(&daten));
    assert_eq!(info.mime, "application/pdf");
    // Not marked yet: still blocks.
    assert!(g2.befunde.iter().any(|x| x.feld == "klimarelevanz"));
    // The same file twice is refused, and the version stays.
    let doppelt = b.store.anlage_hinzufuegen(
        g.id,
        g2.version,
        AnlageNeu {
            name: "kopie.pdf".into(),
            status: Status::Oeffentlich,
            alternativenpruefung: false,
            daten: daten.clone(),
        },
        zeit("2026-02-01"),
    );
    assert!(doppelt
        .unwrap_err()
        .to_string()
        .contains("schon als „Alternativenprüfung.pdf“"));
    // Stale version is a conflict for Anlagen too.
    assert_eq!(
        b.store
            .anlage_aendern(
                g.id,
                g.version,
                info.id,
                Status::Oeffentlich,
                true,
                zeit("2026-02-01")
            )
            .unwrap_err()
            .code(),
        "konflikt"
    );
    let g3 = b
        .store
        .anlage_aendern(
            g.id,
            g2.version,
            info.id,
            Status::Nichtoeffentlich,
            true,
            zeit("2026-02-01"),
        )
        .unwrap();
    assert!(g3.befunde.is_empty(), "{:?}", g3.befunde);
    let f = b
        .store
        .vorlage_freigeben(g.id, g3.version, zeit("2026-02-02"))
        .unwrap();
    // Frozen: Anlagen cannot change either.
    assert_eq!(
        b.store
            .anlage_entfernen(g.id, f.version, info.id, zeit("2026-02-02"))
            .unwrap_err()
            .code(),
        "freigegeben"
    );

    let r = b
        .store
        .vorlage_neue_fassung(g.id, zeit("2026-03-01"))
        .unwrap();
    let neu = b.store.vorlage(r.id).unwrap();
    assert_eq!(neu.anlagen.len(), 1);
    assert_eq!(neu.anlagen[0].sha512, info.sha512);
    assert_eq!(neu.anlagen[0].status, Status::Nichtoeffentlich);
    let (_, bytes) = b.store.anlage_daten(neu.anlagen[0].id).unwrap();
    assert_eq!(bytes, daten);
    // Removing in the revision leaves the original untouched.
    let weg = b
        .store
        .anlage_entfernen(r.id, r.version, neu.anlagen[0].id, zeit("2026-03-01"))
        .unwrap();
    assert!(weg.befunde.iter().any(|x| x.feld == "klimarelevanz"));
    assert_eq!(b.store.vorlage(g.id).unwrap().anlagen.len(), 1);
}

#[test]
fn anlagen_are_renumbered_after_removal() {
    let mut b = buero();
    let g = b
        .store
        .vorlage_anlegen(&vorlage("Drei Anlagen"), zeit("2026-02-01"))
        .unwrap();
    let mut version = g.version;
    let mut ids = Vec::new();
    for n in 1..=3 {
        let (s, info) = b
            .store
            .anlage_hinzufuegen(
                g.id,
                version,
                AnlageNeu {
                    name: format!("Anlage{n}.pdf"),
                    status: Status::Oeffentlich,
                    alternativenpruefung: false,
                    daten: vec![n; 10],
                },
                zeit("2026-02-01"),
            )
            .unwrap();
        version = s.version;
        ids.push(info.id);
    }
    b.store
        .anlage_entfernen(g.id, version, ids[0], zeit("2026-02-01"))
        .unwrap();
    let anlagen = b.store.vorlage(g.id).unwrap().anlagen;
    let nr_name: Vec<_> = anlagen.iter().map(|a| (a.nr, a.name.as_str())).collect();
    assert_eq!(nr_name, [(1, "Anlage2.pdf"), (2, "Anlage3.pdf")]);
    let leer = b.store.anlage_hinzufuegen(
        g.id,
        version + 1,
        AnlageNeu {
            name: "leer.pdf".into(),
            status: Status::Oeffentlich,
            alternativenpruefung: false,
            daten: vec![],
        },
        zeit("2026-02-01"),
    );
    assert!(leer.unwrap_err().to_string().contains("leer"));
}

#[test]
fn filters_and_sorting() {
    let mut b = buero();
    let mut mitteilung = vorlage("Bericht über die AG Integrationsräte");
    mitteilung.art = ratsbuero::domain::VorlageArt::Mitteilungsvorlage;
    mitteilung.status = Status::Nichtoeffentlich;
    mitteilung.beratungsfolge.truncate(1);
    mitteilung.beratungsfolge[0].rolle = ratsbuero::domain::Rolle::Kenntnisnahme;
    b.store
        .vorlage_anlegen(&mitteilung, zeit("2026-02-01"))
        .unwrap();
    b.store
        .vorlage_anlegen(&vorlage("Zuschüsse für Vereine"), zeit("2026-02-02"))
        .unwrap();
    let f = |filter: VorlagenFilter| -> Vec<String> {
        b.store
            .vorlagen(&filter)
            .unwrap()
            .into_iter()
            .map(|z| z.betreff)
            .collect()
    };
    assert_eq!(
        f(VorlagenFilter {
            status: Some(Status::Nichtoeffentlich),
            ..Default::default()
        }),
        ["Bericht über die AG Integrationsräte"]
    );
    assert_eq!(
        f(VorlagenFilter {
            gremium: Some("Rat der Stadt".into()),
            ..Default::default()
        }),
        ["Zuschüsse für Vereine"]
    );
    assert_eq!(
        f(VorlagenFilter {
            sortierung: ratsbuero::store::Sortierung::Betreff,
            ..Default::default()
        }),
        [
            "Bericht über die AG Integrationsräte",
            "Zuschüsse für Vereine"
        ]
    );
    assert_eq!(
        f(VorlagenFilter {
            sortierung: ratsbuero::store::Sortierung::Betreff,
            absteigend: true,
            ..Default::default()
        }),
        [
            "Zuschüsse für Vereine",
            "Bericht über die AG Integrationsräte"
        ]
    );
    let zeilen = b.store.vorlagen(&VorlagenFilter::default()).unwrap();
    assert_eq!(zeilen[0].gremien, "Integrationsrat → Rat der Stadt");
}
