//! The `person` and `mitgliedschaft` tables: the people of the office and their
//! memberships in the Gremien. The forms' rules are the domain's ([`PersonNeu::pruefen`],
//! [`MitgliedschaftNeu::tage_pruefen`]); the store adds what needs the tables (a person
//! is a member of a Gremium once). The Wahlen read candidates through [`person_aus`].

use super::fehler::StoreError;
use super::gremien::gremium_lesen;
use super::sql::{p, Db, Zeile};
use super::zeitpunkt::zeitpunkt;
use super::{commit, schreibtransaktion, ungueltig, wert, wert_opt, Store};
use crate::domain::mitgliedschaft::{Mitglied, MitgliedschaftNeu};
use crate::domain::person::{Person, PersonNeu};
use crate::domain::{GremiumId, PersonId, TopId};
use chrono::{NaiveDate, NaiveDateTime};

/// The columns [`person_aus`] reads, from a table aliased `p`.
pub(super) const PERSON_SPALTEN: &str =
    "p.id, p.anrede, p.titel, p.vorname, p.nachname, p.email, p.telefon, p.anschrift, p.iban, p.personalnummer";

/// A person from the [`PERSON_SPALTEN`] of a row, starting at column `ab`.
pub(super) fn person_aus(r: &Zeile, ab: usize) -> Result<Person, StoreError> {
    let daten = PersonNeu {
        anrede: r.get(ab + 1)?,
        titel: r.get(ab + 2)?,
        vorname: r.get(ab + 3)?,
        nachname: r.get(ab + 4)?,
        email: r.get(ab + 5)?,
        telefon: r.get(ab + 6)?,
        anschrift: r.get(ab + 7)?,
        iban: r.get(ab + 8)?,
        personalnummer: r.get(ab + 9)?,
    };
    Ok(Person {
        id: PersonId(r.get(ab)?),
        name: daten.name(),
        daten,
    })
}

/// The IBAN as stored: without spaces, upper case (checked by [`PersonNeu::pruefen`]).
fn iban(neu: &PersonNeu) -> Result<String, StoreError> {
    Ok(crate::domain::entschaedigung::iban::pruefen(
        &neu.name(),
        &neu.iban,
    )?)
}

/// SQL: membership `m` covers the day of Sitzung `s` (dates are ISO or empty, schema 9).
pub(super) const MITGLIED_AM_TAG: &str =
    "(m.von = '' OR m.von <= substr(s.beginn, 1, 10)) AND (m.bis = '' OR m.bis >= substr(s.beginn, 1, 10))";

impl Store {
    pub fn person_anlegen(
        &mut self,
        neu: &PersonNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Person, StoreError> {
        neu.pruefen()?;
        let id = self.db().eins(
            "INSERT INTO person (anrede, titel, vorname, nachname, email, telefon, anschrift, sortname, erstellt, geaendert, iban, personalnummer)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11) RETURNING id",
            p![neu.anrede.trim(), neu.titel.trim(), neu.vorname.trim(), neu.nachname.trim(), neu.email.trim(), neu.telefon.trim(), neu.anschrift.trim(), neu.sortname(), zeitpunkt(jetzt), iban(neu)?, neu.personalnummer.trim()],
        )?;
        person_lesen(self.db(), PersonId(id))
    }

    /// Everyone, sorted by family name as a German reader expects ("Çelik" beside "Celik").
    pub fn personen(&self) -> Result<Vec<Person>, StoreError> {
        self.db().query_map(
            &format!("SELECT {PERSON_SPALTEN} FROM person p ORDER BY p.sortname, p.id"),
            p![],
            |r| person_aus(r, 0),
        )
    }

    pub fn mitgliedschaft_anlegen(&mut self, neu: &MitgliedschaftNeu) -> Result<(), StoreError> {
        let name = person_lesen(self.db(), neu.person)?.name;
        let (von, bis) = mitgliedschaft_pruefen(self.db(), neu, &name, true)?;
        self.db().execute(
            "INSERT INTO mitgliedschaft (person_id, gremium_id, rolle, stimmrecht, fuer, herkunft, von, bis)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            p![neu.person.0, neu.gremium.0, neu.rolle.key(), neu.stimmrecht, neu.fuer.trim(), neu.herkunft.key(), von, bis],
        )?;
        Ok(())
    }

    /// Changes a membership (found by person and Gremium): role, vote, list, origin and
    /// its dates. Ending a membership is setting `bis`; the member then no longer appears
    /// in the Sitzungen after that day (those already held keep their attendance).
    pub fn mitgliedschaft_aendern(&mut self, neu: &MitgliedschaftNeu) -> Result<(), StoreError> {
        mitgliedschaft_schreiben(self.db(), neu)
    }

    /// Changes a person's name, address and contact (for every Gremium they belong to).
    pub fn person_aendern(
        &mut self,
        id: PersonId,
        neu: &PersonNeu,
        jetzt: NaiveDateTime,
    ) -> Result<Person, StoreError> {
        person_schreiben(self.db(), id, neu, jetzt)?;
        person_lesen(self.db(), id)
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
        person_schreiben(tx.db(), id, person, jetzt)?;
        mitgliedschaft_schreiben(
            tx.db(),
            &MitgliedschaftNeu {
                person: id,
                ..mitgliedschaft.clone()
            },
        )?;
        commit(tx)?;
        person_lesen(self.db(), id)
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
                self.db(),
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
        gremium_lesen(self.db(), gremium.0)?;
        mitglieder_lesen(self.db(), gremium.0, 0)
    }

    /// Every membership with its row id (for exports).
    pub fn mitgliedschaften(&self) -> Result<Vec<(i64, MitgliedschaftNeu)>, StoreError> {
        self.db()
            .query_map("SELECT id, person_id, gremium_id, rolle, stimmrecht, fuer, herkunft, von, bis FROM mitgliedschaft ORDER BY id", p![], |r| {
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
            })
    }
}

/// The members of a Gremium, chair first, then by family name; with their attendance at
/// Sitzung `sitzung` (none for 0). For a Sitzung, only those who were members on its day
/// (or whose attendance it recorded).
pub(super) fn mitglieder_lesen(
    db: Db<'_>,
    gremium: i64,
    sitzung: i64,
) -> Result<Vec<Mitglied>, StoreError> {
    db.query_map(
        &format!(
            "SELECT {PERSON_SPALTEN}, m.rolle, m.stimmrecht, m.fuer, m.herkunft, a.status, coalesce(a.bemerkung, ''), m.von, m.bis, a.geht_ab_top
             FROM mitgliedschaft m JOIN person p ON p.id = m.person_id
             LEFT JOIN anwesenheit a ON a.person_id = p.id AND a.sitzung_id = ?2
             LEFT JOIN sitzung s ON s.id = ?2
             WHERE m.gremium_id = ?1 AND (s.id IS NULL OR a.status IS NOT NULL OR ({MITGLIED_AM_TAG}))
             ORDER BY m.rolle = 'vorsitz' DESC, m.rolle = 'stellv_vorsitz' DESC, p.sortname"
        ),
        p![gremium, sitzung],
        |r| {
            let tag = |i: usize| -> Result<Option<NaiveDate>, StoreError> {
                Ok(r.get::<String>(i)?.parse().ok())
            };
            Ok(Mitglied {
                person: person_aus(r, 0)?,
                rolle: wert(r, 10)?,
                stimmrecht: r.get(11)?,
                fuer: r.get(12)?,
                herkunft: wert(r, 13)?,
                von: tag(16)?,
                bis: tag(17)?,
                anwesenheit: wert_opt(r, 14)?,
                bemerkung: r.get(15)?,
                geht_ab: r.get::<Option<i64>>(18)?.map(TopId),
            })
        },
    )
}

pub(super) fn person_lesen(db: Db<'_>, id: PersonId) -> Result<Person, StoreError> {
    db.query_opt(
        &format!("SELECT {PERSON_SPALTEN} FROM person p WHERE p.id = ?1"),
        p![id.0],
        |r| person_aus(r, 0),
    )?
    .ok_or(StoreError::NichtGefunden {
        was: "Person",
        id: id.0,
    })
}

fn person_schreiben(
    db: Db<'_>,
    id: PersonId,
    neu: &PersonNeu,
    jetzt: NaiveDateTime,
) -> Result<(), StoreError> {
    person_lesen(db, id)?;
    neu.pruefen()?;
    db.execute(
        "UPDATE person SET anrede = ?2, titel = ?3, vorname = ?4, nachname = ?5, email = ?6, telefon = ?7, anschrift = ?8, sortname = ?9, geaendert = ?10, iban = ?11, personalnummer = ?12
         WHERE id = ?1",
        p![id.0, neu.anrede.trim(), neu.titel.trim(), neu.vorname.trim(), neu.nachname.trim(), neu.email.trim(), neu.telefon.trim(), neu.anschrift.trim(), neu.sortname(), zeitpunkt(jetzt), iban(neu)?, neu.personalnummer.trim()],
    )?;
    Ok(())
}

fn mitgliedschaft_schreiben(db: Db<'_>, neu: &MitgliedschaftNeu) -> Result<(), StoreError> {
    let name = person_lesen(db, neu.person)?.name;
    let (von, bis) = mitgliedschaft_pruefen(db, neu, &name, false)?;
    let n = db.execute(
        "UPDATE mitgliedschaft SET rolle = ?3, stimmrecht = ?4, fuer = ?5, herkunft = ?6, von = ?7, bis = ?8
         WHERE person_id = ?1 AND gremium_id = ?2",
        p![neu.person.0, neu.gremium.0, neu.rolle.key(), neu.stimmrecht, neu.fuer.trim(), neu.herkunft.key(), von, bis],
    )?;
    if n == 0 {
        let g = gremium_lesen(db, neu.gremium.0)?;
        return Err(ungueltig(
            "gremium",
            format!("{name} ist kein Mitglied im Gremium „{}“.", g.daten.name),
        ));
    }
    Ok(())
}

/// A membership's dates (the domain's rule) and Gremium, and for a new one that the person
/// is not a member already. Returns the dates as stored: ISO, or empty.
fn mitgliedschaft_pruefen(
    db: Db<'_>,
    neu: &MitgliedschaftNeu,
    name: &str,
    neu_anlegen: bool,
) -> Result<(String, String), StoreError> {
    super::gremien::schreibbar(db, neu.gremium.0, "Mitglieder eintragen")?;
    let (von, bis) = neu.tage_pruefen(name)?;
    let iso = |t: Option<NaiveDate>| {
        t.map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let g = gremium_lesen(db, neu.gremium.0)?;
    if neu_anlegen {
        let schon: bool = db.query_row(
            "SELECT count(*) > 0 FROM mitgliedschaft WHERE person_id = ?1 AND gremium_id = ?2",
            p![neu.person.0, neu.gremium.0],
            |r| r.get(0),
        )?;
        if schon {
            return Err(ungueltig(
                "gremium",
                format!("{name} ist schon Mitglied im Gremium „{}“.", g.daten.name),
            ));
        }
    }
    Ok((iso(von), iso(bis)))
}
