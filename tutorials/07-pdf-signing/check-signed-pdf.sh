#!/usr/bin/env bash
# Lesson 07: checks a signed PDF with poppler's pdfsig, trusting only the sandbox's MOCK root. Usage: check-signed-pdf.sh root.pem signed.pdf [nss-dir]
set -euo pipefail
ROOT_PEM=$1
PDF=$2
NSS_DIR=${3:-$(mktemp -d)}

# #region nss
# A new NSS database that trusts the MOCK root (C,C,C) — never add it to your system's trust store.
certutil -N -d "sql:$NSS_DIR" --empty-password
certutil -A -d "sql:$NSS_DIR" -n "MOCK iAM Smart-Cert TEST root" -t "C,C,C" -i "$ROOT_PEM"
# #endregion nss

# #region pdfsig
# Checks the digest, the CMS signature and the chain, and asks the OCSP responder named in the resident's
# certificate (the sandbox's /pki/ocsp). Add -no-ocsp when the sandbox cannot be reached from here.
pdfsig -nssdir "sql:$NSS_DIR" "$PDF"
# #endregion pdfsig
