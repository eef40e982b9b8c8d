#!/usr/bin/env python3
"""Clicks the close button of the Ratsbüro window, as the window manager does: sends
WM_DELETE_WINDOW (ICCCM) to the top-level X window whose title is "Ratsbüro". Under Xvfb
there is no window manager; GTK handles the message exactly as a click on ✕."""
import sys
import time
from Xlib import X, display, protocol


def fenster_finden(d, titel):
    """Every top-level window with that title and WM_PROTOCOLS (an app of an earlier test
    still going away may have one too: each gets the message; the dying one ignores it)."""
    wurzel = d.screen().root
    name_atom = d.intern_atom("_NET_WM_NAME")
    utf8 = d.intern_atom("UTF8_STRING")
    stapel = [wurzel]
    gefunden = []
    while stapel:
        w = stapel.pop()
        try:
            eigenschaft = w.get_full_property(name_atom, utf8)
            name = eigenschaft.value.decode("utf-8") if eigenschaft else (w.get_wm_name() or "")
            if isinstance(name, bytes):
                name = name.decode("utf-8", "replace")
            if name == titel and w.get_wm_protocols():
                gefunden.append(w)
            stapel.extend(w.query_tree().children)
        except Exception:
            continue
    return gefunden


def main():
    titel = sys.argv[1] if len(sys.argv) > 1 else "Ratsbüro"
    d = display.Display()
    ende = time.time() + 10
    fenster = []
    while not fenster and time.time() < ende:
        fenster = fenster_finden(d, titel)
        if not fenster:
            time.sleep(0.2)
    if not fenster:
        print(f"kein Fenster „{titel}“", file=sys.stderr)
        sys.exit(1)
    protokolle = d.intern_atom("WM_PROTOCOLS")
    loeschen = d.intern_atom("WM_DELETE_WINDOW")
    for w in fenster:
        nachricht = protocol.event.ClientMessage(window=w, client_type=protokolle, data=(32, [loeschen, X.CurrentTime, 0, 0, 0]))
        w.send_event(nachricht, event_mask=X.NoEventMask)
    d.flush()


main()
