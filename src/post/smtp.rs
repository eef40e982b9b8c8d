//! The office's mail server: one connection per message (so a server that goes away in
//! the middle of a run costs exactly the messages not yet accepted), TLS as the settings
//! ask — STARTTLS required, never skipped, or TLS from the first byte — the login, and a
//! timeout. The server's certificate is checked against the system's authorities, or the
//! one PEM file the settings name (a town's own authority).

use super::PostFehler;
use crate::domain::versand::{Sicherheit, SmtpEinstellungen};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use std::time::Duration;

/// How long a server may take to answer before the message counts as failed.
const WARTEZEIT: Duration = Duration::from_secs(30);

/// A configured connection to the office's server.
pub struct Postausgang {
    transport: SmtpTransport,
    server: String,
}

/// What the server said to one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Antwort {
    /// Accepted: the server's reply ("250 2.0.0 Ok: queued as …").
    Angenommen(String),
    /// Refused or not delivered: why, in German with the server's words.
    Abgewiesen(String),
}

fn feld(feld: &'static str, meldung: String) -> PostFehler {
    PostFehler::Feld { feld, meldung }
}

impl Postausgang {
    /// Prepares the connection of `e` with the password `kennwort` (none for a relay).
    /// Nothing is sent yet; a wrong setting is named at its field.
    pub fn neu(e: &SmtpEinstellungen, kennwort: Option<&str>) -> Result<Postausgang, PostFehler> {
        let a = e.adresse().map_err(|b| feld("server", b.meldung))?;
        let sicherheit = if a.tls { Sicherheit::Tls } else { e.sicherheit };
        let mut tls = TlsParameters::builder(a.host.clone());
        let ca = e.ca.trim();
        if !ca.is_empty() {
            let pem = std::fs::read(ca).map_err(|x| {
                feld(
                    "ca",
                    format!(
                        "Stammzertifikat „{ca}“ kann nicht gelesen werden: {}",
                        crate::domain::io_text::io_text(&x)
                    ),
                )
            })?;
            let c = Certificate::from_pem(&pem).map_err(|x| {
                feld(
                    "ca",
                    format!("Stammzertifikat „{ca}“ ist kein PEM-Zertifikat: {x}"),
                )
            })?;
            tls = tls.add_root_certificate(c);
        }
        let tls = tls
            .build_native()
            .map_err(|x| feld("ca", format!("TLS kann nicht eingerichtet werden: {x}")))?;
        let mut b = SmtpTransport::builder_dangerous(a.host.as_str())
            .port(a.port)
            .timeout(Some(WARTEZEIT))
            .tls(match sicherheit {
                Sicherheit::Starttls => Tls::Required(tls),
                Sicherheit::Tls => Tls::Wrapper(tls),
                Sicherheit::Keine => Tls::None,
            });
        let benutzer = e.benutzer.trim();
        if !benutzer.is_empty() {
            if sicherheit == Sicherheit::Keine {
                return Err(feld(
                    "sicherheit",
                    "Ohne Verschlüsselung wird kein Kennwort gesendet: bitte STARTTLS oder TLS wählen.".into(),
                ));
            }
            let k = kennwort.filter(|k| !k.is_empty()).ok_or_else(|| {
                feld(
                    "kennwort",
                    format!("Kennwort für {benutzer} am Mailserver fehlt."),
                )
            })?;
            b = b.credentials(Credentials::new(benutzer.to_string(), k.to_string()));
        }
        Ok(Postausgang {
            transport: b.build(),
            server: format!("{}:{}", a.host, a.port),
        })
    }

    /// Asks the server whether it answers and takes the login (before the first message
    /// of a run, so that a wrong password stops the run before anything is sent).
    pub fn pruefen(&self) -> Result<(), PostFehler> {
        match self.transport.test_connection() {
            Ok(true) => Ok(()),
            Ok(false) => Err(PostFehler::Server {
                server: self.server.clone(),
                grund: "antwortet nicht.".into(),
            }),
            Err(e) => Err(PostFehler::Server {
                server: self.server.clone(),
                grund: grund(&e),
            }),
        }
    }

    /// Sends one message on a connection of its own.
    pub fn senden(&self, m: &Message) -> Antwort {
        match self.transport.send(m) {
            Ok(r) => Antwort::Angenommen(format!(
                "{} {}",
                r.code(),
                r.message().collect::<Vec<_>>().join(" ")
            )),
            Err(e) => Antwort::Abgewiesen(grund(&e)),
        }
    }

    /// `host:port`, as messages name the server.
    pub fn server(&self) -> &str {
        &self.server
    }
}

/// The German reason of a failed exchange, with the server's own words.
fn grund(e: &lettre::transport::smtp::Error) -> String {
    let text = e.to_string();
    if e.is_permanent() {
        if let Some(c) = e.status() {
            if c.to_string().starts_with("53") {
                return format!("Anmeldung abgelehnt (Benutzer oder Kennwort falsch): {text}");
            }
        }
        format!("abgewiesen: {text}")
    } else if e.is_transient() {
        format!("vorübergehend abgewiesen: {text}")
    } else if e.is_timeout() {
        "keine Antwort in der Wartezeit.".into()
    } else if e.is_tls() || text.contains("certificate") {
        format!("TLS gescheitert, das Zertifikat des Servers ist nicht vertrauenswürdig (Stammzertifikat angeben?): {text}")
    } else {
        format!("nicht erreichbar oder Verbindung abgebrochen: {text}")
    }
}
