//! The store: the backend behind the one seam [`Store`], and every line of SQL the
//! product has. One SQLite file per office ([`Ablage::Datei`]), or one PostgreSQL database
//! that several workstations share ([`Ablage::Server`]; see `server`, `live`, `umzug`).
//!
//! It turns rows into the domain's values and back and keeps only the checks that need
//! the transaction: versions (a stale save is [`StoreError::Konflikt`]), uniqueness, the
//! numbering counter; every other rule is the domain's, called from here. Nothing outside
//! this module knows which engine it is: the rest of the core calls the methods of
//! [`Store`].
//!
//! The file runs in WAL mode with `foreign_keys=ON` and `synchronous=FULL` (a saved
//! Vorlage survives a power cut), a busy timeout so that a second window or the CLI waits
//! instead of failing, and versioned migrations ([`migrationen`]) that run in one
//! transaction after a copy of the file was taken. Each table has its own file here
//! (`gremien`, `personen`, `sitzungen`, `tagesordnung`, `wahlen`, …); the Vorlage
//! aggregate (Vorlage, Anlagen, Beratungsschritte) is the folder `vorlage/`, the index
//! and its queries are `suche`.

mod ablage;
mod beschluesse;
mod buero;
mod entschaedigung;
mod fehler;
mod gremien;
pub mod live;
pub mod migrationen;
mod muster;
mod netzlaufwerk;
mod papierkorb;
mod personen;
mod ris;
mod ris_beratung;
#[doc(hidden)]
pub mod roh;
mod server;
mod server_sicherung;
mod server_tls;
mod sicherung;
mod sitzungen;
mod sql;
mod suche;
mod tagesordnung;
mod umzug;
mod versand;
mod vorlage;
mod wahlen;
mod zeitpunkt;

pub use ablage::{Ablage, DATEINAME, SICHERUNG_ENDUNG};
pub use fehler::StoreError;
pub use muster::MusterInfo;
pub use papierkorb::{PapierkorbArt, PapierkorbEintrag, AUFBEWAHRUNG_TAGE};
pub use ris::{Gespeichert as RisGespeichert, RisDatei, RisEintrag, RisObjektNeu, RisQuelle};
pub use sicherung::{sicherung_pruefen, wiederherstellen, SicherungsPruefung, Wiederhergestellt};
pub use suche::{Sortierung, VorlageZeile, VorlagenFilter};
pub use umzug::{umziehen, ziel_oeffnen, UmzugBericht};
pub use versand::{PresseAdresse, VersandNeu};

use crate::domain::befund::Befund;
use crate::domain::finanzen::FinanzSummen;
use crate::domain::VorlageId;
use chrono::{NaiveDateTime, Timelike};
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;
use sql::{Db, Tx, Zeile};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// How long a writer waits for another connection's write lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The format of a time on the office's clock (a Sitzung's beginn and ende; instants are
/// kept in UTC, [`zeitpunkt`]).
const ZEITFORMAT: &str = "%Y-%m-%dT%H:%M:%S";

pub(crate) fn zeit(t: NaiveDateTime) -> String {
    t.format(ZEITFORMAT).to_string()
}

/// A time as the columns keep it: to the second.
pub(crate) fn sekunden(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(0).unwrap_or(t)
}

/// Reads a time column (text in [`ZEITFORMAT`]). The list reads one per row, so the
/// fixed layout `2026-03-05T10:00:00` is read by position; anything else goes through
/// chrono's parser (and its error).
pub(crate) fn zeit_aus(r: &Zeile, i: usize) -> Result<NaiveDateTime, StoreError> {
    let s = match r.spalte(i)? {
        sql::Spalte::Text(s) => s,
        andere => {
            return Err(StoreError::Beschaedigt(format!(
                "Spalte {i}: Zeit erwartet, gefunden: {andere:?}"
            )))
        }
    };
    if let Some(t) = zeit_schnell(s.as_bytes()) {
        return Ok(t);
    }
    NaiveDateTime::parse_from_str(s, ZEITFORMAT)
        .map_err(|e| StoreError::Beschaedigt(format!("Spalte {i}: „{s}“ ist keine Zeit ({e})")))
}

fn zeit_schnell(b: &[u8]) -> Option<NaiveDateTime> {
    let zahl = |von: usize, bis: usize| -> Option<u32> {
        b.get(von..bis)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(zahl(0, 4)? as i32, zahl(5, 7)?, zahl(8, 10)?)?.and_hms_opt(
        zahl(11, 13)?,
        zahl(14, 16)?,
        zahl(17, 19)?,
    )
}

/// Like [`zeit_aus`], for a nullable column.
pub(crate) fn zeit_opt_aus(r: &Zeile, i: usize) -> Result<Option<NaiveDateTime>, StoreError> {
    match r.spalte(i)? {
        sql::Spalte::Null => Ok(None),
        _ => zeit_aus(r, i).map(Some),
    }
}

/// A refusal of the store's own rules (those that need the tables), at field `feld`.
pub(crate) fn ungueltig(feld: &str, meldung: impl Into<String>) -> StoreError {
    StoreError::Ungueltig(vec![Befund::fehler(feld, meldung)])
}

/// Every write runs in one IMMEDIATE transaction: it takes the write lock at once, so two
/// windows never interleave their reads and writes (the other one waits, then fails as
/// [`StoreError::Gesperrt`]).
pub(crate) fn schreibtransaktion(conn: &mut Verbindung) -> Result<Tx<'_>, StoreError> {
    match conn {
        Verbindung::Sqlite(c) => c
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map(Tx::Sqlite)
            .map_err(|e| StoreError::from(e).gesperrt_erkennen()),
        Verbindung::Pg(c) => server::schreibtransaktion(c),
    }
}

/// The open database: the SQLite file or the PostgreSQL server (one per open office, so
/// the variants' sizes do not matter).
#[allow(clippy::large_enum_variant)]
pub(crate) enum Verbindung {
    Sqlite(Connection),
    Pg(sql::PgVerbindung),
}

impl Verbindung {
    /// The SQLite file, for what only a file has (its pragmas, `VACUUM INTO`).
    pub(crate) fn datei(&self) -> Option<&Connection> {
        match self {
            Verbindung::Sqlite(c) => Some(c),
            Verbindung::Pg(_) => None,
        }
    }
}

pub(crate) fn commit(tx: Tx<'_>) -> Result<(), StoreError> {
    tx.commit()
}

/// The result of a change of a Vorlage: the new version to base the next change on, and
/// the findings.
#[derive(Debug, Clone, Serialize)]
pub struct Gespeichert {
    pub id: VorlageId,
    pub version: i64,
    pub geaendert: NaiveDateTime,
    pub befunde: Vec<Befund>,
    /// The finance sums of the saved content (the editor shows them beside the table).
    pub summen: FinanzSummen,
}

/// Reads a text column into one of the domain's vocabularies.
pub(crate) fn wert<T: FromStr>(r: &Zeile, i: usize) -> Result<T, StoreError>
where
    T::Err: std::fmt::Display,
{
    match r.spalte(i)? {
        sql::Spalte::Text(s) => s
            .parse()
            .map_err(|e| StoreError::Beschaedigt(format!("Spalte {i}: „{s}“: {e}"))),
        andere => Err(StoreError::Beschaedigt(format!(
            "Spalte {i}: Text erwartet, gefunden: {andere:?}"
        ))),
    }
}

/// Like [`wert`], for a nullable column.
pub(crate) fn wert_opt<T: FromStr>(r: &Zeile, i: usize) -> Result<Option<T>, StoreError>
where
    T::Err: std::fmt::Display,
{
    match r.spalte(i)? {
        sql::Spalte::Null => Ok(None),
        _ => wert(r, i).map(Some),
    }
}

/// An open office database.
pub struct Store {
    conn: Verbindung,
    ablage: Ablage,
    pfad: PathBuf,
    /// From how many papers on a search word counts as common (see `vorlagen`).
    gemein_ab: i64,
    /// The password the user typed for the server (memory only; for reconnecting).
    kennwort: Option<String>,
}

/// A search word in more papers than this is "common": bm25 ranking of all hits is
/// skipped for Betreff hits first, newest first.
pub const GEMEIN_AB: i64 = 2_000;

impl Store {
    /// Opens (or creates) the database at `pfad` and brings its schema to the latest
    /// version. `jetzt` names the safety copy taken before a migration.
    pub fn oeffnen(pfad: &Path, jetzt: NaiveDateTime) -> Result<Store, StoreError> {
        Store::oeffnen_mit(pfad, jetzt, None)
    }

    /// Like [`Store::oeffnen`]; the copy taken before a migration goes into the backup
    /// folder `sicherungen` (as `ratsbuero-<zeit>-vor-schema-<n>.sqlite`, a backup like any
    /// other) instead of beside the file.
    pub fn oeffnen_mit(
        pfad: &Path,
        jetzt: NaiveDateTime,
        sicherungen: Option<&Path>,
    ) -> Result<Store, StoreError> {
        netzlaufwerk::pruefen(pfad)?;
        if let Some(ordner) = pfad.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(ordner).map_err(|quelle| StoreError::Io {
                pfad: ordner.to_path_buf(),
                quelle,
            })?;
        }
        let mut conn = Connection::open(pfad)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_prepared_statement_cache_capacity(sql::STATEMENT_CACHE);
        // The first read tells whether this is a database at all.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| StoreError::aus_oeffnen(pfad, e))?;
        // Refuse a newer schema before anything (even the journal mode) is changed.
        let neueste = migrationen::neueste_version();
        if version > neueste {
            return Err(StoreError::NeueresSchema {
                gefunden: version,
                bekannt: neueste,
            });
        }
        let modus: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| StoreError::aus_oeffnen(pfad, e))?;
        if !modus.eq_ignore_ascii_case("wal") {
            return Err(StoreError::KeinWal(modus));
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        migrationen::migrieren(&mut conn, pfad, version, jetzt, sicherungen)?;
        let mut store = Store {
            conn: Verbindung::Sqlite(conn),
            ablage: Ablage::Datei(pfad.to_path_buf()),
            pfad: pfad.to_path_buf(),
            gemein_ab: GEMEIN_AB,
            kennwort: None,
        };
        store.papierkorb_leeren(jetzt)?;
        Ok(store)
    }

    /// Opens the office database on the PostgreSQL server at `url` and brings its schema
    /// to the latest version (see [`server`]).
    pub fn oeffnen_server(url: &str, jetzt: NaiveDateTime) -> Result<Store, StoreError> {
        Store::oeffnen_server_mit(url, None, jetzt)
    }

    /// Like [`Store::oeffnen_server`], with the password the user typed (kept in memory
    /// for reconnecting, never written).
    pub fn oeffnen_server_mit(
        url: &str,
        kennwort: Option<&str>,
        jetzt: NaiveDateTime,
    ) -> Result<Store, StoreError> {
        let ziel = ablage::ohne_kennwort(url);
        let mut client = server::verbinden(url, kennwort)?;
        let version = server::schema_version(&mut client, &ziel)?;
        let neueste = server::neueste_version();
        if version > neueste {
            return Err(StoreError::NeueresSchema {
                gefunden: version,
                bekannt: neueste,
            });
        }
        if version < neueste {
            server::migrieren(&mut client, &ziel, &zeit(jetzt))?;
        }
        let mut store = Store {
            conn: Verbindung::Pg(sql::PgVerbindung::neu(client)),
            ablage: Ablage::Server(url.to_string()),
            pfad: PathBuf::new(),
            gemein_ab: GEMEIN_AB,
            kennwort: kennwort.map(str::to_string),
        };
        // A workstation with a read-only role opens the office to read; emptying the
        // Papierkorb is left to one that may write.
        match store.papierkorb_leeren(jetzt) {
            Ok(_) | Err(StoreError::KeineRechte(_)) => Ok(store),
            Err(e) => Err(e),
        }
    }

    /// After the server went away (a save then failed with [`StoreError::ServerWeg`]),
    /// connects again; nothing to do for a file or a live connection. The app calls it
    /// before each action, so it reconnects by itself once the server is back.
    pub fn verbindung_pruefen(&mut self) -> Result<(), StoreError> {
        let url = match &self.ablage {
            Ablage::Server(url) => url.clone(),
            Ablage::Datei(_) => return Ok(()),
        };
        if let Verbindung::Pg(c) = &mut self.conn {
            // A lost connection is not always marked closed yet: ask (one round trip).
            let client = c.client.get_mut();
            if client.is_closed() || client.is_valid(Duration::from_secs(5)).is_err() {
                c.ersetzen(server::verbinden(&url, self.kennwort.as_deref())?);
            }
        }
        Ok(())
    }

    /// Where this office's data lives.
    pub fn ablage(&self) -> &Ablage {
        &self.ablage
    }

    /// Sets from how many papers a search word counts as common (default [`GEMEIN_AB`]);
    /// for tests of the search with few papers.
    pub fn gemein_ab_setzen(&mut self, papiere: i64) {
        self.gemein_ab = papiere;
    }

    /// A transaction that only reads: every query in it sees the same state.
    pub(crate) fn lesetransaktion(&self) -> Result<Tx<'_>, StoreError> {
        match &self.conn {
            Verbindung::Sqlite(c) => Ok(Tx::Sqlite(c.unchecked_transaction()?)),
            Verbindung::Pg(c) => {
                c.client
                    .borrow_mut()
                    .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
                Ok(Tx::PgLesen(sql::PgLesen(c)))
            }
        }
    }

    /// The office database, for the table functions.
    pub(crate) fn db(&self) -> Db<'_> {
        match &self.conn {
            Verbindung::Sqlite(c) => Db::Sqlite(c),
            Verbindung::Pg(c) => Db::Pg(c),
        }
    }

    pub fn pfad(&self) -> &Path {
        &self.pfad
    }

    /// `PRAGMA integrity_check` — "ok" when the file is sound (a server checks itself:
    /// "ok" when it answers).
    pub fn integritaet(&self) -> Result<String, StoreError> {
        match &self.conn {
            Verbindung::Sqlite(c) => Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?),
            Verbindung::Pg(_) => self.db().eins::<i64>("SELECT 1", &[]).map(|_| "ok".into()),
        }
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        match &self.conn {
            Verbindung::Sqlite(c) => Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?),
            Verbindung::Pg(_) => self.db().eins(
                "SELECT coalesce(max(version), 0) FROM ratsbuero_schema",
                &[],
            ),
        }
    }

    /// Reads a pragma value of the SQLite file (for tests and diagnostics).
    pub fn pragma(&self, name: &str) -> Result<String, StoreError> {
        let conn = self
            .conn
            .datei()
            .ok_or_else(|| StoreError::ServerNichtVerfuegbar(self.ablage.to_string()))?;
        let v: rusqlite::types::Value =
            conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))?;
        Ok(match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_stored_time_is_read_by_position_as_chrono_would() {
        for t in [
            "2026-03-05T10:00:00",
            "2024-02-29T23:59:59",
            "1999-12-31T00:00:00",
        ] {
            assert_eq!(
                super::zeit_schnell(t.as_bytes()),
                chrono::NaiveDateTime::parse_from_str(t, super::ZEITFORMAT).ok(),
                "{t}"
            );
        }
        for falsch in [
            "2026-02-30T10:00:00",
            "2026-03-05 10:00:00",
            "2026-03-05T1:00:00",
            "2026-03-05T10:00:00.5",
        ] {
            assert_eq!(super::zeit_schnell(falsch.as_bytes()), None, "{falsch}");
        }
    }
}
