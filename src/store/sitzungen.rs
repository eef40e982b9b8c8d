//! The `sitzung` and `anwesenheit` tables: the Sitzungen of a Gremium, their state
//! (geplant → eingeladen → durchgeführt, or abgesagt) and who attended. The rules of a
//! Sitzung's life are the domain's ([`crate::domain::sitzung::akte`]); the store reads
//! and writes the rows, keeps the numbering counter and the version every change raises.
//! The Tagesordnung is [`super::tagesordnung`].

use super::fehler::StoreError;
use super::gremien::gremium_lesen;
use super::personen::mitglieder_lesen;
use super::sql::{p, Db};
use super::zeitpunkt::zeitpunkt;
use super::{
    commit, schreibtransaktion, ungueltig, wert, wert_opt, zeit, zeit_aus, zeit_opt_aus,
    PapierkorbArt, Store,
};
use crate::domain::sitzung::akte::{self, SitzungAkte, Top, TopVorlage};
use crate::domain::sitzung::beschlussfaehigkeit;
use crate::domain::sitzung::{Anwesenheit, SitzungZustand, Teil};
use crate::domain::{druckbar, GremiumId, PersonId, SitzungId, TopId, VorlageId};
use chrono::{NaiveDate, NaiveDateTime};

impl Store {
    /// A new Sitzung of `gremium`; its number is the next of that Gremium.
    pub fn sitzung_anlegen(
        &mut self,
        gremium: GremiumId,
        beginn: NaiveDateTime,
        ort: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        druckbar::feld("ort", "Ort", ort, druckbar::ORT)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        super::gremien::schreibbar(tx.db(), gremium.0, "Sitzungen anlegen")?;
        let nummer: i64 = tx.db().query_row(
            "SELECT coalesce(max(nummer), 0) + 1 FROM sitzung WHERE gremium_id = ?1",
            p![gremium.0],
            |r| r.get(0),
        )?;
        let id: i64 = tx.db().eins(
            "INSERT INTO sitzung (gremium_id, nummer, beginn, ort, erstellt, geaendert) VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
            p![gremium.0, nummer, zeit(beginn), ort.trim(), zeitpunkt(jetzt)],
        )?;
        commit(tx)?;
        self.sitzung(SitzungId(id))
    }

    pub fn sitzung(&self, id: SitzungId) -> Result<SitzungAkte, StoreError> {
        sitzung_lesen(self.db(), id.0)
    }

    /// The Sitzungen of a Gremium, oldest first.
    pub fn sitzungen(&self, gremium: GremiumId) -> Result<Vec<SitzungAkte>, StoreError> {
        gremium_lesen(self.db(), gremium.0)?;
        let ids: Vec<i64> = self.db()
            .query_map("SELECT id FROM sitzung WHERE gremium_id = ?1 AND geloescht IS NULL ORDER BY beginn, id", p![gremium.0], |r| r.get(0))?;
        ids.into_iter()
            .map(|id| sitzung_lesen(self.db(), id))
            .collect()
    }

    /// Marks the Sitzung as called (Einladung sent on `am`); the Ladungsfrist is checked
    /// and reported with the Sitzung.
    pub fn sitzung_einladen(
        &mut self,
        sitzung: SitzungId,
        am: NaiveDate,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let beginn: NaiveDateTime = self
            .db()
            .query_opt(
                "SELECT beginn FROM sitzung WHERE id = ?1",
                p![sitzung.0],
                |r| zeit_aus(r, 0),
            )?
            .ok_or(StoreError::NichtGefunden {
                was: "Sitzung",
                id: sitzung.0,
            })?;
        akte::einladung_pruefen(am, beginn)?;
        let n = self.db().execute(
            "UPDATE sitzung SET zustand = 'eingeladen', eingeladen_am = ?2, version = version + 1, geaendert = ?3 WHERE id = ?1 AND zustand IN ('geplant', 'eingeladen')",
            p![sitzung.0, am.format("%Y-%m-%d").to_string(), zeitpunkt(jetzt)],
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

    /// Refuses a change that was based on an older version of the Sitzung (another window
    /// or workstation changed it meanwhile): nothing is overwritten.
    pub fn sitzung_basis_pruefen(&self, sitzung: SitzungId, basis: i64) -> Result<(), StoreError> {
        let aktuell = sitzung_version(self.db(), sitzung.0)?;
        if aktuell != basis {
            return Err(StoreError::SitzungKonflikt { basis, aktuell });
        }
        Ok(())
    }

    /// Changes date, time and place of a Sitzung that has not taken place.
    pub fn sitzung_aendern(
        &mut self,
        sitzung: SitzungId,
        beginn: NaiveDateTime,
        ort: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        druckbar::feld("ort", "Ort", ort, druckbar::ORT)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        tagesordnung_offen(tx.db(), sitzung.0)?;
        tx.db().execute(
            "UPDATE sitzung SET beginn = ?2, ort = ?3 WHERE id = ?1",
            p![sitzung.0, zeit(beginn), ort.trim()],
        )?;
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Records whether a member of the Gremium attended (`None` clears the entry), with a
    /// note and, for a member present, the TOP from which they left (`geht_ab`).
    pub fn anwesenheit_setzen(
        &mut self,
        sitzung: SitzungId,
        person: PersonId,
        status: Option<Anwesenheit>,
        bemerkung: &str,
        geht_ab: Option<TopId>,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let name: Option<String> = tx.db()
            .query_opt(
                "SELECT trim(p.vorname || ' ' || p.nachname) FROM sitzung s JOIN mitgliedschaft m ON m.gremium_id = s.gremium_id JOIN person p ON p.id = m.person_id WHERE s.id = ?1 AND m.person_id = ?2",
                p![sitzung.0, person.0],
                |r| r.get(0),
            )?;
        let Some(name) = name else {
            sitzung_version(tx.db(), sitzung.0)?;
            return Err(ungueltig(
                "person",
                format!(
                    "Anwesenheit: Person {} ist kein Mitglied dieses Gremiums.",
                    person.0
                ),
            ));
        };
        akte::bemerkung_pruefen(&name, status.is_some(), bemerkung)?;
        if let Some(top) = geht_ab {
            beschlussfaehigkeit::gehen_pruefen(
                &sitzung_lesen(tx.db(), sitzung.0)?,
                &name,
                status,
                top,
            )?;
        }
        match status {
            Some(st) => tx.db().execute(
                "INSERT INTO anwesenheit (sitzung_id, person_id, status, bemerkung, geht_ab_top) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (sitzung_id, person_id) DO UPDATE SET status = excluded.status, bemerkung = excluded.bemerkung, geht_ab_top = excluded.geht_ab_top",
                p![sitzung.0, person.0, st.key(), bemerkung.trim(), geht_ab.map(|t| t.0)],
            )?,
            None => tx.db().execute(
                "DELETE FROM anwesenheit WHERE sitzung_id = ?1 AND person_id = ?2",
                p![sitzung.0, person.0],
            )?,
        };
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Records the chair's finding "Beschlussunfähigkeit festgestellt" at TOP `top`, or
    /// takes it back (`None`; a finding typed at the wrong TOP). One per Sitzung.
    pub fn beschlussunfaehigkeit_feststellen(
        &mut self,
        sitzung: SitzungId,
        top: Option<TopId>,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        let akte = sitzung_lesen(tx.db(), sitzung.0)?;
        if let Some(t) = top {
            beschlussfaehigkeit::feststellen_pruefen(&akte, t, jetzt.date())?;
        }
        tx.db().execute(
            "UPDATE top SET beschlussunfaehig = 0 WHERE sitzung_id = ?1 AND beschlussunfaehig = 1",
            p![sitzung.0],
        )?;
        if let Some(t) = top {
            tx.db().execute(
                "UPDATE top SET beschlussunfaehig = 1 WHERE id = ?1 AND sitzung_id = ?2",
                p![t.0, sitzung.0],
            )?;
        }
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
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
        akte::abschluss_pruefen(&self.sitzung(sitzung)?, ende, schriftfuehrung)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db().execute(
            "UPDATE sitzung SET zustand = 'durchgefuehrt', ende = ?2, schriftfuehrung = ?3 WHERE id = ?1",
            p![sitzung.0, zeit(ende), schriftfuehrung.trim()],
        )?;
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }

    /// Saves the end time and the Schriftführung as typed, before (or after) the Sitzung is
    /// closed; its state stays ([`akte::abschlussangaben_pruefen`]).
    pub fn sitzung_abschlussangaben(
        &mut self,
        sitzung: SitzungId,
        ende: Option<NaiveDateTime>,
        schriftfuehrung: &str,
        jetzt: NaiveDateTime,
    ) -> Result<SitzungAkte, StoreError> {
        akte::abschlussangaben_pruefen(&self.sitzung(sitzung)?, ende, schriftfuehrung)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db().execute(
            "UPDATE sitzung SET ende = ?2, schriftfuehrung = ?3 WHERE id = ?1",
            p![sitzung.0, ende.map(zeit), schriftfuehrung.trim()],
        )?;
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
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
        super::papierkorb::nicht_im_papierkorb(tx.db(), PapierkorbArt::Sitzung, sitzung.0)?;
        let n = tx.db().execute(
            "UPDATE sitzung SET zustand = CASE WHEN eingeladen_am IS NULL THEN 'geplant' ELSE 'eingeladen' END
             WHERE id = ?1 AND zustand = 'abgesagt'",
            p![sitzung.0],
        )?;
        if n == 0 {
            return Err(ungueltig(
                "zustand",
                "Nur eine abgesagte Sitzung kann wieder aufgenommen werden.",
            ));
        }
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
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
        tagesordnung_offen(tx.db(), sitzung.0)?;
        tx.db().execute(
            "UPDATE sitzung SET zustand = 'abgesagt' WHERE id = ?1",
            p![sitzung.0],
        )?;
        sitzung_geaendert(tx.db(), sitzung.0, jetzt)?;
        commit(tx)?;
        self.sitzung(sitzung)
    }
}

pub(super) fn sitzung_version(db: Db<'_>, sitzung: i64) -> Result<i64, StoreError> {
    db.query_opt(
        "SELECT version FROM sitzung WHERE id = ?1",
        p![sitzung],
        |r| r.get(0),
    )?
    .ok_or(StoreError::NichtGefunden {
        was: "Sitzung",
        id: sitzung,
    })
}

/// A Sitzung's state and beginning (not in the Papierkorb).
pub(super) fn stand_lesen(
    db: Db<'_>,
    sitzung: i64,
) -> Result<(SitzungZustand, NaiveDateTime), StoreError> {
    let (zustand, beginn) = db
        .query_opt(
            "SELECT zustand, beginn FROM sitzung WHERE id = ?1",
            p![sitzung],
            |r| Ok((wert(r, 0)?, zeit_aus(r, 1)?)),
        )?
        .ok_or(StoreError::NichtGefunden {
            was: "Sitzung",
            id: sitzung,
        })?;
    super::papierkorb::nicht_im_papierkorb(db, PapierkorbArt::Sitzung, sitzung)?;
    Ok((zustand, beginn))
}

/// The Tagesordnung can change until the Sitzung took place or was cancelled (the
/// domain's rule, on the stored state).
pub(super) fn tagesordnung_offen(db: Db<'_>, sitzung: i64) -> Result<(), StoreError> {
    let (zustand, _) = stand_lesen(db, sitzung)?;
    Ok(akte::tagesordnung_offen(zustand)?)
}

/// Every change of a Sitzung or its Tagesordnung bumps its version.
pub(super) fn sitzung_geaendert(
    db: Db<'_>,
    sitzung: i64,
    jetzt: NaiveDateTime,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE sitzung SET version = version + 1, geaendert = ?2 WHERE id = ?1",
        p![sitzung, zeitpunkt(jetzt)],
    )?;
    Ok(())
}

pub(super) fn sitzung_lesen(db: Db<'_>, id: i64) -> Result<SitzungAkte, StoreError> {
    #[allow(clippy::type_complexity)]
    let (gremium_id, nummer, beginn, ort, zustand, eingeladen_am, version, ende, schriftfuehrung): (i64, i64, NaiveDateTime, String, SitzungZustand, Option<String>, i64, Option<NaiveDateTime>, String) = db
        .query_opt(
            "SELECT gremium_id, nummer, beginn, ort, zustand, eingeladen_am, version, ende, schriftfuehrung FROM sitzung WHERE id = ?1",
            p![id],
            |r| Ok((r.get(0)?, r.get(1)?, zeit_aus(r, 2)?, r.get(3)?, wert(r, 4)?, r.get(5)?, r.get(6)?, zeit_opt_aus(r, 7)?, r.get(8)?)),
        )?
        .ok_or(StoreError::NichtGefunden { was: "Sitzung", id })?;
    let gremium = gremium_lesen(db, gremium_id)?;
    let mut tops = Vec::new();
    db.each(
        "SELECT t.id, t.teil, t.titel, t.ergebnis, t.ergebnis_text, v.id, v.nummer, v.betreff, v.status, t.unterpunkt, t.beschlussunfaehig
         FROM top t LEFT JOIN vorlage v ON v.id = t.vorlage_id
         WHERE t.sitzung_id = ?1 ORDER BY t.teil = 'nichtoeffentlich', t.pos, t.id",
        p![id],
        |r| {
        let teil: Teil = wert(r, 1)?;
        let vorlage = match r.get::<Option<i64>>(5)? {
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
            ergebnis: wert_opt(r, 3)?,
            ergebnis_text: r.get(4)?,
            beschlussunfaehig: r.get(10)?,
        });
        Ok(true)
    })?;
    akte::nummerieren(&mut tops);
    let mitglieder = mitglieder_lesen(db, gremium_id, id)?;
    let eingeladen_am = eingeladen_am.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let beginne: Vec<NaiveDateTime> = if gremium.daten.mindestsitzungen_jahr > 0 {
        db.query_map("SELECT beginn FROM sitzung WHERE gremium_id = ?1 AND zustand != 'abgesagt' AND geloescht IS NULL", p![gremium_id], |r| zeit_aus(r, 0))?
    } else {
        Vec::new()
    };
    let befunde = akte::befunde(&gremium, eingeladen_am, beginn, &beginne);
    let entwuerfe = akte::entwuerfe(&tops);
    let nicht_loeschbar =
        akte::loeschen_pruefen(zustand, tops.iter().filter(|t| t.vorlage.is_some()).count())
            .err()
            .map(|b| b.meldung);
    let mut akte = SitzungAkte {
        id: SitzungId(id),
        gremium,
        nummer,
        beginn,
        ort,
        zustand,
        eingeladen_am,
        ende,
        schriftfuehrung,
        version,
        tops,
        mitglieder,
        befunde,
        entwuerfe,
        nicht_loeschbar,
        beschlussfaehigkeit: Vec::new(),
    };
    akte.beschlussfaehigkeit = beschlussfaehigkeit::verlauf(&akte);
    Ok(akte)
}
