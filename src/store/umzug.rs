//! Moving an office: every record and every Anlage from one database into an empty
//! other one, in either direction (file → server, server → file, file → file).
//!
//! The copy reads the source in one snapshot and writes the target in one transaction:
//! it lands whole or not at all. Rows keep their ids, so every reference stays valid;
//! the server's identity counters are set past the copied ids, and the search index is
//! built anew in the target from the copied rows (it is derived data, and its form
//! differs between the backends). Afterwards the target is read back: the number of rows
//! of every table and the SHA-512 of every Anlage (recomputed from the copied bytes) must
//! equal the source's. A target that holds anything of an office is refused before
//! anything is written.

use super::fehler::StoreError;
use super::sql::{p, Db, Param, Spalte};
use super::Ablage;
use super::{commit, schreibtransaktion, suche, Store};
use crate::domain::anlage::sha512_hex;
use chrono::NaiveDateTime;
use serde::Serialize;

/// The tables of an office, parents before children (the order of the copy). The
/// search index is not among them: the target builds its own.
pub const TABELLEN: [&str; 31] = [
    "buero",
    "nummer_zaehler",
    "vorlage",
    "beratungsschritt",
    "finanzen",
    "anlage",
    "anlage_seite",
    "gremium",
    "person",
    "mitgliedschaft",
    "sitzung",
    "top",
    "anwesenheit",
    "beschluss",
    "beschluss_notiz",
    "entschaedigung_satz",
    "entschaedigung",
    "wahl",
    "wahlvorschlag",
    "bewerbung",
    "wahlgang",
    "stimmen",
    "los",
    "muster",
    "presse",
    "versand",
    "smtp",
    "ris_quelle",
    "ris_objekt",
    "ris_datei",
    "ris_seite",
];

/// What was copied and checked.
#[derive(Debug, Clone, Serialize)]
pub struct UmzugBericht {
    /// Per table: its name and the rows copied (equal in source and target).
    pub tabellen: Vec<(String, u64)>,
    /// Anlagen whose SHA-512 was checked in the target.
    pub anlagen: u64,
    /// Their bytes together.
    pub anlagen_bytes: u64,
}

impl UmzugBericht {
    /// The German summary the CLI prints.
    pub fn zusammenfassung(&self, quelle: &str, ziel: &str) -> String {
        let mut s = format!("Umzug von „{quelle}“ nach „{ziel}“ abgeschlossen und geprüft:\n");
        for (t, n) in &self.tabellen {
            s.push_str(&format!("  {t:<17} {n:>8} Zeilen\n"));
        }
        s.push_str(&format!(
            "  {} Anlagen ({:.1} MB), jede mit übereinstimmender SHA-512-Prüfsumme.",
            self.anlagen,
            self.anlagen_bytes as f64 / 1_000_000.0
        ));
        s
    }
}

/// The columns of `tabelle` that a copy writes (a server's always-generated entry
/// counter is left to the server).
fn spalten(db: Db<'_>, tabelle: &str) -> Result<Vec<String>, StoreError> {
    if db.ist_pg() {
        db.query_map(
            "SELECT column_name::text FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name = ?1
                AND coalesce(identity_generation, '') <> 'ALWAYS'
              ORDER BY ordinal_position",
            p![tabelle],
            |r| r.get(0),
        )
    } else {
        db.query_map(
            "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
            p![tabelle],
            |r| r.get(0),
        )
    }
}

/// The order rows are read in: by id, and the votes in their order of entry.
fn reihenfolge(tabelle: &str, spalten: &[String]) -> &'static str {
    if tabelle == "stimmen" {
        return " ORDER BY rowid";
    }
    if tabelle == "anlage_seite" {
        return " ORDER BY anlage_id, seite";
    }
    if spalten.iter().any(|s| s == "id") {
        " ORDER BY id"
    } else if spalten.iter().any(|s| s == "vorlage_id") {
        " ORDER BY vorlage_id"
    } else {
        ""
    }
}

fn zahl(db: Db<'_>, tabelle: &str) -> Result<u64, StoreError> {
    Ok(db.eins::<i64>(&format!("SELECT count(*) FROM {tabelle}"), p![])? as u64)
}

/// Refuses a target that holds anything of an office: rows in any table beyond the
/// office row every new database has, or an office already set up.
fn leer_pruefen(ziel: Db<'_>, anzeige: &str) -> Result<(), StoreError> {
    for t in TABELLEN.iter().filter(|t| **t != "buero") {
        let n = zahl(ziel, t)?;
        if n > 0 {
            return Err(StoreError::ZielNichtLeer {
                ziel: anzeige.into(),
                grund: format!("Tabelle {t} hat {n} Zeilen"),
            });
        }
    }
    let eingerichtet: i64 =
        ziel.eins("SELECT count(*) FROM buero WHERE eingerichtet <> 0", p![])?;
    if eingerichtet > 0 {
        return Err(StoreError::ZielNichtLeer {
            ziel: anzeige.into(),
            grund: "das Büro ist dort schon eingerichtet".into(),
        });
    }
    Ok(())
}

fn param<'a>(s: &Spalte<'a>) -> Param<'a> {
    match *s {
        Spalte::Null => Param::Null,
        Spalte::Int(i) => Param::Int(i),
        Spalte::Real(f) => Param::Real(f),
        Spalte::Text(t) => Param::Text(t),
        Spalte::Bytes(b) => Param::Bytes(b),
        Spalte::Zeitpunkt(z) => Param::Zeitpunkt(z),
    }
}

/// Copies the rows of one table; the Anlagen one by one (their bytes may be large).
fn tabelle_kopieren(
    quelle: Db<'_>,
    ziel: Db<'_>,
    tabelle: &str,
    spalten: &[String],
) -> Result<u64, StoreError> {
    let liste = spalten.join(", ");
    let platz: Vec<String> = (1..=spalten.len()).map(|i| format!("?{i}")).collect();
    let einfuegen = format!(
        "INSERT INTO {tabelle} ({liste}) VALUES ({})",
        platz.join(", ")
    );
    let lesen = format!(
        "SELECT {liste} FROM {tabelle}{}",
        reihenfolge(tabelle, spalten)
    );
    let mut n = 0u64;
    let mut zeile_schreiben = |r: &super::sql::Zeile| -> Result<bool, StoreError> {
        let werte: Vec<Spalte> = (0..spalten.len())
            .map(|i| r.spalte(i))
            .collect::<Result<_, _>>()?;
        let p: Vec<Param> = werte.iter().map(param).collect();
        ziel.execute(&einfuegen, &p)?;
        n += 1;
        Ok(true)
    };
    if tabelle == "anlage" {
        let ids: Vec<i64> =
            quelle.query_map("SELECT id FROM anlage ORDER BY id", p![], |r| r.get(0))?;
        let einzeln = format!("SELECT {liste} FROM anlage WHERE id = ?1");
        for id in ids {
            quelle.each(&einzeln, p![id], &mut zeile_schreiben)?;
        }
    } else {
        quelle.each(&lesen, p![], &mut zeile_schreiben)?;
    }
    Ok(n)
}

/// On the server: every identity counter past the highest copied id.
fn zaehler_nachziehen(ziel: Db<'_>) -> Result<(), StoreError> {
    let spalten: Vec<(String, String)> = ziel.query_map(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
          WHERE table_schema = current_schema() AND is_identity = 'YES'",
        p![],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    for (t, s) in spalten {
        ziel.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{t}', '{s}'), coalesce((SELECT max({s}) FROM {t}), 0) + 1, false)"
            ),
            p![],
        )?;
    }
    Ok(())
}

/// Opens the target of a move, refusing one that is not empty before anything is written
/// there: an existing non-empty file, or a server database that holds an office (checked
/// before its schema would be brought up to date).
pub fn ziel_oeffnen(ziel: &Ablage, jetzt: NaiveDateTime) -> Result<Store, StoreError> {
    let anzeige = ziel.to_string();
    match ziel {
        Ablage::Datei(pfad) => {
            if std::fs::metadata(pfad).is_ok_and(|m| m.len() > 0) {
                return Err(StoreError::ZielNichtLeer {
                    ziel: anzeige,
                    grund: "die Datei gibt es schon".into(),
                });
            }
        }
        Ablage::Server(url) => {
            let mut client = super::server::verbinden(url, None)?;
            if super::server::schema_version(&mut client, &anzeige)? > 0 {
                let zelle = std::cell::RefCell::new(client);
                leer_pruefen(Db::Pg(&zelle), &anzeige)?;
            }
        }
    }
    Store::oeffnen_ablage(ziel, jetzt, None)
}

/// What the copy does with what the target already holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImZiel {
    /// Refuses a target that holds anything of an office (a move).
    Verweigern,
    /// Removes it in the same transaction as the copy (a server restored from a backup:
    /// the old office goes only when the new one is whole).
    Ersetzen,
}

/// Copies the whole office from `quelle` into the empty `ziel`, then checks the copy.
pub fn umziehen(quelle: &Store, ziel: &mut Store) -> Result<UmzugBericht, StoreError> {
    kopieren(quelle, ziel, ImZiel::Verweigern)
}

/// Copies the whole office from `quelle` into `ziel` (see [`ImZiel`]), then checks the
/// copy.
pub(crate) fn kopieren(
    quelle: &Store,
    ziel: &mut Store,
    im_ziel: ImZiel,
) -> Result<UmzugBericht, StoreError> {
    let anzeige = ziel.ablage().to_string();
    let lesen = quelle.lesetransaktion()?;
    let q = lesen.db();
    let mut plan = Vec::new();
    for t in TABELLEN {
        let soll = spalten(ziel.db(), t)?;
        let hat = spalten(q, t)?;
        if let Some(fehlt) = hat.iter().find(|s| !soll.contains(s)) {
            return Err(StoreError::Beschaedigt(format!(
                "Spalte {t}.{fehlt} der Quelle gibt es im Ziel nicht"
            )));
        }
        plan.push((t, soll));
    }
    let mut tabellen = Vec::new();
    {
        let tx = schreibtransaktion(&mut ziel.conn)?;
        let z = tx.db();
        match im_ziel {
            ImZiel::Verweigern => leer_pruefen(z, &anzeige)?,
            // Children before parents.
            ImZiel::Ersetzen => {
                for t in TABELLEN.iter().rev() {
                    z.execute(&format!("DELETE FROM {t}"), p![])?;
                }
            }
        }
        z.execute("DELETE FROM buero", p![])?;
        for (t, s) in &plan {
            tabellen.push((t.to_string(), tabelle_kopieren(q, z, t, s)?));
        }
        if z.ist_pg() {
            zaehler_nachziehen(z)?;
        }
        suche::alles_neu_indizieren(z)?;
        commit(tx)?;
    }
    if ziel.db().ist_pg() {
        // The planner's statistics of the new rows (autovacuum would take its time).
        ziel.db().execute("ANALYZE", p![])?;
    }
    // Read back what landed.
    for (t, n) in &tabellen {
        let da = zahl(ziel.db(), t)?;
        if da != *n || zahl(q, t)? != *n {
            return Err(StoreError::Beschaedigt(format!(
                "Tabelle {t}: {n} Zeilen kopiert, im Ziel {da}"
            )));
        }
    }
    let mut anlagen = 0;
    let mut anlagen_bytes = 0;
    let ids: Vec<(i64, String)> =
        q.query_map("SELECT id, sha512 FROM anlage ORDER BY id", p![], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    for (id, soll) in ids {
        let (bytes, gespeichert): (Vec<u8>, String) = ziel.db().query_row(
            "SELECT daten, sha512 FROM anlage WHERE id = ?1",
            p![id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if sha512_hex(&bytes) != soll || gespeichert != soll {
            return Err(StoreError::Beschaedigt(format!(
                "Anlage {id}: SHA-512 im Ziel weicht von der Quelle ab"
            )));
        }
        anlagen += 1;
        anlagen_bytes += bytes.len() as u64;
    }
    Ok(UmzugBericht {
        tabellen,
        anlagen,
        anlagen_bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table added by a later migration must be added to the move as well.
    #[test]
    fn the_move_copies_every_table_of_the_schema() {
        let ordner = tempfile::tempdir().unwrap();
        let jetzt = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        let s = Store::oeffnen(&ordner.path().join("b.sqlite"), jetzt).unwrap();
        let mut im_schema: Vec<String> = s
            .db()
            .query_map(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                   AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'vorlage_suche%' AND name NOT LIKE 'vorlage_teilwort%'
                 ORDER BY name",
                p![],
                |r| r.get(0),
            )
            .unwrap();
        let mut kopiert: Vec<String> = TABELLEN.iter().map(|t| t.to_string()).collect();
        im_schema.sort();
        kopiert.sort();
        assert_eq!(im_schema, kopiert);
    }
}
