#!/usr/bin/env python3
"""Checks ForumDesk's outbox e-mails and calendars with independent parsers (Python's email and icalendar).

Prints one JSON object per .eml file given: the fields a mail client and a calendar would use. Exits 1 when a
file does not parse or breaks a rule (RFC 5322 headers, a text/calendar part with a method, one VEVENT with
UID, SEQUENCE, DTSTART in Europe/London, an ATTENDEE with RSVP, lines at most 75 octets, CRLF endings).
Usage: scripts/check-invites.py FILE.eml... | --ics FILE.ics
"""
import email
import json
import sys
from email import policy

import icalendar


def check_calendar(raw: bytes, problems: list) -> dict:
    for n, line in enumerate(raw.split(b"\r\n")):
        if len(line) > 75:
            problems.append(f"line {n + 1} is {len(line)} octets")
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("bare LF line ending")
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    zones = [c for c in cal.walk() if c.name == "VTIMEZONE"]
    out = {"method": str(cal.get("METHOD")), "events": [], "timezones": [str(z.get("TZID")) for z in zones]}
    for ev in events:
        start = ev.decoded("DTSTART")
        attendees = ev.get("ATTENDEE")
        attendees = attendees if isinstance(attendees, list) else ([attendees] if attendees else [])
        out["events"].append({
            "uid": str(ev.get("UID")), "sequence": int(ev.get("SEQUENCE", 0)), "status": str(ev.get("STATUS")),
            "start": start.isoformat(), "tz": str(getattr(start.tzinfo, "key", start.tzinfo)),
            "summary": str(ev.get("SUMMARY")), "location": str(ev.get("LOCATION")),
            "attendees": [{"address": str(a), "rsvp": a.params.get("RSVP"), "partstat": a.params.get("PARTSTAT")} for a in attendees],
            "organizer": str(ev.get("ORGANIZER")) if ev.get("ORGANIZER") else None,
        })
    return out


def check_eml(path: str) -> dict:
    problems = []
    data = open(path, "rb").read()
    msg = email.message_from_bytes(data, policy=policy.default)
    for header in ("From", "To", "Subject", "Date", "Message-ID"):
        if msg[header] is None:
            problems.append(f"missing {header}")
    calendar_part = None
    text = None
    for part in msg.walk():
        if part.get_content_type() == "text/calendar":
            calendar_part = part
        elif part.get_content_type() == "text/plain":
            text = part.get_content()
    if calendar_part is None:
        problems.append("no text/calendar part")
        return {"file": path, "problems": problems}
    method = calendar_part.get_param("method")
    cal = check_calendar(calendar_part.get_payload(decode=True), problems)
    if method != cal["method"]:
        problems.append(f"Content-Type method={method} but METHOD:{cal['method']}")
    return {"file": path, "to": str(msg["To"]), "subject": str(msg["Subject"]), "content_method": method, "text": text,
            "calendar": cal, "problems": problems}


def main():
    results = []
    if sys.argv[1:2] == ["--ics"]:
        problems = []
        results.append({"file": sys.argv[2], "calendar": check_calendar(open(sys.argv[2], "rb").read(), problems), "problems": problems})
    else:
        results = [check_eml(p) for p in sys.argv[1:]]
    print(json.dumps(results, indent=1, ensure_ascii=False))
    sys.exit(1 if any(r["problems"] for r in results) else 0)


if __name__ == "__main__":
    main()
