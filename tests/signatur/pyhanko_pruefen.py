"""Validates the one signature of a PDF with pyHanko (PyPI), trusting the given
certificate: prints pyHanko's report and exits 0 only when the signature is intact,
valid, trusted and covers the entire file.

    python3 pyhanko_pruefen.py SIGNED.pdf CERT.pem
"""

import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def main(pdf: str, zertifikat: str) -> int:
    kontext = ValidationContext(trust_roots=[load_cert_from_pemder(zertifikat)])
    with open(pdf, "rb") as f:
        signaturen = PdfFileReader(f).embedded_signatures
        if len(signaturen) != 1:
            print(f"{len(signaturen)} Signaturen statt einer")
            return 1
        status = validate_pdf_signature(signaturen[0], kontext)
        print(status.pretty_print_details())
        print(f"coverage={status.coverage.name}")
        ganz = status.coverage.name == "ENTIRE_FILE"
        return 0 if status.bottom_line and ganz else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
