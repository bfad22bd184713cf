#!/usr/bin/env python3
"""Checks ForumDesk's reminder and briefing e-mails with independent parsers (Python's email and icalendar).

Prints one JSON object per .eml file given: headers, the text and HTML parts, and any calendar attached. Exits 1
when a file does not parse or breaks a rule: Python's email in strict mode (policy.strict: any defect raises),
the same 7-bit, CRLF and line-length limits as the notices (scripts/check-invites.py), a multipart/alternative
with text/plain first and text/html second, a text/calendar attachment (when present) that icalendar reads, with
lines of at most 75 octets, METHOD:PUBLISH and no ATTENDEE.
Usage: scripts/check-digest.py [--html-dir DIR] FILE.eml...   (--html-dir: each HTML part written to DIR/<n>.html)
"""
import email
import importlib.util
import json
import os
import sys
from email import policy

import icalendar

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("check_invites", os.path.join(here, "check-invites.py"))
check_invites = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_invites)


def check(path: str, html_dir, n: int) -> dict:
    problems = []
    data = open(path, "rb").read()
    check_invites.check_limits(data, problems)
    try:
        email.message_from_bytes(data, policy=policy.strict)  # raises on any defect
    except Exception as error:  # noqa: BLE001 - any defect is the finding
        problems.append(f"strict parse: {type(error).__name__}: {error}")
    msg = email.message_from_bytes(data, policy=policy.default)
    for part in msg.walk():
        if part.defects:
            problems.append(f"defects: {part.defects}")
    out = {"file": path, "to": str(msg["To"]), "from": str(msg["From"]), "subject": str(msg["Subject"]),
           "content_type": msg.get_content_type(), "problems": problems}
    alternatives = [p for p in msg.walk() if p.get_content_type() == "multipart/alternative"]
    if len(alternatives) != 1:
        problems.append(f"{len(alternatives)} multipart/alternative parts")
        return out
    kinds = [p.get_content_type() for p in alternatives[0].iter_parts()]
    if kinds != ["text/plain", "text/html"]:
        problems.append(f"alternative parts {kinds}")
        return out
    text, html = [p.get_content() for p in alternatives[0].iter_parts()]
    out["text"], out["html"] = text, html
    if html_dir:
        out["html_file"] = os.path.join(html_dir, f"{n}.html")
        with open(out["html_file"], "w", encoding="utf-8") as f:
            f.write(html)
    calendars = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    if calendars:
        part = calendars[0]
        if part.get_content_disposition() != "attachment" or not part.get_filename():
            problems.append("the calendar is not an attachment with a file name")
        out["attachment"] = part.get_filename()
        raw = part.get_payload(decode=True)
        cal = check_invites.check_calendar(raw, problems)
        if cal["method"] != "PUBLISH":
            problems.append(f"METHOD:{cal['method']}")
        if any(e["attendees"] for e in cal["events"]):
            problems.append("a briefing's event names an ATTENDEE")
        out["calendar"] = cal
        out["calendar_name"] = str(icalendar.Calendar.from_ical(raw).get("X-WR-CALNAME"))
    return out


def main():
    args = sys.argv[1:]
    html_dir = None
    if args[:1] == ["--html-dir"]:
        html_dir, args = args[1], args[2:]
    results = [check(p, html_dir, n) for n, p in enumerate(args)]
    print(json.dumps(results, indent=1, ensure_ascii=False))
    sys.exit(1 if any(r["problems"] for r in results) else 0)


if __name__ == "__main__":
    main()
