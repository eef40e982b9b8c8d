//! Members whose data changes and whose membership ends, and Vorlagen-Muster (issue 11,
//! "what office users missed most"): an ended member is no longer invited to or counted
//! in later Sitzungen, a held Sitzung keeps its attendance; a Muster starts a draft with
//! its content and without the dates of a Beratung.

use crate::gemeinsam::{buero, vorlage, vorsitzwahl, zeit, Testbuero};
use ratsbuero::api;
use ratsbuero::domain::sitzung::Anwesenheit;
use ratsbuero::domain::{GremiumId, SitzungId, VorlageId};
use ratsbuero::domain::{MitgliedschaftNeu, PersonNeu};
use ratsbuero::store::Store;

fn demo() -> Testbuero {
    let mut b = buero();
    api::demo(&mut b.store, zeit("2026-11-22")).unwrap();
    b
}

fn mitgliedschaft(store: &Store, gremium: GremiumId, name: &str) -> MitgliedschaftNeu {
    let m = store
        .mitglieder(gremium)
        .unwrap()
        .into_iter()
        .find(|m| m.person.name.contains(name))
        .unwrap_or_else(|| panic!("{name} ist kein Mitglied"));
    MitgliedschaftNeu {
        person: m.person.id,
        gremium,
        rolle: m.rolle,
        stimmrecht: m.stimmrecht,
        fuer: m.fuer,
        herkunft: m.herkunft,
        von: m.von.map(|d| d.to_string()).unwrap_or_default(),
        bis: String::new(),
    }
}

fn wahl(store: &mut Store, sitzung: SitzungId) -> u64 {
    store
        .wahl_anlegen(&vorsitzwahl(sitzung), zeit("2026-12-02"))
        .unwrap()
        .stimmberechtigte_mitglieder
}

#[test]
fn an_ended_membership_leaves_later_sitzungen_and_their_counts_but_not_held_ones() {
    let mut b = demo();
    let j = zeit("2026-12-02");
    let s1 = b.store.sitzung(SitzungId(1)).unwrap();
    let g = s1.gremium.id;
    let vorher = s1.mitglieder.len();
    let mit_stimme = wahl(&mut b.store, s1.id);
    let wer = s1
        .mitglieder
        .iter()
        .find(|m| m.stimmrecht && m.rolle.key() == "mitglied")
        .unwrap()
        .clone();
    let nachname = wer.person.daten.nachname.clone();

    // Attendance recorded at Sitzung 1, then the membership ends the day before it.
    api::anwesenheit_setzen(
        &mut b.store,
        s1.id.0,
        wer.person.id.0,
        Some(Anwesenheit::Anwesend),
        "",
        None,
        None,
        j,
    )
    .unwrap();
    let tag_davor = (s1.beginn.date() - chrono::Duration::days(1))
        .format("%d.%m.%Y")
        .to_string();
    let m = MitgliedschaftNeu {
        bis: tag_davor.clone(),
        ..mitgliedschaft(&b.store, g, &nachname)
    };
    b.store.mitgliedschaft_aendern(&m).unwrap();

    // The Gremium lists the member with the end; Sitzung 1 keeps them (attendance recorded).
    let alle = b.store.mitglieder(g).unwrap();
    let eintrag = alle.iter().find(|x| x.person.id == wer.person.id).unwrap();
    assert_eq!(
        eintrag.bis.map(|d| d.format("%d.%m.%Y").to_string()),
        Some(tag_davor)
    );
    assert!(eintrag.ausgeschieden_am(s1.beginn.date()));
    assert_eq!(b.store.sitzung(s1.id).unwrap().mitglieder.len(), vorher);

    // A new Sitzung after the end: not listed, not counted among the members with a vote.
    let s2 = b
        .store
        .sitzung_anlegen(g, s1.beginn + chrono::Duration::days(30), "Rathaus", j)
        .unwrap();
    assert_eq!(s2.mitglieder.len(), vorher - 1);
    assert!(!s2.mitglieder.iter().any(|x| x.person.id == wer.person.id));
    assert_eq!(wahl(&mut b.store, s2.id), mit_stimme - 1);
    let w = b.store.wahlen(s2.id).unwrap()[0].id;
    let e = b.store.kandidat_anlegen(w, wer.person.id, j).unwrap_err();
    assert!(e.to_string().contains("kein Mitglied"), "{e}");

    // Rückgängig: the membership is open again and the member is back.
    let m = MitgliedschaftNeu {
        bis: String::new(),
        ..m
    };
    b.store.mitgliedschaft_aendern(&m).unwrap();
    assert_eq!(b.store.sitzung(s2.id).unwrap().mitglieder.len(), vorher);
}

#[test]
fn membership_dates_are_checked_in_german_and_stored_as_iso() {
    let mut b = demo();
    let g = b.store.sitzung(SitzungId(1)).unwrap().gremium.id;
    let erste = b.store.mitglieder(g).unwrap()[0]
        .person
        .daten
        .nachname
        .clone();
    let m = mitgliedschaft(&b.store, g, &erste);
    let e = b
        .store
        .mitgliedschaft_aendern(&MitgliedschaftNeu {
            bis: "31.02.2027".into(),
            ..m.clone()
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("Mitglied bis") && e.to_string().contains("31.02.2027"),
        "{e}"
    );
    let e = b
        .store
        .mitgliedschaft_aendern(&MitgliedschaftNeu {
            von: "01.06.2027".into(),
            bis: "1.5.2027".into(),
            ..m.clone()
        })
        .unwrap_err();
    assert!(e.to_string().contains("vor „Mitglied seit“"), "{e}");
    // Nothing was changed by the refused attempts.
    assert_eq!(mitgliedschaft(&b.store, g, &erste), m);
    b.store
        .mitgliedschaft_aendern(&MitgliedschaftNeu {
            von: "1.6.2025".into(),
            ..m.clone()
        })
        .unwrap();
    let (_, gespeichert) = b
        .store
        .mitgliedschaften()
        .unwrap()
        .into_iter()
        .find(|(_, x)| x.person == m.person && x.gremium == g)
        .unwrap();
    assert_eq!(gespeichert.von, "2025-06-01");
}

#[test]
fn a_person_is_edited_with_the_same_checks_as_when_entered() {
    let mut b = demo();
    let j = zeit("2026-12-02");
    let g = b.store.sitzung(SitzungId(1)).unwrap().gremium.id;
    let p = b.store.mitglieder(g).unwrap()[0].person.clone();
    let neu = PersonNeu {
        nachname: "Đặng-Wiśniewska".into(),
        email: "neu@example.org".into(),
        ..p.daten.clone()
    };
    let geaendert = b.store.person_aendern(p.id, &neu, j).unwrap();
    assert!(
        geaendert.name.ends_with("Đặng-Wiśniewska"),
        "{}",
        geaendert.name
    );
    assert!(b
        .store
        .sitzung(SitzungId(1))
        .unwrap()
        .mitglieder
        .iter()
        .any(|m| m.person.daten.email == "neu@example.org"));
    let e = b
        .store
        .person_aendern(
            p.id,
            &PersonNeu {
                nachname: "Demir 🌻".into(),
                ..p.daten.clone()
            },
            j,
        )
        .unwrap_err();
    assert!(e.to_string().contains("Nachname"), "{e}");
    let e = b
        .store
        .person_aendern(
            p.id,
            &PersonNeu {
                nachname: " ".into(),
                ..p.daten.clone()
            },
            j,
        )
        .unwrap_err();
    assert!(e.to_string().contains("Nachname fehlt"), "{e}");
    assert!(b
        .store
        .personen()
        .unwrap()
        .iter()
        .any(|x| x.id == p.id && x.daten.nachname == "Đặng-Wiśniewska"));
}

#[test]
fn a_muster_starts_a_draft_without_the_dates_of_a_beratung_and_comes_back_after_deleting() {
    let mut b = buero();
    let j = zeit("2026-12-02");
    let mut inhalt = vorlage("Entsendung in die AG Integrationsräte des Kreises");
    inhalt.beratungsfolge[0].datum = "16.12.2026".into();
    inhalt.beratungsfolge[0].ergebnis = "beschlossen".into();
    inhalt.beschlussvorschlag = "Der Integrationsrat entsendet folgende Mitglieder:\n1. …".into();
    let neu = b.store.vorlage_anlegen(&inhalt, j).unwrap();
    b.store
        .vorlage_speichern(neu.id, neu.version, &inhalt, j)
        .unwrap();

    let m = api::muster_anlegen(&mut b.store, neu.id.0, "  Jährliche Entsendung ", j).unwrap();
    assert_eq!(m.name, "Jährliche Entsendung");
    let e = api::muster_anlegen(&mut b.store, neu.id.0, "Jährliche Entsendung", j).unwrap_err();
    assert!(e.message.contains("gibt es schon"), "{}", e.message);
    let e = api::muster_anlegen(&mut b.store, neu.id.0, " ", j).unwrap_err();
    assert!(
        e.message.contains("Name des Musters fehlt"),
        "{}",
        e.message
    );
    assert_eq!(api::muster_liste(&b.store).unwrap().len(), 1);

    let g = api::vorlage_aus_muster(&mut b.store, m.id, j).unwrap();
    assert_ne!(g.id, neu.id);
    let entwurf = b.store.vorlage(g.id).unwrap();
    assert_eq!(entwurf.inhalt.betreff, inhalt.betreff);
    assert_eq!(entwurf.inhalt.beschlussvorschlag, inhalt.beschlussvorschlag);
    assert_eq!(
        entwurf.inhalt.beratungsfolge[0].gremium,
        inhalt.beratungsfolge[0].gremium
    );
    assert!(entwurf.inhalt.beratungsfolge[0].datum.is_empty());
    assert!(entwurf.inhalt.beratungsfolge[0].ergebnis.is_empty());
    assert!(entwurf.nummer.is_none());

    // Deleted, then Rückgängig; a second Muster of the name meanwhile blocks the undo.
    api::muster_loeschen(&mut b.store, m.id, j).unwrap();
    assert!(api::muster_liste(&b.store).unwrap().is_empty());
    assert!(api::vorlage_aus_muster(&mut b.store, m.id, j).is_err());
    api::muster_wiederherstellen(&mut b.store, m.id).unwrap();
    assert_eq!(api::muster_liste(&b.store).unwrap()[0].id, m.id);
    api::muster_loeschen(&mut b.store, m.id, j).unwrap();
    let zweites = api::muster_anlegen(&mut b.store, neu.id.0, "Jährliche Entsendung", j).unwrap();
    let e = api::muster_wiederherstellen(&mut b.store, m.id).unwrap_err();
    assert!(e.message.contains("anderes Muster"), "{}", e.message);
    assert_eq!(api::muster_liste(&b.store).unwrap()[0].id, zweites.id);
    // The Vorlage the Muster came from is untouched.
    assert_eq!(
        b.store
            .vorlage(VorlageId(neu.id.0))
            .unwrap()
            .inhalt
            .beratungsfolge[0]
            .datum,
        "2026-12-16"
    );
}

#[test]
fn the_member_form_changes_person_and_membership_together_or_neither() {
    let mut b = demo();
    let j = zeit("2026-12-02");
    let g = b.store.sitzung(SitzungId(1)).unwrap().gremium.id;
    let p = b.store.mitglieder(g).unwrap()[0].person.clone();
    let m = mitgliedschaft(&b.store, g, &p.daten.nachname);
    let neu = PersonNeu {
        email: "ayse@herne.example".into(),
        ..p.daten.clone()
    };
    // A wrong date in the membership: the new e-mail address is not written either.
    let e = b
        .store
        .mitglied_aendern(
            p.id,
            &neu,
            &MitgliedschaftNeu {
                bis: "31.02.2027".into(),
                ..m.clone()
            },
            j,
        )
        .unwrap_err();
    assert!(e.to_string().contains("31.02.2027"), "{e}");
    assert_eq!(
        b.store
            .personen()
            .unwrap()
            .iter()
            .find(|x| x.id == p.id)
            .unwrap()
            .daten
            .email,
        p.daten.email
    );
    let geaendert = b
        .store
        .mitglied_aendern(
            p.id,
            &neu,
            &MitgliedschaftNeu {
                fuer: "Liste Zukunft".into(),
                ..m
            },
            j,
        )
        .unwrap();
    assert_eq!(geaendert.daten.email, "ayse@herne.example");
    assert!(b
        .store
        .mitglieder(g)
        .unwrap()
        .iter()
        .any(|x| x.person.id == p.id && x.fuer == "Liste Zukunft"));
}
