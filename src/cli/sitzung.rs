//! `ratsbuero sitzung …`: Sitzungen, their Tagesordnung, attendance, results and documents.

use super::{jetzt, json};
use crate::api::{self, ApiFehler};
use crate::domain::TopNeu;
use crate::store::Store;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum SitzungBefehl {
    /// Eine Sitzung anlegen
    Neu {
        #[arg(long)]
        gremium: i64,
        /// z. B. 2026-12-03T17:00
        #[arg(long)]
        beginn: String,
        #[arg(long, default_value = "")]
        ort: String,
        #[arg(long)]
        json: bool,
    },
    /// Einen TOP anfügen: eine Vorlage zur Beratung oder einen Punkt mit Titel
    Top {
        id: i64,
        #[arg(long, conflicts_with = "titel", required_unless_present = "titel")]
        vorlage: Option<i64>,
        #[arg(long)]
        titel: Option<String>,
        #[arg(long)]
        nichtoeffentlich: bool,
        /// Als Unterpunkt des vorigen TOP (Ö 1.1)
        #[arg(long)]
        unterpunkt: bool,
    },
    /// Das Ergebnis eines TOP eintragen (wird zum Beschlussvermerk der Vorlage)
    Ergebnis {
        /// ID des TOP (aus „sitzung zeigen --json“)
        top: i64,
        /// beschlossen | abgelehnt | vertagt | kenntnis | geaendert
        #[arg(long)]
        ergebnis: String,
        /// Beschlusstext (Pflicht bei „geaendert“)
        #[arg(long, default_value = "")]
        text: String,
    },
    /// Die Anwesenheit eines Mitglieds eintragen
    Anwesenheit {
        id: i64,
        #[arg(long)]
        person: i64,
        /// anwesend | entschuldigt | abwesend
        #[arg(long)]
        status: String,
        #[arg(long, default_value = "")]
        bemerkung: String,
        /// Verlässt die Sitzung ab diesem TOP (z. B. "Ö 4"); ab dort nicht mehr mitgezählt
        #[arg(long)]
        geht_ab: Option<String>,
    },
    /// Anwesende Stimmberechtigte und Beschlussfähigkeit (§ 49 GO NRW), bei Eröffnung oder bei einem TOP
    Beschlussfaehigkeit {
        id: i64,
        /// z. B. "Ö 4"
        #[arg(long)]
        top: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// „Beschlussunfähigkeit festgestellt“ bei einem TOP eintragen (oder mit --aufheben zurücknehmen)
    Beschlussunfaehig {
        id: i64,
        /// z. B. "Ö 4"
        #[arg(
            long,
            required_unless_present = "aufheben",
            conflicts_with = "aufheben"
        )]
        top: Option<String>,
        #[arg(long)]
        aufheben: bool,
    },
    /// Die Anwesenheitsliste zum Unterschreiben als PDF
    Anwesenheitsliste {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Die Sitzung abschließen: Ende und Schriftführung (für die Niederschrift)
    Abschliessen {
        id: i64,
        /// z. B. 19:15
        #[arg(long)]
        ende: String,
        #[arg(long)]
        schriftfuehrung: String,
    },
    /// Die Einladung als ein Brief je Mitglied (PDF) in den Ordner schreiben
    Einladung {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Die Niederschrift (§ 52 GO NRW) als PDF
    Niederschrift {
        id: i64,
        /// oeffentlich (nur öffentlicher Teil) | mitglieder (vollständig)
        #[arg(long, default_value = "mitglieder")]
        variante: String,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        signatur: super::signatur::SignaturArgs,
    },
    /// Die Beschlussauszüge (ein PDF je TOP mit Ergebnis) in den Ordner schreiben
    Auszuege {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Eine Sitzung mit Tagesordnung zeigen
    Zeigen {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Das Sitzungspaket als ein PDF (Einladung, Tagesordnung, Vorlagen, Anlagen)
    Paket {
        id: i64,
        /// oeffentlich (Presse, Öffentlichkeit) | mitglieder (vollständig)
        #[arg(long)]
        variante: String,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        signatur: super::signatur::SignaturArgs,
    },
    /// Die Sitzungen eines Gremiums als iCalendar-Datei (nur öffentliche TOPs)
    Ics {
        gremium: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Die Einladung per E-Mail: eine Nachricht je Mitglied und Presseadresse
    Versand {
        id: i64,
        #[command(flatten)]
        args: super::versand::VersandArgs,
    },
}

pub fn sitzung(store: &mut Store, befehl: SitzungBefehl) -> Result<(), ApiFehler> {
    match befehl {
        SitzungBefehl::Neu {
            gremium,
            beginn,
            ort,
            json: als_json,
        } => {
            let s = api::sitzung_anlegen(store, gremium, &beginn, &ort, jetzt())?;
            if als_json {
                zeile!("{}", json(&s))
            } else {
                zeile!(
                    "Sitzung {} angelegt: {}. Sitzung {}",
                    s.id,
                    s.nummer,
                    s.gremium.daten.name
                )
            }
        }
        SitzungBefehl::Top {
            id,
            vorlage,
            titel,
            nichtoeffentlich,
            unterpunkt,
        } => {
            let teil = if nichtoeffentlich {
                crate::domain::sitzung::Teil::Nichtoeffentlich
            } else {
                crate::domain::sitzung::Teil::Oeffentlich
            };
            let neu = TopNeu {
                teil,
                titel: titel.unwrap_or_default(),
                vorlage: vorlage.map(crate::domain::VorlageId),
                unterpunkt,
            };
            let s = api::top_hinzufuegen(store, id, &neu, None, jetzt())?;
            let t = s
                .tops
                .iter()
                .rfind(|t| t.teil == teil)
                .expect("der neue TOP");
            zeile!("{} {}", t.nummer, t.titel);
        }
        SitzungBefehl::Zeigen { id, json: als_json } => {
            let s = api::sitzung_lesen(store, id)?;
            if als_json {
                zeile!("{}", json(&s))
            } else {
                zeile!(
                    "{}. Sitzung {} – {} – {} ({})",
                    s.nummer,
                    s.gremium.daten.name,
                    s.beginn.format("%d.%m.%Y %H:%M"),
                    s.ort,
                    s.zustand.label()
                );
                for t in &s.tops {
                    zeile!("  {:<5} {}", t.nummer, t.titel)
                }
                for b in &s.befunde {
                    eprintln!("Hinweis: {}", b.meldung)
                }
            }
        }
        SitzungBefehl::Paket {
            id,
            variante,
            out,
            signatur,
        } => {
            let pdf = api::sitzung_paket(store, id, variante.parse()?, jetzt())?;
            let pdf = signatur.sitzung(store, id, api::SitzungsDokument::Paket, pdf)?;
            api::datei_schreiben(&out, &pdf)?;
            eprintln!(
                "{} geschrieben ({} KB).",
                out.display(),
                pdf.len().div_ceil(1024)
            );
        }
        SitzungBefehl::Ergebnis {
            top,
            ergebnis,
            text,
        } => {
            let e: crate::domain::sitzung::TopErgebnis = api::wert_lesen("--ergebnis", &ergebnis)?;
            let s = api::top_ergebnis(store, top, e, &text, None, jetzt())?;
            if let Some(t) = s.tops.iter().find(|t| t.id.0 == top) {
                zeile!("{} {}: {}", t.nummer, t.titel, e.label());
            }
        }
        SitzungBefehl::Anwesenheit {
            id,
            person,
            status,
            bemerkung,
            geht_ab,
        } => {
            let st: crate::domain::sitzung::Anwesenheit = api::wert_lesen("--status", &status)?;
            let geht_ab = match geht_ab {
                Some(t) => Some(api::top_finden(&api::sitzung_lesen(store, id)?, &t)?.0),
                None => None,
            };
            let s = api::anwesenheit_setzen(
                store,
                id,
                person,
                Some(st),
                &bemerkung,
                geht_ab,
                None,
                jetzt(),
            )?;
            if let Some(b) = s.beschlussfaehigkeit.first() {
                zeile!("{}", b.text);
            }
        }
        SitzungBefehl::Beschlussfaehigkeit {
            id,
            top,
            json: als_json,
        } => {
            let b = api::beschlussfaehigkeit(store, id, top.as_deref())?;
            if als_json {
                zeile!("{}", json(&b))
            } else {
                match &b.top {
                    Some(t) => zeile!("TOP {t}: {}", b.text),
                    None => zeile!("{}", b.text),
                }
                for (stellv, fuer) in &b.vertretungen {
                    zeile!("  {stellv} vertritt {fuer}");
                }
            }
        }
        SitzungBefehl::Beschlussunfaehig {
            id,
            top,
            aufheben: _,
        } => {
            let akte = api::sitzung_lesen(store, id)?;
            let top = top.map(|t| api::top_finden(&akte, &t)).transpose()?;
            let s =
                api::beschlussunfaehigkeit_feststellen(store, id, top.map(|t| t.0), None, jetzt())?;
            match s.tops.iter().find(|t| t.beschlussunfaehig) {
                Some(t) => zeile!("Beschlussunfähigkeit bei TOP {} festgestellt.", t.nummer),
                None => zeile!("Keine Beschlussunfähigkeit festgestellt."),
            }
        }
        SitzungBefehl::Anwesenheitsliste { id, out } => {
            let pdf = api::sitzung_anwesenheitsliste(store, id, jetzt())?;
            api::datei_schreiben(&out, &pdf)?;
            eprintln!("{} geschrieben.", out.display());
        }
        SitzungBefehl::Abschliessen {
            id,
            ende,
            schriftfuehrung,
        } => {
            let s = api::sitzung_abschliessen(store, id, &ende, &schriftfuehrung, None, jetzt())?;
            zeile!(
                "{}. Sitzung {}: {}",
                s.nummer,
                s.gremium.daten.name,
                s.zustand.label()
            );
        }
        SitzungBefehl::Einladung { id, out } => {
            let briefe = api::sitzung_einladungen(store, id, jetzt())?;
            for p in api::schreiben_ablegen(&out, &briefe)? {
                zeile!("{}", p.display());
            }
        }
        SitzungBefehl::Niederschrift {
            id,
            variante,
            out,
            signatur,
        } => {
            let pdf = api::sitzung_niederschrift(store, id, variante.parse()?, jetzt())?;
            let pdf = signatur.sitzung(store, id, api::SitzungsDokument::Niederschrift, pdf)?;
            api::datei_schreiben(&out, &pdf)?;
            eprintln!("{} geschrieben.", out.display());
        }
        SitzungBefehl::Auszuege { id, out } => {
            let auszuege = api::sitzung_beschlussauszuege(store, id, jetzt())?;
            for p in api::schreiben_ablegen(&out, &auszuege)? {
                zeile!("{}", p.display());
            }
        }
        SitzungBefehl::Versand { id, args } => super::versand::versand(store, id, args)?,
        SitzungBefehl::Ics { gremium, out } => {
            let ics = api::sitzungen_ics(store, gremium, jetzt())?;
            api::datei_schreiben(&out, ics.as_bytes())?;
            eprintln!("{} geschrieben.", out.display());
        }
    }
    Ok(())
}
