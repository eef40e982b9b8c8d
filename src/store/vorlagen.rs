//! Tables `vorlage`, `beratungsschritt`, `finanzen`: the Vorlagen, their lifecycle
//! (Entwurf → freigegeben → neue Fassung) and the optimistic concurrency that refuses a
//! stale save.
//!
//! Every change runs in one IMMEDIATE transaction that first checks the version the caller
//! based the change on; a mismatch is [`StoreError::Konflikt`] and nothing is written. A
//! change that would store a wrong value is refused whole ([`StoreError::Ungueltig`]).

use super::anlagen::{self, AnlageInfo};
use super::fehler::StoreError;
use super::{buero, suche, wert, wert_opt, zeit, Store};
use crate::domain::befund::{self, Befund, Schwere};
use crate::domain::finanzen::{FinanzSummen, Posten};
use crate::domain::nummer::{self, Nummernschema};
use crate::domain::pruefung::{self, AnlageKurz};
use crate::domain::{
    Beratungsschritt, Cent, FinanzArt, Finanzen, FinanzenEingabe, Haushaltsmittel, Klimarelevanz,
    Status, Unterschrift, VorlageArt, VorlageId, VorlageInhalt, Zeichnung, Zustand,
};
use chrono::{Datelike, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, ToSql, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

/// The result of a change: the new version to base the next change on, and the findings.
#[derive(Debug, Clone, Serialize)]
pub struct Gespeichert {
    pub id: VorlageId,
    pub version: i64,
    pub geaendert: String,
    pub befunde: Vec<Befund>,
    /// The finance sums of the saved content (the editor shows them beside the table).
    pub summen: FinanzSummen,
}

/// One Fassung of a Vorlage with everything the editor shows.
#[derive(Debug, Clone, Serialize)]
pub struct VorlageAkte {
    pub id: VorlageId,
    pub nummer: Option<String>,
    pub zustand: Zustand,
    pub fassung: i64,
    pub stamm_id: Option<VorlageId>,
    pub vorgaenger_id: Option<VorlageId>,
    pub nachfolger_id: Option<VorlageId>,
    pub version: i64,
    pub erstellt: String,
    pub geaendert: String,
    pub freigegeben_am: Option<String>,
    pub inhalt: VorlageInhalt,
    pub anlagen: Vec<AnlageInfo>,
    pub befunde: Vec<Befund>,
    pub summen: FinanzSummen,
}

impl VorlageAkte {
    /// The Vorlage as a public output shows it: a nichtöffentliche Anlage's very name is
    /// nichtöffentlich, so it leaves the Anlagen list (OParl export, public packet).
    pub fn oeffentliche_fassung(mut self) -> VorlageAkte {
        self.anlagen.retain(|a| a.status == Status::Oeffentlich);
        self
    }
}

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
    pub geaendert: String,
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

const AKTE_SPALTEN: &str = "id, nummer, zustand, fassung, stamm_id, vorgaenger_id,
    (SELECT n.id FROM vorlage n WHERE n.vorgaenger_id = v.id AND n.geloescht IS NULL), version, erstellt, geaendert, freigegeben_am,
    art, status, betreff, verfasser, federfuehrend, bearbeiter, klimarelevanz, beschlussvorschlag, sachverhalt";

fn finanzen_lesen(conn: &Connection, id: i64) -> Result<Finanzen, StoreError> {
    let spalten: Vec<&str> = Posten::ALLE.iter().map(|p| p.key()).collect();
    let sql = format!(
        "SELECT art, haushaltsmittel, {} FROM finanzen WHERE vorlage_id = ?1",
        spalten.join(", ")
    );
    let fin = conn
        .query_row(&sql, [id], |r| {
            let art: String = r.get(0)?;
            let hm: Option<String> = r.get(1)?;
            let mut f = Finanzen {
                art: if art == "folgende" {
                    FinanzArt::Folgende
                } else {
                    FinanzArt::Keine
                },
                haushaltsmittel: hm.as_deref().and_then(Haushaltsmittel::from_key),
                ..Default::default()
            };
            for (i, p) in Posten::ALLE.iter().enumerate() {
                f.setzen(*p, r.get::<_, Option<i64>>(i + 2)?.map(Cent));
            }
            Ok(f)
        })
        .optional()?;
    Ok(fin.unwrap_or_default())
}

/// The finance table as typed (schema 8); `None` for rows written before it.
fn eingabe_lesen(conn: &Connection, id: i64) -> Result<Option<FinanzenEingabe>, StoreError> {
    let text: Option<String> = conn
        .query_row(
            "SELECT eingabe FROM finanzen WHERE vorlage_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

fn beratungsfolge_lesen(conn: &Connection, id: i64) -> Result<Vec<Beratungsschritt>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT gremium, rolle, datum, ergebnis FROM beratungsschritt WHERE vorlage_id = ?1 ORDER BY pos",
    )?;
    let schritte = stmt
        .query_map([id], |r| {
            Ok(Beratungsschritt {
                gremium: r.get(0)?,
                rolle: wert(r, 1)?,
                datum: r.get(2)?,
                ergebnis: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(schritte)
}

/// The stored content of one Fassung.
pub(crate) fn inhalt_lesen(conn: &Connection, id: i64) -> Result<VorlageInhalt, StoreError> {
    let mut inhalt = conn
        .query_row(
            "SELECT art, status, betreff, verfasser, federfuehrend, bearbeiter, klimarelevanz, beschlussvorschlag, sachverhalt,
                    unterschrift_modus, unterschrift_name, unterschrift_funktion, unterschrift_behoerdenleitung
             FROM vorlage WHERE id = ?1",
            [id],
            |r| {
                Ok(VorlageInhalt {
                    art: wert(r, 0)?,
                    status: wert(r, 1)?,
                    betreff: r.get(2)?,
                    verfasser: r.get(3)?,
                    federfuehrend: r.get(4)?,
                    bearbeiter: r.get(5)?,
                    klimarelevanz: wert_opt::<Klimarelevanz>(r, 6)?,
                    beschlussvorschlag: r.get(7)?,
                    sachverhalt: r.get(8)?,
                    unterschrift: match r.get::<_, Option<String>>(9)? {
                        Some(m) => Some(Unterschrift {
                            behoerdenleitung: r.get(12)?,
                            modus: Zeichnung::from_key(&m).unwrap_or_default(),
                            name: r.get(10)?,
                            funktion: r.get(11)?,
                        }),
                        None => None,
                    },
                    ..Default::default()
                })
            },
        )
        .optional()?
        .ok_or(StoreError::NichtGefunden { was: "Vorlage", id })?;
    inhalt.beratungsfolge = beratungsfolge_lesen(conn, id)?;
    inhalt.finanzen = match eingabe_lesen(conn, id)? {
        Some(eingabe) => eingabe,
        None => finanzen_lesen(conn, id)?.als_eingabe(),
    };
    Ok(inhalt)
}

fn inhalt_schreiben(
    conn: &Connection,
    id: i64,
    inhalt: &VorlageInhalt,
    fin: &Finanzen,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE vorlage SET art = ?2, status = ?3, betreff = ?4, verfasser = ?5, federfuehrend = ?6, bearbeiter = ?7,
                klimarelevanz = ?8, beschlussvorschlag = ?9, sachverhalt = ?10,
                unterschrift_modus = ?11, unterschrift_name = ?12, unterschrift_funktion = ?13,
                unterschrift_behoerdenleitung = ?14 WHERE id = ?1",
        params![
            id,
            inhalt.art.key(),
            inhalt.status.key(),
            inhalt.betreff,
            inhalt.verfasser,
            inhalt.federfuehrend,
            inhalt.bearbeiter,
            inhalt.klimarelevanz.map(|k| k.key()),
            inhalt.beschlussvorschlag,
            inhalt.sachverhalt,
            inhalt.unterschrift.as_ref().map(|u| u.modus.key()),
            inhalt.unterschrift.as_ref().map(|u| u.name.as_str()).unwrap_or(""),
            inhalt.unterschrift.as_ref().map(|u| u.funktion.as_str()).unwrap_or(""),
            inhalt.unterschrift.as_ref().map(|u| u.behoerdenleitung.as_str()).unwrap_or("")
        ],
    )?;
    conn.execute("DELETE FROM beratungsschritt WHERE vorlage_id = ?1", [id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO beratungsschritt (vorlage_id, pos, gremium, rolle, datum, ergebnis) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (pos, s) in inhalt.beratungsfolge.iter().enumerate() {
        stmt.execute(params![
            id,
            pos as i64,
            s.gremium,
            s.rolle.key(),
            s.datum,
            s.ergebnis
        ])?;
    }
    let spalten: Vec<&str> = Posten::ALLE.iter().map(|p| p.key()).collect();
    let platzhalter: Vec<String> = (4..4 + spalten.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT OR REPLACE INTO finanzen (vorlage_id, art, haushaltsmittel, eingabe, {}) VALUES (?1, ?2, ?3, ?{}, {})",
        spalten.join(", "),
        4 + spalten.len(),
        platzhalter.join(", ")
    );
    let art = match fin.art {
        FinanzArt::Keine => "keine",
        FinanzArt::Folgende => "folgende",
    };
    let hm = fin.haushaltsmittel.map(|h| h.key());
    let betraege: Vec<Option<i64>> = Posten::ALLE
        .iter()
        .map(|p| fin.betrag(*p).map(|c| c.0))
        .collect();
    let eingabe = serde_json::to_string(&inhalt.finanzen).expect("Finanzen serialisieren");
    let mut werte: Vec<&dyn ToSql> = vec![&id, &art, &hm];
    werte.extend(betraege.iter().map(|b| b as &dyn ToSql));
    werte.push(&eingabe);
    conn.prepare_cached(&sql)?.execute(&*werte)?;
    Ok(())
}

/// Version and state check before any change.
fn kopf_pruefen(conn: &Connection, id: i64, basis: i64) -> Result<(), StoreError> {
    super::papierkorb::nicht_im_papierkorb(conn, super::PapierkorbArt::Vorlage, id)?;
    let (zustand, version, nummer): (String, i64, Option<String>) = conn
        .query_row(
            "SELECT zustand, version, nummer FROM vorlage WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or(StoreError::NichtGefunden { was: "Vorlage", id })?;
    if zustand == "freigegeben" {
        return Err(StoreError::Freigegeben {
            nummer: nummer.unwrap_or_default(),
        });
    }
    if version != basis {
        return Err(StoreError::Konflikt {
            basis,
            aktuell: version,
        });
    }
    Ok(())
}

fn befunde_berechnen(
    conn: &Connection,
    id: i64,
) -> Result<(VorlageInhalt, Finanzen, Vec<Befund>), StoreError> {
    let inhalt = inhalt_lesen(conn, id)?;
    let kurz = anlagen::kurz(conn, id)?;
    let (fin, befunde) = pruefung::pruefen(&inhalt, &kurz);
    Ok((inhalt, fin, befunde))
}

/// Bumps the version, records the findings' count and re-indexes.
fn abschluss(
    conn: &Connection,
    id: i64,
    jetzt: NaiveDateTime,
    (fin, befunde): (Finanzen, Vec<Befund>),
) -> Result<Gespeichert, StoreError> {
    let geaendert = zeit(jetzt);
    let version: i64 = conn.query_row(
        "UPDATE vorlage SET version = version + 1, geaendert = ?2, offene_befunde = ?3 WHERE id = ?1 RETURNING version",
        params![id, geaendert, pruefung::offene(&befunde) as i64],
        |r| r.get(0),
    )?;
    suche::indizieren(conn, id)?;
    Ok(Gespeichert {
        id: VorlageId(id),
        version,
        geaendert,
        befunde,
        summen: fin.summen(),
    })
}

pub(super) fn schreibtransaktion(conn: &mut Connection) -> Result<Transaction<'_>, StoreError> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| StoreError::from(e).gesperrt_erkennen())
}

pub(super) fn commit(tx: Transaction<'_>) -> Result<(), StoreError> {
    tx.commit()
        .map_err(|e| StoreError::from(e).gesperrt_erkennen())
}

/// Normalises and checks content; refuses it when it carries a wrong value.
fn annehmbar(
    inhalt: &VorlageInhalt,
    anlagen: &[AnlageKurz],
) -> Result<(VorlageInhalt, Finanzen), StoreError> {
    let inhalt = inhalt.normalisiert();
    let (fin, befunde) = pruefung::pruefen(&inhalt, anlagen);
    if befund::erreicht(&befunde, Schwere::Fehler) {
        return Err(StoreError::Ungueltig(
            befunde
                .into_iter()
                .filter(|b| b.schwere == Schwere::Fehler)
                .collect(),
        ));
    }
    Ok((inhalt, fin))
}

impl Store {
    /// Creates a new draft. Content with a wrong value (an impossible date, a malformed
    /// amount) is refused; incomplete content is saved and reported.
    pub fn vorlage_anlegen(
        &mut self,
        inhalt: &VorlageInhalt,
        jetzt: NaiveDateTime,
    ) -> Result<Gespeichert, StoreError> {
        let (inhalt, fin) = annehmbar(inhalt, &[])?;
        let tx = schreibtransaktion(&mut self.conn)?;
        let t = zeit(jetzt);
        tx.execute(
            "INSERT INTO vorlage (zustand, art, status, betreff, version, erstellt, geaendert)
             VALUES ('entwurf', ?1, ?2, '', 0, ?3, ?3)",
            params![inhalt.art.key(), inhalt.status.key(), t],
        )?;
        let id = tx.last_insert_rowid();
        inhalt_schreiben(&tx, id, &inhalt, &fin)?;
        let (_, fin, befunde) = befunde_berechnen(&tx, id)?;
        let g = abschluss(&tx, id, jetzt, (fin, befunde))?;
        commit(tx)?;
        Ok(g)
    }

    /// Saves the content of a draft, based on version `basis`, as typed: a wrong value (an
    /// impossible date, a malformed amount, a character no font can print) is kept and
    /// reported as a finding at its field; it blocks the release, never the save.
    pub fn vorlage_speichern(
        &mut self,
        id: VorlageId,
        basis: i64,
        inhalt: &VorlageInhalt,
        jetzt: NaiveDateTime,
    ) -> Result<Gespeichert, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        kopf_pruefen(&tx, id.0, basis)?;
        let kurz = anlagen::kurz(&tx, id.0)?;
        let inhalt = inhalt.normalisiert();
        let (fin, befunde) = pruefung::pruefen(&inhalt, &kurz);
        if inhalt_lesen(&tx, id.0)? == inhalt {
            // Nothing changed: no new version, nothing written.
            let geaendert: String =
                tx.query_row("SELECT geaendert FROM vorlage WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })?;
            return Ok(Gespeichert {
                id,
                version: basis,
                geaendert,
                befunde,
                summen: fin.summen(),
            });
        }
        inhalt_schreiben(&tx, id.0, &inhalt, &fin)?;
        let g = abschluss(&tx, id.0, jetzt, (fin, befunde))?;
        commit(tx)?;
        Ok(g)
    }

    /// Runs `aenderung` on a draft inside the version-checked transaction, then recomputes
    /// the findings and bumps the version (used for the Anlagen).
    pub(super) fn entwurf_aendern<T>(
        &mut self,
        id: VorlageId,
        basis: i64,
        jetzt: NaiveDateTime,
        aenderung: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<(Gespeichert, T), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        kopf_pruefen(&tx, id.0, basis)?;
        let t = aenderung(&tx)?;
        let (_, fin, befunde) = befunde_berechnen(&tx, id.0)?;
        let g = abschluss(&tx, id.0, jetzt, (fin, befunde))?;
        commit(tx)?;
        Ok((g, t))
    }

    /// Everything about one Fassung.
    pub fn vorlage(&self, id: VorlageId) -> Result<VorlageAkte, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let akte = tx
            .query_row(
                &format!("SELECT {AKTE_SPALTEN} FROM vorlage v WHERE id = ?1"),
                [id.0],
                |r| {
                    Ok(VorlageAkte {
                        id: VorlageId(r.get(0)?),
                        nummer: r.get(1)?,
                        zustand: wert(r, 2)?,
                        fassung: r.get(3)?,
                        stamm_id: r.get::<_, Option<i64>>(4)?.map(VorlageId),
                        vorgaenger_id: r.get::<_, Option<i64>>(5)?.map(VorlageId),
                        nachfolger_id: r.get::<_, Option<i64>>(6)?.map(VorlageId),
                        version: r.get(7)?,
                        erstellt: r.get(8)?,
                        geaendert: r.get(9)?,
                        freigegeben_am: r.get(10)?,
                        inhalt: VorlageInhalt::default(),
                        anlagen: Vec::new(),
                        befunde: Vec::new(),
                        summen: FinanzSummen::default(),
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NichtGefunden {
                was: "Vorlage",
                id: id.0,
            })?;
        let (inhalt, fin, befunde) = befunde_berechnen(&tx, id.0)?;
        let anlagen = anlagen::liste(&tx, id.0)?;
        Ok(VorlageAkte {
            inhalt,
            anlagen,
            befunde,
            summen: fin.summen(),
            ..akte
        })
    }

    /// A search whose every word is in more than `gemein_ab` papers: ranking all of them by
    /// bm25 costs a full pass and says little (the word hardly tells papers apart). The
    /// list then shows the papers with the words in Nr./Betreff/names first, then the
    /// others, each newest first — read straight off the index, stopping at `grenze`.
    /// `None` when the search is selective (then bm25 ranks as usual).
    fn gemeine_suche(&self, text: &str, grenze: usize) -> Result<Option<Vec<i64>>, StoreError> {
        let woerter = crate::domain::suchtext::anfrage_woerter(text);
        let Some(anfrage) = crate::domain::suchtext::anfrage(text) else {
            return Ok(None);
        };
        let mut zaehlen = self.conn.prepare_cached(
            "SELECT coalesce(sum(doc), 0) FROM vorlage_suche_vokabel WHERE term >= ?1 AND term < ?1 || char(1114111)",
        )?;
        for formen in &woerter {
            // Papers with a term starting with the word (an upper bound: a paper with two
            // such terms counts twice, which only makes the cheap path rarer).
            let mut haeufig = 0i64;
            for f in formen {
                haeufig = haeufig.max(zaehlen.query_row([f], |r| r.get(0))?);
            }
            if haeufig <= self.gemein_ab {
                return Ok(None);
            }
        }
        let mut ids: Vec<i64> = self
            .conn
            .prepare_cached("SELECT rowid FROM vorlage_suche WHERE vorlage_suche MATCH ?1 ORDER BY rowid DESC LIMIT ?2")?
            .query_map(params![format!("kopf : ({anfrage})"), grenze as i64], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if ids.len() < grenze {
            let schon: std::collections::HashSet<i64> = ids.iter().copied().collect();
            let mut rest = self.conn.prepare_cached(
                "SELECT rowid FROM vorlage_suche WHERE vorlage_suche MATCH ?1 ORDER BY rowid DESC",
            )?;
            let mut zeilen = rest.query([&anfrage])?;
            while let Some(r) = zeilen.next()? {
                let id: i64 = r.get(0)?;
                if !schon.contains(&id) {
                    ids.push(id);
                    if ids.len() == grenze {
                        break;
                    }
                }
            }
        }
        Ok(Some(ids))
    }

    /// The list, filtered, searched and sorted.
    pub fn vorlagen(&self, filter: &VorlagenFilter) -> Result<Vec<VorlageZeile>, StoreError> {
        let mut bedingungen: Vec<String> = Vec::new();
        let mut werte: Vec<Box<dyn ToSql>> = Vec::new();
        let mut von = "vorlage v".to_string();
        let mut treffer_sortierung = false;
        let mut nur_suche = false;
        if let Some(text) = filter.suche.as_deref().filter(|t| !t.trim().is_empty()) {
            match crate::domain::suchtext::anfrage(text) {
                Some(anfrage) => {
                    von = "vorlage_suche s JOIN vorlage v ON v.id = s.rowid".into();
                    nur_suche = true;
                    werte.push(Box::new(anfrage));
                    bedingungen.push(format!("vorlage_suche MATCH ?{}", werte.len()));
                    treffer_sortierung = true;
                }
                None => return Ok(Vec::new()),
            }
        }
        if let Some(art) = filter.art {
            werte.push(Box::new(art.key()));
            bedingungen.push(format!("v.art = ?{}", werte.len()));
        }
        if let Some(status) = filter.status {
            werte.push(Box::new(status.key()));
            bedingungen.push(format!("v.status = ?{}", werte.len()));
        }
        if let Some(zustand) = filter.zustand {
            werte.push(Box::new(zustand.key()));
            bedingungen.push(format!("v.zustand = ?{}", werte.len()));
        }
        if let Some(gremium) = filter.gremium.as_deref().filter(|g| !g.trim().is_empty()) {
            werte.push(Box::new(gremium.trim().to_string()));
            bedingungen.push(format!(
                "EXISTS (SELECT 1 FROM beratungsschritt b WHERE b.vorlage_id = v.id AND b.gremium = ?{})",
                werte.len()
            ));
        }
        let richtung = if filter.absteigend { "DESC" } else { "ASC" };
        let ordnung = match filter.sortierung {
            Sortierung::Standard if treffer_sortierung => {
                "bm25(vorlage_suche, 5.0, 1.0), v.id DESC".to_string()
            }
            Sortierung::Standard => "v.geaendert DESC, v.id DESC".to_string(),
            Sortierung::Nummer => format!("v.nummer IS NULL, v.nummer {richtung}, v.id {richtung}"),
            Sortierung::Betreff => format!("v.betreff COLLATE NOCASE {richtung}, v.id"),
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
        let ids_sql = if nur_suche {
            format!("SELECT rowid FROM vorlage_suche WHERE vorlage_suche MATCH ?1 ORDER BY rank, rowid DESC {grenze}")
        } else {
            format!("SELECT v.id FROM {von} {wo} ORDER BY {ordnung} {grenze}")
        };
        let gemein = match (&filter.suche, filter.grenze) {
            (Some(text), Some(grenze)) if nur_suche => self.gemeine_suche(text, grenze as usize)?,
            _ => None,
        };
        let ids: Vec<i64> = match gemein {
            Some(ids) => ids,
            None => self
                .conn
                .prepare_cached(&ids_sql)?
                .query_map(rusqlite::params_from_iter(werte.iter()), |r| r.get(0))?
                .collect::<Result<_, _>>()?,
        };
        let position: std::collections::HashMap<i64, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let liste = serde_json::to_string(&ids).expect("ids serialisieren");
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.nummer, v.art, v.status, v.zustand, v.betreff, v.verfasser,
                    coalesce((SELECT group_concat(b.gremium, ' → ' ORDER BY b.pos) FROM beratungsschritt b WHERE b.vorlage_id = v.id), ''),
                    v.offene_befunde, EXISTS (SELECT 1 FROM vorlage n WHERE n.vorgaenger_id = v.id AND n.geloescht IS NULL), v.version, v.geaendert
             FROM vorlage v WHERE v.id IN (SELECT value FROM json_each(?1)) AND v.geloescht IS NULL",
        )?;
        let mut zeilen: Vec<VorlageZeile> = stmt
            .query_map([liste], |r| {
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
                    geaendert: r.get(11)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        zeilen.sort_by_key(|z| position.get(&z.id.0).copied().unwrap_or(usize::MAX));
        Ok(zeilen)
    }

    /// Releases a draft: checks it is complete, assigns its number (the next of the
    /// office's scheme, or the Stamm's number with `/n` for a revision) and freezes it.
    pub fn vorlage_freigeben(
        &mut self,
        id: VorlageId,
        basis: i64,
        jetzt: NaiveDateTime,
    ) -> Result<Gespeichert, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        kopf_pruefen(&tx, id.0, basis)?;
        let (_, fin, befunde) = befunde_berechnen(&tx, id.0)?;
        if befund::erreicht(&befunde, Schwere::Unvollstaendig) {
            return Err(StoreError::Ungueltig(
                befunde
                    .into_iter()
                    .filter(|b| b.schwere >= Schwere::Unvollstaendig)
                    .collect(),
            ));
        }
        let (stamm, fassung): (Option<i64>, i64) = tx.query_row(
            "SELECT stamm_id, fassung FROM vorlage WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let nummer = match stamm {
            Some(stamm) => {
                let stamm_nummer: Option<String> =
                    tx.query_row("SELECT nummer FROM vorlage WHERE id = ?1", [stamm], |r| {
                        r.get(0)
                    })?;
                nummer::fassung(&stamm_nummer.unwrap_or_default(), fassung as u32)
            }
            None => naechste_nummer(&tx, jetzt)?,
        };
        tx.execute(
            "UPDATE vorlage SET zustand = 'freigegeben', nummer = ?2, freigegeben_am = ?3 WHERE id = ?1",
            params![id.0, nummer, zeit(jetzt)],
        )?;
        let g = abschluss(&tx, id.0, jetzt, (fin, befunde))?;
        commit(tx)?;
        Ok(g)
    }

    /// Starts a new Fassung of a released Vorlage: a draft with the same content and
    /// Anlagen; the released one stays readable and unchanged.
    pub fn vorlage_neue_fassung(
        &mut self,
        id: VorlageId,
        jetzt: NaiveDateTime,
    ) -> Result<Gespeichert, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let (zustand, nachfolger): (String, Option<String>) = tx
            .query_row(
                "SELECT zustand, (SELECT coalesce(n.nummer, 'Entwurf ' || n.id) FROM vorlage n WHERE n.vorgaenger_id = v.id AND n.geloescht IS NULL)
                 FROM vorlage v WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NichtGefunden { was: "Vorlage", id: id.0 })?;
        if zustand != "freigegeben" {
            return Err(StoreError::NochEntwurf);
        }
        if let Some(n) = nachfolger {
            return Err(StoreError::NeuereFassung(n));
        }
        let t = zeit(jetzt);
        tx.execute(
            "INSERT INTO vorlage (stamm_id, fassung, vorgaenger_id, zustand, art, status, betreff, verfasser, federfuehrend,
                                  bearbeiter, klimarelevanz, beschlussvorschlag, sachverhalt, unterschrift_modus,
                                  unterschrift_name, unterschrift_funktion, unterschrift_behoerdenleitung, version,
                                  erstellt, geaendert)
             SELECT coalesce(stamm_id, id), fassung + 1, id, 'entwurf', art, status, betreff, verfasser, federfuehrend,
                    bearbeiter, klimarelevanz, beschlussvorschlag, sachverhalt, unterschrift_modus,
                    unterschrift_name, unterschrift_funktion, unterschrift_behoerdenleitung, 0, ?2, ?2
             FROM vorlage WHERE id = ?1",
            params![id.0, t],
        )?;
        let neu = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO beratungsschritt (vorlage_id, pos, gremium, rolle, datum, ergebnis)
             SELECT ?2, pos, gremium, rolle, datum, ergebnis FROM beratungsschritt WHERE vorlage_id = ?1",
            params![id.0, neu],
        )?;
        let spalten: Vec<&str> = Posten::ALLE.iter().map(|p| p.key()).collect();
        tx.execute(
            &format!(
                "INSERT INTO finanzen (vorlage_id, art, haushaltsmittel, {s}) SELECT ?2, art, haushaltsmittel, {s} FROM finanzen WHERE vorlage_id = ?1",
                s = spalten.join(", ")
            ),
            params![id.0, neu],
        )?;
        anlagen::kopieren(&tx, id.0, neu)?;
        let (_, fin, befunde) = befunde_berechnen(&tx, neu)?;
        let g = abschluss(&tx, neu, jetzt, (fin, befunde))?;
        commit(tx)?;
        Ok(g)
    }
}

/// The next free number of the office's scheme; the counter advances past numbers that
/// are taken already (e.g. after the scheme was changed).
fn naechste_nummer(conn: &Connection, jetzt: NaiveDateTime) -> Result<String, StoreError> {
    let b = buero::lesen(conn)?;
    let schema = Nummernschema::parse(&b.nummernschema).map_err(|e| {
        StoreError::Ungueltig(vec![Befund::unvollstaendig(
            "nummernschema",
            format!("Einstellungen, Nummernschema: {e}."),
        )])
    })?;
    if schema.braucht_wahlperiode() && b.wahlperiode.trim().is_empty() {
        return Err(StoreError::Ungueltig(vec![Befund::unvollstaendig(
            "wahlperiode",
            "Einstellungen: Die Wahlperiode fehlt, das Nummernschema braucht sie.",
        )]));
    }
    let schluessel = schema.zaehler(jetzt.year(), &b.wahlperiode);
    let mut nr: i64 = conn
        .query_row(
            "SELECT letzte FROM nummer_zaehler WHERE schluessel = ?1",
            [&schluessel],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    loop {
        nr += 1;
        let kandidat = schema.formatieren(nr as u32, jetzt.year(), &b.wahlperiode);
        let vergeben: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM vorlage WHERE nummer = ?1)",
            [&kandidat],
            |r| r.get(0),
        )?;
        if !vergeben {
            conn.execute(
                "INSERT INTO nummer_zaehler (schluessel, letzte) VALUES (?1, ?2)
                 ON CONFLICT (schluessel) DO UPDATE SET letzte = excluded.letzte",
                params![schluessel, nr],
            )?;
            return Ok(kandidat);
        }
    }
}
