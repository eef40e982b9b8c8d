//! Opening, pragmas and schema migrations of real database files.

use crate::gemeinsam::zeit;
use ratsbuero::store::{migrationen, roh, Store, StoreError, VorlagenFilter};

#[test]
fn a_new_file_is_wal_with_foreign_keys_and_full_sync() {
    let ordner = tempfile::tempdir().unwrap();
    let store =
        Store::oeffnen(&ordner.path().join("neu/buero.sqlite"), zeit("2026-01-01")).unwrap();
    assert_eq!(store.pragma("journal_mode").unwrap(), "wal");
    assert_eq!(store.pragma("foreign_keys").unwrap(), "1");
    assert_eq!(store.pragma("synchronous").unwrap(), "2"); // FULL
    assert_eq!(
        store.schema_version().unwrap(),
        migrationen::neueste_version()
    );
    assert_eq!(store.integritaet().unwrap(), "ok");
    assert!(!store.buero().unwrap().eingerichtet);
    // No safety copy for a brand-new file.
    let dateien: Vec<_> = std::fs::read_dir(ordner.path().join("neu"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        dateien
            .iter()
            .all(|n| !n.to_string_lossy().contains("vor-schema")),
        "{dateien:?}"
    );
}

#[test]
fn a_database_of_the_first_schema_upgrades_with_a_copy_taken_first() {
    let ordner = tempfile::tempdir().unwrap();
    let pfad = ordner.path().join("alt.sqlite");
    roh::mit_schema(&pfad, 1).unwrap();
    roh::ausfuehren(
        &pfad,
        "INSERT INTO vorlage (zustand, art, status, betreff, verfasser, erstellt, geaendert)
         VALUES ('entwurf', 'beschlussvorlage', 'oeffentlich', 'Gesamtstädtisches Integrationskonzept', 'Radojka Mühlenkamp', '2014-04-01T10:00:00', '2014-04-01T10:00:00')",
    )
    .unwrap();
    let store = Store::oeffnen(&pfad, zeit("2026-03-04")).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        migrationen::neueste_version()
    );
    // The pre-migration copy is a readable database at the old version.
    let kopie = migrationen::kopie_pfad(&pfad, 1, zeit("2026-03-04"));
    assert!(kopie.exists(), "{kopie:?}");
    assert_eq!(roh::zahl(&kopie, "PRAGMA user_version").unwrap(), 1);
    assert_eq!(
        roh::zahl(&kopie, "SELECT count(*) FROM vorlage").unwrap(),
        1
    );
    // The search index was filled for the rows that were already there.
    let treffer = store
        .vorlagen(&VorlagenFilter {
            suche: Some("muehlenkamp".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(treffer.len(), 1);
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let ordner = tempfile::tempdir().unwrap();
    let pfad = ordner.path().join("zukunft.sqlite");
    roh::ausfuehren(&pfad, "CREATE TABLE x (a); PRAGMA user_version = 99;").unwrap();
    let vorher = std::fs::read(&pfad).unwrap();
    match Store::oeffnen(&pfad, zeit("2026-01-01")) {
        Err(StoreError::NeueresSchema {
            gefunden: 99,
            bekannt,
        }) => assert_eq!(bekannt, migrationen::neueste_version()),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("neueres Schema wurde geöffnet"),
    }
    assert!(
        std::fs::read(&pfad).unwrap() == vorher,
        "die Datei wurde verändert"
    );
}

#[test]
fn a_file_that_is_not_a_database_gives_a_clear_error() {
    let ordner = tempfile::tempdir().unwrap();
    let pfad = ordner.path().join("brief.sqlite");
    std::fs::write(
        &pfad,
        "Sehr geehrte Damen und Herren, dies ist keine Datenbank. ".repeat(100),
    )
    .unwrap();
    let err = Store::oeffnen(&pfad, zeit("2026-01-01"))
        .err()
        .expect("Fehler erwartet");
    assert_eq!(err.code(), "keine_datenbank");
    assert!(err.to_string().contains("keine Ratsbüro-Datenbank"));
}

#[test]
fn the_app_takes_the_pre_migration_copy_into_its_backup_folder() {
    let ordner = tempfile::tempdir().unwrap();
    let pfad = ordner.path().join("alt.sqlite");
    roh::mit_schema(&pfad, 1).unwrap();
    let sicherungen = ordner.path().join("sicherungen");
    let store = Store::oeffnen_mit(&pfad, zeit("2026-03-04"), Some(&sicherungen)).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        migrationen::neueste_version()
    );
    let liste = ratsbuero::api::sicherungen(&sicherungen).unwrap();
    assert_eq!(liste.len(), 1);
    assert!(liste[0]
        .datei
        .ends_with("ratsbuero-20260304-100000-vor-schema-1.sqlite"));
    // It is a backup like any other: checked, at the old schema, restorable.
    let p = ratsbuero::api::sicherung_pruefen(&liste[0].datei).unwrap();
    assert_eq!(p.schema_version, 1);
    assert!(!migrationen::kopie_pfad(&pfad, 1, zeit("2026-03-04")).exists());
}

#[test]
fn schema_9_rewrites_membership_dates_typed_in_german_as_iso() {
    let ordner = tempfile::tempdir().unwrap();
    let pfad = ordner.path().join("alt.sqlite");
    roh::mit_schema(&pfad, 8).unwrap();
    roh::ausfuehren(
        &pfad,
        "INSERT INTO gremium (id, name, typ, erstellt, geaendert) VALUES (1, 'Integrationsrat', 'integrationsrat', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
             INSERT INTO person (id, nachname, sortname, erstellt, geaendert) VALUES
               (1, 'Yılmaz', 'yilmaz', '2026-01-01T00:00:00', '2026-01-01T00:00:00'),
               (2, 'Nowak', 'nowak', '2026-01-01T00:00:00', '2026-01-01T00:00:00'),
               (3, 'Nguyễn', 'nguyen', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
             INSERT INTO mitgliedschaft (person_id, gremium_id, rolle, von, bis) VALUES
               (1, 1, 'mitglied', '01.11.2025', '31.12.2026'),
               (2, 1, 'mitglied', '1.2.2026', ''),
               (3, 1, 'mitglied', '2025-11-01', '');",
    )
    .unwrap();
    let store = Store::oeffnen(&pfad, zeit("2026-03-04")).unwrap();
    let daten: Vec<(String, String)> = store
        .mitgliedschaften()
        .unwrap()
        .into_iter()
        .map(|(_, m)| (m.von, m.bis))
        .collect();
    assert_eq!(
        daten,
        [
            ("2025-11-01".to_string(), "2026-12-31".to_string()),
            ("2026-02-01".to_string(), String::new()),
            ("2025-11-01".to_string(), String::new()),
        ]
    );
}

/// Schema 10 keeps instants in UTC: the German times of schema 9 are converted (winter
/// and summer time alike), the office sees the same times as before, and new saves are
/// stored in UTC too.
#[test]
fn schema_10_keeps_instants_in_utc_and_the_office_sees_its_own_clock() {
    let ordner = tempfile::tempdir().unwrap();
    let pfad = ordner.path().join("alt.sqlite");
    roh::mit_schema(&pfad, 9).unwrap();
    roh::ausfuehren(
        &pfad,
        "INSERT INTO vorlage (id, zustand, art, status, betreff, erstellt, geaendert, freigegeben_am, nummer)
           VALUES (1, 'freigegeben', 'anfrage', 'oeffentlich', 'Aus Schema 9', '2026-01-15T10:00:00', '2026-07-01T18:30:00', '2026-07-01T18:30:00', '2026/0001');",
    )
    .unwrap();
    let mut store = Store::oeffnen(&pfad, zeit("2026-08-01")).unwrap();
    let roh_wert = |spalte: &str| {
        roh::text(&pfad, &format!("SELECT {spalte} FROM vorlage WHERE id = 1")).unwrap()
    };
    assert_eq!(roh_wert("erstellt"), "2026-01-15T09:00:00Z");
    assert_eq!(roh_wert("geaendert"), "2026-07-01T16:30:00Z");
    assert_eq!(roh_wert("freigegeben_am"), "2026-07-01T16:30:00Z");
    let akte = store.vorlage(ratsbuero::domain::VorlageId(1)).unwrap();
    let t = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap();
    assert_eq!(akte.erstellt, t("2026-01-15T10:00:00"));
    assert_eq!(akte.geaendert, t("2026-07-01T18:30:00"));
    assert_eq!(akte.freigegeben_am, Some(t("2026-07-01T18:30:00")));

    let neu = store
        .vorlage_anlegen(
            &crate::gemeinsam::vorlage("Nach Schema 10"),
            t("2026-12-04T21:15:00"),
        )
        .unwrap();
    assert_eq!(neu.geaendert, t("2026-12-04T21:15:00"));
    assert_eq!(
        roh::text(
            &pfad,
            &format!("SELECT geaendert FROM vorlage WHERE id = {}", neu.id.0)
        )
        .unwrap(),
        "2026-12-04T20:15:00Z"
    );
}

#[test]
fn schema_20_reads_the_text_of_the_anlagen_stored_before_and_the_search_finds_it() {
    let ordner = tempfile::tempdir().unwrap();
    let pfad = ordner.path().join("alt.sqlite");
    roh::mit_schema(&pfad, 19).unwrap();
    let mut docx = std::io::Cursor::new(Vec::new());
    docx_rs::Docx::new()
        .add_paragraph(docx_rs::Paragraph::new().add_run(
            docx_rs::Run::new().add_text("Stellungnahme der Migrantenselbstorganisationen"),
        ))
        .build()
        .pack(&mut docx)
        .unwrap();
    let hex: String = docx
        .into_inner()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    roh::ausfuehren(
        &pfad,
        &format!(
            "INSERT INTO vorlage (id, zustand, art, status, betreff, erstellt, geaendert)
               VALUES (1, 'entwurf', 'anfrage', 'oeffentlich', 'Aus Schema 19', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z');
             INSERT INTO anlage (vorlage_id, pos, name, mime, groesse, sha512, status, daten, erstellt)
               VALUES (1, 1, 'Stellungnahme.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', {}, 'x', 'oeffentlich', X'{hex}', '2026-11-01T10:00:00Z');",
            hex.len() / 2
        ),
    )
    .unwrap();
    let store = Store::oeffnen(&pfad, zeit("2026-12-07")).unwrap();
    let treffer = store
        .vorlagen(&VorlagenFilter {
            suche: Some("selbstorganisationen".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(treffer.len(), 1);
    assert_eq!(
        treffer[0].fundstelle.as_deref(),
        Some("gefunden in Anlage 1: Stellungnahme.docx")
    );
    let anlagen = store.anlagen(ratsbuero::domain::VorlageId(1)).unwrap();
    assert_eq!(
        anlagen[0].textschicht,
        ratsbuero::domain::anlage::Textschicht::Text
    );
}
