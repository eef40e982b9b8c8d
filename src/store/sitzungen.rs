//! Gremien, people, memberships, Sitzungen and TOPs (tables of schema 4).
//!
//! A TOP either names an item or puts a Vorlage up for Beratung. Putting a Vorlage on a
//! TOP records that step of its Beratungsfolge (the Sitzung's date at the step of this
//! Gremium, appended if the Beratungsfolge did not name the Gremium); a result recorded
//! for the TOP becomes the step's Ergebnis, from which the Vorlage PDF prints the
//! Beschlussvermerk. A nichtöffentliche Vorlage can only sit in the nichtöffentlicher Teil.

use super::fehler::StoreError;
use super::vorlagen::{commit, schreibtransaktion};
use super::{wert, zeit, Store, ZEITFORMAT};
use crate::domain::befund::Befund;
use crate::domain::sitzung::{
    self, Anwesenheit, GremiumTyp, Herkunft, MitgliedRolle, SitzungZustand, Teil, TopErgebnis,
};
use crate::domain::{suchtext, GremiumId, PersonId, SitzungId, Status, TopId, VorlageId};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GremiumNeu {
    pub name: String,
    #[serde(default)]
    pub kurzname: String,
    pub typ: GremiumTyp,
    #[serde(default)]
    pub wahlperiode: String,
    #[serde(default = "sieben")]
    pub ladungsfrist_tage: u32,
    #[serde(default)]
    pub mindestsitzungen_jahr: u32,
}

fn sieben() -> u32 {
    7
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gremium {
    pub id: GremiumId,
    #[serde(flatten)]
    pub daten: GremiumNeu,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PersonNeu {
    pub anrede: String,
    pub titel: String,
    pub vorname: String,
    pub nachname: String,
    pub email: String,
    pub telefon: String,
    pub anschrift: String,
}

impl PersonNeu {
    /// "Dr. Ayşe Yılmaz".
    pub fn name(&self) -> String {
        [self.titel.trim(), self.vorname.trim(), self.nachname.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The salutation of a letter: "Sehr geehrte Frau Dr. Yılmaz,", "Sehr geehrter Herr
    /// Nowak,"; without a known Anrede the neutral "Guten Tag Alex Đặng,".
    pub fn briefanrede(&self) -> String {
        let nachname = [self.titel.trim(), self.nachname.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        match self.anrede.trim() {
            "Frau" => format!("Sehr geehrte Frau {nachname},"),
            "Herr" => format!("Sehr geehrter Herr {nachname},"),
            _ => format!("Guten Tag {},", self.name()),
        }
    }

    /// The sort key: family name, then given name, folded ("Çelik" sorts as "celik").
    pub fn sortname(&self) -> String {
        format!(
            "{} {}",
            suchtext::ohne_zeichen(self.nachname.trim()),
            suchtext::ohne_zeichen(self.vorname.trim())
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    #[serde(flatten)]
    pub daten: PersonNeu,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::PersonNeu;

    #[test]
    fn salutation_by_anrede() {
        let p = |anrede: &str, titel: &str, vorname: &str, nachname: &str| PersonNeu {
            anrede: anrede.into(),
            titel: titel.into(),
            vorname: vorname.into(),
            nachname: nachname.into(),
            ..Default::default()
        };
        assert_eq!(
            p("Frau", "Dr.", "Ayşe", "Yılmaz").briefanrede(),
            "Sehr geehrte Frau Dr. Yılmaz,"
        );
        assert_eq!(
            p("Herr", "", "Łukasz", "Wiśniewski").briefanrede(),
            "Sehr geehrter Herr Wiśniewski,"
        );
        assert_eq!(
            p("", "", "Thị Mai", "Nguyễn").briefanrede(),
            "Guten Tag Thị Mai Nguyễn,"
        );
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MitgliedschaftNeu {
    pub person: PersonId,
    pub gremium: GremiumId,
    pub rolle: MitgliedRolle,
    #[serde(default = "ja")]
    pub stimmrecht: bool,
    #[serde(default)]
    pub fuer: String,
    pub herkunft: Herkunft,
    #[serde(default)]
    pub von: String,
    #[serde(default)]
    pub bis: String,
}

fn ja() -> bool {
    true
}

/// A member as the Sitzung lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mitglied {
    pub person: Person,
    pub rolle: MitgliedRolle,
    pub stimmrecht: bool,
    pub fuer: String,
    pub herkunft: Herkunft,
    /// The first and the last day of the membership (open when none).
    pub von: Option<NaiveDate>,
    pub bis: Option<NaiveDate>,
    /// Recorded for this Sitzung (none before it is).
    pub anwesenheit: Option<Anwesenheit>,
    pub bemerkung: String,
}

impl Mitglied {
    /// Whether the membership has ended before `tag`.
    pub fn ausgeschieden_am(&self, tag: NaiveDate) -> bool {
        self.bis.is_some_and(|bis| bis < tag)
    }
}

/// The Vorlage of a TOP, as the Tagesordnung shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopVorlage {
    pub id: VorlageId,
    pub nummer: Option<String>,
    pub betreff: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Top {
    pub id: TopId,
    pub teil: Teil,
    /// "Ö 1", "N 2".
    pub nummer: String,
    /// An Unterpunkt of the TOP before it ("Ö 2.1").
    pub unterpunkt: bool,
    /// The item's own title, or the Betreff of its Vorlage.
    pub titel: String,
    pub vorlage: Option<TopVorlage>,
    pub ergebnis: Option<TopErgebnis>,
    pub ergebnis_text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SitzungAkte {
    pub id: SitzungId,
    pub gremium: Gremium,
    pub nummer: i64,
    pub beginn: NaiveDateTime,
    pub ort: String,
    pub zustand: SitzungZustand,
    pub eingeladen_am: Option<NaiveDate>,
    /// When the Sitzung closed (recorded with the Niederschrift).
    pub ende: Option<NaiveDateTime>,
    /// Who kept the minutes (Schriftführer/-in).
    pub schriftfuehrung: String,
    pub version: i64,
    pub tops: Vec<Top>,
    pub mitglieder: Vec<Mitglied>,
    /// Warnings: Ladungsfrist, sessions a year.
    pub befunde: Vec<Befund>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopNeu {
    pub teil: Teil,
    #[serde(default)]
    pub titel: String,
    #[serde(default)]
    pub vorlage: Option<VorlageId>,
    #[serde(default)]
    pub unterpunkt: bool,
}

fn ungueltig(feld: &str, meldung: impl Into<String>) -> StoreError {
    StoreError::Ungueltig(vec![Befund::fehler(feld, meldung)])
}

/// Refuses text with a character no bundled font can print; `name` is the field in the
/// words of the screen ("Mitglied Leyla Demir, Nachname").
fn druckbar(feld: &str, name: &str, text: &str) -> Result<(), StoreError> {
    match crate::schriftvorrat::pruefen(name, text) {
        Some(m) => Err(ungueltig(feld, m)),
        None => Ok(()),
    }
}

impl PersonNeu {
    /// Every part of the name and address must be printable (Einladung, Niederschrift).
    fn druckbar_pruefen(&self) -> Result<(), StoreError> {
        let wer = format!("{} {}", self.vorname.trim(), self.nachname.trim());
        let wer = wer.trim();
        for (feld, name, text) in [
            ("anrede", "Anrede", &self.anrede),
            ("titel", "Titel", &self.titel),
            ("vorname", "Vorname", &self.vorname),
            ("nachname", "Nachname", &self.nachname),
            ("anschrift", "Anschrift", &self.anschrift),
        ] {
            druckbar(feld, &format!("Mitglied {wer}, {name}"), text)?;
        }
        Ok(())
    }
}

fn gremium_lesen(conn: &Connection, id: i64) -> Result<Gremium, StoreError> {
    conn.query_row(
        "SELECT id, name, kurzname, typ, wahlperiode, ladungsfrist_tage, mindestsitzungen_jahr
         FROM gremium WHERE id = ?1",
        [id],
        |r| {
            Ok(Gremium {
                id: GremiumId(r.get(0)?),
                daten: GremiumNeu {
                    name: r.get(1)?,
                    kurzname: r.get(2)?,
                    typ: wert(r, 3)?,
                    wahlperiode: r.get(4)?,
                    ladungsfrist_tage: r.get(5)?,
                    mindestsitzungen_jahr: r.get(6)?,
                },
            })
        },
    )
    .optional()?
    .ok_or(StoreError::NichtGefunden { was: "Gremium", id })
}

pub(super) fn person_aus(r: &rusqlite::Row, ab: usize) -> rusqlite::Result<Person> {
    let daten = PersonNeu {
        anrede: r.get(ab + 1)?,
        titel: r.get(ab + 2)?,
        vorname: r.get(ab + 3)?,
        nachname: r.get(ab + 4)?,
        email: r.get(ab + 5)?,
        telefon: r.get(ab + 6)?,
        anschrift: r.get(ab + 7)?,
    };
    Ok(Person {
        id: PersonId(r.get(ab)?),
        name: daten.name(),
        daten,
    })
}

pub(super) const PERSON_SPALTEN: &str =
    "p.id, p.anrede, p.titel, p.vorname, p.nachname, p.email, p.telefon, p.anschrift";

fn beginn_lesen(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, ZEITFORMAT).unwrap_or_default()
}

impl Store {
    pub fn gremium_anlegen(
        &mut self,
        neu: &GremiumNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Gremium, StoreError> {
        let name = neu.name.trim();
        if name.is_empty() {
            return Err(ungueltig("name", "Name des Gremiums fehlt."));
        }
        druckbar("name", "Name des Gremiums", name)?;
        if neu.ladungsfrist_tage > 60 {
            return Err(ungueltig(
                "ladungsfrist_tage",
                format!(
                    "Ladungsfrist: {} Tage sind zu viel (höchstens 60).",
                    neu.ladungsfrist_tage
                ),
            ));
        }
        if neu.mindestsitzungen_jahr > 52 {
            return Err(ungueltig(
                "mindestsitzungen_jahr",
                "Mindestzahl der Sitzungen: höchstens 52 im Jahr.",
            ));
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        let doppelt: bool = tx.query_row(
            "SELECT count(*) > 0 FROM gremium WHERE lower(name) = lower(?1)",
            [name],
            |r| r.get(0),
        )?;
        if doppelt {
            return Err(ungueltig(
                "name",
                format!("Ein Gremium „{name}“ gibt es schon."),
            ));
        }
        tx.execute(
            "INSERT INTO gremium (name, kurzname, typ, wahlperiode, ladungsfrist_tage, mindestsitzungen_jahr, erstellt, geaendert)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![name, neu.kurzname.trim(), neu.typ.key(), neu.wahlperiode.trim(), neu.ladungsfrist_tage, neu.mindestsitzungen_jahr, zeit(jetzt)],
        )?;
        let id = tx.last_insert_rowid();
        let g = gremium_lesen(&tx, id)?;
        commit(tx)?;
        Ok(g)
    }

    pub fn gremium(&self, id: GremiumId) -> Result<Gremium, StoreError> {
        gremium_lesen(&self.conn, id.0)
    }

    pub fn gremien(&self) -> Result<Vec<Gremium>, StoreError> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM gremium ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter()
            .map(|id| gremium_lesen(&self.conn, id))
            .collect()
    }

    pub fn person_anlegen(
        &mut self,
        neu: &PersonNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Person, StoreError> {
        if neu.nachname.trim().is_empty() {
            return Err(ungueltig("nachname", "Nachname fehlt."));
        }
        neu.druckbar_pruefen()?;
        self.conn.execute(
            "INSERT INTO person (anrede, titel, vorname, nachname, email, telefon, anschrift, sortname, erstellt, geaendert)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![neu.anrede.trim(), neu.titel.trim(), neu.vorname.trim(), neu.nachname.trim(), neu.email.trim(), neu.telefon.trim(), neu.anschrift.trim(), neu.sortname(), zeit(jetzt)],
        )?;
        let id = self.conn.last_insert_rowid();
        Ok(self.conn.query_row(
            &format!("SELECT {PERSON_SPALTEN} FROM person p WHERE p.id = ?1"),
            [id],
            |r| person_aus(r, 0),
        )?)
    }

    /// Everyone, sorted by family name as a German reader expects ("Çelik" beside "Celik").
    pub fn personen(&self) -> Result<Vec<Person>, StoreError> {
        Ok(self
            .conn
            .prepare(&format!(
                "SELECT {PERSON_SPALTEN} FROM person p ORDER BY p.sortname, p.id"
            ))?
            .query_map([], |r| person_aus(r, 0))?
            .collect::<Result<_, _>>()?)
    }

    pub fn mitgliedschaft_anlegen(&mut self, neu: &MitgliedschaftNeu) -> Result<(), StoreError> {
        let name = self.person_name(neu.person)?;
        let (von, bis) = mitgliedschaft_pruefen(&self.conn, neu, &name, true)?;
        self.conn.execute(
            "INSERT INTO mitgliedschaft (person_id, gremium_id, rolle, stimmrecht, fuer, herkunft, von, bis)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![neu.person.0, neu.gremium.0, neu.rolle.key(), neu.stimmrecht, neu.fuer.trim(), neu.herkunft.key(), von, bis],
        )?;
        Ok(())
    }

    /// Changes a membership (found by person and Gremium): role, vote, list, origin and
    /// its dates. Ending a membership is setting `bis`; the member then no longer appears
    /// in the Sitzungen after that day (those already held keep their attendance).
    pub fn mitgliedschaft_aendern(&mut self, neu: &MitgliedschaftNeu) -> Result<(), StoreError> {
        mitgliedschaft_schreiben(&self.conn, neu)
    }

    /// Changes a person's name, address and contact (for every Gremium they belong to).
    pub fn person_aendern(
        &mut self,
        id: PersonId,
        neu: &PersonNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Person, StoreError> {
        person_schreiben(&self.conn, id, neu, jetzt)?;
        person_lesen(&self.conn, id)
    }

    /// A member's person and membership changed together, or neither (one form in the
    /// app: a wrong date leaves the name as it was).
    pub fn mitglied_aendern(
        &mut self,
        id: PersonId,
        person: &PersonNeu,
        mitgliedschaft: &MitgliedschaftNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Person, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        person_schreiben(&tx, id, person, jetzt)?;
        mitgliedschaft_schreiben(
            &tx,
            &MitgliedschaftNeu {
                person: id,
                ..mitgliedschaft.clone()
            },
        )?;
        commit(tx)?;
        person_lesen(&self.conn, id)
    }

    fn person_name(&self, id: PersonId) -> Result<String, StoreError> {
        Ok(person_lesen(&self.conn, id)?.name)
    }

    /// A new person and, optionally, their membership — both or neither: the membership
    /// is checked before the person is written (`person` in it is ignored).
    pub fn person_anlegen_mit(
        &mut self,
        neu: &PersonNeu,
        mitgliedschaft: Option<&MitgliedschaftNeu>,
        jetzt: NaiveDateTime,
    ) -> Result<Person, StoreError> {
        if let Some(m) = mitgliedschaft {
            mitgliedschaft_pruefen(
                &self.conn,
                &MitgliedschaftNeu {
                    person: PersonId(0),
                    ..m.clone()
                },
                &neu.name(),
                true,
            )?;
        }
        let p = self.person_anlegen(neu, jetzt)?;
        if let Some(m) = mitgliedschaft {
            self.mitgliedschaft_anlegen(&MitgliedschaftNeu {
                person: p.id,
                ..m.clone()
            })?;
        }
        Ok(p)
    }

    /// The members of a Gremium (chair first, then by family name), also those whose
    /// membership has ended.
    pub fn mitglieder(&self, gremium: GremiumId) -> Result<Vec<Mitglied>, StoreError> {
        gremium_lesen(&self.conn, gremium.0)?;
        mitglieder_lesen(&self.conn, gremium.0, 0)
    }

    /// Every membership with its row id (for exports).
    pub fn mitgliedschaften(&self) -> Result<Vec<(i64, MitgliedschaftNeu)>, StoreError> {
        Ok(self
            .conn
            .prepare("SELECT id, person_id, gremium_id, rolle, stimmrecht, fuer, herkunft, von, bis FROM mitgliedschaft ORDER BY id")?
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    MitgliedschaftNeu {
                        person: PersonId(r.get(1)?),
                        gremium: GremiumId(r.get(2)?),
                        rolle: wert(r, 3)?,
                        stimmrecht: r.get(4)?,
                        fuer: r.get(5)?,
                        herkunft: wert(r, 6)?,
                        von: r.get(7)?,
                        bis: r.get(8)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?)
    }

    /// A new Sitzung of `gremium`; its number is the next of that Gremium.
    pub fn sitzung_anlegen(
        &mut self,
        gremium: GremiumId,
        beginn: NaiveDateTime,
        ort: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        druckbar("ort", "Ort", ort)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        gremium_lesen(&tx, gremium.0)?;
        let nummer: i64 = tx.query_row(
            "SELECT coalesce(max(nummer), 0) + 1 FROM sitzung WHERE gremium_id = ?1",
            [gremium.0],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO sitzung (gremium_id, nummer, beginn, ort, erstellt, geaendert) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![gremium.0, nummer, zeit(beginn), ort.trim(), zeit(jetzt)],
        )?;
        let id = tx.last_insert_rowid();
        commit(tx)?;
        self.sitzung(SitzungId(id))
    }

    pub fn sitzung(&self, id: SitzungId) -> Result<SitzungAkte, StoreError> {
        sitzung_lesen(&self.conn, id.0)
    }

    /// The Sitzungen of a Gremium, oldest first.
    pub fn sitzungen(&self, gremium: GremiumId) -> Result<Vec<SitzungAkte>, StoreError> {
        gremium_lesen(&self.conn, gremium.0)?;
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM sitzung WHERE gremium_id = ?1 AND geloescht IS NULL ORDER BY beginn, id")?
            .query_map([gremium.0], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter()
            .map(|id| sitzung_lesen(&self.conn, id))
            .collect()
    }

    /// Adds a TOP at the end of its part. A Vorlage TOP records the Beratung in the
    /// Vorlage's Beratungsfolge; a nichtöffentliche Vorlage is refused in the öffentlicher
    /// Teil; a Vorlage sits on one Sitzung's Tagesordnung once.
    pub fn top_hinzufuegen(
        &mut self,
        sitzung: SitzungId,
        neu: &TopNeu,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let (gremium_id, beginn): (i64, String) = tx
            .query_row(
                "SELECT gremium_id, beginn FROM sitzung WHERE id = ?1",
                [sitzung.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NichtGefunden {
                was: "Sitzung",
                id: sitzung.0,
            })?;
        tagesordnung_offen(&tx, sitzung.0)?;
        druckbar("titel", "TOP, Titel", &neu.titel)?;
        match neu.vorlage {
            None if neu.titel.trim().is_empty() => {
                return Err(ungueltig(
                    "titel",
                    "TOP: Titel fehlt (oder eine Vorlage wählen).",
                ))
            }
            None => {}
            Some(v) => {
                let (status, nummer, betreff): (Status, Option<String>, String) = tx
                    .query_row(
                        "SELECT status, nummer, betreff FROM vorlage WHERE id = ?1",
                        [v.0],
                        |r| Ok((wert(r, 0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?
                    .ok_or(StoreError::NichtGefunden {
                        was: "Vorlage",
                        id: v.0,
                    })?;
                let name = nummer.unwrap_or_else(|| format!("(Entwurf {})", v.0));
                if status == Status::Nichtoeffentlich && neu.teil == Teil::Oeffentlich {
                    return Err(ungueltig("teil", format!("Die Vorlage {name} „{betreff}“ ist nichtöffentlich und kann nur im nichtöffentlichen Teil beraten werden.")));
                }
                let schon: bool = tx.query_row(
                    "SELECT count(*) > 0 FROM top WHERE sitzung_id = ?1 AND vorlage_id = ?2",
                    [sitzung.0, v.0],
                    |r| r.get(0),
                )?;
                if schon {
                    return Err(ungueltig(
                        "vorlage",
                        format!(
                            "Die Vorlage {name} steht schon auf der Tagesordnung dieser Sitzung."
                        ),
                    ));
                }
                beratung_vermerken(&tx, v.0, gremium_id, &beginn)?;
            }
        }
        let pos: i64 = tx.query_row(
            "SELECT count(*) FROM top WHERE sitzung_id = ?1 AND teil = ?2",
            params![sitzung.0, neu.teil.key()],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO top (sitzung_id, teil, pos, titel, vorlage_id, unterpunkt) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![sitzung.0, neu.teil.key(), pos, neu.titel.trim(), neu.vorlage.map(|v| v.0), neu.unterpunkt],
        )?;
        sitzung_geaendert(&tx, sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Moves a TOP to position `nach` (0-based) within its part; the others close up.
    pub fn top_verschieben(
        &mut self,
        top: TopId,
        nach: usize,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let (sitzung, teil): (i64, String) = tx
            .query_row(
                "SELECT sitzung_id, teil FROM top WHERE id = ?1",
                [top.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NichtGefunden {
                was: "TOP",
                id: top.0,
            })?;
        let mut reihe: Vec<i64> = tx
            .prepare("SELECT id FROM top WHERE sitzung_id = ?1 AND teil = ?2 ORDER BY pos, id")?
            .query_map(params![sitzung, teil], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        tagesordnung_offen(&tx, sitzung)?;
        reihe.retain(|&id| id != top.0);
        reihe.insert(nach.min(reihe.len()), top.0);
        for (pos, id) in reihe.iter().enumerate() {
            tx.execute(
                "UPDATE top SET pos = ?2 WHERE id = ?1",
                params![id, pos as i64],
            )?;
        }
        sitzung_geaendert(&tx, sitzung, jetzt)?;
        commit(tx)?;
        self.sitzung(SitzungId(sitzung))
    }

    /// Records the result of a TOP; for a Vorlage TOP also the Ergebnis of its
    /// Beratungsfolge step in this Gremium (the Beschlussvermerk of the Vorlage PDF).
    pub fn top_ergebnis(
        &mut self,
        top: TopId,
        ergebnis: TopErgebnis,
        text: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        if ergebnis == TopErgebnis::Geaendert && text.trim().is_empty() {
            return Err(ungueltig(
                "ergebnis_text",
                "Geändert beschlossen: Bitte den geänderten Beschluss eintragen.",
            ));
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        let (sitzung, vorlage, gremium): (i64, Option<i64>, String) = tx
            .query_row("SELECT t.sitzung_id, t.vorlage_id, g.name FROM top t JOIN sitzung s ON s.id = t.sitzung_id JOIN gremium g ON g.id = s.gremium_id WHERE t.id = ?1", [top.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
            .ok_or(StoreError::NichtGefunden { was: "TOP", id: top.0 })?;
        let (zustand, beginn): (String, String) = tx.query_row(
            "SELECT zustand, beginn FROM sitzung WHERE id = ?1",
            [sitzung],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if zustand == SitzungZustand::Abgesagt.key() {
            return Err(ungueltig(
                "zustand",
                "Die Sitzung ist abgesagt; ein Ergebnis kann nicht eingetragen werden.",
            ));
        }
        super::papierkorb::nicht_im_papierkorb(&tx, super::PapierkorbArt::Sitzung, sitzung)?;
        let tag = NaiveDateTime::parse_from_str(&beginn, ZEITFORMAT)
            .map(|b| b.date())
            .map_err(|_| ungueltig("beginn", "Der Beginn der Sitzung ist unlesbar."))?;
        if tag > jetzt.date() {
            return Err(ungueltig(
                "ergebnis",
                format!(
                    "Die Sitzung am {} hat noch nicht stattgefunden; ein Ergebnis kann erst ab dem Sitzungstag eingetragen werden.",
                    crate::domain::datum::deutsch(tag)
                ),
            ));
        }
        tx.execute(
            "UPDATE top SET ergebnis = ?2, ergebnis_text = ?3 WHERE id = ?1",
            params![top.0, ergebnis.key(), text.trim()],
        )?;
        if let Some(v) = vorlage {
            let vermerk = if text.trim().is_empty() {
                ergebnis.label().to_string()
            } else {
                format!("{}: {}", ergebnis.label(), text.trim())
            };
            tx.execute(
                "UPDATE beratungsschritt SET ergebnis = ?3 WHERE vorlage_id = ?1 AND lower(gremium) = lower(?2)",
                params![v, gremium, vermerk],
            )?;
            tx.execute(
                "UPDATE vorlage SET version = version + 1, geaendert = ?2 WHERE id = ?1",
                params![v, zeit(jetzt)],
            )?;
        }
        sitzung_geaendert(&tx, sitzung, jetzt)?;
        commit(tx)?;
        self.sitzung(SitzungId(sitzung))
    }

    /// Marks the Sitzung as called (Einladung sent on `am`); the Ladungsfrist is checked
    /// and reported with the Sitzung.
    pub fn sitzung_einladen(
        &mut self,
        sitzung: SitzungId,
        am: NaiveDate,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let n = self.conn.execute(
            "UPDATE sitzung SET zustand = 'eingeladen', eingeladen_am = ?2, version = version + 1, geaendert = ?3 WHERE id = ?1 AND zustand IN ('geplant', 'eingeladen')",
            params![sitzung.0, am.format("%Y-%m-%d").to_string(), zeit(jetzt)],
        )?;
        if n == 0 {
            let akte = self.sitzung(sitzung)?;
            return Err(ungueltig(
                "zustand",
                format!(
                    "Die Sitzung ist {} und kann nicht mehr eingeladen werden.",
                    akte.zustand.label()
                ),
            ));
        }
        self.sitzung(sitzung)
    }
}

impl Store {
    /// Refuses a change that was based on an older version of the Sitzung (another window
    /// or workstation changed it meanwhile): nothing is overwritten.
    pub fn sitzung_basis_pruefen(&self, sitzung: SitzungId, basis: i64) -> Result<(), StoreError> {
        let aktuell = sitzung_version(&self.conn, sitzung.0)?;
        if aktuell != basis {
            return Err(StoreError::SitzungKonflikt { basis, aktuell });
        }
        Ok(())
    }

    /// The Sitzung a TOP belongs to.
    pub fn top_sitzung(&self, top: TopId) -> Result<SitzungId, StoreError> {
        self.conn
            .query_row("SELECT sitzung_id FROM top WHERE id = ?1", [top.0], |r| {
                r.get(0)
            })
            .optional()?
            .map(SitzungId)
            .ok_or(StoreError::NichtGefunden {
                was: "TOP",
                id: top.0,
            })
    }

    /// Changes date, time and place of a Sitzung that has not taken place.
    pub fn sitzung_aendern(
        &mut self,
        sitzung: SitzungId,
        beginn: NaiveDateTime,
        ort: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        druckbar("ort", "Ort", ort)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        tagesordnung_offen(&tx, sitzung.0)?;
        tx.execute(
            "UPDATE sitzung SET beginn = ?2, ort = ?3 WHERE id = ?1",
            params![sitzung.0, zeit(beginn), ort.trim()],
        )?;
        sitzung_geaendert(&tx, sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Changes the title of a TOP (empty: a Vorlage TOP shows its Betreff) and whether it
    /// is an Unterpunkt of the TOP before it.
    pub fn top_aendern(
        &mut self,
        top: TopId,
        titel: &str,
        unterpunkt: bool,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let (sitzung, vorlage): (i64, Option<i64>) = top_lesen(&tx, top)?;
        tagesordnung_offen(&tx, sitzung)?;
        if vorlage.is_none() && titel.trim().is_empty() {
            return Err(ungueltig("titel", "TOP: Titel fehlt."));
        }
        druckbar("titel", "TOP, Titel", titel)?;
        tx.execute(
            "UPDATE top SET titel = ?2, unterpunkt = ?3 WHERE id = ?1",
            params![top.0, titel.trim(), unterpunkt],
        )?;
        sitzung_geaendert(&tx, sitzung, jetzt)?;
        commit(tx)?;
        self.sitzung(SitzungId(sitzung))
    }

    /// Takes a TOP off the Tagesordnung. A Vorlage TOP gives back the date it had put into
    /// the Vorlage's Beratungsfolge; a TOP with a recorded result stays (it is history).
    pub fn top_entfernen(
        &mut self,
        top: TopId,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let (sitzung, vorlage) = top_lesen(&tx, top)?;
        tagesordnung_offen(&tx, sitzung)?;
        let ergebnis: Option<String> =
            tx.query_row("SELECT ergebnis FROM top WHERE id = ?1", [top.0], |r| {
                r.get(0)
            })?;
        if ergebnis.is_some() {
            return Err(ungueltig(
                "top",
                "Der TOP hat schon ein Ergebnis und kann nicht mehr entfernt werden.",
            ));
        }
        if let Some(v) = vorlage {
            let (gremium, beginn): (String, String) = tx.query_row(
                "SELECT g.name, s.beginn FROM sitzung s JOIN gremium g ON g.id = s.gremium_id WHERE s.id = ?1",
                [sitzung],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            tx.execute(
                "UPDATE beratungsschritt SET datum = '' WHERE vorlage_id = ?1 AND lower(gremium) = lower(?2) AND datum = ?3 AND ergebnis = ''",
                params![v, gremium, &beginn[..10.min(beginn.len())]],
            )?;
            tx.execute(
                "UPDATE vorlage SET version = version + 1 WHERE id = ?1",
                [v],
            )?;
        }
        let teil: String =
            tx.query_row("SELECT teil FROM top WHERE id = ?1", [top.0], |r| r.get(0))?;
        tx.execute("DELETE FROM top WHERE id = ?1", [top.0])?;
        let reihe: Vec<i64> = tx
            .prepare("SELECT id FROM top WHERE sitzung_id = ?1 AND teil = ?2 ORDER BY pos, id")?
            .query_map(params![sitzung, teil], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for (pos, id) in reihe.iter().enumerate() {
            tx.execute(
                "UPDATE top SET pos = ?2 WHERE id = ?1",
                params![id, pos as i64],
            )?;
        }
        sitzung_geaendert(&tx, sitzung, jetzt)?;
        commit(tx)?;
        self.sitzung(SitzungId(sitzung))
    }

    /// Records whether a member of the Gremium attended (`None` clears the entry).
    pub fn anwesenheit_setzen(
        &mut self,
        sitzung: SitzungId,
        person: PersonId,
        status: Option<Anwesenheit>,
        bemerkung: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let mitglied: bool = tx
            .query_row(
                "SELECT count(*) > 0 FROM sitzung s JOIN mitgliedschaft m ON m.gremium_id = s.gremium_id WHERE s.id = ?1 AND m.person_id = ?2",
                [sitzung.0, person.0],
                |r| r.get(0),
            )?;
        if !mitglied {
            sitzung_version(&tx, sitzung.0)?;
            return Err(ungueltig(
                "person",
                format!(
                    "Anwesenheit: Person {} ist kein Mitglied dieses Gremiums.",
                    person.0
                ),
            ));
        }
        match status {
            Some(st) => tx.execute(
                "INSERT INTO anwesenheit (sitzung_id, person_id, status, bemerkung) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (sitzung_id, person_id) DO UPDATE SET status = excluded.status, bemerkung = excluded.bemerkung",
                params![sitzung.0, person.0, st.key(), bemerkung.trim()],
            )?,
            None => tx.execute(
                "DELETE FROM anwesenheit WHERE sitzung_id = ?1 AND person_id = ?2",
                [sitzung.0, person.0],
            )?,
        };
        sitzung_geaendert(&tx, sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Closes the Sitzung after it took place: its end and who kept the minutes, from
    /// which the Niederschrift is signed. Can be repeated to correct both.
    pub fn sitzung_abschliessen(
        &mut self,
        sitzung: SitzungId,
        ende: NaiveDateTime,
        schriftfuehrung: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let akte = self.sitzung(sitzung)?;
        if akte.zustand == SitzungZustand::Abgesagt {
            return Err(ungueltig("zustand", "Die Sitzung ist abgesagt."));
        }
        if schriftfuehrung.trim().is_empty() {
            return Err(ungueltig(
                "schriftfuehrung",
                "Schriftführung fehlt: Wer hat die Niederschrift geführt?",
            ));
        }
        let dauer = ende - akte.beginn;
        if dauer <= chrono::Duration::zero() || dauer > chrono::Duration::hours(24) {
            return Err(ungueltig(
                "ende",
                format!(
                    "Ende {} liegt nicht nach dem Beginn {} (am selben oder folgenden Tag).",
                    ende.format("%d.%m.%Y %H:%M"),
                    akte.beginn.format("%d.%m.%Y %H:%M")
                ),
            ));
        }
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.execute(
            "UPDATE sitzung SET zustand = 'durchgefuehrt', ende = ?2, schriftfuehrung = ?3 WHERE id = ?1",
            params![sitzung.0, zeit(ende), schriftfuehrung.trim()],
        )?;
        sitzung_geaendert(&tx, sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Takes back a cancellation: the Sitzung is "geplant" again, or "eingeladen" when an
    /// Einladung date is recorded. The members were not told of the cancellation by the app,
    /// so nothing else changes.
    pub fn sitzung_wieder_aufnehmen(
        &mut self,
        sitzung: SitzungId,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        super::papierkorb::nicht_im_papierkorb(&tx, super::PapierkorbArt::Sitzung, sitzung.0)?;
        let n = tx.execute(
            "UPDATE sitzung SET zustand = CASE WHEN eingeladen_am IS NULL THEN 'geplant' ELSE 'eingeladen' END
             WHERE id = ?1 AND zustand = 'abgesagt'",
            [sitzung.0],
        )?;
        if n == 0 {
            return Err(ungueltig(
                "zustand",
                "Nur eine abgesagte Sitzung kann wieder aufgenommen werden.",
            ));
        }
        sitzung_geaendert(&tx, sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Cancels a Sitzung that has not taken place.
    pub fn sitzung_absagen(
        &mut self,
        sitzung: SitzungId,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        tagesordnung_offen(&tx, sitzung.0)?;
        tx.execute(
            "UPDATE sitzung SET zustand = 'abgesagt' WHERE id = ?1",
            [sitzung.0],
        )?;
        sitzung_geaendert(&tx, sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }
}

fn sitzung_version(conn: &Connection, sitzung: i64) -> Result<i64, StoreError> {
    conn.query_row(
        "SELECT version FROM sitzung WHERE id = ?1",
        [sitzung],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(StoreError::NichtGefunden {
        was: "Sitzung",
        id: sitzung,
    })
}

/// (Sitzung, Vorlage) of a TOP.
fn top_lesen(conn: &Connection, top: TopId) -> Result<(i64, Option<i64>), StoreError> {
    conn.query_row(
        "SELECT sitzung_id, vorlage_id FROM top WHERE id = ?1",
        [top.0],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(StoreError::NichtGefunden {
        was: "TOP",
        id: top.0,
    })
}

/// The Tagesordnung can change until the Sitzung took place or was cancelled.
fn tagesordnung_offen(conn: &Connection, sitzung: i64) -> Result<(), StoreError> {
    super::papierkorb::nicht_im_papierkorb(conn, super::PapierkorbArt::Sitzung, sitzung)?;
    let zustand: String = conn
        .query_row(
            "SELECT zustand FROM sitzung WHERE id = ?1",
            [sitzung],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NichtGefunden {
            was: "Sitzung",
            id: sitzung,
        })?;
    let z = wert_zustand(&zustand)?;
    if matches!(z, SitzungZustand::Durchgefuehrt | SitzungZustand::Abgesagt) {
        return Err(ungueltig(
            "zustand",
            format!(
                "Die Sitzung ist {}; ihre Tagesordnung kann nicht mehr geändert werden.",
                z.label()
            ),
        ));
    }
    Ok(())
}

/// Every change of a Sitzung or its Tagesordnung bumps its version.
fn sitzung_geaendert(
    conn: &Connection,
    sitzung: i64,
    jetzt: NaiveDateTime,
) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE sitzung SET version = version + 1, geaendert = ?2 WHERE id = ?1",
        params![sitzung, zeit(jetzt)],
    )?;
    Ok(())
}

/// Records the Beratung of Vorlage `vorlage` in `gremium` on the date of `beginn`: the
/// step of that Gremium gets the date; without one, a step is appended.
fn beratung_vermerken(
    conn: &Connection,
    vorlage: i64,
    gremium: i64,
    beginn: &str,
) -> Result<(), StoreError> {
    let name: String =
        conn.query_row("SELECT name FROM gremium WHERE id = ?1", [gremium], |r| {
            r.get(0)
        })?;
    let datum = &beginn[..10.min(beginn.len())];
    let n = conn.execute(
        "UPDATE beratungsschritt SET datum = ?3 WHERE vorlage_id = ?1 AND lower(gremium) = lower(?2)",
        params![vorlage, name, datum],
    )?;
    if n == 0 {
        conn.execute(
            "INSERT INTO beratungsschritt (vorlage_id, pos, gremium, rolle, datum)
             VALUES (?1, (SELECT coalesce(max(pos), -1) + 1 FROM beratungsschritt WHERE vorlage_id = ?1), ?2, 'vorberatung', ?3)",
            params![vorlage, name, datum],
        )?;
    }
    conn.execute(
        "UPDATE vorlage SET version = version + 1 WHERE id = ?1",
        [vorlage],
    )?;
    Ok(())
}

fn sitzung_lesen(conn: &Connection, id: i64) -> Result<SitzungAkte, StoreError> {
    #[allow(clippy::type_complexity)]
    let (gremium_id, nummer, beginn, ort, zustand, eingeladen_am, version, ende, schriftfuehrung): (i64, i64, String, String, String, Option<String>, i64, Option<String>, String) = conn
        .query_row(
            "SELECT gremium_id, nummer, beginn, ort, zustand, eingeladen_am, version, ende, schriftfuehrung FROM sitzung WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?)),
        )
        .optional()?
        .ok_or(StoreError::NichtGefunden { was: "Sitzung", id })?;
    let gremium = gremium_lesen(conn, gremium_id)?;
    let beginn = beginn_lesen(&beginn);
    let mut tops = Vec::new();
    let mut q = conn.prepare(
        "SELECT t.id, t.teil, t.titel, t.ergebnis, t.ergebnis_text, v.id, v.nummer, v.betreff, v.status, t.unterpunkt
         FROM top t LEFT JOIN vorlage v ON v.id = t.vorlage_id
         WHERE t.sitzung_id = ?1 ORDER BY t.teil = 'nichtoeffentlich', t.pos, t.id",
    )?;
    let mut zeilen = q.query([id])?;
    while let Some(r) = zeilen.next()? {
        let teil: Teil = wert(r, 1)?;
        let vorlage = match r.get::<_, Option<i64>>(5)? {
            Some(v) => Some(TopVorlage {
                id: VorlageId(v),
                nummer: r.get(6)?,
                betreff: r.get(7)?,
                status: wert(r, 8)?,
            }),
            None => None,
        };
        let eigener: String = r.get(2)?;
        tops.push(Top {
            id: TopId(r.get(0)?),
            teil,
            nummer: String::new(),
            unterpunkt: r.get(9)?,
            titel: if eigener.is_empty() {
                vorlage
                    .as_ref()
                    .map(|v| v.betreff.clone())
                    .unwrap_or_default()
            } else {
                eigener
            },
            vorlage,
            ergebnis: super::wert_opt(r, 3)?,
            ergebnis_text: r.get(4)?,
        });
    }
    for teil in [Teil::Oeffentlich, Teil::Nichtoeffentlich] {
        let unter: Vec<bool> = tops
            .iter()
            .filter(|t| t.teil == teil)
            .map(|t| t.unterpunkt)
            .collect();
        let nummern = sitzung::top_nummern(teil, &unter);
        for (t, n) in tops.iter_mut().filter(|t| t.teil == teil).zip(nummern) {
            t.nummer = n;
        }
    }
    let mitglieder = mitglieder_lesen(conn, gremium_id, id)?;
    let eingeladen_am = eingeladen_am.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let mut befunde = Vec::new();
    if let Some(am) = eingeladen_am {
        befunde.extend(sitzung::ladungsfrist_pruefen(
            gremium.daten.ladungsfrist_tage,
            am,
            beginn,
        ));
    }
    if gremium.daten.mindestsitzungen_jahr > 0 {
        let beginne: Vec<NaiveDateTime> = conn
            .prepare("SELECT beginn FROM sitzung WHERE gremium_id = ?1 AND zustand != 'abgesagt' AND geloescht IS NULL")?
            .query_map([gremium_id], |r| r.get::<_, String>(0))?
            .map(|b| b.map(|b| beginn_lesen(&b)))
            .collect::<Result<_, _>>()?;
        use chrono::Datelike;
        befunde.extend(sitzung::mindestsitzungen_pruefen(
            gremium.daten.mindestsitzungen_jahr,
            &[beginn.year()],
            &beginne,
        ));
    }
    Ok(SitzungAkte {
        id: SitzungId(id),
        gremium,
        nummer,
        beginn,
        ort,
        zustand: wert_zustand(&zustand)?,
        eingeladen_am,
        ende: ende.map(|e| beginn_lesen(&e)),
        schriftfuehrung,
        version,
        tops,
        mitglieder,
        befunde,
    })
}

/// The members of a Gremium, chair first, then by family name; with their attendance at
/// Sitzung `sitzung` (none for 0). For a Sitzung, only those who were members on its day
/// (or whose attendance it recorded).
fn mitglieder_lesen(
    conn: &Connection,
    gremium: i64,
    sitzung: i64,
) -> Result<Vec<Mitglied>, StoreError> {
    Ok(conn
        .prepare(&format!(
            "SELECT {PERSON_SPALTEN}, m.rolle, m.stimmrecht, m.fuer, m.herkunft, a.status, coalesce(a.bemerkung, ''), m.von, m.bis
             FROM mitgliedschaft m JOIN person p ON p.id = m.person_id
             LEFT JOIN anwesenheit a ON a.person_id = p.id AND a.sitzung_id = ?2
             LEFT JOIN sitzung s ON s.id = ?2
             WHERE m.gremium_id = ?1 AND (s.id IS NULL OR a.status IS NOT NULL OR ({MITGLIED_AM_TAG}))
             ORDER BY m.rolle = 'vorsitz' DESC, m.rolle = 'stellv_vorsitz' DESC, p.sortname"
        ))?
        .query_map([gremium, sitzung], |r| {
            let tag = |i: usize| -> rusqlite::Result<Option<NaiveDate>> {
                Ok(r.get::<_, String>(i)?.parse().ok())
            };
            Ok(Mitglied { person: person_aus(r, 0)?, rolle: wert(r, 8)?, stimmrecht: r.get(9)?, fuer: r.get(10)?, herkunft: wert(r, 11)?, von: tag(14)?, bis: tag(15)?, anwesenheit: super::wert_opt(r, 12)?, bemerkung: r.get(13)? })
        })?
        .collect::<Result<Vec<_>, _>>()?)
}

/// SQL: membership `m` covers the day of Sitzung `s` (dates are ISO or empty, schema 9).
pub(super) const MITGLIED_AM_TAG: &str =
    "(m.von = '' OR m.von <= substr(s.beginn, 1, 10)) AND (m.bis = '' OR m.bis >= substr(s.beginn, 1, 10))";

fn person_lesen(conn: &Connection, id: PersonId) -> Result<Person, StoreError> {
    conn.query_row(
        &format!("SELECT {PERSON_SPALTEN} FROM person p WHERE p.id = ?1"),
        [id.0],
        |r| person_aus(r, 0),
    )
    .optional()?
    .ok_or(StoreError::NichtGefunden {
        was: "Person",
        id: id.0,
    })
}

fn person_schreiben(
    conn: &Connection,
    id: PersonId,
    neu: &PersonNeu,
    jetzt: NaiveDateTime,
) -> Result<(), StoreError> {
    person_lesen(conn, id)?;
    if neu.nachname.trim().is_empty() {
        return Err(ungueltig("nachname", "Nachname fehlt."));
    }
    neu.druckbar_pruefen()?;
    conn.execute(
        "UPDATE person SET anrede = ?2, titel = ?3, vorname = ?4, nachname = ?5, email = ?6, telefon = ?7, anschrift = ?8, sortname = ?9, geaendert = ?10
         WHERE id = ?1",
        params![id.0, neu.anrede.trim(), neu.titel.trim(), neu.vorname.trim(), neu.nachname.trim(), neu.email.trim(), neu.telefon.trim(), neu.anschrift.trim(), neu.sortname(), zeit(jetzt)],
    )?;
    Ok(())
}

fn mitgliedschaft_schreiben(conn: &Connection, neu: &MitgliedschaftNeu) -> Result<(), StoreError> {
    let name = person_lesen(conn, neu.person)?.name;
    let (von, bis) = mitgliedschaft_pruefen(conn, neu, &name, false)?;
    let n = conn.execute(
        "UPDATE mitgliedschaft SET rolle = ?3, stimmrecht = ?4, fuer = ?5, herkunft = ?6, von = ?7, bis = ?8
         WHERE person_id = ?1 AND gremium_id = ?2",
        params![neu.person.0, neu.gremium.0, neu.rolle.key(), neu.stimmrecht, neu.fuer.trim(), neu.herkunft.key(), von, bis],
    )?;
    if n == 0 {
        let g = gremium_lesen(conn, neu.gremium.0)?;
        return Err(ungueltig(
            "gremium",
            format!("{name} ist kein Mitglied im Gremium „{}“.", g.daten.name),
        ));
    }
    Ok(())
}

/// A membership's dates and Gremium, and for a new one that the person is not a member
/// already. Returns the dates as stored: ISO, or empty.
fn mitgliedschaft_pruefen(
    conn: &Connection,
    neu: &MitgliedschaftNeu,
    name: &str,
    neu_anlegen: bool,
) -> Result<(String, String), StoreError> {
    let mut tage = [None, None];
    for (i, (feld, wort, d)) in [
        ("von", "Mitglied seit", &neu.von),
        ("bis", "Mitglied bis", &neu.bis),
    ]
    .into_iter()
    .enumerate()
    {
        if !d.trim().is_empty() {
            let tag = crate::domain::datum::parse(d)
                .map_err(|e| ungueltig(feld, format!("Mitgliedschaft von {name}, {wort}: {e}.")))?;
            tage[i] = Some(tag);
        }
    }
    if let [Some(von), Some(bis)] = tage {
        if bis < von {
            return Err(ungueltig(
                "bis",
                format!("Mitgliedschaft von {name}: „Mitglied bis“ liegt vor „Mitglied seit“."),
            ));
        }
    }
    let iso = |t: Option<NaiveDate>| {
        t.map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let g = gremium_lesen(conn, neu.gremium.0)?;
    if !neu_anlegen {
        return Ok((iso(tage[0]), iso(tage[1])));
    }
    let schon: bool = conn.query_row(
        "SELECT count(*) > 0 FROM mitgliedschaft WHERE person_id = ?1 AND gremium_id = ?2",
        [neu.person.0, neu.gremium.0],
        |r| r.get(0),
    )?;
    if schon {
        return Err(ungueltig(
            "gremium",
            format!("{name} ist schon Mitglied im Gremium „{}“.", g.daten.name),
        ));
    }
    Ok((iso(tage[0]), iso(tage[1])))
}

fn wert_zustand(s: &str) -> Result<SitzungZustand, StoreError> {
    s.parse()
        .map_err(|e: crate::domain::werte::UnbekannterWert| ungueltig("zustand", e.to_string()))
}
