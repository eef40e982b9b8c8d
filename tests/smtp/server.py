#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for the tests of `sitzung versand` (Debian's
python3-aiosmtpd): STARTTLS (or implicit TLS) with the test's own certificate, AUTH
PLAIN/LOGIN required after TLS, every accepted message written as `NNN.eml` (the envelope
recipients in `NNN.rcpt`) into the folder given.

What a real server does wrong, on request:
  --ablehnen ADRESSE   refuses that recipient at RCPT TO (550 5.1.1);
  --abbruch-nach N     accepts N messages, then goes away at the next MAIL FROM (the
                       process ends: the connection drops and later ones are refused).

Prints `bereit PORT` once it listens. Run with Debian's /usr/bin/python3.
"""

import argparse
import os
import signal
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--ordner", required=True)
    a.add_argument("--port", type=int, default=0)
    a.add_argument("--zertifikat", required=True)
    a.add_argument("--schluessel", required=True)
    a.add_argument("--benutzer", required=True)
    a.add_argument("--kennwort", required=True)
    a.add_argument("--implizit", action="store_true")
    a.add_argument("--ablehnen", action="append", default=[])
    a.add_argument("--abbruch-nach", type=int, default=-1)
    arg = a.parse_args()
    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTERM, signal.SIGINT])
    os.makedirs(arg.ordner, exist_ok=True)

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(arg.zertifikat, arg.schluessel)

    def pruefen(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == arg.benutzer
            and auth_data.password.decode() == arg.kennwort
        )
        return AuthResult(success=ok, handled=False)

    zaehler = {"n": len([f for f in os.listdir(arg.ordner) if f.endswith(".eml")])}
    angenommen = {"n": 0}

    class Handler:
        async def handle_MAIL(self, server, session, envelope, address, mail_options):
            if arg.abbruch_nach >= 0 and angenommen["n"] >= arg.abbruch_nach:
                # The server goes away in the middle of the run.
                os._exit(3)
            envelope.mail_from = address
            return "250 OK"

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.lower() in (x.lower() for x in arg.ablehnen):
                return "550 5.1.1 Mailbox unavailable"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            zaehler["n"] += 1
            angenommen["n"] += 1
            basis = os.path.join(arg.ordner, "%03d" % zaehler["n"])
            with open(basis + ".rcpt", "w") as f:
                f.write("\n".join(envelope.rcpt_tos) + "\n")
            with open(basis + ".eml.tmp", "wb") as f:
                f.write(envelope.original_content)
            os.replace(basis + ".eml.tmp", basis + ".eml")
            return "250 2.0.0 Ok: queued as T%03d" % zaehler["n"]

    kw = dict(
        hostname="127.0.0.1",
        port=arg.port,
        authenticator=pruefen,
        auth_require_tls=True,
        data_size_limit=60 * 1024 * 1024,
    )
    if arg.implizit:
        kw["ssl_context"] = ctx
        # aiosmtpd counts only STARTTLS as TLS; here every byte is encrypted already.
        kw["auth_require_tls"] = False
    else:
        kw["tls_context"] = ctx
        kw["require_starttls"] = True
    if arg.port == 0:
        import socket

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        kw["port"] = s.getsockname()[1]
        s.close()
    c = Controller(Handler(), **kw)
    c.start()
    print("bereit %d" % kw["port"], flush=True)
    signal.sigwait([signal.SIGTERM, signal.SIGINT])
    c.stop()


if __name__ == "__main__":
    sys.exit(main())
