// The domain's vocabularies as [key, German label] pairs (the Klimarelevanz with the
// sentence the Vorlage prints after it), read once from the core at start (`wertlisten`):
// no screen keeps a copy of its own. Each export is filled in place by `laden()`, so a
// screen imports it like a constant and finds it filled when it renders.
import { aufruf } from './ipc.js';

export const VORLAGE_ART = [];
export const STATUS = [];
export const ROLLE = [];
export const ZUSTAND = [];
export const KLIMARELEVANZ = [];
export const GREMIUM_ART = [];
export const GREMIUM_TYP = [];
export const MITGLIED_ROLLE = [];
export const HERKUNFT = [];
export const SITZUNG_ZUSTAND = [];
export const TEIL = [];
export const TOP_ERGEBNIS = [];
export const ANWESENHEIT = [];
export const WAHL_ART = [];
export const VERFAHREN = [];
export const VERTRETUNG = [];

const LISTEN = {
  vorlage_art: VORLAGE_ART, status: STATUS, rolle: ROLLE, zustand: ZUSTAND, klimarelevanz: KLIMARELEVANZ,
  gremium_art: GREMIUM_ART, gremium_typ: GREMIUM_TYP, mitglied_rolle: MITGLIED_ROLLE, herkunft: HERKUNFT,
  sitzung_zustand: SITZUNG_ZUSTAND, teil: TEIL, top_ergebnis: TOP_ERGEBNIS, anwesenheit: ANWESENHEIT,
  wahl_art: WAHL_ART, verfahren: VERFAHREN, vertretung: VERTRETUNG,
};

export async function laden() {
  const w = await aufruf('wertlisten');
  for (const [name, liste] of Object.entries(LISTEN)) liste.splice(0, liste.length, ...(w[name] || []));
}

/** The label of `key` in `liste` (the key itself when unknown). */
export function label(liste, key) {
  return (liste.find(([k]) => k === key) || [key, key])[1];
}

/** A label as a heading or the first word of a line writes it: "Öffentlicher Teil". */
export function gross(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Time zones the settings offer (any name of the IANA database is accepted). */
export const ZEITZONEN = [
  'Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Luxembourg', 'Europe/Brussels',
  'Europe/Amsterdam', 'Europe/Paris', 'Europe/London', 'Europe/Warsaw', 'Europe/Istanbul', 'UTC',
];
