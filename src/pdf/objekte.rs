//! The object graph of a PDF while the session packet is merged: moving a piece's object
//! numbers past the ones before it, and dropping what nothing refers to any more (the
//! pieces' catalogs, structure roots, XMP and output intents).
//!
//! lopdf has both (`renumber_objects_with`, `prune_objects`), but it remembers the
//! references it has seen in a list and searches that list for every reference: quadratic
//! in the number of objects. A packet of 30 tagged Vorlagen and their tagged Anlagen has
//! about a hundred thousand objects (every structure element is one), and those two calls
//! took a third of the packet's time. These do the same in linear time.

use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{BTreeMap, HashSet};

/// Moves every object number of `d` up by `versatz` (generations stay), with every
/// reference to it — in all objects, reachable or not, and in the trailer.
pub(super) fn verschieben(d: &mut Document, versatz: u32) {
    fn umschreiben(o: &mut Object, versatz: u32) {
        match o {
            Object::Reference(id) => id.0 += versatz,
            Object::Array(a) => a.iter_mut().for_each(|o| umschreiben(o, versatz)),
            Object::Dictionary(d) => woerterbuch(d, versatz),
            Object::Stream(s) => woerterbuch(&mut s.dict, versatz),
            _ => {}
        }
    }
    fn woerterbuch(d: &mut Dictionary, versatz: u32) {
        d.iter_mut().for_each(|(_, o)| umschreiben(o, versatz));
    }
    let alt = std::mem::take(&mut d.objects);
    d.objects = alt
        .into_iter()
        .map(|((nr, gen), mut o)| {
            umschreiben(&mut o, versatz);
            ((nr + versatz, gen), o)
        })
        .collect::<BTreeMap<_, _>>();
    woerterbuch(&mut d.trailer, versatz);
    d.max_id = d.objects.keys().map(|k| k.0).max().unwrap_or(versatz);
}

/// Removes every object that cannot be reached from the trailer.
pub(super) fn unerreichbare_entfernen(d: &mut Document) {
    fn sammeln(o: &Object, offen: &mut Vec<ObjectId>, gesehen: &mut HashSet<ObjectId>) {
        match o {
            // The first time it is seen: to be visited.
            Object::Reference(id) if gesehen.insert(*id) => offen.push(*id),
            Object::Array(a) => a.iter().for_each(|o| sammeln(o, offen, gesehen)),
            Object::Dictionary(d) => d.iter().for_each(|(_, o)| sammeln(o, offen, gesehen)),
            Object::Stream(s) => s.dict.iter().for_each(|(_, o)| sammeln(o, offen, gesehen)),
            _ => {}
        }
    }
    let mut gesehen = HashSet::with_capacity(d.objects.len());
    let mut offen = Vec::new();
    d.trailer
        .iter()
        .for_each(|(_, o)| sammeln(o, &mut offen, &mut gesehen));
    while let Some(id) = offen.pop() {
        if let Some(o) = d.objects.get(&id) {
            sammeln(o, &mut offen, &mut gesehen);
        }
    }
    d.objects.retain(|id, _| gesehen.contains(id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn moving_keeps_every_reference_and_pruning_keeps_only_what_is_reachable() {
        let mut d = Document::with_version("1.7");
        let blatt = d.add_object(dictionary! { "Wert" => 1 });
        let zyklus_a = d.new_object_id();
        let zyklus_b = d.add_object(dictionary! { "Zurueck" => zyklus_a });
        d.objects.insert(
            zyklus_a,
            Object::Dictionary(dictionary! { "Weiter" => zyklus_b }),
        );
        let waise = d.add_object(dictionary! { "Auf" => blatt });
        let wurzel = d.add_object(dictionary! {
            "Kinder" => vec![Object::Reference(blatt), Object::Reference(zyklus_a)],
        });
        d.trailer.set("Root", wurzel);

        verschieben(&mut d, 100);
        assert_eq!(d.max_id, wurzel.0 + 100);
        let neu = |id: ObjectId| (id.0 + 100, id.1);
        assert_eq!(
            d.trailer.get(b"Root").unwrap().as_reference().unwrap(),
            neu(wurzel)
        );
        // Also an object nothing reaches has its references moved.
        let w = d.get_dictionary(neu(waise)).unwrap();
        assert_eq!(w.get(b"Auf").unwrap().as_reference().unwrap(), neu(blatt));
        let b = d.get_dictionary(neu(zyklus_b)).unwrap();
        assert_eq!(
            b.get(b"Zurueck").unwrap().as_reference().unwrap(),
            neu(zyklus_a)
        );

        unerreichbare_entfernen(&mut d);
        let mut ids: Vec<ObjectId> = d.objects.keys().copied().collect();
        ids.sort_unstable();
        let mut erwartet = vec![neu(blatt), neu(zyklus_a), neu(zyklus_b), neu(wurzel)];
        erwartet.sort_unstable();
        assert_eq!(ids, erwartet, "die Waise ist weg, der Zyklus bleibt");
    }
}
