// Presentation only: how dates, times and sizes are written on screen.

export function datumDeutsch(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export function uhrzeit(isoZeit) {
  const m = /T(\d{2}):(\d{2})/.exec(isoZeit || '');
  return m ? `${m[1]}:${m[2]}` : '';
}

/** The office's time zone (its settings; the core's clock runs in it), set at start. */
let zone;
export function zeitzoneSetzen(z) { zone = z || undefined; }

/** A moment (a Date) as date and time in the office's time zone, as "Gespeichert 03:20"
 * beside it shows them: "07.12.2026 03:20". */
export function bueroZeit(moment) {
  const mit = (o) => { try { return moment.toLocaleString('de-DE', { ...o, timeZone: zone }); } catch { return moment.toLocaleString('de-DE', o); } };
  return `${mit({ day: '2-digit', month: '2-digit', year: 'numeric' })} ${mit({ hour: '2-digit', minute: '2-digit' })}`;
}

export function groesse(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

export { VORLAGE_ART as ARTEN, STATUS, ROLLE as ROLLEN, ZUSTAND as ZUSTAENDE, label } from './wertlisten.js';
export const ZEICHNUNG = [
  ['selbst', 'selbst (Behördenleitung)'],
  ['in_vertretung', 'In Vertretung'],
  ['im_auftrag', 'Im Auftrag'],
  ['gez', 'gez. (Abschrift)'],
];
