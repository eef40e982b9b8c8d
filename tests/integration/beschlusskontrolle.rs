//! Beschlusskontrolle (issue 27 § 3) on the demo office: every decided TOP has its
//! follow-up — the Vorlage's Federführend as the unit, "offen" until the office says
//! otherwise, "überfällig" by the date alone, dated notes — across all Sitzungen, filtered
//! by status, Gremium, year and unit; a refused change names its field and changes
//! nothing; the CLI contract (`beschluss liste|zeigen|setzen`, `--json`).

use crate::gemeinsam::{buero, zeit, Testbuero};
use ratsbuero::api::{self, BeschlussFilter};
use ratsbuero::domain::beschluss::{BeschlussAenderung, BeschlussStatus};
use ratsbuero::domain::sitzung::TopErgebnis;
use ratsbuero::domain::SitzungId;
use std::process::Command;

/// The demo with two results in its first Sitzung (06.12.2026): one decided, one only
/// taken note of. Returns the decided TOP's id and the other's.
fn demo() -> (Testbuero, i64, i64) {
    let mut b = buero();
    api::demo(&mut b.store, zeit("2026-11-22")).unwrap();
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let mit_vorlage = s
        .tops
        .iter()
        .find(|t| t.vorlage.is_some())
        .expect("a TOP with a Vorlage")
        .id
        .0;
    let andere = s.tops.iter().find(|t| t.id.0 != mit_vorlage).unwrap().id.0;
    let j = zeit("2026-12-06");
    api::top_ergebnis(
        &mut b.store,
        mit_vorlage,
        TopErgebnis::Beschlossen,
        "Der Integrationsrat empfiehlt dem Rat, das Konzept zu beschließen.",
        None,
        j,
    )
    .unwrap();
    api::top_ergebnis(&mut b.store, andere, TopErgebnis::Kenntnis, "", None, j).unwrap();
    (b, mit_vorlage, andere)
}

/// The command line on the office `b`: whether it succeeded, its output and its errors.
fn cli(b: &Testbuero, args: &[&str]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args(["--db", &b.db_arg()])
        .args(args)
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn aenderung(status: &str, faellig: &str, zustaendig: &str) -> BeschlussAenderung {
    BeschlussAenderung {
        status: status.into(),
        faellig: faellig.into(),
        zustaendig: zustaendig.into(),
    }
}

#[test]
fn a_decision_is_followed_up_and_overdue_comes_from_the_date() {
    let (mut b, top, andere) = demo();
    let heute = zeit("2026-12-07");
    let alle = api::beschluesse(&b.store, &BeschlussFilter::default(), heute).unwrap();
    assert_eq!(alle.len(), 1, "only the decided TOP: {alle:?}");
    let d = &alle[0];
    assert_eq!(d.top.0, top);
    assert_eq!(d.status, BeschlussStatus::Offen);
    assert_eq!(d.anzeige, "offen");
    let vorlage = b
        .store
        .sitzung(SitzungId(1))
        .unwrap()
        .tops
        .into_iter()
        .find(|t| t.id.0 == top)
        .unwrap()
        .vorlage
        .unwrap();
    let federfuehrend = b.store.vorlage(vorlage.id).unwrap().inhalt.federfuehrend;
    assert!(!federfuehrend.is_empty());
    assert_eq!(
        d.zustaendig, federfuehrend,
        "the unit is the Vorlage's Federführend"
    );
    // Where the recommendation goes next: the Vorlage's Beratungsfolge, in order.
    let folge: Vec<String> = b
        .store
        .vorlage(vorlage.id)
        .unwrap()
        .inhalt
        .beratungsfolge
        .iter()
        .map(|s| s.gremium.clone())
        .collect();
    assert!(!folge.is_empty());
    assert_eq!(
        d.beratungsfolge
            .iter()
            .map(|s| s.gremium.clone())
            .collect::<Vec<_>>(),
        folge
    );
    assert!(d.beschlusstext.starts_with("Der Integrationsrat empfiehlt"));
    // Not a decision: nothing to follow up.
    let e = api::beschluss(&b.store, andere, heute).unwrap_err();
    assert_eq!(e.befunde[0].feld, "top");

    // Due yesterday: overdue, in the badge's count; done: no more.
    api::beschluss_setzen(
        &mut b.store,
        top,
        &aenderung("in_arbeit", "06.12.2026", "FB 51 – Integration"),
        heute,
    )
    .unwrap();
    let d = api::beschluss(&b.store, top, heute).unwrap();
    assert_eq!(
        (d.status, d.anzeige.as_str(), d.zustaendig.as_str()),
        (
            BeschlussStatus::InArbeit,
            "ueberfaellig",
            "FB 51 – Integration"
        )
    );
    assert_eq!(api::beschluesse_ueberfaellig(&b.store, heute).unwrap(), 1);
    assert_eq!(
        api::beschluesse_ueberfaellig(&b.store, zeit("2026-12-06")).unwrap(),
        0,
        "due today is not overdue"
    );
    api::beschluss_notiz(
        &mut b.store,
        top,
        "Haushaltsmittel beim Kämmerer beantragt",
        heute,
    )
    .unwrap();
    api::beschluss_setzen(
        &mut b.store,
        top,
        &aenderung("erledigt", "06.12.2026", "FB 51 – Integration"),
        heute,
    )
    .unwrap();
    let d = api::beschluss(&b.store, top, heute).unwrap();
    assert_eq!(d.anzeige, "erledigt");
    assert_eq!(d.notizen.len(), 1);
    assert_eq!(d.notizen[0].datum.to_string(), "2026-12-07");
    assert_eq!(api::beschluesse_ueberfaellig(&b.store, heute).unwrap(), 0);

    // Refused: named at the field, nothing changed.
    for (a, feld) in [
        (aenderung("fertig", "", ""), "status"),
        (aenderung("offen", "31.02.2027", ""), "faellig"),
        (aenderung("offen", "", "FB 51 🙂"), "zustaendig"),
    ] {
        let e = api::beschluss_setzen(&mut b.store, top, &a, heute).unwrap_err();
        assert_eq!(e.befunde[0].feld, feld, "{e:?}");
        assert_eq!(
            api::beschluss(&b.store, top, heute).unwrap().status,
            BeschlussStatus::Erledigt
        );
    }
    assert_eq!(
        api::beschluss_notiz(&mut b.store, top, "  ", heute)
            .unwrap_err()
            .befunde[0]
            .feld,
        "notiz"
    );

    // Filters.
    let f = |status: Option<&str>, jahr: Option<i32>, zustaendig: Option<&str>| {
        api::beschluesse(
            &b.store,
            &BeschlussFilter {
                status: status.map(Into::into),
                jahr,
                zustaendig: zustaendig.map(Into::into),
                ..Default::default()
            },
            heute,
        )
        .unwrap()
        .len()
    };
    assert_eq!(f(Some("erledigt"), None, None), 1);
    assert_eq!(f(Some("offen"), None, None), 0);
    assert_eq!(f(None, Some(2025), None), 0);
    assert_eq!(f(None, Some(2026), Some("fb 51")), 1);
    assert_eq!(f(None, None, Some("Kämmerei")), 0);
    assert_eq!(
        api::beschluesse(
            &b.store,
            &BeschlussFilter {
                status: Some("irgendwie".into()),
                ..Default::default()
            },
            heute
        )
        .unwrap_err()
        .befunde[0]
            .feld,
        "status"
    );
}

#[test]
fn the_cli_lists_shows_and_sets_a_decision() {
    let (b, top, _) = demo();
    let cli = |args: &[&str]| cli(&b, args);
    let id = top.to_string();
    let (ok, aus, fehler) = cli(&[
        "beschluss",
        "setzen",
        &id,
        "--status",
        "in-arbeit",
        "--faellig",
        "31.01.2027",
        "--notiz",
        "Gespräch mit dem Jobcenter",
        "--json",
    ]);
    assert!(ok, "{fehler}");
    let v: serde_json::Value = serde_json::from_str(&aus).unwrap();
    assert_eq!(v["status"], "in_arbeit");
    assert_eq!(v["faellig"], "2027-01-31");
    assert_eq!(v["notizen"][0]["text"], "Gespräch mit dem Jobcenter");
    let (ok, aus, _) = cli(&["beschluss", "liste", "--status", "in-arbeit", "--json"]);
    assert!(ok);
    let liste: Vec<serde_json::Value> = serde_json::from_str(&aus).unwrap();
    assert_eq!(liste.len(), 1);
    let (ok, aus, _) = cli(&["beschluss", "zeigen", &id]);
    assert!(ok);
    assert!(
        aus.contains("Gespräch mit dem Jobcenter") && aus.contains("31.01.2027"),
        "{aus}"
    );
    let (ok, _, fehler) = cli(&["beschluss", "liste", "--status", "bald"]);
    assert!(!ok);
    assert!(fehler.contains("Stand „bald“ gibt es nicht"), "{fehler}");
}

/// "Sachstand der Beschlüsse": a Mitteilungsvorlage draft with the decisions still open
/// (Stand, Wiedervorlage, unit) and those done since the last Sachstand; the next one lists
/// only what was done after it; a decision of the nichtöffentlichen Teil is counted, never
/// named. The CLI makes it too.
#[test]
fn the_sachstand_lists_the_open_decisions_and_those_done_since_the_last_one() {
    let (mut b, top, _) = demo();
    // A decision of the nichtöffentlichen Teil as well.
    let s = b.store.sitzung(SitzungId(1)).unwrap();
    let noe = s
        .tops
        .iter()
        .find(|t| t.teil == ratsbuero::domain::sitzung::Teil::Nichtoeffentlich)
        .unwrap()
        .clone();
    api::top_ergebnis(
        &mut b.store,
        noe.id.0,
        TopErgebnis::Beschlossen,
        "",
        None,
        zeit("2026-12-06"),
    )
    .unwrap();
    let (titel, nummer) = s
        .tops
        .iter()
        .find(|t| t.id.0 == top)
        .map(|t| (t.titel.clone(), t.nummer.clone()))
        .unwrap();
    let t1 = zeit("2026-12-07");
    api::beschluss_setzen(
        &mut b.store,
        top,
        &aenderung("in_arbeit", "31.01.2027", "FB 51"),
        t1,
    )
    .unwrap();
    let g = api::sachstand_entwurf(&mut b.store, t1).unwrap();
    let v = api::vorlage_lesen(&b.store, g.id.0).unwrap();
    assert_eq!(
        v.inhalt.art,
        ratsbuero::domain::VorlageArt::Mitteilungsvorlage
    );
    assert_eq!(
        v.inhalt.betreff,
        "Sachstand der Beschlüsse (Stand 07.12.2026)"
    );
    let t = &v.inhalt.sachverhalt;
    assert!(
        t.contains(&format!(
            "- 06.12.2026, {nummer}: {titel} – in Arbeit, Wiedervorlage 31.01.2027 (FB 51)"
        )),
        "{t}"
    );
    assert!(!t.contains(&noe.titel), "nichtöffentlich named: {t}");
    assert!(
        t.contains("Dazu 1 Beschluss aus dem nichtöffentlichen Teil"),
        "{t}"
    );
    assert!(t.contains("2. Erledigt\nKeine."), "{t}");

    // Done the day after: the next Sachstand lists it as done since the last one.
    let t2 = zeit("2026-12-08");
    api::beschluss_notiz(&mut b.store, top, "Konzept im Rat beschlossen", t2).unwrap();
    api::beschluss_setzen(
        &mut b.store,
        top,
        &aenderung("erledigt", "31.01.2027", "FB 51"),
        t2,
    )
    .unwrap();
    let g = api::sachstand_entwurf(&mut b.store, t2).unwrap();
    let t = api::vorlage_lesen(&b.store, g.id.0)
        .unwrap()
        .inhalt
        .sachverhalt;
    assert!(
        t.contains("2. Erledigt seit dem letzten Sachstand vom 07.12.2026"),
        "{t}"
    );
    assert!(
        t.contains(&format!(
            "- 06.12.2026, {nummer}: {titel}: Konzept im Rat beschlossen"
        )),
        "{t}"
    );
    assert!(t.contains("1. Noch offene Beschlüsse\nKeine."), "{t}");
    // And a third one: nothing done since.
    let g = api::sachstand_entwurf(&mut b.store, zeit("2026-12-09")).unwrap();
    let t = api::vorlage_lesen(&b.store, g.id.0)
        .unwrap()
        .inhalt
        .sachverhalt;
    assert!(
        t.contains("2. Erledigt seit dem letzten Sachstand vom 08.12.2026\nKeine."),
        "{t}"
    );

    let o = Command::new(env!("CARGO_BIN_EXE_ratsbuero"))
        .args(["--db", &b.db_arg(), "beschluss", "sachstand"])
        .env_remove("RATSBUERO_DB")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("angelegt: Sachstand der Beschlüsse (Stand ")
    );
}

/// A later step of a recommendation's Beratungsfolge (issue 27 § 3) from the command line,
/// named by its Gremium: the day and result typed are shown; a Gremium not in the
/// Beratungsfolge is named with the ones that are.
#[test]
fn the_cli_enters_the_result_of_a_later_beratung() {
    let (b, top, _) = crate::gemeinsam::empfehlung_beschlossen();
    let cli = |args: &[&str]| cli(&b, args);
    let id = top.to_string();
    let gremium = "Haupt- und Finanzausschuss";
    let (ok, aus, fehler) = cli(&[
        "beschluss",
        "beratung",
        &id,
        "--gremium",
        gremium,
        "--datum",
        "15.12.2026",
        "--ergebnis",
        "einstimmig empfohlen",
    ]);
    assert!(ok, "{fehler}");
    assert!(
        aus.contains(&format!("{gremium} am 15.12.2026: einstimmig empfohlen")),
        "{aus}"
    );
    let (ok, _, fehler) = cli(&[
        "beschluss",
        "beratung",
        &id,
        "--gremium",
        "Kreistag",
        "--ergebnis",
        "x",
    ]);
    assert!(!ok);
    assert!(
        fehler.contains("Das Gremium „Kreistag“ steht nicht in der Beratungsfolge"),
        "{fehler}"
    );
    assert!(
        fehler.contains("Integrationsrat, Haupt- und Finanzausschuss, Rat der Stadt"),
        "{fehler}"
    );
}
