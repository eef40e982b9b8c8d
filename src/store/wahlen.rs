//! Wahlen, their Wahlvorschläge and candidates, the counted ballots and the lots (tables
//! of schema 6). The store keeps what was entered; what it means — who is elected, what
//! comes next — is `domain::wahl::stand`, computed on every read. A count or a lot is
//! accepted only where the course of the Wahl asks for it, so a run-off cannot be entered
//! before it is due and no lot is drawn twice.

use super::fehler::StoreError;
use super::personen::{person_aus, person_lesen, MITGLIED_AM_TAG, PERSON_SPALTEN};
use super::sql::{p, Db};
use super::zeitpunkt::{zeitpunkt, zeitpunkt_aus};
use super::{commit, schreibtransaktion, ungueltig, zeit_aus, Store};
use crate::domain::person::Person;
use crate::domain::wahl::akte::{self, Kandidatur, LosAkte, VorschlagAkte, WahlAkte, WahlNeu};
use crate::domain::wahl::{self, Losziehung, WahlArt, Wahlgang, Zaehlung};
use crate::domain::{GremiumId, PersonId, SitzungId, TopId};
use chrono::NaiveDateTime;

fn nicht_gefunden(was: &'static str, id: i64) -> StoreError {
    StoreError::NichtGefunden { was, id }
}

impl Store {
    pub fn wahl_anlegen(
        &mut self,
        neu: &WahlNeu,
        jetzt: NaiveDateTime,
    ) -> Result<WahlAkte, StoreError> {
        neu.pruefen()?;
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db()
            .query_opt(
                "SELECT id FROM sitzung WHERE id = ?1",
                p![neu.sitzung.0],
                |r| r.get::<i64>(0),
            )?
            .ok_or(nicht_gefunden("Sitzung", neu.sitzung.0))?;
        if let Some(t) = neu.top {
            let passt: bool = tx.db().query_row(
                "SELECT count(*) > 0 FROM top WHERE id = ?1 AND sitzung_id = ?2",
                p![t.0, neu.sitzung.0],
                |r| r.get(0),
            )?;
            if !passt {
                return Err(ungueltig(
                    "top",
                    format!("TOP {} gehört nicht zu dieser Sitzung.", t.0),
                ));
            }
        }
        if let Some(g) = neu.ziel_gremium {
            tx.db()
                .query_opt("SELECT id FROM gremium WHERE id = ?1", p![g.0], |r| {
                    r.get::<i64>(0)
                })?
                .ok_or(nicht_gefunden("Gremium", g.0))?;
        }
        let id: i64 = tx.db().eins(
            "INSERT INTO wahl (sitzung_id, top_id, titel, ziel_gremium_id, sitze, stellvertreter, geheim, art, verfahren, einheitlich_mehrheit, nur_mitglieder, erstellt, geaendert)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12) RETURNING id",
            p![neu.sitzung.0, neu.top.map(|t| t.0), neu.titel.trim(), neu.ziel_gremium.map(|g| g.0), neu.sitze, neu.stellvertreter, neu.geheim, neu.art.key(), neu.verfahren.key(), neu.einheitlich_mehrheit, neu.nur_mitglieder, zeitpunkt(jetzt)],
        )?;
        commit(tx)?;
        self.wahl(id)
    }

    /// A Wahlvorschlag with its candidates in list order (Listenwahl; for a joint list
    /// the one list). Each candidate must be eligible and stand only once in the Wahl.
    pub fn wahlvorschlag_anlegen(
        &mut self,
        wahl: i64,
        name: &str,
        eingereicht_von: &str,
        kandidaten: &[PersonId],
        jetzt: NaiveDateTime,
    ) -> Result<WahlAkte, StoreError> {
        let akte = self.wahl(wahl)?;
        akte::vorschlag_pruefen(&akte, name, kandidaten.len())?;
        let name = name.trim();
        let tx = schreibtransaktion(&mut self.conn)?;
        let vid: i64 = tx.db().eins(
            "INSERT INTO wahlvorschlag (wahl_id, pos, name, eingereicht_von) VALUES (?1, (SELECT count(*) FROM wahlvorschlag WHERE wahl_id = ?1), ?2, ?3) RETURNING id",
            p![wahl, name, eingereicht_von.trim()],
        )?;
        for (pos, p) in kandidaten.iter().enumerate() {
            bewerbung(tx.db(), &akte, Some(vid), *p, pos)?;
        }
        geaendert(tx.db(), wahl, jetzt)?;
        commit(tx)?;
        self.wahl(wahl)
    }

    /// A new Bezeichnung of the Wahl (also after it was counted: it names the Wahl, it
    /// does not change it).
    pub fn wahl_umbenennen(
        &mut self,
        wahl: i64,
        titel: &str,
        jetzt: NaiveDateTime,
    ) -> Result<WahlAkte, StoreError> {
        akte::titel_pruefen(titel)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        let n = tx.db().execute(
            "UPDATE wahl SET titel = ?2 WHERE id = ?1 AND geloescht IS NULL",
            p![wahl, titel.trim()],
        )?;
        if n == 0 {
            return Err(StoreError::NichtGefunden {
                was: "Wahl",
                id: wahl,
            });
        }
        geaendert(tx.db(), wahl, jetzt)?;
        commit(tx)?;
        self.wahl(wahl)
    }

    /// A candidate of an Einzelwahl.
    pub fn kandidat_anlegen(
        &mut self,
        wahl: i64,
        person: PersonId,
        jetzt: NaiveDateTime,
    ) -> Result<WahlAkte, StoreError> {
        let akte = self.wahl(wahl)?;
        akte::einzelbewerbung_pruefen(&akte)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        bewerbung(tx.db(), &akte, None, person, akte.kandidaten.len())?;
        geaendert(tx.db(), wahl, jetzt)?;
        commit(tx)?;
        self.wahl(wahl)
    }

    /// Records the count of the ballot the Wahl is waiting for, after checking it.
    pub fn wahlgang_erfassen(
        &mut self,
        wahl: i64,
        z: &Zaehlung,
        jetzt: NaiveDateTime,
    ) -> Result<WahlAkte, StoreError> {
        let akte = self.wahl(wahl)?;
        let nr = akte::zaehlung_annehmen(&akte, z).map_err(StoreError::Ungueltig)?;
        let gang = z.gang;
        let tx = schreibtransaktion(&mut self.conn)?;
        let gid: i64 = tx.db().eins(
            "INSERT INTO wahlgang (wahl_id, nr, gang, abgegeben, ungueltig, enthaltungen, nein, erfasst) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
            p![wahl, nr, gang.key(), z.abgegeben as i64, z.ungueltig as i64, z.enthaltungen as i64, z.nein as i64, zeitpunkt(jetzt)],
        )?;
        for (name, anzahl) in &z.stimmen {
            let (person, vorschlag) = match akte.daten.art {
                WahlArt::Einzel => (
                    akte.kandidaten
                        .iter()
                        .find(|p| &p.name == name)
                        .map(|p| p.id.0),
                    None,
                ),
                _ => (
                    None,
                    akte.vorschlaege
                        .iter()
                        .find(|v| &v.name == name)
                        .map(|v| v.id),
                ),
            };
            tx.db().execute(
                "INSERT INTO stimmen (wahlgang_id, person_id, wahlvorschlag_id, anzahl) VALUES (?1, ?2, ?3, ?4)",
                p![gid, person, vorschlag, *anzahl as i64],
            )?;
        }
        geaendert(tx.db(), wahl, jetzt)?;
        commit(tx)?;
        self.wahl(wahl)
    }

    /// Records the lot the Wahl is waiting for: drawn by `gezogen_von` with `ergebnis`,
    /// or by the app from `seed` (recorded, so the draw can be repeated).
    pub fn los_erfassen(
        &mut self,
        wahl: i64,
        gezogen_von: &str,
        ergebnis: Option<Vec<String>>,
        seed: Option<u64>,
        jetzt: NaiveDateTime,
    ) -> Result<WahlAkte, StoreError> {
        let akte = self.wahl(wahl)?;
        let los = akte::los_annehmen(&akte, gezogen_von, ergebnis, seed)?;
        self.db().execute(
            "INSERT INTO los (wahl_id, nach_gang, zwischen, plaetze, gezogen_von, ergebnis, seed, zeit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            p![wahl, los.nach_gang, serde_json::to_string(&los.zwischen).expect("json"), los.plaetze, gezogen_von.trim(), serde_json::to_string(&los.gezogen).expect("json"), seed.map(|s| s as i64), zeitpunkt(jetzt)],
        )?;
        geaendert(self.db(), wahl, jetzt)?;
        self.wahl(wahl)
    }

    pub fn wahlen(&self, sitzung: SitzungId) -> Result<Vec<WahlAkte>, StoreError> {
        let ids: Vec<i64> = self.db().query_map(
            "SELECT id FROM wahl WHERE sitzung_id = ?1 AND geloescht IS NULL ORDER BY id",
            p![sitzung.0],
            |r| r.get(0),
        )?;
        ids.into_iter().map(|id| self.wahl(id)).collect()
    }

    pub fn wahl(&self, id: i64) -> Result<WahlAkte, StoreError> {
        wahl_lesen(self.db(), id)
    }
}

fn geaendert(db: Db<'_>, wahl: i64, jetzt: NaiveDateTime) -> Result<(), StoreError> {
    db.execute(
        "UPDATE wahl SET version = version + 1, geaendert = ?2 WHERE id = ?1",
        p![wahl, zeitpunkt(jetzt)],
    )?;
    Ok(())
}

/// One candidacy, after the eligibility check.
fn bewerbung(
    db: Db<'_>,
    akte: &WahlAkte,
    vorschlag: Option<i64>,
    person: PersonId,
    pos: usize,
) -> Result<(), StoreError> {
    let p = person_lesen(db, person)?;
    let stimmrecht: Option<bool> = db.query_row(
        &format!("SELECT max(m.stimmrecht) = 1 FROM mitgliedschaft m JOIN sitzung s ON s.gremium_id = m.gremium_id WHERE s.id = ?1 AND m.person_id = ?2 AND {MITGLIED_AM_TAG}"),
        p![akte.daten.sitzung.0, person.0],
        |r| r.get(0),
    )?;
    let schon: bool = db.query_row(
        "SELECT count(*) > 0 FROM bewerbung WHERE wahl_id = ?1 AND person_id = ?2",
        p![akte.id, person.0],
        |r| r.get(0),
    )?;
    let gleichnamig: bool = db.query_row(
        "SELECT count(*) > 0 FROM bewerbung b JOIN person p ON p.id = b.person_id WHERE b.wahl_id = ?1 AND trim(p.titel || ' ' || p.vorname || ' ' || p.nachname) = trim(?2)",
        p![akte.id, format!("{} {} {}", p.daten.titel.trim(), p.daten.vorname.trim(), p.daten.nachname.trim())],
        |r| r.get(0),
    )?;
    akte::kandidatur_pruefen(
        akte,
        &p.name,
        Kandidatur {
            stimmrecht,
            schon,
            gleichnamig,
        },
    )?;
    db.execute(
        "INSERT INTO bewerbung (wahl_id, wahlvorschlag_id, person_id, pos) VALUES (?1, ?2, ?3, ?4)",
        p![akte.id, vorschlag, person.0, pos as i64],
    )?;
    Ok(())
}

fn personen_von(db: Db<'_>, wahl: i64, vorschlag: Option<i64>) -> Result<Vec<Person>, StoreError> {
    db.query_map(
        &format!(
            "SELECT {PERSON_SPALTEN} FROM bewerbung b JOIN person p ON p.id = b.person_id
             WHERE b.wahl_id = ?1 AND b.wahlvorschlag_id IS NOT DISTINCT FROM ?2 ORDER BY b.pos, b.id"
        ),
        p![wahl, vorschlag],
        |r| person_aus(r, 0),
    )
}

fn wahl_lesen(db: Db<'_>, id: i64) -> Result<WahlAkte, StoreError> {
    #[allow(clippy::type_complexity)]
    let (sitzung, top, titel, ziel, sitze, stellvertreter, geheim, art, verfahren, mehrheit, nur_mitglieder, version): (i64, Option<i64>, String, Option<i64>, u32, bool, bool, String, String, bool, bool, i64) = db
        .query_opt(
            "SELECT sitzung_id, top_id, titel, ziel_gremium_id, sitze, stellvertreter, geheim, art, verfahren, einheitlich_mehrheit, nur_mitglieder, version FROM wahl WHERE id = ?1",
            p![id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?)),
        )?
        .ok_or(nicht_gefunden("Wahl", id))?;
    let lesen =
        |feld: &str, e: crate::domain::werte::UnbekannterWert| ungueltig(feld, e.to_string());
    let daten = WahlNeu {
        sitzung: SitzungId(sitzung),
        top: top.map(TopId),
        titel,
        ziel_gremium: ziel.map(GremiumId),
        sitze,
        stellvertreter,
        geheim,
        art: art.parse().map_err(|e| lesen("art", e))?,
        verfahren: verfahren.parse().map_err(|e| lesen("verfahren", e))?,
        einheitlich_mehrheit: mehrheit,
        nur_mitglieder,
    };
    let (gremium, sitzung_nummer, beginn): (String, i64, NaiveDateTime) = db.query_row(
        "SELECT g.name, s.nummer, s.beginn FROM sitzung s JOIN gremium g ON g.id = s.gremium_id WHERE s.id = ?1",
        p![sitzung],
        |r| Ok((r.get(0)?, r.get(1)?, zeit_aus(r, 2)?)),
    )?;
    let ziel_name: Option<String> = match ziel {
        Some(g) => db.query_opt("SELECT name FROM gremium WHERE id = ?1", p![g], |r| {
            r.get(0)
        })?,
        None => None,
    };
    let vorschlag_zeilen: Vec<(i64, String, String)> = db.query_map(
        "SELECT id, name, eingereicht_von FROM wahlvorschlag WHERE wahl_id = ?1 ORDER BY pos, id",
        p![id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut vorschlaege = Vec::new();
    for (vid, name, von) in vorschlag_zeilen {
        vorschlaege.push(VorschlagAkte {
            id: vid,
            name,
            eingereicht_von: von,
            kandidaten: personen_von(db, id, Some(vid))?,
        });
    }
    let kandidaten = personen_von(db, id, None)?;
    let gang_zeilen: Vec<(i64, String, i64, i64, i64, i64)> = db
        .query_map("SELECT id, gang, abgegeben, ungueltig, enthaltungen, nein FROM wahlgang WHERE wahl_id = ?1 ORDER BY nr", p![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;
    let mut gaenge = Vec::new();
    for (gid, gang, abgegeben, ungueltig_, enthaltungen, nein) in gang_zeilen {
        // Votes by candidate or list id, named as the options of the Wahl name them.
        let stimmen: Vec<(String, u64)> = db
            .query_map("SELECT person_id, wahlvorschlag_id, anzahl FROM stimmen WHERE wahlgang_id = ?1 ORDER BY rowid", p![gid], |r| Ok((r.get::<Option<i64>>(0)?, r.get::<Option<i64>>(1)?, r.get::<i64>(2)? as u64)))?
            .into_iter()
            .map(|(person, vorschlag, n)| {
                let name = match (person, vorschlag) {
                    (Some(p), _) => kandidaten.iter().find(|k| k.id.0 == p).map(|k| k.name.clone()),
                    (_, Some(v)) => vorschlaege.iter().find(|x| x.id == v).map(|x| x.name.clone()),
                    _ => None,
                };
                (name.unwrap_or_default(), n)
            })
            .collect();
        gaenge.push(Zaehlung {
            gang: gang.parse::<Wahlgang>().map_err(|e| lesen("gang", e))?,
            abgegeben: abgegeben as u64,
            ungueltig: ungueltig_ as u64,
            enthaltungen: enthaltungen as u64,
            nein: nein as u64,
            stimmen,
        });
    }
    let lose: Vec<LosAkte> = db
        .query_map("SELECT nach_gang, zwischen, plaetze, gezogen_von, ergebnis, seed, zeit FROM los WHERE wahl_id = ?1 ORDER BY id", p![id], |r| {
            let zwischen: String = r.get(1)?;
            let ergebnis: String = r.get(4)?;
            Ok(LosAkte {
                los: Losziehung {
                    nach_gang: r.get(0)?,
                    zwischen: serde_json::from_str(&zwischen).unwrap_or_default(),
                    plaetze: r.get(2)?,
                    ergebnis: serde_json::from_str(&ergebnis).unwrap_or_default(),
                },
                gezogen_von: r.get(3)?,
                seed: r.get::<Option<i64>>(5)?.map(|s| s as u64),
                zeit: zeitpunkt_aus(r, 6)?,
            })
        })?;
    let erfasst: i64 = db.query_row(
        "SELECT count(*) FROM anwesenheit WHERE sitzung_id = ?1",
        p![sitzung],
        |r| r.get(0),
    )?;
    // Deputies vote only in place of an absent member (domain::sitzung::stimmen).
    let anwesend_stimmberechtigt = if erfasst > 0 {
        let gremium_id: i64 = db.query_row(
            "SELECT gremium_id FROM sitzung WHERE id = ?1",
            p![sitzung],
            |r| r.get(0),
        )?;
        let mitglieder = super::personen::mitglieder_lesen(db, gremium_id, sitzung)?;
        let vertretung = super::gremien::gremium_lesen(db, gremium_id)?
            .daten
            .vertretung;
        Some(crate::domain::sitzung::stimmen::zaehlen(vertretung, &mitglieder).anwesend as u64)
    } else {
        None
    };
    let stimmberechtigte_mitglieder = db.query_row(
        &format!(
            "SELECT count(*) FROM sitzung s JOIN mitgliedschaft m ON m.gremium_id = s.gremium_id
             WHERE s.id = ?1 AND m.stimmrecht = 1 AND m.rolle != 'stellv_mitglied' AND {}",
            MITGLIED_AM_TAG
        ),
        p![sitzung],
        |r| r.get::<i64>(0),
    )? as u64;
    let nichtoeffentlich: bool = match top {
        Some(t) => db
            .query_opt(
                "SELECT teil = 'nichtoeffentlich' FROM top WHERE id = ?1",
                p![t],
                |r| r.get(0),
            )?
            .unwrap_or(false),
        None => false,
    };
    let v = akte::vorgabe(&daten, &vorschlaege, &kandidaten);
    let los_liste: Vec<Losziehung> = lose.iter().map(|l| l.los.clone()).collect();
    let stand = wahl::stand(&v, &gaenge, &los_liste);
    Ok(WahlAkte {
        id,
        daten,
        gremium,
        sitzung_nummer,
        sitzung_beginn: beginn,
        ziel: ziel_name,
        vorschlaege,
        kandidaten,
        gaenge,
        lose,
        stand,
        anwesend_stimmberechtigt,
        stimmberechtigte_mitglieder,
        nichtoeffentlich,
        version,
    })
}
