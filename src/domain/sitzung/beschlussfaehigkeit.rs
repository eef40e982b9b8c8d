//! Whether a Gremium can decide, TOP by TOP, as the Sitzung runs: the count of voters
//! present at a TOP (members who left before it no longer count; a deputy steps in for
//! them), the quorum, the chair's finding of Beschlussunfähigkeit, and which results it
//! refuses afterwards. Pure: the Sitzung's record goes in, the count and the refusals
//! come out; the store, the screen, the CLI and the Niederschrift all ask here.
//!
//! The rules and their sources:
//! - **Quorum.** § 49 Abs. 1 Satz 1 GO NRW: "Der Rat ist beschlussfähig, wenn mehr als
//!   die Hälfte der gesetzlichen Zahl der Mitglieder anwesend ist." § 58 Abs. 2 Satz 1 GO
//!   NRW applies the Rat's rules to the Ausschüsse; the Integrationsrat's Geschäftsordnung
//!   (§ 27 GO NRW) does the same. The legal number is the number of members with a vote
//!   ([`super::stimmen`]); deputies count only in place of an absent member.
//! - **"Gilt als beschlussfähig".** § 49 Abs. 1 Satz 2 GO NRW: "Er gilt als
//!   beschlussfähig, solange seine Beschlussunfähigkeit nicht festgestellt ist." Too few
//!   present is therefore a warning on screen, not a refusal; only the chair's finding
//!   ("Beschlussunfähigkeit festgestellt", recorded at a TOP) stops decisions.
//! - **After the finding.** From the TOP at which the finding is recorded on, no result
//!   but "vertagt" is taken: the matters are put to the next Sitzung. (§ 49 Abs. 2 GO NRW
//!   — a matter postponed for want of a quorum is decided at the next Sitzung whatever the
//!   number present — is for that next Sitzung's Einladung to say, and is not counted
//!   here.)
//! - **Leaving.** A member who leaves during the Sitzung is recorded with the TOP from
//!   which they are gone ("geht ab TOP Ö 4"); from that TOP on they are not counted, and
//!   a deputy of theirs who is present votes in their place.

use super::akte::{SitzungAkte, Top};
use super::stimmen::{zaehlen_mit, Stimmen};
use super::{Anwesenheit, SitzungZustand, TopErgebnis};
use crate::domain::befund::Befund;
use crate::domain::ids::TopId;
use crate::domain::mitgliedschaft::Mitglied;
use serde::Serialize;

/// The count at one point of a Sitzung (its opening, or a TOP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Beschlussfaehigkeit {
    /// The TOP counted at ("Ö 4"); none for the opening of the Sitzung.
    pub top: Option<String>,
    /// Members with a vote: the legal number the quorum is counted from.
    pub mitglieder: usize,
    /// Voters present at that point.
    pub anwesend: usize,
    /// The least number present for a quorum: more than half of `mitglieder`.
    pub noetig: usize,
    /// Whether any attendance is recorded yet.
    pub erfasst: bool,
    /// Whether more than half of the members are present ([`Self::quorum`], for the screen).
    pub mehr_als_haelfte: bool,
    /// The TOP at which the chair recorded "Beschlussunfähigkeit festgestellt", if that is
    /// this TOP or one before it.
    pub festgestellt: Option<String>,
    /// Who stands in for whom at that point: (deputy, member).
    pub vertretungen: Vec<(String, String)>,
    /// The sentence the screen, the CLI and the Niederschrift show.
    pub text: String,
}

impl Beschlussfaehigkeit {
    /// Whether the Gremium may decide: always, until the Beschlussunfähigkeit is festgestellt.
    pub fn beschlussfaehig(&self) -> bool {
        self.festgestellt.is_none()
    }

    /// Whether more than half of the members are present.
    pub fn quorum(&self) -> bool {
        self.mitglieder > 0 && self.anwesend >= self.noetig
    }
}

/// The least number of voters for a quorum: more than half of `mitglieder`.
pub fn noetig(mitglieder: usize) -> usize {
    mitglieder / 2 + 1
}

/// The index of TOP `id` in the Sitzung's order, or a German refusal naming it.
fn stelle(tops: &[Top], id: TopId) -> Result<usize, Befund> {
    tops.iter().position(|t| t.id == id).ok_or_else(|| {
        Befund::fehler(
            "top",
            format!("TOP {} gehört nicht zu dieser Sitzung.", id.0),
        )
    })
}

/// The TOP at which the Beschlussunfähigkeit was festgestellt, with its index.
fn feststellung(akte: &SitzungAkte) -> Option<(usize, &Top)> {
    akte.tops
        .iter()
        .enumerate()
        .find(|(_, t)| t.beschlussunfaehig)
}

/// Whether member `m` is present at the TOP with index `bei` (none: at the opening).
fn da_bei(tops: &[Top], m: &Mitglied, bei: Option<usize>) -> bool {
    if m.anwesenheit != Some(Anwesenheit::Anwesend) {
        return false;
    }
    match (m.geht_ab, bei) {
        (Some(ab), Some(i)) => tops.iter().position(|t| t.id == ab).is_none_or(|g| g > i),
        _ => true,
    }
}

/// The count at TOP `top` (none: at the opening of the Sitzung).
pub fn bei(akte: &SitzungAkte, top: Option<TopId>) -> Result<Beschlussfaehigkeit, Befund> {
    let i = top.map(|t| stelle(&akte.tops, t)).transpose()?;
    let Stimmen {
        mitglieder,
        anwesend,
        vertretungen,
    } = zaehlen_mit(akte.gremium.daten.vertretung, &akte.mitglieder, |m| {
        da_bei(&akte.tops, m, i)
    });
    let festgestellt = match (feststellung(akte), i) {
        (Some((f, t)), Some(i)) if f <= i => Some(t.nummer.clone()),
        _ => None,
    };
    let erfasst = akte.mitglieder.iter().any(|m| m.anwesenheit.is_some());
    let mut b = Beschlussfaehigkeit {
        top: i.map(|i| akte.tops[i].nummer.clone()),
        mitglieder,
        anwesend,
        noetig: noetig(mitglieder),
        erfasst,
        mehr_als_haelfte: false,
        festgestellt,
        vertretungen,
        text: String::new(),
    };
    b.mehr_als_haelfte = b.quorum();
    b.text = satz(&b);
    Ok(b)
}

/// The count at the opening and at every TOP, in order (the screen's list, the
/// Niederschrift's remarks).
pub fn verlauf(akte: &SitzungAkte) -> Vec<Beschlussfaehigkeit> {
    std::iter::once(None)
        .chain(akte.tops.iter().map(|t| Some(t.id)))
        .filter_map(|t| bei(akte, t).ok())
        .collect()
}

fn satz(b: &Beschlussfaehigkeit) -> String {
    if b.mitglieder == 0 {
        return "Keine stimmberechtigten Mitglieder eingetragen.".into();
    }
    if !b.erfasst {
        return format!(
            "Anwesenheit noch nicht erfasst – {} stimmberechtigte Mitglieder, beschlussfähig ab {} anwesenden.",
            b.mitglieder, b.noetig
        );
    }
    let zahl = format!(
        "{} von {} stimmberechtigten Mitgliedern anwesend",
        b.anwesend, b.mitglieder
    );
    if let Some(top) = &b.festgestellt {
        return format!("{zahl} – Beschlussunfähigkeit bei TOP {top} festgestellt.");
    }
    if b.quorum() {
        format!("{zahl} – beschlussfähig.")
    } else {
        format!(
            "{zahl} – weniger als die Hälfte ({} nötig); gilt als beschlussfähig, solange die Beschlussunfähigkeit nicht festgestellt ist.",
            b.noetig
        )
    }
}

/// What the Niederschrift records before TOP `top`: who left the Sitzung there and the
/// count after it, and the chair's finding of Beschlussunfähigkeit.
pub fn vermerke(akte: &SitzungAkte, top: TopId) -> Vec<String> {
    let Ok(i) = stelle(&akte.tops, top) else {
        return Vec::new();
    };
    let t = &akte.tops[i];
    let mut v: Vec<String> = akte
        .mitglieder
        .iter()
        .filter(|m| m.geht_ab == Some(top) && m.anwesenheit == Some(Anwesenheit::Anwesend))
        .map(|m| {
            format!(
                "{} verlässt die Sitzung vor TOP {}.",
                m.person.name, t.nummer
            )
        })
        .collect();
    let Ok(b) = bei(akte, Some(top)) else {
        return v;
    };
    if !v.is_empty() {
        v.push(format!(
            "Es sind {} von {} stimmberechtigten Mitgliedern anwesend.",
            b.anwesend, b.mitglieder
        ));
    }
    if t.beschlussunfaehig {
        v.push(format!(
            "Der Vorsitz stellt die Beschlussunfähigkeit fest ({} von {} stimmberechtigten Mitgliedern anwesend). Ab diesem TOP werden keine Beschlüsse gefasst.",
            b.anwesend, b.mitglieder
        ));
    }
    v
}

/// A result for TOP `top` after the finding: only "vertagt".
pub fn ergebnis_pruefen(
    akte: &SitzungAkte,
    top: TopId,
    ergebnis: TopErgebnis,
) -> Result<(), Befund> {
    let i = stelle(&akte.tops, top)?;
    match feststellung(akte) {
        Some((f, t)) if f <= i && ergebnis != TopErgebnis::Vertagt => Err(Befund::fehler(
            "ergebnis",
            format!(
                "Bei TOP {} ist die Beschlussunfähigkeit festgestellt; für TOP {} kann danach nur „vertagt“ eingetragen werden.",
                t.nummer, akte.tops[i].nummer
            ),
        )),
        _ => Ok(()),
    }
}

/// Recording the chair's finding at TOP `top`: on the Sitzung's day or after (`heute`),
/// not in a cancelled one, and not after a TOP from there on already has a decision (a
/// finding cannot undo what was decided).
pub fn feststellen_pruefen(
    akte: &SitzungAkte,
    top: TopId,
    heute: chrono::NaiveDate,
) -> Result<(), Befund> {
    let i = stelle(&akte.tops, top)?;
    if akte.zustand == SitzungZustand::Abgesagt {
        return Err(Befund::fehler("zustand", "Die Sitzung ist abgesagt."));
    }
    if akte.beginn.date() > heute {
        return Err(Befund::fehler(
            "beschlussunfaehig",
            format!(
                "Die Sitzung am {} hat noch nicht stattgefunden; die Beschlussunfähigkeit kann erst am Sitzungstag festgestellt werden.",
                crate::domain::datum::deutsch(akte.beginn.date())
            ),
        ));
    }
    if let Some(t) = akte.tops[i..]
        .iter()
        .find(|t| t.ergebnis.is_some_and(|e| e != TopErgebnis::Vertagt))
    {
        return Err(Befund::fehler(
            "beschlussunfaehig",
            format!(
                "TOP {} hat schon das Ergebnis „{}“; die Beschlussunfähigkeit kann nur bei einem TOP ab dem letzten Beschluss festgestellt werden.",
                t.nummer,
                t.ergebnis.map(|e| e.label()).unwrap_or_default()
            ),
        ));
    }
    Ok(())
}

/// Recording that member `name` leaves from TOP `top` on: only a member recorded as
/// present can leave, and the TOP must be one of this Sitzung's.
pub fn gehen_pruefen(
    akte: &SitzungAkte,
    name: &str,
    status: Option<Anwesenheit>,
    top: TopId,
) -> Result<(), Befund> {
    if status != Some(Anwesenheit::Anwesend) {
        return Err(Befund::fehler(
            "geht_ab",
            format!("Geht ab TOP ({name}): Nur wer anwesend ist, kann die Sitzung verlassen; bitte zuerst „anwesend“ wählen."),
        ));
    }
    stelle(&akte.tops, top).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::gremium::{Gremium, GremiumNeu};
    use crate::domain::ids::{GremiumId, SitzungId};
    use crate::domain::sitzung::{GremiumTyp, MitgliedRolle, Teil, Vertretung};
    use chrono::{NaiveDate, NaiveDateTime};

    fn mitglied(name: &str, rolle: MitgliedRolle, fuer: &str, da: Option<Anwesenheit>) -> Mitglied {
        Mitglied::beispiel(name, rolle, fuer, da)
    }

    fn top(id: i64, nummer: &str) -> Top {
        Top {
            id: TopId(id),
            teil: Teil::Oeffentlich,
            nummer: nummer.into(),
            unterpunkt: false,
            titel: format!("Punkt {nummer}"),
            vorlage: None,
            ergebnis: None,
            ergebnis_text: String::new(),
            beschlussunfaehig: false,
        }
    }

    fn akte(mitglieder: Vec<Mitglied>, vertretung: Vertretung) -> SitzungAkte {
        let daten = GremiumNeu {
            name: "Integrationsrat".into(),
            kurzname: String::new(),
            typ: GremiumTyp::Integrationsrat,
            wahlperiode: String::new(),
            ladungsfrist_tage: 7,
            mindestsitzungen_jahr: 0,
            vertretung,
            ohne_entschaedigung: false,
        };
        SitzungAkte {
            id: SitzungId(1),
            gremium: Gremium {
                id: GremiumId(1),
                daten,
                ris: None,
            },
            nummer: 1,
            beginn: NaiveDateTime::parse_from_str("2026-12-10T17:00", "%Y-%m-%dT%H:%M").unwrap(),
            ort: "Rathaus".into(),
            zustand: SitzungZustand::Eingeladen,
            eingeladen_am: None,
            ende: None,
            schriftfuehrung: String::new(),
            version: 1,
            tops: (1..=5).map(|i| top(i, &format!("Ö {i}"))).collect(),
            mitglieder,
            befunde: Vec::new(),
            entwuerfe: Vec::new(),
            nicht_loeschbar: None,
            beschlussfaehigkeit: Vec::new(),
        }
    }

    use Anwesenheit::{Anwesend, Entschuldigt};
    use MitgliedRolle::{Mitglied as M, StellvMitglied as S};

    /// Twelve members: seven present, five excused.
    fn zwoelf() -> Vec<Mitglied> {
        (0..12)
            .map(|i| {
                mitglied(
                    &format!("M{i}"),
                    M,
                    if i % 2 == 0 { "Liste A" } else { "Liste B" },
                    Some(if i < 7 { Anwesend } else { Entschuldigt }),
                )
            })
            .collect()
    }

    #[test]
    fn the_count_as_recorded_says_whether_the_gremium_can_decide() {
        let a = akte(zwoelf(), Vertretung::Liste);
        let b = bei(&a, None).unwrap();
        assert_eq!((b.mitglieder, b.anwesend, b.noetig), (12, 7, 7));
        assert_eq!(
            b.text,
            "7 von 12 stimmberechtigten Mitgliedern anwesend – beschlussfähig."
        );
        assert!(b.quorum() && b.beschlussfaehig());
    }

    #[test]
    fn a_member_who_left_at_a_top_is_not_counted_from_that_top_on() {
        let mut m = zwoelf();
        m[0].geht_ab = Some(TopId(4));
        let a = akte(m, Vertretung::Liste);
        assert_eq!(bei(&a, Some(TopId(3))).unwrap().anwesend, 7);
        let b = bei(&a, Some(TopId(4))).unwrap();
        assert_eq!((b.top.as_deref(), b.anwesend), (Some("Ö 4"), 6));
        assert!(!b.quorum());
        // Too few present is not a refusal: the Gremium still counts as able to decide.
        assert!(b.beschlussfaehig());
        assert_eq!(
            b.text,
            "6 von 12 stimmberechtigten Mitgliedern anwesend – weniger als die Hälfte (7 nötig); gilt als beschlussfähig, solange die Beschlussunfähigkeit nicht festgestellt ist."
        );
        assert_eq!(bei(&a, Some(TopId(5))).unwrap().anwesend, 6);
        assert_eq!(
            verlauf(&a).iter().map(|b| b.anwesend).collect::<Vec<_>>(),
            [7, 7, 7, 7, 6, 6]
        );
    }

    #[test]
    fn a_deputy_steps_in_for_a_member_of_the_list_who_left() {
        // Everyone present but one member of Liste B.
        let mut m = zwoelf();
        m.iter_mut().for_each(|m| m.anwesenheit = Some(Anwesend));
        m[1].anwesenheit = Some(Entschuldigt);
        m[0].geht_ab = Some(TopId(2)); // Liste A
        m.push(mitglied("Stellv A", S, "Liste A", Some(Anwesend)));
        let a = akte(m, Vertretung::Liste);
        // At the opening everyone of Liste A is there: the deputy does not vote.
        let b = bei(&a, None).unwrap();
        assert_eq!((b.anwesend, b.vertretungen.len()), (11, 0));
        let b = bei(&a, Some(TopId(2))).unwrap();
        assert_eq!(b.anwesend, 11);
        assert_eq!(b.vertretungen, vec![("Stellv A".into(), "M0".into())]);
    }

    #[test]
    fn a_deputy_who_left_counts_no_more_either() {
        let mut m = zwoelf();
        let mut d = mitglied("Stellv B", S, "Liste B", Some(Anwesend));
        d.geht_ab = Some(TopId(3));
        m.push(d);
        let a = akte(m, Vertretung::Liste);
        assert_eq!(bei(&a, Some(TopId(2))).unwrap().anwesend, 8);
        assert_eq!(bei(&a, Some(TopId(3))).unwrap().anwesend, 7);
    }

    #[test]
    fn after_the_finding_only_vertagt_is_taken() {
        let mut a = akte(zwoelf(), Vertretung::Liste);
        a.tops[2].beschlussunfaehig = true; // Ö 3
        assert!(ergebnis_pruefen(&a, TopId(2), TopErgebnis::Beschlossen).is_ok());
        let e = ergebnis_pruefen(&a, TopId(4), TopErgebnis::Beschlossen).unwrap_err();
        assert_eq!(
            e.meldung,
            "Bei TOP Ö 3 ist die Beschlussunfähigkeit festgestellt; für TOP Ö 4 kann danach nur „vertagt“ eingetragen werden."
        );
        assert!(ergebnis_pruefen(&a, TopId(3), TopErgebnis::Kenntnis).is_err());
        assert!(ergebnis_pruefen(&a, TopId(3), TopErgebnis::Vertagt).is_ok());
        let b = bei(&a, Some(TopId(3))).unwrap();
        assert!(!b.beschlussfaehig());
        assert_eq!(
            b.text,
            "7 von 12 stimmberechtigten Mitgliedern anwesend – Beschlussunfähigkeit bei TOP Ö 3 festgestellt."
        );
        assert!(bei(&a, Some(TopId(2))).unwrap().beschlussfaehig());
    }

    #[test]
    fn the_finding_cannot_come_after_a_decision_nor_before_the_day() {
        let mut a = akte(zwoelf(), Vertretung::Liste);
        a.tops[3].ergebnis = Some(TopErgebnis::Beschlossen); // Ö 4
        let tag = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        assert!(feststellen_pruefen(&a, TopId(5), tag).is_ok());
        let e = feststellen_pruefen(&a, TopId(2), tag).unwrap_err();
        assert!(
            e.meldung
                .starts_with("TOP Ö 4 hat schon das Ergebnis „beschlossen“"),
            "{}",
            e.meldung
        );
        let vorher = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        assert_eq!(
            feststellen_pruefen(&a, TopId(5), vorher).unwrap_err().feld,
            "beschlussunfaehig"
        );
        assert_eq!(
            feststellen_pruefen(&a, TopId(99), tag).unwrap_err().feld,
            "top"
        );
    }

    #[test]
    fn the_niederschrift_records_who_left_and_the_finding() {
        let mut m = zwoelf();
        m[0].person.name = "Ayşe Yılmaz".into();
        m[0].geht_ab = Some(TopId(3));
        m[8].geht_ab = Some(TopId(3)); // excused: never left
        let mut a = akte(m, Vertretung::Liste);
        a.tops[3].beschlussunfaehig = true;
        assert_eq!(
            vermerke(&a, TopId(3)),
            [
                "Ayşe Yılmaz verlässt die Sitzung vor TOP Ö 3.",
                "Es sind 6 von 12 stimmberechtigten Mitgliedern anwesend."
            ]
        );
        assert_eq!(
            vermerke(&a, TopId(4)),
            ["Der Vorsitz stellt die Beschlussunfähigkeit fest (6 von 12 stimmberechtigten Mitgliedern anwesend). Ab diesem TOP werden keine Beschlüsse gefasst."]
        );
        assert!(vermerke(&a, TopId(1)).is_empty());
    }

    #[test]
    fn only_a_member_present_can_leave() {
        let a = akte(zwoelf(), Vertretung::Liste);
        assert!(gehen_pruefen(&a, "Ayşe Yılmaz", Some(Anwesend), TopId(2)).is_ok());
        let e = gehen_pruefen(&a, "Ayşe Yılmaz", Some(Entschuldigt), TopId(2)).unwrap_err();
        assert_eq!(e.feld, "geht_ab");
        assert!(e.meldung.contains("Ayşe Yılmaz"));
        assert_eq!(
            gehen_pruefen(&a, "X", Some(Anwesend), TopId(42))
                .unwrap_err()
                .feld,
            "top"
        );
    }

    #[test]
    fn before_any_attendance_the_screen_says_what_is_needed() {
        let mut m = zwoelf();
        m.iter_mut().for_each(|m| m.anwesenheit = None);
        let b = bei(&akte(m, Vertretung::Liste), None).unwrap();
        assert_eq!(
            b.text,
            "Anwesenheit noch nicht erfasst – 12 stimmberechtigte Mitglieder, beschlussfähig ab 7 anwesenden."
        );
        assert_eq!(noetig(8), 5);
        assert_eq!(noetig(9), 5);
    }
}
