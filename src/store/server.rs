//! The office on a PostgreSQL server: connecting to a libpq URI, finding the password,
//! and the schema's versions on the server.
//!
//! The password comes from the URL, else from `PGPASSWORD`, else from `~/.pgpass` (or the
//! file `PGPASSFILE` names), in the format PostgreSQL users already keep; it is never
//! written anywhere by Ratsbüro. The schema is created and brought up to date by the same
//! numbered migrations as the SQLite file (`server_sql/`, one file per version with the
//! same meaning), all pending ones in one transaction under an advisory lock, so that two
//! workstations starting at once do not both migrate. A database with tables of another
//! application, or with a newer Ratsbüro schema, is refused untouched.
//!
//! Every write transaction notifies the other workstations ([`super::live`]) and takes
//! one advisory lock first: writers on the server follow one another as on the SQLite
//! file (where `BEGIN IMMEDIATE` takes the file's write lock), so the version checks and
//! the Vorlage numbering need no other care. Readers never wait.

use super::fehler::StoreError;
use super::server_tls::Verschluesselung;
use super::sql::{Db, PgVerbindung, Tx};
use super::suche;
use postgres::config::{Host, SslMode};
use postgres::{Client, Config};
use std::cell::RefCell;
use std::path::PathBuf;
use std::time::Duration;

/// The advisory lock every write transaction holds (a fixed key: "RATS" in ASCII).
const SCHREIBSPERRE: i64 = 0x5241_5453;
/// The lock the migration holds.
const SCHEMASPERRE: i64 = 0x5241_5454;

/// The migrations of the server schema; version N is `MIGRATIONEN[N - 1]`.
const MIGRATIONEN: [&str; 21] = [
    include_str!("server_sql/0001_grundschema.sql"),
    include_str!("server_sql/0002_volltextsuche.sql"),
    include_str!("server_sql/0003_unterschrift.sql"),
    include_str!("server_sql/0004_sitzungen.sql"),
    include_str!("server_sql/0005_sitzungsverlauf.sql"),
    include_str!("server_sql/0006_wahlen.sql"),
    include_str!("server_sql/0007_suchvokabular.sql"),
    include_str!("server_sql/0008_papierkorb_eingabe.sql"),
    include_str!("server_sql/0009_mitgliedschaft_muster.sql"),
    include_str!("server_sql/0010_zeitpunkte_utc.sql"),
    include_str!("server_sql/0011_zeitzone.sql"),
    include_str!("server_sql/0012_versand.sql"),
    include_str!("server_sql/0013_ris.sql"),
    include_str!("server_sql/0014_vertretung.sql"),
    include_str!("server_sql/0015_sitzungstag.sql"),
    include_str!("server_sql/0016_entschaedigung.sql"),
    include_str!("server_sql/0017_einladung_vorlauf.sql"),
    include_str!("server_sql/0018_beschlusskontrolle.sql"),
    include_str!("server_sql/0019_teilwortsuche.sql"),
    include_str!("server_sql/0020_anlagentext.sql"),
    include_str!("server_sql/0021_beratung_ris.sql"),
];

/// Connects to the server at `url` (a libpq URI; see the module docs for the password).
/// `kennwort` is the one the app asked for (held in memory only); it is used when the URL
/// has none, before `PGPASSWORD` and `~/.pgpass`.
pub(crate) fn verbinden(url: &str, kennwort: Option<&str>) -> Result<Client, StoreError> {
    let anzeige = super::ablage::ohne_kennwort(url);
    let ungueltig = |grund: String| StoreError::ServerAdresse {
        url: anzeige.clone(),
        grund,
    };
    let (url, tls) = Verschluesselung::aus_url(url, &anzeige)?;
    let mut config: Config = url
        .parse()
        .map_err(|e: postgres::Error| ungueltig(e.to_string()))?;
    // Over a Unix socket nothing is encrypted, as with libpq (Windows has no such hosts).
    #[cfg(unix)]
    let nur_socket = config
        .get_hosts()
        .iter()
        .all(|h| matches!(h, Host::Unix(_)));
    #[cfg(not(unix))]
    let nur_socket = false;
    config.ssl_mode(if nur_socket {
        SslMode::Disable
    } else {
        tls.ssl_mode()
    });
    // ASCII: the server shows other characters of application_name as "?".
    config.application_name("ratsbuero");
    config.connect_timeout(Duration::from_secs(10));
    if config.get_user().is_none() {
        if let Ok(u) = std::env::var("PGUSER").or_else(|_| std::env::var("USER")) {
            config.user(&u);
        }
    }
    if config.get_password().is_none() {
        if let Some(k) = kennwort
            .map(str::to_string)
            .or_else(|| kennwort_suchen(&config))
        {
            config.password(k);
        }
    }
    config
        .connect(tls.connector(&anzeige)?)
        .map_err(|e| verbindung_fehler(&anzeige, e))
}

fn verbindung_fehler(ziel: &str, e: postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    match e.code() {
        Some(c)
            if *c == SqlState::INVALID_PASSWORD
                || *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
        {
            StoreError::ServerAnmeldung {
                ziel: ziel.into(),
                grund: e
                    .as_db_error()
                    .map(|d| d.message().to_string())
                    .unwrap_or_default(),
            }
        }
        Some(c) if *c == SqlState::INVALID_CATALOG_NAME => StoreError::ServerAdresse {
            url: ziel.into(),
            grund: e
                .as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or_default(),
        },
        Some(_) => StoreError::from(e),
        None => {
            let grund = std::error::Error::source(&e)
                .map(|s| s.to_string())
                .unwrap_or_else(|| e.to_string());
            if e.to_string().contains("TLS") {
                StoreError::ServerVerschluesselung {
                    ziel: ziel.into(),
                    grund,
                }
            } else if grund.contains("password missing")
                || e.to_string().contains("password missing")
            {
                StoreError::ServerAnmeldung {
                    ziel: ziel.into(),
                    grund: KEIN_KENNWORT.into(),
                }
            } else {
                StoreError::ServerNichtErreichbar {
                    ziel: ziel.into(),
                    grund,
                }
            }
        }
    }
}

/// The reason of a [`StoreError::ServerAnmeldung`] when no password was found at all (the
/// app then asks for one).
const KEIN_KENNWORT: &str = "kein Kennwort gefunden (weder in PGPASSWORD noch in ~/.pgpass)";

/// `PGPASSWORD`, else the first matching line of the password file.
fn kennwort_suchen(config: &Config) -> Option<String> {
    if let Ok(k) = std::env::var("PGPASSWORD") {
        return Some(k);
    }
    let datei = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pgpass")))?;
    let inhalt = std::fs::read_to_string(datei).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        _ => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or_default();
    let db = config.get_dbname().unwrap_or(user);
    pgpass_suchen(&inhalt, [&host, &port, db, user])
}

/// The password of the first line of a `.pgpass` file that matches host, port, database
/// and user (`*` matches anything; `\:` and `\\` are a literal colon and backslash).
pub(crate) fn pgpass_suchen(inhalt: &str, gesucht: [&str; 4]) -> Option<String> {
    for zeile in inhalt.lines() {
        if zeile.trim_start().starts_with('#') || zeile.trim().is_empty() {
            continue;
        }
        let mut felder = Vec::new();
        let mut feld = String::new();
        let mut zeichen = zeile.chars();
        while let Some(c) = zeichen.next() {
            match c {
                '\\' => feld.extend(zeichen.next()),
                ':' if felder.len() < 4 => felder.push(std::mem::take(&mut feld)),
                _ => feld.push(c),
            }
        }
        felder.push(feld);
        if felder.len() == 5
            && felder[..4]
                .iter()
                .zip(gesucht)
                .all(|(f, g)| f == "*" || f == g)
        {
            return felder.pop();
        }
    }
    None
}

/// The schema version on the server: 0 for an empty database; refuses one that holds
/// another application's tables.
pub(crate) fn schema_version(client: &mut Client, ziel: &str) -> Result<i64, StoreError> {
    let row = client.query_one(
        "SELECT to_regclass('ratsbuero_schema') IS NOT NULL,
                (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema())",
        &[],
    )?;
    let (unseres, tabellen): (bool, i64) = (row.get(0), row.get(1));
    if unseres {
        return Ok(client
            .query_one(
                "SELECT coalesce(max(version), 0) FROM ratsbuero_schema",
                &[],
            )?
            .get(0));
    }
    if tabellen > 0 {
        return Err(StoreError::FremdeDatenbank(ziel.into()));
    }
    Ok(0)
}

pub(crate) fn neueste_version() -> i64 {
    MIGRATIONEN.len() as i64
}

/// Brings the schema up to the newest version, all steps in one transaction.
pub(crate) fn migrieren(client: &mut Client, ziel: &str, jetzt: &str) -> Result<(), StoreError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMASPERRE])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS ratsbuero_schema (version BIGINT PRIMARY KEY, eingespielt TEXT NOT NULL)",
    )
    .map_err(|e| match schema_version_fehler(&e) {
        true => StoreError::FremdeDatenbank(ziel.into()),
        false => StoreError::from(e),
    })?;
    let version: i64 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM ratsbuero_schema",
            &[],
        )?
        .get(0);
    if version > neueste_version() {
        return Err(StoreError::NeueresSchema {
            gefunden: version,
            bekannt: neueste_version(),
        });
    }
    for (i, sql) in MIGRATIONEN.iter().enumerate().skip(version as usize) {
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO ratsbuero_schema (version, eingespielt) VALUES ($1, $2)",
            &[&(i as i64 + 1), &jetzt],
        )?;
    }
    // The index is built anew after schema 2 (it came then), schema 10 (the search folds
    // Arabic script since) and schema 20 (it holds the Anlagen's text since).
    // Schema 20: the text of the Anlagen stored before is read once (and then indexed).
    if version < 20 {
        let zelle = RefCell::new(tx);
        if version >= 1 {
            super::vorlage::anlagen::texte_nachholen(Db::Pg(&zelle))?;
        }
        suche::alles_neu_indizieren(Db::Pg(&zelle))?;
        tx = zelle.into_inner();
    }
    tx.commit()?;
    Ok(())
}

fn schema_version_fehler(e: &postgres::Error) -> bool {
    e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE)
}

/// A write transaction on the server: it waits (up to the busy timeout) for the one
/// writer before it, like a second window on the SQLite file.
pub(crate) fn schreibtransaktion(v: &mut PgVerbindung) -> Result<Tx<'_>, StoreError> {
    let t = v.transaktion()?;
    // One round trip: the wait limit, the writers' lock, and the notification of the
    // other workstations (delivered only if this transaction commits).
    t.tx.borrow_mut()
        .batch_execute(&format!(
            "SET LOCAL lock_timeout = '{}s'; SELECT pg_advisory_xact_lock({SCHREIBSPERRE}); {}",
            super::BUSY_TIMEOUT.as_secs(),
            super::live::benachrichtigung()
        ))
        .map_err(|e| StoreError::from(e).gesperrt_erkennen())?;
    Ok(Tx::Pg(t))
}

#[cfg(test)]
mod tests {
    #[test]
    fn pgpass_lines_match_by_field_with_wildcards_and_escapes() {
        let datei = "# Kommentar\nrathaus:5432:ratsbuero:anna:geheim\n*:*:*:ben:b\\:c\\\\d\nlocalhost:*:ir:*:lokal\n";
        assert_eq!(
            super::pgpass_suchen(datei, ["rathaus", "5432", "ratsbuero", "anna"]).as_deref(),
            Some("geheim")
        );
        assert_eq!(
            super::pgpass_suchen(datei, ["db", "6543", "x", "ben"]).as_deref(),
            Some("b:c\\d")
        );
        assert_eq!(
            super::pgpass_suchen(datei, ["localhost", "5432", "ir", "carla"]).as_deref(),
            Some("lokal")
        );
        assert_eq!(
            super::pgpass_suchen(datei, ["rathaus", "5433", "ratsbuero", "anna"]),
            None
        );
    }
}
