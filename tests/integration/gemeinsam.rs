//! Helpers shared by the integration tests: a temporary office database and a clock.

use chrono::{NaiveDate, NaiveDateTime};
use ratsbuero::domain::{Beratungsschritt, Buero, Klimarelevanz, Rolle, VorlageInhalt};
use ratsbuero::store::Store;
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
}

impl Testbuero {
    pub fn pfad(&self) -> PathBuf {
        self.ordner.path().join("buero.sqlite")
    }
}

pub fn buero_mit_schema(schema: &str, wahlperiode: &str) -> Testbuero {
    let ordner = tempfile::tempdir().unwrap();
    let mut store =
        Store::oeffnen(&ordner.path().join("buero.sqlite"), zeit("2026-01-05")).unwrap();
    store
        .buero_speichern(&Buero {
            kommune: "Stadt Herne".into(),
            nummernschema: schema.into(),
            wahlperiode: wahlperiode.into(),
            ..Buero::default()
        })
        .unwrap();
    Testbuero { ordner, store }
}

pub fn buero() -> Testbuero {
    buero_mit_schema("{jahr}/{nr:04}", "")
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
