"""A real SMTP server for the tests (aiosmtpd): accepts every message on
127.0.0.1:PORT and appends one JSON line per message to OUT (recipients,
decoded headers, text and HTML parts), synced to disk before it answers
250 — so a message the client saw accepted is always on file.

Usage: python smtp_sink.py PORT OUT [DELAY]

DELAY (seconds, default 0) slows every message down before it is accepted,
so that a test can kill a sender in the middle of a delivery run.
"""

import asyncio

import json
import os
import sys
import time
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out, delay):
        self.out = out
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        msg = message_from_bytes(envelope.content, policy=policy.default)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        record = {
            "to": envelope.rcpt_tos,
            "from": str(msg["From"]),
            "subject": str(msg["Subject"]),
            "message_id": str(msg["Message-ID"]),
            "date": str(msg["Date"] or ""),
            "kind": str(msg["X-Noicom-Kind"] or ""),
            "text": text.get_content() if text else "",
            "html": html.get_content() if html else "",
            # Meeting invitations (SPEC §11): every calendar part, the
            # text/calendar alternative and the .ics attachment, as sent.
            "calendar": [calendar_part(part) for part in msg.walk()
                         if part.get_content_type() in ("text/calendar", "application/ics")],
        }
        with open(self.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        return "250 OK"


def calendar_part(part):
    """A calendar part: its type, its method parameter and its text."""
    content = part.get_content()
    if isinstance(content, bytes):
        content = content.decode("utf-8")
    return {
        "content_type": part.get_content_type(),
        "method": part.get_param("method") or "",
        "filename": part.get_filename() or "",
        "text": content,
    }


def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    controller = Controller(Sink(out, delay), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        controller.stop()


if __name__ == "__main__":
    main()
