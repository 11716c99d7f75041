#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<target>/ from what is at hand: the committed seeds
# in fuzz/seeds/<target>/, test262 (../shared/test262, beside the repository), our script
# tests (tests/scripts/) and the stdlib, and the TLS tests' certificates (made afresh by
# tests/fixtures/tls/make-certs.sh, with openssl). The corpora are not committed (fuzz/.gitignore):
# they are rebuilt at run time, and libFuzzer adds to them what it finds.
#
# usage: fuzz/seed.sh [TEST262_DIR]
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
test262=${1:-$root/../shared/test262}

# seed TARGET FILE...: copies the files into the corpus (libFuzzer reads it recursively).
seed() {
  local target=$1
  shift
  cp --parents -t "corpus/$target" "$@"
}

targets=(parse vm json regexp http multipart image dns tls_verify tls_pem tls_session)
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  if [ -d "seeds/$target" ]; then
    seed "$target" seeds/"$target"/*
  fi
done

# Scripts: our tests and the stdlib, and test262's small tests (at most 8 KB; one file in
# four, about 12,000 of them, so that a run of a few minutes gets through its corpus).
scripts=$(mktemp)
find "$root/tests/scripts" "$root/stdlib" "$root/conformance" -name '*.js' -size -8k > "$scripts"
if [ -d "$test262/test" ]; then
  find "$test262/test/language" "$test262/test/built-ins" -name '*.js' -size -8k | sort |
    awk 'NR % 4 == 0' >> "$scripts"
fi
for target in parse vm; do
  tr '\n' '\0' < "$scripts" | xargs -0 cp --parents -t "corpus/$target"
done
rm -f "$scripts"

# Regular expressions: the literals of test262's RegExp tests, as "flags byte, pattern,
# NUL, subject" (the regexp target's input), with a subject that exercises them.
if [ -d "$test262/test" ]; then
  find "$test262/test/built-ins/RegExp" "$test262/test/language/literals/regexp" -name '*.js' \
    -print0 | xargs -0 cat | grep -aoE '= */([^/*\\]|\\.)([^/\\]|\\.)*/[gim]*' |
    sed -E 's/^= *//' | sort -u | awk 'NR <= 3000' > corpus/regexp.list || true
  python3 - corpus/regexp.list corpus/regexp <<'PY'
import hashlib, sys
for literal in open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines():
    body, _, flags = literal[1:].rpartition("/")
    bits = ("g" in flags) | ("i" in flags) << 1 | ("m" in flags) << 2
    data = bytes([bits]) + body.encode() + b"\0abc ABC 123 aaa\n_xyz\r\n"
    name = hashlib.sha1(data).hexdigest()
    open(f"{sys.argv[2]}/{name}", "wb").write(data)
PY
  rm -f corpus/regexp.list
fi

# Bytecode images: the ones the runtime's build made of the stdlib, if it has been built.
for f in "$root"/target/*/build/runtime-*/out/*.jsbc; do
  if [ -f "$f" ]; then seed image "$f"; fi
done

# Certificates: the TLS tests' set, as the tls_verify target's chains (with the CAs and
# the CRL they are checked against) and as tls_pem's setSecure arguments.
if command -v openssl >/dev/null; then
  certs=$(mktemp -d)
  if bash "$root/tests/fixtures/tls/make-certs.sh" "$certs" >/dev/null 2>&1; then
    python3 - "$certs" corpus <<'PY'
import glob, hashlib, os, ssl, sys
certs, corpus = sys.argv[1], sys.argv[2]
def pem_ders(path, label):
    text = open(path).read()
    out, marker = [], f"-----BEGIN {label}-----"
    for block in text.split(marker)[1:]:
        body = block.split("-----END")[0]
        out.append(ssl.PEM_cert_to_DER_cert(f"{marker}{body}-----END CERTIFICATE-----")
                   if label == "CERTIFICATE" else __import__("base64").b64decode(body))
    return out
def read(name):
    return open(os.path.join(certs, name)).read()
def write(target, data):
    os.makedirs(f"{corpus}/{target}", exist_ok=True)
    open(f"{corpus}/{target}/cert-{hashlib.sha1(data).hexdigest()}", "wb").write(data)
def item(kind, der):
    return bytes([kind]) + len(der).to_bytes(2, "big") + der
ca = pem_ders(f"{certs}/ca.pem", "CERTIFICATE")
crl = pem_ders(f"{certs}/crl.pem", "X509 CRL")
for path in sorted(glob.glob(f"{certs}/*.pem")):
    if path.endswith("crl.pem"):
        continue
    chain = pem_ders(path, "CERTIFICATE")
    for control in (0, 1, 3, 5):
        data = bytes([control]) + b"".join(item(0, d) for d in chain)
        write("tls_verify", data + b"".join(item(1, d) for d in ca) + b"".join(item(2, d) for d in crl))
        write("tls_verify", data + b"".join(item(1, d) for d in chain))
    key = path[:-4] + ".key"
    if os.path.exists(key):
        for control in (0, 1):
            write("tls_pem", bytes([control]) + "\0".join(
                [read("ca.pem"), read("crl.pem"), read(os.path.basename(key)),
                 read(os.path.basename(path))]).encode())
PY
  fi
  rm -rf "$certs"
fi

for target in "${targets[@]}"; do
  echo "corpus/$target: $(find "corpus/$target" -type f | wc -l) seeds"
done
