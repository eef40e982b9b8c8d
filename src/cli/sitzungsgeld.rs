//! `ratsbuero sitzungsgeld …`: the rates of the Sitzungsgeld and Entschädigung, what is
//! entered per member and Sitzung, and the Auszahlungsliste of a period (PDF, CSV).

use super::{jetzt, json};
use crate::api::{self, ApiFehler};
use crate::store::Store;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum SitzungsgeldBefehl {
    /// Die Sätze (Sitzungsgeld, Verdienstausfall, Fahrtkosten) mit ihrer Gültigkeit
    Satz {
        #[command(subcommand)]
        befehl: SatzBefehl,
    },
    /// Stunden Verdienstausfall, km, nachgewiesenen Stundensatz oder Verzicht eines Mitglieds für eine Sitzung eintragen
    Setzen {
        /// ID der Sitzung
        sitzung: i64,
        #[arg(long)]
        person: i64,
        /// z. B. 2,5 oder 2:30
        #[arg(long, default_value = "")]
        stunden: String,
        #[arg(long, default_value_t = 0)]
        km: u32,
        /// Nachgewiesener Verdienstausfall je Stunde, z. B. 32,50 (sonst der Regelstundensatz)
        #[arg(long, default_value = "")]
        stundensatz: String,
        #[arg(long)]
        verzicht: bool,
    },
    /// Was jedem Mitglied einer Sitzung zusteht
    Sitzung {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Die Auszahlungsliste eines Zeitraums (Quartal, Jahr): als PDF und/oder CSV für die Stadtkasse
    Liste {
        /// TT.MM.JJJJ
        #[arg(long)]
        von: String,
        /// TT.MM.JJJJ
        #[arg(long)]
        bis: String,
        #[arg(long)]
        csv: Option<PathBuf>,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SatzBefehl {
    /// Einen Satz anlegen; ein neuer Betrag gilt ab seinem Tag (z. B. ab 01.01.)
    Neu {
        /// sitzungsgeld | verdienstausfall | verdienstausfall_hoechst | fahrtkosten | fahrtkosten_pauschale
        #[arg(long)]
        art: String,
        /// z. B. 25,00
        #[arg(long)]
        betrag: String,
        /// TT.MM.JJJJ
        #[arg(long)]
        ab: String,
        #[arg(long)]
        bis: Option<String>,
        /// Nur für dieses Gremium (ID)
        #[arg(long)]
        gremium: Option<i64>,
        /// Nur für: direkt (gewählte Mitglieder) | rat (Ratsmitglieder) | sonstig
        #[arg(long)]
        herkunft: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Alle Sätze auflisten
    Liste {
        #[arg(long)]
        json: bool,
    },
}

pub fn sitzungsgeld(store: &mut Store, befehl: SitzungsgeldBefehl) -> Result<(), ApiFehler> {
    match befehl {
        SitzungsgeldBefehl::Satz {
            befehl:
                SatzBefehl::Neu {
                    art,
                    betrag,
                    ab,
                    bis,
                    gremium,
                    herkunft,
                    json: als_json,
                },
        } => {
            let neu = api::satz_lesen(
                &art,
                &betrag,
                &ab,
                bis.as_deref(),
                gremium,
                herkunft.as_deref(),
            )?;
            let s = api::satz_anlegen(store, &neu, jetzt())?;
            if als_json {
                zeile!("{}", json(&s));
            } else {
                zeile!(
                    "{}: {} ab {}",
                    s.daten.art.label(),
                    s.daten.betrag,
                    crate::domain::datum::deutsch(s.daten.ab)
                );
            }
        }
        SitzungsgeldBefehl::Satz {
            befehl: SatzBefehl::Liste { json: als_json },
        } => {
            let saetze = api::saetze(store)?;
            if als_json {
                zeile!("{}", json(&saetze));
            } else {
                for s in saetze {
                    let d = &s.daten;
                    let mut fuer = Vec::new();
                    if let Some(g) = d.gremium {
                        fuer.push(api::gremium_lesen(store, g.0)?.daten.name);
                    }
                    if let Some(h) = d.herkunft {
                        fuer.push(h.label().to_string());
                    }
                    zeile!(
                        "{:<52} {:>10}  ab {}{}{}",
                        d.art.label(),
                        d.betrag.to_string(),
                        crate::domain::datum::deutsch(d.ab),
                        d.bis
                            .map(|b| format!(" bis {}", crate::domain::datum::deutsch(b)))
                            .unwrap_or_default(),
                        if fuer.is_empty() {
                            String::new()
                        } else {
                            format!("  ({})", fuer.join(", "))
                        }
                    );
                }
            }
        }
        SitzungsgeldBefehl::Setzen {
            sitzung,
            person,
            stunden,
            km,
            stundensatz,
            verzicht,
        } => {
            api::entschaedigung_setzen(
                store,
                sitzung,
                person,
                &stunden,
                km,
                &stundensatz,
                verzicht,
                None,
                jetzt(),
            )?;
            if let Some(z) = api::sitzung_entschaedigung(store, sitzung)?
                .into_iter()
                .find(|z| z.person.id.0 == person)
            {
                zeile!("{}: {}", z.person.name, z.posten.summe);
            }
        }
        SitzungsgeldBefehl::Sitzung { id, json: als_json } => {
            let zeilen = api::sitzung_entschaedigung(store, id)?;
            if als_json {
                zeile!("{}", json(&zeilen));
            } else {
                for z in zeilen {
                    zeile!(
                        "{:<32} {:>10}{}",
                        z.person.name,
                        z.posten.summe.to_string(),
                        z.posten
                            .hinweis
                            .map(|h| format!("  ({h})"))
                            .unwrap_or_default()
                    );
                }
            }
        }
        SitzungsgeldBefehl::Liste {
            von,
            bis,
            csv,
            out,
            json: als_json,
        } => {
            let liste = api::auszahlungsliste(store, &von, &bis)?;
            if let Some(pfad) = &csv {
                api::datei_schreiben(pfad, api::auszahlung_csv(&liste).as_bytes())?;
                eprintln!("{} geschrieben.", pfad.display());
            }
            if let Some(pfad) = &out {
                let pdf = api::auszahlung_pdf(store, &liste, jetzt())?;
                api::datei_schreiben(pfad, &pdf)?;
                eprintln!("{} geschrieben.", pfad.display());
            }
            if als_json {
                zeile!("{}", json(&liste));
            } else if csv.is_none() && out.is_none() {
                for (p, summe) in &liste.summen {
                    zeile!("{:<32} {:>12}", p.name, summe.to_string());
                }
                zeile!("{:<32} {:>12}", "Summe", liste.summe.to_string());
            }
        }
    }
    Ok(())
}
