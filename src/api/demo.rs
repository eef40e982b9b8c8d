//! `demo`: fills an empty database with a realistic office, for trying the product and for
//! screenshots — the five reference papers as Vorlagen (one with a PDF Anlage, one
//! nichtöffentlich), the Gremien their papers pass through, members with names in several
//! scripts, and two Sitzungen of the Integrationsrat with öffentlicher and
//! nichtöffentlicher Teil.

use super::ApiFehler;
use crate::domain::sitzung::{GremiumTyp, Herkunft, MitgliedRolle, Teil};
use crate::domain::{AnlageNeu, GremiumNeu, MitgliedschaftNeu, PersonNeu, TopNeu};
use crate::domain::{Buero, Status, VorlageInhalt};
use crate::store::{Store, VorlagenFilter};
use chrono::{Duration, NaiveDateTime};

const VORLAGEN: &str = include_str!("../../assets/demo/vorlagen.json");

/// What `demo` created.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DemoErstellt {
    pub vorlagen: usize,
    pub gremien: usize,
    pub personen: usize,
    pub sitzungen: usize,
}

pub fn demo(store: &mut Store, jetzt: NaiveDateTime) -> Result<DemoErstellt, ApiFehler> {
    if !store
        .vorlagen(&VorlagenFilter {
            grenze: Some(1),
            ..Default::default()
        })?
        .is_empty()
        || !store.gremien()?.is_empty()
    {
        return Err(ApiFehler::neu("nicht_leer", "Die Datenbank enthält schon Daten; die Beispieldaten werden nur in eine leere Datenbank geschrieben."));
    }
    let buero = Buero {
        kommune: "Stadt Herne".into(),
        wahlperiode: "2025–2030".into(),
        eingerichtet: true,
        ..store.buero()?
    };
    store.buero_speichern(&buero)?;
    let inhalte: Vec<VorlageInhalt> = crate::domain::import::aus_wert(
        serde_json::from_str(VORLAGEN).expect("Beispieldaten sind JSON"),
    )?;
    let mut ids = Vec::new();
    for (i, mut inhalt) in inhalte.into_iter().enumerate() {
        if i == 3 {
            inhalt.status = Status::Nichtoeffentlich;
        }
        ids.push(store.vorlage_anlegen(&inhalt, jetzt)?.id);
    }
    // A PDF Anlage: the Herne paper itself, as the office would attach a report.
    let anlage = crate::pdf::vorlage(&store.vorlage(ids[1])?, &store.buero()?, jetzt)?.bytes;
    let v = store.vorlage(ids[0])?;
    store.anlage_hinzufuegen(
        ids[0],
        v.version,
        AnlageNeu {
            name: "Bericht Integrationskonzept.pdf".into(),
            status: Status::Oeffentlich,
            alternativenpruefung: false,
            daten: anlage,
        },
        jetzt,
    )?;

    let gremium = |name: &str, kurz: &str, typ, frist, min| GremiumNeu {
        name: name.into(),
        kurzname: kurz.into(),
        typ,
        wahlperiode: "2025–2030".into(),
        ladungsfrist_tage: frist,
        mindestsitzungen_jahr: min,
        vertretung: Default::default(),
        // The AG Integrationsräte pays nothing (seed paper 000).
        ohne_entschaedigung: typ == GremiumTyp::Arbeitsgemeinschaft,
    };
    let ir = store.gremium_anlegen(
        &gremium("Integrationsrat", "IR", GremiumTyp::Integrationsrat, 7, 4),
        jetzt,
    )?;
    store.gremium_anlegen(
        &gremium("Rat der Stadt", "Rat", GremiumTyp::Rat, 7, 0),
        jetzt,
    )?;
    store.gremium_anlegen(
        &gremium(
            "AG Integrationsräte Kreis Recklinghausen",
            "AGIR",
            GremiumTyp::Arbeitsgemeinschaft,
            14,
            2,
        ),
        jetzt,
    )?;
    let mitglieder = [
        (
            "Frau",
            "Ayşe",
            "Yılmaz",
            MitgliedRolle::Vorsitz,
            Herkunft::Direkt,
            "Liste Vielfalt",
        ),
        (
            "Herr",
            "Łukasz",
            "Żółkiewski",
            MitgliedRolle::StellvVorsitz,
            Herkunft::Direkt,
            "Internationale Liste",
        ),
        (
            "Frau",
            "Thị Hồng",
            "Nguyễn",
            MitgliedRolle::Mitglied,
            Herkunft::Direkt,
            "Liste Vielfalt",
        ),
        (
            "Herr",
            "Ștefan",
            "Țurcanu",
            MitgliedRolle::Mitglied,
            Herkunft::Direkt,
            "Internationale Liste",
        ),
        (
            "Frau",
            "Елена",
            "Смирнова",
            MitgliedRolle::Mitglied,
            Herkunft::Direkt,
            "Liste Vielfalt",
        ),
        (
            "Herr",
            "Γιώργος",
            "Παπαδόπουλος",
            MitgliedRolle::Mitglied,
            Herkunft::Direkt,
            "Internationale Liste",
        ),
        (
            "Herr",
            "Mehmet",
            "Çelik",
            MitgliedRolle::Mitglied,
            Herkunft::Rat,
            "SPD-Fraktion",
        ),
        (
            "Frau",
            "Radojka",
            "Mühlenkamp",
            MitgliedRolle::Mitglied,
            Herkunft::Rat,
            "CDU-Fraktion",
        ),
        (
            "Herr",
            "Michael",
            "Barszap",
            MitgliedRolle::Beratend,
            Herkunft::Sonstig,
            "Verwaltung",
        ),
    ];
    for (anrede, vorname, nachname, rolle, herkunft, fuer) in mitglieder {
        let p = store.person_anlegen(
            &PersonNeu {
                anrede: anrede.into(),
                vorname: vorname.into(),
                nachname: nachname.into(),
                ..Default::default()
            },
            jetzt,
        )?;
        store.mitgliedschaft_anlegen(&MitgliedschaftNeu {
            person: p.id,
            gremium: ir.id,
            rolle,
            stimmrecht: rolle != MitgliedRolle::Beratend,
            fuer: fuer.into(),
            herkunft,
            von: "01.11.2025".into(),
            bis: String::new(),
        })?;
    }
    let beginn = (jetzt.date() + Duration::days(14))
        .and_hms_opt(17, 0, 0)
        .expect("17:00");
    let erste = store.sitzung_anlegen(ir.id, beginn, "Rathaus, Sitzungssaal", jetzt)?;
    let top = |teil, titel: &str, vorlage| TopNeu {
        teil,
        titel: titel.into(),
        vorlage,
        unterpunkt: false,
    };
    for t in [
        top(
            Teil::Oeffentlich,
            "Genehmigung der Niederschrift der letzten Sitzung",
            None,
        ),
        top(Teil::Oeffentlich, "", Some(ids[0])),
        top(Teil::Oeffentlich, "", Some(ids[1])),
        top(Teil::Oeffentlich, "Mitteilungen der Verwaltung", None),
        TopNeu {
            unterpunkt: true,
            ..top(
                Teil::Oeffentlich,
                "Bericht aus der AG der Integrationsräte im Kreis",
                None,
            )
        },
        top(Teil::Nichtoeffentlich, "", Some(ids[3])),
    ] {
        store.top_hinzufuegen(erste.id, &t, jetzt)?;
    }
    let zweite = store.sitzung_anlegen(
        ir.id,
        beginn + Duration::days(84),
        "Rathaus, Sitzungssaal",
        jetzt,
    )?;
    store.top_hinzufuegen(zweite.id, &top(Teil::Oeffentlich, "", Some(ids[2])), jetzt)?;
    store.top_hinzufuegen(
        zweite.id,
        &top(Teil::Nichtoeffentlich, "Personalangelegenheiten", None),
        jetzt,
    )?;
    Ok(DemoErstellt {
        vorlagen: ids.len(),
        gremien: 3,
        personen: mitglieder.len(),
        sitzungen: 2,
    })
}
