//! The year's report (Tätigkeitsbericht, issue 27 § 5): gathered from the office's own
//! Gremium (its Sitzungen, members, decisions, Wahlen) and the Vorlagen released that
//! year, written by [`crate::domain::bericht`] as a Mitteilungsvorlage draft the office
//! edits further, and printed from that draft as PDF or Word like every Vorlage. The
//! public version is öffentlich and names no nichtöffentlichen TOP.

use super::ApiFehler;
use crate::domain::bericht::{self, Jahresdaten};
use crate::domain::sitzung::{Anwesenheit, SitzungZustand, Teil};
use crate::domain::{Klimarelevanz, Status, VorlageArt, VorlageInhalt};
use crate::store::{Gespeichert, Store};
use chrono::{Datelike, NaiveDateTime};
use std::collections::BTreeMap;

/// The office's own Gremium: the Integrationsrat (or Ausschuss für Chancengerechtigkeit
/// und Integration) by its kind, else the first of the office.
fn eigenes_gremium(store: &Store) -> Result<crate::domain::Gremium, ApiFehler> {
    use crate::domain::sitzung::GremiumTyp;
    let gremien: Vec<_> = store
        .gremien()?
        .into_iter()
        .filter(|g| g.ris.is_none())
        .collect();
    gremien
        .iter()
        .find(|g| {
            matches!(
                g.daten.typ,
                GremiumTyp::Integrationsrat | GremiumTyp::AusschussChancengerechtigkeit
            )
        })
        .or(gremien.first())
        .cloned()
        .ok_or_else(|| {
            ApiFehler::feld(
                "gremium",
                "Es gibt noch kein Gremium: der Bericht braucht eines mit Sitzungen.",
            )
        })
}

/// The report's content for `jahr` (öffentlich: nothing of the nichtöffentlichen Teil named).
pub fn bericht_jahr(
    store: &Store,
    jahr: i32,
    oeffentlich: bool,
    jetzt: NaiveDateTime,
) -> Result<VorlageInhalt, ApiFehler> {
    if !(2000..=2100).contains(&jahr) {
        return Err(ApiFehler::feld(
            "jahr",
            format!("Jahr {jahr}: bitte ein Jahr zwischen 2000 und 2100."),
        ));
    }
    let g = eigenes_gremium(store)?;
    let mut d = Jahresdaten {
        jahr,
        gremium: g.daten.name.clone(),
        ..Default::default()
    };
    let mut anwesenheit: BTreeMap<(String, String), (u32, u32)> = BTreeMap::new();
    for s in store.sitzungen(g.id)? {
        if s.beginn.year() != jahr || s.zustand == SitzungZustand::Abgesagt || s.beginn > jetzt {
            continue;
        }
        d.sitzungen.push((s.beginn.date(), s.nummer));
        for m in &s.mitglieder {
            let e = anwesenheit
                .entry((m.person.daten.nachname.clone(), m.person.name.clone()))
                .or_default();
            e.1 += 1;
            if m.anwesenheit == Some(Anwesenheit::Anwesend) {
                e.0 += 1;
            }
        }
        for w in store.wahlen(s.id)? {
            if oeffentlich && w.nichtoeffentlich {
                continue;
            }
            let gewaehlt = if w.stand.gewaehlt.is_empty() {
                "niemand gewählt".to_string()
            } else {
                w.stand.gewaehlt.join(", ")
            };
            d.wahlen.push(format!(
                "{} ({}): {gewaehlt}",
                w.daten.titel,
                crate::domain::datum::deutsch(s.beginn.date())
            ));
        }
    }
    d.anwesenheit = anwesenheit
        .into_iter()
        .map(|((_, name), (da, von))| (name, da, von))
        .collect();
    for (art, n) in store.vorlagen_freigegeben_je_art(jahr)? {
        d.vorlagen.push((art.label().to_string(), n));
    }
    for b in store.beschluesse(jetzt.date())? {
        if b.gremium != g.daten.name || b.sitzung_am.year() != jahr {
            continue;
        }
        if oeffentlich && b.teil == Teil::Nichtoeffentlich {
            d.beschluesse_nichtoeffentlich += 1;
            continue;
        }
        let stand = b.stand_text().to_string();
        d.beschluesse.push((
            format!(
                "{}, {}: {}",
                crate::domain::datum::deutsch(b.sitzung_am),
                b.top_nummer,
                b.titel
            ),
            stand,
        ));
    }
    for m in store.mitglieder(g.id)? {
        if let Some(von) = m.von.filter(|v| v.year() == jahr) {
            d.eingetreten.push((m.person.name.clone(), von));
        }
        if let Some(bis) = m.bis.filter(|b| b.year() == jahr) {
            d.ausgeschieden.push((m.person.name.clone(), bis));
        }
    }
    Ok(VorlageInhalt {
        art: VorlageArt::Mitteilungsvorlage,
        status: if oeffentlich {
            Status::Oeffentlich
        } else {
            Status::Nichtoeffentlich
        },
        betreff: bericht::betreff(&d),
        federfuehrend: format!("Büro {}", crate::domain::gremium::genitiv(&g.daten.name)),
        klimarelevanz: Some(Klimarelevanz::Keine),
        beschlussvorschlag: format!(
            "{} nimmt den Tätigkeitsbericht {jahr} zur Kenntnis.",
            crate::domain::gremium::nominativ(&g.daten.name)
        ),
        sachverhalt: bericht::sachverhalt(&d),
        ..Default::default()
    })
}

/// The report as a Mitteilungsvorlage draft of the office (to edit further, to print).
pub fn bericht_entwurf(
    store: &mut Store,
    jahr: i32,
    oeffentlich: bool,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    let inhalt = bericht_jahr(store, jahr, oeffentlich, jetzt)?;
    Ok(store.vorlage_anlegen(&inhalt, jetzt)?)
}

/// The Betreff every "Sachstand der Beschlüsse" begins with (the next one looks for the last).
const SACHSTAND: &str = "Sachstand der Beschlüsse";

/// "Sachstand der Beschlüsse" (issue 27 § 3): a Mitteilungsvorlage draft for the next
/// Sitzung of the office's own Gremium, listing its decisions still open (with Stand,
/// Wiedervorlage and unit) and those done since the last Sachstand (all done ones the
/// first time). Öffentlich: decisions of the nichtöffentlichen Teil are counted, never named.
pub fn sachstand_entwurf(
    store: &mut Store,
    jetzt: NaiveDateTime,
) -> Result<Gespeichert, ApiFehler> {
    let g = eigenes_gremium(store)?;
    let letzter = store
        .vorlagen(&Default::default())?
        .into_iter()
        .filter(|v| v.betreff.starts_with(SACHSTAND))
        .map(|v| store.vorlage(v.id).map(|a| a.erstellt))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .max();
    let heute = jetzt.date();
    let mut offen = Vec::new();
    let mut erledigt = Vec::new();
    let mut nichtoeffentlich = 0;
    for b in store.beschluesse(heute)? {
        if b.gremium != g.daten.name {
            continue;
        }
        let neu_erledigt = b.status == crate::domain::beschluss::BeschlussStatus::Erledigt
            && letzter.is_none_or(|l| b.geaendert.is_some_and(|g| g > l));
        let noch_offen = b.status != crate::domain::beschluss::BeschlussStatus::Erledigt;
        if !(neu_erledigt || noch_offen) {
            continue;
        }
        if b.teil == Teil::Nichtoeffentlich {
            nichtoeffentlich += 1;
            continue;
        }
        let kopf = format!(
            "{}, {}: {}",
            crate::domain::datum::deutsch(b.sitzung_am),
            b.top_nummer,
            b.titel
        );
        if noch_offen {
            let stand = b.stand_text();
            let mut zeile = format!("- {kopf} – {stand}");
            if let Some(f) = b.faellig {
                zeile.push_str(&format!(
                    ", Wiedervorlage {}",
                    crate::domain::datum::deutsch(f)
                ));
            }
            if !b.zustaendig.is_empty() {
                zeile.push_str(&format!(" ({})", b.zustaendig));
            }
            offen.push(zeile);
        } else {
            let letzte_notiz = b
                .notizen
                .last()
                .map(|n| format!(": {}", n.text))
                .unwrap_or_default();
            erledigt.push(format!("- {kopf}{letzte_notiz}"));
        }
    }
    let seit = letzter
        .map(|l| {
            format!(
                " seit dem letzten Sachstand vom {}",
                crate::domain::datum::deutsch(l.date())
            )
        })
        .unwrap_or_default();
    let mut t = vec!["1. Noch offene Beschlüsse".to_string()];
    if offen.is_empty() {
        t.push("Keine.".into());
    }
    t.extend(offen);
    t.push(String::new());
    t.push(format!("2. Erledigt{seit}"));
    if erledigt.is_empty() {
        t.push("Keine.".into());
    }
    t.extend(erledigt);
    if nichtoeffentlich > 0 {
        t.push(String::new());
        t.push(format!(
            "Dazu {nichtoeffentlich} Beschl{} aus dem nichtöffentlichen Teil; über {} wird dort berichtet.",
            if nichtoeffentlich == 1 { "uss" } else { "üsse" },
            if nichtoeffentlich == 1 { "ihn" } else { "sie" }
        ));
    }
    let inhalt = VorlageInhalt {
        art: VorlageArt::Mitteilungsvorlage,
        status: Status::Oeffentlich,
        betreff: format!(
            "{SACHSTAND} (Stand {})",
            crate::domain::datum::deutsch(heute)
        ),
        federfuehrend: format!("Büro {}", crate::domain::gremium::genitiv(&g.daten.name)),
        klimarelevanz: Some(Klimarelevanz::Keine),
        beschlussvorschlag: format!(
            "{} nimmt den Sachstand der Beschlüsse zur Kenntnis.",
            crate::domain::gremium::nominativ(&g.daten.name)
        ),
        sachverhalt: t.join("\n"),
        ..Default::default()
    };
    Ok(store.vorlage_anlegen(&inhalt, jetzt)?)
}
