//! `ratsbuero`: the command line of the office (a contract: users' scripts depend on
//! these names). Every command runs the same core function as the desktop app.

use chrono::{Local, NaiveDateTime};
use clap::{Parser, Subcommand};
use ratsbuero::api::{self, ApiFehler};
use ratsbuero::domain::{Buero, GremiumArt, Schwere, Unterschrift, Zeichnung};
use ratsbuero::store::{Store, TopNeu, VorlagenFilter};
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
    /// Gremien anlegen und auflisten
    Gremium {
        #[command(subcommand)]
        befehl: GremiumBefehl,
    },
    /// Personen (Mitglieder) anlegen und auflisten
    Person {
        #[command(subcommand)]
        befehl: PersonBefehl,
    },
    /// Sitzungen anlegen, Tagesordnung, Kalender
    Sitzung {
        #[command(subcommand)]
        befehl: SitzungBefehl,
    },
    /// Eine leere Datenbank mit Beispieldaten füllen (Vorlagen, Gremien, Mitglieder, Sitzungen)
    Demo,
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
    /// Wahlen und Entsendungen einer Sitzung (§ 50 GO NRW)
    Wahl {
        #[command(subcommand)]
        befehl: WahlBefehl,
    },
    /// Sitze auf Wahlvorschläge verteilen (§ 50 Abs. 3 GO NRW), z. B. "Liste A=12" "Liste B=7"
    Sitzverteilung {
        /// hare-niemeyer | dhondt | sainte-lague
        #[arg(long)]
        verfahren: String,
        #[arg(long, allow_hyphen_values = true)]
        sitze: String,
        #[arg(long)]
        json: bool,
        /// NAME=STIMMEN je Wahlvorschlag
        gruppen: Vec<String>,
    },
    /// Einen Wahlgang der Wahl einer Person auswerten (§ 50 Abs. 2 GO NRW)
    Einzelwahl {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value = "0", allow_hyphen_values = true)]
        nein: String,
        #[arg(long, default_value = "0", allow_hyphen_values = true)]
        enthaltungen: String,
        #[arg(long, default_value = "0", allow_hyphen_values = true)]
        ungueltig: String,
        /// Die engere Wahl (Stichwahl) auswerten: einfache Mehrheit
        #[arg(long)]
        engere_wahl: bool,
        /// NAME=STIMMEN je Person
        kandidaten: Vec<String>,
    },
}

#[derive(Subcommand)]
enum GremiumBefehl {
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

#[derive(Subcommand)]
enum PersonBefehl {
    /// Eine Person anlegen, optional gleich als Mitglied eines Gremiums
    Neu {
        #[arg(long, default_value = "")]
        anrede: String,
        #[arg(long, default_value = "")]
        titel: String,
        #[arg(long, default_value = "")]
        vorname: String,
        #[arg(long)]
        nachname: String,
        #[arg(long, default_value = "")]
        email: String,
        /// Mitglied dieses Gremiums (ID)
        #[arg(long)]
        gremium: Option<i64>,
        /// vorsitz | stellv_vorsitz | mitglied | stellv_mitglied | beratend
        #[arg(long, default_value = "mitglied")]
        rolle: String,
        /// direkt | rat | sonstig (§ 27 GO NRW: direkt gewählt oder vom Rat entsandt)
        #[arg(long, default_value = "direkt")]
        herkunft: String,
        /// Liste oder Fraktion
        #[arg(long, default_value = "")]
        fuer: String,
        #[arg(long, default_value = "")]
        telefon: String,
        /// Postanschrift für die Einladung, Zeilen durch "\n" getrennt
        #[arg(long, default_value = "")]
        anschrift: String,
        /// Mitglied seit (TT.MM.JJJJ oder JJJJ-MM-TT)
        #[arg(long, default_value = "")]
        von: String,
        /// Mitglied bis
        #[arg(long, default_value = "")]
        bis: String,
        #[arg(long)]
        json: bool,
    },
    /// Alle Personen, nach Nachnamen sortiert
    Liste {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum SitzungBefehl {
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
    },
    /// Die Sitzungen eines Gremiums als iCalendar-Datei (nur öffentliche TOPs)
    Ics {
        gremium: i64,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum WahlBefehl {
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
    // Computations without a database.
    match &cli.befehl {
        Befehl::Sitzverteilung {
            verfahren,
            sitze,
            json: als_json,
            gruppen,
        } => {
            let v = api::sitzverteilung_json(verfahren, sitze, gruppen)?;
            if *als_json {
                println!("{}", json(&v));
            } else {
                for (name, n) in v["verteilung"].as_object().into_iter().flatten() {
                    println!("{name}: {n}");
                }
                if let Some(los) = v["los"].as_object() {
                    println!(
                        "Losentscheid: {} Sitz(e) zwischen {}",
                        los["sitze"], los["gruppen"]
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
                println!("{}", json(&e));
            } else {
                println!("{}", e["ergebnis"].as_str().unwrap_or_default());
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
        Befehl::Sicherung { .. } | Befehl::Sitzverteilung { .. } | Befehl::Einzelwahl { .. } => {
            unreachable!("oben behandelt")
        }
        Befehl::Demo => {
            let d = api::demo(&mut store, jetzt())?;
            println!(
                "Beispieldaten angelegt: {} Vorlagen, {} Gremien, {} Mitglieder, {} Sitzungen.",
                d.vorlagen, d.gremien, d.personen, d.sitzungen
            );
        }
        Befehl::Gremium { befehl } => gremium(&mut store, befehl)?,
        Befehl::Person { befehl } => person(&mut store, befehl)?,
        Befehl::Sitzung { befehl } => sitzung(&mut store, befehl)?,
        Befehl::Wahl { befehl } => wahl(&mut store, befehl)?,
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

fn wert<T: std::str::FromStr<Err = ratsbuero::domain::werte::UnbekannterWert>>(
    feld: &str,
    text: &str,
) -> Result<T, ApiFehler> {
    text.parse()
        .map_err(|e: ratsbuero::domain::werte::UnbekannterWert| {
            ApiFehler::feld(feld, format!("--{feld}: {e}."))
        })
}

fn gremium(store: &mut Store, befehl: GremiumBefehl) -> Result<(), ApiFehler> {
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
            let neu = ratsbuero::store::GremiumNeu {
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

fn person(store: &mut Store, befehl: PersonBefehl) -> Result<(), ApiFehler> {
    match befehl {
        PersonBefehl::Neu {
            anrede,
            titel,
            vorname,
            nachname,
            email,
            gremium,
            rolle,
            herkunft,
            fuer,
            telefon,
            anschrift,
            von,
            bis,
            json: als_json,
        } => {
            let rolle = wert("rolle", &rolle)?;
            let herkunft = wert("herkunft", &herkunft)?;
            let neu = ratsbuero::store::PersonNeu {
                anrede,
                titel,
                vorname,
                nachname,
                email,
                telefon,
                anschrift: anschrift.replace("\\n", "\n"),
            };
            // Person and membership in one go: a refused membership leaves no person behind.
            let m = gremium.map(|g| ratsbuero::store::MitgliedschaftNeu {
                person: ratsbuero::domain::PersonId(0),
                gremium: ratsbuero::domain::GremiumId(g),
                rolle,
                stimmrecht: rolle != ratsbuero::domain::sitzung::MitgliedRolle::Beratend,
                fuer,
                herkunft,
                von,
                bis,
            });
            let p = api::person_anlegen_mit(store, &neu, m.as_ref(), jetzt())?;
            if als_json {
                println!("{}", json(&p))
            } else {
                println!("Person {} angelegt: {}", p.id, p.name)
            }
        }
        PersonBefehl::Liste { json: als_json } => {
            let alle = store.personen()?;
            if als_json {
                println!("{}", json(&alle))
            } else {
                for p in alle {
                    println!("{:>4}  {}", p.id, p.name)
                }
            }
        }
    }
    Ok(())
}

fn sitzung(store: &mut Store, befehl: SitzungBefehl) -> Result<(), ApiFehler> {
    match befehl {
        SitzungBefehl::Neu {
            gremium,
            beginn,
            ort,
            json: als_json,
        } => {
            let s = api::sitzung_anlegen(store, gremium, &beginn, &ort, jetzt())?;
            if als_json {
                println!("{}", json(&s))
            } else {
                println!(
                    "Sitzung {} angelegt: {}. Sitzung {}",
                    s.id, s.nummer, s.gremium.daten.name
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
                ratsbuero::domain::sitzung::Teil::Nichtoeffentlich
            } else {
                ratsbuero::domain::sitzung::Teil::Oeffentlich
            };
            let neu = TopNeu {
                teil,
                titel: titel.unwrap_or_default(),
                vorlage: vorlage.map(ratsbuero::domain::VorlageId),
                unterpunkt,
            };
            let s = api::top_hinzufuegen(store, id, &neu, None, jetzt())?;
            let t = s
                .tops
                .iter()
                .filter(|t| t.teil == teil)
                .last()
                .expect("der neue TOP");
            println!("{} {}", t.nummer, t.titel);
        }
        SitzungBefehl::Zeigen { id, json: als_json } => {
            let s = api::sitzung_lesen(store, id)?;
            if als_json {
                println!("{}", json(&s))
            } else {
                println!(
                    "{}. Sitzung {} – {} – {} ({})",
                    s.nummer,
                    s.gremium.daten.name,
                    s.beginn.format("%d.%m.%Y %H:%M"),
                    s.ort,
                    s.zustand.label()
                );
                for t in &s.tops {
                    println!("  {:<5} {}", t.nummer, t.titel)
                }
                for b in &s.befunde {
                    eprintln!("Hinweis: {}", b.meldung)
                }
            }
        }
        SitzungBefehl::Paket { id, variante, out } => {
            let pdf = api::sitzung_paket(store, id, variante.parse()?, jetzt())?;
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
            let e: ratsbuero::domain::sitzung::TopErgebnis =
                api::wert_lesen("--ergebnis", &ergebnis)?;
            let s = api::top_ergebnis(store, top, e, &text, None, jetzt())?;
            if let Some(t) = s.tops.iter().find(|t| t.id.0 == top) {
                println!("{} {}: {}", t.nummer, t.titel, e.label());
            }
        }
        SitzungBefehl::Anwesenheit {
            id,
            person,
            status,
            bemerkung,
        } => {
            let st: ratsbuero::domain::sitzung::Anwesenheit = api::wert_lesen("--status", &status)?;
            api::anwesenheit_setzen(store, id, person, Some(st), &bemerkung, None, jetzt())?;
        }
        SitzungBefehl::Abschliessen {
            id,
            ende,
            schriftfuehrung,
        } => {
            let s = api::sitzung_abschliessen(store, id, &ende, &schriftfuehrung, None, jetzt())?;
            println!(
                "{}. Sitzung {}: {}",
                s.nummer,
                s.gremium.daten.name,
                s.zustand.label()
            );
        }
        SitzungBefehl::Einladung { id, out } => {
            let briefe = api::sitzung_einladungen(store, id, jetzt())?;
            for p in api::schreiben_ablegen(&out, &briefe)? {
                println!("{}", p.display());
            }
        }
        SitzungBefehl::Niederschrift { id, variante, out } => {
            let pdf = api::sitzung_niederschrift(store, id, variante.parse()?, jetzt())?;
            api::datei_schreiben(&out, &pdf)?;
            eprintln!("{} geschrieben.", out.display());
        }
        SitzungBefehl::Auszuege { id, out } => {
            let auszuege = api::sitzung_beschlussauszuege(store, id, jetzt())?;
            for p in api::schreiben_ablegen(&out, &auszuege)? {
                println!("{}", p.display());
            }
        }
        SitzungBefehl::Ics { gremium, out } => {
            let ics = api::sitzungen_ics(store, gremium, jetzt())?;
            api::datei_schreiben(&out, ics.as_bytes())?;
            eprintln!("{} geschrieben.", out.display());
        }
    }
    Ok(())
}

fn wahl_zeigen(w: &ratsbuero::store::WahlAkte) {
    println!(
        "{} ({}, {} Sitz(e)) – {}",
        w.daten.titel,
        w.daten.art.label(),
        w.daten.sitze,
        w.gremium
    );
    match &w.stand.schritt {
        ratsbuero::domain::wahl::Schritt::Zaehlung { nr, gang, optionen } => {
            println!(
                "Als Nächstes: {nr}. Wahlgang ({}) – {}",
                gang.label(),
                optionen.join(", ")
            )
        }
        ratsbuero::domain::wahl::Schritt::Los {
            zwischen, plaetze, ..
        } => {
            println!(
                "Als Nächstes: Losentscheid um {plaetze} Platz/Plätze zwischen {}",
                zwischen.join(", ")
            )
        }
        ratsbuero::domain::wahl::Schritt::Fertig => println!("Entschieden."),
    }
    for (i, n) in w.stand.gewaehlt.iter().enumerate() {
        println!("  {}. {n}", i + 1);
    }
    for b in &w.stand.befunde {
        eprintln!("Hinweis: {}", b.meldung);
    }
}

fn wahl(store: &mut Store, befehl: WahlBefehl) -> Result<(), ApiFehler> {
    let zeigen = |w: &ratsbuero::store::WahlAkte, als_json: bool| {
        if als_json {
            println!("{}", json(w));
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
            let neu = ratsbuero::store::WahlNeu {
                sitzung: ratsbuero::domain::SitzungId(sitzung),
                top: top.map(ratsbuero::domain::TopId),
                titel,
                ziel_gremium: ziel.map(ratsbuero::domain::GremiumId),
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
                println!("{}", json(&w))
            } else {
                println!("Wahl {} angelegt.", w.id)
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
            api::wahl_in_vorlage(store, id, vorlage, jetzt())?;
            println!("{}", api::wahl_beschlusstext(&api::wahl_lesen(store, id)?)?);
        }
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
