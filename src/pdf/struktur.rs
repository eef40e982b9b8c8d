//! Tagged PDF (ISO 32000-1 § 14.7–14.8, the basis of PDF/UA-1): the structure tree a
//! screen reader follows, in the visual order.
//!
//! While the pages are filled ([`super::seiten::Seiten`]) every piece of text is marked
//! content (`/P <</MCID n>> BDC … EMC`) that belongs to the structure element open at
//! that moment: a heading, a paragraph, a table cell, a list item. Text outside any
//! element opened by the layout goes into a paragraph of its own, which lasts until the
//! layout moves on (a gap, another element). Running headers and footers, the page
//! numbers, rules, boxes and the stamps of the packet are artifacts (`/Artifact BMC …
//! EMC`): a screen reader skips them.
//!
//! After printpdf has written the file, [`einsetzen`] adds the tree with lopdf: the
//! `StructTreeRoot` with one `StructElem` per element (its marked-content references in
//! reading order), the `ParentTree` that leads from a page's MCID back to its element,
//! `/StructParents` on each page, `/MarkInfo <</Marked true>>`, `/Lang (de-DE)` and
//! `/ViewerPreferences <</DisplayDocTitle true>>`.

use super::PdfFehler;
use lopdf::{dictionary, Document, Object, ObjectId, StringFormat};

/// The standard structure types the documents use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Art {
    Document,
    H1,
    H2,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Div,
}

impl Art {
    pub(super) fn name(self) -> &'static str {
        match self {
            Art::Document => "Document",
            Art::H1 => "H1",
            Art::H2 => "H2",
            Art::P => "P",
            Art::L => "L",
            Art::LI => "LI",
            Art::Lbl => "Lbl",
            Art::LBody => "LBody",
            Art::Table => "Table",
            Art::TR => "TR",
            Art::TH => "TH",
            Art::TD => "TD",
            Art::Div => "Div",
        }
    }

    /// Elements that hold other elements, not text: text put straight into one gets a
    /// paragraph (or, in a table row, a cell) of its own.
    fn behaelter(self) -> bool {
        matches!(
            self,
            Art::Document | Art::Div | Art::L | Art::LI | Art::Table | Art::TR
        )
    }
}

#[derive(Debug, Clone)]
enum Kind {
    Element(usize),
    /// Marked content on page `seite` (0-based) with `mcid`.
    Inhalt {
        seite: usize,
        mcid: i64,
    },
}

#[derive(Debug, Clone)]
struct Element {
    art: Art,
    eltern: usize,
    kinder: Vec<Kind>,
    /// What a screen reader says instead of the content (`/ActualText`).
    ersatz: Option<String>,
    /// Opened for one run of text only (closed by the next structural step).
    von_selbst: bool,
}

/// The structure of one document as it is laid out.
#[derive(Debug, Clone)]
pub struct Struktur {
    elemente: Vec<Element>,
    offen: Vec<usize>,
    /// The next MCID of each page.
    mcids: Vec<i64>,
}

impl Default for Struktur {
    fn default() -> Self {
        Struktur {
            elemente: vec![Element {
                art: Art::Document,
                eltern: 0,
                kinder: Vec::new(),
                ersatz: None,
                von_selbst: false,
            }],
            offen: vec![0],
            mcids: Vec::new(),
        }
    }
}

impl Struktur {
    /// Opens an element inside the one open now.
    pub fn beginnen(&mut self, art: Art) {
        self.selbst_schliessen();
        self.oeffnen(art, false);
    }

    fn oeffnen(&mut self, art: Art, von_selbst: bool) {
        let eltern = *self.offen.last().expect("Document bleibt offen");
        let neu = self.elemente.len();
        self.elemente.push(Element {
            art,
            eltern,
            kinder: Vec::new(),
            ersatz: None,
            von_selbst,
        });
        self.elemente[eltern].kinder.push(Kind::Element(neu));
        self.offen.push(neu);
    }

    /// Closes the innermost element opened by [`Struktur::beginnen`].
    pub fn beenden(&mut self) {
        self.selbst_schliessen();
        if self.offen.len() > 1 {
            self.offen.pop();
        }
    }

    /// Ends a paragraph the text opened by itself (the layout moved on).
    pub fn absatz_ende(&mut self) {
        self.selbst_schliessen();
    }

    fn selbst_schliessen(&mut self) {
        while let Some(&i) = self.offen.last() {
            if i != 0 && self.elemente[i].von_selbst {
                self.offen.pop();
            } else {
                break;
            }
        }
    }

    /// What a screen reader says for the open element instead of its text (a check box:
    /// "angekreuzt: keine wesentliche Klimarelevanz").
    pub fn ersatztext(&mut self, text: impl Into<String>) {
        let i = *self.offen.last().expect("offen");
        self.elemente[i].ersatz = Some(text.into());
    }

    /// The tag and MCID of a new piece of text on page `seite` (0-based).
    pub(super) fn inhalt(&mut self, seite: usize) -> (Art, i64) {
        let oben = *self.offen.last().expect("offen");
        let art = self.elemente[oben].art;
        if art.behaelter() {
            self.oeffnen(if art == Art::TR { Art::TD } else { Art::P }, true);
        }
        let i = *self.offen.last().expect("offen");
        if self.mcids.len() <= seite {
            self.mcids.resize(seite + 1, 0);
        }
        let mcid = self.mcids[seite];
        self.mcids[seite] += 1;
        self.elemente[i].kinder.push(Kind::Inhalt { seite, mcid });
        (self.elemente[i].art, mcid)
    }

    /// Per element, whether it holds any content (empty ones are left out of the tree).
    /// A child always comes after its parent, so one pass from the end decides all.
    fn mit_inhalt(&self) -> Vec<bool> {
        let mut hat = vec![false; self.elemente.len()];
        for i in (0..self.elemente.len()).rev() {
            hat[i] = self.elemente[i].kinder.iter().any(|k| match k {
                Kind::Inhalt { .. } => true,
                Kind::Element(j) => hat[*j],
            });
        }
        hat
    }
}

fn text(t: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in t.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Adds the structure tree of `s` to `doc` (see the module docs); `lang` is the
/// document's language (`de-DE`).
pub fn einsetzen(doc: &mut Document, s: &Struktur, lang: &str) -> Result<(), PdfFehler> {
    let seiten: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let wurzel = doc.new_object_id();
    let ids: Vec<ObjectId> = (0..s.elemente.len()).map(|_| doc.new_object_id()).collect();
    // Per page, the element of each MCID.
    let mut eltern_je_seite: Vec<Vec<Option<ObjectId>>> = vec![Vec::new(); seiten.len()];
    let hat_inhalt = s.mit_inhalt();
    for (i, e) in s.elemente.iter().enumerate() {
        if !hat_inhalt[i] {
            continue;
        }
        let mut kinder = Vec::new();
        for k in &e.kinder {
            match *k {
                Kind::Element(j) if hat_inhalt[j] => kinder.push(Object::Reference(ids[j])),
                Kind::Element(_) => {}
                Kind::Inhalt { seite, mcid } => {
                    let seite_id = *seiten.get(seite).ok_or(PdfFehler::Nachbearbeitung(
                        lopdf::Error::PageNumberNotFound(seite as u32 + 1),
                    ))?;
                    let liste = &mut eltern_je_seite[seite];
                    if liste.len() <= mcid as usize {
                        liste.resize(mcid as usize + 1, None);
                    }
                    liste[mcid as usize] = Some(ids[i]);
                    kinder.push(Object::Dictionary(dictionary! {
                        "Type" => "MCR",
                        "Pg" => seite_id,
                        "MCID" => mcid,
                    }));
                }
            }
        }
        let mut d = dictionary! {
            "Type" => "StructElem",
            "S" => e.art.name(),
            "P" => if i == 0 { wurzel } else { ids[e.eltern] },
            "K" => kinder,
        };
        if i == 0 {
            d.set("Lang", Object::string_literal(lang));
        }
        if e.art == Art::TH {
            d.set("A", dictionary! { "O" => "Table", "Scope" => "Column" });
        }
        if let Some(t) = &e.ersatz {
            d.set("ActualText", text(t));
        }
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let mut nums = Vec::new();
    for (nr, (seite, eltern)) in seiten.iter().zip(&eltern_je_seite).enumerate() {
        let seite = doc.get_dictionary_mut(*seite)?;
        seite.set("StructParents", nr as i64);
        // PDF/UA: the tab order of a page follows its structure.
        seite.set("Tabs", "S");
        nums.push(Object::Integer(nr as i64));
        nums.push(Object::Array(
            eltern
                .iter()
                .map(|e| e.map(Object::Reference).unwrap_or(Object::Null))
                .collect(),
        ));
    }
    doc.objects.insert(
        wurzel,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => ids[0],
            "ParentTree" => dictionary! { "Nums" => nums },
            "ParentTreeNextKey" => seiten.len() as i64,
        }),
    );
    let katalog = doc.catalog_mut()?;
    katalog.set("StructTreeRoot", wurzel);
    katalog.set("MarkInfo", dictionary! { "Marked" => true });
    katalog.set("Lang", Object::string_literal(lang));
    katalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    Ok(())
}

/// [`einsetzen`] on a finished file.
pub fn taggen(pdf: &[u8], s: &Struktur) -> Result<Vec<u8>, PdfFehler> {
    let mut doc = Document::load_mem(pdf)?;
    einsetzen(&mut doc, s, "de-DE")?;
    let mut aus = Vec::with_capacity(pdf.len() + 4096);
    doc.save_to(&mut aus)?;
    Ok(aus)
}
