//! The content of one Fassung in its rows: the `vorlage` columns of the form, its
//! `beratungsschritt` rows and its `finanzen` row (the NKF table as typed, and its
//! amounts for queries).

use crate::domain::finanzen::Posten;
use crate::domain::{
    Beratungsschritt, Cent, FinanzArt, Finanzen, FinanzenEingabe, Haushaltsmittel, Klimarelevanz,
    Unterschrift, VorlageInhalt, Zeichnung,
};
use crate::store::fehler::StoreError;
use crate::store::sql::{p, AlsParam, Db};
use crate::store::{wert, wert_opt};

fn finanzen_lesen(db: Db<'_>, id: i64) -> Result<Finanzen, StoreError> {
    let spalten: Vec<&str> = Posten::ALLE.iter().map(|p| p.key()).collect();
    let sql = format!(
        "SELECT art, haushaltsmittel, {} FROM finanzen WHERE vorlage_id = ?1",
        spalten.join(", ")
    );
    let fin = db.query_opt(&sql, p![id], |r| {
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
            f.setzen(*p, r.get::<Option<i64>>(i + 2)?.map(Cent));
        }
        Ok(f)
    })?;
    Ok(fin.unwrap_or_default())
}

/// The finance table as typed (schema 8); `None` for rows written before it.
fn eingabe_lesen(db: Db<'_>, id: i64) -> Result<Option<FinanzenEingabe>, StoreError> {
    let text: Option<String> = db
        .query_opt(
            "SELECT eingabe FROM finanzen WHERE vorlage_id = ?1",
            p![id],
            |r| r.get(0),
        )?
        .flatten();
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

fn beratungsfolge_lesen(db: Db<'_>, id: i64) -> Result<Vec<Beratungsschritt>, StoreError> {
    let schritte = db
        .query_map("SELECT gremium, rolle, datum, ergebnis FROM beratungsschritt WHERE vorlage_id = ?1 ORDER BY pos", p![id], |r| {
            Ok(Beratungsschritt {
                gremium: r.get(0)?,
                rolle: wert(r, 1)?,
                datum: r.get(2)?,
                ergebnis: r.get(3)?,
            })
        })?;
    Ok(schritte)
}

/// The stored content of one Fassung.
pub(crate) fn inhalt_lesen(db: Db<'_>, id: i64) -> Result<VorlageInhalt, StoreError> {
    let mut inhalt = db
        .query_opt(
            "SELECT art, status, betreff, verfasser, federfuehrend, bearbeiter, klimarelevanz, beschlussvorschlag, sachverhalt,
                    unterschrift_modus, unterschrift_name, unterschrift_funktion, unterschrift_behoerdenleitung
             FROM vorlage WHERE id = ?1",
            p![id],
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
                    unterschrift: match r.get::<Option<String>>(9)? {
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
        )?
        .ok_or(StoreError::NichtGefunden { was: "Vorlage", id })?;
    inhalt.beratungsfolge = beratungsfolge_lesen(db, id)?;
    inhalt.finanzen = match eingabe_lesen(db, id)? {
        Some(eingabe) => eingabe,
        None => finanzen_lesen(db, id)?.als_eingabe(),
    };
    Ok(inhalt)
}

pub(super) fn inhalt_schreiben(
    db: Db<'_>,
    id: i64,
    inhalt: &VorlageInhalt,
    fin: &Finanzen,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE vorlage SET art = ?2, status = ?3, betreff = ?4, verfasser = ?5, federfuehrend = ?6, bearbeiter = ?7,
                klimarelevanz = ?8, beschlussvorschlag = ?9, sachverhalt = ?10,
                unterschrift_modus = ?11, unterschrift_name = ?12, unterschrift_funktion = ?13,
                unterschrift_behoerdenleitung = ?14 WHERE id = ?1",
        p![
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
    db.execute("DELETE FROM beratungsschritt WHERE vorlage_id = ?1", p![id])?;
    for (pos, s) in inhalt.beratungsfolge.iter().enumerate() {
        db.execute(
            "INSERT INTO beratungsschritt (vorlage_id, pos, gremium, rolle, datum, ergebnis) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            p![
            id,
            pos as i64,
            s.gremium,
            s.rolle.key(),
            s.datum,
            s.ergebnis
        ])?;
    }
    db.execute("DELETE FROM finanzen WHERE vorlage_id = ?1", p![id])?;
    let spalten: Vec<&str> = Posten::ALLE.iter().map(|p| p.key()).collect();
    let platzhalter: Vec<String> = (4..4 + spalten.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO finanzen (vorlage_id, art, haushaltsmittel, eingabe, {}) VALUES (?1, ?2, ?3, ?{}, {})",
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
    let mut werte = vec![id.param(), art.param(), hm.param()];
    werte.extend(betraege.iter().map(|b| b.param()));
    werte.push(eingabe.param());
    db.execute(&sql, &werte)?;
    Ok(())
}
