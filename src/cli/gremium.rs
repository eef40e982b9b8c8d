//! `ratsbuero gremium …`: the Gremien of the office.

use super::{jetzt, json, wert};
use crate::api::{self, ApiFehler};
use crate::store::Store;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum GremiumBefehl {
    /// Ein Gremium anlegen
    Neu {
        #[arg(long)]
        name: String,
        /// integrationsrat | ausschuss_chancengerechtigkeit | rat | ausschuss | arbeitsgemeinschaft | extern
        #[arg(long)]
        art: String,
        #[arg(long, default_value = "")]
        kurzname: String,
        #[arg(long, default_value = "")]
        wahlperiode: String,
        /// Ladungsfrist in Tagen
        #[arg(long, default_value_t = 7)]
        ladungsfrist: u32,
        /// Mindestzahl der Sitzungen im Jahr (z. B. 2 für die AG Integrationsräte)
        #[arg(long, default_value_t = 0)]
        mindestsitzungen: u32,
        /// Stellvertretung: liste (der Liste/Fraktion, in ihrer Reihenfolge) | persoenlich
        #[arg(long, default_value = "liste")]
        vertretung: String,
        /// Zahlt weder Sitzungsgeld noch Fahrtkosten (z. B. die AG Integrationsräte)
        #[arg(long)]
        ohne_entschaedigung: bool,
        #[arg(long)]
        json: bool,
    },
    /// Die Einstellungen eines Gremiums ändern; nicht genannte bleiben, wie sie sind
    Aendern {
        id: i64,
        #[arg(long)]
        name: Option<String>,
        /// integrationsrat | ausschuss_chancengerechtigkeit | rat | ausschuss | arbeitsgemeinschaft | extern
        #[arg(long)]
        art: Option<String>,
        #[arg(long)]
        kurzname: Option<String>,
        #[arg(long)]
        wahlperiode: Option<String>,
        /// Ladungsfrist in Tagen
        #[arg(long)]
        ladungsfrist: Option<u32>,
        #[arg(long)]
        mindestsitzungen: Option<u32>,
        /// Stellvertretung: liste | persoenlich
        #[arg(long)]
        vertretung: Option<String>,
        /// ja: zahlt weder Sitzungsgeld noch Fahrtkosten; nein: zahlt sie
        #[arg(long)]
        ohne_entschaedigung: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Die Presse- und Öffentlichkeitsliste: Adressen, die das öffentliche Sitzungspaket erhalten
    Presse {
        gremium: i64,
        /// Diese Adresse aufnehmen (oder mit --entfernen streichen)
        #[arg(long)]
        email: Option<String>,
        #[arg(long, requires = "email")]
        entfernen: bool,
    },
    /// Alle Gremien auflisten
    Liste {
        #[arg(long)]
        json: bool,
    },
}

pub fn gremium(store: &mut Store, befehl: GremiumBefehl) -> Result<(), ApiFehler> {
    match befehl {
        GremiumBefehl::Neu {
            name,
            art,
            kurzname,
            wahlperiode,
            ladungsfrist,
            mindestsitzungen,
            vertretung,
            ohne_entschaedigung,
            json: als_json,
        } => {
            let neu = crate::domain::GremiumNeu {
                name,
                kurzname,
                typ: wert("art", &art)?,
                wahlperiode,
                ladungsfrist_tage: ladungsfrist,
                mindestsitzungen_jahr: mindestsitzungen,
                vertretung: wert("vertretung", &vertretung)?,
                ohne_entschaedigung,
            };
            let g = api::gremium_anlegen(store, &neu, jetzt())?;
            if als_json {
                zeile!("{}", json(&g))
            } else {
                zeile!("Gremium {} angelegt: {}", g.id, g.daten.name)
            }
        }
        GremiumBefehl::Aendern {
            id,
            name,
            art,
            kurzname,
            wahlperiode,
            ladungsfrist,
            mindestsitzungen,
            vertretung,
            ohne_entschaedigung,
            json: als_json,
        } => {
            let mut neu = api::gremium_lesen(store, id)?.daten;
            if let Some(v) = name {
                neu.name = v;
            }
            if let Some(v) = art {
                neu.typ = wert("art", &v)?;
            }
            if let Some(v) = kurzname {
                neu.kurzname = v;
            }
            if let Some(v) = wahlperiode {
                neu.wahlperiode = v;
            }
            if let Some(v) = ladungsfrist {
                neu.ladungsfrist_tage = v;
            }
            if let Some(v) = mindestsitzungen {
                neu.mindestsitzungen_jahr = v;
            }
            if let Some(v) = vertretung {
                neu.vertretung = wert("vertretung", &v)?;
            }
            if let Some(v) = ohne_entschaedigung {
                neu.ohne_entschaedigung = match v.trim() {
                    "ja" => true,
                    "nein" => false,
                    _ => {
                        return Err(ApiFehler::feld(
                            "ohne_entschaedigung",
                            format!("Ohne Entschädigung: „{}“ – bitte ja oder nein.", v.trim()),
                        ))
                    }
                };
            }
            let g = api::gremium_aendern(store, id, &neu, jetzt())?;
            if als_json {
                zeile!("{}", json(&g))
            } else {
                zeile!("Gremium {} geändert: {}", g.id, g.daten.name)
            }
        }
        GremiumBefehl::Presse {
            gremium,
            email,
            entfernen,
        } => match (email, entfernen) {
            (Some(e), false) => {
                let a = api::presse_hinzufuegen(store, gremium, &e, jetzt())?;
                zeile!("Presseadresse {} aufgenommen: {}", a.id, a.email);
            }
            (Some(e), true) => {
                let a = api::presse_liste(store, gremium)?
                    .into_iter()
                    .find(|a| a.email.eq_ignore_ascii_case(e.trim()))
                    .ok_or_else(|| {
                        ApiFehler::feld(
                            "email",
                            format!("„{}“ steht nicht auf der Presseliste.", e.trim()),
                        )
                    })?;
                api::presse_entfernen(store, a.id, jetzt())?;
                zeile!("Presseadresse gestrichen: {}", a.email);
            }
            (None, _) => {
                for a in api::presse_liste(store, gremium)? {
                    zeile!("{:>4}  {}", a.id, a.email);
                }
            }
        },
        GremiumBefehl::Liste { json: als_json } => {
            let alle = api::gremien(store)?;
            if als_json {
                zeile!("{}", json(&alle))
            } else {
                for g in alle {
                    zeile!("{:>4}  {} ({})", g.id, g.daten.name, g.daten.typ.label())
                }
            }
        }
    }
    Ok(())
}
