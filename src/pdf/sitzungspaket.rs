//! The session packet's layout: which TOPs and pieces the variant holds, the Tagesordnung
//! with the page where each TOP starts (rendered until its own length is stable), the
//! Vorlagen and their PDF Anlagen in order, and the merge with outline and stamps
//! ([`super::paket`]). It takes one packet value the API loaded and reads nothing else.
//!
//! The public variant leaves out the nichtöffentlicher Teil entirely (not even its TOP
//! titles) and every nichtöffentliche Anlage, whatever the packet value carries.

use super::paket::{self, Ebene, Stueck};
use super::tagesordnung::{self, Eintrag, Empfaenger};
use super::PdfFehler;
use crate::domain::sitzung::Teil;
use crate::domain::{datum, AnlageId, Buero, SitzungAkte, Top, VorlageAkte, VorlageId};
use chrono::NaiveDateTime;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything a packet is made of.
pub struct Sitzungspaket {
    pub sitzung: SitzungAkte,
    pub buero: Buero,
    /// The members' variant (complete), or the public one.
    pub mitglieder: bool,
    /// The Vorlagen on the TOPs of the variant ([`tops`]).
    pub vorlagen: BTreeMap<VorlageId, VorlageAkte>,
    /// The bytes of the Vorlagen's PDF Anlagen.
    pub anlagen: BTreeMap<AnlageId, Vec<u8>>,
    /// The day the documents are rendered (printed dates).
    pub jetzt: NaiveDateTime,
}

/// How far the packet is: step `schritt` of `gesamt`, and what is being done.
#[derive(Debug, Clone, Serialize)]
pub struct Fortschritt {
    pub schritt: usize,
    pub gesamt: usize,
    pub text: String,
}

/// The TOPs a variant holds: all for the members, the öffentlicher Teil for the public.
pub fn tops(sitzung: &SitzungAkte, mitglieder: bool) -> impl Iterator<Item = &Top> {
    sitzung
        .tops
        .iter()
        .filter(move |t| mitglieder || t.teil == Teil::Oeffentlich)
}

/// The packet as one PDF, reporting each step to `melden`; when `melden` returns `false`
/// the packet is abandoned ([`PdfFehler::Abgebrochen`]). The value is consumed: the
/// Anlagen's bytes move into the merge instead of being copied (a Vorlage sits on a
/// Tagesordnung once, an Anlage belongs to one Vorlage).
pub fn sitzungspaket(
    mut p: Sitzungspaket,
    melden: &mut dyn FnMut(Fortschritt) -> bool,
) -> Result<Vec<u8>, PdfFehler> {
    let s = &p.sitzung;
    let tops: Vec<&Top> = tops(s, p.mitglieder).collect();
    let gesamt = tops.len() + 2;
    let mut weiter = |schritt: usize, text: String| {
        if melden(Fortschritt {
            schritt,
            gesamt,
            text,
        }) {
            Ok(())
        } else {
            Err(PdfFehler::Abgebrochen)
        }
    };
    // Per TOP its pieces (Vorlage, Anlagen), each opened once.
    let mut je_top: Vec<Vec<Stueck>> = Vec::new();
    for (i, t) in tops.iter().enumerate() {
        weiter(i, format!("{} {}", t.nummer, t.titel))?;
        let mut stuecke = Vec::new();
        if let Some(v) = &t.vorlage {
            let akte = p
                .vorlagen
                .remove(&v.id)
                .ok_or_else(|| PdfFehler::PaketStueck {
                    quelle: format!("Vorlage {}", v.name()),
                    grund: "fehlt".into(),
                })?;
            let akte = if p.mitglieder {
                akte
            } else {
                akte.oeffentliche_fassung()
            };
            let name = akte
                .nummer
                .clone()
                .map(|n| format!("Vorlage {n}"))
                .unwrap_or_else(|| format!("Vorlage (Entwurf {})", v.id.0));
            let noe = t.teil == Teil::Nichtoeffentlich;
            let bytes = super::vorlage(&akte, &p.buero, p.jetzt)?.bytes;
            stuecke.push(Stueck::neu(
                format!("{} {}", t.nummer, t.titel),
                Ebene::Top,
                &bytes,
                noe,
                name.clone(),
            )?);
            for a in akte.anlagen.iter().filter(|a| a.mime == "application/pdf") {
                let quelle = format!("{name}, Anlage {} „{}“", a.nr, a.name);
                let daten = p
                    .anlagen
                    .remove(&a.id)
                    .ok_or_else(|| PdfFehler::PaketStueck {
                        quelle: quelle.clone(),
                        grund: "fehlt".into(),
                    })?;
                stuecke.push(Stueck::neu(
                    format!("Anlage {}: {}", a.nr, a.name),
                    Ebene::Anlage,
                    &daten,
                    noe,
                    quelle,
                )?);
            }
        }
        je_top.push(stuecke);
    }
    // The Tagesordnung shows where each TOP starts; its own length is found by rendering.
    let datum = s
        .eingeladen_am
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or(p.jetzt);
    let eintraege = |vorspann: usize| -> Vec<Eintrag> {
        let mut seite = vorspann + 1;
        tops.iter()
            .zip(&je_top)
            .map(|(t, st)| {
                let start = (!st.is_empty()).then_some(seite);
                seite += st.iter().map(Stueck::seiten).sum::<usize>();
                Eintrag {
                    teil: t.teil,
                    nummer: t.nummer.clone(),
                    titel: t.titel.clone(),
                    vorlage: t.vorlage.as_ref().and_then(|v| v.nummer.clone()),
                    seite: start,
                }
            })
            .collect()
    };
    weiter(tops.len(), "Einladung und Tagesordnung".into())?;
    let mut vorspann = 1;
    let mut einladung = Vec::new();
    for _ in 0..3 {
        einladung = tagesordnung::einladung(
            s,
            &p.buero,
            &eintraege(vorspann),
            if p.mitglieder {
                Empfaenger::Mitglieder
            } else {
                Empfaenger::Oeffentlichkeit
            },
            datum,
        )?;
        let n = paket::seitenzahl(&einladung, "Einladung")?;
        if n == vorspann {
            break;
        }
        vorspann = n;
    }
    let gremium = &s.gremium.daten.name;
    let mut stuecke = vec![Stueck::neu(
        "Einladung und Tagesordnung".into(),
        Ebene::Vorspann,
        &einladung,
        false,
        "Einladung".into(),
    )?];
    stuecke.extend(je_top.into_iter().flatten());
    let titel = format!(
        "{}. Sitzung {gremium} am {} – {}",
        s.nummer,
        datum::deutsch(s.beginn.date()),
        if p.mitglieder {
            "Sitzungspaket für die Mitglieder"
        } else {
            "öffentlicher Teil"
        }
    );
    let kennung = format!(
        "{}. Sitzung {}",
        s.nummer,
        if s.gremium.daten.kurzname.is_empty() {
            gremium
        } else {
            &s.gremium.daten.kurzname
        }
    );
    weiter(tops.len() + 1, "Zusammenfügen".into())?;
    let pdf = paket::zusammenfuegen(
        stuecke,
        &super::Metadaten {
            titel: titel.clone(),
            autor: p.buero.kommune.clone(),
            betreff: kennung.clone(),
            erstellt: p.jetzt,
        },
        &kennung,
    )?;
    weiter(gesamt, "fertig".into())?;
    Ok(pdf)
}
