//! Raw access to an SQLite file, for the tests of this backend only: they craft files that
//! the product never writes (an old schema, a falsified Anlage, a foreign or newer
//! database) to prove that opening, checking and restoring refuse or upgrade them. The
//! product's own code never calls this; it is not part of the seam.

use super::fehler::StoreError;
use super::migrationen;
use rusqlite::Connection;
use std::path::Path;

/// Runs `sql` (one or more statements) on the file, creating it if missing.
pub fn ausfuehren(datei: &Path, sql: &str) -> Result<(), StoreError> {
    Connection::open(datei)?.execute_batch(sql)?;
    Ok(())
}

/// The number `sql` returns (e.g. a count).
pub fn zahl(datei: &Path, sql: &str) -> Result<i64, StoreError> {
    Ok(Connection::open(datei)?.query_row(sql, [], |r| r.get(0))?)
}

/// The text `sql` returns (e.g. a column's raw value).
pub fn text(datei: &Path, sql: &str) -> Result<String, StoreError> {
    Ok(Connection::open(datei)?.query_row(sql, [], |r| r.get(0))?)
}

/// A new file at schema `version` (an office written by an older Ratsbüro).
pub fn mit_schema(datei: &Path, version: usize) -> Result<(), StoreError> {
    migrationen::bis_version(&mut Connection::open(datei)?, version)
}
