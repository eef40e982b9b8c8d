//! PDF/A-2 post-processing of printpdf's output (printpdf 0.12 only labels conformance):
//! PDF 1.7 header, an XMP metadata stream with the `pdfaid` entries, title and author,
//! the document info dictionary to match, an sRGB output intent with the embedded ICC
//! profile (`assets/icc/sRGB.icc`), and a file identifier in the trailer. Fonts are already
//! embedded by printpdf, each with its ToUnicode map. A tagged document claims level A
//! (PDF/A-2a); what that rests on is checked by the tests (structure, every glyph mapped to
//! Unicode, `/Lang`), not by a certified validator (none is packaged here).

use super::struktur::Struktur;
use super::PdfFehler;
use chrono::NaiveDateTime;
use lopdf::{dictionary, Document, Object, Stream, StringFormat};
use sha2::{Digest, Sha256};

static SRGB: &[u8] = include_bytes!("../../assets/icc/sRGB.icc");

/// The PDF/UA-1 identification and its extension schema (PDF/A admits only properties it
/// knows or that an extension schema describes).
const PDFUA: &str = r#"
  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>"#;

/// What the XMP and info dictionary say about the document.
#[derive(Debug, Clone)]
pub struct Metadaten {
    pub titel: String,
    pub autor: String,
    pub betreff: String,
    pub erstellt: NaiveDateTime,
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn pdf_text(text: &str) -> Object {
    // UTF-16BE with BOM: the info dictionary holds names in any script.
    let mut bytes = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

pub(super) fn nachbearbeiten(
    pdf: Vec<u8>,
    m: &Metadaten,
    struktur: &Struktur,
) -> Result<Vec<u8>, PdfFehler> {
    nachbearbeiten_als(pdf, m, true, true, Some(struktur))
}

/// The PDF/A conformance level a PDF declares in its XMP (`pdfaid:conformance`, as element
/// or attribute): `Some('A')`, `Some('B')`, `Some('U')`, or `Some('?')` for a `pdfaid:part`
/// without a level; `None` when it does not claim PDF/A.
pub(super) fn erklaert_pdfa(doc: &Document) -> Option<char> {
    let xmp = doc
        .catalog()
        .ok()
        .and_then(|k| k.get(b"Metadata").ok())
        .and_then(|m| m.as_reference().ok())
        .and_then(|r| doc.get_object(r).ok())
        .and_then(|o| o.as_stream().ok())
        .map(|s| {
            s.decompressed_content()
                .unwrap_or_else(|_| s.content.clone())
        })?;
    let xmp = String::from_utf8_lossy(&xmp);
    if !xmp.contains("pdfaid:part") {
        return None;
    }
    let stufe = xmp.find("pdfaid:conformance").and_then(|i| {
        let rest = xmp[i + "pdfaid:conformance".len()..].trim_start_matches(['>', '=', '"', '\'']);
        rest.chars().next().filter(char::is_ascii_alphabetic)
    });
    Some(stufe.map_or('?', |c| c.to_ascii_uppercase()))
}

/// The post-processing; the PDF/A identification only when `pdfa` (a packet with an
/// Anlage from elsewhere that is not PDF/A itself cannot claim it; it gets the rest:
/// XMP, output intent, file identifier).
///
/// A tagged document (with `struktur`, or tagged before) also says `pdfuaid:part 1`, with
/// the extension schema PDF/A asks for it, unless `pdfua` is false (a packet with an
/// untagged Anlage from elsewhere).
pub(super) fn nachbearbeiten_als(
    pdf: Vec<u8>,
    m: &Metadaten,
    pdfa: bool,
    pdfua: bool,
    struktur: Option<&Struktur>,
) -> Result<Vec<u8>, PdfFehler> {
    let mut doc = Document::load_mem(&pdf)?;
    if let Some(s) = struktur {
        super::struktur::einsetzen(&mut doc, s, "de-DE")?;
    }
    einsetzen(&mut doc, m, pdfa, pdfua, true, &Sha256::digest(&pdf)[..16])?;
    doc.compress();
    let mut aus = Vec::with_capacity(pdf.len() + SRGB.len() + 4096);
    doc.save_to(&mut aus)?;
    Ok(aus)
}

/// The entries of [`nachbearbeiten_als`] put into a document in memory (the session
/// packet, which is merged in memory, is not written and read again for it); `kennung` is
/// the file identifier.
///
/// The level is A (accessible: tagged, every glyph mapped to Unicode, the language set)
/// for a tagged document when `stufe_a` — every part of it is made here or says A itself —
/// else B.
pub(super) fn einsetzen(
    doc: &mut Document,
    m: &Metadaten,
    pdfa: bool,
    pdfua: bool,
    stufe_a: bool,
    kennung: &[u8],
) -> Result<(), PdfFehler> {
    let pdfua = pdfua && doc.catalog()?.has(b"StructTreeRoot");
    let stufe = if pdfua && stufe_a { "A" } else { "B" };
    doc.version = "1.7".into();
    // With the office's offset from UTC: a date without one is read as the reader's
    // local time.
    let zeit_xmp = crate::domain::zeitzone::rfc3339(m.erstellt);
    let zeit_pdf = super::signatur::pdf_datum(m.erstellt);

    let xmp = format!(
        r#"<?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{titel}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{autor}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{betreff}</rdf:li></rdf:Alt></dc:description>
   <xmp:CreateDate>{zeit_xmp}</xmp:CreateDate>
   <xmp:ModifyDate>{zeit_xmp}</xmp:ModifyDate>
   <xmp:MetadataDate>{zeit_xmp}</xmp:MetadataDate>
   <xmp:CreatorTool>Ratsbüro</xmp:CreatorTool>
   <pdf:Producer>Ratsbüro (printpdf, lopdf)</pdf:Producer>
{kennung}  </rdf:Description>{ua}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        titel = xml(&m.titel),
        autor = xml(&m.autor),
        betreff = xml(&m.betreff),
        ua = if pdfua { PDFUA } else { "" },
        kennung = if pdfa {
            format!("   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>{stufe}</pdfaid:conformance>\n")
        } else {
            String::new()
        },
    );
    let mut metadaten = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp.into_bytes(),
    );
    metadaten.allows_compression = false;
    let metadaten_id = doc.add_object(metadaten);

    let profil_id = doc.add_object(Stream::new(dictionary! { "N" => 3 }, SRGB.to_vec()));
    let absicht_id = doc.add_object(dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => profil_id,
    });
    let katalog = doc.catalog_mut()?;
    katalog.set("Metadata", metadaten_id);
    katalog.set("OutputIntents", vec![Object::Reference(absicht_id)]);

    let info_id = doc.add_object(dictionary! {
        "Title" => pdf_text(&m.titel),
        "Author" => pdf_text(&m.autor),
        "Subject" => pdf_text(&m.betreff),
        "Creator" => pdf_text("Ratsbüro"),
        "Producer" => pdf_text("Ratsbüro (printpdf, lopdf)"),
        "CreationDate" => Object::string_literal(zeit_pdf.clone()),
        "ModDate" => Object::string_literal(zeit_pdf),
    });
    doc.trailer.set("Info", info_id);

    doc.trailer.set(
        "ID",
        vec![
            Object::String(kennung.to_vec(), StringFormat::Hexadecimal),
            Object::String(kennung.to_vec(), StringFormat::Hexadecimal),
        ],
    );
    Ok(())
}
