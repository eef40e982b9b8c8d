//! Tables `beschluss` and `beschluss_notiz`: the Beschlusskontrolle of the office
//! ([`crate::domain::beschluss`]). A decided TOP without a row is "offen" with the
//! Vorlage's Federführend as its unit; the first change writes its row.

use super::fehler::StoreError;
use super::sitzungen::sitzung_lesen;
use super::sql::p;
use super::{commit, schreibtransaktion, ungueltig, wert, zeit, zeit_aus, Store};
use crate::domain::beschluss::{
    anzeige, ist_beschluss, Beschluss, BeschlussStatus, BeschlussWerte, Folgeschritt, Notiz,
};
use crate::domain::{datum, TopId};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

type Zeile = (
    String,
    Option<String>,
    BeschlussStatus,
    Option<NaiveDateTime>,
);

impl Store {
    /// Every decision of every Sitzung (the oldest first), with what became of it on `heute`.
    pub fn beschluesse(&self, heute: NaiveDate) -> Result<Vec<Beschluss>, StoreError> {
        let db = self.db();
        let mut zeilen: HashMap<i64, Zeile> = HashMap::new();
        for (top, z) in db.query_map(
            "SELECT top_id, zustaendig, faellig, status, geaendert FROM beschluss",
            p![],
            |r| {
                Ok((
                    r.get::<i64>(0)?,
                    (r.get(1)?, r.get(2)?, wert(r, 3)?, Some(zeit_aus(r, 4)?)),
                ))
            },
        )? {
            zeilen.insert(top, z);
        }
        let mut notizen: HashMap<i64, Vec<Notiz>> = HashMap::new();
        for (top, d, text) in db.query_map(
            "SELECT top_id, datum, text FROM beschluss_notiz ORDER BY datum, id",
            p![],
            |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?, r.get::<String>(2)?)),
        )? {
            if let Ok(datum) = datum::parse(&d) {
                notizen.entry(top).or_default().push(Notiz { datum, text });
            }
        }
        let sitzungen: Vec<i64> = db.query_map(
            "SELECT id FROM sitzung WHERE geloescht IS NULL ORDER BY beginn, id",
            p![],
            |r| r.get(0),
        )?;
        let mut aus = Vec::new();
        for id in sitzungen {
            let s = sitzung_lesen(db, id)?;
            for t in s.tops.iter().filter(|t| ist_beschluss(t.ergebnis)) {
                let eigenes = &s.gremium.daten.name;
                let beratungsfolge = match &t.vorlage {
                    Some(v) => db.query_map(
                        "SELECT pos, gremium, datum, ergebnis, ris_uebernommen FROM beratungsschritt WHERE vorlage_id = ?1 ORDER BY pos",
                        p![v.id.0],
                        |r| {
                            let gremium: String = r.get(1)?;
                            Ok(Folgeschritt {
                                pos: r.get(0)?,
                                eigener: Folgeschritt::ist_eigener(&gremium, eigenes),
                                gremium,
                                datum: r.get(2)?,
                                ergebnis: r.get(3)?,
                                ris_uebernommen: r
                                    .get::<Option<String>>(4)?
                                    .and_then(|d| datum::parse(&d).ok()),
                            })
                        },
                    )?,
                    None => Vec::new(),
                };
                let federfuehrend = match &t.vorlage {
                    Some(v) => db
                        .query_opt(
                            "SELECT federfuehrend FROM vorlage WHERE id = ?1",
                            p![v.id.0],
                            |r| r.get::<String>(0),
                        )?
                        .unwrap_or_default(),
                    None => String::new(),
                };
                let (zustaendig, faellig, status, geaendert) = zeilen.remove(&t.id.0).unwrap_or((
                    federfuehrend,
                    None,
                    BeschlussStatus::Offen,
                    None,
                ));
                let faellig = faellig.as_deref().and_then(|f| datum::parse(f).ok());
                aus.push(Beschluss {
                    top: t.id,
                    sitzung: s.id,
                    gremium: s.gremium.daten.name.clone(),
                    sitzung_am: s.beginn.date(),
                    top_nummer: t.nummer.clone(),
                    teil: t.teil,
                    titel: t.titel.clone(),
                    vorlage_nummer: t.vorlage.as_ref().and_then(|v| v.nummer.clone()),
                    ergebnis: t.ergebnis.expect("a decision has its result"),
                    beschlusstext: t.ergebnis_text.clone(),
                    zustaendig,
                    faellig,
                    status,
                    notizen: notizen.remove(&t.id.0).unwrap_or_default(),
                    anzeige: anzeige(status, faellig, heute),
                    geaendert,
                    beratungsfolge,
                });
            }
        }
        Ok(aus)
    }

    /// The decision of TOP `top` on `heute`; a TOP without a decision is refused.
    pub fn beschluss(&self, top: TopId, heute: NaiveDate) -> Result<Beschluss, StoreError> {
        self.beschluesse(heute)?
            .into_iter()
            .find(|b| b.top == top)
            .ok_or_else(|| ungueltig("top", "Zu diesem TOP gibt es keinen Beschluss (nur „beschlossen“ und „geändert beschlossen“ werden verfolgt)."))
    }

    /// Sets the status, the Wiedervorlage and the unit of a decision.
    pub fn beschluss_setzen(
        &mut self,
        top: TopId,
        werte: &BeschlussWerte,
        jetzt: NaiveDateTime,
    ) -> Result<Beschluss, StoreError> {
        self.beschluss(top, jetzt.date())?;
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db().execute(
            "INSERT INTO beschluss (top_id, zustaendig, faellig, status, geaendert) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (top_id) DO UPDATE SET zustaendig = excluded.zustaendig, faellig = excluded.faellig,
               status = excluded.status, geaendert = excluded.geaendert",
            p![top.0, werte.zustaendig.as_str(), werte.faellig.map(|f| f.to_string()), werte.status.key(), zeit(jetzt)],
        )?;
        commit(tx)?;
        self.beschluss(top, jetzt.date())
    }

    /// The result of a later step of the decision's Beratungsfolge (HFA, Rat), as the
    /// office learnt it: written into the Vorlage's step, no longer marked as taken over
    /// from the RIS. The step of the decision's own Gremium is the Sitzung's.
    pub fn folgeschritt_setzen(
        &mut self,
        top: TopId,
        pos: i64,
        tag: Option<NaiveDate>,
        ergebnis: &str,
        jetzt: NaiveDateTime,
    ) -> Result<Beschluss, StoreError> {
        let b = self.beschluss(top, jetzt.date())?;
        let schritt = b
            .beratungsfolge
            .iter()
            .find(|s| s.pos == pos)
            .ok_or_else(|| {
                ungueltig(
                    "beratungsfolge",
                    "Diesen Schritt der Beratungsfolge gibt es nicht (mehr).",
                )
            })?;
        schritt.eintragbar()?;
        let tx = schreibtransaktion(&mut self.conn)?;
        let vorlage =
            tx.db()
                .query_row("SELECT vorlage_id FROM top WHERE id = ?1", p![top.0], |r| {
                    r.get::<i64>(0)
                })?;
        super::vorlage::beratung::schritt_setzen(
            tx.db(),
            crate::domain::VorlageId(vorlage),
            pos,
            tag,
            ergebnis,
            None,
            jetzt,
        )?;
        commit(tx)?;
        self.beschluss(top, jetzt.date())
    }

    /// A dated note on a decision (dated `jetzt`).
    pub fn beschluss_notiz(
        &mut self,
        top: TopId,
        text: &str,
        jetzt: NaiveDateTime,
    ) -> Result<Beschluss, StoreError> {
        crate::domain::beschluss::notiz_pruefen(text)?;
        self.beschluss(top, jetzt.date())?;
        let tx = schreibtransaktion(&mut self.conn)?;
        tx.db().execute(
            "INSERT INTO beschluss_notiz (top_id, datum, text) VALUES (?1, ?2, ?3)",
            p![top.0, jetzt.date().to_string(), text.trim()],
        )?;
        commit(tx)?;
        self.beschluss(top, jetzt.date())
    }
}
