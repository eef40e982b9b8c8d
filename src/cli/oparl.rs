//! `ratsbuero oparl …`: the public data out through the OParl door, and the town's RIS in
//! through it (`import`, then `suche` and `liste` over what was read).

use super::{einzeilig, jetzt, json};
use crate::api::{self, ApiFehler};
use crate::store::Store;
use clap::Subcommand;
use std::io::IsTerminal;
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

/// One object on one line, its fields separated by tabs.
fn zeile(e: &crate::store::RisEintrag) -> String {
    [&e.typ, &e.datum, &e.nummer, &e.name, &e.url]
        .map(|t| einzeilig(t))
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
            // Progress on a terminal (pages, objects, files), nothing in a pipe.
            let terminal = std::io::stderr().is_terminal();
            let bericht = api::oparl_import(store, &url, jetzt(), &mut |f| {
                if terminal {
                    eprint!(
                        "\r{}: Seite {}, {} Objekte, {} Dateien gelesen\x1b[K",
                        f.liste, f.seite, f.gelesen, f.dateien
                    );
                }
                true
            })?;
            if terminal {
                eprintln!();
            }
            if als_json {
                zeile!("{}", json(&bericht));
            } else {
                for z in bericht.zeilen() {
                    zeile!("{z}");
                }
            }
        }
        OparlBefehl::Suche {
            text,
            json: als_json,
        } => {
            let treffer = api::ris_suche(store, &text)?;
            if als_json {
                zeile!("{}", json(&treffer));
            } else {
                for t in &treffer {
                    zeile!("{}", zeile(t));
                }
            }
        }
        OparlBefehl::Liste {
            typ,
            json: als_json,
        } => {
            let alle = api::ris_liste(store, &typ)?;
            if als_json {
                zeile!("{}", json(&alle));
            } else {
                for t in &alle {
                    zeile!("{}", zeile(t));
                }
            }
        }
    }
    Ok(())
}
