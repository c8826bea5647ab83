#!/bin/sh
# make-certs.sh DIR - make every certificate and key the TLS tests use, with
# the openssl CLI, into DIR (created if missing).  Run at test time: nothing
# here is checked in, so nothing expires in the repository.
#
# Files made (PEM; keys unencrypted unless said):
#   ca.pem ca.key             root CA "nodec test root CA" (P-256)
#   int.pem int.key           intermediate CA, signed by the root
#   server-ec.pem .key        leaf, ECDSA P-256, signed by the intermediate;
#                             CN localhost, SANs DNS:localhost,
#                             DNS:*.example.test, IP:127.0.0.1, IP:::1
#   server-ec-chain.pem       server-ec.pem followed by int.pem
#   server-ec-enc.key         server-ec.key as encrypted PKCS#8 (PBES2:
#                             PBKDF2-HMAC-SHA256, 3DES-CBC, the one PBES2
#                             cipher mbedTLS 2.28 reads), passphrase in
#                             PASSPHRASE
#   server-ec-aes.key         the same with AES-256-CBC, which mbedTLS 2.28
#                             cannot decrypt (ND_ENOTSUP)
#   server-ec-legacy.key      server-ec.key in the legacy encrypted PEM form
#                             (DEK-Info AES-256-CBC), same passphrase
#   server-rsa.pem .key       leaf, RSA-2048, same names as server-ec
#   server-rsa-chain.pem      server-rsa.pem followed by int.pem
#   alt.pem alt.key           leaf for DNS:alt.test only (CN alt.test), for
#   alt-chain.pem             SNI: the server's second name
#   client.pem client.key     client certificate (CN "nodec test client",
#   client-chain.pem          extendedKeyUsage clientAuth) for mutual TLS
#   expired.pem .key          leaf for localhost, valid 2020-01-01..2020-02-01
#   expired-chain.pem
#   notyet.pem .key           leaf for localhost, valid from 2099-01-01
#   notyet-chain.pem
#   wronghost.pem .key        leaf for DNS:wrong.example.org only
#   wronghost-chain.pem
#   selfsigned.pem .key       self-signed leaf for localhost / 127.0.0.1
#   unknown-ca.pem .key       a root CA nobody trusts
#   unknown.pem unknown.key   leaf for localhost signed by unknown-ca
#   PASSPHRASE                the passphrase of the encrypted keys (no newline)
#
# Leaves carry serial numbers from the CA's serial file; dates other than
# expired/notyet run ten years from now.
set -eu

dir=${1:?usage: make-certs.sh DIR}
mkdir -p "$dir"
cd "$dir"

OPENSSL=${OPENSSL:-openssl}
PASS=nodec-test-passphrase
printf '%s' "$PASS" > PASSPHRASE

ec_key() { "$OPENSSL" genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
  -out "$1" 2>/dev/null; }
rsa_key() { "$OPENSSL" genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
  -out "$1" 2>/dev/null; }

# openssl ca, for the leaves: it alone can set arbitrary validity dates
# with OpenSSL 3.0 (x509 -not_before arrived in 3.4).
mkdir -p db
: > db/index.txt
echo 1000 > db/serial
cat > ca.cnf <<'EOF'
[ ca ]
default_ca = test_ca

[ test_ca ]
dir = .
database = ./db/index.txt
serial = ./db/serial
new_certs_dir = ./db
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = no

[ anything ]
organizationName = optional
commonName = supplied

[ root_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ int_ext ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ server_ext ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, DNS:*.example.test, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ alt_ext ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:alt.test

[ wrong_ext ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:wrong.example.org

[ client_ext ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
EOF

# ca_sign CA-NAME KEY OUT SUBJECT-CN EXT [STARTDATE ENDDATE]
ca_sign() {
  _ca=$1 _key=$2 _out=$3 _cn=$4 _ext=$5
  "$OPENSSL" req -new -key "$_key" -subj "/O=nodec tests/CN=$_cn" \
    -out "$_out.csr"
  if [ $# -ge 7 ]; then
    _dates="-startdate $6 -enddate $7"
  else
    _dates="-days 3650"
  fi
  # shellcheck disable=SC2086 # _dates is two options
  "$OPENSSL" ca -batch -config ca.cnf -cert "$_ca.pem" -keyfile "$_ca.key" \
    -extensions "$_ext" $_dates -notext -in "$_out.csr" -out "$_out" \
    2>/dev/null
  rm -f "$_out.csr"
}

# Roots: self-signed.
root() {
  ec_key "$1.key"
  "$OPENSSL" req -x509 -new -key "$1.key" -subj "/O=nodec tests/CN=$2" \
    -days 3650 -sha256 -config ca.cnf -extensions root_ext -out "$1.pem"
}
root ca "nodec test root CA"
root unknown-ca "nodec unknown CA"

ec_key int.key
ca_sign ca int.key int.pem "nodec test intermediate CA" int_ext

ec_key server-ec.key
ca_sign int server-ec.key server-ec.pem localhost server_ext
cat server-ec.pem int.pem > server-ec-chain.pem
"$OPENSSL" pkcs8 -topk8 -in server-ec.key -out server-ec-enc.key \
  -v2 des3 -v2prf hmacWithSHA256 -passout "pass:$PASS"
"$OPENSSL" pkcs8 -topk8 -in server-ec.key -out server-ec-aes.key \
  -v2 aes-256-cbc -v2prf hmacWithSHA256 -passout "pass:$PASS"
"$OPENSSL" ec -in server-ec.key -out server-ec-legacy.key -aes256 \
  -passout "pass:$PASS" 2>/dev/null

rsa_key server-rsa.key
ca_sign int server-rsa.key server-rsa.pem localhost server_ext
cat server-rsa.pem int.pem > server-rsa-chain.pem

ec_key alt.key
ca_sign int alt.key alt.pem alt.test alt_ext
cat alt.pem int.pem > alt-chain.pem

ec_key client.key
ca_sign int client.key client.pem "nodec test client" client_ext
cat client.pem int.pem > client-chain.pem

ec_key expired.key
ca_sign int expired.key expired.pem localhost server_ext \
  20200101000000Z 20200201000000Z
cat expired.pem int.pem > expired-chain.pem

ec_key notyet.key
ca_sign int notyet.key notyet.pem localhost server_ext \
  20990101000000Z 20991231000000Z
cat notyet.pem int.pem > notyet-chain.pem

ec_key wronghost.key
ca_sign int wronghost.key wronghost.pem wrong.example.org wrong_ext
cat wronghost.pem int.pem > wronghost-chain.pem

ec_key selfsigned.key
"$OPENSSL" req -x509 -new -key selfsigned.key -subj "/O=nodec tests/CN=localhost" \
  -days 3650 -sha256 -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -addext "basicConstraints=CA:false" -out selfsigned.pem

ec_key unknown.key
ca_sign unknown-ca unknown.key unknown.pem localhost server_ext
