//! One schema in two dialects (issue 29 § 4): `src/store/sql/` (SQLite) and
//! `src/store/server_sql/` (PostgreSQL) are written apart, so this test migrates an empty
//! database of each to the newest version and compares them table by table, column by
//! column: names, the kind of each type, nullability, primary keys, foreign keys and unique
//! constraints. A change in one dialect that the other does not follow fails here.
//!
//! What only one dialect has, by design, is listed with its reason below. Needs the test
//! server (ignored in a plain `cargo test`, run by `scripts/test` with `--include-ignored`).

use crate::gemeinsam::{neue_server_datenbank, test_server, zeit};
use ratsbuero::store::Store;
use std::collections::BTreeMap;

/// Tables of one dialect only: SQLite's FTS5 indexes (the server's word index is the
/// table `vorlage_suche` with a tsvector, its part index an index over it) and the
/// server's own bookkeeping (SQLite keeps the version in `PRAGMA user_version`).
const NUR_SQLITE: &[&str] = &["vorlage_suche", "vorlage_suche_vokabel", "vorlage_teilwort"];
const NUR_SERVER: &[&str] = &["vorlage_suche", "ratsbuero_schema"];
/// Columns of one dialect only: the server numbers the votes in their order of entry with
/// an explicit `rowid` (SQLite has its implicit one).
const NUR_SERVER_SPALTEN: &[(&str, &str)] = &[("stimmen", "rowid")];

/// Whether a column of the file and its twin on the server mean the same. An instant is
/// UTC text on the file (`2026-12-07T16:00:00Z`, store::zeitpunkt) and a `timestamptz` on
/// the server: the one pair of kinds that differ by design.
fn gleich(datei: &Spalte, server: &Spalte) -> bool {
    let art = datei.0 == server.0 || (datei.0 == "text" && server.0 == "zeitpunkt");
    art && datei.1 == server.1 && datei.2 == server.2
}

/// A column as both dialects can say it: (kind of type, NOT NULL, position in the key).
type Spalte = (String, bool, i64);

#[derive(Debug, Default, PartialEq)]
struct Tabelle {
    spalten: BTreeMap<String, Spalte>,
    /// (column, referenced table, referenced column)
    fremd: Vec<(String, String, String)>,
    /// Column sets that are unique (besides the primary key), sorted.
    eindeutig: Vec<Vec<String>>,
}

/// The kind of a type, the same for both: INTEGER/BIGINT → ganzzahl, …
fn art(typ: &str) -> String {
    let t = typ.to_ascii_lowercase();
    match t.as_str() {
        "integer" | "int" | "bigint" | "smallint" | "int8" | "int4" | "boolean" => "ganzzahl",
        "text" | "character varying" | "varchar" => "text",
        "blob" | "bytea" => "bytes",
        "real" | "double precision" | "numeric" => "zahl",
        "timestamp with time zone" => "zeitpunkt",
        "any" | "" => "beliebig",
        _ => return format!("?{t}"),
    }
    .into()
}

fn sqlite_schema(pfad: &std::path::Path) -> BTreeMap<String, Tabelle> {
    let c = rusqlite::Connection::open(pfad).unwrap();
    let namen: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|n: &String| !NUR_SQLITE.iter().any(|x| n == x || n.starts_with(&format!("{x}_"))))
        .collect();
    let mut aus = BTreeMap::new();
    for n in namen {
        let mut t = Tabelle::default();
        let mut q = c.prepare(&format!("PRAGMA table_info({n})")).unwrap();
        for r in q
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(5)?,
                ))
            })
            .unwrap()
        {
            let (name, typ, notnull, pk) = r.unwrap();
            // A primary key column is NOT NULL on both (SQLite's INTEGER PRIMARY KEY says 0).
            t.spalten
                .insert(name, (art(&typ), notnull == 1 || pk > 0, pk));
        }
        let mut q = c.prepare(&format!("PRAGMA foreign_key_list({n})")).unwrap();
        for r in q
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })
            .unwrap()
        {
            let (von, tabelle, nach) = r.unwrap();
            t.fremd
                .push((von, tabelle, nach.unwrap_or_else(|| "id".into())));
        }
        t.fremd.sort();
        let indexe: Vec<(String, i64, String)> = c
            .prepare(&format!("PRAGMA index_list({n})"))
            .unwrap()
            .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (index, unique, herkunft) in indexe {
            if unique == 1 && herkunft != "pk" {
                let mut spalten: Vec<String> = c
                    .prepare(&format!("PRAGMA index_info({index})"))
                    .unwrap()
                    .query_map([], |r| r.get::<_, Option<String>>(2))
                    .unwrap()
                    .map(|n| n.unwrap().unwrap_or_else(|| "(Ausdruck)".into()))
                    .collect();
                spalten.sort();
                t.eindeutig.push(spalten);
            }
        }
        t.eindeutig.sort();
        aus.insert(n, t);
    }
    aus
}

fn server_schema(url: &str) -> BTreeMap<String, Tabelle> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let mut aus: BTreeMap<String, Tabelle> = BTreeMap::new();
    for r in c
        .query(
            "SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable = 'NO',
                    coalesce((SELECT k.ordinal_position::bigint FROM information_schema.table_constraints tc
                      JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
                      WHERE tc.table_name = c.table_name AND tc.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name), 0)
             FROM information_schema.columns c WHERE c.table_schema = current_schema()",
            &[],
        )
        .unwrap()
    {
        let (tabelle, spalte, typ, notnull, pk): (String, String, String, bool, i64) =
            (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4));
        if NUR_SERVER.contains(&tabelle.as_str()) {
            continue;
        }
        aus.entry(tabelle).or_default().spalten.insert(spalte, (art(&typ), notnull, pk));
    }
    for r in c
        .query(
            "SELECT tc.table_name::text, k.column_name::text, ccu.table_name::text, ccu.column_name::text
             FROM information_schema.table_constraints tc
             JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name
             JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
             WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()",
            &[],
        )
        .unwrap()
    {
        let tabelle: String = r.get(0);
        if let Some(t) = aus.get_mut(&tabelle) {
            t.fremd.push((r.get(1), r.get(2), r.get(3)));
        }
    }
    // Unique constraints and unique indexes (not the primary key's).
    for r in c
        .query(
            "SELECT t.relname::text,
                    ARRAY(SELECT coalesce(a.attname::text, '(Ausdruck)') FROM unnest(i.indkey::int2[]) k
                          LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k ORDER BY 1)
             FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE i.indisunique AND NOT i.indisprimary AND n.nspname = current_schema()",
            &[],
        )
        .unwrap()
    {
        let tabelle: String = r.get(0);
        if let Some(t) = aus.get_mut(&tabelle) {
            t.eindeutig.push(r.get(1));
        }
    }
    for t in aus.values_mut() {
        t.fremd.sort();
        t.eindeutig.sort();
    }
    aus
}

#[test]
#[ignore = "braucht einen PostgreSQL-Server: RATSBUERO_TEST_SERVER=URL cargo test -- --include-ignored (scripts/test)"]
fn both_dialects_migrate_to_the_same_schema_column_by_column() {
    let admin = test_server().expect("RATSBUERO_TEST_SERVER ist nicht gesetzt");
    let ordner = tempfile::tempdir().unwrap();
    let pfad = ordner.path().join("leer.sqlite");
    drop(Store::oeffnen(&pfad, zeit("2026-12-07")).unwrap());
    let url = neue_server_datenbank(&admin);
    drop(Store::oeffnen_server(&url, zeit("2026-12-07")).unwrap());
    let (datei, server) = (sqlite_schema(&pfad), server_schema(&url));
    assert!(datei.len() > 30, "{:?}", datei.keys());
    assert_eq!(
        datei.keys().collect::<Vec<_>>(),
        server.keys().collect::<Vec<_>>(),
        "Tabellen"
    );
    let mut unterschiede = Vec::new();
    for (name, d) in &datei {
        let s = &server[name];
        for (spalte, a) in &d.spalten {
            match s.spalten.get(spalte) {
                Some(b) if gleich(a, b) => {}
                b => unterschiede.push(format!("{name}.{spalte}: Datei {a:?}, Server {b:?}")),
            }
        }
        for spalte in s.spalten.keys().filter(|k| {
            !d.spalten.contains_key(*k)
                && !NUR_SERVER_SPALTEN.contains(&(name.as_str(), k.as_str()))
        }) {
            unterschiede.push(format!("{name}.{spalte}: nur auf dem Server"));
        }
        if d.fremd != s.fremd {
            unterschiede.push(format!(
                "{name}: Fremdschlüssel Datei {:?}, Server {:?}",
                d.fremd, s.fremd
            ));
        }
        if d.eindeutig != s.eindeutig {
            unterschiede.push(format!(
                "{name}: eindeutig Datei {:?}, Server {:?}",
                d.eindeutig, s.eindeutig
            ));
        }
    }
    assert!(unterschiede.is_empty(), "{}", unterschiede.join("\n"));
}
