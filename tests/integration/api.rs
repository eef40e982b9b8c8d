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
        ..Buero::default()
    };
    let e = api::buero_speichern(&mut b.store, &falsch).unwrap_err();
    let felder: Vec<_> = e.befunde.iter().map(|x| x.feld.as_str()).collect();
    assert_eq!(felder, ["kommune", "nummernschema"]);
    assert!(e.message.contains("Kommune fehlt."));
    assert_eq!(api::buero_lesen(&b.store).unwrap().kommune, "Stadt Herne");
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
