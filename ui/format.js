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
