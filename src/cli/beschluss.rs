//! `ratsbuero beschluss …`: the Beschlusskontrolle (issue 27 § 3) — a contract: the
//! office's scripts and our checks use these names.

use super::{jetzt, json};
use crate::api::{self, ApiFehler, BeschlussFilter};
use crate::domain::beschluss::{Beschluss, BeschlussAenderung, FolgeschrittAenderung};
use crate::domain::datum;
use crate::store::Store;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum BeschlussBefehl {
    /// Die Beschlüsse aller Sitzungen und was aus ihnen wurde
    Liste {
        /// offen | in-arbeit | erledigt | ueberfaellig
        #[arg(long)]
        status: Option<String>,
        /// Name des Gremiums
        #[arg(long)]
        gremium: Option<String>,
        #[arg(long)]
        jahr: Option<i32>,
        /// Teil des Namens der zuständigen Stelle
        #[arg(long)]
        zustaendig: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Einen Beschluss zeigen (ID: die des TOP)
    Zeigen {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// „Sachstand der Beschlüsse“ als Mitteilungsvorlage (Entwurf) für die nächste Sitzung anlegen
    Sachstand,
    /// Stand, Wiedervorlage und Zuständigkeit eines Beschlusses setzen, eine Notiz anfügen
    Setzen {
        id: i64,
        /// offen | in-arbeit | erledigt
        #[arg(long)]
        status: Option<String>,
        /// Wiedervorlage TT.MM.JJJJ (leer: keine)
        #[arg(long)]
        faellig: Option<String>,
        #[arg(long)]
        zustaendig: Option<String>,
        /// Eine Notiz mit dem heutigen Datum
        #[arg(long)]
        notiz: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Das Ergebnis eines späteren Schritts der Beratungsfolge eintragen (z. B. Rat)
    Beratung {
        id: i64,
        /// Der Schritt: Name des Gremiums, wie in der Beratungsfolge
        #[arg(long)]
        gremium: String,
        /// Datum der Beratung TT.MM.JJJJ (leer: nicht bekannt)
        #[arg(long, default_value = "")]
        datum: String,
        #[arg(long)]
        ergebnis: String,
        #[arg(long)]
        json: bool,
    },
}

/// `in-arbeit` on the command line is the key `in_arbeit`.
fn status_key(s: &str) -> String {
    s.trim().replace('-', "_")
}

fn zeile(b: &Beschluss) -> String {
    format!(
        "{:>5}  {}  {} {}  {:<13} {:<12} {}{}",
        b.top.0,
        datum::deutsch(b.sitzung_am),
        b.gremium,
        b.top_nummer,
        b.anzeige.replace('_', "-"),
        b.faellig.map(datum::deutsch).unwrap_or_else(|| "—".into()),
        b.titel,
        if b.zustaendig.is_empty() {
            String::new()
        } else {
            format!(" ({})", b.zustaendig)
        }
    )
}

pub fn beschluss(store: &mut Store, befehl: BeschlussBefehl) -> Result<(), ApiFehler> {
    match befehl {
        BeschlussBefehl::Liste {
            status,
            gremium,
            jahr,
            zustaendig,
            json: als_json,
        } => {
            let filter = BeschlussFilter {
                status: status.as_deref().map(status_key),
                gremium,
                jahr,
                zustaendig,
                nur_oeffentlich: false,
            };
            let liste = api::beschluesse(store, &filter, jetzt())?;
            if als_json {
                zeile!("{}", json(&liste));
            } else {
                for b in &liste {
                    zeile!("{}", zeile(b));
                }
            }
        }
        BeschlussBefehl::Zeigen { id, json: als_json } => {
            let b = api::beschluss(store, id, jetzt())?;
            if als_json {
                zeile!("{}", json(&b));
            } else {
                zeile!("{}", zeile(&b));
                zeile!("Ergebnis: {}", b.ergebnis.label());
                if !b.beschlusstext.is_empty() {
                    zeile!("Beschluss: {}", b.beschlusstext);
                }
                for f in &b.beratungsfolge {
                    zeile!("{}", folgeschritt(f));
                }
                for n in &b.notizen {
                    zeile!("{}  {}", datum::deutsch(n.datum), n.text);
                }
            }
        }
        BeschlussBefehl::Sachstand => {
            let g = api::sachstand_entwurf(store, jetzt())?;
            let v = api::vorlage_lesen(store, g.id.0)?;
            zeile!("Entwurf {} angelegt: {}", g.id.0, v.inhalt.betreff);
        }
        BeschlussBefehl::Setzen {
            id,
            status,
            faellig,
            zustaendig,
            notiz,
            json: als_json,
        } => {
            let jetzt = jetzt();
            let bisher = api::beschluss(store, id, jetzt)?;
            let aenderung = BeschlussAenderung {
                status: status
                    .as_deref()
                    .map(status_key)
                    .unwrap_or_else(|| bisher.status.key().into()),
                faellig: faellig
                    .unwrap_or_else(|| bisher.faellig.map(datum::deutsch).unwrap_or_default()),
                zustaendig: zustaendig.unwrap_or(bisher.zustaendig),
            };
            let mut b = api::beschluss_setzen(store, id, &aenderung, jetzt)?;
            if let Some(n) = notiz {
                b = api::beschluss_notiz(store, id, &n, jetzt)?;
            }
            if als_json {
                zeile!("{}", json(&b));
            } else {
                zeile!("{}", zeile(&b));
            }
        }
        BeschlussBefehl::Beratung {
            id,
            gremium,
            datum: tag,
            ergebnis,
            json: als_json,
        } => {
            let jetzt = jetzt();
            let bisher = api::beschluss(store, id, jetzt)?;
            let schritt = bisher
                .beratungsfolge
                .iter()
                .find(|f| f.gremium.to_lowercase() == gremium.trim().to_lowercase())
                .ok_or_else(|| {
                    let namen: Vec<&str> = bisher
                        .beratungsfolge
                        .iter()
                        .map(|f| f.gremium.as_str())
                        .collect();
                    ApiFehler::feld(
                        "gremium",
                        format!(
                            "Das Gremium „{}“ steht nicht in der Beratungsfolge ({}).",
                            gremium.trim(),
                            if namen.is_empty() {
                                "keine".into()
                            } else {
                                namen.join(", ")
                            }
                        ),
                    )
                })?;
            let aenderung = FolgeschrittAenderung {
                datum: tag,
                ergebnis,
            };
            let b = api::beschluss_folgeschritt(store, id, schritt.pos, &aenderung, jetzt)?;
            if als_json {
                zeile!("{}", json(&b));
            } else {
                for f in &b.beratungsfolge {
                    zeile!("{}", folgeschritt(f));
                }
            }
        }
    }
    Ok(())
}

/// A step of the Beratungsfolge on one line, with where its result came from.
fn folgeschritt(f: &crate::domain::beschluss::Folgeschritt) -> String {
    let tag = datum::parse(&f.datum)
        .map(datum::deutsch)
        .unwrap_or_default();
    format!(
        "  {}{}: {}{}",
        f.gremium,
        if tag.is_empty() {
            String::new()
        } else {
            format!(" am {tag}")
        },
        if f.ergebnis.is_empty() {
            "noch ohne Ergebnis"
        } else {
            &f.ergebnis
        },
        f.ris_uebernommen
            .map(|d| format!(" (aus dem RIS übernommen am {})", datum::deutsch(d)))
            .unwrap_or_default()
    )
}
