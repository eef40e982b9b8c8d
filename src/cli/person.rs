//! `ratsbuero person …`: people and their memberships.

use super::{jetzt, json, wert};
use crate::api::{self, ApiFehler};
use crate::store::Store;
use clap::Subcommand;

// Parsed once per run: the size of a variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum PersonBefehl {
    /// Eine Person anlegen, optional gleich als Mitglied eines Gremiums
    Neu {
        #[arg(long, default_value = "")]
        anrede: String,
        #[arg(long, default_value = "")]
        titel: String,
        #[arg(long, default_value = "")]
        vorname: String,
        #[arg(long)]
        nachname: String,
        #[arg(long, default_value = "")]
        email: String,
        /// Mitglied dieses Gremiums (ID)
        #[arg(long)]
        gremium: Option<i64>,
        /// vorsitz | stellv_vorsitz | mitglied | stellv_mitglied | beratend
        #[arg(long, default_value = "mitglied")]
        rolle: String,
        /// direkt | rat | sonstig (§ 27 GO NRW: direkt gewählt oder vom Rat entsandt)
        #[arg(long, default_value = "direkt")]
        herkunft: String,
        /// Liste oder Fraktion
        #[arg(long, default_value = "")]
        fuer: String,
        #[arg(long, default_value = "")]
        telefon: String,
        /// Postanschrift für die Einladung, Zeilen durch "\n" getrennt
        #[arg(long, default_value = "")]
        anschrift: String,
        /// Für die Auszahlung des Sitzungsgeldes (mit oder ohne Leerzeichen)
        #[arg(long, default_value = "")]
        iban: String,
        /// Personalnummer der Stadtkasse, falls vergeben
        #[arg(long, default_value = "")]
        personalnummer: String,
        /// Mitglied seit (TT.MM.JJJJ oder JJJJ-MM-TT)
        #[arg(long, default_value = "")]
        von: String,
        /// Mitglied bis
        #[arg(long, default_value = "")]
        bis: String,
        #[arg(long)]
        json: bool,
    },
    /// Alle Personen, nach Nachnamen sortiert
    Liste {
        #[arg(long)]
        json: bool,
    },
}

pub fn person(store: &mut Store, befehl: PersonBefehl) -> Result<(), ApiFehler> {
    match befehl {
        PersonBefehl::Neu {
            anrede,
            titel,
            vorname,
            nachname,
            email,
            gremium,
            rolle,
            herkunft,
            fuer,
            telefon,
            anschrift,
            iban,
            personalnummer,
            von,
            bis,
            json: als_json,
        } => {
            let rolle = wert("rolle", &rolle)?;
            let herkunft = wert("herkunft", &herkunft)?;
            let neu = crate::domain::PersonNeu {
                anrede,
                titel,
                vorname,
                nachname,
                email,
                telefon,
                anschrift: anschrift.replace("\\n", "\n"),
                iban,
                personalnummer,
            };
            // Person and membership in one go: a refused membership leaves no person behind.
            let m = gremium.map(|g| crate::domain::MitgliedschaftNeu {
                person: crate::domain::PersonId(0),
                gremium: crate::domain::GremiumId(g),
                rolle,
                stimmrecht: rolle != crate::domain::sitzung::MitgliedRolle::Beratend,
                fuer,
                herkunft,
                von,
                bis,
            });
            let p = api::person_anlegen_mit(store, &neu, m.as_ref(), jetzt())?;
            if als_json {
                zeile!("{}", json(&p))
            } else {
                zeile!("Person {} angelegt: {}", p.id, p.name)
            }
        }
        PersonBefehl::Liste { json: als_json } => {
            let alle = store.personen()?;
            if als_json {
                zeile!("{}", json(&alle))
            } else {
                for p in alle {
                    zeile!("{:>4}  {}", p.id, p.name)
                }
            }
        }
    }
    Ok(())
}
