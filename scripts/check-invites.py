#!/usr/bin/env python3
"""Checks ForumDesk's outbox e-mails and calendars with independent parsers (Python's email and icalendar).

Prints one JSON object per .eml file given: the fields a mail client and a calendar would use. Exits 1 when a
file does not parse or breaks a rule: Python's email in strict mode (policy.strict: any defect raises), 7-bit
bytes, CRLF line ends, lines at most 998 octets and header lines at most 78 (RFC 5322 §2.1.1), encoded-words
at most 75 characters (RFC 2047 §2), a MIME boundary of at most 70 (RFC 2046 §5.1.1), the From/To addresses
ASCII and well formed; a text/calendar part with a method, one VEVENT with UID, SEQUENCE, DTSTART in
Europe/London, an ATTENDEE with RSVP, calendar lines at most 75 octets.
Usage: scripts/check-invites.py FILE.eml... | --ics FILE.ics
"""
import email
import json
import re
import sys
from email import policy
from email.headerregistry import Address

import icalendar


def param_text(value):
    """A list parameter (FEATURE=AUDIO,VIDEO) as written, comma separated."""
    return ",".join(value) if isinstance(value, list) else value


def as_list(value) -> list:
    return value if isinstance(value, list) else ([value] if value is not None else [])


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
            # An all-day event (a consultation's days) has a DATE, which has no time zone.
            "start": start.isoformat(),
            "tz": str(getattr(start.tzinfo, "key", start.tzinfo)) if hasattr(start, "tzinfo") else "all-day",
            "summary": str(ev.get("SUMMARY")), "location": str(ev.get("LOCATION")),
            "attendees": [{"address": str(a), "rsvp": a.params.get("RSVP"), "partstat": a.params.get("PARTSTAT")} for a in attendees],
            "organizer": str(ev.get("ORGANIZER")) if ev.get("ORGANIZER") else None,
            "url": str(ev.get("URL")) if ev.get("URL") else None,
            "conferences": [{"uri": str(c), "value": c.params.get("VALUE"), "feature": param_text(c.params.get("FEATURE")),
                             "label": c.params.get("LABEL")} for c in as_list(ev.get("CONFERENCE"))],
        })
    return out


ENCODED_WORD = re.compile(rb"=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=")


def check_limits(data: bytes, problems: list) -> None:
    if any(b > 127 for b in data):
        problems.append("8-bit bytes in a 7-bit message")
    if b"\n" in data.replace(b"\r\n", b""):
        problems.append("bare LF line ending")
    head, _, _ = data.partition(b"\r\n\r\n")
    for n, line in enumerate(data.split(b"\r\n")):
        if len(line) > 998:
            problems.append(f"line {n + 1} is {len(line)} octets (RFC 5322 allows 998)")
    for n, line in enumerate(head.split(b"\r\n")):
        if len(line) > 78:
            problems.append(f"header line {n + 1} is {len(line)} characters (RFC 5322 asks for at most 78)")
        for word in ENCODED_WORD.findall(line):
            if len(word) > 75:
                problems.append(f"encoded-word of {len(word)} characters (RFC 2047 allows 75): {word[:20]!r}…")


def check_eml(path: str) -> dict:
    problems = []
    data = open(path, "rb").read()
    check_limits(data, problems)
    try:
        email.message_from_bytes(data, policy=policy.strict)  # raises on any defect
    except Exception as error:  # noqa: BLE001 - any defect is the finding
        problems.append(f"strict parse: {type(error).__name__}: {error}")
    msg = email.message_from_bytes(data, policy=policy.default)
    for part in msg.walk():
        if part.defects:
            problems.append(f"defects: {part.defects}")
        boundary = part.get_boundary()
        if boundary is not None and not 1 <= len(boundary) <= 70:
            problems.append(f"boundary of {len(boundary)} characters (RFC 2046 allows 70)")
    for header in ("From", "To"):
        for address in getattr(msg[header], "addresses", ()):
            if not isinstance(address, Address) or not address.addr_spec.isascii() or "@" not in address.addr_spec:
                problems.append(f"{header}: bad address {address!r}")
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
    return {"file": path, "to": str(msg["To"]), "from": str(msg["From"]), "subject": str(msg["Subject"]),
            "content_method": method, "text": text,
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
