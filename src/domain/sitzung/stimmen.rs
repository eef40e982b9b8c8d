//! Who votes in a Sitzung, and so how many voters are present and whether the Gremium can
//! decide. The rule of the GO NRW and the Integrationsrat's Geschäftsordnung, in the
//! words of DESIGN:
//!
//! - **Mitglieder** are the members with a vote (Vorsitz, stellv. Vorsitz, Mitglied with
//!   "stimmberechtigt"); their number is the legal number of members the quorum is
//!   counted from (§ 49 Abs. 1 GO NRW: "mehr als die Hälfte der gesetzlichen Zahl der
//!   Mitglieder"; for the Ausschüsse § 58 Abs. 2 GO NRW, for the Integrationsrat § 27
//!   Abs. 10 GO NRW with its Geschäftsordnung).
//! - **Stellvertretende Mitglieder** vote only in place of an absent member (§ 58 Abs. 1
//!   Satz 5 ff. GO NRW: "Stellvertreter … im Verhinderungsfall"). Both forms of the GO
//!   occur, and each is a setting of the Gremium ([`Vertretung`]):
//!   - *persönliche Stellvertretung*: the deputy's "für" names a member of the Gremium
//!     (as printed in the member list); the deputy votes only when that member is absent;
//!   - Stellvertretung *der Liste / Fraktion*: the deputy's "für" names a Liste or
//!     Fraktion; the deputies of a Liste step in, in the order the Gremium lists them,
//!     for its absent members (their "für" names the same Liste), one deputy per absent
//!     member.
//! - A deputy without a vote ("stimmberechtigt" not set) never counts; a deputy whose
//!   member is present, or whose Liste has no absent member, is present without a vote.
//!
//! So the voters present are never more than the members: a Niederschrift cannot say "9
//! von 8 stimmberechtigten Mitgliedern anwesend", and a Wahl takes no more ballots.

use super::{Anwesenheit, MitgliedRolle, Vertretung};
use crate::domain::mitgliedschaft::Mitglied;

/// The count of one Sitzung.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stimmen {
    /// Members with a vote (the legal number of members).
    pub mitglieder: usize,
    /// Voters present: members present, and deputies in place of absent members.
    pub anwesend: usize,
    /// Who stands in for whom: (deputy, member), by name.
    pub vertretungen: Vec<(String, String)>,
}

fn ordentlich(m: &Mitglied) -> bool {
    m.stimmrecht && m.rolle != MitgliedRolle::StellvMitglied
}

fn da(m: &Mitglied) -> bool {
    m.anwesenheit == Some(Anwesenheit::Anwesend)
}

/// Counts the voters of a Sitzung from its members (those of the Sitzung's day), their
/// recorded attendance and the Gremium's form of Stellvertretung.
pub fn zaehlen(vertretung: Vertretung, mitglieder: &[Mitglied]) -> Stimmen {
    zaehlen_mit(vertretung, mitglieder, da)
}

/// The same count, with `da` saying who is present (at one TOP: those who left before it
/// are not; [`super::beschlussfaehigkeit`]).
pub fn zaehlen_mit(
    vertretung: Vertretung,
    mitglieder: &[Mitglied],
    da: impl Fn(&Mitglied) -> bool,
) -> Stimmen {
    let regulaer: Vec<&Mitglied> = mitglieder.iter().filter(|m| ordentlich(m)).collect();
    let mut offen: Vec<&Mitglied> = regulaer.iter().copied().filter(|m| !da(m)).collect();
    let mut vertretungen = Vec::new();
    let stellv = mitglieder
        .iter()
        .filter(|m| m.rolle == MitgliedRolle::StellvMitglied && m.stimmrecht && da(m));
    for d in stellv {
        let fuer = d.fuer.trim();
        if fuer.is_empty() {
            continue;
        }
        // Whom this deputy may stand in for: the one named member, or a member of the Liste.
        let passt = |m: &&Mitglied| match vertretung {
            Vertretung::Persoenlich => m.person.name == fuer,
            Vertretung::Liste => m.fuer.trim() == fuer,
        };
        if let Some(i) = offen.iter().position(passt) {
            let m = offen.remove(i);
            vertretungen.push((d.person.name.clone(), m.person.name.clone()));
        }
    }
    Stimmen {
        mitglieder: regulaer.len(),
        anwesend: regulaer.iter().filter(|m| da(m)).count() + vertretungen.len(),
        vertretungen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, rolle: MitgliedRolle, fuer: &str, da: Option<Anwesenheit>) -> Mitglied {
        Mitglied::beispiel(name, rolle, fuer, da)
    }
    use Anwesenheit::{Anwesend, Entschuldigt};
    use MitgliedRolle::{Mitglied as M, StellvMitglied as S, Vorsitz as V};

    #[test]
    fn with_everyone_present_a_deputy_does_not_vote() {
        let mut g: Vec<Mitglied> = (0..8)
            .map(|i| {
                m(
                    &format!("M{i}"),
                    if i == 0 { V } else { M },
                    "Liste A",
                    Some(Anwesend),
                )
            })
            .collect();
        g.push(m("Stellv", S, "Liste A", Some(Anwesend)));
        let s = zaehlen(Vertretung::Liste, &g);
        assert_eq!((s.mitglieder, s.anwesend), (8, 8));
        assert!(s.vertretungen.is_empty());
    }

    #[test]
    fn a_list_deputy_steps_in_for_an_absent_member_of_the_list_only() {
        let g = vec![
            m("Ayşe Yılmaz", M, "Liste A", Some(Entschuldigt)),
            m("Jan Nowak", M, "Liste B", Some(Entschuldigt)),
            m("Ion Popescu", M, "Liste B", Some(Anwesend)),
            m("Stellv A1", S, "Liste A", Some(Anwesend)),
            m("Stellv A2", S, "Liste A", Some(Anwesend)),
            m("Stellv C", S, "Liste C", Some(Anwesend)),
        ];
        let s = zaehlen(Vertretung::Liste, &g);
        assert_eq!((s.mitglieder, s.anwesend), (3, 2));
        assert_eq!(
            s.vertretungen,
            vec![("Stellv A1".to_string(), "Ayşe Yılmaz".to_string())]
        );
    }

    #[test]
    fn a_personal_deputy_votes_only_for_their_own_member() {
        let g = vec![
            m("Ayşe Yılmaz", M, "Liste A", Some(Entschuldigt)),
            m("Jan Nowak", M, "Liste A", Some(Anwesend)),
            m("Nguyễn Văn An", S, "Jan Nowak", Some(Anwesend)),
            m("Eleni Papadopoulou", S, "Ayşe Yılmaz", Some(Anwesend)),
        ];
        let s = zaehlen(Vertretung::Persoenlich, &g);
        assert_eq!((s.mitglieder, s.anwesend), (2, 2));
        assert_eq!(
            s.vertretungen,
            vec![("Eleni Papadopoulou".to_string(), "Ayşe Yılmaz".to_string())]
        );
    }

    #[test]
    fn the_gremium_says_which_form_a_deputy_takes() {
        // "für" names a Liste: under persönliche Stellvertretung that deputy is bound to
        // no member and does not vote; under Liste they do.
        let g = vec![
            m("Ayşe Yılmaz", M, "Liste A", Some(Entschuldigt)),
            m("Stellv A", S, "Liste A", Some(Anwesend)),
        ];
        assert_eq!(zaehlen(Vertretung::Persoenlich, &g).anwesend, 0);
        assert_eq!(zaehlen(Vertretung::Liste, &g).anwesend, 1);
    }

    #[test]
    fn a_deputy_without_a_vote_or_absent_never_counts() {
        let mut ohne = m("Stellv", S, "Liste A", Some(Anwesend));
        ohne.stimmrecht = false;
        let g = vec![
            m("A", M, "Liste A", Some(Entschuldigt)),
            ohne,
            m("Stellv 2", S, "Liste A", Some(Entschuldigt)),
        ];
        assert_eq!(zaehlen(Vertretung::Liste, &g).anwesend, 0);
    }
}
