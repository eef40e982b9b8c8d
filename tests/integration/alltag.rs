//! Trustworthy in daily use (issue 11), on the core: what a hurried clerk does. A draft
//! with a wrong value is saved as typed and blocks only release and PDF; characters no
//! font can print are findings at their fields or refused with the record named; deleting
//! goes into the Papierkorb and comes back; a cancelled Sitzung is taken up again; results
//! and elections are checked against the calendar and the voting right.

use crate::gemeinsam::{buero, vorlage, vorsitzwahl, zeit, Testbuero};
use ratsbuero::api;
use ratsbuero::domain::sitzung::TopErgebnis;
use ratsbuero::domain::wahl::{Wahlgang, Zaehlung};
use ratsbuero::domain::PersonNeu;
use ratsbuero::domain::{FinanzArt, Schwere, SitzungId};
use ratsbuero::store::{PapierkorbArt, Store, VorlagenFilter};

fn demo() -> Testbuero {
    let mut b = buero();
    api::demo(&mut b.store, zeit("2026-11-22")).unwrap();
    b
}

fn ids(store: &Store) -> Vec<i64> {
    store
        .vorlagen(&VorlagenFilter::default())
        .unwrap()
        .into_iter()
        .map(|z| z.id.0)
        .collect()
}

#[test]
fn a_negative_amount_and_more_typing_are_saved_as_typed_and_survive_reopening() {
    let mut b = buero();
    let j = zeit("2026-12-02");
    let neu = b.store.vorlage_anlegen(&vorlage("Sprachcafé"), j).unwrap();
    let mut inhalt = vorlage("Sprachcafé");
    inhalt.finanzen.art = FinanzArt::Folgende;
    inhalt.finanzen.aufwand_einmalig = "-500,00".into();
    inhalt.sachverhalt = "Ein Satz, der nach dem falschen Betrag getippt wurde.".into();
    inhalt.beratungsfolge[0].datum = "31.02.2026".into();
    let g = b
        .store
        .vorlage_speichern(neu.id, neu.version, &inhalt, j)
        .unwrap();
    let fehler: Vec<&str> = g
        .befunde
        .iter()
        .filter(|x| x.schwere == Schwere::Fehler)
        .map(|x| x.feld.as_str())
        .collect();
    assert!(fehler.contains(&"finanzen.aufwand_einmalig"), "{fehler:?}");
    assert!(fehler.contains(&"beratungsfolge.0.datum"), "{fehler:?}");

    // Closed and reopened: everything typed is there, exactly.
    let ablage = b.ablage.clone();
    drop(b.store);
    let store = Store::oeffnen_ablage(&ablage, j, None).unwrap();
    let akte = store.vorlage(neu.id).unwrap();
    assert_eq!(akte.inhalt.finanzen.art, FinanzArt::Folgende);
    assert_eq!(akte.inhalt.finanzen.aufwand_einmalig, "-500,00");
    assert_eq!(akte.inhalt.sachverhalt, inhalt.sachverhalt);
    assert_eq!(akte.inhalt.beratungsfolge[0].datum, "31.02.2026");
    assert!(akte.befunde.iter().any(|b| b.schwere == Schwere::Fehler));

    // Release and PDF refuse, naming the field; the draft stays as it was.
    let mut store = store;
    let e = api::vorlage_freigeben(&mut store, neu.id.0, g.version, j).unwrap_err();
    assert!(
        e.befunde
            .iter()
            .any(|x| x.feld == "finanzen.aufwand_einmalig"),
        "{e:?}"
    );
    let e = api::vorlage_pdf(&store, neu.id.0, j).unwrap_err();
    assert!(
        e.message.starts_with(
            "Das PDF kann erst erzeugt werden, wenn die markierten Eingaben berichtigt sind. "
        ),
        "{}",
        e.message
    );
    assert_eq!(store.vorlage(neu.id).unwrap().version, g.version);

    // Corrected: release works.
    inhalt.finanzen.aufwand_einmalig = "500,00".into();
    inhalt.finanzen.haushaltsmittel = Some(ratsbuero::domain::Haushaltsmittel::Verfuegbar);
    inhalt.beratungsfolge[0].datum = "16.12.2026".into();
    let g = store
        .vorlage_speichern(neu.id, g.version, &inhalt, j)
        .unwrap();
    assert!(
        g.befunde.iter().all(|x| x.schwere < Schwere::Fehler),
        "{:?}",
        g.befunde
    );
    assert_eq!(
        store.vorlage(neu.id).unwrap().inhalt.beratungsfolge[0].datum,
        "2026-12-16"
    );
    api::vorlage_freigeben(&mut store, neu.id.0, g.version, j).unwrap();
    assert!(api::vorlage_pdf(&store, neu.id.0, j).is_ok());
}

#[test]
fn an_unprintable_character_is_a_finding_when_saved_and_blocks_release() {
    let mut b = buero();
    let j = zeit("2026-12-02");
    let neu = b.store.vorlage_anlegen(&vorlage("Fest"), j).unwrap();
    let g = b
        .store
        .vorlage_speichern(neu.id, neu.version, &vorlage("Fest 😀👍🏽"), j)
        .unwrap();
    let f = g.befunde.iter().find(|x| x.feld == "betreff").unwrap();
    assert_eq!(f.schwere, Schwere::Fehler);
    assert!(
        f.meldung.starts_with("Betreff: Das Zeichen „👍“"),
        "{}",
        f.meldung
    );
    assert!(api::vorlage_freigeben(&mut b.store, neu.id.0, g.version, j).is_err());
}

#[test]
fn a_member_or_place_with_an_unprintable_character_is_refused_naming_the_record() {
    let mut b = demo();
    let j = zeit("2026-12-02");
    let e = b
        .store
        .person_anlegen(
            &PersonNeu {
                vorname: "Leyla".into(),
                nachname: "Demir 🌻".into(),
                ..Default::default()
            },
            j,
        )
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("Mitglied Leyla Demir 🌻, Nachname: Das Zeichen „🌻“"),
        "{e}"
    );
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let e = api::sitzung_aendern(
        &mut b.store,
        1,
        "16.12.2026 17:00",
        "Rathaus 🏛️",
        Some(s.version),
        j,
    )
    .unwrap_err();
    assert!(
        e.message.starts_with("Ort: Das Zeichen „🏛“"),
        "{}",
        e.message
    );
    assert_eq!(b.store.sitzung(SitzungId(1)).unwrap().ort, s.ort);
}

#[test]
fn an_impossible_date_never_moves_a_sitzung() {
    let mut b = demo();
    let j = zeit("2026-12-02");
    let vorher = b.store.sitzung(SitzungId(1)).unwrap();
    let e = api::sitzung_aendern(
        &mut b.store,
        1,
        "31.02.2026 17:00",
        &vorher.ort,
        Some(vorher.version),
        j,
    )
    .unwrap_err();
    assert_eq!(
        e.message,
        "Beginn: Datum 31.02.2026 ungültig (diesen Tag gibt es nicht)."
    );
    let nachher = b.store.sitzung(SitzungId(1)).unwrap();
    assert_eq!(
        (nachher.beginn, nachher.version),
        (vorher.beginn, vorher.version)
    );
}

#[test]
fn a_draft_goes_into_the_papierkorb_and_comes_back_and_is_gone_after_30_days() {
    let mut b = buero();
    let j = zeit("2026-12-02");
    let a = b.store.vorlage_anlegen(&vorlage("Versehen"), j).unwrap();
    let bleibt = b.store.vorlage_anlegen(&vorlage("Bleibt"), j).unwrap();
    api::vorlage_loeschen(&mut b.store, a.id.0, a.version, j).unwrap();
    assert_eq!(ids(&b.store), vec![bleibt.id.0]);
    let gesucht = b
        .store
        .vorlagen(&VorlagenFilter {
            suche: Some("Versehen".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(gesucht.is_empty());
    let korb = b.store.papierkorb().unwrap();
    assert_eq!(korb.len(), 1);
    assert_eq!(korb[0].art, PapierkorbArt::Vorlage);
    assert_eq!(korb[0].titel, "Entwurf – Versehen");
    assert_eq!(korb[0].endgueltig_ab, "01.01.2027");
    // A deleted draft cannot be saved meanwhile.
    assert!(b
        .store
        .vorlage_speichern(a.id, a.version + 1, &vorlage("x"), j)
        .is_err());

    b.store
        .wiederherstellen(PapierkorbArt::Vorlage, a.id.0, j)
        .unwrap();
    assert_eq!(b.store.vorlage(a.id).unwrap().inhalt.betreff, "Versehen");
    assert_eq!(ids(&b.store).len(), 2);
    assert!(b.store.papierkorb().unwrap().is_empty());

    // Deleted again, then 31 days later the file is opened: removed for good.
    let v = b.store.vorlage(a.id).unwrap().version;
    b.store.vorlage_loeschen(a.id, v, j).unwrap();
    let ablage = b.ablage.clone();
    drop(b.store);
    let store = Store::oeffnen_ablage(&ablage, zeit("2027-01-02"), None).unwrap();
    assert!(store.papierkorb().unwrap().is_empty());
    assert!(store.vorlage(a.id).is_err());
    assert!(store.vorlage(bleibt.id).is_ok());
}

#[test]
fn released_vorlagen_and_held_sitzungen_can_never_be_deleted() {
    let mut b = demo();
    let j = zeit("2026-12-02");
    let g = b.store.vorlage_anlegen(&vorlage("Bestand"), j).unwrap();
    let frei = b.store.vorlage_freigeben(g.id, g.version, j).unwrap();
    let e = api::vorlage_loeschen(&mut b.store, frei.id.0, frei.version, j).unwrap_err();
    assert!(
        e.message
            .contains("freigegebene Vorlage kann nicht gelöscht"),
        "{}",
        e.message
    );
    // A Sitzung whose Tagesordnung carries Vorlagen is refused, with the way to go on.
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let e = api::sitzung_loeschen(&mut b.store, 1, s.version, j).unwrap_err();
    assert!(
        e.message.contains("Entfernen Sie erst diese TOPs"),
        "{}",
        e.message
    );
    // An empty new Sitzung goes into the Papierkorb and leaves the list.
    let neu = api::sitzung_anlegen(
        &mut b.store,
        s.gremium.id.0,
        "20.01.2027 17:00",
        "Rathaus",
        j,
    )
    .unwrap();
    let vorher = b.store.sitzungen(s.gremium.id).unwrap().len();
    api::sitzung_loeschen(&mut b.store, neu.id.0, neu.version, j).unwrap();
    assert_eq!(b.store.sitzungen(s.gremium.id).unwrap().len(), vorher - 1);
    b.store
        .wiederherstellen(PapierkorbArt::Sitzung, neu.id.0, j)
        .unwrap();
    assert_eq!(b.store.sitzungen(s.gremium.id).unwrap().len(), vorher);
}

#[test]
fn a_cancelled_sitzung_is_taken_up_again() {
    let mut b = demo();
    let j = zeit("2026-12-02");
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let s = api::sitzung_absagen(&mut b.store, 1, Some(s.version), j).unwrap();
    assert_eq!(s.zustand.key(), "abgesagt");
    assert!(api::top_hinzufuegen(
        &mut b.store,
        1,
        &ratsbuero::domain::TopNeu {
            teil: ratsbuero::domain::sitzung::Teil::Oeffentlich,
            titel: "Neu".into(),
            vorlage: None,
            unterpunkt: false
        },
        Some(s.version),
        j
    )
    .is_err());
    let s = api::sitzung_wieder_aufnehmen(&mut b.store, 1, Some(s.version), j).unwrap();
    assert_eq!(s.zustand.key(), "geplant");
    let e = api::sitzung_wieder_aufnehmen(&mut b.store, 1, Some(s.version), j).unwrap_err();
    assert!(
        e.message.contains("Nur eine abgesagte Sitzung"),
        "{}",
        e.message
    );
}

#[test]
fn no_result_for_a_top_of_a_sitzung_still_to_come() {
    let mut b = demo();
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let top = s.tops[0].id;
    let vorher = zeit("2026-12-02");
    let e = b
        .store
        .top_ergebnis(top, TopErgebnis::Beschlossen, "", vorher)
        .unwrap_err();
    assert!(
        e.to_string().contains("hat noch nicht stattgefunden"),
        "{e}"
    );
    assert!(b.store.sitzung(SitzungId(1)).unwrap().tops[0]
        .ergebnis
        .is_none());
    let am_tag = s.beginn.date().and_hms_opt(19, 0, 0).unwrap();
    b.store
        .top_ergebnis(top, TopErgebnis::Beschlossen, "", am_tag)
        .unwrap();
}

#[test]
fn an_advisory_member_cannot_stand_and_ballots_never_exceed_members_with_a_vote() {
    let mut b = demo();
    let j = zeit("2026-12-02");
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let w = b.store.wahl_anlegen(&vorsitzwahl(SitzungId(1)), j).unwrap();
    let beratend = s
        .mitglieder
        .iter()
        .find(|m| !m.stimmrecht)
        .expect("the demo has an advisory member");
    let e = b
        .store
        .kandidat_anlegen(w.id, beratend.person.id, j)
        .unwrap_err();
    assert!(e.to_string().contains("ohne Stimmrecht"), "{e}");
    let stimmberechtigt: Vec<_> = s
        .mitglieder
        .iter()
        .filter(|m| m.stimmrecht && m.rolle.key() != "stellv_mitglied")
        .collect();
    let w = b
        .store
        .kandidat_anlegen(w.id, stimmberechtigt[0].person.id, j)
        .unwrap();
    assert_eq!(w.stimmberechtigte_mitglieder, stimmberechtigt.len() as u64);
    let name = w.kandidaten[0].name.clone();
    let n = stimmberechtigt.len() as u64;
    let zu_viele = Zaehlung {
        gang: Wahlgang::Erster,
        abgegeben: n + 1,
        ungueltig: 0,
        enthaltungen: 0,
        nein: 0,
        stimmen: vec![(name.clone(), n + 1)],
    };
    let e = b.store.wahlgang_erfassen(w.id, &zu_viele, j).unwrap_err();
    assert!(
        e.to_string().contains("stimmberechtigte Mitglieder hat"),
        "{e}"
    );
    // An unused Wahl can be deleted.
    let w = b.store.wahl(w.id).unwrap();
    api::wahl_loeschen(&mut b.store, w.id, w.version, j).unwrap();
    assert!(b.store.wahlen(SitzungId(1)).unwrap().is_empty());
}
