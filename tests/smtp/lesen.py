#!/usr/bin/python3
"""Reads e-mails back as a mail program would (Python's `email` package, the modern
policy) and prints them as JSON for the tests of `sitzung versand`: for each `.eml` file
given, the headers, the text, and every attachment with its name as decoded (RFC 2231),
type, size, SHA-256 and text (a PDF through `pdftotext`, a calendar as it is)."""

import email
import email.policy
import hashlib
import json
import subprocess
import sys


def lesen(pfad):
    with open(pfad, "rb") as f:
        roh = f.read()
    m = email.message_from_bytes(roh, policy=email.policy.default)
    anhaenge = []
    for teil in m.iter_attachments():
        daten = teil.get_payload(decode=True)
        eintrag = {
            "name": teil.get_filename(),
            "typ": teil.get_content_type(),
            "methode": teil.get_param("method"),
            "bytes": len(daten),
            "sha256": hashlib.sha256(daten).hexdigest(),
        }
        if teil.get_content_type() == "application/pdf":
            eintrag["text"] = subprocess.run(
                ["pdftotext", "-layout", "-", "-"], input=daten, capture_output=True, check=True
            ).stdout.decode("utf-8")
        elif teil.get_content_maintype() == "text":
            eintrag["text"] = daten.decode("utf-8")
        anhaenge.append(eintrag)
    return {
        "datei": pfad,
        "to": [str(a) for a in m.get_all("To", [])],
        "to_adressen": [a.addr_spec for h in m.get_all("To", []) for a in h.addresses],
        "cc": m.get_all("Cc", []),
        "bcc": m.get_all("Bcc", []),
        "from": str(m["From"]),
        "subject": str(m["Subject"]),
        "message_id": str(m["Message-ID"]),
        "text": m.get_body(("plain",)).get_content(),
        "roh": roh.decode("utf-8", "replace"),
        "anhaenge": anhaenge,
    }


print(json.dumps([lesen(p) for p in sys.argv[1:]], ensure_ascii=False))
