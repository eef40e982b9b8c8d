//! A Wahl as every layer sees it (its settings, Wahlvorschläge, candidates, counted
//! ballots, lots and where it stands), and the rules of entering them that need no
//! database: what a Wahl form needs, who may be proposed and when, which ballot or lot
//! the Wahl waits for. The store adds the facts only its tables know (membership, a
//! candidacy already recorded) and passes them in.

use super::verlauf::{
    los_ziehen, zaehlung_pruefen, Losziehung, Schritt, Vorschlag, WahlArt, WahlStand, Wahlvorgabe,
    Zaehlung,
};
use super::Verfahren;
use crate::domain::befund::{Befund, Schwere};
use crate::domain::ids::{GremiumId, SitzungId, TopId};
use crate::domain::person::Person;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

fn ja() -> bool {
    true
}

fn hare_niemeyer() -> Verfahren {
    Verfahren::HareNiemeyer
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

/// What the count needs to know of a Wahl: its settings and the names on the ballot.
pub fn vorgabe(d: &WahlNeu, vorschlaege: &[VorschlagAkte], kandidaten: &[Person]) -> Wahlvorgabe {
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

impl WahlNeu {
    /// A printable name of at most 200 characters, 1 to 1000 seats, one seat for an
    /// Einzelwahl.
    pub fn pruefen(&self) -> Result<(), Befund> {
        titel_pruefen(&self.titel)?;
        if self.sitze == 0 || self.sitze > 1000 {
            return Err(Befund::fehler(
                "sitze",
                format!("Sitze: {} geht nicht (1 bis 1000).", self.sitze),
            ));
        }
        if self.art == WahlArt::Einzel && self.sitze != 1 {
            return Err(Befund::fehler("sitze", "Eine Einzelwahl (§ 50 Abs. 2 GO NRW) vergibt genau einen Sitz; für mehrere Sitze ist es eine Listenwahl."));
        }
        Ok(())
    }
}

/// The Bezeichnung of a Wahl: there, printable, at most 200 characters.
pub fn titel_pruefen(titel: &str) -> Result<(), Befund> {
    if titel.trim().is_empty() {
        return Err(Befund::fehler("titel", "Bezeichnung der Wahl fehlt."));
    }
    crate::domain::druckbar::feld(
        "titel",
        "Bezeichnung der Wahl",
        titel,
        crate::domain::druckbar::WAHL_TITEL,
    )
}

/// Wahlvorschläge and candidates stand until the first ballot is counted.
pub fn noch_offen(akte: &WahlAkte) -> Result<(), Befund> {
    if !akte.gaenge.is_empty() {
        return Err(Befund::fehler(
            "wahl",
            "Es ist schon gewählt worden; Wahlvorschläge und Bewerber stehen fest.",
        ));
    }
    Ok(())
}

/// A Wahlvorschlag of a Listenwahl (or the one joint list): a new name, candidates, pairs
/// of member and deputy where the Wahl has personal deputies.
pub fn vorschlag_pruefen(akte: &WahlAkte, name: &str, kandidaten: usize) -> Result<(), Befund> {
    noch_offen(akte)?;
    if akte.daten.art == WahlArt::Einzel {
        return Err(Befund::fehler(
            "art",
            "Eine Einzelwahl hat keine Wahlvorschläge; Bewerber werden einzeln eingetragen.",
        ));
    }
    if akte.daten.art == WahlArt::Einheitlich && !akte.vorschlaege.is_empty() {
        return Err(Befund::fehler("art", "Ein einheitlicher Wahlvorschlag ist ein einziger gemeinsamer Vorschlag; er ist schon eingetragen."));
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(Befund::fehler("name", "Name des Wahlvorschlags fehlt."));
    }
    crate::domain::druckbar::feld(
        "name",
        "Name des Wahlvorschlags",
        name,
        crate::domain::druckbar::WAHL_TITEL,
    )?;
    if akte.vorschlaege.iter().any(|v| v.name == name) {
        return Err(Befund::fehler(
            "name",
            format!("Einen Wahlvorschlag „{name}“ gibt es in dieser Wahl schon."),
        ));
    }
    if kandidaten == 0 {
        return Err(Befund::fehler(
            "kandidaten",
            format!("Der Wahlvorschlag „{name}“ nennt keine Bewerberin und keinen Bewerber."),
        ));
    }
    if akte.daten.stellvertreter && kandidaten % 2 == 1 {
        return Err(Befund::fehler("kandidaten", format!(
            "Der Wahlvorschlag „{name}“ nennt {kandidaten} Personen; bei persönlicher Stellvertretung sind es Paare aus Mitglied und Stellvertretung (gerade Anzahl)."
        )));
    }
    Ok(())
}

/// A single candidate stands only in an Einzelwahl, before it is counted.
pub fn einzelbewerbung_pruefen(akte: &WahlAkte) -> Result<(), Befund> {
    noch_offen(akte)?;
    if akte.daten.art != WahlArt::Einzel {
        return Err(Befund::fehler("art", "Bei dieser Wahl stehen Wahlvorschläge zur Wahl; Bewerber gehören auf einen Wahlvorschlag."));
    }
    Ok(())
}

/// What the store knows of a person proposed for a Wahl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kandidatur {
    /// The person's membership in the electing Gremium on the Sitzung's day: `None` for
    /// none, else whether it carries a vote.
    pub stimmrecht: Option<bool>,
    /// The person stands in this Wahl already.
    pub schon: bool,
    /// Another candidate of this Wahl has the same name.
    pub gleichnamig: bool,
}

/// Whether `name` may stand: a voting member where the Wahl asks for members, once, and
/// not with the name of another candidate (the ballot must tell them apart).
pub fn kandidatur_pruefen(akte: &WahlAkte, name: &str, k: Kandidatur) -> Result<(), Befund> {
    if akte.daten.nur_mitglieder {
        match k.stimmrecht {
            None => {
                return Err(Befund::fehler("kandidaten", format!(
                    "{name} ist kein Mitglied des Gremiums „{}“ und kann bei dieser Wahl nicht kandidieren.",
                    akte.gremium
                )))
            }
            Some(false) => {
                return Err(Befund::fehler("kandidaten", format!(
                    "{name} ist beratendes Mitglied des Gremiums „{}“ ohne Stimmrecht und kann bei dieser Wahl nicht kandidieren.",
                    akte.gremium
                )))
            }
            Some(true) => {}
        }
    }
    if k.schon {
        return Err(Befund::fehler(
            "kandidaten",
            format!("{name} kandidiert in dieser Wahl schon."),
        ));
    }
    if k.gleichnamig {
        return Err(Befund::fehler("kandidaten", format!("Zwei Bewerber heißen „{name}“; der Stimmzettel muss sie unterscheiden (z. B. Titel ergänzen).")));
    }
    Ok(())
}

/// The count `z` is the one the Wahl waits for, and it adds up: returns the ballot's
/// number. Refused with every finding of the count that is an error.
pub fn zaehlung_annehmen(akte: &WahlAkte, z: &Zaehlung) -> Result<u32, Vec<Befund>> {
    let einer = |feld: &str, m: String| vec![Befund::fehler(feld, m)];
    let (nr, gang, optionen) = match &akte.stand.schritt {
        Schritt::Zaehlung { nr, gang, optionen } => (*nr, *gang, optionen),
        Schritt::Los { zwischen, .. } => {
            return Err(einer(
                "los",
                format!(
                    "Zuerst entscheidet das Los zwischen {}.",
                    zwischen.join(", ")
                ),
            ))
        }
        Schritt::Fertig => {
            return Err(einer(
                "wahlgang",
                "Die Wahl ist abgeschlossen; es gibt keinen weiteren Wahlgang.".into(),
            ))
        }
    };
    if optionen.is_empty() {
        return Err(match akte.daten.art {
            WahlArt::Einzel => einer(
                "kandidaten",
                "Es ist noch niemand zur Wahl vorgeschlagen.".into(),
            ),
            _ => einer(
                "vorschlaege",
                "Es ist noch kein Wahlvorschlag eingetragen.".into(),
            ),
        });
    }
    if z.gang != gang {
        return Err(einer(
            "gang",
            format!("Erwartet wird der Wahlgang {nr} ({}).", gang.label()),
        ));
    }
    let befunde = zaehlung_pruefen(
        z,
        optionen,
        akte.anwesend_stimmberechtigt,
        akte.stimmberechtigte_mitglieder,
    );
    if befunde.iter().any(|b| b.schwere == Schwere::Fehler) {
        return Err(befunde);
    }
    Ok(nr)
}

/// A lot the Wahl waits for, as recorded: after which ballot, among whom, for how many
/// places, and who was drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Los {
    pub nach_gang: u32,
    pub zwischen: Vec<String>,
    pub plaetze: u32,
    pub gezogen: Vec<String>,
}

/// The lot the Wahl waits for: drawn by `gezogen_von` with `ergebnis`, or by the app
/// from `seed`.
pub fn los_annehmen(
    akte: &WahlAkte,
    gezogen_von: &str,
    ergebnis: Option<Vec<String>>,
    seed: Option<u64>,
) -> Result<Los, Befund> {
    let Schritt::Los {
        nach_gang,
        zwischen,
        plaetze,
    } = &akte.stand.schritt
    else {
        return Err(Befund::fehler(
            "los",
            "Für diese Wahl ist jetzt kein Losentscheid erforderlich.",
        ));
    };
    if gezogen_von.trim().is_empty() {
        return Err(Befund::fehler(
            "gezogen_von",
            "Wer hat das Los gezogen? (in der Regel der Vorsitz)",
        ));
    }
    let gezogen = match (ergebnis, seed) {
        (Some(e), _) => {
            if e.len() != *plaetze as usize {
                return Err(Befund::fehler(
                    "ergebnis",
                    format!(
                        "Das Los vergibt {plaetze} Platz/Plätze, gewählt sind {}.",
                        e.len()
                    ),
                ));
            }
            if let Some(n) = e.iter().find(|n| !zwischen.contains(n)) {
                return Err(Befund::fehler(
                    "ergebnis",
                    format!("„{n}“ war nicht im Los ({}).", zwischen.join(", ")),
                ));
            }
            e
        }
        (None, Some(s)) => los_ziehen(zwischen, *plaetze, s),
        (None, None) => {
            return Err(Befund::fehler(
                "ergebnis",
                "Bitte das gezogene Los eintragen oder die Anwendung ziehen lassen.",
            ))
        }
    };
    Ok(Los {
        nach_gang: *nach_gang,
        zwischen: zwischen.clone(),
        plaetze: *plaetze,
        gezogen,
    })
}
