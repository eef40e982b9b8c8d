//! The Vorlage as the office prints it, in the order of the reference papers: header
//! (Kommune, Gremium, Vorlage-Nr., Art, Status, Datum), Betreff, Verfasser / Federführend /
//! Bearbeiter, Beratungsfolge as a table, then Finanzielle Auswirkungen (NKF table),
//! Klimarelevante Auswirkungen (three boxes with their sentences), Beschlussvorschlag,
//! Sachverhalt, Anlagen, the signature block and a Beschlussvermerk per Gremium.

use super::pdfa::{self, Metadaten};
use super::satz::{self, Block};
use super::schrift::{self, metrik, Schnitt, Schriften};
use super::seiten::{farbe, Rand, Seiten, A4_BREITE, A4_HOEHE};
use super::signatur::Feld;
use super::struktur::Art;
use super::PdfFehler;
use crate::domain::finanzen::Posten;
use crate::domain::gremium;
use crate::domain::VorlageAkte;
use crate::domain::{
    datum, Buero, Cent, FinanzArt, Haushaltsmittel, Klimarelevanz, Status, Zustand,
};
use chrono::NaiveDateTime;
use printpdf::{PdfDocument, PdfSaveOptions};

const TEXT: f32 = 10.5;
const ZEILE: f32 = 14.0;
const KLEIN: f32 = 8.5;
const ROT: (u8, u8, u8) = (138, 28, 28);

/// A rendered document and where its signature field belongs.
pub struct Dokument {
    pub bytes: Vec<u8>,
    pub signaturfeld: Feld,
}

/// Renders one Vorlage. `gedruckt` is the date printed when the paper is not yet released.
pub fn vorlage(
    akte: &VorlageAkte,
    buero: &Buero,
    gedruckt: NaiveDateTime,
) -> Result<Dokument, PdfFehler> {
    zeichen_pruefen(akte, buero)?;
    let i = &akte.inhalt;
    let titel = if i.betreff.is_empty() {
        "Vorlage (ohne Betreff)".to_string()
    } else {
        i.betreff.clone()
    };
    let mut doc = PdfDocument::new(&titel);
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());

    kopf(&mut s, akte, buero, gedruckt);
    beratungsfolge(&mut s, akte);
    finanzen(&mut s, akte);
    klima(&mut s, akte);
    if !i.beschlussvorschlag.is_empty()
        || !matches!(i.art, crate::domain::VorlageArt::Mitteilungsvorlage)
    {
        abschnitt(&mut s, "Beschlussvorschlag:");
        text(&mut s, &i.beschlussvorschlag);
    }
    abschnitt(&mut s, "Sachverhalt:");
    text(&mut s, &i.sachverhalt);
    anlagen(&mut s, akte);
    let signaturfeld = unterschrift(&mut s, akte, buero);
    beschlussvermerke(&mut s, akte);

    let nummer = akte.nummer.clone();
    let nichtoeffentlich = i.status == Status::Nichtoeffentlich;
    let entwurf = akte.zustand == Zustand::Entwurf;
    let fuss_links = format!("{} · {}", buero.kommune, buero.gremium_name);
    let (seiten, struktur) = s.fertig(|s, nr, von| {
        let rechts = A4_BREITE - s.rand.rechts;
        let oben = 40.0;
        s.text_abs(
            s.rand.links,
            oben,
            &fuss_links,
            Schnitt::Normal,
            KLEIN,
            None,
        );
        let kennung = match &nummer {
            Some(n) => format!("Vorlage {n}"),
            None => "Entwurf – nicht freigegeben".into(),
        };
        let b = metrik(Schnitt::Fett).breite(&kennung, KLEIN);
        s.text_abs(
            rechts - b,
            oben,
            &kennung,
            Schnitt::Fett,
            KLEIN,
            entwurf.then(|| farbe(ROT.0, ROT.1, ROT.2)),
        );
        if nichtoeffentlich {
            let t = "nichtöffentlich";
            let b = metrik(Schnitt::Fett).breite(t, 9.5);
            s.text_abs(
                (A4_BREITE - b) / 2.0,
                oben,
                t,
                Schnitt::Fett,
                9.5,
                Some(farbe(ROT.0, ROT.1, ROT.2)),
            );
        }
        s.strecke(s.rand.links, oben + 5.0, rechts, oben + 5.0, 0.4);
        let unten = A4_HOEHE - 36.0;
        s.strecke(s.rand.links, unten - 12.0, rechts, unten - 12.0, 0.4);
        let seite = format!("Seite {nr} von {von}");
        let b = metrik(Schnitt::Normal).breite(&seite, KLEIN);
        s.text_abs(
            (A4_BREITE - b) / 2.0,
            unten,
            &seite,
            Schnitt::Normal,
            KLEIN,
            None,
        );
    });
    doc.with_pages(seiten);
    let mut warnungen = Vec::new();
    let roh = doc.save(&PdfSaveOptions::default(), &mut warnungen);
    let bytes = pdfa::nachbearbeiten(
        roh,
        &Metadaten {
            titel,
            autor: if i.verfasser.is_empty() {
                buero.kommune.clone()
            } else {
                i.verfasser.clone()
            },
            betreff: format!(
                "{} {} – {}",
                i.art.label(),
                akte.nummer.as_deref().unwrap_or("(Entwurf)"),
                buero.gremium_name
            ),
            erstellt: gedruckt,
        },
        &struktur,
    )?;
    Ok(Dokument {
        bytes,
        signaturfeld,
    })
}

/// Refuses the whole document when any text holds a character the font cannot show.
fn zeichen_pruefen(akte: &VorlageAkte, buero: &Buero) -> Result<(), PdfFehler> {
    let i = &akte.inhalt;
    let mut felder: Vec<(String, &str)> = vec![
        ("Betreff".into(), &i.betreff),
        ("Verfasser".into(), &i.verfasser),
        ("Federführend".into(), &i.federfuehrend),
        ("Bearbeiter/-in".into(), &i.bearbeiter),
        ("Beschlussvorschlag".into(), &i.beschlussvorschlag),
        ("Sachverhalt".into(), &i.sachverhalt),
        ("Einstellungen, Kommune".into(), &buero.kommune),
        ("Einstellungen, Gremium".into(), &buero.gremium_name),
    ];
    for (n, b) in i.beratungsfolge.iter().enumerate() {
        felder.push((format!("Beratungsfolge, Schritt {}", n + 1), &b.gremium));
        felder.push((
            format!("Beratungsfolge, Schritt {}, Ergebnis", n + 1),
            &b.ergebnis,
        ));
    }
    for a in &akte.anlagen {
        felder.push((format!("Anlage {}", a.nr), &a.name));
    }
    let u = i.unterschrift.as_ref().unwrap_or(&buero.unterschrift);
    felder.push((
        "Unterzeichnung, Behördenleitung".into(),
        &u.behoerdenleitung,
    ));
    felder.push(("Unterzeichnung, Name".into(), &u.name));
    felder.push(("Unterzeichnung, Funktion".into(), &u.funktion));
    for (feld, text) in felder {
        schrift::pruefen(&feld, text)?;
    }
    Ok(())
}

fn kopf(s: &mut Seiten, akte: &VorlageAkte, buero: &Buero, gedruckt: NaiveDateTime) {
    let i = &akte.inhalt;
    let links = s.rand.links;
    let spalte = 350.0;
    let start = s.y();
    s.struktur.beginnen(Art::P);
    s.text_bei(links, &buero.kommune, Schnitt::Fett, 13.0);
    s.struktur.beenden();
    s.vorschub(18.0);
    s.text_bei(links, &buero.gremium_name, Schnitt::Normal, TEXT);
    s.vorschub(ZEILE);
    let links_ende = s.y();

    s.vorschub(start - s.y());
    let datum_text = akte
        .freigegeben_am
        .map(|t| datum::deutsch(t.date()))
        .unwrap_or_else(|| datum::deutsch(gedruckt.date()));
    let zeilen: [(&str, String, bool); 4] = [
        (
            "Vorlage-Nr.:",
            akte.nummer.clone().unwrap_or_else(|| "– (Entwurf)".into()),
            true,
        ),
        ("Vorlage-Art:", i.art.label().to_string(), false),
        (
            "Status:",
            i.status.label().to_string(),
            i.status == Status::Nichtoeffentlich,
        ),
        ("Datum:", datum_text, false),
    ];
    s.struktur.beginnen(Art::Table);
    for (label, wert, fett) in zeilen {
        s.struktur.beginnen(Art::TR);
        s.struktur.beginnen(Art::TH);
        s.text_bei(spalte, label, Schnitt::Normal, 9.5);
        s.struktur.beenden();
        s.struktur.beginnen(Art::TD);
        let rot = label == "Status:" && fett;
        let x = spalte + 70.0;
        let y = s.y() + 9.5;
        s.text_abs(
            x,
            y,
            &wert,
            if fett { Schnitt::Fett } else { Schnitt::Normal },
            9.5,
            rot.then(|| farbe(ROT.0, ROT.1, ROT.2)),
        );
        s.struktur.beenden();
        s.struktur.beenden();
        s.vorschub(13.0);
    }
    s.struktur.beenden();
    let ende = s.y().max(links_ende);
    s.vorschub(ende - s.y() + 10.0);
    s.linie(0.8);
    s.vorschub(14.0);

    s.struktur.beginnen(Art::H1);
    s.text_bei(links, i.art.label(), Schnitt::Fett, 15.0);
    s.struktur.beenden();
    s.vorschub(24.0);
    let betreff = if i.betreff.is_empty() {
        "(ohne Betreff)"
    } else {
        &i.betreff
    };
    s.struktur.beginnen(Art::P);
    s.text_bei(links, "Betreff:", Schnitt::Fett, 11.0);
    for z in satz::umbrechen(betreff, s.breite() - 60.0, Schnitt::Fett, 11.0) {
        s.text_bei(links + 60.0, &z, Schnitt::Fett, 11.0);
        s.vorschub(15.0);
    }
    s.struktur.beenden();
    s.vorschub(6.0);
    s.struktur.beginnen(Art::Table);
    for (label, wert) in [
        ("Verfasser:", &i.verfasser),
        ("Federführend:", &i.federfuehrend),
        ("Bearbeiter/-in:", &i.bearbeiter),
    ] {
        if wert.is_empty() {
            continue;
        }
        s.struktur.beginnen(Art::TR);
        s.struktur.beginnen(Art::TH);
        s.text_bei(links, label, Schnitt::Normal, 9.5);
        s.struktur.beenden();
        s.struktur.beginnen(Art::TD);
        for z in satz::umbrechen(wert, s.breite() - 90.0, Schnitt::Normal, 9.5) {
            s.text_bei(links + 90.0, &z, Schnitt::Normal, 9.5);
            s.vorschub(13.0);
        }
        s.struktur.beenden();
        s.struktur.beenden();
    }
    s.struktur.beenden();
    s.vorschub(8.0);
}

/// A table with wrapping cells; rows never split across pages, the head repeats.
pub(super) struct Tabelle<'t> {
    /// Column titles with their share of the width.
    pub(super) spalten: Vec<(&'t str, f32)>,
    pub(super) groesse: f32,
}

impl Tabelle<'_> {
    fn breiten(&self, gesamt: f32) -> Vec<f32> {
        self.spalten
            .iter()
            .map(|(_, anteil)| anteil * gesamt)
            .collect()
    }

    /// The table's head: a row of header cells (`TH`, scope column); on a page after the
    /// first it is repeated as an artifact.
    pub(super) fn kopfzeile(&self, s: &mut Seiten) {
        s.struktur.beginnen(Art::Table);
        s.struktur.beginnen(Art::TR);
        self.kopf_zeichnen(s);
        s.struktur.beenden();
    }

    /// Ends the table.
    pub(super) fn ende(&self, s: &mut Seiten) {
        s.struktur.beenden();
    }

    fn kopf_zeichnen(&self, s: &mut Seiten) {
        let breiten = self.breiten(s.breite());
        let hoehe = self.groesse + 8.0;
        s.platz(hoehe + ZEILE);
        let y = s.y();
        s.flaeche(s.rand.links, y, s.breite(), hoehe, farbe(230, 235, 240));
        let mut x = s.rand.links;
        for ((titel, _), b) in self.spalten.iter().zip(&breiten) {
            s.struktur.beginnen(Art::TH);
            s.text_abs(
                x + 3.0,
                y + 4.0 + self.groesse,
                titel,
                Schnitt::Fett,
                self.groesse,
                None,
            );
            s.struktur.beenden();
            x += b;
        }
        s.vorschub(hoehe);
    }

    pub(super) fn zeile(&self, s: &mut Seiten, zellen: &[String]) {
        self.zeile_mindestens(s, zellen, 0.0);
    }

    /// A row at least `mindesthoehe` high (room to sign in).
    pub(super) fn zeile_mindestens(&self, s: &mut Seiten, zellen: &[String], mindesthoehe: f32) {
        let breiten = self.breiten(s.breite());
        let lh = self.groesse * 1.3;
        let umbrochen: Vec<Vec<String>> = zellen
            .iter()
            .zip(&breiten)
            .map(|(t, b)| satz::umbrechen(t, b - 6.0, Schnitt::Normal, self.groesse))
            .collect();
        let n = umbrochen.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let hoehe = (n as f32 * lh + 6.0).max(mindesthoehe);
        if s.platz(hoehe) {
            s.artefakt(|s| self.kopf_zeichnen(s));
        }
        let y = s.y();
        let mut x = s.rand.links;
        s.struktur.beginnen(Art::TR);
        for (zeilen, b) in umbrochen.iter().zip(&breiten) {
            s.struktur.beginnen(Art::TD);
            for (k, z) in zeilen.iter().enumerate() {
                s.text_abs(
                    x + 3.0,
                    y + 3.0 + self.groesse + k as f32 * lh,
                    z,
                    Schnitt::Normal,
                    self.groesse,
                    None,
                );
            }
            s.struktur.beenden();
            x += b;
        }
        s.struktur.beenden();
        s.vorschub(hoehe);
        let y = s.y();
        s.strecke(s.rand.links, y, A4_BREITE - s.rand.rechts, y, 0.3);
    }
}

fn beratungsfolge(s: &mut Seiten, akte: &VorlageAkte) {
    if akte.inhalt.beratungsfolge.is_empty() {
        return;
    }
    abschnitt(s, "Beratungsfolge:");
    let t = Tabelle {
        spalten: vec![
            ("Gremium", 0.31),
            ("Beratungsstatus", 0.2),
            ("Sitzung am", 0.15),
            ("TOP", 0.07),
            ("Ergebnis", 0.27),
        ],
        groesse: 9.0,
    };
    t.kopfzeile(s);
    for b in &akte.inhalt.beratungsfolge {
        let d = datum::parse(&b.datum)
            .map(datum::deutsch)
            .unwrap_or_default();
        t.zeile(
            s,
            &[
                b.gremium.clone(),
                b.rolle.label().to_string(),
                d,
                String::new(),
                b.ergebnis.clone(),
            ],
        );
    }
    t.ende(s);
    s.vorschub(8.0);
}

/// A section heading, kept on the page with at least three lines after it.
pub(super) fn abschnitt(s: &mut Seiten, titel: &str) {
    s.platz(16.0 + 3.0 * ZEILE);
    s.vorschub(4.0);
    let x = s.rand.links;
    s.struktur.beginnen(Art::H2);
    s.text_bei(x, titel, Schnitt::Fett, 11.0);
    s.struktur.beenden();
    s.vorschub(17.0);
}

/// Running text: paragraphs and list items with a hanging indent.
pub(super) fn text(s: &mut Seiten, text: &str) {
    let breite = s.breite();
    if text.trim().is_empty() {
        s.zeile(0.0, "—", Schnitt::Normal, TEXT, ZEILE);
        s.vorschub(4.0);
        return;
    }
    let mut in_liste = false;
    for block in satz::bloecke(text) {
        let punkt = matches!(block, Block::Punkt { .. });
        if punkt && !in_liste {
            s.struktur.beginnen(Art::L);
        } else if !punkt && in_liste {
            s.struktur.beenden();
        }
        in_liste = punkt;
        match block {
            Block::Absatz(t) => {
                // A paragraph in Arabic script is set from the right margin.
                let rtl = super::rtl::absatz_rtl(&t);
                for z in satz::umbrechen(&t, breite, Schnitt::Normal, TEXT) {
                    s.absatzzeile(0.0, &z, Schnitt::Normal, TEXT, ZEILE, rtl);
                }
                s.vorschub(5.0);
            }
            Block::Punkt { marke, text } => {
                let einzug = 18.0;
                s.struktur.beginnen(Art::LI);
                for (k, z) in satz::umbrechen(&text, breite - einzug, Schnitt::Normal, TEXT)
                    .into_iter()
                    .enumerate()
                {
                    if k == 0 {
                        s.platz(ZEILE);
                        let x = s.rand.links + 4.0;
                        s.struktur.beginnen(Art::Lbl);
                        s.text_bei(x, &marke, Schnitt::Normal, TEXT);
                        s.struktur.beenden();
                        s.struktur.beginnen(Art::LBody);
                    }
                    s.zeile(einzug, &z, Schnitt::Normal, TEXT, ZEILE);
                }
                s.struktur.beenden();
                s.struktur.beenden();
                s.vorschub(2.0);
            }
        }
    }
    if in_liste {
        s.struktur.beenden();
    }
    s.vorschub(4.0);
}

fn kaestchen_zeile(s: &mut Seiten, einzug: f32, an: bool, text: &str, schnitt: Schnitt) {
    s.platz(ZEILE);
    let x = s.rand.links + einzug;
    let y = s.y();
    s.struktur.beginnen(Art::P);
    s.struktur.ersatztext(angekreuzt(an, text));
    s.kaestchen(x, y + 1.5, 9.0, an);
    s.text_bei(x + 15.0, text, schnitt, TEXT);
    s.struktur.beenden();
    s.vorschub(ZEILE);
}

/// What a screen reader says for a check box and its label.
fn angekreuzt(an: bool, text: &str) -> String {
    format!(
        "{}: {text}",
        if an { "angekreuzt" } else { "nicht angekreuzt" }
    )
}

fn finanzen(s: &mut Seiten, akte: &VorlageAkte) {
    let f = &akte.inhalt.finanzen;
    let (fin, _) = f.pruefen();
    abschnitt(s, "Finanzielle Auswirkungen:");
    let folgende = f.art == FinanzArt::Folgende;
    kaestchen_zeile(s, 0.0, !folgende, "keine", Schnitt::Normal);
    kaestchen_zeile(s, 0.0, folgende, "folgende", Schnitt::Normal);
    if !folgende {
        s.vorschub(4.0);
        return;
    }
    let betrag = |p: Posten| {
        fin.betrag(p)
            .map(|c: Cent| c.to_string())
            .unwrap_or_default()
    };
    let links = s.rand.links + 18.0;
    let rechts = links + 300.0;
    for (titel, zeilen) in Posten::GRUPPEN {
        let hoehe = (zeilen.len() as f32 + 3.0) * 13.0;
        s.platz(hoehe);
        s.vorschub(4.0);
        s.text_bei(links, titel, Schnitt::Fett, 10.0);
        s.text_rechts(rechts, "€", Schnitt::Fett, 10.0);
        s.vorschub(14.0);
        let mut darin_gezeigt = false;
        for (p, darin) in zeilen.iter() {
            let label = p.label();
            if *darin && !darin_gezeigt {
                s.text_bei(links + 10.0, "darin enthalten:", Schnitt::Normal, 9.0);
                s.vorschub(12.0);
                darin_gezeigt = true;
            }
            if !*darin {
                darin_gezeigt = false;
            }
            let x = if *darin { links + 20.0 } else { links };
            s.text_bei(x, label, Schnitt::Normal, 9.5);
            s.text_rechts(rechts, &betrag(*p), Schnitt::Normal, 9.5);
            s.vorschub(12.5);
            let y = s.y() - 2.0;
            s.strecke(x, y, rechts, y, 0.2);
        }
    }
    s.vorschub(6.0);
    s.platz(ZEILE);
    let y = s.y();
    let x0 = s.rand.links;
    let verfuegbar = f.haushaltsmittel == Some(Haushaltsmittel::Verfuegbar);
    let nicht = f.haushaltsmittel == Some(Haushaltsmittel::NichtVerfuegbar);
    s.struktur.beginnen(Art::P);
    s.struktur.ersatztext(format!(
        "Haushaltsmittel stehen: {}; {}",
        angekreuzt(verfuegbar, "zur Verfügung"),
        angekreuzt(nicht, "nicht zur Verfügung")
    ));
    s.text_bei(x0, "Haushaltsmittel stehen:", Schnitt::Normal, TEXT);
    s.kaestchen(x0 + 130.0, y + 1.5, 9.0, verfuegbar);
    s.text_bei(x0 + 145.0, "zur Verfügung", Schnitt::Normal, TEXT);
    s.kaestchen(x0 + 230.0, y + 1.5, 9.0, nicht);
    s.text_bei(x0 + 245.0, "nicht zur Verfügung", Schnitt::Normal, TEXT);
    s.struktur.beenden();
    s.vorschub(ZEILE + 6.0);
}

fn klima(s: &mut Seiten, akte: &VorlageAkte) {
    abschnitt(s, "Klimarelevante Auswirkungen:");
    for k in Klimarelevanz::ALLE {
        let an = akte.inhalt.klimarelevanz == Some(*k);
        s.platz(2.0 * ZEILE + 4.0);
        kaestchen_zeile(
            s,
            0.0,
            an,
            k.label(),
            if an { Schnitt::Fett } else { Schnitt::Normal },
        );
        for z in satz::umbrechen(k.folgesatz(), s.breite() - 15.0, Schnitt::Normal, 9.0) {
            s.zeile(15.0, &z, Schnitt::Normal, 9.0, 12.0);
        }
        s.vorschub(3.0);
    }
    s.vorschub(4.0);
}

fn anlagen(s: &mut Seiten, akte: &VorlageAkte) {
    abschnitt(s, "Anlagen:");
    if akte.anlagen.is_empty() {
        s.zeile(0.0, "keine", Schnitt::Normal, TEXT, ZEILE);
        s.vorschub(4.0);
        return;
    }
    let t = Tabelle {
        spalten: vec![
            ("Nr.", 0.1),
            ("Status", 0.18),
            ("Name", 0.57),
            ("Größe", 0.15),
        ],
        groesse: 9.0,
    };
    t.kopfzeile(s);
    for a in &akte.anlagen {
        let groesse = if a.groesse < 1024 {
            format!("{} B", a.groesse)
        } else {
            format!("{} KB", (a.groesse + 512) / 1024)
        };
        t.zeile(
            s,
            &[
                format!("Anlage {}", a.nr),
                a.status.label().to_string(),
                a.name.clone(),
                groesse,
            ],
        );
    }
    t.ende(s);
    s.vorschub(8.0);
}

/// The signature block; returns the rectangle a cryptographic signature field takes.
fn unterschrift(s: &mut Seiten, akte: &VorlageAkte, buero: &Buero) -> Feld {
    let u = akte
        .inhalt
        .unterschrift
        .as_ref()
        .unwrap_or(&buero.unterschrift);
    let zeilen = u.zeilen();
    let hoehe: f32 = zeilen
        .iter()
        .map(|z| if z.luecke { 40.0 + ZEILE } else { ZEILE })
        .sum::<f32>()
        + 20.0;
    s.platz(hoehe);
    s.vorschub(16.0);
    let oben = s.y();
    // The signature block is a group of its own, each line a paragraph.
    s.struktur.beginnen(Art::Div);
    for z in zeilen {
        if z.luecke {
            s.vorschub(40.0);
        }
        s.struktur.beginnen(Art::P);
        s.zeile(0.0, &z.text, Schnitt::Normal, TEXT, ZEILE);
        s.struktur.beenden();
    }
    s.struktur.beenden();
    let unten = s.y();
    s.vorschub(10.0);
    // The signature's stamp (its field's appearance) stands beside the block, on its
    // right, as high as the block, at most 62 pt.
    let rechts = A4_BREITE - s.rand.rechts;
    let links = (s.rand.links + 270.0).min(rechts - 170.0);
    let hoehe = (unten - oben).min(62.0);
    Feld {
        seite: s.seite_nr() as u32,
        rechteck: [links, A4_HOEHE - oben - hoehe, rechts, A4_HOEHE - oben],
    }
}

fn beschlussvermerke(s: &mut Seiten, akte: &VorlageAkte) {
    let teil = if akte.inhalt.status == Status::Nichtoeffentlich {
        "nicht-öffentlicher Teil"
    } else {
        "öffentlicher Teil"
    };
    for b in &akte.inhalt.beratungsfolge {
        let am = datum::parse(&b.datum)
            .map(datum::deutsch)
            .unwrap_or_else(|_| "__________".into());
        let satz_text = format!(
            "In der Sitzung {} am {am} ({teil}) wurde wie folgt beschlossen:",
            gremium::genitiv(&b.gremium)
        );
        let zeilen = satz::umbrechen(&satz_text, s.breite(), Schnitt::Normal, TEXT);
        s.platz((zeilen.len() as f32 + 3.0) * ZEILE);
        s.vorschub(8.0);
        for z in zeilen {
            s.zeile(0.0, &z, Schnitt::Normal, TEXT, ZEILE);
        }
        if b.ergebnis.is_empty() {
            s.vorschub(ZEILE);
            let y = s.y();
            let x = s.rand.links;
            s.strecke(x, y, x + 300.0, y, 0.5);
            s.vorschub(6.0);
        } else {
            for z in satz::umbrechen(&b.ergebnis, s.breite(), Schnitt::Fett, TEXT) {
                s.zeile(0.0, &z, Schnitt::Fett, TEXT, ZEILE);
            }
        }
    }
}
