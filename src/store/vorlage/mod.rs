//! Tables `vorlage`, `beratungsschritt`, `finanzen`: the Vorlagen, their lifecycle
//! (Entwurf → freigegeben → neue Fassung) and the optimistic concurrency that refuses a
//! stale save.
//!
//! Every change runs in one IMMEDIATE transaction that first checks the version the caller
//! based the change on; a mismatch is [`StoreError::Konflikt`] and nothing is written. A
//! change that would store a wrong value is refused whole ([`StoreError::Ungueltig`]).
//!
//! The aggregate's rows live in this folder: the content ([`inhalt`]), the Anlagen
//! ([`anlagen`]) and the Beratung recorded from the Sitzungen ([`beratung`]). Every change
//! of any of them raises the Vorlage's version through [`version_erhoehen`], so that an
//! editor open elsewhere notices.

pub(super) mod anlagen;
pub(super) mod beratung;
mod inhalt;

use super::fehler::StoreError;
use super::{buero, commit, schreibtransaktion, sekunden, suche, wert, Gespeichert, Store};
use crate::domain::befund::{self, Befund, Schwere};
use crate::domain::finanzen::{FinanzSummen, Posten};
use crate::domain::nummer::{self, Nummernschema};
use crate::domain::pruefung;
use crate::domain::vorlage::VorlageAkte;
use crate::domain::{Finanzen, VorlageId, VorlageInhalt};
use crate::store::sql::{p, Db};
use crate::store::zeitpunkt::{zeitpunkt, zeitpunkt_aus, zeitpunkt_opt_aus};
use chrono::{Datelike, NaiveDateTime};
use inhalt::{inhalt_lesen, inhalt_schreiben};

const AKTE_SPALTEN: &str = "id, nummer, zustand, fassung, stamm_id, vorgaenger_id,
    (SELECT n.id FROM vorlage n WHERE n.vorgaenger_id = v.id AND n.geloescht IS NULL), version, erstellt, geaendert, freigegeben_am,
    art, status, betreff, verfasser, federfuehrend, bearbeiter, klimarelevanz, beschlussvorschlag, sachverhalt";

/// Version and state check before any change.
fn kopf_pruefen(db: Db<'_>, id: i64, basis: i64) -> Result<(), StoreError> {
    super::papierkorb::nicht_im_papierkorb(db, super::PapierkorbArt::Vorlage, id)?;
    let (zustand, version, nummer): (String, i64, Option<String>) = db
        .query_opt(
            "SELECT zustand, version, nummer FROM vorlage WHERE id = ?1",
            p![id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?
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
    db: Db<'_>,
    id: i64,
) -> Result<(VorlageInhalt, Finanzen, Vec<Befund>), StoreError> {
    let inhalt = inhalt_lesen(db, id)?;
    let kurz = anlagen::kurz(db, id)?;
    let (fin, befunde) = pruefung::pruefen(&inhalt, &kurz);
    Ok((inhalt, fin, befunde))
}

/// Bumps the version, records the findings' count and re-indexes.
fn abschluss(
    db: Db<'_>,
    id: i64,
    jetzt: NaiveDateTime,
    (fin, befunde): (Finanzen, Vec<Befund>),
) -> Result<Gespeichert, StoreError> {
    let geaendert = sekunden(jetzt);
    let version = version_erhoehen(db, VorlageId(id), geaendert)?;
    db.execute(
        "UPDATE vorlage SET offene_befunde = ?2 WHERE id = ?1",
        p![id, pruefung::offene(&befunde) as i64],
    )?;
    suche::indizieren(db, id)?;
    Ok(Gespeichert {
        id: VorlageId(id),
        version,
        geaendert,
        befunde,
        summen: fin.summen(),
    })
}

/// Every change of the aggregate — a save of its content or Anlagen, a Beratung recorded
/// from a Sitzung, its result, a TOP taken off again — raises the version and the time of
/// the last change here, so that an editor open on the old version is told. Returns the
/// new version.
pub(super) fn version_erhoehen(
    db: Db<'_>,
    id: VorlageId,
    jetzt: NaiveDateTime,
) -> Result<i64, StoreError> {
    db.query_row(
        "UPDATE vorlage SET version = version + 1, geaendert = ?2 WHERE id = ?1 RETURNING version",
        p![id.0, zeitpunkt(jetzt)],
        |r| r.get(0),
    )
}

/// Normalises and checks new content (a new draft has no Anlagen yet); refuses it when it
/// carries a wrong value, else returns it with its finance table and findings.
fn annehmbar(inhalt: &VorlageInhalt) -> Result<(VorlageInhalt, Finanzen, Vec<Befund>), StoreError> {
    let inhalt = inhalt.normalisiert();
    let (fin, befunde) = pruefung::pruefen(&inhalt, &[]);
    if befund::erreicht(&befunde, Schwere::Fehler) {
        return Err(StoreError::Ungueltig(
            befunde
                .into_iter()
                .filter(|b| b.schwere == Schwere::Fehler)
                .collect(),
        ));
    }
    Ok((inhalt, fin, befunde))
}

impl Store {
    /// Creates a new draft. Content with a wrong value (an impossible date, a malformed
    /// amount) is refused; incomplete content is saved and reported.
    pub fn vorlage_anlegen(
        &mut self,
        inhalt: &VorlageInhalt,
        jetzt: NaiveDateTime,
    ) -> Result<Gespeichert, StoreError> {
        let (inhalt, fin, befunde) = annehmbar(inhalt)?;
        let tx = schreibtransaktion(&mut self.conn)?;
        let t = zeitpunkt(jetzt);
        let id: i64 = tx.db().eins(
            "INSERT INTO vorlage (zustand, art, status, betreff, version, erstellt, geaendert)
             VALUES ('entwurf', ?1, ?2, '', 0, ?3, ?3) RETURNING id",
            p![inhalt.art.key(), inhalt.status.key(), t],
        )?;
        inhalt_schreiben(tx.db(), id, &inhalt, &fin)?;
        // The findings of the content as checked: it is stored as it was normalised.
        let g = abschluss(tx.db(), id, jetzt, (fin, befunde))?;
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
        kopf_pruefen(tx.db(), id.0, basis)?;
        let kurz = anlagen::kurz(tx.db(), id.0)?;
        let inhalt = inhalt.normalisiert();
        let (fin, befunde) = pruefung::pruefen(&inhalt, &kurz);
        if inhalt_lesen(tx.db(), id.0)? == inhalt {
            // Nothing changed: no new version, nothing written.
            let geaendert = tx.db().query_row(
                "SELECT geaendert FROM vorlage WHERE id = ?1",
                p![id.0],
                |r| zeitpunkt_aus(r, 0),
            )?;
            return Ok(Gespeichert {
                id,
                version: basis,
                geaendert,
                befunde,
                summen: fin.summen(),
            });
        }
        inhalt_schreiben(tx.db(), id.0, &inhalt, &fin)?;
        let g = abschluss(tx.db(), id.0, jetzt, (fin, befunde))?;
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
        aenderung: impl FnOnce(Db<'_>) -> Result<T, StoreError>,
    ) -> Result<(Gespeichert, T), StoreError> {
        let tx = schreibtransaktion(&mut self.conn)?;
        kopf_pruefen(tx.db(), id.0, basis)?;
        let t = aenderung(tx.db())?;
        let (_, fin, befunde) = befunde_berechnen(tx.db(), id.0)?;
        let g = abschluss(tx.db(), id.0, jetzt, (fin, befunde))?;
        commit(tx)?;
        Ok((g, t))
    }

    /// Everything about one Fassung.
    pub fn vorlage(&self, id: VorlageId) -> Result<VorlageAkte, StoreError> {
        let tx = self.lesetransaktion()?;
        let akte = tx
            .db()
            .query_opt(
                &format!("SELECT {AKTE_SPALTEN} FROM vorlage v WHERE id = ?1"),
                p![id.0],
                |r| {
                    Ok(VorlageAkte {
                        id: VorlageId(r.get(0)?),
                        nummer: r.get(1)?,
                        zustand: wert(r, 2)?,
                        fassung: r.get(3)?,
                        stamm_id: r.get::<Option<i64>>(4)?.map(VorlageId),
                        vorgaenger_id: r.get::<Option<i64>>(5)?.map(VorlageId),
                        nachfolger_id: r.get::<Option<i64>>(6)?.map(VorlageId),
                        version: r.get(7)?,
                        erstellt: zeitpunkt_aus(r, 8)?,
                        geaendert: zeitpunkt_aus(r, 9)?,
                        freigegeben_am: zeitpunkt_opt_aus(r, 10)?,
                        inhalt: VorlageInhalt::default(),
                        anlagen: Vec::new(),
                        befunde: Vec::new(),
                        summen: FinanzSummen::default(),
                    })
                },
            )?
            .ok_or(StoreError::NichtGefunden {
                was: "Vorlage",
                id: id.0,
            })?;
        let (inhalt, fin, befunde) = befunde_berechnen(tx.db(), id.0)?;
        let anlagen = anlagen::liste(tx.db(), id.0)?;
        Ok(VorlageAkte {
            inhalt,
            anlagen,
            befunde,
            summen: fin.summen(),
            ..akte
        })
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
        kopf_pruefen(tx.db(), id.0, basis)?;
        let (_, fin, befunde) = befunde_berechnen(tx.db(), id.0)?;
        if befund::erreicht(&befunde, Schwere::Unvollstaendig) {
            return Err(StoreError::Ungueltig(
                befunde
                    .into_iter()
                    .filter(|b| b.schwere >= Schwere::Unvollstaendig)
                    .collect(),
            ));
        }
        let (stamm, fassung): (Option<i64>, i64) = tx.db().query_row(
            "SELECT stamm_id, fassung FROM vorlage WHERE id = ?1",
            p![id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let nummer = match stamm {
            Some(stamm) => {
                let stamm_nummer: Option<String> = tx.db().query_row(
                    "SELECT nummer FROM vorlage WHERE id = ?1",
                    p![stamm],
                    |r| r.get(0),
                )?;
                nummer::fassung(&stamm_nummer.unwrap_or_default(), fassung as u32)
            }
            None => naechste_nummer(tx.db(), jetzt)?,
        };
        tx.db().execute(
            "UPDATE vorlage SET zustand = 'freigegeben', nummer = ?2, freigegeben_am = ?3 WHERE id = ?1",
            p![id.0, nummer, zeitpunkt(jetzt)],
        )?;
        let g = abschluss(tx.db(), id.0, jetzt, (fin, befunde))?;
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
        let (zustand, nachfolger): (String, Option<String>) = tx.db()
            .query_opt(
                "SELECT zustand, (SELECT coalesce(n.nummer, 'Entwurf ' || n.id) FROM vorlage n WHERE n.vorgaenger_id = v.id AND n.geloescht IS NULL)
                 FROM vorlage v WHERE id = ?1",
                p![id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .ok_or(StoreError::NichtGefunden { was: "Vorlage", id: id.0 })?;
        if zustand != "freigegeben" {
            return Err(StoreError::NochEntwurf);
        }
        if let Some(n) = nachfolger {
            return Err(StoreError::NeuereFassung(n));
        }
        let t = zeitpunkt(jetzt);
        let neu: i64 = tx.db().eins(
            "INSERT INTO vorlage (stamm_id, fassung, vorgaenger_id, zustand, art, status, betreff, verfasser, federfuehrend,
                                  bearbeiter, klimarelevanz, beschlussvorschlag, sachverhalt, unterschrift_modus,
                                  unterschrift_name, unterschrift_funktion, unterschrift_behoerdenleitung, version,
                                  erstellt, geaendert)
             SELECT coalesce(stamm_id, id), fassung + 1, id, 'entwurf', art, status, betreff, verfasser, federfuehrend,
                    bearbeiter, klimarelevanz, beschlussvorschlag, sachverhalt, unterschrift_modus,
                    unterschrift_name, unterschrift_funktion, unterschrift_behoerdenleitung, 0, ?2, ?2
             FROM vorlage WHERE id = ?1 RETURNING id",
            p![id.0, t],
        )?;
        tx.db().execute(
            "INSERT INTO beratungsschritt (vorlage_id, pos, gremium, rolle, datum, ergebnis)
             SELECT ?2, pos, gremium, rolle, datum, ergebnis FROM beratungsschritt WHERE vorlage_id = ?1",
            p![id.0, neu],
        )?;
        let spalten: Vec<&str> = Posten::ALLE.iter().map(|p| p.key()).collect();
        tx.db().execute(
            &format!(
                "INSERT INTO finanzen (vorlage_id, art, haushaltsmittel, {s}) SELECT ?2, art, haushaltsmittel, {s} FROM finanzen WHERE vorlage_id = ?1",
                s = spalten.join(", ")
            ),
            p![id.0, neu],
        )?;
        anlagen::kopieren(tx.db(), id.0, neu)?;
        let (_, fin, befunde) = befunde_berechnen(tx.db(), neu)?;
        let g = abschluss(tx.db(), neu, jetzt, (fin, befunde))?;
        commit(tx)?;
        Ok(g)
    }
}

/// The next free number of the office's scheme; the counter advances past numbers that
/// are taken already (e.g. after the scheme was changed).
fn naechste_nummer(db: Db<'_>, jetzt: NaiveDateTime) -> Result<String, StoreError> {
    let b = buero::lesen(db)?;
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
    let mut nr: i64 = db
        .query_opt(
            "SELECT letzte FROM nummer_zaehler WHERE schluessel = ?1",
            p![&schluessel],
            |r| r.get(0),
        )?
        .unwrap_or(0);
    loop {
        nr += 1;
        let kandidat = schema.formatieren(nr as u32, jetzt.year(), &b.wahlperiode);
        let vergeben: bool = db.query_row(
            "SELECT EXISTS (SELECT 1 FROM vorlage WHERE nummer = ?1)",
            p![&kandidat],
            |r| r.get(0),
        )?;
        if !vergeben {
            db.execute(
                "INSERT INTO nummer_zaehler (schluessel, letzte) VALUES (?1, ?2)
                 ON CONFLICT (schluessel) DO UPDATE SET letzte = excluded.letzte",
                p![schluessel, nr],
            )?;
            return Ok(kandidat);
        }
    }
}
