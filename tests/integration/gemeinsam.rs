//! Helpers shared by the integration tests: a temporary office database and a clock.
//!
//! The office database is an SQLite file in a temporary folder, or — when
//! `RATSBUERO_TEST_SERVER` names a PostgreSQL server (`postgres://…/postgres?host=…`, as
//! `scripts/pg-server` prints it) — a fresh database of its own on that server. The same
//! test bodies thus run against both backends (`scripts/test` runs them twice). A test
//! about the file itself (its backups, its pragmas, the CLI on a path) asks for
//! [`buero_datei`].

use chrono::{NaiveDate, NaiveDateTime};
use ratsbuero::domain::{Beratungsschritt, Buero, Klimarelevanz, Rolle, VorlageInhalt};
use ratsbuero::store::{Ablage, Store};
use std::path::PathBuf;

pub fn zeit(tag: &str) -> NaiveDateTime {
    NaiveDate::parse_from_str(tag, "%Y-%m-%d")
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

pub struct Testbuero {
    pub ordner: tempfile::TempDir,
    pub store: Store,
    pub ablage: Ablage,
}

impl Testbuero {
    /// The SQLite file (only for a [`buero_datei`]).
    pub fn pfad(&self) -> PathBuf {
        match &self.ablage {
            Ablage::Datei(p) => p.clone(),
            Ablage::Server(_) => panic!("dieser Test braucht buero_datei()"),
        }
    }

    /// What `--db` takes for this office: the file's path or the server's URL.
    pub fn db_arg(&self) -> String {
        match &self.ablage {
            Ablage::Datei(p) => p.to_string_lossy().into_owned(),
            Ablage::Server(url) => url.clone(),
        }
    }

    /// A second connection to the same office (another window or workstation).
    pub fn noch_einmal(&self) -> Store {
        Store::oeffnen_ablage(&self.ablage, zeit("2026-01-05"), None).unwrap()
    }
}

/// The test server named by `RATSBUERO_TEST_SERVER`, if any.
pub fn test_server() -> Option<String> {
    std::env::var("RATSBUERO_TEST_SERVER")
        .ok()
        .filter(|u| !u.is_empty())
}

/// A fresh, empty database on the test server; its URL.
pub fn neue_server_datenbank(admin: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NR: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "t_{}_{}_{}",
        std::process::id(),
        NR.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    );
    let mut c = postgres::Client::connect(admin, postgres::NoTls).unwrap();
    c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let (vorne, hinten) = admin.split_once('?').unwrap_or((admin, ""));
    let (basis, _) = vorne.rsplit_once('/').unwrap();
    if hinten.is_empty() {
        format!("{basis}/{name}")
    } else {
        format!("{basis}/{name}?{hinten}")
    }
}

fn ablage_neu(ordner: &tempfile::TempDir, datei: bool) -> Ablage {
    match test_server() {
        Some(admin) if !datei => Ablage::Server(neue_server_datenbank(&admin)),
        _ => Ablage::Datei(ordner.path().join("buero.sqlite")),
    }
}

pub fn buero_mit_schema(schema: &str, wahlperiode: &str) -> Testbuero {
    buero_auf(schema, wahlperiode, false)
}

/// An office in an SQLite file, whatever `RATSBUERO_TEST_SERVER` says.
pub fn buero_datei() -> Testbuero {
    buero_auf("{jahr}/{nr:04}", "", true)
}

fn buero_auf(schema: &str, wahlperiode: &str, datei: bool) -> Testbuero {
    let ordner = tempfile::tempdir().unwrap();
    let ablage = ablage_neu(&ordner, datei);
    let mut store = Store::oeffnen_ablage(&ablage, zeit("2026-01-05"), None).unwrap();
    store
        .buero_speichern(&Buero {
            kommune: "Stadt Herne".into(),
            nummernschema: schema.into(),
            wahlperiode: wahlperiode.into(),
            ..Buero::default()
        })
        .unwrap();
    Testbuero {
        ordner,
        store,
        ablage,
    }
}

pub fn buero() -> Testbuero {
    buero_mit_schema("{jahr}/{nr:04}", "")
}

/// The Betreffs of the office's Vorlagen, sorted.
pub fn betreffs(store: &Store) -> Vec<String> {
    let mut v: Vec<String> = store
        .vorlagen(&ratsbuero::store::VorlagenFilter::default())
        .unwrap()
        .into_iter()
        .map(|z| z.betreff)
        .collect();
    v.sort();
    v
}

/// A complete Beschlussvorlage (releasable as it is).
pub fn vorlage(betreff: &str) -> VorlageInhalt {
    VorlageInhalt {
        betreff: betreff.into(),
        verfasser: "Radojka Mühlenkamp".into(),
        federfuehrend: "Büro Integrationsrat".into(),
        bearbeiter: "Barszap, Michael".into(),
        beratungsfolge: vec![
            Beratungsschritt {
                gremium: "Integrationsrat".into(),
                rolle: Rolle::Vorberatung,
                datum: "2026-04-16".into(),
                ergebnis: String::new(),
            },
            Beratungsschritt {
                gremium: "Rat der Stadt".into(),
                rolle: Rolle::Entscheidung,
                datum: "2026-05-06".into(),
                ergebnis: String::new(),
            },
        ],
        klimarelevanz: Some(Klimarelevanz::Keine),
        beschlussvorschlag: "Der Rat der Stadt beschließt das Integrationskonzept.".into(),
        sachverhalt: "Zum 01.08.2013 wurde ein Kommunales Integrationszentrum errichtet.\n\n- Bildung\n- Wohnen".into(),
        ..Default::default()
    }
}

/// A secret election of one chair in Sitzung `sitzung`, members only.
pub fn vorsitzwahl(sitzung: ratsbuero::domain::SitzungId) -> ratsbuero::domain::WahlNeu {
    use ratsbuero::domain::wahl::{Verfahren, WahlArt};
    ratsbuero::domain::WahlNeu {
        sitzung,
        top: None,
        titel: "Vorsitz".into(),
        ziel_gremium: None,
        sitze: 1,
        stellvertreter: false,
        geheim: true,
        art: WahlArt::Einzel,
        verfahren: Verfahren::HareNiemeyer,
        einheitlich_mehrheit: false,
        nur_mitglieder: true,
    }
}

/// The id of the person with this family name (in the demo office).
pub fn person(b: &Testbuero, nachname: &str) -> i64 {
    b.store
        .personen()
        .unwrap()
        .into_iter()
        .find(|p| p.daten.nachname == nachname)
        .unwrap()
        .id
        .0
}

/// The demo office (as on 22.11.2026) with a recommendation to the Rat: a released
/// Vorlage whose Beratungsfolge goes Integrationsrat → Haupt- und Finanzausschuss → Rat
/// der Stadt (later steps without results), put on a TOP of the demo's first Sitzung and
/// decided there on 06.12.2026. Returns the office, the TOP's id and the Vorlage.
pub fn empfehlung_beschlossen() -> (Testbuero, i64, ratsbuero::domain::VorlageAkte) {
    use ratsbuero::domain::sitzung::TopErgebnis;
    let mut b = buero();
    ratsbuero::api::demo(&mut b.store, zeit("2026-11-22")).unwrap();
    let mut inhalt = vorlage("Gesamtkonzept Integration 2027");
    inhalt.beratungsfolge.insert(
        1,
        Beratungsschritt {
            gremium: "Haupt- und Finanzausschuss".into(),
            rolle: Rolle::Vorberatung,
            datum: String::new(),
            ergebnis: String::new(),
        },
    );
    for s in &mut inhalt.beratungsfolge {
        s.datum = String::new();
    }
    let j = zeit("2026-11-23");
    let g = b.store.vorlage_anlegen(&inhalt, j).unwrap();
    let akte = ratsbuero::api::vorlage_freigeben(&mut b.store, g.id.0, g.version, j).unwrap();
    let top = auf_die_tagesordnung(&mut b, 1, akte.id, j).id.0;
    ratsbuero::api::top_ergebnis(
        &mut b.store,
        top,
        TopErgebnis::Beschlossen,
        "Der Integrationsrat empfiehlt dem Rat, das Konzept zu beschließen.",
        None,
        zeit("2026-12-06"),
    )
    .unwrap();
    let akte = b.store.vorlage(akte.id).unwrap();
    (b, top, akte)
}

/// Puts the Vorlage `vorlage` on the öffentliche Tagesordnung of Sitzung `sitzung` as a TOP
/// of its own; returns that TOP.
pub fn auf_die_tagesordnung(
    b: &mut Testbuero,
    sitzung: i64,
    vorlage: ratsbuero::domain::VorlageId,
    jetzt: NaiveDateTime,
) -> ratsbuero::domain::Top {
    let neu = ratsbuero::domain::TopNeu {
        teil: ratsbuero::domain::sitzung::Teil::Oeffentlich,
        titel: String::new(),
        vorlage: Some(vorlage),
        unterpunkt: false,
    };
    ratsbuero::api::top_hinzufuegen(&mut b.store, sitzung, &neu, None, jetzt)
        .unwrap()
        .tops
        .into_iter()
        .find(|t| t.vorlage.as_ref().is_some_and(|v| v.id == vorlage))
        .unwrap()
}
