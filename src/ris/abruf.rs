//! HTTP for the OParl import: a blocking client (`ureq`, TLS through the system's
//! native-tls) with deadlines, and a retry with back-off for what a busy server does now
//! and then (a timeout, a dropped connection, 429 and 5xx). The import runs off the UI
//! thread and outside any async runtime.
//!
//! Deadlines, not only read timeouts (issue 28): ureq 2 clears the read timeout of a
//! connection it puts back into its pool and sets it again only for the body, so the
//! status line of a reused connection was read without any limit — an import hung for
//! good when the server went quiet on a kept-alive connection, and also when it sent a
//! byte every 20 s. Every request now has one deadline for all of it (status line,
//! headers, body: [`Fristen::seite`] for a page or object, [`Fristen::datei`] for a file),
//! and every failure is said in German, never in the library's English.

use std::io::Read;
use std::sync::Arc;
use std::time::Duration;

/// What a server answered: the status and the body.
#[derive(Debug)]
pub struct Antwort {
    pub status: u16,
    pub bytes: Vec<u8>,
}

/// Why nothing usable came back, after every try.
#[derive(Debug, Clone)]
pub struct Fehlschlag {
    /// The last status, when the server answered at all.
    pub status: Option<u16>,
    pub grund: String,
}

/// How long the import waits, and how long before it tries again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fristen {
    /// For the connection (TCP and TLS).
    pub verbinden: Duration,
    /// For all of one page or object (a list page of 100 Papers is a few hundred KB).
    pub seite: Duration,
    /// For all of one file (a scanned plan runs to tens of MB).
    pub datei: Duration,
    /// The first pause before a retry; it doubles.
    pub pause: Duration,
}

impl Fristen {
    /// What the office's import uses.
    pub const STANDARD: Fristen = Fristen {
        verbinden: Duration::from_secs(15),
        seite: Duration::from_secs(90),
        datei: Duration::from_secs(600),
        pause: Duration::from_millis(500),
    };
}

/// The largest body read (a RIS file: a scanned plan runs to tens of MB).
const HOECHSTENS: u64 = 512 * 1024 * 1024;

pub struct Abrufer {
    agent: ureq::Agent,
    versuche: u32,
    fristen: Fristen,
}

impl Abrufer {
    /// Three tries, the pauses between them doubling from `fristen.pause`.
    pub fn neu(fristen: Fristen) -> Result<Abrufer, Fehlschlag> {
        let tls = native_tls::TlsConnector::new().map_err(|e| Fehlschlag {
            status: None,
            grund: format!("TLS kann nicht eingerichtet werden: {e}"),
        })?;
        Ok(Abrufer {
            agent: ureq::AgentBuilder::new()
                .timeout_connect(fristen.verbinden)
                .user_agent(concat!(
                    "Ratsbuero/",
                    env!("CARGO_PKG_VERSION"),
                    " (OParl-Import)"
                ))
                .tls_connector(Arc::new(tls))
                .build(),
            versuche: 3,
            fristen,
        })
    }

    /// GET a page or an object at `url` (within [`Fristen::seite`]).
    pub fn holen(&self, url: &str) -> Result<Antwort, Fehlschlag> {
        self.holen_binnen(url, self.fristen.seite)
    }

    /// GET a file at `url` (within [`Fristen::datei`]).
    pub fn datei(&self, url: &str) -> Result<Antwort, Fehlschlag> {
        self.holen_binnen(url, self.fristen.datei)
    }

    /// GET `url`, all of it within `frist`. A 2xx is an answer; 404 and other 4xx are
    /// answers too (the caller knows what a 404 means where). Timeouts, dropped
    /// connections, 429 and 5xx are tried again.
    fn holen_binnen(&self, url: &str, frist: Duration) -> Result<Antwort, Fehlschlag> {
        let mut letzter = Fehlschlag {
            status: None,
            grund: String::new(),
        };
        for versuch in 0..self.versuche {
            if versuch > 0 {
                std::thread::sleep(self.fristen.pause * 2u32.pow(versuch - 1));
            }
            let (status, antwort) = match self.agent.get(url).timeout(frist).call() {
                Ok(r) => (r.status(), r),
                Err(ureq::Error::Status(code, r)) => (code, r),
                Err(ureq::Error::Transport(t)) => {
                    letzter = Fehlschlag {
                        status: None,
                        grund: transport_grund(&t, frist),
                    };
                    continue;
                }
            };
            if status == 429 || status >= 500 {
                letzter = Fehlschlag {
                    status: Some(status),
                    grund: format!("HTTP {status}"),
                };
                continue;
            }
            let mut bytes = Vec::new();
            if let Err(e) = antwort
                .into_reader()
                .take(HOECHSTENS)
                .read_to_end(&mut bytes)
            {
                letzter = Fehlschlag {
                    status: Some(status),
                    grund: io_grund(&e, frist),
                };
                continue;
            }
            return Ok(Antwort { status, bytes });
        }
        Err(letzter)
    }
}

/// What went wrong on the way, in German (ureq says it in English).
fn transport_grund(t: &ureq::Transport, frist: Duration) -> String {
    use ureq::ErrorKind;
    // A timeout or a broken connection shows as an I/O error underneath, whatever the
    // stage (status line, headers, body).
    let io = std::error::Error::source(t).and_then(|q| q.downcast_ref::<std::io::Error>());
    if let Some(e) = io {
        if matches!(
            e.kind(),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
        ) {
            return io_grund(e, frist);
        }
    }
    match t.kind() {
        ErrorKind::Dns => "der Servername lässt sich nicht auflösen".into(),
        ErrorKind::ConnectionFailed => "keine Verbindung zum Server".into(),
        ErrorKind::TooManyRedirects => "zu viele Weiterleitungen".into(),
        ErrorKind::InvalidUrl | ErrorKind::UnknownScheme => "ungültige Adresse".into(),
        ErrorKind::InvalidProxyUrl | ErrorKind::ProxyConnect | ErrorKind::ProxyUnauthorized => {
            "der Proxy lässt die Verbindung nicht zu".into()
        }
        ErrorKind::BadStatus | ErrorKind::BadHeader => match io {
            Some(e) => io_grund(e, frist),
            None => {
                "der Server antwortet nicht nach HTTP (Statuszeile oder Kopfzeilen unlesbar)".into()
            }
        },
        _ => match io {
            Some(e) => io_grund(e, frist),
            None => "Übertragungsfehler".into(),
        },
    }
}

/// An I/O error of the connection, in German.
fn io_grund(e: &std::io::Error, frist: Duration) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => format!(
            "keine vollständige Antwort binnen {} s (der Server schweigt oder sendet zu langsam)",
            frist.as_secs().max(1)
        ),
        ErrorKind::UnexpectedEof
        | ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::BrokenPipe => {
            "die Verbindung brach ab, bevor die Antwort vollständig war".into()
        }
        ErrorKind::ConnectionRefused => "keine Verbindung zum Server".into(),
        _ => "Übertragungsfehler".into(),
    }
}
