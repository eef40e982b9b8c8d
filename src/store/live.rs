//! Live between workstations: every committed write on the server sends a notification
//! (`NOTIFY ratsbuero` inside the write transaction, so it is delivered only when the
//! change is committed), and [`lauschen`] hears those of the other workstations.
//!
//! The listener has a connection of its own, in a thread of its own. Notifications are
//! not replayed: after every reconnect it reports [`Aenderung::NeuVerbunden`], and the app
//! refreshes everything it shows. A workstation's own writes carry its [`kennung`] and are
//! not reported back to it. The SQLite file has no such channel (one file, one machine);
//! there the app only sees other windows' changes when it reads again.

use super::fehler::StoreError;
use super::server;
use postgres::fallible_iterator::FallibleIterator;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// The channel of the notifications.
pub(crate) const KANAL: &str = "ratsbuero";

/// What the listener reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aenderung {
    /// Another workstation committed a change.
    Geaendert,
    /// The connection was lost and is back: what was missed is unknown, read everything.
    NeuVerbunden,
    /// The listener lost the server and is trying again.
    Getrennt,
}

/// This process's mark on its notifications (process id and start time).
pub fn kennung() -> &'static str {
    static K: OnceLock<String> = OnceLock::new();
    K.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        format!("{}-{nanos}", std::process::id())
    })
}

/// The statement every write transaction on the server runs before its commit (the
/// mark is digits and a hyphen: safe as a literal).
pub(crate) fn benachrichtigung() -> String {
    format!("SELECT pg_notify('{KANAL}', '{}')", kennung())
}

/// Ends the listener when dropped.
pub struct Lauscher {
    aus: Arc<AtomicBool>,
}

impl Drop for Lauscher {
    fn drop(&mut self) {
        self.aus.store(true, Ordering::SeqCst);
    }
}

/// Listens on the server at `url` (with the password the user typed, if any) and calls
/// `melden` for every change of another workstation, in a thread of its own, until the
/// returned [`Lauscher`] is dropped. Reconnects by itself (after 2 s, then less often up
/// to every 30 s while the server is away).
pub fn lauschen(
    url: String,
    kennwort: Option<String>,
    mut melden: impl FnMut(Aenderung) + Send + 'static,
) -> Lauscher {
    let aus = Arc::new(AtomicBool::new(false));
    let ende = aus.clone();
    std::thread::Builder::new()
        .name("ratsbuero-lauscher".into())
        .spawn(move || {
            let mut erstes_mal = true;
            // Waits longer after each failed attempt (2 s up to 30 s), so that a server
            // that refuses the login is not asked every 2 s all day.
            let mut pause = Duration::from_secs(2);
            while !ende.load(Ordering::SeqCst) {
                let mut client =
                    match server::verbinden(&url, kennwort.as_deref()).and_then(|mut c| {
                        c.batch_execute(&format!(
                            "SET application_name = 'ratsbuero-lauscher'; LISTEN {KANAL}"
                        ))?;
                        Ok::<_, StoreError>(c)
                    }) {
                        Ok(c) => c,
                        Err(_) => {
                            std::thread::sleep(pause);
                            pause = (pause * 2).min(Duration::from_secs(30));
                            continue;
                        }
                    };
                pause = Duration::from_secs(2);
                if !erstes_mal {
                    melden(Aenderung::NeuVerbunden);
                }
                erstes_mal = false;
                'verbunden: while !ende.load(Ordering::SeqCst) {
                    let mut andere = false;
                    {
                        let mut n = client.notifications();
                        let mut warten = n.timeout_iter(Duration::from_millis(500));
                        loop {
                            match warten.next() {
                                Ok(Some(m)) => andere |= m.payload() != kennung(),
                                Ok(None) => break,
                                Err(_) => break 'verbunden,
                            }
                        }
                    }
                    if andere {
                        melden(Aenderung::Geaendert);
                    }
                    // A dead connection shows itself only when asked.
                    if client.is_closed() || client.simple_query("").is_err() {
                        break;
                    }
                }
                if !ende.load(Ordering::SeqCst) {
                    melden(Aenderung::Getrennt);
                    std::thread::sleep(Duration::from_secs(2));
                }
            }
        })
        .expect("Lauscher-Thread startet");
    Lauscher { aus }
}
