//! The documentation's links hold (issue 30): every relative link and image in the README,
//! the CHANGELOG and `docs/` points at a file that exists, and every `#anchor` at a heading
//! of that file (GitHub's rule: lower case, letters and digits kept — umlauts too —,
//! spaces to hyphens, the rest dropped). A screenshot the Handbuch names that no longer
//! exists fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn wurzel() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn markdown_dateien() -> Vec<PathBuf> {
    fn sammeln(ordner: &Path, aus: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(ordner).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                sammeln(&p, aus);
            } else if p.extension().is_some_and(|e| e == "md") {
                aus.push(p);
            }
        }
    }
    let mut aus = vec![wurzel().join("README.md"), wurzel().join("CHANGELOG.md")];
    sammeln(&wurzel().join("docs"), &mut aus);
    aus.sort();
    aus
}

/// GitHub's anchor of a heading.
fn anker(titel: &str) -> String {
    titel
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The text without fenced code blocks and inline code (links there are examples).
fn ohne_code(text: &str) -> String {
    let mut aus = String::new();
    let mut im_block = false;
    for zeile in text.lines() {
        if zeile.trim_start().starts_with("```") {
            im_block = !im_block;
            continue;
        }
        if !im_block {
            let mut drin = false;
            for c in zeile.chars() {
                if c == '`' {
                    drin = !drin;
                } else if !drin {
                    aus.push(c);
                }
            }
            aus.push('\n');
        }
    }
    aus
}

/// The anchors of a file's headings (outside fenced code; inline code counts as text).
fn anker_von(datei: &Path) -> BTreeSet<String> {
    let mut im_block = false;
    let mut aus = BTreeSet::new();
    for z in std::fs::read_to_string(datei).unwrap().lines() {
        if z.trim_start().starts_with("```") {
            im_block = !im_block;
        } else if !im_block && z.starts_with('#') {
            aus.insert(anker(z.trim_start_matches('#')));
        }
    }
    aus
}

/// Every `](ziel)` of a text.
fn links(text: &str) -> Vec<String> {
    let mut aus = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        if let Some(j) = rest.find(')') {
            aus.push(rest[..j].to_string());
            rest = &rest[j..];
        }
    }
    aus
}

#[test]
fn every_relative_link_and_image_of_the_docs_points_at_what_exists() {
    let dateien = markdown_dateien();
    assert!(dateien.len() >= 15, "{dateien:?}");
    let mut fehler = Vec::new();
    for datei in &dateien {
        let text = ohne_code(&std::fs::read_to_string(datei).unwrap());
        for ziel in links(&text) {
            if ziel.starts_with("http://")
                || ziel.starts_with("https://")
                || ziel.starts_with("mailto:")
            {
                continue;
            }
            let (pfad, anker_teil) = ziel.split_once('#').unwrap_or((ziel.as_str(), ""));
            let ziel_datei = if pfad.is_empty() {
                datei.clone()
            } else {
                datei.parent().unwrap().join(pfad)
            };
            let name = datei.strip_prefix(wurzel()).unwrap().display().to_string();
            if !ziel_datei.exists() {
                fehler.push(format!("{name}: {ziel} gibt es nicht"));
                continue;
            }
            if !anker_teil.is_empty() && !anker_von(&ziel_datei).contains(anker_teil) {
                fehler.push(format!("{name}: Anker #{anker_teil} fehlt in {pfad}"));
            }
        }
    }
    assert!(fehler.is_empty(), "{}", fehler.join("\n"));
}

#[test]
fn the_anchor_rule_is_githubs() {
    assert_eq!(
        anker("Niederschrift und Beschlussauszüge"),
        "niederschrift-und-beschlussauszüge"
    );
    assert_eq!(
        anker(" How long `scripts/test` takes"),
        "how-long-scriptstest-takes"
    );
    assert_eq!(
        anker("Wahl und Entsendung (§ 50 GO NRW)"),
        "wahl-und-entsendung--50-go-nrw"
    );
}
