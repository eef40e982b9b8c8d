//! The command line's arguments: the global options and the nouns. Each noun's verbs are
//! in the noun's file.

use super::{
    bericht::BerichtBefehl, beschluss::BeschlussBefehl, gremium::GremiumBefehl, oparl::OparlBefehl,
    person::PersonBefehl, sicherung::SicherungBefehl, sitzung::SitzungBefehl,
    sitzungsgeld::SitzungsgeldBefehl, vorlage::VorlageBefehl, wahl::WahlBefehl,
};
use crate::store::Ablage;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "ratsbuero",
    version,
    about = "Ratsbüro – Büro des Integrationsrates (Kommandozeile)"
)]
pub struct Cli {
    /// Datenbankdatei (Standard: die Datei im App-Datenordner)
    #[arg(long, global = true, env = "RATSBUERO_DB")]
    pub db: Option<Ablage>,
    #[command(subcommand)]
    pub befehl: Befehl,
}

#[derive(Subcommand)]
pub enum Befehl {
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
        /// Zeitzone des Büros (IANA-Name, z. B. Europe/Berlin); ohne Angabe bleibt die bisherige
        #[arg(long)]
        zeitzone: Option<String>,
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
    /// Sitzungsgeld und Entschädigung: Sätze, Angaben je Sitzung, Auszahlungsliste
    Sitzungsgeld {
        #[command(subcommand)]
        befehl: SitzungsgeldBefehl,
    },
    /// Beschlusskontrolle: was aus den Beschlüssen wurde (Stand, Wiedervorlage, Zuständigkeit, Notizen)
    Beschluss {
        #[command(subcommand)]
        befehl: BeschlussBefehl,
    },
    /// Der Tätigkeitsbericht eines Jahres (Mitteilungsvorlage, PDF oder Word)
    Bericht {
        #[command(subcommand)]
        befehl: BerichtBefehl,
    },
    /// Eine leere Datenbank mit Beispieldaten füllen (Vorlagen, Gremien, Mitglieder, Sitzungen)
    Demo {
        /// Stattdessen ein Archiv aus so vielen freigegebenen Vorlagen über 20 Jahre erzeugen
        /// (jede zweite mit einer Anlage), z. B. 100000 für die Messungen einer Großstadt
        #[arg(long)]
        umfang: Option<usize>,
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
    /// Das ganze Büro in eine leere Datenbank kopieren und prüfen (Datei ↔ Server)
    Umzug {
        /// Ziel: eine neue Datei oder eine leere Server-Datenbank (postgres://…)
        #[arg(long)]
        nach: Ablage,
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
    /// Die Handbuchseiten (man pages) der Kommandozeile in ORDNER schreiben (für das Paket)
    #[command(hide = true)]
    Handbuch { ordner: std::path::PathBuf },
}
