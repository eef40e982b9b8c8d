//! `ratsbuero oparl …`: the public data out through the OParl door, and the town's RIS in
//! through it (`import`, then `suche` and `liste` over what was read).

use super::{jetzt, json};
use crate::api::{self, ApiFehler};
use crate::store::Store;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum OparlBefehl {
    /// Statische OParl-1.1-Dateien in den Ordner schreiben (nur Öffentliches)
    Export {
        ordner: PathBuf,
        /// Adresse, unter der der Ordner veröffentlicht wird, z. B. https://ratsinfo.beispiel.de/oparl
        #[arg(long)]
        basis_url: String,
    },
    /// Das Ratsinformationssystem der Stadt über OParl 1.0/1.1 einlesen (wieder: nur Geändertes)
    Import {
        /// Adresse des OParl-Systems oder einer Körperschaft (Body)
        url: String,
        #[arg(long)]
        json: bool,
    },
    /// Im eingelesenen Ratsinformationssystem suchen (Vorlagen, Sitzungen, Gremien)
    Suche {
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Eingelesene Objekte einer Art auflisten: Paper, Meeting, Organization, Person
    Liste {
        #[arg(long, default_value = "Paper")]
        typ: String,
        #[arg(long)]
        json: bool,
    },
}

fn zeile(e: &crate::store::RisEintrag) -> String {
    [
        e.typ.as_str(),
        e.datum.as_str(),
        e.nummer.as_str(),
        e.name.as_str(),
        e.url.as_str(),
    ]
    .join("\t")
}

/// The import and the look-ups (the export is the office's own, in `cli::mod`).
pub fn oparl(store: &mut Store, befehl: OparlBefehl) -> Result<(), ApiFehler> {
    match befehl {
        OparlBefehl::Export { .. } => unreachable!("in cli::ausfuehren"),
        OparlBefehl::Import {
            url,
            json: als_json,
        } => {
            let bericht = api::oparl_import(store, &url, jetzt(), &mut |_| true)?;
            if als_json {
                println!("{}", json(&bericht));
            } else {
                for z in bericht.zeilen() {
                    println!("{z}");
                }
            }
        }
        OparlBefehl::Suche {
            text,
            json: als_json,
        } => {
            let treffer = api::ris_suche(store, &text)?;
            if als_json {
                println!("{}", json(&treffer));
            } else {
                for t in &treffer {
                    println!("{}", zeile(t));
                }
            }
        }
        OparlBefehl::Liste {
            typ,
            json: als_json,
        } => {
            let alle = api::ris_liste(store, &typ)?;
            if als_json {
                println!("{}", json(&alle));
            } else {
                for t in &alle {
                    println!("{}", zeile(t));
                }
            }
        }
    }
    Ok(())
}
