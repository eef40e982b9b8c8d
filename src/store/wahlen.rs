//! Wahlen, their Wahlvorschläge and candidates, the counted ballots and the lots (tables
//! of schema 6). The store keeps what was entered; what it means — who is elected, what
//! comes next — is `domain::wahl::stand`, computed on every read. A count or a lot is
//! accepted only where the course of the Wahl asks for it, so a run-off cannot be entered
//! before it is due and no lot is drawn twice.

use super::fehler::StoreError;
use super::sitzungen::{person_aus, Person, PERSON_SPALTEN};
use super::vorlagen::{commit, schreibtransaktion};
use super::{zeit, Store};
use crate::domain::befund::Befund;
use crate::domain::sitzung::Anwesenheit;
use crate::domain::wahl::{
    self, Losziehung, Schritt, Verfahren, Vorschlag, WahlArt, WahlStand, Wahlgang, Wahlvorgabe,
    Zaehlung,
};
use crate::domain::{GremiumId, PersonId, SitzungId, TopId};
use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

fn ja() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WahlNeu {
    pub sitzung: SitzungId,
    #[serde(default)]
    pub top: Option<TopId>,
    pub titel: String,
    /// The Gremium the elected are sent into (Entsendung), if any.
    #[serde(default)]
    pub ziel_gremium: Option<GremiumId>,
    pub sitze: u32,
    #[serde(default)]
    pub stellvertreter: bool,
    #[serde(default = "ja")]
    pub geheim: bool,
    pub art: WahlArt,
    #[serde(default = "hare_niemeyer")]
    pub verfahren: Verfahren,
    #[serde(default)]
    pub einheitlich_mehrheit: bool,
    /// Only members of the electing Gremium may stand (e.g. for the AG Integrationsräte).
    #[serde(default = "ja")]
    pub nur_mitglieder: bool,
}

fn hare_niemeyer() -> Verfahren {
    Verfahren::HareNiemeyer
}

#[derive(Debug, Clone, Serialize)]
pub struct VorschlagAkte {
    pub id: i64,
    pub name: String,
    pub eingereicht_von: String,
    pub kandidaten: Vec<Person>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LosAkte {
    #[serde(flatten)]
    pub los: Losziehung,
    pub gezogen_von: String,
    pub seed: Option<u64>,
    pub zeit: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize)]
pub struct WahlAkte {
    pub id: i64,
    #[serde(flatten)]
    pub daten: WahlNeu,
    pub gremium: String,
    pub sitzung_nummer: i64,
    pub sitzung_beginn: NaiveDateTime,
    pub ziel: Option<String>,
    pub vorschlaege: Vec<VorschlagAkte>,
    /// Candidates of an Einzelwahl.
    pub kandidaten: Vec<Person>,
    pub gaenge: Vec<Zaehlung>,
    pub lose: Vec<LosAkte>,
    pub stand: WahlStand,
    /// Members present with a voting right (None until attendance is recorded).
    pub anwesend_stimmberechtigt: Option<u64>,
    /// Members of the electing Gremium with a voting right (the limit of the ballots cast
    /// before attendance is recorded).
    pub stimmberechtigte_mitglieder: u64,
    /// The Wahl sits on a TOP of the nichtöffentlicher Teil: its minutes are marked so.
    pub nichtoeffentlich: bool,
    pub version: i64,
}

impl WahlAkte {
    pub fn vorgabe(&self) -> Wahlvorgabe {
        vorgabe(&self.daten, &self.vorschlaege, &self.kandidaten)
    }
}

fn vorgabe(d: &WahlNeu, vorschlaege: &[VorschlagAkte], kandidaten: &[Person]) -> Wahlvorgabe {
    Wahlvorgabe {
        art: d.art,
        sitze: d.sitze,
        verfahren: d.verfahren,
        einheitlich_mehrheit: d.einheitlich_mehrheit,
        stellvertreter: d.stellvertreter,
        vorschlaege: vorschlaege
            .iter()
            .map(|v| Vorschlag {
                name: v.name.clone(),
                kandidaten: v.kandidaten.iter().map(|p| p.name.clone()).collect(),
            })
            .collect(),
        kandidaten: kandidaten.iter().map(|p| p.name.clone()).collect(),
    }
}

fn ungueltig(feld: &str, meldung: impl Into<String>) -> StoreError {
    StoreError::Ungueltig(vec![Befund::fehler(feld, meldung)])
}

fn nicht_gefunden(was: &'static str, id: i64) -> StoreError {
    StoreError::NichtGefunden { was, id }
}

impl Store {
    pub fn wahl_anlegen(
        &mut self,
        neu: &WahlNeu,
        jetzt: NaiveDateTime,
    ) -> Result<WahlAkte, StoreError> {
        if neu.titel.trim().is_empty() {
            return Err(ungueltig("titel", "Bezeichnung der Wahl fehlt."));
        }
        if neu.sitze == 0 || neu.sitze > 1000 {
            return Err(ungueltig(
                "sitze",
                format!("Sitze: {} geht nicht (1 bis 1000).", neu.sitze),
            ));
        }
        if neu.art == WahlArt::Einzel && neu.sitze != 1 {
            return Err(ungueltig("sitze", "Eine Einzelwahl (§ 50 Abs. 2 GO NRW) vergibt genau einen Sitz; für mehrere Sitze ist es eine Listenwahl."));
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.query_row(
            "SELECT id FROM sitzung WHERE id = ?1",
            [neu.sitzung.0],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
        .ok_or(nicht_gefunden("Sitzung", neu.sitzung.0))?;
        if let Some(t) = neu.top {
            let passt: bool = tx.query_row(
                "SELECT count(*) > 0 FROM top WHERE id = ?1 AND sitzung_id = ?2",
                [t.0, neu.sitzung.0],
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
            tx.query_row("SELECT id FROM gremium WHERE id = ?1", [g.0], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .ok_or(nicht_gefunden("Gremium", g.0))?;
        }
        tx.execute(
            "INSERT INTO wahl (sitzung_id, top_id, titel, ziel_gremium_id, sitze, stellvertreter, geheim, art, verfahren, einheitlich_mehrheit, nur_mitglieder, erstellt, geaendert)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            params![neu.sitzung.0, neu.top.map(|t| t.0), neu.titel.trim(), neu.ziel_gremium.map(|g| g.0), neu.sitze, neu.stellvertreter, neu.geheim, neu.art.key(), neu.verfahren.key(), neu.einheitlich_mehrheit, neu.nur_mitglieder, zeit(jetzt)],
        )?;
        let id = tx.last_insert_rowid();
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
        noch_offen(&akte)?;
        if akte.daten.art == WahlArt::Einzel {
            return Err(ungueltig(
                "art",
                "Eine Einzelwahl hat keine Wahlvorschläge; Bewerber werden einzeln eingetragen.",
            ));
        }
        if akte.daten.art == WahlArt::Einheitlich && !akte.vorschlaege.is_empty() {
            return Err(ungueltig("art", "Ein einheitlicher Wahlvorschlag ist ein einziger gemeinsamer Vorschlag; er ist schon eingetragen."));
        }
        let name = name.trim();
        if name.is_empty() {
            return Err(ungueltig("name", "Name des Wahlvorschlags fehlt."));
        }
        if akte.vorschlaege.iter().any(|v| v.name == name) {
            return Err(ungueltig(
                "name",
                format!("Einen Wahlvorschlag „{name}“ gibt es in dieser Wahl schon."),
            ));
        }
        if kandidaten.is_empty() {
            return Err(ungueltig(
                "kandidaten",
                format!("Der Wahlvorschlag „{name}“ nennt keine Bewerberin und keinen Bewerber."),
            ));
        }
        if akte.daten.stellvertreter && kandidaten.len() % 2 == 1 {
            return Err(ungueltig("kandidaten", format!(
                "Der Wahlvorschlag „{name}“ nennt {} Personen; bei persönlicher Stellvertretung sind es Paare aus Mitglied und Stellvertretung (gerade Anzahl).",
                kandidaten.len()
            )));
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.execute(
            "INSERT INTO wahlvorschlag (wahl_id, pos, name, eingereicht_von) VALUES (?1, (SELECT count(*) FROM wahlvorschlag WHERE wahl_id = ?1), ?2, ?3)",
            params![wahl, name, eingereicht_von.trim()],
        )?;
        let vid = tx.last_insert_rowid();
        for (pos, p) in kandidaten.iter().enumerate() {
            bewerbung(&tx, &akte, Some(vid), *p, pos)?;
        }
        geaendert(&tx, wahl, jetzt)?;
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
        noch_offen(&akte)?;
        if akte.daten.art != WahlArt::Einzel {
            return Err(ungueltig("art", "Bei dieser Wahl stehen Wahlvorschläge zur Wahl; Bewerber gehören auf einen Wahlvorschlag."));
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        bewerbung(&tx, &akte, None, person, akte.kandidaten.len())?;
        geaendert(&tx, wahl, jetzt)?;
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
        let (nr, gang, optionen) = match &akte.stand.schritt {
            Schritt::Zaehlung { nr, gang, optionen } => (*nr, *gang, optionen.clone()),
            Schritt::Los { zwischen, .. } => {
                return Err(ungueltig(
                    "los",
                    format!(
                        "Zuerst entscheidet das Los zwischen {}.",
                        zwischen.join(", ")
                    ),
                ))
            }
            Schritt::Fertig => {
                return Err(ungueltig(
                    "wahlgang",
                    "Die Wahl ist abgeschlossen; es gibt keinen weiteren Wahlgang.",
                ))
            }
        };
        if optionen.is_empty() {
            return Err(match akte.daten.art {
                WahlArt::Einzel => {
                    ungueltig("kandidaten", "Es ist noch niemand zur Wahl vorgeschlagen.")
                }
                _ => ungueltig("vorschlaege", "Es ist noch kein Wahlvorschlag eingetragen."),
            });
        }
        if z.gang != gang {
            return Err(ungueltig(
                "gang",
                format!("Erwartet wird der Wahlgang {nr} ({}).", gang.label()),
            ));
        }
        let befunde = wahl::zaehlung_pruefen(
            z,
            &optionen,
            akte.anwesend_stimmberechtigt,
            akte.stimmberechtigte_mitglieder,
        );
        if befunde
            .iter()
            .any(|b| b.schwere == crate::domain::Schwere::Fehler)
        {
            return Err(StoreError::Ungueltig(befunde));
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.execute(
            "INSERT INTO wahlgang (wahl_id, nr, gang, abgegeben, ungueltig, enthaltungen, nein, erfasst) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![wahl, nr, gang.key(), z.abgegeben as i64, z.ungueltig as i64, z.enthaltungen as i64, z.nein as i64, zeit(jetzt)],
        )?;
        let gid = tx.last_insert_rowid();
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
            tx.execute(
                "INSERT INTO stimmen (wahlgang_id, person_id, wahlvorschlag_id, anzahl) VALUES (?1, ?2, ?3, ?4)",
                params![gid, person, vorschlag, *anzahl as i64],
            )?;
        }
        geaendert(&tx, wahl, jetzt)?;
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
        let Schritt::Los {
            nach_gang,
            zwischen,
            plaetze,
        } = &akte.stand.schritt
        else {
            return Err(ungueltig(
                "los",
                "Für diese Wahl ist jetzt kein Losentscheid erforderlich.",
            ));
        };
        if gezogen_von.trim().is_empty() {
            return Err(ungueltig(
                "gezogen_von",
                "Wer hat das Los gezogen? (in der Regel der Vorsitz)",
            ));
        }
        let gezogen = match (ergebnis, seed) {
            (Some(e), _) => {
                if e.len() != *plaetze as usize {
                    return Err(ungueltig(
                        "ergebnis",
                        format!(
                            "Das Los vergibt {plaetze} Platz/Plätze, gewählt sind {}.",
                            e.len()
                        ),
                    ));
                }
                for n in &e {
                    if !zwischen.contains(n) {
                        return Err(ungueltig(
                            "ergebnis",
                            format!("„{n}“ war nicht im Los ({}).", zwischen.join(", ")),
                        ));
                    }
                }
                e
            }
            (None, Some(s)) => wahl::los_ziehen(zwischen, *plaetze, s),
            (None, None) => {
                return Err(ungueltig(
                    "ergebnis",
                    "Bitte das gezogene Los eintragen oder die Anwendung ziehen lassen.",
                ))
            }
        };
        self.conn.execute(
            "INSERT INTO los (wahl_id, nach_gang, zwischen, plaetze, gezogen_von, ergebnis, seed, zeit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![wahl, nach_gang, serde_json::to_string(zwischen).expect("json"), plaetze, gezogen_von.trim(), serde_json::to_string(&gezogen).expect("json"), seed.map(|s| s as i64), zeit(jetzt)],
        )?;
        self.conn.execute(
            "UPDATE wahl SET version = version + 1, geaendert = ?2 WHERE id = ?1",
            params![wahl, zeit(jetzt)],
        )?;
        self.wahl(wahl)
    }

    pub fn wahlen(&self, sitzung: SitzungId) -> Result<Vec<WahlAkte>, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM wahl WHERE sitzung_id = ?1 AND geloescht IS NULL ORDER BY id")?
            .query_map([sitzung.0], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter().map(|id| self.wahl(id)).collect()
    }

    pub fn wahl(&self, id: i64) -> Result<WahlAkte, StoreError> {
        wahl_lesen(&self.conn, id)
    }
}

fn noch_offen(akte: &WahlAkte) -> Result<(), StoreError> {
    if !akte.gaenge.is_empty() {
        return Err(ungueltig(
            "wahl",
            "Es ist schon gewählt worden; Wahlvorschläge und Bewerber stehen fest.",
        ));
    }
    Ok(())
}

fn geaendert(conn: &Connection, wahl: i64, jetzt: NaiveDateTime) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE wahl SET version = version + 1, geaendert = ?2 WHERE id = ?1",
        params![wahl, zeit(jetzt)],
    )?;
    Ok(())
}

/// One candidacy, after the eligibility check.
fn bewerbung(
    conn: &Connection,
    akte: &WahlAkte,
    vorschlag: Option<i64>,
    person: PersonId,
    pos: usize,
) -> Result<(), StoreError> {
    let p: Person = conn
        .query_row(
            &format!("SELECT {PERSON_SPALTEN} FROM person p WHERE p.id = ?1"),
            [person.0],
            |r| person_aus(r, 0),
        )
        .optional()?
        .ok_or(nicht_gefunden("Person", person.0))?;
    if akte.daten.nur_mitglieder {
        let stimmrecht: Option<bool> = conn
            .query_row(
                &format!("SELECT max(m.stimmrecht) = 1 FROM mitgliedschaft m JOIN sitzung s ON s.gremium_id = m.gremium_id WHERE s.id = ?1 AND m.person_id = ?2 AND {}", super::sitzungen::MITGLIED_AM_TAG),
                [akte.daten.sitzung.0, person.0],
                |r| r.get(0),
            )?;
        match stimmrecht {
            None => {
                return Err(ungueltig("kandidaten", format!(
                    "{} ist kein Mitglied des Gremiums „{}“ und kann bei dieser Wahl nicht kandidieren.",
                    p.name, akte.gremium
                )))
            }
            Some(false) => {
                return Err(ungueltig("kandidaten", format!(
                    "{} ist beratendes Mitglied des Gremiums „{}“ ohne Stimmrecht und kann bei dieser Wahl nicht kandidieren.",
                    p.name, akte.gremium
                )))
            }
            Some(true) => {}
        }
    }
    let schon: bool = conn.query_row(
        "SELECT count(*) > 0 FROM bewerbung WHERE wahl_id = ?1 AND person_id = ?2",
        [akte.id, person.0],
        |r| r.get(0),
    )?;
    if schon {
        return Err(ungueltig(
            "kandidaten",
            format!("{} kandidiert in dieser Wahl schon.", p.name),
        ));
    }
    let gleichnamig: bool = conn.query_row(
        &format!("SELECT count(*) > 0 FROM bewerbung b JOIN person p ON p.id = b.person_id WHERE b.wahl_id = ?1 AND trim(p.titel || ' ' || p.vorname || ' ' || p.nachname) = trim(?2)"),
        params![akte.id, format!("{} {} {}", p.daten.titel.trim(), p.daten.vorname.trim(), p.daten.nachname.trim())],
        |r| r.get(0),
    )?;
    if gleichnamig {
        return Err(ungueltig("kandidaten", format!("Zwei Bewerber heißen „{}“; der Stimmzettel muss sie unterscheiden (z. B. Titel ergänzen).", p.name)));
    }
    conn.execute(
        "INSERT INTO bewerbung (wahl_id, wahlvorschlag_id, person_id, pos) VALUES (?1, ?2, ?3, ?4)",
        params![akte.id, vorschlag, person.0, pos as i64],
    )?;
    Ok(())
}

fn personen_von(
    conn: &Connection,
    wahl: i64,
    vorschlag: Option<i64>,
) -> Result<Vec<Person>, StoreError> {
    Ok(conn
        .prepare(&format!(
            "SELECT {PERSON_SPALTEN} FROM bewerbung b JOIN person p ON p.id = b.person_id
             WHERE b.wahl_id = ?1 AND b.wahlvorschlag_id IS ?2 ORDER BY b.pos, b.id"
        ))?
        .query_map(params![wahl, vorschlag], |r| person_aus(r, 0))?
        .collect::<Result<_, _>>()?)
}

fn wahl_lesen(conn: &Connection, id: i64) -> Result<WahlAkte, StoreError> {
    #[allow(clippy::type_complexity)]
    let (sitzung, top, titel, ziel, sitze, stellvertreter, geheim, art, verfahren, mehrheit, nur_mitglieder, version): (i64, Option<i64>, String, Option<i64>, u32, bool, bool, String, String, bool, bool, i64) = conn
        .query_row(
            "SELECT sitzung_id, top_id, titel, ziel_gremium_id, sitze, stellvertreter, geheim, art, verfahren, einheitlich_mehrheit, nur_mitglieder, version FROM wahl WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?)),
        )
        .optional()?
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
    let (gremium, sitzung_nummer, beginn): (String, i64, String) = conn.query_row(
        "SELECT g.name, s.nummer, s.beginn FROM sitzung s JOIN gremium g ON g.id = s.gremium_id WHERE s.id = ?1",
        [sitzung],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let ziel_name: Option<String> = match ziel {
        Some(g) => conn
            .query_row("SELECT name FROM gremium WHERE id = ?1", [g], |r| r.get(0))
            .optional()?,
        None => None,
    };
    let vorschlag_zeilen: Vec<(i64, String, String)> = conn
        .prepare("SELECT id, name, eingereicht_von FROM wahlvorschlag WHERE wahl_id = ?1 ORDER BY pos, id")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut vorschlaege = Vec::new();
    for (vid, name, von) in vorschlag_zeilen {
        vorschlaege.push(VorschlagAkte {
            id: vid,
            name,
            eingereicht_von: von,
            kandidaten: personen_von(conn, id, Some(vid))?,
        });
    }
    let kandidaten = personen_von(conn, id, None)?;
    let gang_zeilen: Vec<(i64, String, i64, i64, i64, i64)> = conn
        .prepare("SELECT id, gang, abgegeben, ungueltig, enthaltungen, nein FROM wahlgang WHERE wahl_id = ?1 ORDER BY nr")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
        .collect::<Result<_, _>>()?;
    let mut gaenge = Vec::new();
    for (gid, gang, abgegeben, ungueltig_, enthaltungen, nein) in gang_zeilen {
        // Votes by candidate or list id, named as the options of the Wahl name them.
        let stimmen: Vec<(String, u64)> = conn
            .prepare("SELECT person_id, wahlvorschlag_id, anzahl FROM stimmen WHERE wahlgang_id = ?1 ORDER BY rowid")?
            .query_map([gid], |r| Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, i64>(2)? as u64)))?
            .collect::<Result<Vec<_>, _>>()?
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
    let lose: Vec<LosAkte> = conn
        .prepare("SELECT nach_gang, zwischen, plaetze, gezogen_von, ergebnis, seed, zeit FROM los WHERE wahl_id = ?1 ORDER BY id")?
        .query_map([id], |r| {
            let zwischen: String = r.get(1)?;
            let ergebnis: String = r.get(4)?;
            let zeit_text: String = r.get(6)?;
            Ok(LosAkte {
                los: Losziehung {
                    nach_gang: r.get(0)?,
                    zwischen: serde_json::from_str(&zwischen).unwrap_or_default(),
                    plaetze: r.get(2)?,
                    ergebnis: serde_json::from_str(&ergebnis).unwrap_or_default(),
                },
                gezogen_von: r.get(3)?,
                seed: r.get::<_, Option<i64>>(5)?.map(|s| s as u64),
                zeit: NaiveDateTime::parse_from_str(&zeit_text, super::ZEITFORMAT).unwrap_or_default(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let erfasst: i64 = conn.query_row(
        "SELECT count(*) FROM anwesenheit WHERE sitzung_id = ?1",
        [sitzung],
        |r| r.get(0),
    )?;
    let anwesend_stimmberechtigt = if erfasst > 0 {
        Some(conn.query_row(
            "SELECT count(*) FROM anwesenheit a JOIN sitzung s ON s.id = a.sitzung_id JOIN mitgliedschaft m ON m.person_id = a.person_id AND m.gremium_id = s.gremium_id
             WHERE a.sitzung_id = ?1 AND a.status = ?2 AND m.stimmrecht = 1",
            params![sitzung, Anwesenheit::Anwesend.key()],
            |r| r.get::<_, i64>(0),
        )? as u64)
    } else {
        None
    };
    let stimmberechtigte_mitglieder = conn.query_row(
        &format!(
            "SELECT count(*) FROM sitzung s JOIN mitgliedschaft m ON m.gremium_id = s.gremium_id
             WHERE s.id = ?1 AND m.stimmrecht = 1 AND m.rolle != 'stellv_mitglied' AND {}",
            super::sitzungen::MITGLIED_AM_TAG
        ),
        [sitzung],
        |r| r.get::<_, i64>(0),
    )? as u64;
    let nichtoeffentlich: bool = match top {
        Some(t) => conn
            .query_row(
                "SELECT teil = 'nichtoeffentlich' FROM top WHERE id = ?1",
                [t],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false),
        None => false,
    };
    let v = vorgabe(&daten, &vorschlaege, &kandidaten);
    let los_liste: Vec<Losziehung> = lose.iter().map(|l| l.los.clone()).collect();
    let stand = wahl::stand(&v, &gaenge, &los_liste);
    Ok(WahlAkte {
        id,
        daten,
        gremium,
        sitzung_nummer,
        sitzung_beginn: NaiveDateTime::parse_from_str(&beginn, super::ZEITFORMAT)
            .unwrap_or_default(),
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
