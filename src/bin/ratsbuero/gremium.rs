//! `ratsbuero gremium …`: the Gremien of the office.

use super::{jetzt, json, wert};
use clap::Subcommand;
use ratsbuero::api::{self, ApiFehler};
use ratsbuero::store::Store;

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
        #[arg(long)]
        json: bool,
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
            json: als_json,
        } => {
            let neu = ratsbuero::domain::GremiumNeu {
                name,
                kurzname,
                typ: wert("art", &art)?,
                wahlperiode,
                ladungsfrist_tage: ladungsfrist,
                mindestsitzungen_jahr: mindestsitzungen,
            };
            let g = api::gremium_anlegen(store, &neu, jetzt())?;
            if als_json {
                println!("{}", json(&g))
            } else {
                println!("Gremium {} angelegt: {}", g.id, g.daten.name)
            }
        }
        GremiumBefehl::Liste { json: als_json } => {
            let alle = api::gremien(store)?;
            if als_json {
                println!("{}", json(&alle))
            } else {
                for g in alle {
                    println!("{:>4}  {} ({})", g.id, g.daten.name, g.daten.typ.label())
                }
            }
        }
    }
    Ok(())
}
