//! `ratsbuero wahl …`: Wahlen and Entsendungen of a Sitzung (§ 50 GO NRW).

use super::{jetzt, json};
use crate::api::{self, ApiFehler};
use crate::store::Store;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum WahlBefehl {
    /// Eine Wahl in einer Sitzung anlegen
    Neu {
        #[arg(long)]
        sitzung: i64,
        #[arg(long)]
        titel: String,
        /// einheitlich | einzel | liste
        #[arg(long)]
        art: String,
        #[arg(long, default_value = "1")]
        sitze: u32,
        /// hare-niemeyer | dhondt | sainte-lague (Listenwahl)
        #[arg(long, default_value = "hare-niemeyer")]
        verfahren: String,
        /// Gremium, in das entsandt wird
        #[arg(long)]
        ziel: Option<i64>,
        /// TOP der Sitzung
        #[arg(long)]
        top: Option<i64>,
        /// Offene Abstimmung (sonst geheim mit Stimmzetteln)
        #[arg(long)]
        offen: bool,
        /// Auch Personen, die nicht Mitglied des wählenden Gremiums sind
        #[arg(long)]
        alle_waehlbar: bool,
        /// Persönliche Stellvertretung: Wahlvorschläge nennen Paare (Mitglied, Stellvertretung)
        #[arg(long)]
        stellvertreter: bool,
        /// Einheitlicher Wahlvorschlag: Mehrheitsbeschluss genügt (sonst einstimmig)
        #[arg(long)]
        mehrheit: bool,
        #[arg(long)]
        json: bool,
    },
    /// Einen Wahlvorschlag mit Bewerbern in Listenfolge eintragen
    Vorschlag {
        id: i64,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        eingereicht_von: String,
        /// Personen-IDs in Listenfolge
        #[arg(long = "kandidat", required = true)]
        kandidaten: Vec<i64>,
    },
    /// Eine Person zur Einzelwahl vorschlagen
    Kandidat {
        id: i64,
        #[arg(long)]
        person: i64,
    },
    /// Die Auszählung des anstehenden Wahlgangs eintragen (NAME=STIMMEN …)
    Zaehlung {
        id: i64,
        #[arg(long, allow_hyphen_values = true)]
        abgegeben: String,
        #[arg(long, default_value = "0", allow_hyphen_values = true)]
        ungueltig: String,
        #[arg(long, default_value = "0", allow_hyphen_values = true)]
        enthaltungen: String,
        #[arg(long, default_value = "0", allow_hyphen_values = true)]
        nein: String,
        stimmen: Vec<String>,
    },
    /// Den anstehenden Losentscheid eintragen (--ergebnis …) oder ziehen lassen (--ziehen)
    Los {
        id: i64,
        #[arg(long)]
        gezogen_von: String,
        #[arg(long = "ergebnis", conflicts_with = "ziehen")]
        ergebnis: Vec<String>,
        /// Die Anwendung zieht (mit gespeichertem Startwert, wiederholbar)
        #[arg(long)]
        ziehen: bool,
        /// Startwert für --ziehen (sonst aus der Uhrzeit)
        #[arg(long, requires = "ziehen")]
        seed: Option<u64>,
    },
    /// Eine Wahl mit Stand und Ergebnis zeigen
    Zeigen {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Die Stimmzettel des anstehenden Wahlgangs als PDF
    Stimmzettel {
        id: i64,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        kopien: u32,
        /// 1, 2 oder 4 Stimmzettel je A4-Blatt (mit Schnittlinien)
        #[arg(long, default_value_t = 1)]
        je_blatt: u32,
    },
    /// Die Wahlniederschrift als PDF
    Niederschrift {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Den Beschlussvorschlag einer Vorlage aus dem Ergebnis füllen
    Beschluss {
        id: i64,
        #[arg(long)]
        vorlage: i64,
    },
}

fn wahl_zeigen(w: &crate::domain::WahlAkte) {
    zeile!(
        "{} ({}, {} Sitz(e)) – {}",
        w.daten.titel,
        w.daten.art.label(),
        w.daten.sitze,
        w.gremium
    );
    match &w.stand.schritt {
        crate::domain::wahl::Schritt::Zaehlung { nr, gang, optionen } => {
            zeile!(
                "Als Nächstes: {nr}. Wahlgang ({}) – {}",
                gang.label(),
                optionen.join(", ")
            )
        }
        crate::domain::wahl::Schritt::Los {
            zwischen, plaetze, ..
        } => {
            zeile!(
                "Als Nächstes: Losentscheid um {plaetze} Platz/Plätze zwischen {}",
                zwischen.join(", ")
            )
        }
        crate::domain::wahl::Schritt::Fertig => zeile!("Entschieden."),
    }
    for (i, n) in w.stand.gewaehlt.iter().enumerate() {
        zeile!("  {}. {n}", i + 1);
    }
    for b in &w.stand.befunde {
        eprintln!("Hinweis: {}", b.meldung);
    }
}

pub fn wahl(store: &mut Store, befehl: WahlBefehl) -> Result<(), ApiFehler> {
    let zeigen = |w: &crate::domain::WahlAkte, als_json: bool| {
        if als_json {
            zeile!("{}", json(w));
        } else {
            wahl_zeigen(w);
        }
    };
    match befehl {
        WahlBefehl::Neu {
            sitzung,
            titel,
            art,
            sitze,
            verfahren,
            ziel,
            top,
            offen,
            alle_waehlbar,
            stellvertreter,
            mehrheit,
            json: als_json,
        } => {
            let neu = crate::domain::WahlNeu {
                sitzung: crate::domain::SitzungId(sitzung),
                top: top.map(crate::domain::TopId),
                titel,
                ziel_gremium: ziel.map(crate::domain::GremiumId),
                sitze,
                stellvertreter,
                geheim: !offen,
                art: api::art_lesen(&art)?,
                verfahren: api::wert_lesen("--verfahren", &verfahren)?,
                einheitlich_mehrheit: mehrheit,
                nur_mitglieder: !alle_waehlbar,
            };
            let w = api::wahl_anlegen(store, &neu, jetzt())?;
            if als_json {
                zeile!("{}", json(&w))
            } else {
                zeile!("Wahl {} angelegt.", w.id)
            }
        }
        WahlBefehl::Vorschlag {
            id,
            name,
            eingereicht_von,
            kandidaten,
        } => wahl_zeigen(&api::wahlvorschlag_anlegen(
            store,
            id,
            &name,
            &eingereicht_von,
            &kandidaten,
            None,
            jetzt(),
        )?),
        WahlBefehl::Kandidat { id, person } => {
            wahl_zeigen(&api::kandidat_anlegen(store, id, person, None, jetzt())?)
        }
        WahlBefehl::Zaehlung {
            id,
            abgegeben,
            ungueltig,
            enthaltungen,
            nein,
            stimmen,
        } => {
            let z = api::wahlgang_aus_text(
                store,
                id,
                &abgegeben,
                &ungueltig,
                &enthaltungen,
                &nein,
                &stimmen,
            )?;
            wahl_zeigen(&api::wahlgang_erfassen(store, id, &z, None, jetzt())?)
        }
        WahlBefehl::Los {
            id,
            gezogen_von,
            ergebnis,
            ziehen,
            seed,
        } => {
            let seed = ziehen.then(|| {
                seed.unwrap_or_else(|| {
                    chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default() as u64
                })
            });
            let ergebnis = (!ziehen).then_some(ergebnis);
            wahl_zeigen(&api::los_erfassen(
                store,
                id,
                &gezogen_von,
                ergebnis,
                seed,
                None,
                jetzt(),
            )?)
        }
        WahlBefehl::Zeigen { id, json: als_json } => zeigen(&api::wahl_lesen(store, id)?, als_json),
        WahlBefehl::Stimmzettel {
            id,
            out,
            kopien,
            je_blatt,
        } => {
            let pdf = api::wahl_stimmzettel(store, id, kopien, je_blatt, jetzt())?;
            api::datei_schreiben(&out, &pdf)?;
            eprintln!("{} geschrieben.", out.display());
        }
        WahlBefehl::Niederschrift { id, out } => {
            let pdf = api::wahl_niederschrift(store, id, jetzt())?;
            api::datei_schreiben(&out, &pdf)?;
            eprintln!("{} geschrieben.", out.display());
        }
        WahlBefehl::Beschluss { id, vorlage } => {
            let u = api::wahl_in_vorlage(store, id, vorlage, jetzt())?;
            match &u.top {
                Some(top) => eprintln!("Beschlussvermerk der Vorlage (TOP {top}) gesetzt."),
                None => eprintln!("Beschlussvorschlag der Vorlage gefüllt."),
            }
            zeile!("{}", u.text);
        }
    }
    Ok(())
}
