//! `ratsbuero sitzung versand ID`: the Einladung by e-mail, one message per recipient,
//! either written as `.eml` files (`--ordner DIR`, nothing sent) or sent through the
//! office's mail server (`--smtp smtp://HOST:PORT`). One line per message: recipient,
//! packet variant, status. The password comes from an environment variable
//! (`--kennwort-env VAR`), never from the command line.

use super::jetzt;
use crate::api::{self, ApiFehler, VersandFortschritt, Ziel};
use crate::domain::versand::{Sicherheit, SmtpEinstellungen, VersandStatus, GRENZE_MB};
use crate::store::Store;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct VersandArgs {
    /// Statt zu senden jede Nachricht als .eml-Datei in diesen Ordner schreiben
    #[arg(long, conflicts_with = "smtp", required_unless_present = "smtp")]
    ordner: Option<PathBuf>,
    /// Mailserver: smtp://HOST:PORT (smtps://HOST:PORT für TLS von Anfang an)
    #[arg(long)]
    smtp: Option<String>,
    /// STARTTLS verlangen (Port 587); ohne diese Angabe und ohne smtps:// unverschlüsselt
    #[arg(long)]
    starttls: bool,
    /// Anmeldename am Mailserver
    #[arg(long, requires = "kennwort_env")]
    benutzer: Option<String>,
    /// Name der Umgebungsvariablen mit dem Kennwort
    #[arg(long, requires = "benutzer")]
    kennwort_env: Option<String>,
    /// Absenderadresse des Büros ("Integrationsrat Herne <ir@herne.de>")
    #[arg(long, required_unless_present = "ordner")]
    absender: Option<String>,
    /// PEM-Datei mit der Zertifizierungsstelle des Mailservers (eigene CA der Stadt)
    #[arg(long)]
    ca: Option<PathBuf>,
    /// Größte Anlage in MB
    #[arg(long, default_value_t = GRENZE_MB)]
    grenze_mb: u32,
    /// Nur an die Adressen senden, die ein früherer Versand nicht erreicht hat
    #[arg(long)]
    nur_fehlgeschlagene: bool,
}

pub fn versand(store: &mut Store, sitzung: i64, a: VersandArgs) -> Result<(), ApiFehler> {
    let kennwort = match &a.kennwort_env {
        Some(v) => Some(std::env::var(v).map_err(|_| {
            ApiFehler::feld(
                "kennwort_env",
                format!("Die Umgebungsvariable {v} mit dem Kennwort ist nicht gesetzt."),
            )
        })?),
        None => None,
    };
    let absender = a
        .absender
        .clone()
        .unwrap_or_else(|| "ratsbuero@example.invalid".into());
    let einstellungen = SmtpEinstellungen {
        server: a.smtp.clone().unwrap_or_default(),
        sicherheit: if a.starttls {
            Sicherheit::Starttls
        } else if a.smtp.as_deref().is_some_and(|s| s.starts_with("smtps://")) {
            Sicherheit::Tls
        } else {
            Sicherheit::Keine
        },
        benutzer: a.benutzer.clone().unwrap_or_default(),
        absender: absender.clone(),
        ca: a
            .ca
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
        grenze_mb: a.grenze_mb,
    };
    let ziel = match &a.ordner {
        Some(o) => Ziel::Ordner(o),
        None => {
            let b = einstellungen.pruefen();
            if let Some(erster) = b.first() {
                return Err(ApiFehler::feld(&erster.feld, erster.meldung.clone()));
            }
            Ziel::Smtp(&einstellungen, kennwort.as_deref())
        }
    };
    let mut melden = |_: VersandFortschritt| true;
    let bericht = api::versand_ausfuehren(
        store,
        sitzung,
        ziel,
        &absender,
        a.nur_fehlgeschlagene,
        a.grenze_mb,
        jetzt(),
        &mut melden,
    )?;
    for e in &bericht.ergebnisse {
        zeile!(
            "{}\t{}\t{}\t{}",
            e.email,
            e.verteiler.variante(),
            e.status.wort(),
            e.antwort
        );
    }
    for p in &bericht.per_post {
        zeile!("{}\tper Post\t{}", p.name, p.dateiname);
    }
    if bericht.eingeladen {
        zeile!("Alle Mitglieder erreicht: die Sitzung ist eingeladen.");
    }
    let fehlgeschlagen = bericht
        .ergebnisse
        .iter()
        .filter(|e| e.status == VersandStatus::Fehlgeschlagen)
        .count();
    if fehlgeschlagen > 0 {
        return Err(ApiFehler::neu(
            "versand",
            format!(
                "{fehlgeschlagen} von {} Nachrichten fehlgeschlagen; mit --nur-fehlgeschlagene erneut senden.",
                bericht.ergebnisse.len()
            ),
        ));
    }
    Ok(())
}
