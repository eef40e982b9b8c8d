//! `ratsbuero`: the command line of the office (a contract: users' scripts depend on
//! these names). Every command runs the same core function as the desktop app.

use chrono::{Local, NaiveDateTime};
use clap::{Parser, Subcommand};
use ratsbuero::api::{self, ApiFehler};
use ratsbuero::domain::{Buero, GremiumArt, Schwere, Unterschrift, Zeichnung};
use ratsbuero::store::{Store, VorlagenFilter};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ratsbuero",
    version,
    about = "Ratsbüro – Büro des Integrationsrates (Kommandozeile)"
)]
struct Cli {
    /// Datenbankdatei (Standard: die Datei im App-Datenordner)
    #[arg(long, global = true, env = "RATSBUERO_DB")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    befehl: Befehl,
}

#[derive(Subcommand)]
enum Befehl {
    /// Vorlagen anlegen, auflisten, suchen, freigeben
    Vorlage {
        #[command(subcommand)]
        befehl: VorlageBefehl,
    },
    /// Die Einstellungen des Büros setzen (Kommune, Gremium, Nummernschema)
    Einrichten {
        #[arg(long)]
        kommune: String,
        #[arg(long, default_value = "Integrationsrat")]
        gremium: String,
        /// integrationsrat | ausschuss
        #[arg(long, default_value = "integrationsrat")]
        art: String,
        /// z. B. {jahr}/{nr:04}, {nr:04}/{jahr}, {wahlperiode}/{nr}
        #[arg(long, default_value = "{jahr}/{nr:04}")]
        schema: String,
        #[arg(long, default_value = "")]
        wahlperiode: String,
    },
    /// Den Unterschriftsblock des Büros setzen (gilt für alle Vorlagen ohne eigene Angabe)
    Unterschrift {
        /// z. B. "Die Bürgermeisterin", "Der Landrat"
        #[arg(long)]
        behoerdenleitung: String,
        /// selbst | in_vertretung | im_auftrag | gez
        #[arg(long, default_value = "in_vertretung")]
        zeichnung: String,
        /// Name, wie er gedruckt wird (ohne Striche)
        #[arg(long)]
        name: String,
        /// z. B. "Erster Beigeordneter"
        #[arg(long, default_value = "")]
        funktion: String,
    },
    /// Die Einstellungen des Büros zeigen
    Buero {
        #[arg(long)]
        json: bool,
    },
    /// Die öffentlichen Daten als OParl-1.1-Dateien ausgeben
    Oparl {
        #[command(subcommand)]
        befehl: OparlBefehl,
    },
    /// Sicherungen erstellen, prüfen und wiederherstellen
    Sicherung {
        #[command(subcommand)]
        befehl: SicherungBefehl,
    },
}

#[derive(Subcommand)]
enum OparlBefehl {
    /// Statische OParl-1.1-Dateien in den Ordner schreiben (nur Öffentliches)
    Export {
        ordner: PathBuf,
        /// Adresse, unter der der Ordner veröffentlicht wird, z. B. https://ratsinfo.beispiel.de/oparl
        #[arg(long)]
        basis_url: String,
    },
}

#[derive(Subcommand)]
enum SicherungBefehl {
    /// Eine geprüfte Sicherung in den Ordner schreiben (danach Rotation: 7 täglich, 4 wöchentlich, 12 monatlich)
    Erstellen {
        #[arg(long)]
        ziel: PathBuf,
    },
    /// Eine Sicherungsdatei prüfen, ohne etwas zu verändern
    Pruefen { datei: PathBuf },
    /// Die Datenbank durch eine geprüfte Sicherung ersetzen (die bisherige wird beiseitegelegt)
    Wiederherstellen { datei: PathBuf },
}

#[derive(Subcommand)]
enum VorlageBefehl {
    /// Eine Vorlage aus einer JSON-Datei als Entwurf anlegen
    Import { datei: PathBuf },
    /// Alle Vorlagen auflisten
    Liste {
        #[arg(long)]
        json: bool,
    },
    /// Eine Vorlage zeigen
    Zeigen {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Volltextsuche
    Suche {
        text: String,
        #[arg(long)]
        json: bool,
    },
    /// Einen Entwurf freigeben (vergibt die Vorlage-Nr.)
    Freigeben { id: i64 },
    /// Neue Fassung einer freigegebenen Vorlage anlegen
    NeueFassung { id: i64 },
    /// Die Vorlage als PDF/A-Datei schreiben
    Pdf {
        id: i64,
        #[arg(long)]
        out: PathBuf,
        /// PKCS#12-Zertifikat (.p12/.pfx) zum Signieren
        #[arg(long, requires = "kennwort_env")]
        zertifikat: Option<PathBuf>,
        /// Name der Umgebungsvariablen mit dem Kennwort des Zertifikats
        #[arg(long, requires = "zertifikat")]
        kennwort_env: Option<String>,
    },
}

fn jetzt() -> NaiveDateTime {
    Local::now().naive_local()
}

fn json(wert: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(wert).expect("Ausgabe ist serialisierbar")
}

fn pruefung_zeigen(p: &ratsbuero::store::SicherungsPruefung) -> String {
    format!(
        "Schema {}, {} Vorlagen, {} Anlagen (SHA-512 geprüft), {:.1} MB, Integrität ok",
        p.schema_version,
        p.vorlagen,
        p.anlagen,
        p.bytes as f64 / 1_000_000.0
    )
}

fn ausfuehren(cli: Cli) -> Result<(), ApiFehler> {
    let pfad = cli.db.unwrap_or_else(api::standard_db_pfad);
    // These two must not open the database first: it may be the broken one to replace.
    match &cli.befehl {
        Befehl::Sicherung {
            befehl: SicherungBefehl::Pruefen { datei },
        } => {
            println!("{}", pruefung_zeigen(&api::sicherung_pruefen(datei)?));
            return Ok(());
        }
        Befehl::Sicherung {
            befehl: SicherungBefehl::Wiederherstellen { datei },
        } => {
            let (_, w) = api::sicherung_wiederherstellen(&pfad, datei, jetzt())?;
            println!("Wiederhergestellt: {}", pruefung_zeigen(&w.pruefung));
            if let Some(b) = w.beiseite {
                println!("Die bisherige Datenbank liegt unter {}", b.display());
            }
            return Ok(());
        }
        _ => {}
    }
    let mut store = Store::oeffnen(&pfad, jetzt())?;
    match cli.befehl {
        Befehl::Sicherung {
            befehl: SicherungBefehl::Erstellen { ziel },
        } => {
            let s = api::sicherung_erstellen(&store, &ziel, Default::default(), jetzt())?;
            println!("{}", s.datei.display());
            eprintln!("Gesichert: {}", pruefung_zeigen(&s.pruefung));
            for e in s.entfernt {
                eprintln!("Rotation: {} entfernt", e.display());
            }
        }
        Befehl::Sicherung { .. } => unreachable!("oben behandelt"),
        Befehl::Oparl {
            befehl: OparlBefehl::Export { ordner, basis_url },
        } => {
            let e = api::oparl_export(&store, &ordner, &basis_url, jetzt())?;
            println!(
                "OParl-Export in {}: {} Vorlagen, {} Dateien, {} Gremien",
                e.ordner.display(),
                e.papers,
                e.files,
                e.organizations
            );
        }
        Befehl::Einrichten {
            kommune,
            gremium,
            art,
            schema,
            wahlperiode,
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
            let b = Buero {
                kommune,
                gremium_name: gremium,
                gremium_art,
                nummernschema: schema,
                wahlperiode,
                eingerichtet: true,
                ..api::buero_lesen(&store)?
            };
            let b = api::buero_speichern(&mut store, &b)?;
            println!(
                "Eingerichtet: {} – {} ({})",
                b.kommune, b.gremium_name, b.nummernschema
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
            println!("Unterschrift gesetzt.");
        }
        Befehl::Buero { json: als_json } => {
            let b = api::buero_lesen(&store)?;
            if als_json {
                println!("{}", json(&b));
            } else {
                println!(
                    "Kommune: {}\nGremium: {} ({})\nNummernschema: {}\nWahlperiode: {}",
                    b.kommune,
                    b.gremium_name,
                    b.gremium_art.label(),
                    b.nummernschema,
                    b.wahlperiode
                );
            }
        }
        Befehl::Vorlage { befehl } => vorlage(&mut store, befehl)?,
    }
    Ok(())
}

fn vorlage(store: &mut Store, befehl: VorlageBefehl) -> Result<(), ApiFehler> {
    match befehl {
        VorlageBefehl::Import { datei } => {
            let text = std::fs::read_to_string(&datei).map_err(|e| {
                ApiFehler::neu(
                    "datei",
                    format!(
                        "„{}“ kann nicht gelesen werden: {}",
                        datei.display(),
                        ratsbuero::domain::io_text::io_text(&e)
                    ),
                )
            })?;
            let i = api::vorlage_importieren(store, &text, jetzt())?;
            let offen: Vec<_> = i
                .befunde
                .iter()
                .filter(|b| b.schwere >= Schwere::Unvollstaendig)
                .collect();
            if !offen.is_empty() {
                eprintln!("Als Entwurf angelegt; vor der Freigabe noch zu erledigen:");
                for b in offen {
                    eprintln!("  – {}", b.meldung);
                }
            }
            println!("{}", serde_json::to_string(&i).expect("serialisierbar"));
        }
        VorlageBefehl::Liste { json: als_json } => {
            liste(store, &VorlagenFilter::default(), als_json)?
        }
        VorlageBefehl::Suche {
            text,
            json: als_json,
        } => liste(
            store,
            &VorlagenFilter {
                suche: Some(text),
                ..Default::default()
            },
            als_json,
        )?,
        VorlageBefehl::Zeigen { id, json: als_json } => {
            let a = api::vorlage_lesen(store, id)?;
            if als_json {
                println!("{}", json(&a));
            } else {
                println!(
                    "Vorlage {}  ({}, {}, {})",
                    a.nummer.as_deref().unwrap_or("ohne Nr."),
                    a.inhalt.art,
                    a.inhalt.status,
                    a.zustand
                );
                println!("Betreff: {}", a.inhalt.betreff);
                println!(
                    "Verfasser: {}  Federführend: {}  Bearbeiter/-in: {}",
                    a.inhalt.verfasser, a.inhalt.federfuehrend, a.inhalt.bearbeiter
                );
                for s in &a.inhalt.beratungsfolge {
                    println!("  {} – {} – {} {}", s.gremium, s.rolle, s.datum, s.ergebnis);
                }
                for b in &a.befunde {
                    println!("! {}", b.meldung);
                }
            }
        }
        VorlageBefehl::Freigeben { id } => {
            let version = api::vorlage_lesen(store, id)?.version;
            let a = api::vorlage_freigeben(store, id, version, jetzt())?;
            println!("{}", a.nummer.unwrap_or_default());
        }
        VorlageBefehl::Pdf {
            id,
            out,
            zertifikat,
            kennwort_env,
        } => {
            let pdf = match (zertifikat, kennwort_env) {
                (Some(datei), Some(variable)) => {
                    let p12 = api::zertifikat_datei_lesen(&datei)?;
                    let kennwort = std::env::var(&variable).map_err(|_| {
                        ApiFehler::feld("kennwort_env", format!("Die Umgebungsvariable {variable} mit dem Kennwort ist nicht gesetzt."))
                    })?;
                    api::vorlage_pdf_signiert(store, id, &p12, &kennwort, jetzt())?
                }
                _ => api::vorlage_pdf(store, id, jetzt())?,
            };
            api::datei_schreiben(&out, &pdf)?;
            eprintln!(
                "{} geschrieben ({} KB).",
                out.display(),
                pdf.len().div_ceil(1024)
            );
        }
        VorlageBefehl::NeueFassung { id } => {
            let g = api::vorlage_neue_fassung(store, id, jetzt())?;
            println!("{}", serde_json::json!({ "id": g.id }));
        }
    }
    Ok(())
}

fn liste(store: &Store, filter: &VorlagenFilter, als_json: bool) -> Result<(), ApiFehler> {
    let zeilen = api::vorlage_liste(store, filter)?;
    if als_json {
        println!("{}", json(&zeilen));
    } else {
        for z in zeilen {
            println!(
                "{:>5}  {:<14} {:<18} {:<16} {}",
                z.id,
                z.nummer.as_deref().unwrap_or("Entwurf"),
                z.art.label(),
                z.status.label(),
                z.betreff
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
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
