//! `ratsbuero`: the command line of the office (a contract: users' scripts depend on
//! these names). Every command runs the same core function as the desktop app.
//!
//! The arguments are in [`args`], each noun's verbs and their output in a file of its own.
//! It lives in the library (feature `cli`) so that one program is both: the `ratsbuero`
//! binary calls [`main`], and the desktop app does when it is started under the name
//! `ratsbuero` (the Debian package links `/usr/bin/ratsbuero` to it: one copy of the core
//! instead of two).

/// A line on standard output. A reader that went away (`ratsbuero oparl liste | head -1`)
/// ends the program quietly and successfully, as Unix tools do, instead of the panic of
/// `println!` ("Broken pipe", exit 101).
macro_rules! zeile {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($t)*) {
            $crate::cli::ausgabe_abgebrochen(e);
        }
    }};
}

mod args;
mod bericht;
mod beschluss;
mod gremium;
mod handbuch;
mod oparl;
mod person;
mod sicherung;
mod signatur;
mod sitzung;
mod sitzungsgeld;
mod versand;
mod vorlage;
mod wahl;

use crate::api::{self, ApiFehler};
use crate::domain::{Buero, GremiumArt, Unterschrift, Zeichnung};
use crate::store::{Ablage, Store};
use args::{Befehl, Cli};
use chrono::NaiveDateTime;
use clap::Parser;
use oparl::OparlBefehl;
use sicherung::{pruefung_zeigen, SicherungBefehl};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn jetzt() -> NaiveDateTime {
    api::jetzt()
}

/// Standard output could not be written: a closed pipe ends the program with success,
/// anything else (a full disk) with the German reason.
pub(crate) fn ausgabe_abgebrochen(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!(
        "Fehler: Die Ausgabe ließ sich nicht schreiben ({}).",
        crate::domain::io_text::io_text(&e)
    );
    std::process::exit(1);
}

/// A text on one line of a listing (real RIS titles hold line breaks and tabs): each run
/// of white space becomes one space.
pub(crate) fn einzeilig(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn json(wert: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(wert).expect("Ausgabe ist serialisierbar")
}

pub(crate) fn wert<T: std::str::FromStr<Err = crate::domain::werte::UnbekannterWert>>(
    feld: &str,
    text: &str,
) -> Result<T, ApiFehler> {
    text.parse()
        .map_err(|e: crate::domain::werte::UnbekannterWert| {
            ApiFehler::feld(feld, format!("--{feld}: {e}."))
        })
}

fn ausfuehren(cli: Cli) -> Result<(), ApiFehler> {
    let ablage = cli
        .db
        .unwrap_or_else(|| Ablage::Datei(api::standard_db_pfad()));
    // Computations without a database.
    match &cli.befehl {
        Befehl::Handbuch { ordner } => {
            for seite in handbuch::schreiben(ordner)? {
                zeile!("{}", seite.display());
            }
            return Ok(());
        }
        Befehl::Sitzverteilung {
            verfahren,
            sitze,
            json: als_json,
            gruppen,
        } => {
            let v = api::sitzverteilung_json(verfahren, sitze, gruppen)?;
            if *als_json {
                zeile!("{}", json(&v));
            } else {
                for (name, n) in v["verteilung"].as_object().into_iter().flatten() {
                    zeile!("{name}: {n}");
                }
                if let Some(los) = v["los"].as_object() {
                    zeile!(
                        "Losentscheid: {} Sitz(e) zwischen {}",
                        los["sitze"],
                        los["gruppen"]
                    );
                }
            }
            return Ok(());
        }
        Befehl::Einzelwahl {
            json: als_json,
            nein,
            enthaltungen,
            ungueltig,
            engere_wahl,
            kandidaten,
        } => {
            let e = api::einzelwahl_json(kandidaten, nein, enthaltungen, ungueltig, *engere_wahl)?;
            if *als_json {
                zeile!("{}", json(&e));
            } else {
                zeile!("{}", e["ergebnis"].as_str().unwrap_or_default());
            }
            return Ok(());
        }
        _ => {}
    }
    // These two must not open the database first: it may be the broken one to replace.
    match &cli.befehl {
        Befehl::Sicherung {
            befehl: SicherungBefehl::Pruefen { datei },
        } => {
            zeile!("{}", pruefung_zeigen(&api::sicherung_pruefen(datei)?));
            return Ok(());
        }
        Befehl::Sicherung {
            befehl: SicherungBefehl::Wiederherstellen { datei },
        } => {
            let w = match &ablage {
                Ablage::Datei(db) => api::sicherung_wiederherstellen(db, datei, jetzt())?.1,
                // The office as it was is kept beside the backup.
                Ablage::Server(_) => api::sicherung_wiederherstellen_server(
                    &mut Store::oeffnen_ablage(&ablage, jetzt(), None)?,
                    datei.parent().unwrap_or(Path::new(".")),
                    datei,
                    jetzt(),
                )?,
            };
            zeile!("Wiederhergestellt: {}", pruefung_zeigen(&w.pruefung));
            if let Some(b) = w.beiseite {
                zeile!("Die bisherige Datenbank liegt unter {}", b.display());
            }
            return Ok(());
        }
        _ => {}
    }
    let mut store = Store::oeffnen_ablage(&ablage, jetzt(), None)?;
    api::zeitzone_uebernehmen(&store)?;
    match cli.befehl {
        Befehl::Sicherung {
            befehl: SicherungBefehl::Erstellen { ziel },
        } => {
            let s = api::sicherung_erstellen(&store, &ziel, Default::default(), jetzt())?;
            zeile!("{}", s.datei.display());
            eprintln!("Gesichert: {}", pruefung_zeigen(&s.pruefung));
            for e in s.entfernt {
                eprintln!("Rotation: {} entfernt", e.display());
            }
        }
        Befehl::Sicherung { .. }
        | Befehl::Sitzverteilung { .. }
        | Befehl::Einzelwahl { .. }
        | Befehl::Handbuch { .. } => {
            unreachable!("oben behandelt")
        }
        Befehl::Demo {
            umfang: Some(umfang),
        } => {
            // Progress on a terminal, nothing in a pipe.
            let terminal = std::io::stderr().is_terminal();
            let a = api::archiv_erzeugen(&mut store, umfang, &mut |n| {
                if terminal {
                    eprint!("\r{n} von {umfang} Vorlagen erzeugt\x1b[K");
                }
            })?;
            if terminal {
                eprintln!();
            }
            zeile!(
                "Archiv erzeugt: {} Vorlagen, {} Anlagen ({} MB).",
                a.vorlagen,
                a.anlagen,
                a.anlagen_bytes / 1_000_000
            );
        }
        Befehl::Demo { umfang: None } => {
            let d = api::demo(&mut store, jetzt())?;
            zeile!(
                "Beispieldaten angelegt: {} Vorlagen, {} Gremien, {} Mitglieder, {} Sitzungen.",
                d.vorlagen,
                d.gremien,
                d.personen,
                d.sitzungen
            );
        }
        Befehl::Umzug { nach } => zeile!("{}", api::umzug(&store, &nach, jetzt())?),
        Befehl::Gremium { befehl } => gremium::gremium(&mut store, befehl)?,
        Befehl::Person { befehl } => person::person(&mut store, befehl)?,
        Befehl::Sitzung { befehl } => sitzung::sitzung(&mut store, befehl)?,
        Befehl::Sitzungsgeld { befehl } => sitzungsgeld::sitzungsgeld(&mut store, befehl)?,
        Befehl::Beschluss { befehl } => beschluss::beschluss(&mut store, befehl)?,
        Befehl::Bericht { befehl } => bericht::bericht(&mut store, befehl)?,
        Befehl::Wahl { befehl } => wahl::wahl(&mut store, befehl)?,
        Befehl::Oparl {
            befehl: OparlBefehl::Export { ordner, basis_url },
        } => {
            let e = api::oparl_export(&store, &ordner, &basis_url, jetzt())?;
            zeile!(
                "OParl-Export in {}: {} Vorlagen, {} Dateien, {} Gremien",
                e.ordner.display(),
                e.papers,
                e.files,
                e.organizations
            );
        }
        Befehl::Oparl { befehl } => oparl::oparl(&mut store, befehl)?,
        Befehl::Einrichten {
            kommune,
            gremium,
            art,
            schema,
            wahlperiode,
            zeitzone,
        } => {
            let gremium_art = match art.as_str() {
                "integrationsrat" => GremiumArt::Integrationsrat,
                "ausschuss" => GremiumArt::AusschussChancengerechtigkeit,
                _ => {
                    return Err(ApiFehler::feld(
                        "art",
                        format!(
                        "--art: unbekannter Wert „{art}“ (erlaubt: integrationsrat, ausschuss)."
                    ),
                    ))
                }
            };
            let bisher = api::buero_lesen(&store)?;
            let b = Buero {
                kommune,
                gremium_name: gremium,
                gremium_art,
                nummernschema: schema,
                wahlperiode,
                eingerichtet: true,
                zeitzone: zeitzone.unwrap_or(bisher.zeitzone.clone()),
                ..bisher
            };
            let b = api::buero_speichern(&mut store, &b)?;
            zeile!(
                "Eingerichtet: {} – {} ({})",
                b.kommune,
                b.gremium_name,
                b.nummernschema
            );
        }
        Befehl::Unterschrift {
            behoerdenleitung,
            zeichnung,
            name,
            funktion,
        } => {
            let modus = Zeichnung::from_key(&zeichnung).ok_or_else(|| {
                ApiFehler::feld(
                    "zeichnung",
                    format!("--zeichnung: unbekannter Wert „{zeichnung}“ (erlaubt: selbst, in_vertretung, im_auftrag, gez)."),
                )
            })?;
            let b = Buero {
                unterschrift: Unterschrift {
                    behoerdenleitung,
                    modus,
                    name,
                    funktion,
                },
                ..api::buero_lesen(&store)?
            };
            api::buero_speichern(&mut store, &b)?;
            zeile!("Unterschrift gesetzt.");
        }
        Befehl::Buero { json: als_json } => {
            let b = api::buero_lesen(&store)?;
            if als_json {
                zeile!("{}", json(&b));
            } else {
                zeile!(
                    "Kommune: {}\nGremium: {} ({})\nNummernschema: {}\nWahlperiode: {}\nZeitzone: {}",
                    b.kommune,
                    b.gremium_name,
                    b.gremium_art.label(),
                    b.nummernschema,
                    b.wahlperiode,
                    b.zeitzone
                );
            }
        }
        Befehl::Vorlage { befehl } => vorlage::vorlage(&mut store, befehl)?,
    }
    Ok(())
}

/// Runs the command line with the process's arguments; the exit code for the shell.
pub fn main() -> ExitCode {
    match ausfuehren(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Fehler: {}", e.message);
            for b in e.befunde.iter().filter(|b| b.meldung != e.message) {
                eprintln!("  – {}", b.meldung);
            }
            ExitCode::from(1)
        }
    }
}
