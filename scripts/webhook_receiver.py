#!/usr/bin/env python3
"""A small Standard Webhooks receiver, for trying `hookcheck check` (used by scripts/docker-smoke.sh).

Written the way a receiver should be, with the Python standard library only: verify the raw body
(HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}", key = base64-decoded `whsec_` secret,
every `v1,<base64>` signature of the header tried in constant time, +-300 s tolerance), then parse
the JSON, then claim the `webhook-id` atomically so a duplicate is acknowledged but not processed
again, then answer 200. GET /__probe/{webhook-id} answers {"count": n}, the times an event was
processed, so `check --probe-url` can see side effects.

    python3 scripts/webhook_receiver.py --port 3000 --secret whsec_...        # POST /webhooks
    python3 scripts/webhook_receiver.py --port 0 --flaw no-timestamp-check    # a deliberate flaw
    python3 scripts/webhook_receiver.py --port 0 --queue-delay 0.3            # answers, then a worker processes

--flaw no-timestamp-check skips the tolerance, so replayed (stale) deliveries are accepted: the
replay checks must catch it. --flaw processes-duplicates never deduplicates. --queue-delay S makes
it answer 200 as soon as a verified event is on its queue and process it S seconds later on a
worker thread (which claims the webhook-id then), as GitHub and Dfns recommend. The chosen port is
printed on the first line of stdout ("listening on http://127.0.0.1:PORT/webhooks").
"""
import argparse
import base64
import binascii
import hashlib
import hmac
import json
import queue
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 300
PATH = "/webhooks"
PROBE = "/__probe/"


class Server(ThreadingHTTPServer):
    # socketserver's default listen backlog is 5: a burst of more concurrent deliveries has its extra
    # connections dropped and retried by TCP a second later, which a production server would not do
    request_queue_size = 128
    daemon_threads = True


class Receiver:
    def __init__(self, secret, check_timestamp, deduplicate=True, queue_delay=None):
        if not secret.startswith("whsec_"):
            raise ValueError("a Standard Webhooks secret starts with whsec_")
        try:
            self.key = base64.b64decode(secret[len("whsec_"):], validate=True)
        except binascii.Error:
            raise ValueError("the part of the secret after whsec_ is not base64")
        self.check_timestamp = check_timestamp
        self.deduplicate = deduplicate
        self.lock = threading.Lock()
        self.claimed = set()
        self.processed = {}
        self.queue_delay = queue_delay
        self.jobs = queue.Queue()
        if queue_delay is not None:
            for _ in range(4):
                threading.Thread(target=self.work, daemon=True).start()

    def accept(self, key):
        """The event is verified: process it now, or put it on the queue. False for a known duplicate."""
        if self.queue_delay is not None:
            self.jobs.put((time.monotonic() + self.queue_delay, key))
            return True
        if not self.claim(key):
            return False
        self.process(key)
        return True

    def work(self):
        while True:
            due, key = self.jobs.get()
            time.sleep(max(0.0, due - time.monotonic()))
            if self.claim(key):
                self.process(key)

    def verify(self, headers, body):
        """None when the request is authentic, else (status, reason)."""
        msg_id = headers.get("webhook-id")
        timestamp = headers.get("webhook-timestamp")
        signatures = headers.get("webhook-signature")
        if not msg_id or not signatures:
            return 401, "missing_header"
        if timestamp is None:
            return 400, "missing_timestamp"
        if not timestamp.isascii() or not timestamp.isdigit():
            return 400, "malformed_timestamp"
        signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
        expected = hmac.new(self.key, signed, hashlib.sha256).digest()
        valid = False
        for entry in signatures.split(" "):
            version, _, value = entry.partition(",")
            if version != "v1":
                continue  # only v1 is verified here; any other label never counts
            try:
                candidate = base64.b64decode(value, validate=True)
            except binascii.Error:
                continue
            valid |= hmac.compare_digest(candidate, expected)
        if not valid:
            return 401, "bad_signature"
        if self.check_timestamp and abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
            return 401, "stale_or_future_timestamp"
        return None

    def claim(self, key):
        if not self.deduplicate:
            return True
        with self.lock:
            if key in self.claimed:
                return False
            self.claimed.add(key)
            return True

    def process(self, key):
        with self.lock:
            self.processed[key] = self.processed.get(key, 0) + 1

    def count(self, key):
        with self.lock:
            return self.processed.get(key, 0)


class Handler(BaseHTTPRequestHandler):
    receiver = None

    def do_POST(self):
        if self.path != PATH:
            return self.reply(404, {"error": "not_found"})
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        refused = self.receiver.verify(self.headers, body)
        if refused:
            return self.reply(refused[0], {"error": refused[1]})
        try:
            event = json.loads(body)
        except ValueError:
            return self.reply(400, {"error": "the body is not JSON"})
        if not isinstance(event, dict):
            return self.reply(400, {"error": "the body is not a JSON object"})
        if not self.receiver.accept(self.headers["webhook-id"]):
            return self.reply(200, {"duplicate": True})
        return self.reply(200, {"received": True})

    def do_GET(self):
        if not self.path.startswith(PROBE):
            return self.reply(404, {"error": "not_found"})
        key = urllib.parse.unquote(self.path[len(PROBE):])
        return self.reply(200, {"count": self.receiver.count(key)})

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass  # quiet: requests carry signatures


def main():
    parser = argparse.ArgumentParser(description="A small Standard Webhooks receiver (POST /webhooks).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3000, help="0 picks a free port")
    parser.add_argument("--secret", default="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    parser.add_argument("--flaw", choices=["no-timestamp-check", "processes-duplicates"],
                        help="answer the way a flawed receiver would")
    parser.add_argument("--queue-delay", type=float, metavar="SECONDS",
                        help="answer first and process on a worker this much later")
    args = parser.parse_args()
    try:
        Handler.receiver = Receiver(args.secret, check_timestamp=args.flaw != "no-timestamp-check",
                                    deduplicate=args.flaw != "processes-duplicates", queue_delay=args.queue_delay)
    except ValueError as e:
        parser.error(str(e))
    server = Server((args.host, args.port), Handler)
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}{PATH}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
