//! Live between workstations: every committed write on the server sends a notification
//! (`NOTIFY ratsbuero` inside the write transaction, so it is delivered only when the
//! change is committed), and [`lauschen`] hears those of the other workstations.
//!
//! The listener has a connection of its own, in a thread of its own. Notifications are
//! not replayed: after every reconnect it reports [`Aenderung::NeuVerbunden`], and the app
//! refreshes everything it shows. A workstation's own writes carry its [`kennung`] and are
//! not reported back to it. On a second channel each workstation says which Vorlage its
//! editor has open ([`Store::bearbeitung_melden`], repeated by the app while it stays
//! open), so that the others can show „wird gerade bearbeitet von …“. The SQLite file has no such channel (one file, one machine);
//! there the app only sees other windows' changes when it reads again.

use super::fehler::StoreError;
use super::server;
use postgres::fallible_iterator::FallibleIterator;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// The channel of the notifications.
pub(crate) const KANAL: &str = "ratsbuero";
/// The channel on which the workstations say which Vorlage they have open.
const KANAL_OFFEN: &str = "ratsbuero_offen";

/// What the listener reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Aenderung {
    /// Another workstation has Vorlage `vorlage` open in its editor (`None`: none any
    /// more); `wer` is the name it gave, `kennung` tells the workstations apart.
    Bearbeitung {
        kennung: String,
        vorlage: Option<i64>,
        wer: String,
    },
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
                            "SET application_name = 'ratsbuero-lauscher'; LISTEN {KANAL}; LISTEN {KANAL_OFFEN}"
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
                    let mut offen = Vec::new();
                    {
                        let mut n = client.notifications();
                        let mut warten = n.timeout_iter(Duration::from_millis(500));
                        loop {
                            match warten.next() {
                                Ok(Some(m)) if m.channel() == KANAL_OFFEN => {
                                    offen.extend(bearbeitung_lesen(m.payload()));
                                }
                                Ok(Some(m)) => andere |= m.payload() != kennung(),
                                Ok(None) => break,
                                Err(_) => break 'verbunden,
                            }
                        }
                    }
                    for b in offen {
                        melden(b);
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

/// A notification on the channel of the open editors, unless it is this workstation's own.
fn bearbeitung_lesen(text: &str) -> Option<Aenderung> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let k = v["kennung"].as_str()?;
    (k != kennung()).then(|| Aenderung::Bearbeitung {
        kennung: k.to_string(),
        vorlage: v["vorlage"].as_i64(),
        wer: v["wer"].as_str().unwrap_or_default().to_string(),
    })
}

impl super::Store {
    /// Tells the other workstations which Vorlage this one's editor has open (`None`: none),
    /// and under which name. On a file there is nobody to tell.
    pub fn bearbeitung_melden(&self, vorlage: Option<i64>, wer: &str) -> Result<(), StoreError> {
        if !self.db().ist_pg() {
            return Ok(());
        }
        let text =
            serde_json::json!({ "kennung": kennung(), "vorlage": vorlage, "wer": wer }).to_string();
        self.db().execute(
            "SELECT pg_notify(?1, ?2)",
            super::sql::p![KANAL_OFFEN, &text],
        )?;
        Ok(())
    }
}
