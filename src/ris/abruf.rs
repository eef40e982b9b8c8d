//! HTTP for the OParl import: a blocking client (`ureq`, TLS through the system's
//! native-tls) with a connect and a read timeout, and a retry with back-off for what a busy
//! server does now and then (a timeout, a dropped connection, 429 and 5xx). The import
//! runs off the UI thread and outside any async runtime.

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

/// The largest body read (a RIS file: a scanned plan runs to tens of MB).
const HOECHSTENS: u64 = 512 * 1024 * 1024;

pub struct Abrufer {
    agent: ureq::Agent,
    versuche: u32,
    pause: Duration,
}

impl Abrufer {
    /// Three tries, the pauses between them doubling from `pause`.
    pub fn neu(pause: Duration) -> Result<Abrufer, Fehlschlag> {
        let tls = native_tls::TlsConnector::new().map_err(|e| Fehlschlag {
            status: None,
            grund: format!("TLS kann nicht eingerichtet werden: {e}"),
        })?;
        Ok(Abrufer {
            agent: ureq::AgentBuilder::new()
                .timeout_connect(Duration::from_secs(15))
                .timeout_read(Duration::from_secs(60))
                .user_agent(concat!(
                    "Ratsbuero/",
                    env!("CARGO_PKG_VERSION"),
                    " (OParl-Import)"
                ))
                .tls_connector(Arc::new(tls))
                .build(),
            versuche: 3,
            pause,
        })
    }

    /// GET `url`. A 2xx is an answer; 404 and other 4xx are answers too (the caller knows
    /// what a 404 means where). Timeouts, dropped connections, 429 and 5xx are tried again.
    pub fn holen(&self, url: &str) -> Result<Antwort, Fehlschlag> {
        let mut letzter = Fehlschlag {
            status: None,
            grund: String::new(),
        };
        for versuch in 0..self.versuche {
            if versuch > 0 {
                std::thread::sleep(self.pause * 2u32.pow(versuch - 1));
            }
            let (status, antwort) = match self.agent.get(url).call() {
                Ok(r) => (r.status(), r),
                Err(ureq::Error::Status(code, r)) => (code, r),
                Err(ureq::Error::Transport(t)) => {
                    letzter = Fehlschlag {
                        status: None,
                        grund: format!("keine Verbindung ({t})"),
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
                    grund: format!("Antwort abgebrochen ({e})"),
                };
                continue;
            }
            return Ok(Antwort { status, bytes });
        }
        Err(letzter)
    }
}
