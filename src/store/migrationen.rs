//! Versioned schema migrations (rusqlite_migration, version in `PRAGMA user_version`).
//!
//! Before an existing file is migrated, a copy is written (by `VACUUM INTO`) into the
//! backup folder when the caller names one (the app does), else beside the file
//! (`<name>.vor-schema-<alt>-<zeit>.sqlite`). All pending migrations run
//! in one transaction: a failure leaves the file at its old version. A file from a newer
//! Ratsbüro is refused before anything is touched.

use super::fehler::StoreError;
use super::suche;
use chrono::NaiveDateTime;
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// All migrations, oldest first. Never edit a released one; append a new one.
pub static MIGRATIONEN: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("sql/0001_grundschema.sql")),
        M::up_with_hook(
            include_str!("sql/0002_volltextsuche.sql"),
            |tx: &rusqlite::Transaction| {
                suche::alles_neu_indizieren(super::sql::Db::Sqlite(tx))
                    .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
            },
        ),
        M::up(include_str!("sql/0003_unterschrift.sql")),
        M::up(include_str!("sql/0004_sitzungen.sql")),
        M::up(include_str!("sql/0005_sitzungsverlauf.sql")),
        M::up(include_str!("sql/0006_wahlen.sql")),
        M::up(include_str!("sql/0007_suchvokabular.sql")),
        M::up(include_str!("sql/0008_papierkorb_eingabe.sql")),
        M::up(include_str!("sql/0009_mitgliedschaft_muster.sql")),
        M::up_with_hook(
            include_str!("sql/0010_zeitpunkte_utc.sql"),
            |tx: &rusqlite::Transaction| {
                zeitpunkte_in_utc(tx)
                    .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
                // The search folds Arabic script since schema 10: the index anew.
                suche::alles_neu_indizieren(super::sql::Db::Sqlite(tx))
                    .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
            },
        ),
        M::up(include_str!("sql/0011_zeitzone.sql")),
        M::up(include_str!("sql/0012_versand.sql")),
        M::up(include_str!("sql/0013_ris.sql")),
        M::up(include_str!("sql/0014_vertretung.sql")),
        M::up(include_str!("sql/0015_sitzungstag.sql")),
        M::up(include_str!("sql/0016_entschaedigung.sql")),
        M::up(include_str!("sql/0017_einladung_vorlauf.sql")),
        M::up(include_str!("sql/0018_beschlusskontrolle.sql")),
        M::up(include_str!("sql/0019_teilwortsuche.sql")),
        M::up_with_hook(
            include_str!("sql/0020_anlagentext.sql"),
            |tx: &rusqlite::Transaction| {
                // The Anlagen stored before are read once, and the index takes their text.
                let db = super::sql::Db::Sqlite(tx);
                super::vorlage::anlagen::texte_nachholen(db)
                    .and_then(|()| suche::alles_neu_indizieren(db))
                    .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
            },
        ),
        M::up(include_str!("sql/0021_beratung_ris.sql")),
    ])
});

/// Number of the newest schema this build knows.
pub fn neueste_version() -> i64 {
    MIGRATIONEN_ANZAHL as i64
}

const MIGRATIONEN_ANZAHL: usize = 21;

/// Schema 10: every instant column's local time becomes UTC text with a `Z`.
fn zeitpunkte_in_utc(tx: &rusqlite::Transaction) -> Result<(), rusqlite::Error> {
    use super::zeitpunkt::{Zeitpunkt, SPALTEN};
    for (tabelle, spalte) in SPALTEN {
        let werte: Vec<(i64, String)> = tx
            .prepare(&format!(
                "SELECT rowid, {spalte} FROM {tabelle} WHERE {spalte} IS NOT NULL"
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut aendern = tx.prepare(&format!(
            "UPDATE {tabelle} SET {spalte} = ?2 WHERE rowid = ?1"
        ))?;
        for (rowid, alt) in werte {
            let neu = Zeitpunkt::aus_text(&alt).ok_or_else(|| {
                rusqlite::Error::InvalidColumnType(
                    1,
                    format!("{tabelle}.{spalte} = {alt}"),
                    rusqlite::types::Type::Text,
                )
            })?;
            aendern.execute(rusqlite::params![rowid, neu.text()])?;
        }
    }
    Ok(())
}

/// The path of the safety copy taken before migrating from `alt`.
pub fn kopie_pfad(pfad: &Path, alt: i64, jetzt: NaiveDateTime) -> PathBuf {
    let name = pfad
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ratsbuero".into());
    pfad.with_file_name(format!(
        "{name}.vor-schema-{alt}-{}.sqlite",
        jetzt.format("%Y%m%d-%H%M%S")
    ))
}

pub(super) fn migrieren(
    conn: &mut Connection,
    pfad: &Path,
    version: i64,
    jetzt: NaiveDateTime,
    sicherungen: Option<&Path>,
) -> Result<(), StoreError> {
    let neueste = neueste_version();
    if version > neueste {
        return Err(StoreError::NeueresSchema {
            gefunden: version,
            bekannt: neueste,
        });
    }
    if version == neueste {
        return Ok(());
    }
    if version > 0 {
        let ziel = match sicherungen {
            Some(ordner) => {
                std::fs::create_dir_all(ordner).map_err(|quelle| StoreError::Io {
                    pfad: ordner.to_path_buf(),
                    quelle,
                })?;
                ordner.join(format!(
                    "ratsbuero-{}-vor-schema-{version}.sqlite",
                    jetzt.format("%Y%m%d-%H%M%S")
                ))
            }
            None => kopie_pfad(pfad, version, jetzt),
        };
        conn.execute("VACUUM INTO ?1", [ziel.to_string_lossy()])?;
    }
    MIGRATIONEN.to_latest(conn)?;
    Ok(())
}

/// Brings a connection to exactly `version` (tests build old files with it).
pub(crate) fn bis_version(conn: &mut Connection, version: usize) -> Result<(), StoreError> {
    MIGRATIONEN.to_version(conn, version)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate_and_the_count_is_right() {
        MIGRATIONEN.validate().unwrap();
        let mut conn = Connection::open_in_memory().unwrap();
        MIGRATIONEN.to_latest(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, neueste_version());
    }
}
