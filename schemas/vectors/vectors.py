#!/usr/bin/env python3
"""Hookcheck signature vector suite: generator and independent checker.

    python3 vectors.py generate          writes signatures.json next to this script
    python3 vectors.py check [path]      re-verifies a vector file (default: signatures.json)

Python 3.11 standard library only (hmac, hashlib, json, base64) plus the `openssl` CLI
(OpenSSL 3.x) for Ed25519 (Standard Webhooks `v1a`). Output is deterministic: HMAC and Ed25519
are deterministic and every secret, seed, id, timestamp and body is a literal in this file.
See README.md for the file format, the reason codes and the verification order.
"""

import base64
import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PATH = os.path.join(HERE, "signatures.json")

T = 1767225600  # 2026-01-01T00:00:00Z, the clock of most cases
INT64_MAX = 2**63 - 1

REASONS = [
    "missing_header",
    "missing_timestamp",
    "malformed_header",
    "unsupported_version",
    "malformed_timestamp",
    "bad_signature",
    "stale_timestamp",
    "future_timestamp",
]

PROFILES = ["standard", "vitable", "dfns", "preo", "stripe", "github", "square", "svix", "shopify"]

TOLERANCE = {
    "standard": {"seconds": 300, "direction": "both", "edge": "inclusive"},
    "vitable": {"seconds": 300, "direction": "both", "edge": "inclusive"},
    "dfns": {"seconds": 300, "direction": "both", "edge": "exclusive"},
    "preo": {"seconds": 300, "direction": "both", "edge": "inclusive"},
    "stripe": {"seconds": 300, "direction": "past", "edge": "inclusive"},
    "github": {"seconds": 0, "direction": "none", "edge": "inclusive"},
    "square": {"seconds": 0, "direction": "none", "edge": "inclusive"},
    "svix": {"seconds": 300, "direction": "both", "edge": "inclusive"},
    "shopify": {"seconds": 0, "direction": "none", "edge": "inclusive"},
}

# Signature header name of each profile, exactly as sent.
SIG_HEADER = {
    "standard": "webhook-signature",
    "vitable": "X-Vitable-Signature",
    "dfns": "X-DFNS-WEBHOOK-SIGNATURE",
    "preo": "X-Preo-Signature",
    "stripe": "Stripe-Signature",
    "github": "X-Hub-Signature-256",
    "square": "x-square-hmacsha256-signature",
    "svix": "svix-signature",
    "shopify": "X-Shopify-Hmac-SHA256",
}

DESCRIPTION = (
    "Hookcheck signature test vectors (language neutral). Each case gives the verification "
    "secrets, the verifier's clock (now) and tolerance, the exact body and the received headers, "
    "and the verdict a conforming verifier must reach: accept, or reject with the reason code of "
    "the FIRST failing verification step (see README.md). When reproducible is true, signing the "
    "body with signingSecrets (default: secrets), id and timestamp must produce exactly these "
    "headers. Generated and checked by vectors.py; do not edit by hand."
)

# --------------------------------------------------------------------------------------------
# The 8 published reference vectors (copied verbatim from the project's reference file).
# --------------------------------------------------------------------------------------------

REFERENCE = [
    {
        "name": "standard/reference-svix-v1",
        "profile": "standard",
        "source": "Standard Webhooks reference libraries' shared test (also Svix)",
        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "timestamp": 1614265330,
        "body": "{\"test\": 2432232314}",
        "headers": {"webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="},
    },
    {
        "name": "standard/reference-testdata-v1",
        "profile": "standard",
        "source": "Standard Webhooks libraries/testdata/signatures.json (historical)",
        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "timestamp": 1696200454,
        "body": "{\"type\": \"example.created\", \"timestamp\":\"2023-09-28T19:20:22+00:00\", \"data\":{\"str\":\"string\",\"bool\":true,\"int\":42}}",
        "headers": {"webhook-signature": "v1,GgjvufBlIj71MBIVQotYGb+xEC3LNXCsIZp0HsDC8qs="},
    },
    {
        "name": "standard/reference-v1a",
        "profile": "standard",
        "source": "generated with OpenSSL 3 (ed25519, raw keys base64)",
        "secret": "whsk_TRlE1MlJingvhEO8oZ+SH/pQtxOcclE+ewZRCo/vsPg=",
        "public_key": "whpk_N3l7TxbnFOwT3nWsjiGJwsEx/zz1EUrpNQNWaes4J9E=",
        "id": "msg_2Lh9KRb0pzN4LiQvCvjaxV7JGmi",
        "timestamp": 1767225600,
        "body": "{\"type\":\"invoice.paid\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"id\":\"inv_1\"}}",
        "headers": {"webhook-signature": "v1a,8C8+0t01QyLksBAkOe94kDdfqYz12YZFvatoXGyb6NI+I+9ZySRaOEaPyWupaTxAByG5x2LjbGPhbrPG0aJUDQ=="},
    },
    {
        "name": "svix/reference",
        "profile": "svix",
        "source": "Svix libraries' shared test vector, sent with the svix-id, svix-timestamp and svix-signature headers",
        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "timestamp": 1614265330,
        "body": "{\"test\": 2432232314}",
        "headers": {"svix-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "svix-timestamp": "1614265330",
                    "svix-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="},
    },
    {
        "name": "vitable/reference",
        "profile": "vitable",
        "source": "computed with Python hmac following Vitable's published verification code",
        "secret": "vitable_test_secret_9f8e7d6c",
        "timestamp": 1767225600,
        "body": "{\"event_id\":\"wevt_abc123def456\",\"event_name\":\"enrollment.accepted\",\"resource_type\":\"enrollment\",\"resource_id\":\"enrl_sample123\",\"created_at\":\"2026-01-01T00:00:00Z\"}",
        "headers": {
            "X-Vitable-Timestamp": "1767225600",
            "X-Vitable-Signature": "sha512=01a130ca0c5c3b3d7a3763c444fefc3ab2bbd95b89251aecaf17bb3d611694a7ce1a8fdd44611513bc531de4117cfed05973949c98bbdbc237fa8766f93c505b",
        },
    },
    {
        "name": "dfns/reference",
        "profile": "dfns",
        "source": "computed with Python hmac following Dfns's published verification code",
        "secret": "whs-Fij3kMCRZLCAzOqnpLzVQUEKe9Rw5V8s",
        "timestamp": 1767225600,
        "body": "{\"id\":\"whe-544ul-uqgad-jkgltj5p6fvd04cj\",\"kind\":\"wallet.transfer.confirmed\",\"date\":\"2026-01-01T00:00:00.000Z\",\"data\":{\"transferRequest\":{\"id\":\"xfr-1a2b3-c4d5e-6f7g8h9i0j1k2l3m\"}},\"timestampSent\":1767225600,\"deliveryAttempt\":1}",
        "headers": {"X-DFNS-WEBHOOK-SIGNATURE": "sha256=21defd7a8adeda83d71876e2cb252b5e4fc927e9cb4fad30bc5f9009c12878ab"},
    },
    {
        "name": "preo/reference",
        "profile": "preo",
        "source": "computed with Python hmac (scheme assumed, see PROVIDERS.md)",
        "secret": "preo_whsec_5b1c2d3e4f",
        "timestamp": 1767225600,
        "body": "{\"id\":\"evt_01HZX3\",\"event\":\"order.created\",\"created\":\"2026-01-01T00:00:00Z\",\"data\":{\"order_id\":\"ord_42\"}}",
        "headers": {"X-Preo-Signature": "t=1767225600,v1=49a5a23dfc646706f99dc9110621278ffa2805cddb0dbe785a8f9027b6854833"},
    },
    {
        "name": "stripe/reference",
        "profile": "stripe",
        "source": "computed with Python hmac following Stripe's documented scheme (key = whole secret string)",
        "secret": "whsec_test_secret",
        "timestamp": 1767225600,
        "body": "{\"id\":\"evt_test_webhook\",\"object\":\"event\",\"type\":\"invoice.paid\"}",
        "headers": {"Stripe-Signature": "t=1767225600,v1=93a2f8bbc31c111709a09c7c1d829e8fc1b406e9b48d93f6e97a44f743fc4e4e"},
    },
    {
        "name": "github/reference",
        "profile": "github",
        "source": "GitHub documentation's published example",
        "secret": "It's a Secret to Everybody",
        "body": "Hello, World!",
        "headers": {"X-Hub-Signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"},
    },
]

# --------------------------------------------------------------------------------------------
# Fixed secrets and Ed25519 seeds (literals: the output must be the same on every run).
# --------------------------------------------------------------------------------------------

# standard v1 (whsec_ = base64 of the raw HMAC key)
STD_A = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # the reference secret
STD_B = "whsec_6Kc67Ax+CqcD99ZGL4mLSaLUdG8hYXTBgIRVDLcwiZw="
STD_C = "whsec_u6HT08EkO1TGoLuwuAeSCZJgaW3OQllHJgB2tucq6Q4="
STD_WRONG = "whsec_jMuYp5vykLpsAVndn3uAn2K11CGrTXKpgN8+GAC7XIU="
# standard v1a (whsk_ = base64 of the raw 32-byte Ed25519 seed)
SK_REF = "whsk_TRlE1MlJingvhEO8oZ+SH/pQtxOcclE+ewZRCo/vsPg="
PK_REF = "whpk_N3l7TxbnFOwT3nWsjiGJwsEx/zz1EUrpNQNWaes4J9E="  # published; re-derived and compared
SK_2 = "whsk_1wXweq3bbJ0RU8jPBQrrJ0tcHi50RoL+AYabFb38QsM="  # seed d705f07a...bdfc42c3
SK_3 = "whsk_uK7xG77YBrbHb0aP+3bbp4TX/lM11ZvddSx/0TI0kPs="  # seed b8aef11b...323490fb

VIT_A = "vitable_test_secret_9f8e7d6c"
VIT_B = "vitable_whsec_natUjoAM0DlLFVqN0q1y7-PF"
VIT_WRONG = "vitable_whsec_32ISJrUsVhop4DYTYrdrXZlY"

DFNS_A = "whs-Fij3kMCRZLCAzOqnpLzVQUEKe9Rw5V8s"
DFNS_B = "whs-LrxkGVfbo51YKoCVkvY8QOvpGkSsTDRJ"
DFNS_WRONG = "whs-X0HDlX8hrBl2VuzFU7YmCM3lujX6s4MM"

PREO_A = "preo_whsec_5b1c2d3e4f"
PREO_B = "preo_whsec_U7YmCM3lujX_6s4MMW1Mq-VF"
PREO_C = "preo_whsec_Mfo9hgKaq5C4PV5I7FZFG2yi"
PREO_WRONG = "preo_whsec_socSVr5faBJCbMITpk4a5vOu"

STRIPE_A = "whsec_test_secret"
STRIPE_B = "whsec_6PNQ94n6aPCjWlhxAAr8roV2natUjoAM"
STRIPE_C = "whsec_0DlLFVqN0q1y7PF32ISJrUsVhop4DYTY"
STRIPE_WRONG = "whsec_rdrXZlYLrxkGVfbo51YKoCVkvY8QOvpG"

SHOP_A = "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"
SHOP_WRONG = "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"

GH_A = "It's a Secret to Everybody"
GH_B = "gh-hook-secret-kSsTDRJX0HDlX8hrBl2VuzF"
GH_WRONG = "gh-hook-secret-U7YmCM3lujX6s4MMW1Mq"

# --------------------------------------------------------------------------------------------
# Primitives
# --------------------------------------------------------------------------------------------


def b64(data):
    return base64.b64encode(data).decode("ascii")


def strict_b64decode(text):
    """Canonical standard base64 with padding, or None."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None
    return raw if b64(raw) == text else None


def hmac_hex(key, msg, algo):
    return hmac.new(key, msg, algo).hexdigest()


def strip_prefix(s, prefix):
    return s[len(prefix):] if s.startswith(prefix) else s


class OpenSSL:
    """Ed25519 through the openssl CLI (pkeyutl -rawin), with a private temp directory."""

    PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
    SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="hookcheck-vectors-")
        self.n = 0
        self.cache = {}

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def _file(self, data, suffix):
        self.n += 1
        path = os.path.join(self.dir, "f%d%s" % (self.n, suffix))
        with open(path, "wb") as f:
            f.write(data)
        return path

    @staticmethod
    def _pem(label, der):
        return ("-----BEGIN %s-----\n%s\n-----END %s-----\n" % (label, b64(der), label)).encode("ascii")

    def _run(self, args):
        return subprocess.run(["openssl"] + args, capture_output=True)

    def _key_file(self, seed):
        key = ("priv", seed)
        if key not in self.cache:
            if len(seed) != 32:
                raise ValueError("ed25519 seed must be 32 bytes")
            self.cache[key] = self._file(self._pem("PRIVATE KEY", self.PKCS8_PREFIX + seed), ".pem")
        return self.cache[key]

    def public_key(self, seed):
        r = self._run(["pkey", "-in", self._key_file(seed), "-pubout", "-outform", "DER"])
        if r.returncode != 0 or len(r.stdout) != 44:
            raise RuntimeError("openssl pkey failed: %s" % r.stderr.decode(errors="replace"))
        return r.stdout[-32:]

    def sign(self, seed, msg):
        r = self._run(["pkeyutl", "-sign", "-rawin", "-inkey", self._key_file(seed),
                       "-in", self._file(msg, ".bin")])
        if r.returncode != 0 or len(r.stdout) != 64:
            raise RuntimeError("openssl pkeyutl -sign failed: %s" % r.stderr.decode(errors="replace"))
        return r.stdout

    def verify(self, pub, msg, sig):
        if len(pub) != 32 or len(sig) != 64:
            return False
        pub_file = self._file(self._pem("PUBLIC KEY", self.SPKI_PREFIX + pub), ".pem")
        r = self._run(["pkeyutl", "-verify", "-pubin", "-inkey", pub_file, "-rawin",
                       "-in", self._file(msg, ".bin"), "-sigfile", self._file(sig, ".sig")])
        return r.returncode == 0


def whpk_of(ossl, whsk):
    return "whpk_" + b64(ossl.public_key(base64.b64decode(strip_prefix(whsk, "whsk_"))))


# --------------------------------------------------------------------------------------------
# Signing (the reference signer of each profile)
# --------------------------------------------------------------------------------------------


def sign(ossl, profile, secrets, msg_id, ts, body, url=None):
    """Headers a sender produces. ts may be an int or (for malformed cases) the literal text; url is the
    request URL, for the profiles that sign it."""
    b = body.encode("utf-8")
    t = str(ts) if ts is not None else None
    if profile == "standard":
        content = ("%s.%s." % (msg_id, t)).encode("utf-8") + b
        entries = []
        for s in secrets:
            if s.startswith("whsk_"):
                seed = base64.b64decode(strip_prefix(s, "whsk_"))
                entries.append("v1a," + b64(ossl.sign(seed, content)))
            else:
                key = base64.b64decode(strip_prefix(s, "whsec_"))
                entries.append("v1," + b64(hmac.new(key, content, hashlib.sha256).digest()))
        return {"webhook-id": msg_id, "webhook-timestamp": t, "webhook-signature": " ".join(entries)}
    if profile == "vitable":
        mac = hmac_hex(secrets[0].encode("utf-8"), ("%s." % t).encode("utf-8") + b, hashlib.sha512)
        return {"X-Vitable-Timestamp": t, "X-Vitable-Signature": "sha512=" + mac}
    if profile == "dfns":
        return {"X-DFNS-WEBHOOK-SIGNATURE": "sha256=" + hmac_hex(secrets[0].encode("utf-8"), b, hashlib.sha256)}
    if profile == "preo":
        mac = hmac_hex(secrets[0].encode("utf-8"), ("%s." % t).encode("utf-8") + b, hashlib.sha256)
        return {"X-Preo-Signature": "t=%s,v1=%s" % (t, mac)}
    if profile == "stripe":
        items = ["t=" + t]
        for s in secrets:
            items.append("v1=" + hmac_hex(s.encode("utf-8"), ("%s." % t).encode("utf-8") + b, hashlib.sha256))
        return {"Stripe-Signature": ",".join(items)}
    if profile == "github":
        # GitHub sends the legacy SHA-1 signature beside the SHA-256 one; receivers verify the -256 one
        return {"X-Hub-Signature-256": "sha256=" + hmac_hex(secrets[0].encode("utf-8"), b, hashlib.sha256),
                "X-Hub-Signature": "sha1=" + hmac_hex(secrets[0].encode("utf-8"), b, hashlib.sha1)}
    if profile == "square":
        mac = hmac.new(secrets[0].encode("utf-8"), url.encode("utf-8") + b, hashlib.sha256).digest()
        return {"x-square-hmacsha256-signature": b64(mac)}
    if profile == "svix":
        content = ("%s.%s." % (msg_id, t)).encode("utf-8") + b
        entries = ["v1," + b64(hmac.new(base64.b64decode(strip_prefix(s, "whsec_")), content, hashlib.sha256).digest())
                   for s in secrets]
        return {"svix-id": msg_id, "svix-timestamp": t, "svix-signature": " ".join(entries)}
    if profile == "shopify":
        return {"X-Shopify-Hmac-SHA256": b64(hmac.new(secrets[0].encode("utf-8"), b, hashlib.sha256).digest())}
    if profile in MORE:
        more = MORE[profile]
        return more.sign(ossl, secrets, msg_id, t, b, url) if more.signs_url else more.sign(ossl, secrets, msg_id, t, b)
    raise ValueError(profile)


# --------------------------------------------------------------------------------------------
# Verification (independent of the generator: implements the README's rules step by step)
# --------------------------------------------------------------------------------------------


class Reject(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def header(headers, name):
    lname = name.lower()
    for k, v in headers.items():
        if k.lower() == lname:
            return v
    return None


def parse_header_timestamp(text):
    if text == "" or any(c not in "0123456789" for c in text):
        raise Reject("malformed_timestamp")
    value = int(text)
    if value > INT64_MAX:
        raise Reject("malformed_timestamp")
    return value


def body_timestamp(body):
    def no_constants(name):
        raise ValueError(name)

    try:
        obj = json.loads(body, parse_constant=no_constants)
    except ValueError:
        raise Reject("missing_timestamp")
    if not isinstance(obj, dict) or "timestampSent" not in obj:
        raise Reject("missing_timestamp")
    value = obj["timestampSent"]
    if type(value) is not int or not (-INT64_MAX - 1 <= value <= INT64_MAX):
        raise Reject("malformed_timestamp")
    return value


def check_tolerance(ts, now, tol):
    direction, window, inclusive = tol["direction"], tol["seconds"], tol["edge"] == "inclusive"
    if direction == "none":
        return
    age = now - ts
    if (age > window) if inclusive else (age >= window):
        raise Reject("stale_timestamp")
    if direction == "both" and ((-age > window) if inclusive else (-age >= window)):
        raise Reject("future_timestamp")


def same(a, b):
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def _verify(ossl, case):
    profile = case["profile"]
    headers = case["headers"]
    secrets = case["secrets"]
    body = case["body"].encode("utf-8")
    if profile in MORE:
        MORE[profile].verify(ossl, case, headers, secrets, body)
        return
    sig = header(headers, SIG_HEADER[profile])

    if profile == "standard":
        # 1. presence
        if sig is None:
            raise Reject("missing_header")
        msg_id = header(headers, "webhook-id")
        if msg_id is None:
            raise Reject("missing_header")
        ts_text = header(headers, "webhook-timestamp")
        if ts_text is None:
            raise Reject("missing_timestamp")
        # 2. structure
        if sig.strip() == "":
            raise Reject("malformed_header")
        entries = []
        for entry in sig.split(" "):
            if "," not in entry:
                raise Reject("malformed_header")
            entries.append(entry.split(",", 1))
        # 3. version
        if not any(v in ("v1", "v1a") for v, _ in entries):
            raise Reject("unsupported_version")
        # 4. timestamp
        ts = parse_header_timestamp(ts_text)
        # 5. signature
        content = ("%s.%s." % (msg_id, ts_text)).encode("utf-8") + body
        ok = False
        for version, value in entries:
            if version == "v1":
                for s in secrets:
                    if s.startswith("whpk_"):
                        continue
                    key = base64.b64decode(strip_prefix(s, "whsec_"))
                    expected = b64(hmac.new(key, content, hashlib.sha256).digest())
                    ok = ok or same(expected, value)
            elif version == "v1a":
                raw = strict_b64decode(value)
                if raw is None or len(raw) != 64:
                    continue
                for s in secrets:
                    if s.startswith("whpk_"):
                        pub = strict_b64decode(strip_prefix(s, "whpk_"))
                        ok = ok or (pub is not None and ossl.verify(pub, content, raw))
        if not ok:
            raise Reject("bad_signature")
        # 7. tolerance
        check_tolerance(ts, case["now"], case["tolerance"])
        return

    if profile in ("vitable", "dfns", "github"):
        prefix, algo = {"vitable": ("sha512=", hashlib.sha512), "dfns": ("sha256=", hashlib.sha256),
                        "github": ("sha256=", hashlib.sha256)}[profile]
        # 1. presence
        if sig is None:
            raise Reject("missing_header")
        ts_text = None
        if profile == "vitable":
            ts_text = header(headers, "X-Vitable-Timestamp")
            if ts_text is None:
                raise Reject("missing_timestamp")
        # 2. structure
        if sig.strip() == "" or "=" not in sig:
            raise Reject("malformed_header")
        # 3. prefix
        if not sig.startswith(prefix):
            raise Reject("unsupported_version")
        # 4. timestamp (header)
        ts = parse_header_timestamp(ts_text) if profile == "vitable" else None
        # 5. signature
        msg = (("%s." % ts_text).encode("utf-8") + body) if profile == "vitable" else body
        value = sig[len(prefix):]
        if not any(same(hmac_hex(s.encode("utf-8"), msg, algo), value) for s in secrets):
            raise Reject("bad_signature")
        # 6. timestamp (body)
        if profile == "dfns":
            ts = body_timestamp(case["body"])
        # 7. tolerance
        if ts is not None:
            check_tolerance(ts, case["now"], case["tolerance"])
        return

    if profile in ("preo", "stripe"):
        # 1. presence
        if sig is None:
            raise Reject("missing_header")
        # 2. structure
        if sig.strip() == "":
            raise Reject("malformed_header")
        items = []
        for item in sig.split(","):
            if "=" not in item:
                raise Reject("malformed_header")
            items.append(item.split("=", 1))
        # 3. version
        v1 = [v for k, v in items if k == "v1"]
        if not v1:
            raise Reject("unsupported_version")
        # 4. timestamp
        t_values = [v for k, v in items if k == "t"]
        if not t_values:
            raise Reject("missing_timestamp")
        ts_text = t_values[0]
        ts = parse_header_timestamp(ts_text)
        # 5. signature
        msg = ("%s." % ts_text).encode("utf-8") + body
        expected = [hmac_hex(s.encode("utf-8"), msg, hashlib.sha256) for s in secrets]
        if not any(same(e, v) for e in expected for v in v1):
            raise Reject("bad_signature")
        # 7. tolerance
        check_tolerance(ts, case["now"], case["tolerance"])
        return

    if profile == "square":
        # 1. presence
        if sig is None:
            raise Reject("missing_header")
        # 2. structure: a bare base64 digest
        if sig.strip() == "":
            raise Reject("malformed_header")
        # 5. signature over the notification URL followed by the body
        msg = case["url"].encode("utf-8") + body
        if not any(same(b64(hmac.new(s.encode("utf-8"), msg, hashlib.sha256).digest()), sig) for s in secrets):
            raise Reject("bad_signature")
        return

    if profile == "svix":
        # 1. presence
        if sig is None:
            raise Reject("missing_header")
        msg_id = header(headers, "svix-id")
        if msg_id is None:
            raise Reject("missing_header")
        ts_text = header(headers, "svix-timestamp")
        if ts_text is None:
            raise Reject("missing_timestamp")
        # 2. structure
        if sig.strip() == "":
            raise Reject("malformed_header")
        entries = []
        for entry in sig.strip().split(" "):
            if "," not in entry:
                raise Reject("malformed_header")
            entries.append(entry.split(",", 1))
        # 3. version
        v1 = [v for k, v in entries if k == "v1"]
        if not v1:
            raise Reject("unsupported_version")
        # 4. timestamp
        ts = parse_header_timestamp(ts_text)
        # 5. signature
        content = ("%s.%s." % (msg_id, ts_text)).encode("utf-8") + body
        expected = [b64(hmac.new(base64.b64decode(strip_prefix(s, "whsec_")), content, hashlib.sha256).digest())
                    for s in secrets]
        if not any(same(e, v) for e in expected for v in v1):
            raise Reject("bad_signature")
        # 7. tolerance
        check_tolerance(ts, case["now"], case["tolerance"])
        return

    if profile == "shopify":
        # 1. presence
        if sig is None:
            raise Reject("missing_header")
        # 2. structure (the header is the bare base64 digest: no prefix, so no version to refuse)
        if sig.strip() == "":
            raise Reject("malformed_header")
        # 5. signature
        value = sig.strip()
        if not any(same(b64(hmac.new(s.encode("utf-8"), body, hashlib.sha256).digest()), value) for s in secrets):
            raise Reject("bad_signature")
        return

    raise ValueError("unknown profile %r" % profile)


def verify(ossl, case):
    try:
        _verify(ossl, case)
    except Reject as r:
        return {"verdict": "reject", "reason": r.reason}
    return {"verdict": "accept"}


# --------------------------------------------------------------------------------------------
# Bodies
# --------------------------------------------------------------------------------------------


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


STD_ID = "msg_31RkXj6pZcVq8yWmA2bN4tLsQe"
STD_BODY = compact({"type": "invoice.paid", "timestamp": "2026-01-01T00:00:00Z",
                    "data": {"id": "inv_8Xc2Lq", "amount": 4200, "currency": "usd"}})
STD_BODY_NON_ASCII = compact({"type": "customer.updated", "timestamp": "2026-01-01T00:00:00Z",
                              "data": {"name": "Zoë ✓ 日本", "city": "Tórshavn", "note": "€ 12,50 – naïve café"}})
# pretty-printed with CRLF, tabs, trailing spaces, literal \u escapes, escaped slashes, a raw U+2028
# and a trailing newline: verifiers must use the raw bytes, never a re-serialisation.
STD_BODY_ODD = ('{\r\n\t"type" : "note.created",\r\n  "timestamp":"2026-01-01T00:00:00Z" , \n'
                '  "data": {"text": "caf\\u00e9 \\ud83d\\ude00 line\u2028separator",\n'
                '           "url": "https:\\/\\/example.com\\/hooks?a=1&b=2"}  \n}\n')

VIT_BODY = compact({"event_id": "wevt_7Kd02mXq9Lp3", "event_name": "employee.deduction_created",
                    "resource_type": "employee", "resource_id": "empl_4Tn8Vb2Rc6",
                    "organization_id": "org_9Qw3Er5Ty7", "created_at": "2026-01-01T00:00:00Z"})
VIT_BODY_NON_ASCII = compact({"event_id": "wevt_Zo3Jp5Kx8Wm1", "event_name": "enrollment.elected",
                              "resource_type": "enrollment", "resource_id": "enrl_Zoë✓日本",
                              "organization_id": "org_9Qw3Er5Ty7", "created_at": "2026-01-01T00:00:00Z"})
VIT_BODY_ODD = ('{\n  "event_id": "wevt_Hx2Gf6Ds9Aa4",\n  "event_name": "enrollment.waived",\r\n'
                '\t"resource_type": "enrollment", "resource_id": "enrl_\\u0041b\\/c\u2028d",\n'
                '  "organization_id": "org_9Qw3Er5Ty7",  "created_at": "2026-01-01T00:00:00Z"\n}\n\n')


def dfns_body(ts, kind="wallet.transfer.confirmed", data=None, event_id="whe-3kq9z-7m2xd-r5t8w1v4b6n0c2",
              date="2026-01-01T00:00:00.000Z", attempt=1, ts_key="timestampSent"):
    obj = {"id": event_id, "kind": kind, "date": date,
           "data": data if data is not None else {"transferRequest": {
               "id": "xfr-6h2ja-9pk3m-8l4n1q7r5s3t2u0v", "walletId": "wa-5pm1k-2j8ra-9shgtt71fp6c4mo1",
               "status": "Confirmed", "requestBody": {"kind": "Native", "to": "0x3c3e2f0b1a9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c",
                                                      "amount": "1000000000000000"}}}}
    if ts is not None:
        obj[ts_key] = ts
    obj["deliveryAttempt"] = attempt
    return compact(obj)


DFNS_BODY = dfns_body(T)
DFNS_BODY_NON_ASCII = dfns_body(T, kind="wallet.tags.modified", data={"wallet": {
    "id": "wa-5pm1k-2j8ra-9shgtt71fp6c4mo1", "name": "Zoë ✓ 日本", "tags": ["trésorerie", "金庫"]}})
# Dfns itself sends JSON.stringify output; these escapes are not what it produces, which is the point:
# a verifier that re-serialises the parsed body (as Dfns's own sample does) computes another HMAC.
DFNS_BODY_ODD = ('{"id":"whe-8rt2c-4nd6v-x1z3b5m7k9p2q4","kind":"wallet.signature.signed","date":"2026-01-01T00:00:00.000Z",'
                 '"data":{"signatureRequest":{"id":"sig-2c4e6-g8i0k-m2o4q6s8u0w2y4","note":"caf\\u00e9 \\/ \u2028 \\ud83d\\ude00"}},'
                 '"timestampSent":%d,"deliveryAttempt":1}' % T)

PREO_BODY = compact({"id": "evt_01JGZ8QK3M", "event": "purchase.created", "created": "2026-01-01T00:00:00Z",
                     "data": {"purchase_id": "pur_7731", "edition_id": 118, "total": "450.00", "currency": "DKK"}})
PREO_BODY_NON_ASCII = compact({"id": "evt_01JGZ8QK4N", "event": "pass.issued", "created": "2026-01-01T00:00:00Z",
                               "data": {"holder": "Zoë ✓ 日本", "venue": "Øresund Hallen, Aarhus"}})
PREO_BODY_ODD = ('{"id": "evt_01JGZ8QK5P",\r\n "event": "edition.updated",\n\t"created": "2026-01-01T00:00:00Z",\n'
                 ' "data": {"name": "Roskilde \\u00d8l \\/ Festival", "note": "line\u2028two"}   }\r\n')


SVIX_BODY = compact({"type": "endpoint.disabled", "data": {"appId": "app_2KWPBgLlAfxdpx2AI54pPJ85f4W",
                     "appUid": None, "endpointId": "ep_2KWPBgLlAfxdpx2AI54pPJ85f4W", "endpointUid": None,
                     "failSince": "2025-12-27T00:00:00Z", "trigger": "automatic"}})


SHOP_BODY = compact({"id": 5212345678901, "admin_graphql_api_id": "gid://shopify/Order/5212345678901",
                     "name": "#1042", "email": "ana@example.com", "currency": "USD", "total_price": "42.00",
                     "financial_status": "pending", "fulfillment_status": None})
SHOP_BODY_NON_ASCII = compact({"id": 7301234567890, "admin_graphql_api_id": "gid://shopify/Customer/7301234567890",
                               "first_name": "Zoë", "last_name": "Ørsted", "note": "Café ✓ 日本"})


def stripe_body(created=T, non_ascii=False):
    obj = {
        "id": "evt_1QcX2LBk3nQ9pR7sT5uV8wYz",
        "object": "event",
        "api_version": "2024-06-20",
        "created": created,
        "data": {"object": {"id": "in_1QcX2KBk3nQ9pR7s4aBcDeFg", "object": "invoice", "amount_paid": 4200,
                            "currency": "usd", "customer_name": "Zoë ✓ 日本" if non_ascii else "Jenny Rosen"}},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": "invoice.paid",
    }
    return json.dumps(obj, indent=2, ensure_ascii=False)


STRIPE_BODY = stripe_body()
STRIPE_BODY_NON_ASCII = stripe_body(non_ascii=True)
STRIPE_BODY_ODD = ('{\n  "id": "evt_1QcX2LBk3nQ9pR7sT5uV9aBc",\r\n  "object": "event",\n\t"type": "customer.updated",\n'
                   '  "data": {"object": {"description": "caf\\u00e9 \\/ \u2028 x"}}\n}\n')

GH_BODY = compact({"zen": "Keep it logically awesome.", "hook_id": 512345678,
                   "hook": {"type": "Repository", "id": 512345678, "name": "web", "active": True,
                            "events": ["push", "pull_request"],
                            "config": {"content_type": "json", "insecure_ssl": "0", "url": "https://example.com/webhook"}},
                   "repository": {"id": 1296269, "name": "Hello-World", "full_name": "octocat/Hello-World", "private": False},
                   "sender": {"login": "octocat", "id": 1, "type": "User"}})
GH_BODY_NON_ASCII = compact({"ref": "refs/heads/main", "before": "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
                             "after": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
                             "head_commit": {"id": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", "message": "Zoë ✓ 日本: fix café"},
                             "repository": {"full_name": "octocat/Hello-World"}, "pusher": {"name": "octocat"}})
GH_BODY_ODD = ('{\n  "action": "opened",\r\n\t"issue": {"title": "a\\/b \\u00e9 \u2028 c", "body": "line1\\r\\nline2"},\n'
               '  "repository": {"full_name": "octocat/Hello-World"}\n}\n')

SQ_KEY = "Qm9v7AKG2vUu-bK8kCkRiJ"
SQ_WRONG = "x3F9kQ2mZp7LwT4vB8nR1c"
SQ_URL = "https://hooks.example.com/square?tenant=acme"
SQ_BODY = compact({"merchant_id": "6SSW7HV8K2ST5", "type": "payment.created",
                   "event_id": "13b867cf-db3d-4b1c-90b6-2f32a9d78124", "created_at": "2026-01-01T00:00:00.000Z",
                   "data": {"type": "payment", "id": "KkAkhdMsgzn59SM8A89WgKwekxLZY",
                            "object": {"payment": {"id": "KkAkhdMsgzn59SM8A89WgKwekxLZY",
                                                   "amount_money": {"amount": 1000, "currency": "USD"},
                                                   "status": "APPROVED", "location_id": "L88917AVBK2S5"}}}})


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------


def replace(headers, name, value):
    return {k: (value if k == name else v) for k, v in headers.items()}


def drop(headers, name):
    return {k: v for k, v in headers.items() if k != name}


def rename(headers, mapping):
    return {mapping.get(k, k): v for k, v in headers.items()}


def change_one_byte(body, old, new):
    assert body.count(old) >= 1 and len(old.encode()) == len(new.encode())
    return body.replace(old, new, 1)


def build_cases(ossl):
    cases = []
    pk2, pk3 = whpk_of(ossl, SK_2), whpk_of(ossl, SK_3)
    if whpk_of(ossl, SK_REF) != PK_REF:
        raise RuntimeError("openssl derived a different public key for the reference v1a key")

    def add(profile, slug, description, *, secrets, body, now=T, ts=None, msg_id=None, signing=None,
            headers=None, reproducible=None, expected="accept", omit_timestamp=False, url=None, unsigned_body=None):
        signing = signing or secrets
        if unsigned_body is not None:
            # the signature travels in the body: the body sent is the unsigned one signed by the profile
            body = MORE[profile].sign_body(ossl, signing, msg_id, str(ts), unsigned_body.encode("utf-8")).decode("utf-8")
        if headers is None:
            headers = sign(ossl, profile, signing, msg_id, ts, body, url)
            reproducible = True if reproducible is None else reproducible
        if reproducible is None:
            raise ValueError("reproducible must be given for hand-made headers: " + slug)
        c = {"name": "%s/%s" % (profile, slug), "profile": profile, "description": description,
             "secrets": list(secrets)}
        if list(signing) != list(secrets):
            c["signingSecrets"] = list(signing)
        if msg_id is not None:
            c["id"] = msg_id
        if isinstance(ts, int) and not omit_timestamp:
            c["timestamp"] = ts
        if url is not None:
            c["url"] = url
        c["now"] = now
        c["tolerance"] = dict(TOLERANCE[profile])
        if unsigned_body is not None:
            c["unsignedBody"] = unsigned_body
        c["body"] = body
        c["headers"] = headers
        c["reproducible"] = reproducible
        c["expected"] = {"verdict": "accept"} if expected == "accept" else {"verdict": "reject", "reason": expected}
        cases.append(c)
        return c

    # ---- reference cases (verbatim) ----------------------------------------------------------
    for ref in REFERENCE:
        p = ref["profile"]
        headers = dict(ref["headers"])
        if p == "standard":
            headers = {"webhook-id": ref["id"], "webhook-timestamp": str(ref["timestamp"]),
                       "webhook-signature": ref["headers"]["webhook-signature"]}
        secrets = [ref.get("public_key", ref["secret"])]
        signing = [ref["secret"]]
        signed = sign(ossl, p, signing, ref.get("id"), ref.get("timestamp"), ref["body"])
        if any(signed.get(k) != v for k, v in headers.items()):
            raise RuntimeError("reference vector does not reproduce: " + ref["name"])
        source = ref["source"]
        if signed != headers:
            # the sender adds headers the published example does not show (GitHub's legacy X-Hub-Signature)
            source += "; " + ", ".join(sorted(set(signed) - set(headers))) + " computed with Python hmac"
            headers = signed
        add(p, ref["name"].split("/", 1)[1], "Published reference vector, must be accepted. Source: %s." % source,
            secrets=secrets, signing=signing, msg_id=ref.get("id"), ts=ref.get("timestamp"),
            now=ref.get("timestamp", T), body=ref["body"], headers=headers, reproducible=True)

    # ---- standard ------------------------------------------------------------------------------
    P, A, I, B = "standard", [STD_A], STD_ID, STD_BODY
    SIG = "webhook-signature"
    good = sign(ossl, P, A, I, T, B)
    good_b64 = good[SIG].split(",", 1)[1]
    add(P, "valid", "Valid v1 signature, timestamp equal to now.", secrets=A, msg_id=I, ts=T, body=B)
    add(P, "past-edge", "Timestamp exactly 300 s old: the inclusive edge is accepted.",
        secrets=A, msg_id=I, ts=T - 300, body=B)
    add(P, "future-edge", "Timestamp exactly 300 s in the future: within the inclusive window, accepted.",
        secrets=A, msg_id=I, ts=T + 300, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, msg_id=I, ts=T, body=STD_BODY_NON_ASCII)
    add(P, "unusual-body", "Body with CRLF, tabs, trailing spaces, literal \\u escapes, escaped slashes, a raw U+2028 "
        "and a trailing newline; signed byte for byte, so it must not be re-serialised.",
        secrets=A, msg_id=I, ts=T, body=STD_BODY_ODD)
    add(P, "rotation-valid-first", "Three v1 signatures (key rotation); the first one is made with the verification secret.",
        secrets=A, signing=[STD_A, STD_B, STD_C], msg_id=I, ts=T, body=B)
    add(P, "rotation-valid-last", "Three v1 signatures (key rotation); only the last one is made with the verification secret.",
        secrets=A, signing=[STD_B, STD_C, STD_A], msg_id=I, ts=T, body=B)
    add(P, "header-name-case", "Header names in mixed/upper case; header lookup is case-insensitive, so accepted.",
        secrets=A, msg_id=I, ts=T, body=B, reproducible=False,
        headers=rename(good, {"webhook-id": "Webhook-Id", "webhook-timestamp": "WEBHOOK-TIMESTAMP",
                              "webhook-signature": "Webhook-Signature"}))
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[STD_WRONG, STD_A], signing=A, msg_id=I, ts=T, body=B)
    add(P, "unknown-version-ignored", "An entry with an unknown version (v2) beside a valid v1 entry: unknown entries are ignored, accepted.",
        secrets=A, msg_id=I, ts=T, body=B, reproducible=False,
        headers=replace(good, SIG, "v2,bm90IGEgcmVhbCBzaWduYXR1cmU= " + good[SIG]))
    add(P, "v1a-valid", "Valid v1a (Ed25519) signature verified with the matching whpk_ public key.",
        secrets=[pk2], signing=[SK_2], msg_id=I, ts=T, body=B)
    add(P, "v1a-beside-invalid-v1", "An invalid v1 entry followed by a valid v1a entry; any valid entry is enough, accepted.",
        secrets=[STD_A, pk2], signing=[STD_WRONG, SK_2], msg_id=I, ts=T, body=B)

    add(P, "missing-signature-header", "No webhook-signature header.",
        secrets=A, msg_id=I, ts=T, body=B, headers=drop(good, SIG), reproducible=False, expected="missing_header")
    add(P, "missing-id", "No webhook-id header (it is part of the signed content).",
        secrets=A, msg_id=I, ts=T, body=B, headers=drop(good, "webhook-id"), reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "No webhook-timestamp header.",
        secrets=A, msg_id=I, ts=T, body=B, headers=drop(good, "webhook-timestamp"), reproducible=False,
        expected="missing_timestamp")
    add(P, "empty-signature-header", "webhook-signature header present but empty.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "webhook-signature is a bare base64 value without the '<version>,' prefix.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, good_b64), reproducible=False,
        expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.",
        secrets=A, signing=[STD_WRONG], msg_id=I, ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing (amount 4200 -> 4201).",
        secrets=A, msg_id=I, ts=T, body=change_one_byte(B, "4200", "4201"), headers=good, reproducible=False,
        expected="bad_signature")
    add(P, "timestamp-changed", "webhook-timestamp changed (+1 s) after signing; still within tolerance.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, "webhook-timestamp", str(T + 1)), reproducible=False,
        expected="bad_signature")
    add(P, "truncated-signature", "The v1 base64 value is truncated (last 4 characters removed).",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, good[SIG][:-4]), reproducible=False,
        expected="bad_signature")
    add(P, "overlong-signature", "The v1 base64 value has 4 extra characters appended.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, good[SIG] + "AAAA"), reproducible=False,
        expected="bad_signature")
    add(P, "unsupported-version", "The only entry has version v2 (carrying the correct HMAC): no v1/v1a entry.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, "v2," + good_b64), reproducible=False,
        expected="unsupported_version")
    add(P, "uppercase-version", "The only entry has version 'V1' (versions are case-sensitive): no v1/v1a entry.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, "V1," + good_b64), reproducible=False,
        expected="unsupported_version")
    bad_v1 = sign(ossl, P, [STD_WRONG], I, T, B)[SIG]
    add(P, "downgrade", "Invalid v1 entry beside a v2 entry carrying the correct HMAC: unknown versions are ignored, so rejected.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, bad_v1 + " v2," + good_b64), reproducible=False,
        expected="bad_signature")
    add(P, "several-none-valid", "Two v1 signatures, neither made with the verification secret.",
        secrets=A, signing=[STD_B, STD_C], msg_id=I, ts=T, body=B, expected="bad_signature")
    add(P, "stale", "Timestamp 301 s old: one second past the inclusive edge.",
        secrets=A, msg_id=I, ts=T - 301, body=B, expected="stale_timestamp")
    add(P, "future", "Timestamp 301 s in the future: one second past the inclusive edge.",
        secrets=A, msg_id=I, ts=T + 301, body=B, expected="future_timestamp")
    add(P, "milliseconds-timestamp", "Timestamp in milliseconds (signature computed over the ms value): read as seconds "
        "it lies ~56 000 years in the future.", secrets=A, msg_id=I, ts=T * 1000, body=B, expected="future_timestamp")
    add(P, "max-long-timestamp", "Timestamp 9223372036854775807 (largest signed 64-bit value, signed as such): parses, "
        "but lies in the future; age arithmetic must not overflow.", secrets=A, msg_id=I, ts=INT64_MAX, body=B,
        expected="future_timestamp")
    for slug, text, what in [
        ("malformed-timestamp-iso", "2026-01-01T00:00:00Z", "an ISO-8601 date instead of unix seconds"),
        ("malformed-timestamp-sign", "+1767225600", "a leading '+' sign"),
        ("malformed-timestamp-decimal", "1767225600.5", "a decimal fraction"),
        ("malformed-timestamp-empty", "", "an empty value"),
        ("malformed-timestamp-overflow", "9223372036854775808", "a value one above the signed 64-bit range"),
    ]:
        add(P, slug, "webhook-timestamp is %s (the signature is valid over that literal text)." % what,
            secrets=A, msg_id=I, ts=text, body=B, reproducible=False, expected="malformed_timestamp")
    add(P, "v1a-wrong-public-key", "v1a signature verified against a different whpk_ public key.",
        secrets=[pk3], signing=[SK_2], msg_id=I, ts=T, body=B, expected="bad_signature")
    good_v1a = sign(ossl, P, [SK_2], I, T, B)
    add(P, "v1a-body-changed", "Valid v1a signature, body changed by one byte after signing.",
        secrets=[pk2], signing=[SK_2], msg_id=I, ts=T, body=change_one_byte(B, "4200", "4201"), headers=good_v1a,
        reproducible=False, expected="bad_signature")
    add(P, "v1a-truncated", "v1a base64 value truncated to 84 characters (63 bytes).",
        secrets=[pk2], signing=[SK_2], msg_id=I, ts=T, body=B, reproducible=False, expected="bad_signature",
        headers=replace(good_v1a, SIG, "v1a," + b64(base64.b64decode(good_v1a[SIG][4:])[:63])))

    # ---- vitable -------------------------------------------------------------------------------
    P, A, B = "vitable", [VIT_A], VIT_BODY
    SIG, TSH = "X-Vitable-Signature", "X-Vitable-Timestamp"
    good = sign(ossl, P, A, None, T, B)
    hexsig = good[SIG][len("sha512="):]
    add(P, "valid", "Valid signature, timestamp equal to now.", secrets=A, ts=T, body=B)
    add(P, "past-edge", "Timestamp exactly 300 s old: the inclusive edge is accepted.", secrets=A, ts=T - 300, body=B)
    add(P, "future-edge", "Timestamp exactly 300 s in the future: within the inclusive window, accepted.",
        secrets=A, ts=T + 300, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, ts=T, body=VIT_BODY_NON_ASCII)
    add(P, "unusual-body", "Body with CRLF, tabs, literal \\u escapes, escaped slashes, a raw U+2028 and trailing "
        "newlines; signed byte for byte.", secrets=A, ts=T, body=VIT_BODY_ODD)
    add(P, "header-name-case", "Header names all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, ts=T, body=B, headers=rename(good, {SIG: SIG.lower(), TSH: TSH.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[VIT_WRONG, VIT_A], signing=A, ts=T, body=B)
    add(P, "missing-signature-header", "No X-Vitable-Signature header.", secrets=A, ts=T, body=B,
        headers=drop(good, SIG), reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "No X-Vitable-Timestamp header.", secrets=A, ts=T, body=B,
        headers=drop(good, TSH), reproducible=False, expected="missing_timestamp")
    add(P, "empty-signature-header", "X-Vitable-Signature present but empty.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "X-Vitable-Signature is the bare hex digest without the 'sha512=' prefix.",
        secrets=A, ts=T, body=B, headers=replace(good, SIG, hexsig), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.",
        secrets=A, signing=[VIT_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, ts=T,
        body=change_one_byte(B, "empl_4Tn8", "empl_4Tn9"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "timestamp-changed", "X-Vitable-Timestamp changed (+1 s) after signing; still within tolerance.",
        secrets=A, ts=T, body=B, headers=replace(good, TSH, str(T + 1)), reproducible=False, expected="bad_signature")
    add(P, "truncated-signature", "Hex digest truncated by 2 characters.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "overlong-signature", "Hex digest with 2 extra hex characters appended.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG] + "00"), reproducible=False, expected="bad_signature")
    add(P, "wrong-prefix", "Value is 'sha256=' + a correct HMAC-SHA256 of the same content: Vitable requires sha512=.",
        secrets=A, ts=T, body=B, reproducible=False, expected="unsupported_version",
        headers=replace(good, SIG, "sha256=" + hmac_hex(VIT_A.encode(), ("%d." % T).encode() + B.encode(), hashlib.sha256)))
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, "sha512=" + hexsig.upper()), reproducible=False, expected="bad_signature")
    add(P, "stale", "Timestamp 301 s old: one second past the inclusive edge.", secrets=A, ts=T - 301, body=B,
        expected="stale_timestamp")
    add(P, "future", "Timestamp 301 s in the future: one second past the inclusive edge.", secrets=A, ts=T + 301,
        body=B, expected="future_timestamp")
    add(P, "milliseconds-timestamp", "Timestamp in milliseconds (signature computed over the ms value): read as "
        "seconds it lies far in the future.", secrets=A, ts=T * 1000, body=B, expected="future_timestamp")
    add(P, "malformed-timestamp", "X-Vitable-Timestamp is an ISO-8601 date (the signature is valid over that literal text).",
        secrets=A, ts="2026-01-01T00:00:00Z", body=B, reproducible=False, expected="malformed_timestamp")

    # ---- dfns ----------------------------------------------------------------------------------
    P, A, B = "dfns", [DFNS_A], DFNS_BODY
    SIG = "X-DFNS-WEBHOOK-SIGNATURE"
    good = sign(ossl, P, A, None, T, B)
    hexsig = good[SIG][len("sha256="):]
    add(P, "valid", "Valid signature, timestampSent equal to now.", secrets=A, ts=T, body=B)
    add(P, "past-edge", "timestampSent 299 s old: inside the exclusive window, accepted.",
        secrets=A, ts=T - 299, body=dfns_body(T - 299))
    add(P, "future-edge", "timestampSent 299 s in the future: inside the exclusive window, accepted.",
        secrets=A, ts=T + 299, body=dfns_body(T + 299))
    add(P, "non-ascii-body", "Compact JSON body with non-ASCII UTF-8 text (as JSON.stringify sends it).",
        secrets=A, ts=T, body=DFNS_BODY_NON_ASCII)
    add(P, "unusual-body", "Compact JSON with literal \\u escapes, escaped slashes and a raw U+2028: the HMAC covers the "
        "raw bytes; re-serialising the parsed body changes them.", secrets=A, ts=T, body=DFNS_BODY_ODD)
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, ts=T, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[DFNS_WRONG, DFNS_A], signing=A, ts=T, body=B)
    add(P, "missing-signature-header", "No X-DFNS-WEBHOOK-SIGNATURE header.", secrets=A, ts=T, body=B,
        headers={}, reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "X-DFNS-WEBHOOK-SIGNATURE present but empty.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "Header is the bare hex digest without the 'sha256=' prefix.",
        secrets=A, ts=T, body=B, headers=replace(good, SIG, hexsig), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.",
        secrets=A, signing=[DFNS_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing (inside data).", secrets=A, ts=T,
        body=change_one_byte(B, "1000000000000000", "9000000000000000"), headers=good, reproducible=False,
        expected="bad_signature")
    add(P, "timestamp-changed", "timestampSent in the body changed (+1 s) after signing; it is signed, so rejected.",
        secrets=A, ts=T, body=dfns_body(T + 1), headers=good, reproducible=False, expected="bad_signature")
    add(P, "truncated-signature", "Hex digest truncated by 2 characters.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "overlong-signature", "Hex digest with 2 extra hex characters appended.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG] + "00"), reproducible=False, expected="bad_signature")
    add(P, "wrong-prefix", "Value is 'sha512=' + a correct HMAC-SHA512 of the body: Dfns requires sha256=.",
        secrets=A, ts=T, body=B, reproducible=False, expected="unsupported_version",
        headers=replace(good, SIG, "sha512=" + hmac_hex(DFNS_A.encode(), B.encode(), hashlib.sha512)))
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, "sha256=" + hexsig.upper()), reproducible=False, expected="bad_signature")
    add(P, "stale", "timestampSent exactly 300 s old: the exclusive edge is rejected.",
        secrets=A, ts=T - 300, body=dfns_body(T - 300), expected="stale_timestamp")
    add(P, "future", "timestampSent exactly 300 s in the future: the exclusive edge is rejected.",
        secrets=A, ts=T + 300, body=dfns_body(T + 300), expected="future_timestamp")
    add(P, "milliseconds-timestamp", "timestampSent in milliseconds (signed as such): read as seconds it lies far in "
        "the future.", secrets=A, ts=T * 1000, body=dfns_body(T * 1000), expected="future_timestamp")
    add(P, "malformed-timestamp-string", "timestampSent is a JSON string of digits, not a number (validly signed).",
        secrets=A, body=dfns_body(str(T)), expected="malformed_timestamp")
    add(P, "malformed-timestamp-fraction", "timestampSent is a non-integer number 1767225600.5 (validly signed).",
        secrets=A, body=dfns_body(T + 0.5), expected="malformed_timestamp")
    add(P, "missing-timestamp", "Validly signed body without a timestampSent field.",
        secrets=A, body=dfns_body(None), expected="missing_timestamp")
    add(P, "body-not-object", "Validly signed body that is a JSON array, not an object, so it has no timestampSent.",
        secrets=A, body="[" + B + "]", expected="missing_timestamp")

    # ---- preo (assumed scheme) ---------------------------------------------------------------
    P, A, B = "preo", [PREO_A], PREO_BODY
    SIG = "X-Preo-Signature"
    good = sign(ossl, P, A, None, T, B)
    mac = good[SIG].split(",v1=")[1]

    def preo_mac(secret, ts=T, body=B):
        return hmac_hex(secret.encode(), ("%s." % ts).encode() + body.encode(), hashlib.sha256)

    add(P, "valid", "Valid t/v1 signature (assumed scheme), timestamp equal to now.", secrets=A, ts=T, body=B)
    add(P, "past-edge", "Timestamp exactly 300 s old: the inclusive edge is accepted.", secrets=A, ts=T - 300, body=B)
    add(P, "future-edge", "Timestamp exactly 300 s in the future: within the inclusive window, accepted.",
        secrets=A, ts=T + 300, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, ts=T, body=PREO_BODY_NON_ASCII)
    add(P, "unusual-body", "Body with CRLF, tabs, literal \\u escapes, escaped slashes and a raw U+2028; signed byte for byte.",
        secrets=A, ts=T, body=PREO_BODY_ODD)
    add(P, "rotation-valid-first", "Three v1 items (key rotation); the first one is made with the verification secret.",
        secrets=A, ts=T, body=B, reproducible=False,
        headers={SIG: "t=%d,v1=%s,v1=%s,v1=%s" % (T, mac, preo_mac(PREO_B), preo_mac(PREO_C))})
    add(P, "rotation-valid-last", "Three v1 items (key rotation); only the last one is made with the verification secret.",
        secrets=A, ts=T, body=B, reproducible=False,
        headers={SIG: "t=%d,v1=%s,v1=%s,v1=%s" % (T, preo_mac(PREO_B), preo_mac(PREO_C), mac)})
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, ts=T, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[PREO_WRONG, PREO_A], signing=A, ts=T, body=B)
    add(P, "missing-signature-header", "No X-Preo-Signature header.", secrets=A, ts=T, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "X-Preo-Signature present but empty.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "X-Preo-Signature is the bare hex digest (an item without '=').",
        secrets=A, ts=T, body=B, headers=replace(good, SIG, mac), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.",
        secrets=A, signing=[PREO_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, ts=T,
        body=change_one_byte(B, "450.00", "451.00"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "timestamp-changed", "t changed (+1 s) after signing; still within tolerance.", secrets=A, ts=T, body=B,
        headers={SIG: "t=%d,v1=%s" % (T + 1, mac)}, reproducible=False, expected="bad_signature")
    add(P, "truncated-signature", "v1 hex digest truncated by 2 characters.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "overlong-signature", "v1 hex digest with 2 extra hex characters appended.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG] + "00"), reproducible=False, expected="bad_signature")
    add(P, "unsupported-version", "Only a v2 item (carrying the correct HMAC), no v1 item.", secrets=A, ts=T, body=B,
        headers={SIG: "t=%d,v2=%s" % (T, mac)}, reproducible=False, expected="unsupported_version")
    add(P, "downgrade", "Invalid v1 item beside a v2 item carrying the correct HMAC: unknown items are ignored, so rejected.",
        secrets=A, ts=T, body=B, headers={SIG: "t=%d,v1=%s,v2=%s" % (T, preo_mac(PREO_WRONG), mac)},
        reproducible=False, expected="bad_signature")
    add(P, "several-none-valid", "Two v1 items, neither made with the verification secret.", secrets=A, ts=T, body=B,
        headers={SIG: "t=%d,v1=%s,v1=%s" % (T, preo_mac(PREO_B), preo_mac(PREO_C))}, reproducible=False,
        expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, ts=T, body=B,
        headers={SIG: "t=%d,v1=%s" % (T, mac.upper())}, reproducible=False, expected="bad_signature")
    add(P, "stale", "Timestamp 301 s old: one second past the inclusive edge.", secrets=A, ts=T - 301, body=B,
        expected="stale_timestamp")
    add(P, "future", "Timestamp 301 s in the future: one second past the inclusive edge.", secrets=A, ts=T + 301,
        body=B, expected="future_timestamp")
    add(P, "milliseconds-timestamp", "t in milliseconds (signature computed over the ms value): read as seconds it "
        "lies far in the future.", secrets=A, ts=T * 1000, body=B, expected="future_timestamp")
    add(P, "malformed-timestamp", "t is not a number (the signature is valid over that literal text).",
        secrets=A, ts="2026-01-01T00:00:00Z", body=B, reproducible=False, expected="malformed_timestamp")
    add(P, "missing-timestamp", "No t item, only a v1 item (valid for t=now).", secrets=A, ts=T, body=B,
        headers={SIG: "v1=" + mac}, reproducible=False, expected="missing_timestamp")

    # ---- stripe --------------------------------------------------------------------------------
    P, A, B = "stripe", [STRIPE_A], STRIPE_BODY
    SIG = "Stripe-Signature"
    good = sign(ossl, P, A, None, T, B)
    mac = good[SIG].split(",v1=")[1]

    def stripe_mac(secret, ts=T, body=B):
        return hmac_hex(secret.encode(), ("%s." % ts).encode() + body.encode(), hashlib.sha256)

    add(P, "valid", "Valid t/v1 signature, timestamp equal to now.", secrets=A, ts=T, body=B)
    add(P, "past-edge", "Timestamp exactly 300 s old: the inclusive edge is accepted.", secrets=A, ts=T - 300, body=B)
    add(P, "future-beyond-window", "Timestamp one hour in the future: accepted, because Stripe's own libraries only "
        "reject timestamps older than the tolerance.", secrets=A, ts=T + 3600, body=B)
    add(P, "milliseconds-timestamp", "t in milliseconds (signature computed over the ms value): accepted, because "
        "Stripe's own libraries never reject future timestamps.", secrets=A, ts=T * 1000, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, ts=T, body=STRIPE_BODY_NON_ASCII)
    add(P, "unusual-body", "Body with CRLF, tabs, literal \\u escapes, escaped slashes and a raw U+2028; signed byte for byte.",
        secrets=A, ts=T, body=STRIPE_BODY_ODD)
    add(P, "rotation-valid-first", "Three v1 items (secret rotation); the first one is made with the verification secret.",
        secrets=A, signing=[STRIPE_A, STRIPE_B, STRIPE_C], ts=T, body=B)
    add(P, "rotation-valid-last", "Three v1 items (secret rotation); only the last one is made with the verification secret.",
        secrets=A, signing=[STRIPE_B, STRIPE_C, STRIPE_A], ts=T, body=B)
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, ts=T, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[STRIPE_WRONG, STRIPE_A], signing=A, ts=T, body=B)
    add(P, "missing-signature-header", "No Stripe-Signature header.", secrets=A, ts=T, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "Stripe-Signature present but empty.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "Stripe-Signature is the bare hex digest (an item without '=').",
        secrets=A, ts=T, body=B, headers=replace(good, SIG, mac), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.",
        secrets=A, signing=[STRIPE_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, ts=T,
        body=change_one_byte(B, "4200", "4201"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "timestamp-changed", "t changed (+1 s) after signing.", secrets=A, ts=T, body=B,
        headers={SIG: "t=%d,v1=%s" % (T + 1, mac)}, reproducible=False, expected="bad_signature")
    add(P, "truncated-signature", "v1 hex digest truncated by 2 characters.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "overlong-signature", "v1 hex digest with 2 extra hex characters appended.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG] + "00"), reproducible=False, expected="bad_signature")
    add(P, "unsupported-version", "Only a v0 item (Stripe's legacy test-mode scheme, here carrying the correct HMAC), no v1.",
        secrets=A, ts=T, body=B, headers={SIG: "t=%d,v0=%s" % (T, mac)}, reproducible=False,
        expected="unsupported_version")
    add(P, "downgrade", "Invalid v1 item beside a v0 item carrying the correct HMAC: only v1 counts, so rejected.",
        secrets=A, ts=T, body=B, headers={SIG: "t=%d,v1=%s,v0=%s" % (T, stripe_mac(STRIPE_WRONG), mac)},
        reproducible=False, expected="bad_signature")
    add(P, "several-none-valid", "Two v1 items, neither made with the verification secret.",
        secrets=A, signing=[STRIPE_B, STRIPE_C], ts=T, body=B, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, ts=T, body=B,
        headers={SIG: "t=%d,v1=%s" % (T, mac.upper())}, reproducible=False, expected="bad_signature")
    add(P, "stale", "Timestamp 301 s old: one second past the inclusive edge.", secrets=A, ts=T - 301, body=B,
        expected="stale_timestamp")
    add(P, "malformed-timestamp", "t is not a number (the signature is valid over that literal text).",
        secrets=A, ts="2026-01-01T00:00:00Z", body=B, reproducible=False, expected="malformed_timestamp")
    add(P, "missing-timestamp", "No t item, only a v1 item (valid for t=now).", secrets=A, ts=T, body=B,
        headers={SIG: "v1=" + mac}, reproducible=False, expected="missing_timestamp")

    # ---- github --------------------------------------------------------------------------------
    P, A, B = "github", [GH_A], GH_BODY
    SIG = "X-Hub-Signature-256"
    good = sign(ossl, P, A, None, None, B)
    hexsig = good[SIG][len("sha256="):]
    add(P, "valid", "Valid signature of a ping payload (GitHub has no timestamp, any clock is fine).", secrets=A, body=B)
    add(P, "non-ascii-body", "Push payload with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, body=GH_BODY_NON_ASCII)
    add(P, "unusual-body", "Body with CRLF, tabs, literal \\u escapes, escaped slashes and a raw U+2028; signed byte for byte.",
        secrets=A, body=GH_BODY_ODD)
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[GH_WRONG, GH_A], signing=A, body=B)
    add(P, "missing-signature-header", "No X-Hub-Signature-256 header.", secrets=A, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "X-Hub-Signature-256 present but empty.", secrets=A, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "Header is the bare hex digest without the 'sha256=' prefix.",
        secrets=A, body=B, headers=replace(good, SIG, hexsig), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.",
        secrets=A, signing=[GH_WRONG], body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A,
        body=change_one_byte(B, "Hello-World\",\"private", "Hello-Worle\",\"private"), headers=good,
        reproducible=False, expected="bad_signature")
    add(P, "truncated-signature", "Hex digest truncated by 2 characters.", secrets=A, body=B,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "overlong-signature", "Hex digest with 2 extra hex characters appended.", secrets=A, body=B,
        headers=replace(good, SIG, good[SIG] + "00"), reproducible=False, expected="bad_signature")
    add(P, "wrong-prefix", "Value is 'sha1=' + a correct HMAC-SHA1 (the legacy X-Hub-Signature format) in the -256 header.",
        secrets=A, body=B, reproducible=False, expected="unsupported_version",
        headers=replace(good, SIG, "sha1=" + hmac_hex(GH_A.encode(), B.encode(), hashlib.sha1)))
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, body=B,
        headers=replace(good, SIG, "sha256=" + hexsig.upper()), reproducible=False, expected="bad_signature")
    LEGACY = "X-Hub-Signature"
    add(P, "legacy-signature-only", "Only the legacy X-Hub-Signature (a correct sha1=<hex HMAC-SHA1>); receivers verify"
        " X-Hub-Signature-256, so it is missing.", secrets=A, body=B, headers=drop(good, SIG), reproducible=False,
        expected="missing_header")
    add(P, "legacy-signature-wrong", "X-Hub-Signature-256 correct, the legacy X-Hub-Signature wrong: the legacy one is"
        " not verified, so accepted.", secrets=A, body=B, reproducible=False,
        headers=replace(good, LEGACY, "sha1=" + hmac_hex(GH_WRONG.encode(), B.encode(), hashlib.sha1)))
    add(P, "legacy-right-current-wrong", "The legacy X-Hub-Signature correct, X-Hub-Signature-256 made with another"
        " secret: the SHA-256 one decides.", secrets=A, body=B, reproducible=False, expected="bad_signature",
        headers=replace(good, SIG, "sha256=" + hmac_hex(GH_WRONG.encode(), B.encode(), hashlib.sha256)))

    # ---- square --------------------------------------------------------------------------------
    P, A, B, U = "square", [SQ_KEY], SQ_BODY, SQ_URL
    SIG = "x-square-hmacsha256-signature"
    good = sign(ossl, P, A, None, None, B, U)
    add(P, "valid", "Valid signature of a payment.created notification over the notification URL and the body.",
        secrets=A, body=B, url=U)
    add(P, "second-secret-matches", "Two signature keys (rotation); the signature matches only the second one.",
        secrets=[SQ_WRONG, SQ_KEY], signing=A, body=B, url=U)
    add(P, "missing-signature-header", "No x-square-hmacsha256-signature header.", secrets=A, body=B, url=U,
        headers={}, reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "x-square-hmacsha256-signature present but empty.", secrets=A, body=B, url=U,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with another subscription's signature key.", secrets=A, signing=[SQ_WRONG],
        body=B, url=U, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, url=U,
        body=change_one_byte(B, "\"amount\":1000", "\"amount\":9000"), headers=good, reproducible=False,
        expected="bad_signature")
    add(P, "other-url", "Signed for the subscribed URL, verified against the URL without its query string: the"
        " signature covers the exact URL.", secrets=A, body=B, url=U.split("?")[0], headers=good, reproducible=False,
        expected="bad_signature")
    # ---- svix (Standard Webhooks' signing under the svix-* header names) ---------------------------
    P, A, I, B = "svix", [STD_A], "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", SVIX_BODY
    SIG = "svix-signature"
    good = sign(ossl, P, A, I, T, B)
    good_b64 = good[SIG].split(",", 1)[1]
    add(P, "valid", "Valid v1 signature, timestamp equal to now.", secrets=A, msg_id=I, ts=T, body=B)
    add(P, "past-edge", "Timestamp exactly 300 s old: the inclusive edge is accepted.",
        secrets=A, msg_id=I, ts=T - 300, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, msg_id=I, ts=T, body=STD_BODY_NON_ASCII)
    add(P, "rotation-valid-last", "Two v1 signatures (key rotation); only the last one is made with the verification secret.",
        secrets=A, signing=[STD_B, STD_A], msg_id=I, ts=T, body=B)
    add(P, "header-name-case", "Header names as Svix's docs spell them (Svix-Id…); lookup ignores case, accepted.",
        secrets=A, msg_id=I, ts=T, body=B, reproducible=False,
        headers=rename(good, {"svix-id": "Svix-Id", "svix-timestamp": "Svix-Timestamp", SIG: "Svix-Signature"}))
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[STD_WRONG, STD_A], signing=A, msg_id=I, ts=T, body=B)
    add(P, "missing-signature-header", "No svix-signature header.",
        secrets=A, msg_id=I, ts=T, body=B, headers=drop(good, SIG), reproducible=False, expected="missing_header")
    add(P, "missing-id", "No svix-id header (it is part of the signed content).",
        secrets=A, msg_id=I, ts=T, body=B, headers=drop(good, "svix-id"), reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "No svix-timestamp header.",
        secrets=A, msg_id=I, ts=T, body=B, headers=drop(good, "svix-timestamp"), reproducible=False,
        expected="missing_timestamp")
    add(P, "garbled-signature-header", "svix-signature is a bare base64 value without the 'v1,' prefix.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, good_b64), reproducible=False,
        expected="malformed_header")
    add(P, "unsupported-version", "The only entry has version v2 (carrying the correct HMAC).",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, SIG, "v2," + good_b64), reproducible=False,
        expected="unsupported_version")
    add(P, "malformed-timestamp-iso", "svix-timestamp is an ISO-8601 date (the signature is valid over that text).",
        secrets=A, msg_id=I, ts="2026-01-01T00:00:00Z", body=B, reproducible=False, expected="malformed_timestamp")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.",
        secrets=A, signing=[STD_WRONG], msg_id=I, ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.",
        secrets=A, msg_id=I, ts=T, body=change_one_byte(B, "ep_", "ep-"), headers=good, reproducible=False,
        expected="bad_signature")
    add(P, "id-changed", "svix-id changed after signing: the id is signed.",
        secrets=A, msg_id=I, ts=T, body=B, headers=replace(good, "svix-id", I[:-1] + "X"), reproducible=False,
        expected="bad_signature")
    add(P, "stale", "Timestamp 301 s old: one second past the inclusive edge.",
        secrets=A, msg_id=I, ts=T - 301, body=B, expected="stale_timestamp")
    add(P, "future", "Timestamp 301 s in the future: one second past the inclusive edge.",
        secrets=A, msg_id=I, ts=T + 301, body=B, expected="future_timestamp")

    # ---- shopify (base64 HMAC-SHA256 of the body alone, no timestamp) ------------------------------
    P, A, B = "shopify", [SHOP_A], SHOP_BODY
    SIG = "X-Shopify-Hmac-SHA256"
    good = sign(ossl, P, A, None, None, B)
    add(P, "valid", "Valid signature of an orders/create body (no timestamp: any clock is fine).", secrets=A, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, body=SHOP_BODY_NON_ASCII)
    add(P, "header-name-case", "Header name in lower case, as HTTP/2 delivers it; lookup ignores case, accepted.",
        secrets=A, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets (a rotation, which takes up to an hour to apply); "
        "the signature matches only the second one.", secrets=[SHOP_WRONG, SHOP_A], signing=A, body=B)
    add(P, "missing-signature-header", "No X-Shopify-Hmac-SHA256 header.", secrets=A, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "X-Shopify-Hmac-SHA256 present but empty.", secrets=A, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.",
        secrets=A, signing=[SHOP_WRONG], body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A,
        body=change_one_byte(B, "42.00", "42.01"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "hex-digest", "The right HMAC written in hex instead of base64.", secrets=A, body=B, reproducible=False,
        headers=replace(good, SIG, hmac_hex(SHOP_A.encode(), B.encode(), hashlib.sha256)), expected="bad_signature")
    add(P, "truncated-signature", "The base64 digest with its padding removed.", secrets=A, body=B,
        headers=replace(good, SIG, good[SIG].rstrip("=")), reproducible=False, expected="bad_signature")
    add(P, "sha256-prefix", "The digest with a 'sha256=' prefix Shopify never sends.", secrets=A, body=B,
        headers=replace(good, SIG, "sha256=" + good[SIG]), reproducible=False, expected="bad_signature")
    for more in MORE.values():
        more.cases(ossl, add)

    # Present the cases grouped by profile, in the order of PROFILES, keeping insertion order within one.
    cases.sort(key=lambda c: PROFILES.index(c["profile"]))
    return cases


def build_document(ossl):
    doc = {"description": DESCRIPTION, "reasons": list(REASONS), "cases": build_cases(ossl)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------
# Check
# --------------------------------------------------------------------------------------------

CASE_KEYS = ["name", "profile", "description", "secrets", "signingSecrets", "id", "timestamp", "url", "now",
             "tolerance", "unsignedBody", "body", "headers", "reproducible", "expected"]
REQUIRED = ["name", "profile", "description", "secrets", "now", "tolerance", "body", "headers", "reproducible",
            "expected"]


def check_case(ossl, case, seen):
    errors = []
    for k in REQUIRED:
        if k not in case:
            errors.append("missing field %r" % k)
    for k in case:
        if k not in CASE_KEYS:
            errors.append("unknown field %r" % k)
    if errors:
        return errors
    name, profile = case["name"], case["profile"]
    if name in seen:
        errors.append("duplicate name")
    seen.add(name)
    if profile not in PROFILES or not name.startswith(profile + "/"):
        errors.append("bad profile/name %r" % profile)
        return errors
    exp = case["expected"]
    if exp.get("verdict") == "reject":
        if exp.get("reason") not in REASONS or set(exp) != {"verdict", "reason"}:
            errors.append("bad expected %r" % exp)
    elif exp != {"verdict": "accept"}:
        errors.append("bad expected %r" % exp)
    if profile == "standard" and "id" not in case:
        errors.append("standard case without id")

    # Reproducibility: re-sign with hmac/openssl and compare to the headers.
    signing = case.get("signingSecrets", case["secrets"])
    needs_ts = profile in ("standard", "vitable", "preo", "stripe", "svix")
    needs_ts = profile in ("standard", "vitable", "preo", "stripe") or (profile in MORE and MORE[profile].needs_ts)
    if case["reproducible"]:
        if needs_ts and "timestamp" not in case:
            errors.append("reproducible but no timestamp")
        else:
            got = sign(ossl, profile, signing, case.get("id"), case.get("timestamp"), case["body"], case.get("url"))
            if got != case["headers"]:
                errors.append("re-signing gives %r, file has %r" % (got, case["headers"]))
            if "unsignedBody" in case:
                signer = MORE[profile].sign_body if profile in MORE else None
                got_body = signer and signer(ossl, signing, case.get("id"), str(case.get("timestamp")),
                                             case["unsignedBody"].encode("utf-8")).decode("utf-8")
                if got_body != case["body"]:
                    errors.append("signing unsignedBody gives %r, file has %r" % (got_body, case["body"]))
    in_body = profile in MORE and MORE[profile].sign_body is not None
    if in_body and case["reproducible"] != ("unsignedBody" in case):
        errors.append("a case of a profile that signs in the body is reproducible exactly when it has unsignedBody")
    if "unsignedBody" in case and not in_body:
        errors.append("unsignedBody, but the profile does not sign in the body")
    if case["reproducible"] or in_body:
        pass  # a hand-made body of an in-body profile has no unsigned form to re-sign
    elif not needs_ts or "timestamp" in case:
        got = sign(ossl, profile, signing, case.get("id"), case.get("timestamp"), case["body"], case.get("url"))
        if got == case["headers"]:
            errors.append("marked reproducible=false but re-signing reproduces the headers")

    # Verdict of the independent verifier.
    got = verify(ossl, case)
    if got != exp:
        errors.append("verifier says %r, expected %r" % (got, exp))
    return errors


def check_references(cases):
    """The 8 published vectors must appear verbatim. Returns (case name, message) pairs."""
    errors = []
    by_name = {c.get("name"): c for c in cases}
    for ref in REFERENCE:
        c = by_name.get(ref["name"])
        if c is None:
            errors.append((ref["name"], "reference case missing"))
            continue
        want_secrets = [ref.get("public_key", ref["secret"])]
        problems = []
        if c.get("secrets") != want_secrets:
            problems.append("secrets")
        if c.get("signingSecrets", c.get("secrets")) != [ref["secret"]]:
            problems.append("signingSecrets")
        for k in ("id", "timestamp", "body"):
            if c.get(k) != ref.get(k):
                problems.append(k)
        for hk, hv in ref["headers"].items():
            if c.get("headers", {}).get(hk) != hv:
                problems.append("header " + hk)
        if c.get("expected") != {"verdict": "accept"} or c.get("reproducible") is not True:
            problems.append("expected/reproducible")
        if problems:
            errors.append((ref["name"], "differs from the published reference vector in " + ", ".join(problems)))
    return errors


def cmd_check(ossl, path):
    with open(path, "rb") as f:
        raw = f.read()
    doc = json.loads(raw.decode("utf-8"))
    cases = doc.get("cases", [])
    failures = []  # (case name, message)
    seen = set()
    for case in cases:
        failures.extend((case.get("name", "?"), e) for e in check_case(ossl, case, seen))
    failures.extend(check_references(cases))
    file_errors = []
    if doc.get("reasons") != REASONS:
        file_errors.append("reasons list differs from %r" % REASONS)
    if build_document(ossl).encode("utf-8") != raw:
        file_errors.append("%s is not byte-identical to a fresh generation (run: vectors.py generate)" % path)
    for name, msg in failures:
        print("FAIL %s: %s" % (name, msg))
    for msg in file_errors:
        print("FAIL " + msg)
    failed_names = {name for name, _ in failures}
    passed = sum(1 for c in cases if c.get("name", "?") not in failed_names)
    failed = len(failed_names) + len(file_errors)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


# --------------------------------------------------------------------------------------------
# Profiles added after the first six: each one a section of its own, registered in MORE
# --------------------------------------------------------------------------------------------


class More:
    """A later profile: its tolerance, signature header, reference signer and verifier, and its cases.

    sign(ossl, secrets, msg_id, ts_text, body_bytes) -> headers; verify(ossl, case, headers, secrets,
    body_bytes) raises Reject; cases(ossl, add) adds the profile's cases; needs_ts: a reproducible case
    needs a timestamp to re-sign; signs_url: the signature covers the request URL, so sign also takes the
    case's url (the URL the request is sent to) as a last argument; sign_body(ossl, secrets, msg_id, ts_text,
    unsigned_bytes) -> the body bytes to send, for a profile that writes its signature into the body (its
    cases carry unsignedBody, the body before signing, and sign then gives the headers of the signed body).
    """

    def __init__(self, name, tolerance, sig_header, sign, verify, cases, needs_ts, signs_url=False, sign_body=None):
        self.name, self.sign, self.verify, self.cases, self.needs_ts = name, sign, verify, cases, needs_ts
        self.signs_url = signs_url
        self.sign_body = sign_body
        PROFILES.append(name)
        TOLERANCE[name] = tolerance
        SIG_HEADER[name] = sig_header
        MORE[name] = self


MORE = {}


def prefixed_checks(sig, prefix):
    """Structure and version of a prefixed signature header ('<prefix><signature>')."""
    if sig.strip() == "" or prefix[-1] not in sig:
        raise Reject("malformed_header")
    if not sig.strip().startswith(prefix):
        raise Reject("unsupported_version")
    return sig.strip()[len(prefix):]


# ---- zoom: x-zm-signature: v0=<hex HMAC-SHA256 of "v0:{x-zm-request-timestamp}:{body}">, 300 s (assumed)

ZOOM_A = "pXz4rTq8LmN2vB6cYw0KsA"
ZOOM_B = "Hq3nVb7TzR1xLp9WmC5dFk"
ZOOM_WRONG = "Ue8sYk2QjN6oTr4ZaB0wXc"
ZOOM_BODY = compact({"event": "meeting.started", "event_ts": T * 1000, "payload": {
    "account_id": "AAAAAABBBBCCCCDDDDEEEE", "object": {
        "uuid": "4444AAAiAAAAAiAiAiiAii==", "id": 81234567890, "host_id": "x1yCzABCDEfg23HiJKl4mN",
        "topic": "Weekly sync", "type": 2, "start_time": "2026-01-01T00:00:00Z", "timezone": "Europe/Berlin",
        "duration": 60}}})
ZOOM_BODY_NON_ASCII = compact({"event": "meeting.created", "event_ts": T * 1000, "payload": {
    "account_id": "AAAAAABBBBCCCCDDDDEEEE", "object": {"id": 81234567891, "topic": "Café ✓ Zoë – 日本 review",
                                                       "timezone": "Asia/Tokyo", "duration": 30}}})


def zoom_sign(ossl, secrets, msg_id, t, b):
    mac = hmac_hex(secrets[0].encode("utf-8"), ("v0:%s:" % t).encode("utf-8") + b, hashlib.sha256)
    return {"x-zm-request-timestamp": t, "x-zm-signature": "v0=" + mac}


def zoom_verify(ossl, case, headers, secrets, body):
    sig = header(headers, "x-zm-signature")
    if sig is None:
        raise Reject("missing_header")
    ts_text = header(headers, "x-zm-request-timestamp")
    if ts_text is None:
        raise Reject("missing_timestamp")
    value = prefixed_checks(sig, "v0=")
    ts = parse_header_timestamp(ts_text)
    msg = ("v0:%s:" % ts_text).encode("utf-8") + body
    if not any(same(hmac_hex(s.encode("utf-8"), msg, hashlib.sha256), value) for s in secrets):
        raise Reject("bad_signature")
    check_tolerance(ts, case["now"], case["tolerance"])


def zoom_cases(ossl, add):
    P, A, B = "zoom", [ZOOM_A], ZOOM_BODY
    SIG, TS = "x-zm-signature", "x-zm-request-timestamp"
    good = zoom_sign(ossl, A, None, str(T), B.encode())
    mac = good[SIG][len("v0="):]
    add(P, "valid", "Valid v0 signature, timestamp equal to now.", secrets=A, ts=T, body=B)
    add(P, "past-edge", "Timestamp exactly 300 s old: the inclusive edge of the assumed window is accepted.",
        secrets=A, ts=T - 300, body=B)
    add(P, "future-edge", "Timestamp exactly 300 s in the future: within the assumed window, accepted.",
        secrets=A, ts=T + 300, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, ts=T, body=ZOOM_BODY_NON_ASCII)
    add(P, "header-name-case", "Header names in mixed case; header lookup is case-insensitive, so accepted.",
        secrets=A, ts=T, body=B, reproducible=False,
        headers=rename(good, {SIG: "X-Zm-Signature", TS: "X-Zm-Request-Timestamp"}))
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[ZOOM_WRONG, ZOOM_A], signing=A, ts=T, body=B)
    add(P, "missing-signature-header", "No x-zm-signature header.", secrets=A, ts=T, body=B,
        headers=drop(good, SIG), reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "No x-zm-request-timestamp header.", secrets=A, ts=T, body=B,
        headers=drop(good, TS), reproducible=False, expected="missing_timestamp")
    add(P, "empty-signature-header", "x-zm-signature present but empty.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "x-zm-signature is the bare hex digest without 'v0='.", secrets=A, ts=T,
        body=B, headers=replace(good, SIG, mac), reproducible=False, expected="malformed_header")
    add(P, "wrong-prefix", "x-zm-signature starts with 'v1=' (the correct digest): only v0 is known.", secrets=A,
        ts=T, body=B, headers=replace(good, SIG, "v1=" + mac), reproducible=False, expected="unsupported_version")
    add(P, "wrong-secret", "Signed with a different secret token than the verifier's.",
        secrets=A, signing=[ZOOM_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, ts=T,
        body=change_one_byte(B, "Weekly sync", "Weekly sunc"), headers=good, reproducible=False,
        expected="bad_signature")
    add(P, "timestamp-changed", "x-zm-request-timestamp changed (+1 s) after signing.", secrets=A, ts=T, body=B,
        headers=replace(good, TS, str(T + 1)), reproducible=False, expected="bad_signature")
    add(P, "truncated-signature", "Hex digest truncated by 2 characters.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, ts=T,
        body=B, headers=replace(good, SIG, "v0=" + mac.upper()), reproducible=False, expected="bad_signature")
    add(P, "stale", "Timestamp 301 s old: one second past the assumed inclusive edge.", secrets=A, ts=T - 301,
        body=B, expected="stale_timestamp")
    add(P, "future", "Timestamp 301 s in the future: one second past the assumed inclusive edge.", secrets=A,
        ts=T + 301, body=B, expected="future_timestamp")
    add(P, "malformed-timestamp", "x-zm-request-timestamp is not a number (the signature is valid over that text).",
        secrets=A, ts="2026-01-01T00:00:00Z", body=B, reproducible=False, expected="malformed_timestamp")


More("zoom", {"seconds": 300, "direction": "both", "edge": "inclusive"}, "x-zm-signature", zoom_sign, zoom_verify,
     zoom_cases, True)


# ---- twitch: Twitch-Eventsub-Message-Signature: sha256=<hex HMAC-SHA256 of id + timestamp + body>, RFC 3339
#      timestamp, 600 s, past only

TWITCH_A = "s3cRe7-hookcheck-twitch"
TWITCH_B = "another-subscription-secret-42"
TWITCH_WRONG = "not-the-subscription-secret"
TWITCH_ID = "befa7b53-d79d-478f-86b9-120f112b044e"
TWITCH_BODY = compact({"subscription": {
    "id": "f1c2a387-161a-49f9-a165-0f21d7a4e1c4", "status": "enabled", "type": "channel.follow", "version": "2",
    "cost": 0, "condition": {"broadcaster_user_id": "1337", "moderator_user_id": "1337"},
    "transport": {"method": "webhook", "callback": "https://example.com/webhooks/callback"},
    "created_at": "2025-12-31T00:00:00Z"}, "event": {
    "user_id": "1234", "user_login": "cool_user", "user_name": "Cool_User", "broadcaster_user_id": "1337",
    "broadcaster_user_login": "cooler_user", "broadcaster_user_name": "Cooler_User",
    "followed_at": "2026-01-01T00:00:00Z"}})
TWITCH_BODY_NON_ASCII = compact({"subscription": {"id": "f1c2a387-161a-49f9-a165-0f21d7a4e1c4", "type": "channel.update",
                                                  "version": "2"}, "event": {
    "broadcaster_user_id": "1337", "title": "Zoë joue à Celeste ✓ 日本語", "language": "fr"}})


def rfc3339(ts):
    import datetime
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_rfc3339(text):
    """Unix seconds of an RFC 3339 date and time (fraction dropped), or malformed_timestamp."""
    import datetime
    import re
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-]\d{2}:\d{2})", text)
    if not m:
        raise Reject("malformed_timestamp")
    y, mo, d, h, mi, s, z = m.groups()
    offset = 0 if z == "Z" else (1 if z[0] == "+" else -1) * (int(z[1:3]) * 3600 + int(z[4:6]) * 60)
    try:
        base = datetime.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), tzinfo=datetime.timezone.utc)
    except ValueError:
        raise Reject("malformed_timestamp")
    return int(base.timestamp()) - offset


def twitch_sign(ossl, secrets, msg_id, t, b):
    text = rfc3339(int(t)) if t.isdigit() else t
    mac = hmac_hex(secrets[0].encode("utf-8"), (msg_id + text).encode("utf-8") + b, hashlib.sha256)
    return {"Twitch-Eventsub-Message-Id": msg_id, "Twitch-Eventsub-Message-Timestamp": text,
            "Twitch-Eventsub-Message-Signature": "sha256=" + mac}


def twitch_verify(ossl, case, headers, secrets, body):
    sig = header(headers, "Twitch-Eventsub-Message-Signature")
    if sig is None:
        raise Reject("missing_header")
    msg_id = header(headers, "Twitch-Eventsub-Message-Id")
    if msg_id is None:
        raise Reject("missing_header")
    ts_text = header(headers, "Twitch-Eventsub-Message-Timestamp")
    if ts_text is None:
        raise Reject("missing_timestamp")
    value = prefixed_checks(sig, "sha256=")
    ts = parse_rfc3339(ts_text)
    msg = (msg_id + ts_text).encode("utf-8") + body
    if not any(same(hmac_hex(s.encode("utf-8"), msg, hashlib.sha256), value) for s in secrets):
        raise Reject("bad_signature")
    check_tolerance(ts, case["now"], case["tolerance"])


def twitch_cases(ossl, add):
    P, A, I, B = "twitch", [TWITCH_A], TWITCH_ID, TWITCH_BODY
    SIG, TS, ID = "Twitch-Eventsub-Message-Signature", "Twitch-Eventsub-Message-Timestamp", "Twitch-Eventsub-Message-Id"
    good = twitch_sign(ossl, A, I, str(T), B.encode())
    mac = good[SIG][len("sha256="):]

    def mac_over(ts_text, body=B, msg_id=I, secret=TWITCH_A):
        return hmac_hex(secret.encode(), (msg_id + ts_text).encode() + body.encode(), hashlib.sha256)

    add(P, "valid", "Valid signature over id + timestamp + body, timestamp equal to now.", secrets=A, msg_id=I, ts=T,
        body=B)
    add(P, "past-edge", "Timestamp exactly 600 s old: the inclusive edge of the 10-minute window is accepted.",
        secrets=A, msg_id=I, ts=T - 600, body=B)
    add(P, "future-accepted", "Timestamp one hour in the future: accepted, Twitch only asks to refuse messages older"
        " than 10 minutes.", secrets=A, msg_id=I, ts=T + 3600, body=B)
    add(P, "nanosecond-timestamp", "Timestamp with nanoseconds, as Twitch writes it; signed over that exact text.",
        secrets=A, msg_id=I, ts=T, body=B, reproducible=False,
        headers={ID: I, TS: "2026-01-01T00:00:00.634234626Z", SIG: "sha256=" + mac_over("2026-01-01T00:00:00.634234626Z")})
    add(P, "offset-timestamp", "Timestamp with a +01:00 offset (the same instant as now); signed over that exact text.",
        secrets=A, msg_id=I, ts=T, body=B, reproducible=False,
        headers={ID: I, TS: "2026-01-01T01:00:00+01:00", SIG: "sha256=" + mac_over("2026-01-01T01:00:00+01:00")})
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, msg_id=I, ts=T, body=TWITCH_BODY_NON_ASCII)
    add(P, "header-name-case", "Header names all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, msg_id=I, ts=T, body=B, reproducible=False,
        headers=rename(good, {SIG: SIG.lower(), TS: TS.lower(), ID: ID.lower()}))
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[TWITCH_WRONG, TWITCH_A], signing=A, msg_id=I, ts=T, body=B)
    add(P, "missing-signature-header", "No Twitch-Eventsub-Message-Signature header.", secrets=A, msg_id=I, ts=T,
        body=B, headers=drop(good, SIG), reproducible=False, expected="missing_header")
    add(P, "missing-id-header", "No Twitch-Eventsub-Message-Id header.", secrets=A, msg_id=I, ts=T,
        body=B, headers=drop(good, ID), reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "No Twitch-Eventsub-Message-Timestamp header.", secrets=A, msg_id=I, ts=T,
        body=B, headers=drop(good, TS), reproducible=False, expected="missing_timestamp")
    add(P, "empty-signature-header", "The signature header is present but empty.", secrets=A, msg_id=I, ts=T, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "The signature header is the bare hex digest without 'sha256='.", secrets=A,
        msg_id=I, ts=T, body=B, headers=replace(good, SIG, mac), reproducible=False, expected="malformed_header")
    add(P, "wrong-prefix", "The signature header says 'sha1=' (with the correct SHA-256 digest).", secrets=A,
        msg_id=I, ts=T, body=B, headers=replace(good, SIG, "sha1=" + mac), reproducible=False,
        expected="unsupported_version")
    add(P, "unix-seconds-timestamp", "Timestamp in unix seconds (signed over that text): not RFC 3339.", secrets=A,
        msg_id=I, ts=T, body=B, reproducible=False, expected="malformed_timestamp",
        headers={ID: I, TS: str(T), SIG: "sha256=" + mac_over(str(T))})
    add(P, "wrong-secret", "Signed with a different secret than the subscription's.",
        secrets=A, signing=[TWITCH_WRONG], msg_id=I, ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, msg_id=I, ts=T,
        body=change_one_byte(B, "cool_user", "cool_usex"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "id-changed", "Message id changed after signing: the id is signed.", secrets=A, msg_id=I, ts=T, body=B,
        headers=replace(good, ID, "befa7b53-d79d-478f-86b9-120f112b044f"), reproducible=False,
        expected="bad_signature")
    add(P, "timestamp-changed", "Timestamp changed (+1 s) after signing.", secrets=A, msg_id=I, ts=T, body=B,
        headers=replace(good, TS, rfc3339(T + 1)), reproducible=False, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, msg_id=I,
        ts=T, body=B, headers=replace(good, SIG, "sha256=" + mac.upper()), reproducible=False,
        expected="bad_signature")
    add(P, "stale", "Timestamp 601 s old: one second past the 10-minute window.", secrets=A, msg_id=I, ts=T - 601,
        body=B, expected="stale_timestamp")


More("twitch", {"seconds": 600, "direction": "past", "edge": "inclusive"}, "Twitch-Eventsub-Message-Signature",
     twitch_sign, twitch_verify, twitch_cases, True)


# ---- slack: X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{X-Slack-Request-Timestamp}:{body}">, 300 s, past
#      only (as @slack/events-api and Bolt: only stale timestamps are refused)

SLACK_A = "8f742231b10e8888abcd99fe2ab5c7d1"
SLACK_WRONG = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
SLACK_BODY = compact({"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl", "team_id": "T0HCKCHK01", "api_app_id": "A0HCKCHK01",
                      "event": {"type": "app_mention", "user": "U0ANALIMA1", "text": "<@U0BOTUSER01> status?",
                                "ts": "1767225600.000100", "channel": "C0DEPLOYS1", "event_ts": "1767225600.000100"},
                      "type": "event_callback", "event_id": "Ev0PV52K25", "event_time": T})
SLACK_BODY_NON_ASCII = compact({"type": "event_callback", "event_id": "Ev0PV52K27", "event_time": T,
                                "event": {"type": "message", "text": "Olá, Zoë ✓ 日本", "channel": "C0DEPLOYS1"}})
# Slack's "Verifying requests from Slack" example (a slash command), with the signature it publishes.
SLACK_DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SLACK_DOC_TS = 1531420618
SLACK_DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
SLACK_DOC_BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                  "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                  "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                  "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")


def slack_sign(ossl, secrets, msg_id, t, b):
    mac = hmac_hex(secrets[0].encode("utf-8"), ("v0:%s:" % t).encode("utf-8") + b, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": t, "X-Slack-Signature": "v0=" + mac}


def slack_verify(ossl, case, headers, secrets, body):
    sig = header(headers, "X-Slack-Signature")
    if sig is None:
        raise Reject("missing_header")
    ts_text = header(headers, "X-Slack-Request-Timestamp")
    if ts_text is None:
        raise Reject("missing_timestamp")
    value = prefixed_checks(sig, "v0=")
    ts = parse_header_timestamp(ts_text)
    msg = ("v0:%s:" % ts_text).encode("utf-8") + body
    if not any(same(hmac_hex(s.encode("utf-8"), msg, hashlib.sha256), value) for s in secrets):
        raise Reject("bad_signature")
    check_tolerance(ts, case["now"], case["tolerance"])


def slack_cases(ossl, add):
    P, A, B = "slack", [SLACK_A], SLACK_BODY
    SIG, TS = "X-Slack-Signature", "X-Slack-Request-Timestamp"
    doc = slack_sign(ossl, [SLACK_DOC_SECRET], None, str(SLACK_DOC_TS), SLACK_DOC_BODY.encode())
    if doc[SIG] != SLACK_DOC_SIGNATURE:
        raise RuntimeError("Slack's documented example does not reproduce")
    good = slack_sign(ossl, A, None, str(T), B.encode())
    mac = good[SIG][len("v0="):]
    add(P, "reference", "Slack's documented example (Verifying requests from Slack): a slash-command body, its"
        " timestamp and the signature Slack publishes; must be accepted.", secrets=[SLACK_DOC_SECRET],
        ts=SLACK_DOC_TS, now=SLACK_DOC_TS, body=SLACK_DOC_BODY)
    add(P, "valid", "Valid v0 signature, timestamp equal to now.", secrets=A, ts=T, body=B)
    add(P, "past-edge", "Timestamp exactly 300 s old: the inclusive edge is accepted.", secrets=A, ts=T - 300, body=B)
    add(P, "future-accepted", "Timestamp 600 s in the future: Slack's libraries refuse only stale ones, accepted.",
        secrets=A, ts=T + 600, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, ts=T, body=SLACK_BODY_NON_ASCII)
    add(P, "header-name-case", "Header names in lower case; header lookup is case-insensitive, so accepted.",
        secrets=A, ts=T, body=B, reproducible=False, headers=rename(good, {SIG: SIG.lower(), TS: TS.lower()}))
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[SLACK_WRONG, SLACK_A], signing=A, ts=T, body=B)
    add(P, "missing-signature-header", "No X-Slack-Signature header.", secrets=A, ts=T, body=B,
        headers=drop(good, SIG), reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "No X-Slack-Request-Timestamp header (it is part of the signed content).",
        secrets=A, ts=T, body=B, headers=drop(good, TS), reproducible=False, expected="missing_timestamp")
    add(P, "empty-signature-header", "X-Slack-Signature present but empty.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "X-Slack-Signature is the bare hex digest without 'v0='.", secrets=A, ts=T,
        body=B, headers=replace(good, SIG, mac), reproducible=False, expected="malformed_header")
    add(P, "unsupported-version", "X-Slack-Signature is 'v1=' + the right digest: only v0 exists.", secrets=A, ts=T,
        body=B, headers=replace(good, SIG, "v1=" + mac), reproducible=False, expected="unsupported_version")
    add(P, "wrong-secret", "Signed with a different signing secret than the verifier's.", secrets=A,
        signing=[SLACK_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, ts=T,
        body=change_one_byte(B, "Ev0PV52K25", "Ev0PV52K26"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "timestamp-changed", "X-Slack-Request-Timestamp changed (+1 s) after signing.", secrets=A, ts=T, body=B,
        headers=replace(good, TS, str(T + 1)), reproducible=False, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, ts=T,
        body=B, headers=replace(good, SIG, "v0=" + mac.upper()), reproducible=False, expected="bad_signature")
    add(P, "stale", "Timestamp 301 s old: one second past the inclusive edge.", secrets=A, ts=T - 301, body=B,
        expected="stale_timestamp")
    add(P, "malformed-timestamp", "X-Slack-Request-Timestamp is not a number (the signature is valid over that"
        " text).", secrets=A, ts="2026-01-01T00:00:00Z", body=B, reproducible=False, expected="malformed_timestamp")


More("slack", {"seconds": 300, "direction": "past", "edge": "inclusive"}, "X-Slack-Signature", slack_sign,
     slack_verify, slack_cases, True)


# ---- pagerduty: X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the body>[,v1=<hex>…] (one per secret during a
#      rotation), no timestamp

PD_A = "lYyYq5mCJ9bH2kT0vWxN8pZr3sDgE7uFaQ1oLc4iKjM6nRtS0VhBwXeY5zUdGfA2"
PD_B = "Nq8sV2xR5tZ0wK3mB7cH1jL4pD9fG6aE2uY8iO5rT3eW0qA7sD4fG1hJ6kL9zX2c"
PD_WRONG = "Zx9cV8bN7mA6sD5fG4hJ3kL2qW1eR0tY9uI8oP7aS6dF5gH4jK3lZ2xC1vB0nM9q"
PD_BODY = compact({"event": {
    "id": "5ac64822-4adc-4fda-ade0-410becf0de4f", "event_type": "incident.triggered", "resource_type": "incident",
    "occurred_at": "2026-01-01T00:00:00.000Z", "agent": {
        "html_url": "https://acme.pagerduty.com/users/PXPGF42", "id": "PXPGF42",
        "self": "https://api.pagerduty.com/users/PXPGF42", "summary": "Earline Greenholt", "type": "user_reference"},
    "client": None, "data": {
        "id": "Q2ZCVQ8XKQ6XU", "type": "incident", "self": "https://api.pagerduty.com/incidents/Q2ZCVQ8XKQ6XU",
        "html_url": "https://acme.pagerduty.com/incidents/Q2ZCVQ8XKQ6XU", "number": 1234, "status": "triggered",
        "incident_key": "baf7cf21b1da41b4b0221008339ff357", "created_at": "2026-01-01T00:00:00Z",
        "title": "The server is on fire.", "urgency": "high"}}})
PD_BODY_NON_ASCII = compact({"event": {
    "id": "8f1d6a2e-93c4-4b7a-9e0f-2c5d7b1a4e36", "event_type": "incident.annotated", "resource_type": "incident",
    "occurred_at": "2026-01-01T00:00:00.000Z", "data": {"incident": {"id": "Q2ZCVQ8XKQ6XU", "type": "incident_reference"},
                                                   "content": "Zoë: redémarré ✓ 日本リージョン", "type": "incident_note"}}})


def pagerduty_sign(ossl, secrets, msg_id, t, b):
    return {"X-PagerDuty-Signature": ",".join("v1=" + hmac_hex(s.encode("utf-8"), b, hashlib.sha256) for s in secrets)}


def pagerduty_verify(ossl, case, headers, secrets, body):
    sig = header(headers, "X-PagerDuty-Signature")
    if sig is None:
        raise Reject("missing_header")
    if sig.strip() == "":
        raise Reject("malformed_header")
    items = []
    for item in sig.split(","):
        item = item.strip()
        if "=" not in item or item.startswith("="):
            raise Reject("malformed_header")
        items.append(item.split("=", 1))
    v1 = [v for k, v in items if k == "v1"]
    if not v1:
        raise Reject("unsupported_version")
    expected = [hmac_hex(s.encode("utf-8"), body, hashlib.sha256) for s in secrets]
    if not any(same(e, v) for e in expected for v in v1):
        raise Reject("bad_signature")


def pagerduty_cases(ossl, add):
    P, A, B = "pagerduty", [PD_A], PD_BODY
    SIG = "X-PagerDuty-Signature"
    good = pagerduty_sign(ossl, A, None, None, B.encode())
    mac = good[SIG][len("v1="):]
    wrong = hmac_hex(PD_WRONG.encode(), B.encode(), hashlib.sha256)
    add(P, "valid", "Valid v1 signature of the body.", secrets=A, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.", secrets=A,
        body=PD_BODY_NON_ASCII)
    add(P, "rotation-valid-first", "Two v1 items (secret rotation); the first is made with the verification secret.",
        secrets=A, signing=[PD_A, PD_B], body=B)
    add(P, "rotation-valid-last", "Two v1 items (secret rotation); only the last is made with the verification secret.",
        secrets=A, signing=[PD_B, PD_A], body=B)
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[PD_WRONG, PD_A], signing=A, body=B)
    add(P, "missing-signature-header", "No X-PagerDuty-Signature header.", secrets=A, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "X-PagerDuty-Signature present but empty.", secrets=A, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "X-PagerDuty-Signature is the bare hex digest (an item without '=').",
        secrets=A, body=B, headers=replace(good, SIG, mac), reproducible=False, expected="malformed_header")
    add(P, "unsupported-version", "Only a v2 item (carrying the correct HMAC), no v1.", secrets=A, body=B,
        headers=replace(good, SIG, "v2=" + mac), reproducible=False, expected="unsupported_version")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.", secrets=A, signing=[PD_WRONG],
        body=B, expected="bad_signature")
    add(P, "several-none-valid", "Two v1 items, neither made with the verification secret.", secrets=A,
        signing=[PD_B, PD_WRONG], body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A,
        body=change_one_byte(B, "on fire.", "on fire!"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "truncated-signature", "v1 hex digest truncated by 2 characters.", secrets=A, body=B,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, body=B,
        headers=replace(good, SIG, "v1=" + mac.upper()), reproducible=False, expected="bad_signature")
    add(P, "downgrade", "An invalid v1 item beside a v0 item carrying the correct HMAC: only v1 counts.", secrets=A,
        body=B, headers=replace(good, SIG, "v1=%s,v0=%s" % (wrong, mac)), reproducible=False, expected="bad_signature")


More("pagerduty", {"seconds": 0, "direction": "none", "edge": "inclusive"}, "X-PagerDuty-Signature", pagerduty_sign,
     pagerduty_verify, pagerduty_cases, False)


# ---- intercom: X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>, keyed with the app's client secret; no timestamp

IC_A = "6f1a2b3c-4d5e-4f60-a718-293a4b5c6d7e"
IC_B = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"
IC_WRONG = "ffffffff-0000-4000-8000-123456789abc"
IC_BODY = compact({"type": "notification_event", "app_id": "abc12def", "data": {
    "type": "notification_event_data", "item": {
        "type": "conversation", "id": "147000000012345", "created_at": T, "updated_at": T, "state": "open",
        "open": True, "source": {"type": "conversation", "delivered_as": "customer_initiated",
                                 "body": "<p>How do I export my invoices as CSV?</p>"}}},
    "links": {}, "id": "notif_4e3504a3ba3f46dcab488e4d5bdfdf4e", "topic": "conversation.user.created",
    "delivery_status": "pending", "delivery_attempts": 1, "delivered_at": 0, "first_sent_at": T, "created_at": T,
    "self": None})
IC_BODY_NON_ASCII = compact({"type": "notification_event", "app_id": "abc12def", "data": {
    "type": "notification_event_data", "item": {"type": "contact", "id": "65a1b2c3d4e5f60718293a4b",
                                                "name": "Zoë Martin ✓ 日本", "role": "lead"}},
    "id": "notif_9f8e7d6c5b4a39281706f5e4d3c2b1a0", "topic": "contact.lead.created", "created_at": T})


def intercom_sign(ossl, secrets, msg_id, t, b):
    return {"X-Hub-Signature": "sha1=" + hmac_hex(secrets[0].encode("utf-8"), b, hashlib.sha1)}


def intercom_verify(ossl, case, headers, secrets, body):
    sig = header(headers, "X-Hub-Signature")
    if sig is None:
        raise Reject("missing_header")
    value = prefixed_checks(sig, "sha1=")
    if not any(same(hmac_hex(s.encode("utf-8"), body, hashlib.sha1), value) for s in secrets):
        raise Reject("bad_signature")


def intercom_cases(ossl, add):
    P, A, B = "intercom", [IC_A], IC_BODY
    SIG = "X-Hub-Signature"
    good = intercom_sign(ossl, A, None, None, B.encode())
    mac = good[SIG][len("sha1="):]
    add(P, "valid", "Valid sha1 signature of the body.", secrets=A, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.", secrets=A,
        body=IC_BODY_NON_ASCII)
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[IC_WRONG, IC_A], signing=A, body=B)
    add(P, "missing-signature-header", "No X-Hub-Signature header.", secrets=A, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "X-Hub-Signature present but empty.", secrets=A, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "X-Hub-Signature is the bare hex digest without 'sha1='.", secrets=A, body=B,
        headers=replace(good, SIG, mac), reproducible=False, expected="malformed_header")
    add(P, "sha256-prefix", "X-Hub-Signature says 'sha256=' (with the correct SHA-1 digest): only sha1 is known.",
        secrets=A, body=B, headers=replace(good, SIG, "sha256=" + mac), reproducible=False,
        expected="unsupported_version")
    add(P, "wrong-secret", "Signed with a different client secret than the verifier's.", secrets=A,
        signing=[IC_WRONG], body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A,
        body=change_one_byte(B, "as CSV?", "as CSV!"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "sha256-digest", "The body's HMAC-SHA256 under the sha1= prefix: the wrong algorithm.", secrets=A, body=B,
        headers=replace(good, SIG, "sha1=" + hmac_hex(IC_A.encode(), B.encode(), hashlib.sha256)), reproducible=False,
        expected="bad_signature")
    add(P, "truncated-signature", "Hex digest truncated by 2 characters.", secrets=A, body=B,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, body=B,
        headers=replace(good, SIG, "sha1=" + mac.upper()), reproducible=False, expected="bad_signature")


More("intercom", {"seconds": 0, "direction": "none", "edge": "inclusive"}, "X-Hub-Signature", intercom_sign,
     intercom_verify, intercom_cases, False)


# ---- box: BOX-SIGNATURE-PRIMARY / -SECONDARY: base64 HMAC-SHA256 of the body bytes then the BOX-DELIVERY-TIMESTAMP
#      bytes (RFC 3339), with the primary / secondary key; BOX-SIGNATURE-VERSION 1, BOX-SIGNATURE-ALGORITHM
#      HmacSHA256; 600 s both ways (Box's SDKs: older than 10 minutes is refused)

BOX_A = "SamplePrimaryKeyAbcdefgh12345678"
BOX_B = "NewPrimaryKeyQrstuvwx9876543210z"
BOX_WRONG = "NotTheAppsKeyMnopqrstu123456789a"
BOX_BODY = compact({
    "type": "webhook_event", "id": "eb0c4e06-751f-442c-86f8-fd5bb404dbec", "created_at": "2025-12-31T16:00:00-08:00",
    "trigger": "FILE.UPLOADED", "webhook": {"id": "11446498", "type": "webhook"},
    "created_by": {"type": "user", "id": "2030388321", "name": "Aaron Levie", "login": "aaron.levie@example.com"},
    "source": {"id": "1445763217321", "type": "file", "sequence_id": "0", "etag": "0",
               "sha1": "c4ee6fda2e8ab4fe5fb7a5b0d7a0c1f24e8e5cf1", "name": "Q3 Board Deck.pptx", "size": 4183122,
               "parent": {"type": "folder", "id": "2109238732", "sequence_id": "1", "etag": "1", "name": "Finance"},
               "item_status": "active"},
    "additional_info": []})
BOX_BODY_NON_ASCII = compact({
    "type": "webhook_event", "id": "0f46a6ca-86bf-44ab-8cf5-f08e1e02876b", "created_at": "2025-12-31T16:00:00-08:00",
    "trigger": "FILE.RENAMED", "webhook": {"id": "11446498", "type": "webhook"},
    "source": {"id": "1445763217321", "type": "file", "name": "Überblick – Zoë ✓ 日本語.docx"}, "additional_info": []})
BOX_SIGS = ("BOX-SIGNATURE-PRIMARY", "BOX-SIGNATURE-SECONDARY")
BOX_TS, BOX_VERSION, BOX_ALGORITHM = "BOX-DELIVERY-TIMESTAMP", "BOX-SIGNATURE-VERSION", "BOX-SIGNATURE-ALGORITHM"


def pacific(ts):
    """RFC 3339 seconds in Box's Pacific time: -07:00 from the second Sunday of March 02:00 PST to the first Sunday
    of November 02:00 PDT, -08:00 otherwise (the US rule since 2007), computed here without a time zone database."""
    import datetime
    year = datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).year

    def sunday(month, nth):
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))

    utc = datetime.timezone.utc
    start = int(datetime.datetime.combine(sunday(3, 2), datetime.time(10), utc).timestamp())  # 02:00 PST
    end = int(datetime.datetime.combine(sunday(11, 1), datetime.time(9), utc).timestamp())  # 02:00 PDT
    hours = -7 if start <= ts < end else -8
    local = datetime.datetime.fromtimestamp(ts + hours * 3600, utc)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + "-%02d:00" % -hours


def box_mac(secret, body, ts_text):
    return b64(hmac.new(secret.encode("utf-8"), body + ts_text.encode("utf-8"), hashlib.sha256).digest())


def box_sign(ossl, secrets, msg_id, t, b):
    text = pacific(int(t)) if t.isdigit() else t
    headers = {BOX_TS: text, BOX_SIGS[0]: box_mac(secrets[0], b, text)}
    if len(secrets) > 1:
        headers[BOX_SIGS[1]] = box_mac(secrets[1], b, text)
    headers[BOX_VERSION] = "1"
    headers[BOX_ALGORITHM] = "HmacSHA256"
    return headers


def box_verify(ossl, case, headers, secrets, body):
    sigs = [header(headers, h) for h in BOX_SIGS if header(headers, h) is not None]
    if not sigs:
        raise Reject("missing_header")
    ts_text = header(headers, BOX_TS)
    if ts_text is None:
        raise Reject("missing_timestamp")
    version, algorithm = header(headers, BOX_VERSION), header(headers, BOX_ALGORITHM)
    if version is None or algorithm is None:
        raise Reject("missing_header")
    if any(s.strip() == "" or strict_b64decode(s.strip()) is None for s in sigs):
        raise Reject("malformed_header")
    if version.strip() != "1" or algorithm.strip() != "HmacSHA256":
        raise Reject("unsupported_version")
    ts = parse_rfc3339(ts_text)
    if not any(same(box_mac(k, body, ts_text), s.strip()) for k in secrets for s in sigs):
        raise Reject("bad_signature")
    check_tolerance(ts, case["now"], case["tolerance"])


def box_cases(ossl, add):
    P, A, B = "box", [BOX_A], BOX_BODY
    PRIMARY, SECONDARY = BOX_SIGS
    good = box_sign(ossl, A, None, str(T), B.encode())
    both = box_sign(ossl, [BOX_B, BOX_A], None, str(T), B.encode())
    if pacific(T) != "2025-12-31T16:00:00-08:00" or pacific(1782864000) != "2026-06-30T17:00:00-07:00":
        raise RuntimeError("pacific() is wrong")
    add(P, "valid", "Valid BOX-SIGNATURE-PRIMARY over the body then the timestamp text, timestamp equal to now.",
        secrets=A, ts=T, body=B)
    add(P, "summer-time", "Timestamp in Pacific daylight time (-07:00), as Box writes it in summer.", secrets=A,
        ts=1782864000, now=1782864000, body=B)
    add(P, "rotation-secondary-matches", "Signed with a new primary key and the old secondary key; the receiver still"
        " holds only the old one, which matches BOX-SIGNATURE-SECONDARY.", secrets=A, signing=[BOX_B, BOX_A], ts=T,
        body=B)
    add(P, "second-secret-matches", "Two verification keys; the signature matches only the second one.",
        secrets=[BOX_WRONG, BOX_A], signing=A, ts=T, body=B)
    add(P, "secondary-only", "Only BOX-SIGNATURE-SECONDARY is sent, and it matches the receiver's key.", secrets=A,
        ts=T, body=B, headers=drop(both, PRIMARY), reproducible=False)
    add(P, "utc-timestamp", "Timestamp written in UTC with Z (the same instant); signed over that exact text.",
        secrets=A, ts=T, body=B, reproducible=False,
        headers=dict(good, **{BOX_TS: "2026-01-01T00:00:00Z", PRIMARY: box_mac(BOX_A, B.encode(), "2026-01-01T00:00:00Z")}))
    add(P, "past-edge", "Timestamp exactly 600 s old: the inclusive edge of the 10-minute window is accepted.",
        secrets=A, ts=T - 600, body=B)
    add(P, "future-edge", "Timestamp exactly 600 s in the future: within the window, accepted.", secrets=A,
        ts=T + 600, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.",
        secrets=A, ts=T, body=BOX_BODY_NON_ASCII)
    add(P, "header-name-case", "Header names all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, ts=T, body=B, reproducible=False, headers={k.lower(): v for k, v in good.items()})
    add(P, "missing-signature-headers", "Neither BOX-SIGNATURE-PRIMARY nor BOX-SIGNATURE-SECONDARY.", secrets=A, ts=T,
        body=B, headers=drop(good, PRIMARY), reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "No BOX-DELIVERY-TIMESTAMP header.", secrets=A, ts=T, body=B,
        headers=drop(good, BOX_TS), reproducible=False, expected="missing_timestamp")
    add(P, "missing-version", "No BOX-SIGNATURE-VERSION header.", secrets=A, ts=T, body=B,
        headers=drop(good, BOX_VERSION), reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "BOX-SIGNATURE-PRIMARY present but empty.", secrets=A, ts=T, body=B,
        headers=replace(good, PRIMARY, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "BOX-SIGNATURE-PRIMARY is the digest in hex, not base64.", secrets=A, ts=T,
        body=B, reproducible=False, expected="malformed_header", headers=replace(good, PRIMARY, hmac_hex(
            BOX_A.encode(), B.encode() + pacific(T).encode(), hashlib.sha256) + "!"))
    add(P, "unknown-version", "BOX-SIGNATURE-VERSION 2 (with a correct version-1 signature).", secrets=A, ts=T,
        body=B, headers=replace(good, BOX_VERSION, "2"), reproducible=False, expected="unsupported_version")
    add(P, "unknown-algorithm", "BOX-SIGNATURE-ALGORITHM HmacSHA1 (with a correct HMAC-SHA256 signature).", secrets=A,
        ts=T, body=B, headers=replace(good, BOX_ALGORITHM, "HmacSHA1"), reproducible=False,
        expected="unsupported_version")
    add(P, "unix-seconds-timestamp", "Timestamp in unix seconds (signed over that text): not RFC 3339.", secrets=A,
        ts=T, body=B, reproducible=False, expected="malformed_timestamp",
        headers=dict(good, **{BOX_TS: str(T), PRIMARY: box_mac(BOX_A, B.encode(), str(T))}))
    add(P, "wrong-secret", "Signed with a key that is not the receiver's.", secrets=A, signing=[BOX_WRONG], ts=T,
        body=B, expected="bad_signature")
    add(P, "both-keys-wrong", "Primary and secondary both signed with keys the receiver does not hold.", secrets=A,
        signing=[BOX_WRONG, BOX_B], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, ts=T,
        body=change_one_byte(B, "Board Deck", "Board Decc"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "timestamp-changed", "Timestamp changed (+1 s) after signing.", secrets=A, ts=T, body=B,
        headers=replace(good, BOX_TS, pacific(T + 1)), reproducible=False, expected="bad_signature")
    add(P, "body-only-signature", "Signature over the body alone, without the timestamp.", secrets=A, ts=T, body=B,
        reproducible=False, expected="bad_signature", headers=replace(good, PRIMARY, b64(hmac.new(
            BOX_A.encode(), B.encode(), hashlib.sha256).digest())))
    add(P, "stale", "Timestamp 601 s old: one second past the 10-minute window.", secrets=A, ts=T - 601, body=B,
        expected="stale_timestamp")
    add(P, "future", "Timestamp 601 s in the future: past the window.", secrets=A, ts=T + 601, body=B,
        expected="future_timestamp")


More("box", {"seconds": 600, "direction": "both", "edge": "inclusive"}, "BOX-SIGNATURE-PRIMARY",
     box_sign, box_verify, box_cases, True)


# ---- paddle: Paddle-Signature: ts=<unix>;h1=<hex HMAC-SHA256 of "{ts}:{body}">[;h1=<hex>…] (one h1 per secret
#      during a rotation), keyed with the destination's secret key text; 5 s, past only (@paddle/paddle-node-sdk)

PADDLE_A = "pdl_ntfset_01kzs8x7p7a8er7bt2cnpdmk3r_SRqrTzb6TOX3nJ7Iiv+4UVRbFjEYc+4l"
PADDLE_B = "pdl_ntfset_01j5h2c9m4q8r7t6v3w2x1y0za_Qm7Tn2Vp8Xr4Zs6Bu0Cw3Dy5Ea9Fb1Gc"
PADDLE_WRONG = "pdl_ntfset_01hzzzzzzzzzzzzzzzzzzzzzzz_AAAAbbbbCCCCddddEEEEffffGGGGhhhh"
PADDLE_BODY = compact({"event_id": "evt_01hv8x2a3b4c5d6e7f8g9h0jkm", "event_type": "subscription.activated",
                       "occurred_at": "2026-01-01T00:00:00.000000Z", "notification_id": "ntf_01hv8x2a3b4c5d6e7f8g9h0jkn",
                       "data": {"id": "sub_01hv8x0a1b2c3d4e5f6g7h8j9k", "status": "active",
                                "customer_id": "ctm_01hv7zyx9w8v7t6s5r4q3p2n1m", "currency_code": "USD",
                                "collection_mode": "automatic", "billing_cycle": {"interval": "month", "frequency": 1},
                                "items": [{"status": "active", "quantity": 1, "price": {
                                    "id": "pri_01hv7aaaabbbbccccddddeeeef", "unit_price": {
                                        "amount": "3000", "currency_code": "USD"}}}]}})
PADDLE_BODY_NON_ASCII = compact({"event_id": "evt_01hv8y0000000000000000000a", "event_type": "customer.created",
                                 "occurred_at": "2026-01-01T00:00:00.000000Z",
                                 "notification_id": "ntf_01hv8y0000000000000000000b",
                                 "data": {"id": "ctm_01hv8y0000000000000000000c", "name": "Zoë Café ✓ 日本",
                                          "email": "zoe@example.com", "status": "active", "locale": "fr"}})


def paddle_mac(secret, ts_text, body):
    return hmac_hex(secret.encode("utf-8"), ("%s:" % ts_text).encode("utf-8") + body, hashlib.sha256)


def paddle_sign(ossl, secrets, msg_id, t, b):
    return {"Paddle-Signature": ";".join(["ts=%s" % t] + ["h1=" + paddle_mac(s, t, b) for s in secrets])}


def paddle_verify(ossl, case, headers, secrets, body):
    sig = header(headers, "Paddle-Signature")
    if sig is None:
        raise Reject("missing_header")
    if sig.strip() == "":
        raise Reject("malformed_header")
    ts_text, h1 = None, []
    for item in sig.split(";"):
        item = item.strip()
        if "=" not in item or item.startswith("="):
            raise Reject("malformed_header")
        key, value = item.split("=", 1)
        if key == "ts":
            ts_text = value if ts_text is None else ts_text
        elif key == "h1":
            h1.append(value)
    if not h1:
        raise Reject("unsupported_version")
    if ts_text is None:
        raise Reject("missing_timestamp")
    ts = parse_header_timestamp(ts_text)
    expected = [paddle_mac(s, ts_text, body) for s in secrets]
    if not any(same(e, v) for e in expected for v in h1):
        raise Reject("bad_signature")
    check_tolerance(ts, case["now"], case["tolerance"])


def paddle_cases(ossl, add):
    P, A, B = "paddle", [PADDLE_A], PADDLE_BODY
    SIG = "Paddle-Signature"
    good = paddle_sign(ossl, A, None, str(T), B.encode())
    mac = paddle_mac(PADDLE_A, str(T), B.encode())
    wrong = paddle_mac(PADDLE_WRONG, str(T), B.encode())
    add(P, "valid", "Valid h1 signature of \"{ts}:{body}\", ts equal to now.", secrets=A, ts=T, body=B)
    add(P, "past-edge", "ts exactly 5 s old: the inclusive edge is accepted.", secrets=A, ts=T - 5, body=B)
    add(P, "future-accepted", "ts 600 s in the future: the SDK refuses only stale ones, accepted.", secrets=A,
        ts=T + 600, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.", secrets=A,
        ts=T, body=PADDLE_BODY_NON_ASCII)
    add(P, "rotation-valid-first", "Two h1 items (secret key rotation); the first is made with the verification"
        " secret.", secrets=A, signing=[PADDLE_A, PADDLE_B], ts=T, body=B)
    add(P, "rotation-valid-last", "Two h1 items (secret key rotation); only the last is made with the verification"
        " secret.", secrets=A, signing=[PADDLE_B, PADDLE_A], ts=T, body=B)
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, ts=T, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[PADDLE_WRONG, PADDLE_A], signing=A, ts=T, body=B)
    add(P, "missing-signature-header", "No Paddle-Signature header.", secrets=A, ts=T, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "Paddle-Signature present but empty.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "garbled-signature-header", "Paddle-Signature is the bare hex digest (an item without '=').", secrets=A,
        ts=T, body=B, headers=replace(good, SIG, mac), reproducible=False, expected="malformed_header")
    add(P, "comma-separated", "The items separated by ',' instead of ';': one item, whose ts value swallows the rest,"
        " so there is no h1.", secrets=A, ts=T, body=B, headers=replace(good, SIG, good[SIG].replace(";", ",")),
        reproducible=False, expected="unsupported_version")
    add(P, "missing-timestamp", "Paddle-Signature has h1 but no ts item.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, "h1=" + mac), reproducible=False, expected="missing_timestamp")
    add(P, "unsupported-version", "Only an h2 item (carrying the correct HMAC), no h1.", secrets=A, ts=T, body=B,
        headers=replace(good, SIG, "ts=%d;h2=%s" % (T, mac)), reproducible=False, expected="unsupported_version")
    add(P, "wrong-secret", "Signed with a different secret key than the verifier's.", secrets=A,
        signing=[PADDLE_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "several-none-valid", "Two h1 items, neither made with the verification secret.", secrets=A,
        signing=[PADDLE_B, PADDLE_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A, ts=T,
        body=change_one_byte(B, "\"3000\"", "\"3001\""), headers=good, reproducible=False, expected="bad_signature")
    add(P, "timestamp-changed", "ts changed (+1 s) after signing: it is signed with the body.", secrets=A, ts=T,
        body=B, headers=replace(good, SIG, "ts=%d;h1=%s" % (T + 1, mac)), reproducible=False,
        expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, ts=T,
        body=B, headers=replace(good, SIG, "ts=%d;h1=%s" % (T, mac.upper())), reproducible=False,
        expected="bad_signature")
    add(P, "downgrade", "An invalid h1 item beside an h0 item carrying the correct HMAC: only h1 counts.", secrets=A,
        ts=T, body=B, headers=replace(good, SIG, "ts=%d;h1=%s;h0=%s" % (T, wrong, mac)), reproducible=False,
        expected="bad_signature")
    add(P, "stale", "ts 6 s old: one second past the inclusive 5 s edge.", secrets=A, ts=T - 6, body=B,
        expected="stale_timestamp")
    add(P, "malformed-timestamp", "ts is not a number (the signature is valid over that text).", secrets=A,
        ts="2026-01-01T00:00:00Z", body=B, reproducible=False, expected="malformed_timestamp")


More("paddle", {"seconds": 5, "direction": "past", "edge": "inclusive"}, "Paddle-Signature", paddle_sign,
     paddle_verify, paddle_cases, True)


# ---- dropbox: X-Dropbox-Signature: <hex HMAC-SHA256 of the body>, keyed with the app secret; no timestamp

DBX_A = "k3h9x2m7q4w8z1p"
DBX_B = "a0b1c2d3e4f5g6h"
DBX_WRONG = "zzzzzzzzzzzzzzz"
DBX_BODY = compact({"list_folder": {"accounts": ["dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc"]},
                    "delta": {"users": [12345678]}})
DBX_BODY_NON_ASCII = compact({"list_folder": {"accounts": ["dbid:AAZoë✓日本"]}, "delta": {"users": [7]}})


def bare_hex_sign(name):
    """A signer whose header is the bare hex HMAC-SHA256 of the body, keyed with the secret's text."""
    return lambda ossl, secrets, msg_id, t, b: {name: hmac_hex(secrets[0].encode("utf-8"), b, hashlib.sha256)}


def bare_hex_check(headers, name, secrets, body):
    """The checks of such a header: present, not empty, the HMAC of one of the secrets."""
    sig = header(headers, name)
    if sig is None:
        raise Reject("missing_header")
    if sig.strip() == "":
        raise Reject("malformed_header")
    if not any(same(hmac_hex(s.encode("utf-8"), body, hashlib.sha256), sig.strip()) for s in secrets):
        raise Reject("bad_signature")


dropbox_sign = bare_hex_sign("X-Dropbox-Signature")


def dropbox_verify(ossl, case, headers, secrets, body):
    bare_hex_check(headers, "X-Dropbox-Signature", secrets, body)


def dropbox_cases(ossl, add):
    P, A, B = "dropbox", [DBX_A], DBX_BODY
    SIG = "X-Dropbox-Signature"
    good = dropbox_sign(ossl, A, None, None, B.encode())
    mac = good[SIG]
    add(P, "valid", "Valid hex HMAC-SHA256 of the body.", secrets=A, body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.", secrets=A,
        body=DBX_BODY_NON_ASCII)
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, body=B, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[DBX_WRONG, DBX_A], signing=A, body=B)
    add(P, "missing-signature-header", "No X-Dropbox-Signature header.", secrets=A, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "X-Dropbox-Signature present but empty.", secrets=A, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different app secret than the verifier's.", secrets=A,
        signing=[DBX_WRONG], body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A,
        body=change_one_byte(B, "12345678", "12345679"), headers=good, reproducible=False, expected="bad_signature")
    add(P, "sha1-digest", "The body's HMAC-SHA1: the wrong algorithm.", secrets=A, body=B,
        headers=replace(good, SIG, hmac_hex(DBX_A.encode(), B.encode(), hashlib.sha1)), reproducible=False,
        expected="bad_signature")
    add(P, "truncated-signature", "Hex digest truncated by 2 characters.", secrets=A, body=B,
        headers=replace(good, SIG, mac[:-2]), reproducible=False, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, body=B,
        headers=replace(good, SIG, mac.upper()), reproducible=False, expected="bad_signature")


More("dropbox", {"seconds": 0, "direction": "none", "edge": "inclusive"}, "X-Dropbox-Signature", dropbox_sign,
     dropbox_verify, dropbox_cases, False)


# ---- sendgrid: X-Twilio-Email-Event-Webhook-Signature: base64 DER ECDSA P-256/SHA-256 of
#      "{X-Twilio-Email-Event-Webhook-Timestamp}{body}"; the receiver holds the public key (base64 DER SPKI), the
#      signer a base64 DER PKCS#8 key. Signing here is pure Python (RFC 6979 nonces, so cases reproduce);
#      every verdict and every public key comes from the openssl command.

SG_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff
SG_A = SG_P - 3
SG_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
SG_G = (0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
        0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5)
SG_PKCS8 = bytes.fromhex("3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420")
SG_SPKI = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200")
SG_SIG, SG_TS = "X-Twilio-Email-Event-Webhook-Signature", "X-Twilio-Email-Event-Webhook-Timestamp"


def sg_add(p1, p2):
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1), (x2, y2) = p1, p2
    if x1 == x2 and (y1 + y2) % SG_P == 0:
        return None
    if p1 == p2:
        m = (3 * x1 * x1 + SG_A) * pow(2 * y1, -1, SG_P) % SG_P
    else:
        m = (y2 - y1) * pow(x2 - x1, -1, SG_P) % SG_P
    x3 = (m * m - x1 - x2) % SG_P
    return x3, (m * (x1 - x3) - y1) % SG_P


def sg_mul(k, point=SG_G):
    result = None
    while k:
        if k & 1:
            result = sg_add(result, point)
        point = sg_add(point, point)
        k >>= 1
    return result


def sg_key(d):
    """The signing key of private value d: base64 DER PKCS#8."""
    return b64(SG_PKCS8 + d.to_bytes(32, "big"))


def sg_private(secret):
    der = base64.b64decode(secret)
    if not der.startswith(SG_PKCS8) or len(der) != len(SG_PKCS8) + 32:
        raise ValueError("not a P-256 PKCS#8 key of the kit's form")
    return int.from_bytes(der[len(SG_PKCS8):], "big")


def sg_public_of(ossl, secret):
    """The receiver's key for a signing key, by openssl pkey; checked against the curve arithmetic above."""
    r = ossl._run(["pkey", "-inform", "DER", "-in", ossl._file(base64.b64decode(secret), ".der"), "-pubout",
                   "-outform", "DER"])
    if r.returncode != 0:
        raise RuntimeError("openssl pkey failed: %s" % r.stderr.decode(errors="replace"))
    x, y = sg_mul(sg_private(secret))
    if r.stdout != SG_SPKI + b"\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big"):
        raise RuntimeError("openssl and the curve arithmetic derive different public keys")
    return b64(r.stdout)


def sg_nonce(d, h):
    """RFC 6979 section 3.2 with HMAC-SHA256 (qlen = hlen = 256)."""
    x, h1 = d.to_bytes(32, "big"), (int.from_bytes(h, "big") % SG_N).to_bytes(32, "big")
    v, k = b"\x01" * 32, b"\x00" * 32
    k = hmac.new(k, v + b"\x00" + x + h1, hashlib.sha256).digest()
    v = hmac.new(k, v, hashlib.sha256).digest()
    k = hmac.new(k, v + b"\x01" + x + h1, hashlib.sha256).digest()
    v = hmac.new(k, v, hashlib.sha256).digest()
    while True:
        v = hmac.new(k, v, hashlib.sha256).digest()
        t = int.from_bytes(v, "big")
        if 1 <= t < SG_N:
            return t
        k = hmac.new(k, v + b"\x00", hashlib.sha256).digest()
        v = hmac.new(k, v, hashlib.sha256).digest()


def sg_der(r, s):
    def integer(i):
        raw = i.to_bytes((i.bit_length() + 7) // 8 or 1, "big")
        raw = b"\x00" + raw if raw[0] & 0x80 else raw
        return b"\x02" + bytes([len(raw)]) + raw
    content = integer(r) + integer(s)
    return b"\x30" + bytes([len(content)]) + content


def sg_signature(secret, msg):
    d, h = sg_private(secret), hashlib.sha256(msg).digest()
    e, k = int.from_bytes(h, "big"), sg_nonce(sg_private(secret), h)
    r = sg_mul(k)[0] % SG_N
    s = pow(k, -1, SG_N) * (e + r * d) % SG_N
    return b64(sg_der(r, s))


def sendgrid_sign(ossl, secrets, msg_id, t, b):
    return {SG_SIG: sg_signature(secrets[0], t.encode("utf-8") + b), SG_TS: t}


def sg_openssl_verifies(ossl, public_key, msg, signature):
    pem = ossl._file(ossl._pem("PUBLIC KEY", base64.b64decode(public_key)), ".pem")
    r = ossl._run(["dgst", "-sha256", "-verify", pem, "-signature", ossl._file(signature, ".sig"),
                   ossl._file(msg, ".bin")])
    return r.returncode == 0


def sendgrid_verify(ossl, case, headers, secrets, body):
    sig = header(headers, SG_SIG)
    if sig is None:
        raise Reject("missing_header")
    ts = header(headers, SG_TS)
    if ts is None:
        raise Reject("missing_timestamp")
    der = strict_b64decode(sig.strip())
    if not der:
        raise Reject("malformed_header")
    msg = ts.encode("utf-8") + body
    if not any(sg_openssl_verifies(ossl, s, msg, der) for s in secrets):
        raise Reject("bad_signature")


# @sendgrid/eventwebhook's own test vector (eventwebhook.spec.js): public key, signature, timestamp, and the body
# SendGrid posts, a JSON array ending in CRLF
SG_REF_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpig" \
             "lSI8eNEc6wEA3F+g=="
SG_REF_SIG = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM="
SG_REF_TS = "1600112502"
SG_REF_BODY = compact([{
    "email": "hello@world.com", "event": "dropped", "reason": "Bounced Address",
    "sg_event_id": "ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA",
    "sg_message_id": "LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0",
    "smtp-id": "<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>", "timestamp": 1600112492}]) + "\r\n"

SG_KEY_A = sg_key(0x2f1c9e4b7a5d3c8e6f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcde)
SG_KEY_B = sg_key(0x5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b)
SG_KEY_WRONG = sg_key(0x1111111122222222333333334444444455555555666666667777777788888888)
SG_EVENT = {"email": "grace.hopper@example.com", "timestamp": T, "smtp-id": "<qNwBLgPQQjW6DJvKQwSAbw@ismtpd0178p1mdw1.sendgrid.net>",
            "event": "delivered", "sg_event_id": "kL9mN2oP4qR6sT8uV0wX1y",
            "sg_message_id": "qNwBLgPQQjW6DJvKQwSAbw.filterdrecv-6f5b7bd9c4-1a2b3-1-6089EA4A-18.0",
            "category": ["receipts"], "ip": "168.245.12.34", "response": "250 2.0.0 OK  1767225600 a1b2c3d4e5 - gsmtp",
            "tls": 1}
SG_BODY = compact([SG_EVENT]) + "\r\n"
SG_BODY_BATCH = compact([SG_EVENT, dict(SG_EVENT, event="open", sg_event_id="zY8xW6vU4tS2rQ0pO9nM7l",
                                        useragent="Mozilla/5.0", ip="203.0.113.7")]).replace("},{", "},\r\n{") + "\r\n"
SG_BODY_NON_ASCII = compact([dict(SG_EVENT, email="zoë.martin@exämple.com", event="click",
                                  url="https://example.com/café?ref=✓&lang=日本")]) + "\r\n"


def sendgrid_cases(ossl, add):
    if not sg_openssl_verifies(ossl, SG_REF_KEY, SG_REF_TS.encode() + SG_REF_BODY.encode(), base64.b64decode(SG_REF_SIG)):
        raise RuntimeError("openssl does not verify @sendgrid/eventwebhook's published vector")
    P, K, B = "sendgrid", [sg_public_of(ossl, SG_KEY_A)], SG_BODY
    S = [SG_KEY_A]
    good = sendgrid_sign(ossl, S, None, str(T), B.encode())
    if not sg_openssl_verifies(ossl, K[0], str(T).encode() + B.encode(), base64.b64decode(good[SG_SIG])):
        raise RuntimeError("openssl does not verify the RFC 6979 signature computed here")
    add(P, "reference", "@sendgrid/eventwebhook's published test vector (its eventwebhook.spec.js): SendGrid's"
        " public key, signature and timestamp over a one-event body ending in CRLF; must be accepted.",
        secrets=[SG_REF_KEY], body=SG_REF_BODY, headers={SG_SIG: SG_REF_SIG, SG_TS: SG_REF_TS}, reproducible=False)
    add(P, "reference-without-crlf", "The published vector's body without its trailing CRLF: the signature covers"
        " every byte.", secrets=[SG_REF_KEY], body=SG_REF_BODY[:-2], headers={SG_SIG: SG_REF_SIG, SG_TS: SG_REF_TS},
        reproducible=False, expected="bad_signature")
    add(P, "valid", "Valid signature of the timestamp followed by the body, verified with the public key.",
        secrets=K, signing=S, ts=T, body=B)
    add(P, "batch", "Two events in one array, CRLF between them as SendGrid writes a batch.", secrets=K, signing=S,
        ts=T, body=SG_BODY_BATCH)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.", secrets=K,
        signing=S, ts=T, body=SG_BODY_NON_ASCII)
    add(P, "old-timestamp", "A valid signature with a timestamp a year old: neither SendGrid nor its library bounds"
        " the age, so it verifies (deduplicating on sg_event_id is what stops a replay).", secrets=K, signing=S,
        ts=T - 365 * 86400, body=B)
    add(P, "header-name-case", "Header names all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=K, signing=S, ts=T, body=B, reproducible=False, headers=rename(good, {SG_SIG: SG_SIG.lower(),
                                                                                    SG_TS: SG_TS.lower()}))
    add(P, "second-key-matches", "Two public keys; the signature verifies only with the second.",
        secrets=[sg_public_of(ossl, SG_KEY_WRONG), K[0]], signing=S, ts=T, body=B)
    add(P, "missing-signature-header", "No X-Twilio-Email-Event-Webhook-Signature header.", secrets=K, signing=S,
        ts=T, body=B, headers=drop(good, SG_SIG), reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "No X-Twilio-Email-Event-Webhook-Timestamp header.", secrets=K, signing=S, ts=T,
        body=B, headers=drop(good, SG_TS), reproducible=False, expected="missing_timestamp")
    add(P, "empty-signature-header", "The signature header present but empty.", secrets=K, signing=S, ts=T, body=B,
        headers=replace(good, SG_SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "not-base64", "The signature header is not base64.", secrets=K, signing=S, ts=T, body=B,
        headers=replace(good, SG_SIG, "not*base64!"), reproducible=False, expected="malformed_header")
    add(P, "wrong-key", "Signed with another key pair than the one whose public key the receiver holds.",
        secrets=K, signing=[SG_KEY_WRONG], ts=T, body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=K, signing=S, ts=T,
        body=change_one_byte(B, "grace.hopper", "grace.hoppet"), headers=good, reproducible=False,
        expected="bad_signature")
    add(P, "timestamp-changed", "The timestamp header changed (+1 s) after signing.", secrets=K, signing=S, ts=T,
        body=B, headers=replace(good, SG_TS, str(T + 1)), reproducible=False, expected="bad_signature")
    add(P, "crlf-stripped", "The body without its trailing CRLF (a framework that trims the body).", secrets=K,
        signing=S, ts=T, body=B[:-2], headers=good, reproducible=False, expected="bad_signature")
    add(P, "body-only-signed", "A valid signature of the body alone, without the timestamp in front.", secrets=K,
        signing=S, ts=T, body=B, headers=replace(good, SG_SIG, sg_signature(SG_KEY_A, B.encode())),
        reproducible=False, expected="bad_signature")
    add(P, "truncated-signature", "The DER signature with its last byte cut (re-encoded in base64).", secrets=K,
        signing=S, ts=T, body=B, headers=replace(good, SG_SIG, b64(base64.b64decode(good[SG_SIG])[:-1])),
        reproducible=False, expected="bad_signature")


More("sendgrid", {"seconds": 0, "direction": "none", "edge": "inclusive"}, SG_SIG, sendgrid_sign, sendgrid_verify,
     sendgrid_cases, True)


# ---- twilio: X-Twilio-Signature: base64 HMAC-SHA1 (auth token) of the full request URL; a JSON body is
#      vouched for by bodySHA256=<hex SHA-256 of the body> in that URL's query; no timestamp

TW_A = "5d3f7a9c1e2b4d6f8a0c2e4b6d8f0a1c"
TW_B = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
TW_WRONG = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
TW_URL = "https://hooks.example.com/twilio/events?tenant=acme"
TW_BODY = compact([{
    "specversion": "1.0", "type": "com.twilio.messaging.message.delivered",
    "source": "/2010-04-01/Accounts/AC4f0c2b6e8a1d3f5c7e9b0a2d4c6e8f10/Messages/SM1a2b3c4d5e6f708192a3b4c5d6e7f809.json",
    "id": "EZ9f8e7d6c5b4a39281706f5e4d3c2b1a0", "dataschema": "https://events-schemas.twilio.com/Messaging.MessageStatus/7",
    "datacontenttype": "application/json", "time": "2026-01-01T00:00:00.000Z", "data": {
        "messageSid": "SM1a2b3c4d5e6f708192a3b4c5d6e7f809", "timestamp": "2026-01-01T00:00:00.000Z",
        "accountSid": "AC4f0c2b6e8a1d3f5c7e9b0a2d4c6e8f10", "eventName": "com.twilio.messaging.message.delivered",
        "apiVersion": "2010-04-01", "from": "+14155550123", "to": "+12025550187", "messageStatus": "DELIVERED",
        "body": "Your order #4821 has shipped.", "numberOfSegments": 1}}])
TW_BODY_NON_ASCII = compact([{
    "specversion": "1.0", "type": "com.twilio.messaging.inbound-message.received",
    "source": "/2010-04-01/Accounts/AC4f0c2b6e8a1d3f5c7e9b0a2d4c6e8f10/Messages/SM0f9e8d7c6b5a49382716a5b4c3d2e1f0.json",
    "id": "EZ0a1b2c3d4e5f60718293a4b5c6d7e8f9", "dataschema": "https://events-schemas.twilio.com/Messaging.InboundMessageV1/6",
    "datacontenttype": "application/json", "time": "2026-01-01T00:00:00.000Z", "data": {
        "messageSid": "SM0f9e8d7c6b5a49382716a5b4c3d2e1f0", "body": "Oui, à jeudi ✓ Zoë 日本"}}])


def tw_query(url, name):
    """The first value of a query parameter as written, or None."""
    if "?" not in url:
        return None
    for pair in url.split("?", 1)[1].split("#", 1)[0].split("&"):
        if pair.startswith(name + "="):
            return pair[len(name) + 1:]
    return None


def tw_delivery_url(url, b):
    """The URL Twilio sends a JSON body to: bodySHA256 appended to the query, unless it carries this body's already."""
    digest = hashlib.sha256(b).hexdigest()
    if tw_query(url, "bodySHA256") == digest:
        return url
    return url + ("&" if "?" in url else "?") + "bodySHA256=" + digest


def tw_mac(token, url):
    return b64(hmac.new(token.encode("utf-8"), url.encode("utf-8"), hashlib.sha1).digest())


def twilio_sign(ossl, secrets, msg_id, t, b, url):
    return {"X-Twilio-Signature": tw_mac(secrets[0], tw_delivery_url(url, b))}


def twilio_verify(ossl, case, headers, secrets, body):
    sig = header(headers, "X-Twilio-Signature")
    if sig is None:
        raise Reject("missing_header")
    if sig.strip() == "":
        raise Reject("malformed_header")
    url = case["url"]
    if not any(same(tw_mac(s, url), sig.strip()) for s in secrets):
        raise Reject("bad_signature")
    digest = tw_query(url, "bodySHA256")
    if digest is None or not same(hashlib.sha256(body).hexdigest(), digest):
        raise Reject("bad_signature")


def twilio_cases(ossl, add):
    # Twilio's helper libraries' shared test vector (twilio-node, twilio-python, twilio-csharp, twilio-php, twilio-go):
    # token 12345, so it is no auth token the profile accepts; reproduced here before anything is generated
    doc_body = b'{"property": "value", "boolean": true}'
    doc_url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    if hashlib.sha256(doc_body).hexdigest() != "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620" \
            or twilio_sign(ossl, ["12345"], None, None, doc_body, doc_url)["X-Twilio-Signature"] \
            != "a9nBmqA0ju/hNViExpshrM61xv4=":
        raise RuntimeError("the Twilio libraries' published JSON-body vector does not reproduce")
    P, A, B = "twilio", [TW_A], TW_BODY
    SIG = "X-Twilio-Signature"
    U = tw_delivery_url(TW_URL, B.encode())
    good = twilio_sign(ossl, A, None, None, B.encode(), U)
    add(P, "valid", "Valid signature of the URL carrying the body's bodySHA256, and the body matches it.", secrets=A,
        body=B, url=U)
    add(P, "no-query", "The receiver's URL has no query: bodySHA256 is its only parameter.", secrets=A, body=B,
        url=tw_delivery_url("https://hooks.example.com/twilio/events", B.encode()))
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; bodySHA256 covers its UTF-8 bytes.", secrets=A,
        body=TW_BODY_NON_ASCII, url=tw_delivery_url(TW_URL, TW_BODY_NON_ASCII.encode()))
    add(P, "header-name-case", "Header name all lowercase; header lookup is case-insensitive, so accepted.",
        secrets=A, body=B, url=U, headers=rename(good, {SIG: SIG.lower()}), reproducible=False)
    add(P, "second-secret-matches", "Two auth tokens (primary and secondary); the signature matches only the second.",
        secrets=[TW_WRONG, TW_A], signing=A, body=B, url=U)
    add(P, "missing-signature-header", "No X-Twilio-Signature header.", secrets=A, body=B, url=U, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "X-Twilio-Signature present but empty.", secrets=A, body=B, url=U,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "wrong-secret", "Signed with a different auth token than the verifier's.", secrets=A, signing=[TW_WRONG],
        body=B, url=U, expected="bad_signature")
    changed = change_one_byte(B, "has shipped.", "has shipped!")
    add(P, "body-changed", "Body changed by one byte after signing: it no longer matches the URL's bodySHA256.",
        secrets=A, body=changed, url=U, headers=good, reproducible=False, expected="bad_signature")
    add(P, "body-and-hash-changed", "Body changed and bodySHA256 rewritten to match it, the signature left as it was:"
        " the signature covers the URL, hash included.", secrets=A, body=changed,
        url=tw_delivery_url(TW_URL, changed.encode()), headers=good, reproducible=False, expected="bad_signature")
    add(P, "no-body-hash", "A valid signature of a URL without bodySHA256 (as for a form request without"
        " parameters): nothing vouches for the JSON body.", secrets=A, body=B, url=TW_URL,
        headers={SIG: tw_mac(TW_A, TW_URL)}, reproducible=False, expected="bad_signature")
    add(P, "uppercase-body-hash", "bodySHA256 in uppercase hex, the URL correctly signed: only the lowercase digest"
        " matches.", secrets=A, body=B, url=TW_URL + "&bodySHA256=" + hashlib.sha256(B.encode()).hexdigest().upper(),
        headers={SIG: tw_mac(TW_A, TW_URL + "&bodySHA256=" + hashlib.sha256(B.encode()).hexdigest().upper())},
        reproducible=False, expected="bad_signature")
    add(P, "other-url", "Signed for the delivery URL, verified against it without the receiver's own query: the"
        " signature covers the exact URL.", secrets=A, body=B,
        url=tw_delivery_url("https://hooks.example.com/twilio/events", B.encode()), headers=good, reproducible=False,
        expected="bad_signature")
    add(P, "truncated-signature", "Base64 signature truncated by 2 characters.", secrets=A, body=B, url=U,
        headers=replace(good, SIG, good[SIG][:-2]), reproducible=False, expected="bad_signature")
    add(P, "sha256-signature", "The URL's base64 HMAC-SHA256 instead of HMAC-SHA1: the wrong algorithm.", secrets=A,
        body=B, url=U, headers={SIG: b64(hmac.new(TW_A.encode(), U.encode(), hashlib.sha256).digest())},
        reproducible=False, expected="bad_signature")


More("twilio", {"seconds": 0, "direction": "none", "edge": "inclusive"}, "X-Twilio-Signature", twilio_sign,
     twilio_verify, twilio_cases, False, signs_url=True)


# ---- linear: linear-signature: <hex HMAC-SHA256 of the body>, keyed with the webhook's signing secret text;
#      webhookTimestamp (unix ms, a whole number) in the signed body, 60 000 ms both ways, inclusive, compared in
#      milliseconds as @linear/sdk does (the case's now is seconds: now * 1000)

LINEAR_A = "lin_wh_Xb3kQ9vT2mR7pL5nW8cY1zA4sD6fG0hJ2kL4mN6p"
LINEAR_B = "lin_wh_Pq8rS2tU4vW6xY8zA0bC2dE4fG6hI8jK0lM2nO4pQ6r"
LINEAR_WRONG = "lin_wh_Zz9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6z"
T_MS = T * 1000


def linear_body(ts_ms=T_MS, title="Webhook retries arrive twice", raw_ts=None):
    ts = raw_ts if raw_ts is not None else str(ts_ms)
    return ('{"action":"create","actor":{"id":"2e1f4c9a-5b3d-4e8f-9a1c-7d6b5e4f3a2b","type":"user","name":"Ana Souza"},'
            '"createdAt":"2026-01-01T00:00:00.000Z","data":{"id":"9c7b1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4","number":42,'
            '"identifier":"ENG-42","title":' + json.dumps(title, ensure_ascii=False) + ',"priority":2},'
            '"url":"https://linear.app/acme/issue/ENG-42","type":"Issue",'
            '"organizationId":"5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d","webhookTimestamp":' + ts + ','
            '"webhookId":"0f1e2d3c-4b5a-4968-8776-65544332211f"}')


linear_sign = bare_hex_sign("linear-signature")


def linear_verify(ossl, case, headers, secrets, body):
    bare_hex_check(headers, "linear-signature", secrets, body)
    try:
        obj = json.loads(body.decode("utf-8"))
    except ValueError:
        raise Reject("missing_timestamp")
    if not isinstance(obj, dict) or "webhookTimestamp" not in obj:
        raise Reject("missing_timestamp")
    ts = obj["webhookTimestamp"]
    if type(ts) is not int:  # a string, null, a fraction: Linear writes whole milliseconds
        raise Reject("malformed_timestamp")
    age, window = case["now"] * 1000 - ts, case["tolerance"]["seconds"] * 1000
    if age > window:
        raise Reject("stale_timestamp")
    if -age > window:
        raise Reject("future_timestamp")


def linear_cases(ossl, add):
    P, A, B = "linear", [LINEAR_A], linear_body()
    SIG = "linear-signature"
    good = linear_sign(ossl, A, None, None, B.encode())
    add(P, "valid", "Valid signature; webhookTimestamp (ms) equal to now.", secrets=A, body=B)
    add(P, "past-edge", "webhookTimestamp exactly 60 000 ms old: the inclusive edge is accepted.", secrets=A,
        body=linear_body(T_MS - 60000))
    add(P, "future-edge", "webhookTimestamp exactly 60 000 ms in the future: accepted.", secrets=A,
        body=linear_body(T_MS + 60000))
    add(P, "non-ascii-body", "Issue title with non-ASCII UTF-8 text; the signature covers its UTF-8 bytes.", secrets=A,
        body=linear_body(title="Zoë’s café ✓ – 日本語"))
    add(P, "header-name-case", "Header name in mixed case; header lookup is case-insensitive, so accepted.",
        secrets=A, body=B, headers=rename(good, {SIG: "Linear-Signature"}), reproducible=False)
    add(P, "second-secret-matches", "Two verification secrets; the signature matches only the second one.",
        secrets=[LINEAR_WRONG, LINEAR_A], signing=A, body=B)
    add(P, "missing-signature-header", "No linear-signature header.", secrets=A, body=B, headers={},
        reproducible=False, expected="missing_header")
    add(P, "empty-signature-header", "linear-signature present but empty.", secrets=A, body=B,
        headers=replace(good, SIG, ""), reproducible=False, expected="malformed_header")
    add(P, "prefixed-signature", "Value is 'sha256=' + the correct digest: Linear sends the bare hex digest.",
        secrets=A, body=B, headers=replace(good, SIG, "sha256=" + good[SIG]), reproducible=False,
        expected="bad_signature")
    add(P, "wrong-secret", "Signed with a different secret than the verifier's.", secrets=A, signing=[LINEAR_WRONG],
        body=B, expected="bad_signature")
    add(P, "body-changed", "Body changed by one byte after signing.", secrets=A,
        body=change_one_byte(B, "ENG-42\",\"title", "ENG-43\",\"title"), headers=good, reproducible=False,
        expected="bad_signature")
    add(P, "timestamp-changed", "webhookTimestamp changed (+1 ms) after signing: it is signed with the body.",
        secrets=A, body=linear_body(T_MS + 1), headers=good, reproducible=False, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only lowercase matches.", secrets=A, body=B,
        headers=replace(good, SIG, good[SIG].upper()), reproducible=False, expected="bad_signature")
    add(P, "stale", "webhookTimestamp 60 001 ms old: one millisecond past the inclusive edge.", secrets=A,
        body=linear_body(T_MS - 60001), expected="stale_timestamp")
    add(P, "future", "webhookTimestamp 60 001 ms in the future.", secrets=A, body=linear_body(T_MS + 60001),
        expected="future_timestamp")
    add(P, "seconds-timestamp", "webhookTimestamp in seconds, not milliseconds: 56 years old when read as ms.",
        secrets=A, body=linear_body(T), expected="stale_timestamp")
    add(P, "string-timestamp", "webhookTimestamp is a string (correctly signed).", secrets=A,
        body=linear_body(raw_ts='"%d"' % T_MS), expected="malformed_timestamp")
    add(P, "fractional-timestamp", "webhookTimestamp with a fraction of a millisecond (correctly signed): not the"
        " whole milliseconds Linear writes.", secrets=A, body=linear_body(raw_ts="%d.5" % T_MS),
        expected="malformed_timestamp")
    add(P, "missing-timestamp", "No webhookTimestamp in the (correctly signed) body.", secrets=A,
        body=B.replace(',"webhookTimestamp":%d' % T_MS, ""), expected="missing_timestamp")
    add(P, "timestamp-header-only", "No webhookTimestamp in the body, the instant in a linear-timestamp header: only"
        " the signed body counts.", secrets=A, body=B.replace(',"webhookTimestamp":%d' % T_MS, ""),
        headers=dict(linear_sign(ossl, A, None, None, B.replace(',"webhookTimestamp":%d' % T_MS, "").encode()),
                     **{"linear-timestamp": str(T_MS)}), reproducible=False, expected="missing_timestamp")


More("linear", {"seconds": 60, "direction": "both", "edge": "inclusive"}, "linear-signature", linear_sign,
     linear_verify, linear_cases, False)


# ---- mailgun: no header; the body starts with "signature":{"timestamp","token","signature"}, the hex
#      HMAC-SHA256 of timestamp + token (no separator) with the webhook signing key's text. The rest of the
#      body is not signed. 300 s both ways (assumed: Mailgun names no window).

MAILGUN_A = "1f3b5d7f9a2c4e6081a3c5e7f9b1d3f5-8a9b0c1d-2e3f4a5b"
MAILGUN_B = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0"
MAILGUN_WRONG = "0e2a4c6e8b1d3f5791b3d5f7a9c1e3b5-1a2b3c4d-5e6f7a8b"
MAILGUN_TOKEN = "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0"
MAILGUN_BODY = compact({"event-data": {
    "id": "CPgfbmQMTCKtHW6uIWtuVe", "event": "delivered", "timestamp": 1767225599.908181, "log-level": "info",
    "recipient": "alice@example.com", "recipient-domain": "example.com", "tags": ["transactional"],
    "envelope": {"transport": "smtp", "sender": "no-reply@mg.example.com", "sending-ip": "209.61.151.10",
                 "targets": "alice@example.com"},
    "message": {"headers": {"to": "alice@example.com", "message-id": "20260101000000.1.ABCD@mg.example.com",
                            "from": "Acme <no-reply@mg.example.com>", "subject": "Your receipt from Acme (#1042)"},
                "attachments": [], "size": 4213},
    "delivery-status": {"tls": True, "mx-host": "mx.example.com", "attempt-no": 1, "code": 250, "message": "OK",
                        "description": "", "session-seconds": 0.4331, "utf8": True, "certificate-verified": True}}})
MAILGUN_BODY_NON_ASCII = compact({"event-data": {
    "id": "Ua3BnkXhRZ2Yc9VqW0pLmA", "event": "opened", "timestamp": 1767225600.125, "log-level": "info",
    "recipient": "zoe.lefevre@example.net", "message": {"headers": {"subject": "Bienvenue, Zoë ✓ 日本語 – €"}}}})


def mailgun_mac(secret, ts_text, token):
    return hmac_hex(secret.encode("utf-8"), (ts_text + token).encode("utf-8"), hashlib.sha256)


def mailgun_object(secret, ts_text, token):
    return {"timestamp": ts_text, "token": token, "signature": mailgun_mac(secret, ts_text, token)}


def mailgun_sign(ossl, secrets, msg_id, t, b):
    return {}


def mailgun_sign_body(ossl, secrets, token, ts_text, unsigned):
    """The unsigned body with the signature object written first, the rest of its bytes unchanged."""
    text = unsigned.decode("utf-8")
    if not text.startswith("{"):
        raise ValueError("a Mailgun body is a JSON object")
    member = '"signature":' + compact(mailgun_object(secrets[0], ts_text, token))
    rest = text[1:]
    return ("{" + member + ("" if rest.lstrip().startswith("}") else ",") + rest).encode("utf-8")


def mailgun_verify(ossl, case, headers, secrets, body):
    def no_constants(name):
        raise ValueError(name)

    try:
        obj = json.loads(body.decode("utf-8"), parse_constant=no_constants)
    except ValueError:
        raise Reject("missing_header")
    sig = obj.get("signature") if isinstance(obj, dict) else None
    if not isinstance(sig, dict):
        raise Reject("missing_header")
    if sig.get("signature") is None or sig.get("token") is None:
        raise Reject("missing_header")
    value, token = sig["signature"], sig["token"]
    if not isinstance(value, str) or value == "" or any(c not in "0123456789abcdefABCDEF" for c in value) \
            or not isinstance(token, str):
        raise Reject("malformed_header")
    ts = sig.get("timestamp")
    if ts is None:
        raise Reject("missing_timestamp")
    if type(ts) is int:
        ts = str(ts)
    if not isinstance(ts, str) or not (1 <= len(ts) <= 12) or any(c not in "0123456789" for c in ts):
        raise Reject("malformed_timestamp")
    if not any(same(mailgun_mac(s, ts, token), value) for s in secrets):
        raise Reject("bad_signature")
    check_tolerance(int(ts), case["now"], case["tolerance"])


def mailgun_cases(ossl, add):
    P, A, K, B = "mailgun", [MAILGUN_A], MAILGUN_TOKEN, MAILGUN_BODY
    good = mailgun_sign_body(ossl, A, K, str(T), B.encode()).decode()
    obj = mailgun_object(MAILGUN_A, str(T), K)
    event_data = B[len('{"event-data":'):-1]

    def body_with(signature, before=True):
        """A hand-made body: this signature object (a dict, or None for none) first or after event-data."""
        if signature is None:
            return B
        member = '"signature":' + compact(signature)
        return "{" + member + "," + B[1:] if before else B[:-1] + "," + member + "}"

    def edited(**changes):
        o = dict(obj)
        for k, v in changes.items():
            if v is None:
                o.pop(k, None)
            else:
                o[k] = v
        return o

    add(P, "valid", "Valid signature object first in the body: HMAC-SHA256 of timestamp + token, timestamp equal to"
        " now.", secrets=A, msg_id=K, ts=T, body=None, unsigned_body=B)
    add(P, "legacy-key-format", "Signed with an older account's key-… signing key (its text is the HMAC key).",
        secrets=[MAILGUN_B], msg_id=K, ts=T, body=None, unsigned_body=B)
    add(P, "non-ascii-body", "Body with non-ASCII UTF-8 text; only timestamp + token are signed.", secrets=A,
        msg_id=K, ts=T, body=None, unsigned_body=MAILGUN_BODY_NON_ASCII)
    add(P, "past-edge", "Timestamp exactly 300 s old: the inclusive edge of the assumed window is accepted.",
        secrets=A, msg_id=K, ts=T - 300, body=None, unsigned_body=B)
    add(P, "future-edge", "Timestamp exactly 300 s in the future: accepted.", secrets=A, msg_id=K, ts=T + 300,
        body=None, unsigned_body=B)
    add(P, "second-secret-matches", "Two signing keys; the signature matches only the second one.",
        secrets=[MAILGUN_WRONG, MAILGUN_A], signing=A, msg_id=K, ts=T, body=None, unsigned_body=B)
    add(P, "signature-object-last", "The signature object after event-data: where it stands does not matter.",
        secrets=A, msg_id=K, ts=T, body=body_with(obj, before=False), headers={}, reproducible=False)
    add(P, "integer-timestamp", "The timestamp written as a JSON integer (Mailgun's table says int); signed over its"
        " digits.", secrets=A, msg_id=K, ts=T, body=body_with(dict(obj, timestamp=T)), headers={},
        reproducible=False)
    add(P, "event-data-changed", "event-data changed after signing (delivery-status code 250 -> 550): the signature does not"
        " cover the body, so this is accepted; a receiver cannot tell.", secrets=A, msg_id=K, ts=T,
        body=change_one_byte(good, '"code":250', '"code":550'), headers={}, reproducible=False)
    add(P, "stale", "Timestamp 301 s old: one second past the window.", secrets=A, msg_id=K, ts=T - 301, body=None,
        unsigned_body=B, expected="stale_timestamp")
    add(P, "future", "Timestamp 301 s in the future: one second past the window.", secrets=A, msg_id=K, ts=T + 301,
        body=None, unsigned_body=B, expected="future_timestamp")
    add(P, "wrong-secret", "Signed with another domain's signing key.", secrets=A, signing=[MAILGUN_WRONG],
        msg_id=K, ts=T, body=None, unsigned_body=B, expected="bad_signature")
    add(P, "timestamp-changed", "Timestamp changed (+1 s) after signing: it is signed.", secrets=A, msg_id=K, ts=T,
        body=body_with(edited(timestamp=str(T + 1))), headers={}, reproducible=False, expected="bad_signature")
    add(P, "token-changed", "Token changed by one digit after signing: it is signed.", secrets=A, msg_id=K, ts=T,
        body=body_with(edited(token=K[:-1] + "1")), headers={}, reproducible=False, expected="bad_signature")
    add(P, "uppercase-hex", "Correct digest written in uppercase hex; only the lowercase digest matches.", secrets=A,
        msg_id=K, ts=T, body=body_with(edited(signature=obj["signature"].upper())), headers={}, reproducible=False,
        expected="bad_signature")
    add(P, "missing-signature-object", "No signature object in the body.", secrets=A, msg_id=K, ts=T,
        body=B, headers={}, reproducible=False, expected="missing_header")
    add(P, "missing-signature", "The signature object without its signature field.", secrets=A, msg_id=K, ts=T,
        body=body_with(edited(signature=None)), headers={}, reproducible=False, expected="missing_header")
    add(P, "missing-token", "The signature object without its token.", secrets=A, msg_id=K, ts=T,
        body=body_with(edited(token=None)), headers={}, reproducible=False, expected="missing_header")
    add(P, "missing-timestamp", "The signature object without its timestamp.", secrets=A, msg_id=K, ts=T,
        body=body_with(edited(timestamp=None)), headers={}, reproducible=False, expected="missing_timestamp")
    add(P, "empty-signature", "signature.signature is the empty string.", secrets=A, msg_id=K, ts=T,
        body=body_with(edited(signature="")), headers={}, reproducible=False, expected="malformed_header")
    add(P, "garbled-signature", "signature.signature is not hex digits.", secrets=A, msg_id=K, ts=T,
        body=body_with(edited(signature="this is not a signature")), headers={}, reproducible=False,
        expected="malformed_header")
    add(P, "non-numeric-timestamp", "The timestamp is an ISO date (the signature is valid over that text).",
        secrets=A, msg_id=K, ts=T, body=body_with(mailgun_object(MAILGUN_A, "2026-01-01T00:00:00Z", K)), headers={},
        reproducible=False, expected="malformed_timestamp")
    add(P, "not-json", "The body is not JSON, so it carries no signature object.", secrets=A, msg_id=K, ts=T,
        body=good[:len(good) // 2], headers={}, reproducible=False, expected="missing_header")
    assert event_data


More("mailgun", {"seconds": 300, "direction": "both", "edge": "inclusive"}, "signature.signature", mailgun_sign,
     mailgun_verify, mailgun_cases, True, sign_body=mailgun_sign_body)


def main(argv):
    if len(argv) < 2 or argv[1] not in ("generate", "check") or (argv[1] == "generate" and len(argv) > 2) \
            or len(argv) > 3:
        print("usage: vectors.py generate | vectors.py check [path]", file=sys.stderr)
        return 2
    ossl = OpenSSL()
    try:
        if argv[1] == "generate":
            text = build_document(ossl)
            with open(DEFAULT_PATH, "wb") as f:
                f.write(text.encode("utf-8"))
            print("wrote %s (%d cases)" % (DEFAULT_PATH, len(json.loads(text)["cases"])))
            return 0
        return cmd_check(ossl, argv[2] if len(argv) == 3 else DEFAULT_PATH)
    finally:
        ossl.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
