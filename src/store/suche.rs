//! Table `vorlage_suche`: the FTS5 index of the Vorlagen, kept in step inside the same
//! transaction as every change of a Vorlage, and every query of it: the Vorlagen list,
//! filtered, searched and sorted. Text is folded by [`crate::domain::suchtext`] on both
//! sides, so "Yilmaz" finds "Yılmaz".

use super::fehler::StoreError;
use super::sql::{p, AlsParam, Db, Param};
use super::zeitpunkt::zeitpunkt_aus;
use super::{wert, Store};
use crate::domain::{suchtext, Status, VorlageArt, VorlageId, Zustand};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One row of the Vorlagen list.
#[derive(Debug, Clone, Serialize)]
pub struct VorlageZeile {
    pub id: VorlageId,
    pub nummer: Option<String>,
    pub art: VorlageArt,
    pub status: Status,
    pub zustand: Zustand,
    pub betreff: String,
    pub verfasser: String,
    pub gremien: String,
    pub offene_befunde: i64,
    pub ersetzt: bool,
    pub version: i64,
    pub geaendert: NaiveDateTime,
    /// When searching and the words are not in the paper's own text: the Anlage (and its
    /// page) they were found in, "gefunden in Anlage 2: Kostenaufstellung.pdf, S. 3".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fundstelle: Option<String>,
}

/// Sort order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sortierung {
    /// Best match first when searching, otherwise the most recently changed first.
    #[default]
    Standard,
    Nummer,
    Betreff,
    Art,
    Geaendert,
}

/// Filters of the list; every field is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VorlagenFilter {
    pub suche: Option<String>,
    pub art: Option<VorlageArt>,
    pub status: Option<Status>,
    pub zustand: Option<Zustand>,
    pub gremium: Option<String>,
    pub sortierung: Sortierung,
    pub absteigend: bool,
    pub grenze: Option<u32>,
}

/// The list columns of the Vorlagen whose ids are in the JSON array `?1`.
const LISTE_SQLITE: &str = "SELECT v.id, v.nummer, v.art, v.status, v.zustand, v.betreff, v.verfasser,
        coalesce((SELECT group_concat(b.gremium, ' → ' ORDER BY b.pos) FROM beratungsschritt b WHERE b.vorlage_id = v.id), ''),
        v.offene_befunde, EXISTS (SELECT 1 FROM vorlage n WHERE n.vorgaenger_id = v.id AND n.geloescht IS NULL), v.version, v.geaendert
     FROM vorlage v WHERE v.id IN (SELECT value FROM json_each(?1)) AND v.geloescht IS NULL";
/// On the server the successor is joined (`vorgaenger_id` is unique): as an `EXISTS` the
/// planner would hash every Vorlage for the 200 rows shown.
const LISTE_PG: &str = "SELECT v.id, v.nummer, v.art, v.status, v.zustand, v.betreff, v.verfasser,
        coalesce((SELECT string_agg(b.gremium, ' → ' ORDER BY b.pos) FROM beratungsschritt b WHERE b.vorlage_id = v.id), ''),
        v.offene_befunde, n.id IS NOT NULL, v.version, v.geaendert
     FROM vorlage v LEFT JOIN vorlage n ON n.vorgaenger_id = v.id AND n.geloescht IS NULL
     WHERE v.id IN (SELECT value::bigint FROM json_array_elements_text(CAST(?1 AS text)::json)) AND v.geloescht IS NULL";

/// ts_rank's weights for D, C, B, A: a hit in Nr./Betreff/names (A) weighs five times a
/// hit in the long texts (B), as bm25's 5 : 1 on SQLite.
const PG_GEWICHTE: &str = "'{0, 0, 0.2, 1.0}'::float4[]";

/// Re-indexes one Vorlage from its stored row (word index and, from schema 19 on, the
/// part index of SQLite; the server's part index is an index over the same row).
pub(crate) fn indizieren(db: Db<'_>, id: i64) -> Result<(), StoreError> {
    indizieren_mit(db, id, Stand::NEUESTER)
}

/// What the schema has of the search yet: the migrations before 19 and 20 re-index
/// without the part index and the Anlagen's text; every other caller has both.
#[derive(Clone, Copy)]
struct Stand {
    teilwort: bool,
    anlagentext: bool,
}

impl Stand {
    const NEUESTER: Stand = Stand {
        teilwort: true,
        anlagentext: true,
    };
}

fn indizieren_mit(db: Db<'_>, id: i64, stand: Stand) -> Result<(), StoreError> {
    let teilwort = stand.teilwort;
    let (kopf, text): (String, String) = db.query_row(
        "SELECT coalesce(nummer, '') || ' ' || betreff || ' ' || verfasser || ' ' || bearbeiter,
                beschlussvorschlag || ' ' || sachverhalt
         FROM vorlage WHERE id = ?1",
        p![id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    entfernen_mit(db, id, teilwort)?;
    let (kopf, mut text) = (suchtext::falten(&kopf), suchtext::falten(&text));
    // The text inside its Anlagen (read and folded when each was added), from schema 20.
    if stand.anlagentext {
        let seiten: Vec<String> = db.query_map(
            "SELECT s.text FROM anlage_seite s JOIN anlage a ON a.id = s.anlage_id
             WHERE a.vorlage_id = ?1 ORDER BY a.pos, s.seite",
            p![id],
            |r| r.get(0),
        )?;
        for seite in seiten {
            text.push(' ');
            text.push_str(&seite);
        }
    }
    if db.ist_pg() {
        db.execute(
            "INSERT INTO vorlage_suche (rowid, kopf, text, dokument) VALUES (?1, ?2, ?3, CAST(?4 AS text)::tsvector)",
            p![id, kopf, text, suchtext::tsvector(&kopf, &text)],
        )?;
    } else {
        db.execute(
            "INSERT INTO vorlage_suche (rowid, kopf, text) VALUES (?1, ?2, ?3)",
            p![id, kopf, text],
        )?;
        if teilwort {
            db.execute(
                "INSERT INTO vorlage_teilwort (rowid, kopf, text) VALUES (?1, ?2, ?3)",
                p![id, kopf, text],
            )?;
        }
    }
    Ok(())
}

/// Whether the schema has the Anlagen's text yet (the migrations before 20 re-index
/// without it).
fn mit_anlagentext(db: Db<'_>) -> Result<bool, StoreError> {
    if db.ist_pg() {
        return Ok(db.eins::<i64>(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'anlage_seite' AND table_schema = current_schema()",
            p![],
        )? > 0);
    }
    Ok(db.eins::<i64>(
        "SELECT count(*) FROM sqlite_master WHERE name = 'anlage_seite'",
        p![],
    )? > 0)
}

/// Takes a Vorlage out of the search (it went into the Papierkorb, or for good).
pub(crate) fn entfernen(db: Db<'_>, id: i64) -> Result<(), StoreError> {
    entfernen_mit(db, id, true)
}

fn entfernen_mit(db: Db<'_>, id: i64, teilwort: bool) -> Result<(), StoreError> {
    db.execute("DELETE FROM vorlage_suche WHERE rowid = ?1", p![id])?;
    if teilwort && !db.ist_pg() {
        db.execute("DELETE FROM vorlage_teilwort WHERE rowid = ?1", p![id])?;
    }
    Ok(())
}

/// Rebuilds the whole index (migrations 2 and 10, repairs, the move to a server). The
/// migrations before 19 run it when there is no part index yet: schema 19 fills that from
/// the word index.
pub(crate) fn alles_neu_indizieren(db: Db<'_>) -> Result<(), StoreError> {
    let stand = Stand {
        teilwort: !db.ist_pg()
            && db.eins::<i64>(
                "SELECT count(*) FROM sqlite_master WHERE name = 'vorlage_teilwort'",
                p![],
            )? > 0,
        anlagentext: mit_anlagentext(db)?,
    };
    let teilwort = stand.teilwort;
    db.execute("DELETE FROM vorlage_suche", p![])?;
    if teilwort {
        db.execute("DELETE FROM vorlage_teilwort", p![])?;
    }
    let ids: Vec<i64> = db.query_map("SELECT id FROM vorlage", p![], |r| r.get(0))?;
    for id in ids {
        indizieren_mit(db, id, stand)?;
    }
    Ok(())
}

/// On the server: every word (one of its forms) inside `spalte`, as `LIKE '%form%'`
/// conditions; their parameters numbered from `erster` on.
fn enthaelt_sql(spalte: &str, formen: &[Vec<String>], erster: usize) -> (String, Vec<String>) {
    let mut werte = Vec::new();
    let mut und = Vec::new();
    for f in formen {
        let mut oder = Vec::new();
        for w in f {
            werte.push(format!("%{w}%"));
            oder.push(format!("{spalte} LIKE ?{}", erster + werte.len() - 1));
        }
        und.push(format!("({})", oder.join(" OR ")));
    }
    (und.join(" AND "), werte)
}

/// The word index's subquery for the query in parameter `n`.
fn wort_sql(pg: bool, n: usize) -> String {
    if pg {
        format!("SELECT rowid FROM vorlage_suche WHERE dokument @@ CAST(?{n} AS text)::tsquery")
    } else {
        format!("SELECT rowid FROM vorlage_suche WHERE vorlage_suche MATCH ?{n}")
    }
}

/// The part index's subquery for the query words' forms, its parameters numbered from
/// `erster` on: the Vorlagen with every word somewhere inside a word.
fn teilwort_sql(pg: bool, formen: &[Vec<String>], erster: usize) -> (String, Vec<String>) {
    if pg {
        let (und, werte) = enthaelt_sql("(kopf || ' ' || text)", formen, erster);
        (
            format!("SELECT rowid FROM vorlage_suche WHERE {und}"),
            werte,
        )
    } else {
        (
            format!("SELECT rowid FROM vorlage_teilwort WHERE vorlage_teilwort MATCH ?{erster}"),
            vec![suchtext::teilwort_anfrage(formen)],
        )
    }
}

impl Store {
    /// A search whose every word is in more than `gemein_ab` papers: ranking all of them by
    /// bm25 costs a full pass and says little (the word hardly tells papers apart). The
    /// list then shows the papers with the words in Nr./Betreff/names first, then the
    /// others, each newest first — read straight off the index, stopping at `grenze`.
    /// `None` when the search is selective (then bm25 ranks as usual).
    fn gemeine_suche(&self, text: &str, grenze: usize) -> Result<Option<Vec<i64>>, StoreError> {
        let woerter = suchtext::anfrage_woerter(text);
        if self.db().ist_pg() {
            return self.gemeine_suche_pg(&woerter, grenze);
        }
        let Some(anfrage) = suchtext::anfrage(text) else {
            return Ok(None);
        };
        let zaehlen = "SELECT coalesce(sum(doc), 0) FROM vorlage_suche_vokabel WHERE term >= ?1 AND term < ?1 || char(1114111)";
        for formen in &woerter {
            // Papers with a term starting with the word (an upper bound: a paper with two
            // such terms counts twice, which only makes the cheap path rarer).
            let mut haeufig = 0i64;
            for f in formen {
                haeufig = haeufig.max(self.db().eins(zaehlen, p![f])?);
            }
            if haeufig <= self.gemein_ab {
                return Ok(None);
            }
        }
        let mut ids: Vec<i64> = self.db()
            .query_map("SELECT rowid FROM vorlage_suche WHERE vorlage_suche MATCH ?1 ORDER BY rowid DESC LIMIT ?2", p![format!("kopf : ({anfrage})"), grenze as i64], |r| r.get(0))?;
        if ids.len() < grenze {
            let schon: std::collections::HashSet<i64> = ids.iter().copied().collect();
            self.db().each(
                "SELECT rowid FROM vorlage_suche WHERE vorlage_suche MATCH ?1 ORDER BY rowid DESC",
                p![anfrage],
                |r| {
                    let id: i64 = r.get(0)?;
                    if !schon.contains(&id) {
                        ids.push(id);
                    }
                    Ok(ids.len() < grenze)
                },
            )?;
        }
        Ok(Some(ids))
    }

    /// [`Store::gemeine_suche`] on the server, read off the GIN index and the primary key
    /// (a lexeme restricted to weight A matches Nr./Betreff/names only).
    fn gemeine_suche_pg(
        &self,
        woerter: &[Vec<String>],
        grenze: usize,
    ) -> Result<Option<Vec<i64>>, StoreError> {
        let Some(alle) = suchtext::tsquery_aus(woerter, "") else {
            return Ok(None);
        };
        // On the server it is the whole query that must be common (counted only up to the
        // threshold): a rare word among common ones makes the query rare at once, without
        // counting the common words' many papers first. The hits are the same either way;
        // only the order of a long list can differ from the file's.
        let haeufig: i64 = self.db().eins(
            "SELECT count(*) FROM (SELECT 1 FROM vorlage_suche WHERE dokument @@ CAST(?1 AS text)::tsquery LIMIT ?2) t",
            p![&alle, self.gemein_ab + 1],
        )?;
        if haeufig <= self.gemein_ab {
            return Ok(None);
        }
        // Newest first along the primary key, stopping at the limit: the word is known to
        // be in many papers, so few rows are read (OFFSET 0 keeps the planner from
        // fetching every match through the GIN index and sorting them).
        const NEUESTE: &str = "SELECT rowid FROM (SELECT rowid, dokument FROM vorlage_suche ORDER BY rowid DESC OFFSET 0) s
             WHERE s.dokument @@ CAST(?1 AS text)::tsquery LIMIT ?2";
        let kopf = suchtext::tsquery_aus(woerter, "A").unwrap_or_default();
        let mut ids: Vec<i64> = self
            .db()
            .query_map(NEUESTE, p![kopf, grenze as i64], |r| r.get(0))?;
        if ids.len() < grenze {
            let schon: std::collections::HashSet<i64> = ids.iter().copied().collect();
            let rest: Vec<i64> =
                self.db()
                    .query_map(NEUESTE, p![alle, (grenze + schon.len()) as i64], |r| {
                        r.get(0)
                    })?;
            ids.extend(
                rest.into_iter()
                    .filter(|id| !schon.contains(id))
                    .take(grenze - schon.len()),
            );
        }
        Ok(Some(ids))
    }

    /// The list, filtered, searched and sorted.
    pub fn vorlagen(&self, filter: &VorlagenFilter) -> Result<Vec<VorlageZeile>, StoreError> {
        let mut bedingungen: Vec<String> = Vec::new();
        let mut werte: Vec<String> = Vec::new();
        let mut von = "vorlage v".to_string();
        let mut treffer_sortierung = false;
        let mut nur_suche = false;
        let pg = self.db().ist_pg();
        // A word inside a compound: the part index, after the word index's hits.
        let teilwort = filter.suche.as_deref().and_then(suchtext::teilwort_formen);
        if let Some(text) = filter.suche.as_deref().filter(|t| !t.trim().is_empty()) {
            let anfrage = if pg {
                suchtext::anfrage_tsquery(text)
            } else {
                suchtext::anfrage(text)
            };
            match anfrage {
                // Sorted by a column: word hits and part hits in one list.
                Some(anfrage)
                    if teilwort.is_some() && filter.sortierung != Sortierung::Standard =>
                {
                    werte.push(anfrage);
                    let (teil, teil_werte) =
                        teilwort_sql(pg, teilwort.as_deref().unwrap_or_default(), werte.len() + 1);
                    bedingungen.push(format!(
                        "(v.id IN ({}) OR v.id IN ({teil}))",
                        wort_sql(pg, werte.len())
                    ));
                    werte.extend(teil_werte);
                }
                Some(anfrage) => {
                    von = "vorlage_suche s JOIN vorlage v ON v.id = s.rowid".into();
                    nur_suche = true;
                    werte.push(anfrage);
                    bedingungen.push(if pg {
                        format!("s.dokument @@ CAST(?{} AS text)::tsquery", werte.len())
                    } else {
                        format!("vorlage_suche MATCH ?{}", werte.len())
                    });
                    treffer_sortierung = true;
                }
                None => return Ok(Vec::new()),
            }
        }
        if let Some(art) = filter.art {
            werte.push(art.key().into());
            bedingungen.push(format!("v.art = ?{}", werte.len()));
        }
        if let Some(status) = filter.status {
            werte.push(status.key().into());
            bedingungen.push(format!("v.status = ?{}", werte.len()));
        }
        if let Some(zustand) = filter.zustand {
            werte.push(zustand.key().into());
            bedingungen.push(format!("v.zustand = ?{}", werte.len()));
        }
        if let Some(gremium) = filter.gremium.as_deref().filter(|g| !g.trim().is_empty()) {
            werte.push(gremium.trim().to_string());
            bedingungen.push(format!(
                "EXISTS (SELECT 1 FROM beratungsschritt b WHERE b.vorlage_id = v.id AND b.gremium = ?{})",
                werte.len()
            ));
        }
        let richtung = if filter.absteigend { "DESC" } else { "ASC" };
        let ordnung = match filter.sortierung {
            Sortierung::Standard if treffer_sortierung && pg => {
                format!(
                    "ts_rank({PG_GEWICHTE}, s.dokument, CAST(?1 AS text)::tsquery) DESC, v.id DESC"
                )
            }
            Sortierung::Standard if treffer_sortierung => {
                "bm25(vorlage_suche, 5.0, 1.0), v.id DESC".to_string()
            }
            Sortierung::Standard => "v.geaendert DESC, v.id DESC".to_string(),
            Sortierung::Nummer => format!("v.nummer IS NULL, v.nummer {richtung}, v.id {richtung}"),
            Sortierung::Betreff => format!("lower(v.betreff) {richtung}, v.id"),
            Sortierung::Art => format!("v.art {richtung}, v.nummer {richtung}"),
            Sortierung::Geaendert => format!("v.geaendert {richtung}, v.id {richtung}"),
        };
        let wo = if bedingungen.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", bedingungen.join(" AND "))
        };
        let grenze = filter
            .grenze
            .map(|g| format!("LIMIT {g}"))
            .unwrap_or_default();
        // Rank and cut on the bare ids first; fetch the list columns (with their
        // subqueries) only for the rows shown.
        // Searching without other filters in relevance order needs the index alone.
        let nur_suche =
            nur_suche && bedingungen.len() == 1 && filter.sortierung == Sortierung::Standard;
        let ids_sql = if nur_suche && pg {
            format!("SELECT rowid FROM vorlage_suche WHERE dokument @@ CAST(?1 AS text)::tsquery ORDER BY ts_rank({PG_GEWICHTE}, dokument, CAST(?1 AS text)::tsquery) DESC, rowid DESC {grenze}")
        } else if nur_suche {
            format!("SELECT rowid FROM vorlage_suche WHERE vorlage_suche MATCH ?1 ORDER BY rank, rowid DESC {grenze}")
        } else {
            format!("SELECT v.id FROM {von} {wo} ORDER BY {ordnung} {grenze}")
        };
        let gemein = match (&filter.suche, filter.grenze) {
            (Some(text), Some(grenze)) if nur_suche => self.gemeine_suche(text, grenze as usize)?,
            _ => None,
        };
        let mut ids: Vec<i64> = match gemein {
            Some(ids) => ids,
            None => self.db().query_map(
                &ids_sql,
                &werte.iter().map(|w| w.param()).collect::<Vec<Param>>(),
                |r| r.get(0),
            )?,
        };
        // In relevance order, the hits inside compounds follow the word hits (newest first),
        // under the same filters, up to the limit.
        let rest = filter
            .grenze
            .map_or(usize::MAX, |g| (g as usize).saturating_sub(ids.len()));
        if let (Some(formen), true, true) = (&teilwort, treffer_sortierung, rest > 0) {
            let mut alle = werte.clone();
            let grenze = if rest == usize::MAX {
                String::new()
            } else {
                format!("LIMIT {rest}")
            };
            let mut und = vec![
                format!("v.id NOT IN ({})", wort_sql(pg, 1)),
                "v.geloescht IS NULL".to_string(),
            ];
            und.extend(bedingungen.iter().skip(1).cloned());
            // The papers with every part in their Nr./Betreff/names first, then the others,
            // each newest first. On the file each list is read off the part index in rowid
            // order and stops at the limit (no ranking of every part hit: a common part is in
            // thousands of papers).
            if pg {
                let (teil, teil_werte) = teilwort_sql(pg, formen, alle.len() + 1);
                alle.extend(teil_werte);
                // Papers with every part in their head (Nr./Betreff/names, `s.kopf`) first.
                let (kopf, kopf_werte) = enthaelt_sql("s.kopf", formen, alle.len() + 1);
                alle.extend(kopf_werte);
                let dazu: Vec<i64> = self.db().query_map(
                    &format!(
                        "SELECT v.id FROM vorlage v JOIN vorlage_suche s ON s.rowid = v.id WHERE v.id IN ({teil}) AND {} ORDER BY ({kopf}) DESC, v.id DESC {grenze}",
                        und.join(" AND ")
                    ),
                    &alle.iter().map(|w| w.param()).collect::<Vec<Param>>(),
                    |r| r.get(0),
                )?;
                ids.extend(dazu);
            } else {
                let teil = suchtext::teilwort_anfrage(formen);
                let mut schon: std::collections::HashSet<i64> = ids.iter().copied().collect();
                let mut genommen = 0usize;
                for anfrage in [format!("kopf : ({teil})"), teil] {
                    let mut mit = alle.clone();
                    mit.push(anfrage);
                    let grenze = if rest == usize::MAX {
                        String::new()
                    } else {
                        format!("LIMIT {}", rest + genommen)
                    };
                    let dazu: Vec<i64> = self.db().query_map(
                        &format!(
                            "SELECT v.id FROM vorlage_teilwort t JOIN vorlage v ON v.id = t.rowid WHERE vorlage_teilwort MATCH ?{} AND {} ORDER BY t.rowid DESC {grenze}",
                            mit.len(),
                            und.join(" AND ")
                        ),
                        &mit.iter().map(|w| w.param()).collect::<Vec<Param>>(),
                        |r| r.get(0),
                    )?;
                    for id in dazu {
                        if genommen < rest && schon.insert(id) {
                            ids.push(id);
                            genommen += 1;
                        }
                    }
                }
            }
        }
        let position: std::collections::HashMap<i64, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let liste = serde_json::to_string(&ids).expect("ids serialisieren");
        let mut zeilen: Vec<VorlageZeile> =
            self.db()
                .query_map(if pg { LISTE_PG } else { LISTE_SQLITE }, p![liste], |r| {
                    Ok(VorlageZeile {
                        id: VorlageId(r.get(0)?),
                        nummer: r.get(1)?,
                        art: wert(r, 2)?,
                        status: wert(r, 3)?,
                        zustand: wert(r, 4)?,
                        betreff: r.get(5)?,
                        verfasser: r.get(6)?,
                        gremien: r.get(7)?,
                        offene_befunde: r.get(8)?,
                        ersetzt: r.get(9)?,
                        version: r.get(10)?,
                        geaendert: zeitpunkt_aus(r, 11)?,
                        fundstelle: None,
                    })
                })?;
        zeilen.sort_by_key(|z| position.get(&z.id.0).copied().unwrap_or(usize::MAX));
        if let Some(text) = filter.suche.as_deref().filter(|_| !zeilen.is_empty()) {
            // Only papers with Anlagen text can have a Fundstelle: found in one query.
            let mit_anlagen: Vec<i64> = self.db().query_map(
                &format!(
                    "SELECT DISTINCT a.vorlage_id FROM anlage a WHERE a.vorlage_id IN ({})
                       AND EXISTS (SELECT 1 FROM anlage_seite s WHERE s.anlage_id = a.id)",
                    if pg {
                        "SELECT value::bigint FROM json_array_elements_text(CAST(?1 AS text)::json)"
                    } else {
                        "SELECT value FROM json_each(?1)"
                    }
                ),
                p![liste],
                |r| r.get(0),
            )?;
            let mit_anlagen: std::collections::HashSet<i64> = mit_anlagen.into_iter().collect();
            let woerter = suchtext::anfrage_woerter(text);
            for z in zeilen.iter_mut().filter(|z| mit_anlagen.contains(&z.id.0)) {
                z.fundstelle = self.fundstelle(z.id.0, &woerter)?;
            }
        }
        Ok(zeilen)
    }
}

impl Store {
    /// Where the query words `woerter` (their folded forms) are, when not all in the
    /// paper's own fields: the first Anlage page that holds the missing ones.
    fn fundstelle(&self, id: i64, woerter: &[Vec<String>]) -> Result<Option<String>, StoreError> {
        let eigen: String = self.db().query_row(
            "SELECT coalesce(nummer, '') || ' ' || betreff || ' ' || verfasser || ' ' || bearbeiter || ' ' || beschlussvorschlag || ' ' || sachverhalt
             FROM vorlage WHERE id = ?1",
            p![id],
            |r| r.get(0),
        )?;
        let eigen = suchtext::falten(&eigen);
        let fehlend: Vec<&Vec<String>> = woerter
            .iter()
            .filter(|formen| !formen.iter().any(|f| eigen.contains(f.as_str())))
            .collect();
        if fehlend.is_empty() {
            return Ok(None);
        }
        let mut gefunden = None;
        self.db().each(
            "SELECT a.pos, a.name, s.seite, s.text FROM anlage_seite s JOIN anlage a ON a.id = s.anlage_id
             WHERE a.vorlage_id = ?1 ORDER BY a.pos, s.seite",
            p![id],
            |r| {
                let text: String = r.get(3)?;
                let da = fehlend
                    .iter()
                    .all(|formen| formen.iter().any(|f| text.contains(f.as_str())));
                if da {
                    let (pos, name, seite): (i64, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
                    gefunden = Some(if seite > 0 {
                        format!("gefunden in Anlage {pos}: {name}, S. {seite}")
                    } else {
                        format!("gefunden in Anlage {pos}: {name}")
                    });
                }
                Ok(!da)
            },
        )?;
        Ok(gefunden)
    }

    /// How many Vorlagen of each Art were released in `jahr` (on the office's clock), for
    /// the year's report; every Art listed, also with none.
    pub fn vorlagen_freigegeben_je_art(
        &self,
        jahr: i32,
    ) -> Result<Vec<(VorlageArt, usize)>, StoreError> {
        use chrono::Datelike;
        let zeilen: Vec<(VorlageArt, Option<NaiveDateTime>)> = self.db().query_map(
            "SELECT art, freigegeben_am FROM vorlage WHERE nummer IS NOT NULL AND geloescht IS NULL",
            p![],
            |r| Ok((wert(r, 0)?, super::zeitpunkt::zeitpunkt_opt_aus(r, 1)?)),
        )?;
        Ok(VorlageArt::ALLE
            .iter()
            .map(|art| {
                let n = zeilen
                    .iter()
                    .filter(|(a, am)| a == art && am.is_some_and(|t| t.year() == jahr))
                    .count();
                (*art, n)
            })
            .collect())
    }
}
