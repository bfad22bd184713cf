#!/usr/bin/env python3
"""Renders a calendar reply fixture as a mail client writes it, for the import tests.

Usage: render.py CLIENT KEY=VALUE... > reply.eml   (CLIENT: outlook, google, thunderbird; or CLIENT.ics for the bare calendar)

CLIENT.ics.tmpl is the client's REPLY calendar and CLIENT.eml.tmpl its e-mail around it; {{KEY}} is replaced by
the value given. The calendar is encoded into the e-mail by Python's own base64/quopri (an encoder independent of
ForumDesk's reader), as the Content-Transfer-Encoding header above each @@CALENDAR...@@ marker says.
"""
import base64
import datetime
import email.utils
import quopri
import re
import sys
from pathlib import Path

here = Path(__file__).parent


def fill(text, values):
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values.get(m.group(1), ""), text)


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def main():
    client = sys.argv[1]
    values = dict(arg.split("=", 1) for arg in sys.argv[2:])
    stamp = datetime.datetime.strptime(values["DTSTAMP"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    values.setdefault("DATE", email.utils.format_datetime(stamp))
    values.setdefault("VERB", {"ACCEPTED": "Accepted", "DECLINED": "Declined", "TENTATIVE": "Tentative"}.get(values.get("PARTSTAT"), "Reply"))
    bare = client.endswith(".ics")
    name = client[:-4] if bare else client
    calendar = crlf(fill((here / f"{name}.ics.tmpl").read_text(), values))
    if bare:
        sys.stdout.buffer.write(calendar.encode())
        return
    mail = crlf(fill((here / f"{name}.eml.tmpl").read_text(), values))
    base = base64.encodebytes(calendar.encode()).decode().replace("\n", "\r\n")
    qp = quopri.encodestring(calendar.encode()).decode().replace("\r\n", "\n").replace("\n", "\r\n")
    mail = mail.replace("@@CALENDAR_BASE64@@\r\n", base).replace("@@CALENDAR_QP@@\r\n", qp).replace("@@CALENDAR_7BIT@@\r\n", calendar)
    sys.stdout.buffer.write(mail.encode())


if __name__ == "__main__":
    main()
