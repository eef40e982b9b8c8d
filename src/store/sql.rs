//! The one way the store's table code reads and writes: [`Db`] (a connection or an open
//! transaction), [`Param`] (a value bound to `?N`) and [`Zeile`] (a result row read
//! column by column into [`AusSql`] values).
//!
//! The table files (`gremien`, `personen`, `vorlage/…`) are written once against this
//! interface, in the SQL both backends understand (`?N` placeholders, `RETURNING id`
//! instead of `last_insert_rowid()`), so that a second backend adds an arm here instead
//! of a copy of every query. What only one engine has — the FTS5 index, `PRAGMA`s,
//! `VACUUM INTO` backups, the migration runner — stays in the files that own it and
//! matches on the backend there.
//!
//! Values cross as plain integers, reals, text and bytes: the store keeps times as text
//! and vocabularies as their keys, so nothing needs an engine-specific type. Statements
//! are prepared once per connection and kept (SQLite's statement cache; on the server
//! [`PgVerbindung`]'s named statements), so a query run once per list row, or once per
//! save, costs no parse and no extra round trip after the first.

use super::fehler::StoreError;
use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use rusqlite::types::{ToSqlOutput, ValueRef};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

/// How many prepared statements a connection keeps (the store has about 150 distinct).
pub(crate) const STATEMENT_CACHE: usize = 256;

/// A value bound to a placeholder. Borrows its text and bytes: an Anlage's bytes are not
/// copied to be written.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Param<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Bytes(&'a [u8]),
    /// An instant, seconds since 1970 UTC ([`super::zeitpunkt`]).
    Zeitpunkt(i64),
}

/// What can be bound: integers, `bool` (as 0/1), reals, text, bytes, and `Option`s of
/// them (`None` is NULL).
pub(crate) trait AlsParam {
    fn param(&self) -> Param<'_>;
}

macro_rules! ganzzahl_param {
    ($($t:ty),*) => {$(
        impl AlsParam for $t {
            fn param(&self) -> Param<'_> {
                Param::Int(*self as i64)
            }
        }
    )*};
}
ganzzahl_param!(i64, i32, u32, u16, u8, usize);

impl AlsParam for bool {
    fn param(&self) -> Param<'_> {
        Param::Int(i64::from(*self))
    }
}
impl AlsParam for f64 {
    fn param(&self) -> Param<'_> {
        Param::Real(*self)
    }
}
impl AlsParam for str {
    fn param(&self) -> Param<'_> {
        Param::Text(self)
    }
}
impl AlsParam for String {
    fn param(&self) -> Param<'_> {
        Param::Text(self)
    }
}
impl AlsParam for [u8] {
    fn param(&self) -> Param<'_> {
        Param::Bytes(self)
    }
}
impl AlsParam for Vec<u8> {
    fn param(&self) -> Param<'_> {
        Param::Bytes(self)
    }
}
impl<T: AlsParam + ?Sized> AlsParam for &T {
    fn param(&self) -> Param<'_> {
        (**self).param()
    }
}
impl<T: AlsParam> AlsParam for Option<T> {
    fn param(&self) -> Param<'_> {
        match self {
            None => Param::Null,
            Some(v) => v.param(),
        }
    }
}
impl AlsParam for Param<'_> {
    fn param(&self) -> Param<'_> {
        *self
    }
}

/// The parameters of one statement: `p![id, zeit(jetzt)]`.
macro_rules! p {
    ($($x:expr),* $(,)?) => {
        &[$($crate::store::sql::AlsParam::param(&$x)),*] as &[$crate::store::sql::Param]
    };
}
pub(crate) use p;

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        if let Param::Zeitpunkt(z) = *self {
            return Ok(ToSqlOutput::Owned(rusqlite::types::Value::Text(
                super::zeitpunkt::Zeitpunkt(z).text(),
            )));
        }
        Ok(ToSqlOutput::Borrowed(match *self {
            Param::Zeitpunkt(_) => unreachable!("oben behandelt"),
            Param::Null => ValueRef::Null,
            Param::Int(i) => ValueRef::Integer(i),
            Param::Real(f) => ValueRef::Real(f),
            Param::Text(s) => ValueRef::Text(s.as_bytes()),
            Param::Bytes(b) => ValueRef::Blob(b),
        }))
    }
}

/// On PostgreSQL a value is written in the type the server expects at its placeholder:
/// an integer into `bigint`, `integer` or `boolean` alike, text into any text type.
impl ToSql for Param<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match *self {
            Param::Null => Ok(IsNull::Yes),
            Param::Int(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(i)?.to_sql(ty, out),
                Type::BOOL => (i != 0).to_sql(ty, out),
                Type::FLOAT8 => (i as f64).to_sql(ty, out),
                _ => i.to_string().as_str().to_sql(&Type::TEXT, out),
            },
            Param::Real(f) => match *ty {
                Type::FLOAT4 => (f as f32).to_sql(ty, out),
                _ => f.to_sql(&Type::FLOAT8, out),
            },
            // Text into a timestamptz: an instant's text form (a copy from the file).
            Param::Text(t) if *ty == Type::TIMESTAMPTZ => {
                match super::zeitpunkt::Zeitpunkt::aus_text(t) {
                    Some(z) => Param::Zeitpunkt(z.0).to_sql(ty, out),
                    None => Err(format!("„{t}“ ist kein Zeitpunkt").into()),
                }
            }
            Param::Text(t) => t.to_sql(&Type::TEXT, out),
            Param::Bytes(b) => b.to_sql(&Type::BYTEA, out),
            Param::Zeitpunkt(z) => match *ty {
                // Microseconds since 2000-01-01 UTC, PostgreSQL's binary form.
                Type::TIMESTAMPTZ | Type::TIMESTAMP => {
                    ((z - PG_EPOCHE) * 1_000_000).to_sql(&Type::INT8, out)
                }
                _ => super::zeitpunkt::Zeitpunkt(z)
                    .text()
                    .as_str()
                    .to_sql(&Type::TEXT, out),
            },
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// 2000-01-01 00:00 UTC in seconds since 1970, where PostgreSQL's timestamps count from.
const PG_EPOCHE: i64 = 946_684_800;

/// A `timestamptz` column read in its binary form: seconds since 1970 UTC.
struct PgZeitpunkt(i64);

impl<'a> postgres::types::FromSql<'a> for PgZeitpunkt {
    fn from_sql(_: &Type, roh: &'a [u8]) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        let mikro = i64::from_be_bytes(roh.try_into()?);
        Ok(PgZeitpunkt(mikro.div_euclid(1_000_000) + PG_EPOCHE))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::TIMESTAMPTZ
    }
}

/// The statement in PostgreSQL's spelling: `?N` becomes `$N` (outside string literals).
pub(crate) fn pg_sql(sql: &str) -> Cow<'_, str> {
    if !sql.contains('?') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len());
    let mut in_text = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                in_text = !in_text;
                out.push(c);
            }
            '?' if !in_text => out.push('$'),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A PostgreSQL connection or transaction, behind a `RefCell`: the table functions share
/// one `Db` while the client wants `&mut` for every statement.
pub(crate) trait PgZugang {
    fn abfragen(&self, sql: &str, p: &[Param]) -> Result<Vec<postgres::Row>, postgres::Error>;
    fn ausfuehren(&self, sql: &str, p: &[Param]) -> Result<u64, postgres::Error>;
}

fn pg_params<'a>(p: &'a [Param<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    p.iter().map(|w| w as &(dyn ToSql + Sync)).collect()
}

impl PgZugang for RefCell<postgres::Client> {
    fn abfragen(&self, sql: &str, p: &[Param]) -> Result<Vec<postgres::Row>, postgres::Error> {
        self.borrow_mut().query(pg_sql(sql).as_ref(), &pg_params(p))
    }
    fn ausfuehren(&self, sql: &str, p: &[Param]) -> Result<u64, postgres::Error> {
        self.borrow_mut()
            .execute(pg_sql(sql).as_ref(), &pg_params(p))
    }
}

/// The server connection of a store, with its prepared statements (named statements live
/// as long as the connection; a new connection starts with none).
pub(crate) struct PgVerbindung {
    pub(crate) client: RefCell<postgres::Client>,
    cache: RefCell<HashMap<String, postgres::Statement>>,
}

/// The store's prepared statements on the server, by their SQL in PostgreSQL's spelling.
type Vorbereitet = RefCell<HashMap<String, postgres::Statement>>;

/// Whether a statement is kept prepared. A search is not: a kept statement gets, after a
/// few runs, one generic plan for every word, and the plan that suits a rare word (the
/// GIN index) is a full scan for a common one and the other way round; a search is
/// planned for its words each time.
fn behalten(sql: &str) -> bool {
    !sql.contains("::tsquery")
}

fn vorbereitet(
    cache: &Vorbereitet,
    sql: &str,
    vorbereiten: impl FnOnce(&str) -> Result<postgres::Statement, postgres::Error>,
) -> Result<postgres::Statement, postgres::Error> {
    let sql = pg_sql(sql);
    if !behalten(&sql) {
        return vorbereiten(&sql);
    }
    if let Some(s) = cache.borrow().get(sql.as_ref()) {
        return Ok(s.clone());
    }
    let s = vorbereiten(&sql)?;
    cache.borrow_mut().insert(sql.into_owned(), s.clone());
    Ok(s)
}

impl PgVerbindung {
    pub(crate) fn neu(client: postgres::Client) -> PgVerbindung {
        PgVerbindung {
            client: RefCell::new(client),
            cache: RefCell::default(),
        }
    }

    /// A new connection in place of a lost one (its statements are gone with it).
    pub(crate) fn ersetzen(&mut self, client: postgres::Client) {
        *self.client.get_mut() = client;
        self.cache.get_mut().clear();
    }

    /// A transaction that prepares through this connection's statements.
    pub(crate) fn transaktion(&mut self) -> Result<PgTx<'_>, postgres::Error> {
        let PgVerbindung { client, cache } = self;
        Ok(PgTx {
            tx: RefCell::new(client.get_mut().transaction()?),
            cache,
        })
    }
}

impl PgZugang for PgVerbindung {
    fn abfragen(&self, sql: &str, p: &[Param]) -> Result<Vec<postgres::Row>, postgres::Error> {
        let s = vorbereitet(&self.cache, sql, |q| self.client.borrow_mut().prepare(q))?;
        self.client.borrow_mut().query(&s, &pg_params(p))
    }
    fn ausfuehren(&self, sql: &str, p: &[Param]) -> Result<u64, postgres::Error> {
        let s = vorbereitet(&self.cache, sql, |q| self.client.borrow_mut().prepare(q))?;
        self.client.borrow_mut().execute(&s, &pg_params(p))
    }
}

/// A write transaction on the server, preparing through its connection's statements.
pub(crate) struct PgTx<'c> {
    pub(crate) tx: RefCell<postgres::Transaction<'c>>,
    cache: &'c Vorbereitet,
}

impl PgZugang for PgTx<'_> {
    fn abfragen(&self, sql: &str, p: &[Param]) -> Result<Vec<postgres::Row>, postgres::Error> {
        let s = vorbereitet(self.cache, sql, |q| self.tx.borrow_mut().prepare(q))?;
        self.tx.borrow_mut().query(&s, &pg_params(p))
    }
    fn ausfuehren(&self, sql: &str, p: &[Param]) -> Result<u64, postgres::Error> {
        let s = vorbereitet(self.cache, sql, |q| self.tx.borrow_mut().prepare(q))?;
        self.tx.borrow_mut().execute(&s, &pg_params(p))
    }
}

impl PgZugang for RefCell<postgres::Transaction<'_>> {
    fn abfragen(&self, sql: &str, p: &[Param]) -> Result<Vec<postgres::Row>, postgres::Error> {
        self.borrow_mut().query(pg_sql(sql).as_ref(), &pg_params(p))
    }
    fn ausfuehren(&self, sql: &str, p: &[Param]) -> Result<u64, postgres::Error> {
        self.borrow_mut()
            .execute(pg_sql(sql).as_ref(), &pg_params(p))
    }
}

/// One column of a result row, as the engine gave it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Spalte<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Bytes(&'a [u8]),
    /// A `timestamptz`, seconds since 1970 UTC (the file keeps instants as text).
    Zeitpunkt(i64),
}

/// Why a column could not be read as asked: what was found instead.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct Spaltenfehler(String);

/// What a column can be read into. The message says what was found instead.
pub(crate) trait AusSql: Sized {
    fn aus(s: Spalte<'_>) -> Result<Self, Spaltenfehler>;
}

fn falsch<T>(s: Spalte<'_>, erwartet: &str) -> Result<T, Spaltenfehler> {
    Err(Spaltenfehler(format!(
        "{erwartet} erwartet, gefunden: {s:?}"
    )))
}

impl AusSql for i64 {
    fn aus(s: Spalte<'_>) -> Result<i64, Spaltenfehler> {
        match s {
            Spalte::Int(i) => Ok(i),
            _ => falsch(s, "Ganzzahl"),
        }
    }
}
macro_rules! schmale_ganzzahl {
    ($($t:ty),*) => {$(
        impl AusSql for $t {
            fn aus(s: Spalte<'_>) -> Result<$t, Spaltenfehler> {
                let i = i64::aus(s)?;
                <$t>::try_from(i).map_err(|_| Spaltenfehler(format!("{i} passt nicht in {}", stringify!($t))))
            }
        }
    )*};
}
schmale_ganzzahl!(i32, u32, u16, u8, usize);

impl AusSql for bool {
    fn aus(s: Spalte<'_>) -> Result<bool, Spaltenfehler> {
        Ok(i64::aus(s)? != 0)
    }
}
impl AusSql for f64 {
    fn aus(s: Spalte<'_>) -> Result<f64, Spaltenfehler> {
        match s {
            Spalte::Real(f) => Ok(f),
            Spalte::Int(i) => Ok(i as f64),
            _ => falsch(s, "Zahl"),
        }
    }
}
impl AusSql for String {
    fn aus(s: Spalte<'_>) -> Result<String, Spaltenfehler> {
        match s {
            Spalte::Text(t) => Ok(t.to_owned()),
            _ => falsch(s, "Text"),
        }
    }
}
impl AusSql for Vec<u8> {
    fn aus(s: Spalte<'_>) -> Result<Vec<u8>, Spaltenfehler> {
        match s {
            Spalte::Bytes(b) => Ok(b.to_vec()),
            _ => falsch(s, "Bytes"),
        }
    }
}
impl<T: AusSql> AusSql for Option<T> {
    fn aus(s: Spalte<'_>) -> Result<Option<T>, Spaltenfehler> {
        match s {
            Spalte::Null => Ok(None),
            _ => T::aus(s).map(Some),
        }
    }
}

/// One result row.
pub(crate) enum Zeile<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Pg(&'a postgres::Row),
}

fn leer(o: Option<Spalte<'_>>) -> Spalte<'_> {
    o.unwrap_or(Spalte::Null)
}

impl Zeile<'_> {
    /// Column `i` (from 0) as the engine gave it; text and bytes borrowed from the row.
    pub(crate) fn spalte(&self, i: usize) -> Result<Spalte<'_>, StoreError> {
        match self {
            Zeile::Sqlite(r) => Ok(match r.get_ref(i)? {
                ValueRef::Null => Spalte::Null,
                ValueRef::Integer(i) => Spalte::Int(i),
                ValueRef::Real(f) => Spalte::Real(f),
                ValueRef::Text(t) => Spalte::Text(std::str::from_utf8(t).map_err(|e| {
                    StoreError::Beschaedigt(format!("Spalte {i}: kein UTF-8 ({e})"))
                })?),
                ValueRef::Blob(b) => Spalte::Bytes(b),
            }),
            Zeile::Pg(r) => {
                let ty = r
                    .columns()
                    .get(i)
                    .map(|c| c.type_().clone())
                    .ok_or_else(|| StoreError::Beschaedigt(format!("Spalte {i} gibt es nicht")))?;
                Ok(match ty {
                    Type::INT8 => leer(r.try_get::<_, Option<i64>>(i)?.map(Spalte::Int)),
                    Type::INT4 => leer(
                        r.try_get::<_, Option<i32>>(i)?
                            .map(|v| Spalte::Int(v.into())),
                    ),
                    Type::INT2 => leer(
                        r.try_get::<_, Option<i16>>(i)?
                            .map(|v| Spalte::Int(v.into())),
                    ),
                    Type::BOOL => leer(
                        r.try_get::<_, Option<bool>>(i)?
                            .map(|v| Spalte::Int(v.into())),
                    ),
                    Type::FLOAT8 => leer(r.try_get::<_, Option<f64>>(i)?.map(Spalte::Real)),
                    Type::FLOAT4 => leer(
                        r.try_get::<_, Option<f32>>(i)?
                            .map(|v| Spalte::Real(v.into())),
                    ),
                    Type::BYTEA => leer(r.try_get::<_, Option<&[u8]>>(i)?.map(Spalte::Bytes)),
                    Type::TIMESTAMPTZ => leer(
                        r.try_get::<_, Option<PgZeitpunkt>>(i)?
                            .map(|z| Spalte::Zeitpunkt(z.0)),
                    ),
                    Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                        leer(r.try_get::<_, Option<&str>>(i)?.map(Spalte::Text))
                    }
                    andere => {
                        return Err(StoreError::Beschaedigt(format!(
                            "Spalte {i}: Typ {andere} wird nicht gelesen"
                        )))
                    }
                })
            }
        }
    }

    /// Column `i` (from 0) read as `T`.
    pub(crate) fn get<T: AusSql>(&self, i: usize) -> Result<T, StoreError> {
        T::aus(self.spalte(i)?)
            .map_err(|grund| StoreError::Beschaedigt(format!("Spalte {i}: {grund}")))
    }
}

/// A connection or an open transaction of the office database. Copy it freely: every
/// table function takes one.
#[derive(Clone, Copy)]
pub(crate) enum Db<'a> {
    Sqlite(&'a rusqlite::Connection),
    Pg(&'a dyn PgZugang),
}

impl Db<'_> {
    /// Runs a statement; returns the number of rows it changed.
    pub(crate) fn execute(self, sql: &str, p: &[Param]) -> Result<usize, StoreError> {
        match self {
            Db::Sqlite(c) => Ok(c
                .prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(p.iter()))?),
            Db::Pg(c) => Ok(c.ausfuehren(sql, p)? as usize),
        }
    }

    /// Calls `f` on each row until it returns `false` (the rest is not read).
    pub(crate) fn each(
        self,
        sql: &str,
        p: &[Param],
        mut f: impl FnMut(&Zeile) -> Result<bool, StoreError>,
    ) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let mut zeilen = stmt.query(rusqlite::params_from_iter(p.iter()))?;
                while let Some(r) = zeilen.next()? {
                    if !f(&Zeile::Sqlite(r))? {
                        break;
                    }
                }
                Ok(())
            }
            Db::Pg(c) => {
                for r in c.abfragen(sql, p)? {
                    if !f(&Zeile::Pg(&r))? {
                        break;
                    }
                }
                Ok(())
            }
        }
    }

    /// Every row, each turned into a `T` by `f`.
    pub(crate) fn query_map<T>(
        self,
        sql: &str,
        p: &[Param],
        mut f: impl FnMut(&Zeile) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let mut alle = Vec::new();
        self.each(sql, p, |r| {
            alle.push(f(r)?);
            Ok(true)
        })?;
        Ok(alle)
    }

    /// The first row turned into a `T`, or `None` when there is none.
    pub(crate) fn query_opt<T>(
        self,
        sql: &str,
        p: &[Param],
        f: impl FnOnce(&Zeile) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        let mut f = Some(f);
        let mut ergebnis = None;
        self.each(sql, p, |r| {
            if let Some(f) = f.take() {
                ergebnis = Some(f(r)?);
            }
            Ok(false)
        })?;
        Ok(ergebnis)
    }

    /// The first row turned into a `T`; no row is an error ([`StoreError::KeineZeile`]).
    pub(crate) fn query_row<T>(
        self,
        sql: &str,
        p: &[Param],
        f: impl FnOnce(&Zeile) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.query_opt(sql, p, f)?.ok_or(StoreError::KeineZeile)
    }

    /// Which engine this is, for the few statements each spells its own way.
    pub(crate) fn ist_pg(self) -> bool {
        matches!(self, Db::Pg(_))
    }

    /// The first column of the first row.
    pub(crate) fn eins<T: AusSql>(self, sql: &str, p: &[Param]) -> Result<T, StoreError> {
        self.query_row(sql, p, |r| r.get(0))
    }
}

/// A write transaction: [`Tx::db`] for the statements, [`Tx::commit`] at the end; dropped
/// without a commit, nothing of it is kept.
pub(crate) enum Tx<'c> {
    Sqlite(rusqlite::Transaction<'c>),
    Pg(PgTx<'c>),
    /// A read-only snapshot on the server (`REPEATABLE READ READ ONLY`), ended when dropped.
    PgLesen(PgLesen<'c>),
}

/// The open read snapshot of [`Tx::PgLesen`].
pub(crate) struct PgLesen<'c>(pub(crate) &'c PgVerbindung);

impl Drop for PgLesen<'_> {
    fn drop(&mut self) {
        let _ = self.0.client.borrow_mut().batch_execute("COMMIT");
    }
}

impl Tx<'_> {
    pub(crate) fn db(&self) -> Db<'_> {
        match self {
            Tx::Sqlite(t) => Db::Sqlite(t),
            Tx::Pg(t) => Db::Pg(t),
            Tx::PgLesen(l) => Db::Pg(l.0),
        }
    }

    pub(crate) fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(t) => t
                .commit()
                .map_err(|e| StoreError::from(e).gesperrt_erkennen()),
            Tx::Pg(t) => {
                t.tx.into_inner()
                    .commit()
                    .map_err(|e| StoreError::from(e).gesperrt_erkennen())
            }
            Tx::PgLesen(_) => Ok(()),
        }
    }
}
