//! The Sitzung day (issue 27): the count of voters and the quorum at a TOP, the chair's
//! finding of Beschlussunfähigkeit, and the Anwesenheitsliste passed round the table. The
//! rules are the domain's ([`crate::domain::sitzung::beschlussfaehigkeit`]); attendance
//! itself is recorded by [`super::anwesenheit_setzen`].

use super::ApiFehler;
use crate::domain::sitzung::beschlussfaehigkeit::{self, Beschlussfaehigkeit};
use crate::domain::{SitzungAkte, SitzungId, TopId};
use crate::store::Store;
use chrono::NaiveDateTime;

/// A TOP of the Sitzung as a clerk names it: "Ö 4", "Ö4", "N 1.2" (also "OE 4", "oe4"),
/// or its id. A German refusal lists the TOPs there are.
pub fn top_finden(akte: &SitzungAkte, text: &str) -> Result<TopId, ApiFehler> {
    let kurz: String = text
        .trim()
        .to_uppercase()
        .replace("OE", "Ö")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let kurz = kurz.strip_prefix("TOP").unwrap_or(&kurz).to_string();
    if let Some(t) = akte.tops.iter().find(|t| t.nummer.replace(' ', "") == kurz) {
        return Ok(t.id);
    }
    if let Some(t) = kurz
        .parse::<i64>()
        .ok()
        .and_then(|id| akte.tops.iter().find(|t| t.id.0 == id))
    {
        return Ok(t.id);
    }
    let alle: Vec<&str> = akte.tops.iter().map(|t| t.nummer.as_str()).collect();
    Err(ApiFehler::feld(
        "top",
        if alle.is_empty() {
            format!(
                "TOP „{}“: Die Sitzung hat noch keine Tagesordnung.",
                text.trim()
            )
        } else {
            format!(
                "TOP „{}“ gibt es in dieser Sitzung nicht (es gibt {}).",
                text.trim(),
                alle.join(", ")
            )
        },
    ))
}

/// The count of voters present and the quorum, at the opening (`top` none) or at a TOP.
pub fn beschlussfaehigkeit(
    store: &Store,
    sitzung: i64,
    top: Option<&str>,
) -> Result<Beschlussfaehigkeit, ApiFehler> {
    let akte = store.sitzung(SitzungId(sitzung))?;
    let top = top.map(|t| top_finden(&akte, t)).transpose()?;
    Ok(beschlussfaehigkeit::bei(&akte, top)?)
}

/// Records (or, with `top` none, takes back) "Beschlussunfähigkeit festgestellt".
pub fn beschlussunfaehigkeit_feststellen(
    store: &mut Store,
    sitzung: i64,
    top: Option<i64>,
    basis: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    super::sitzungen::basis_pruefen(store, SitzungId(sitzung), basis)?;
    Ok(store.beschlussunfaehigkeit_feststellen(SitzungId(sitzung), top.map(TopId), jetzt)?)
}

/// The Anwesenheitsliste to sign, as a tagged PDF/A.
pub fn sitzung_anwesenheitsliste(
    store: &Store,
    sitzung: i64,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    let akte = store.sitzung(SitzungId(sitzung))?;
    let buero = store.buero()?;
    Ok(crate::pdf::anwesenheitsliste::anwesenheitsliste(
        &akte, &buero, jetzt,
    )?)
}
