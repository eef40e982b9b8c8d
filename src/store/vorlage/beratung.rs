//! What a Sitzung writes into a Vorlage's Beratungsfolge: the date of its Beratung when
//! the Vorlage is put on a TOP, the Beschlussvermerk when the TOP's result is recorded,
//! and the date taken back when the TOP is removed; the result of a later step as the
//! office enters it or the RIS gives it (Beschlusskontrolle). Each raises the Vorlage's
//! version.

use super::version_erhoehen;
use crate::domain::VorlageId;
use crate::store::fehler::StoreError;
use crate::store::sql::{p, Db};
use chrono::{NaiveDate, NaiveDateTime};

fn iso(tag: NaiveDate) -> String {
    tag.format("%Y-%m-%d").to_string()
}

/// Records the Beratung of `vorlage` in `gremium` on `tag`: the step of that Gremium gets
/// the date; without one, a step is appended.
pub(crate) fn vermerken(
    db: Db<'_>,
    vorlage: VorlageId,
    gremium: &str,
    tag: NaiveDate,
    jetzt: NaiveDateTime,
) -> Result<(), StoreError> {
    let n = db.execute(
        "UPDATE beratungsschritt SET datum = ?3 WHERE vorlage_id = ?1 AND lower(gremium) = lower(?2)",
        p![vorlage.0, gremium, iso(tag)],
    )?;
    if n == 0 {
        db.execute(
            "INSERT INTO beratungsschritt (vorlage_id, pos, gremium, rolle, datum)
             VALUES (?1, (SELECT coalesce(max(pos), -1) + 1 FROM beratungsschritt WHERE vorlage_id = ?1), ?2, 'vorberatung', ?3)",
            p![vorlage.0, gremium, iso(tag)],
        )?;
    }
    version_erhoehen(db, vorlage, jetzt).map(|_| ())
}

/// The result of the Beratung in `gremium`, as the Vorlage PDF prints it.
pub(crate) fn ergebnis_vermerken(
    db: Db<'_>,
    vorlage: VorlageId,
    gremium: &str,
    vermerk: &str,
    jetzt: NaiveDateTime,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE beratungsschritt SET ergebnis = ?3 WHERE vorlage_id = ?1 AND lower(gremium) = lower(?2)",
        p![vorlage.0, gremium, vermerk],
    )?;
    version_erhoehen(db, vorlage, jetzt).map(|_| ())
}

/// Takes back the date of a Beratung on `tag` that has no result yet.
pub(crate) fn zuruecknehmen(
    db: Db<'_>,
    vorlage: VorlageId,
    gremium: &str,
    tag: NaiveDate,
    jetzt: NaiveDateTime,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE beratungsschritt SET datum = '' WHERE vorlage_id = ?1 AND lower(gremium) = lower(?2) AND datum = ?3 AND ergebnis = ''",
        p![vorlage.0, gremium, iso(tag)],
    )?;
    version_erhoehen(db, vorlage, jetzt).map(|_| ())
}

/// Sets the date (none: not known) and the result of step `pos`, with the day it was taken
/// over from the RIS (`ris`; none: entered by the office).
pub(crate) fn schritt_setzen(
    db: Db<'_>,
    vorlage: VorlageId,
    pos: i64,
    tag: Option<NaiveDate>,
    ergebnis: &str,
    ris: Option<NaiveDate>,
    jetzt: NaiveDateTime,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE beratungsschritt SET datum = ?3, ergebnis = ?4, ris_uebernommen = ?5
         WHERE vorlage_id = ?1 AND pos = ?2",
        p![
            vorlage.0,
            pos,
            tag.map(iso).unwrap_or_default(),
            ergebnis,
            ris.map(iso)
        ],
    )?;
    version_erhoehen(db, vorlage, jetzt).map(|_| ())
}
