// The only door to the core: wraps Tauri's invoke and turns `{code, message, befunde}`
// errors into `Fehler` objects the screens can show.

export class Fehler extends Error {
  constructor({ code = 'unbekannt', message = 'Unbekannter Fehler', befunde = [] } = {}) {
    super(message);
    this.code = code;
    this.befunde = befunde;
  }
}

export async function aufruf(befehl, argumente = {}) {
  const tauri = window.__TAURI__;
  if (!tauri?.core?.invoke) {
    throw new Fehler({ code: 'keine_app', message: 'Ratsbüro läuft nicht in der Desktop-Anwendung.' });
  }
  try {
    return await tauri.core.invoke(befehl, argumente);
  } catch (e) {
    if (e && typeof e === 'object' && 'message' in e) throw new Fehler(e);
    throw new Fehler({ code: 'unbekannt', message: String(e) });
  }
}
