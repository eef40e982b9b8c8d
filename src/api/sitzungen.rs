//! Gremien, people, Sitzungen and their Tagesordnung as the app and the CLI use them.

use super::ApiFehler;
use crate::domain::sitzung::{Teil, TopErgebnis};
use crate::domain::{GremiumId, SitzungId, TopId, VorlageId};
use crate::store::{
    Gremium, GremiumNeu, MitgliedschaftNeu, Person, PersonNeu, SitzungAkte, Store, TopNeu,
};
use chrono::{NaiveDate, NaiveDateTime};

pub fn gremium_anlegen(
    store: &mut Store,
    neu: &GremiumNeu,
    jetzt: NaiveDateTime,
) -> Result<Gremium, ApiFehler> {
    Ok(store.gremium_anlegen(neu, jetzt)?)
}

pub fn gremien(store: &Store) -> Result<Vec<Gremium>, ApiFehler> {
    Ok(store.gremien()?)
}

/// Checks that Gremium `gremium` exists (before anything is written for it).
pub fn gremium_lesen(store: &Store, gremium: i64) -> Result<Gremium, ApiFehler> {
    Ok(store.gremium(GremiumId(gremium))?)
}

pub fn person_anlegen(
    store: &mut Store,
    neu: &PersonNeu,
    jetzt: NaiveDateTime,
) -> Result<Person, ApiFehler> {
    Ok(store.person_anlegen(neu, jetzt)?)
}

pub fn mitgliedschaft_anlegen(store: &mut Store, neu: &MitgliedschaftNeu) -> Result<(), ApiFehler> {
    Ok(store.mitgliedschaft_anlegen(neu)?)
}

/// Reads "2026-12-03T17:00" (also with seconds, or "03.12.2026 17:00").
pub fn beginn_lesen(text: &str) -> Result<NaiveDateTime, ApiFehler> {
    let t = text.trim();
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .ok_or_else(|| {
            ApiFehler::feld(
                "beginn",
                format!("Beginn „{t}“ ist kein gültiger Zeitpunkt (JJJJ-MM-TTTHH:MM, z. B. 2026-12-03T17:00)."),
            )
        })
}

pub fn sitzung_anlegen(
    store: &mut Store,
    gremium: i64,
    beginn: &str,
    ort: &str,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let beginn = beginn_lesen(beginn)?;
    Ok(store.sitzung_anlegen(GremiumId(gremium), beginn, ort, jetzt)?)
}

pub fn sitzung_lesen(store: &Store, id: i64) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.sitzung(SitzungId(id))?)
}

pub fn sitzungen(store: &Store, gremium: i64) -> Result<Vec<SitzungAkte>, ApiFehler> {
    Ok(store.sitzungen(GremiumId(gremium))?)
}

pub fn top_hinzufuegen(
    store: &mut Store,
    sitzung: i64,
    teil: Teil,
    titel: &str,
    vorlage: Option<i64>,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    let neu = TopNeu {
        teil,
        titel: titel.to_string(),
        vorlage: vorlage.map(VorlageId),
    };
    Ok(store.top_hinzufuegen(SitzungId(sitzung), &neu, jetzt)?)
}

pub fn top_verschieben(
    store: &mut Store,
    top: i64,
    nach: usize,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.top_verschieben(TopId(top), nach, jetzt)?)
}

pub fn top_ergebnis(
    store: &mut Store,
    top: i64,
    ergebnis: TopErgebnis,
    text: &str,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.top_ergebnis(TopId(top), ergebnis, text, jetzt)?)
}

pub fn sitzung_einladen(
    store: &mut Store,
    sitzung: i64,
    am: NaiveDate,
    jetzt: NaiveDateTime,
) -> Result<SitzungAkte, ApiFehler> {
    Ok(store.sitzung_einladen(SitzungId(sitzung), am, jetzt)?)
}

/// The `.ics` calendar of a Gremium's Sitzungen (öffentliche TOPs only).
pub fn sitzungen_ics(
    store: &Store,
    gremium: i64,
    jetzt: NaiveDateTime,
) -> Result<String, ApiFehler> {
    let g = store.gremium(GremiumId(gremium))?;
    let s = store.sitzungen(GremiumId(gremium))?;
    let kommune = store.buero()?.kommune;
    Ok(crate::export::ics::kalender(&g, &s, &kommune, jetzt))
}

/// Which packet: for press and public (only the öffentlicher Teil and öffentliche
/// Anlagen), or for the members (complete).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PaketVariante {
    Oeffentlich,
    Mitglieder,
}

impl std::str::FromStr for PaketVariante {
    type Err = ApiFehler;
    fn from_str(s: &str) -> Result<Self, ApiFehler> {
        match s.trim() {
            "oeffentlich" => Ok(PaketVariante::Oeffentlich),
            "mitglieder" => Ok(PaketVariante::Mitglieder),
            _ => Err(ApiFehler::feld(
                "variante",
                format!("--variante: unbekannter Wert „{s}“ (erlaubt: oeffentlich, mitglieder)."),
            )),
        }
    }
}

/// The session packet as one PDF: Einladung and Tagesordnung with page numbers, then for
/// each TOP its Vorlage and the Vorlage's PDF Anlagen; outline and continuous page
/// numbers. The public variant leaves out the nichtöffentlicher Teil entirely (not even
/// its TOP titles) and every nichtöffentliche Anlage. An Anlage stored as PDF that cannot
/// be read stops the packet with a message naming the Vorlage and the Anlage.
pub fn sitzung_paket(
    store: &Store,
    sitzung: i64,
    variante: PaketVariante,
    jetzt: NaiveDateTime,
) -> Result<Vec<u8>, ApiFehler> {
    use crate::domain::sitzung::Teil;
    use crate::pdf::paket::{self, Ebene, Stueck};
    use crate::pdf::tagesordnung::{self, Eintrag};
    let s = store.sitzung(SitzungId(sitzung))?;
    let buero = store.buero()?;
    let mitglieder = variante == PaketVariante::Mitglieder;
    let tops: Vec<_> = s
        .tops
        .iter()
        .filter(|t| mitglieder || t.teil == Teil::Oeffentlich)
        .collect();
    // Per TOP its pieces (Vorlage, Anlagen) with their page counts.
    let mut je_top: Vec<Vec<(Stueck, usize)>> = Vec::new();
    for t in &tops {
        let mut stuecke = Vec::new();
        if let Some(v) = &t.vorlage {
            let akte = store.vorlage(v.id)?;
            let akte = if mitglieder {
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
            let bytes = crate::pdf::vorlage(&akte, &buero, jetzt)?.bytes;
            let n = paket::seitenzahl(&bytes, &name)?;
            stuecke.push((
                Stueck {
                    titel: format!("{} {}", t.nummer, t.titel),
                    ebene: Ebene::Top,
                    bytes,
                    nichtoeffentlich: noe,
                    quelle: name.clone(),
                },
                n,
            ));
            for a in akte.anlagen.iter().filter(|a| a.mime == "application/pdf") {
                let (_, daten) = store.anlage_daten(a.id)?;
                let quelle = format!("{name}, Anlage {} „{}“", a.nr, a.name);
                let n = paket::seitenzahl(&daten, &quelle)?;
                stuecke.push((
                    Stueck {
                        titel: format!("Anlage {}: {}", a.nr, a.name),
                        ebene: Ebene::Anlage,
                        bytes: daten,
                        nichtoeffentlich: noe,
                        quelle,
                    },
                    n,
                ));
            }
        }
        je_top.push(stuecke);
    }
    // The Tagesordnung shows where each TOP starts; its own length is found by rendering.
    let datum = s
        .eingeladen_am
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or(jetzt);
    let eintraege = |vorspann: usize| -> Vec<Eintrag> {
        let mut seite = vorspann + 1;
        tops.iter()
            .zip(&je_top)
            .map(|(t, st)| {
                let start = (!st.is_empty()).then_some(seite);
                seite += st.iter().map(|(_, n)| n).sum::<usize>();
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
    let mut vorspann = 1;
    let mut einladung = Vec::new();
    for _ in 0..3 {
        einladung = tagesordnung::einladung(&s, &buero, &eintraege(vorspann), mitglieder, datum)?;
        let n = paket::seitenzahl(&einladung, "Einladung")?;
        if n == vorspann {
            break;
        }
        vorspann = n;
    }
    let gremium = &s.gremium.daten.name;
    let mut stuecke = vec![Stueck {
        titel: "Einladung und Tagesordnung".into(),
        ebene: Ebene::Vorspann,
        bytes: einladung,
        nichtoeffentlich: false,
        quelle: "Einladung".into(),
    }];
    stuecke.extend(je_top.into_iter().flatten().map(|(st, _)| st));
    let titel = format!(
        "{}. Sitzung {gremium} am {} – {}",
        s.nummer,
        crate::domain::datum::deutsch(s.beginn.date()),
        if mitglieder {
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
    Ok(paket::zusammenfuegen(&stuecke, &titel, &kennung)?)
}
