//! Table `vorlage_suche`: the FTS5 index of the Vorlagen, kept in step inside the same
//! transaction as every change of a Vorlage. Text is folded by [`crate::domain::suchtext`].

use crate::domain::suchtext;
use rusqlite::{params, Connection};

/// Re-indexes one Vorlage from its stored row.
pub(crate) fn indizieren(conn: &Connection, id: i64) -> Result<(), rusqlite::Error> {
    let (kopf, text): (String, String) = conn.query_row(
        "SELECT coalesce(nummer, '') || ' ' || betreff || ' ' || verfasser || ' ' || bearbeiter,
                beschlussvorschlag || ' ' || sachverhalt
         FROM vorlage WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    conn.execute("DELETE FROM vorlage_suche WHERE rowid = ?1", [id])?;
    conn.execute(
        "INSERT INTO vorlage_suche (rowid, kopf, text) VALUES (?1, ?2, ?3)",
        params![id, suchtext::falten(&kopf), suchtext::falten(&text)],
    )?;
    Ok(())
}

/// Rebuilds the whole index (migration 2 and repairs).
pub(crate) fn alles_neu_indizieren(conn: &Connection) -> Result<(), rusqlite::Error> {
    conn.execute("DELETE FROM vorlage_suche", [])?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM vorlage")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in ids {
        indizieren(conn, id)?;
    }
    Ok(())
}
