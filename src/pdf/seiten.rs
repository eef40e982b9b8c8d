//! Page building on A4: a cursor that runs down the page, text and lines as printpdf
//! operations, and page breaks that keep blocks together (a table row, a heading with
//! the first lines after it). Running headers and footers ("Seite x von y") are added
//! when the document is finished and the page count is known.

use super::schrift::{Schnitt, Schriften};
use super::struktur::Struktur;
use printpdf::{Color, Line, LinePoint, Mm, Op, PdfPage, Point, Pt, Rect, Rgb};

pub const A4_BREITE: f32 = 595.28;
pub const A4_HOEHE: f32 = 841.89;

/// The page frame: margins in pt.
#[derive(Debug, Clone, Copy)]
pub struct Rand {
    pub links: f32,
    pub rechts: f32,
    pub oben: f32,
    pub unten: f32,
}

impl Default for Rand {
    fn default() -> Self {
        // 25 mm left (punching), 20 mm elsewhere; header and footer sit inside.
        Rand {
            links: 70.9,
            rechts: 56.7,
            oben: 70.0,
            unten: 70.0,
        }
    }
}

pub fn schwarz() -> Color {
    Color::Rgb(Rgb {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        icc_profile: None,
    })
}

pub fn farbe(r: u8, g: u8, b: u8) -> Color {
    Color::Rgb(Rgb {
        r: f32::from(r) / 255.0,
        g: f32::from(g) / 255.0,
        b: f32::from(b) / 255.0,
        icc_profile: None,
    })
}

/// Builds the pages of one document.
pub struct Seiten<'a> {
    pub schriften: &'a Schriften,
    pub rand: Rand,
    seiten: Vec<Vec<Op>>,
    /// Distance from the page top of the next line's top edge.
    y: f32,
    /// The structure the text goes into ([`super::struktur`]).
    pub struktur: Struktur,
    /// While headers and footers are drawn: everything is an artifact.
    artefakt: bool,
}

impl<'a> Seiten<'a> {
    pub fn neu(schriften: &'a Schriften, rand: Rand) -> Self {
        Seiten {
            schriften,
            rand,
            seiten: vec![Vec::new()],
            y: rand.oben,
            struktur: Struktur::default(),
            artefakt: false,
        }
    }

    /// Opens the marked content of a piece of text: an artifact, or the next MCID of the
    /// open structure element.
    fn markieren(&mut self) {
        let op = if self.artefakt {
            Op::BeginMarkedContent {
                tag: "Artifact".into(),
            }
        } else {
            let seite = self.seiten.len() - 1;
            let (art, mcid) = self.struktur.inhalt(seite);
            Op::BeginMarkedContentWithProperties {
                tag: art.name().into(),
                properties: printpdf::DictItem::Dict {
                    map: [("MCID".to_string(), printpdf::DictItem::Int(mcid))].into(),
                },
            }
        };
        self.ops().push(op);
    }

    /// Line art is an artifact.
    fn als_artefakt(&mut self, zeichnen: impl FnOnce(&mut Vec<Op>)) {
        let ops = self.ops();
        ops.push(Op::BeginMarkedContent {
            tag: "Artifact".into(),
        });
        zeichnen(ops);
        ops.push(Op::EndMarkedContent);
    }

    pub fn breite(&self) -> f32 {
        A4_BREITE - self.rand.links - self.rand.rechts
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    /// Number (1-based) of the page being filled.
    pub fn seite_nr(&self) -> usize {
        self.seiten.len()
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.seiten.last_mut().expect("mindestens eine Seite")
    }

    pub fn neue_seite(&mut self) {
        self.seiten.push(Vec::new());
        self.y = self.rand.oben;
    }

    /// Room left on the current page.
    pub fn rest(&self) -> f32 {
        A4_HOEHE - self.rand.unten - self.y
    }

    /// Starts a new page unless `hoehe` still fits (blocks that must not be split).
    pub fn platz(&mut self, hoehe: f32) -> bool {
        if hoehe > self.rest() && self.y > self.rand.oben {
            self.neue_seite();
            true
        } else {
            false
        }
    }

    /// Draws what `zeichnen` draws as an artifact (a table head repeated on a new page).
    pub fn artefakt(&mut self, zeichnen: impl FnOnce(&mut Self)) {
        let vorher = std::mem::replace(&mut self.artefakt, true);
        zeichnen(self);
        self.artefakt = vorher;
    }

    /// Moves the cursor down by a gap: a paragraph the text opened by itself ends here.
    pub fn vorschub(&mut self, pt: f32) {
        self.y += pt;
        self.struktur.absatz_ende();
    }

    /// Text with its baseline `groesse` below the current top edge, at `x` pt from the left
    /// page edge. Does not move the cursor.
    pub fn text_bei(&mut self, x: f32, text: &str, schnitt: Schnitt, groesse: f32) {
        let y = self.y;
        self.text_abs(x, y + groesse, text, schnitt, groesse, None);
    }

    /// Text at an absolute position (baseline `y_oben` pt from the page top).
    pub fn text_abs(
        &mut self,
        x: f32,
        y_oben: f32,
        text: &str,
        schnitt: Schnitt,
        groesse: f32,
        farbe: Option<Color>,
    ) {
        self.text_gerichtet(x, y_oben, text, schnitt, groesse, farbe, false);
    }

    /// [`Self::text_abs`] for a line of a left-to-right or (`rtl`) right-to-left paragraph.
    #[allow(clippy::too_many_arguments)]
    fn text_gerichtet(
        &mut self,
        x: f32,
        y_oben: f32,
        text: &str,
        schnitt: Schnitt,
        groesse: f32,
        farbe: Option<Color>,
        rtl: bool,
    ) {
        if text.is_empty() {
            return;
        }
        self.markieren();
        let schriften = self.schriften;
        let ops = self.ops();
        if let Some(f) = farbe.clone() {
            ops.push(Op::SetFillColor { col: f });
        }
        // Bidi runs, fonts by script and language spans are `rtl::zeichnen`'s; a plain
        // German line comes out of it as one text operation.
        super::rtl::zeichnen(
            ops,
            schriften,
            x,
            A4_HOEHE - y_oben,
            text,
            schnitt,
            groesse,
            rtl,
        );
        if farbe.is_some() {
            ops.push(Op::SetFillColor { col: schwarz() });
        }
        ops.push(Op::EndMarkedContent);
    }

    /// A line of text at the left margin plus `einzug`; moves the cursor by `zeilenhoehe`.
    pub fn zeile(
        &mut self,
        einzug: f32,
        text: &str,
        schnitt: Schnitt,
        groesse: f32,
        zeilenhoehe: f32,
    ) {
        self.absatzzeile(einzug, text, schnitt, groesse, zeilenhoehe, false);
    }

    /// A line of a left-to-right paragraph ([`Self::zeile`]) or of a right-to-left one
    /// (`rtl`): set from the right margin less `einzug`, its runs in right-to-left order.
    pub fn absatzzeile(
        &mut self,
        einzug: f32,
        text: &str,
        schnitt: Schnitt,
        groesse: f32,
        zeilenhoehe: f32,
        rtl: bool,
    ) {
        self.platz(zeilenhoehe);
        let x = if rtl {
            A4_BREITE - self.rand.rechts - einzug - super::rtl::breite(text, schnitt, groesse, true)
        } else {
            self.rand.links + einzug
        };
        let y = self.y + groesse;
        self.text_gerichtet(x, y, text, schnitt, groesse, None, rtl);
        self.y += zeilenhoehe;
    }

    /// Right-aligned text ending at `x_rechts`.
    pub fn text_rechts(&mut self, x_rechts: f32, text: &str, schnitt: Schnitt, groesse: f32) {
        let b = super::rtl::breite(text, schnitt, groesse, false);
        self.text_bei(x_rechts - b, text, schnitt, groesse);
    }

    /// A horizontal rule across the text width at the cursor.
    pub fn linie(&mut self, dicke: f32) {
        let (x1, x2, y) = (self.rand.links, A4_BREITE - self.rand.rechts, self.y);
        self.strecke(x1, y, x2, y, dicke);
    }

    /// A straight line between two points (y measured from the page top).
    pub fn strecke(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, dicke: f32) {
        self.als_artefakt(|ops| {
            ops.push(Op::SetOutlineThickness { pt: Pt(dicke) });
            ops.push(Op::SetOutlineColor { col: schwarz() });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: Point {
                                x: Pt(x1),
                                y: Pt(A4_HOEHE - y1),
                            },
                            bezier: false,
                        },
                        LinePoint {
                            p: Point {
                                x: Pt(x2),
                                y: Pt(A4_HOEHE - y2),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
        });
    }

    /// A check box (square, `seite` pt) with its top-left corner at `x`, `y_oben`; crossed
    /// when `an`. Drawn with lines, so it needs no glyph.
    pub fn kaestchen(&mut self, x: f32, y_oben: f32, seite: f32, an: bool) {
        self.als_artefakt(|ops| {
            ops.push(Op::SetOutlineThickness { pt: Pt(0.7) });
            ops.push(Op::SetOutlineColor { col: schwarz() });
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(A4_HOEHE - y_oben - seite),
                    width: Pt(seite),
                    height: Pt(seite),
                    mode: Some(printpdf::PaintMode::Stroke),
                    winding_order: None,
                },
            });
        });
        if an {
            let d = seite * 0.2;
            self.strecke(x + d, y_oben + d, x + seite - d, y_oben + seite - d, 1.1);
            self.strecke(x + d, y_oben + seite - d, x + seite - d, y_oben + d, 1.1);
        }
    }

    /// A filled rectangle (for shaded table heads), y from the page top.
    pub fn flaeche(&mut self, x: f32, y_oben: f32, breite: f32, hoehe: f32, farbe: Color) {
        self.als_artefakt(|ops| {
            ops.push(Op::SetFillColor { col: farbe });
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(A4_HOEHE - y_oben - hoehe),
                    width: Pt(breite),
                    height: Pt(hoehe),
                    mode: Some(printpdf::PaintMode::Fill),
                    winding_order: None,
                },
            });
            ops.push(Op::SetFillColor { col: schwarz() });
        });
    }

    /// Finishes: calls `rahmen(seiten, nr, von)` once per page to draw header and footer
    /// (artifacts), then returns the printpdf pages and the structure of their text.
    pub fn fertig(
        mut self,
        mut rahmen: impl FnMut(&mut Seiten<'a>, usize, usize),
    ) -> (Vec<PdfPage>, Struktur) {
        let anzahl = self.seiten.len();
        let inhalte = std::mem::take(&mut self.seiten);
        let mut fertig = Vec::with_capacity(anzahl);
        self.artefakt = true;
        for (i, ops) in inhalte.into_iter().enumerate() {
            self.seiten = vec![ops];
            rahmen(&mut self, i + 1, anzahl);
            let ops = self.seiten.pop().unwrap_or_default();
            fertig.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
        }
        (fertig, self.struktur)
    }
}
