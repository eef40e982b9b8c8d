// The Markdown of the Handbuch (docs/handbuch/*.md) as DOM nodes, for F1. Only what the
// Handbuch uses: headings, paragraphs, lists, tables, `code`, **bold**, *italic* and links.
// Built with h() (no innerHTML): the text is never read as markup. Pictures are left out
// (they stay in docs/, the program's size). `folgen(ziel)` is called for a link to another
// page of the Handbuch ("sitzung.md#am-sitzungstag").
import { h } from './dom.js';

/** GitHub's anchor of a heading (as the links in the Handbuch are written). */
export function anker(titel) {
  return [...titel.trim().toLowerCase()].map((c) => (c === ' ' ? '-' : /[\p{L}\p{N}_-]/u.test(c) ? c : '')).join('');
}

function inline(text, folgen) {
  const teile = [];
  const muster = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(!?\[[^\]]*\]\([^)]*\))/g;
  let rest = 0;
  for (const m of text.matchAll(muster)) {
    if (m.index > rest) teile.push(text.slice(rest, m.index));
    const t = m[0];
    if (m[1]) teile.push(h('code', {}, t.slice(1, -1)));
    else if (m[2]) teile.push(h('strong', {}, ...inline(t.slice(2, -2), folgen)));
    else if (m[3]) teile.push(h('em', {}, ...inline(t.slice(1, -1), folgen)));
    else if (t.startsWith('!')) { /* a picture: in docs/ only */ }
    else {
      const [, wort, ziel] = t.match(/^\[([^\]]*)\]\(([^)]*)\)$/);
      // Pages of the Handbuch open here; anything else is named, not linked.
      if (/^([a-z-]+\.md)?(#.*)?$/.test(ziel) && ziel) {
        teile.push(h('a', { href: '#', 'data-ziel': ziel, onclick: (e) => { e.preventDefault(); folgen(ziel); } }, ...inline(wort, folgen)));
      } else teile.push(...inline(wort, folgen));
    }
    rest = m.index + t.length;
  }
  if (rest < text.length) teile.push(text.slice(rest));
  return teile;
}

const zellen = (zeile) => zeile.trim().replace(/^\||\|$/g, '').split('|').map((z) => z.trim());

/** The page `text` as a list of nodes. */
export function darstellen(text, folgen) {
  const zeilen = text.split('\n');
  const aus = [];
  let i = 0;
  while (i < zeilen.length) {
    const z = zeilen[i];
    if (!z.trim() || /^!\[[^\]]*\]\([^)]*\)\s*$/.test(z.trim())) { i += 1; continue; }
    if (z.startsWith('```')) {
      const block = [];
      for (i += 1; i < zeilen.length && !zeilen[i].startsWith('```'); i += 1) block.push(zeilen[i]);
      aus.push(h('pre', {}, block.join('\n')));
      i += 1;
      continue;
    }
    const kopf = z.match(/^(#{1,4}) (.*)$/);
    if (kopf) {
      aus.push(h(`h${kopf[1].length + 2}`, { id: `hb-${anker(kopf[2])}` }, ...inline(kopf[2], folgen)));
      i += 1;
      continue;
    }
    if (z.trim().startsWith('|')) {
      const reihen = [];
      for (; i < zeilen.length && zeilen[i].trim().startsWith('|'); i += 1) reihen.push(zellen(zeilen[i]));
      const [titel, , ...rest] = reihen;
      aus.push(h('table', { class: 'tabelle' },
        h('thead', {}, h('tr', {}, titel.map((t) => h('th', { scope: 'col' }, ...inline(t, folgen))))),
        h('tbody', {}, rest.map((r) => h('tr', {}, r.map((t) => h('td', {}, ...inline(t, folgen))))))));
      continue;
    }
    const punkt = /^(- |\d+\. )/;
    if (punkt.test(z)) {
      const nummeriert = /^\d/.test(z);
      const punkte = [];
      while (i < zeilen.length && (punkt.test(zeilen[i]) || (/^ {2,}\S/.test(zeilen[i]) && punkte.length))) {
        if (punkt.test(zeilen[i])) punkte.push(zeilen[i].replace(punkt, ''));
        else punkte[punkte.length - 1] += ` ${zeilen[i].trim().replace(punkt, '')}`;
        i += 1;
      }
      aus.push(h(nummeriert ? 'ol' : 'ul', {}, punkte.map((p) => h('li', {}, ...inline(p, folgen)))));
      continue;
    }
    const absatz = [];
    for (; i < zeilen.length && zeilen[i].trim() && !/^(#|\||- |\d+\. |```)/.test(zeilen[i]); i += 1) absatz.push(zeilen[i].trim());
    if (absatz.length) aus.push(h('p', {}, ...inline(absatz.join(' '), folgen)));
    else i += 1;
  }
  return aus;
}
