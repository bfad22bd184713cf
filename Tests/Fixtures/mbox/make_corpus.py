#!/usr/bin/env python3
"""Writes the mbox corpus for `import reply` (run once; the files are committed).

python-mailbox.mbox  Python's own mailbox.mbox (it escapes body "From " lines as ">From ").
mboxo-unescaped.mbox mutt-style mboxo, a body line "From the desk of ..." left unescaped after a blank line.
mboxcl.mbox          mboxcl: Content-Length on every message; a forwarded message quoted in a body keeps a
                     whole From_ line (sender and date) unescaped after a blank line: only the length says where
                     the message ends.
thunderbird.mbox     Thunderbird's "From - <date>" separators and X-Mozilla-Status headers; an invitation
                     forwarded among the replies (passed over, named).
takeout.mbox         Google Takeout: "From <id>@xxx <date with zone>" separators, X-GM-THRID and X-Gmail-Labels;
                     Google's comment as an X-RESPONSE-COMMENT property and as an ATTENDEE parameter.
All reply to 2026-12-17-sandy-biggleswade-ltt (SEQUENCE 0, Thu 17 Dec 2026 19:00 London = UTC), sent 1 Dec 2026:
after every reply the sample data holds.
"""
import mailbox
import os
from pathlib import Path

here = Path(__file__).parent
UID = "2026-12-17-sandy-biggleswade-ltt@forumdesk"
PEOPLE = {
    "tamsin": ("Cllr Tamsin Lanternby", "tamsin.lanternby@councillors.example.org"),
    "cyrus": ("Cllr Cyrus Underhill", "cyrus.underhill@councillors.example.org"),
    "otis": ("Cllr Otis Rookwood", "otis.rookwood@councillors.example.org"),
    "farah": ("Cllr Farah Greenhalgh", "farah.greenhalgh@councillors.example.org"),
}


def calendar(who, partstat, stamp, method="REPLY", param_comment=None, property_comment=None):
    name, email = PEOPLE[who]
    attendee = f"ATTENDEE;PARTSTAT={partstat};CN={name}"
    if param_comment:
        attendee += f';X-RESPONSE-COMMENT="{param_comment}"'
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Corpus//EN", "VERSION:2.0", f"METHOD:{method}", "BEGIN:VEVENT",
             f"UID:{UID}", "SEQUENCE:0", "DTSTART:20261217T190000Z", "DTEND:20261217T210000Z", f"DTSTAMP:{stamp}",
             "ORGANIZER;CN=Community Engagement Team:mailto:engagement@example.org", attendee + f":mailto:{email}"]
    if property_comment:
        lines.append(f"X-RESPONSE-COMMENT:{property_comment}")
    lines += ["SUMMARY:Let's Talk Together: Sandy and Biggleswade", "END:VEVENT", "END:VCALENDAR"]
    return "\n".join(lines) + "\n"


def message(who, partstat, stamp, body, extra_headers=(), method="REPLY", **comments):
    name, email = PEOPLE[who]
    verb = {"ACCEPTED": "Accepted", "DECLINED": "Declined", "TENTATIVE": "Tentative"}.get(partstat, "Invitation")
    headers = list(extra_headers) + [
        f"From: {name} <{email}>", "To: engagement@example.org",
        f"Subject: {verb}: Let's Talk Together: Sandy and Biggleswade",
        f"Date: Tue, 01 Dec 2026 09:{stamp[11:13]}:00 +0000", "MIME-Version: 1.0",
        'Content-Type: multipart/alternative; boundary="corpus-b1"']
    return ("\n".join(headers) + "\n\n--corpus-b1\nContent-Type: text/plain; charset=UTF-8\n\n" + body
            + "\n--corpus-b1\nContent-Type: text/calendar; charset=UTF-8; method=" + method + "\n\n"
            + calendar(who, partstat, stamp, method=method, **comments) + "--corpus-b1--\n")


def note(subject, body):
    return (f"From: Residents Association <residents@example.org>\nTo: engagement@example.org\nSubject: {subject}\n"
            f"Date: Thu, 26 Nov 2026 08:00:00 +0000\n\n{body}")


def python_mailbox():
    path = here / "python-mailbox.mbox"
    if path.exists():
        path.unlink()
    box = mailbox.mbox(str(path))
    box.add(mailbox.mboxMessage(message("tamsin", "ACCEPTED", "20261201T091000Z",
                                        "I will attend.\n\nFrom the floor I will raise the bus shelter.\n")))
    box.add(mailbox.mboxMessage(note("Newsletter", "From our chair: thank you all.\n")))
    box.add(mailbox.mboxMessage(message("cyrus", "DECLINED", "20261201T092000Z", "Sorry.\n",
                                        param_comment="sorry, planning committee")))
    box.flush()
    box.close()


def mboxo_unescaped():
    text = ("From tamsin.lanternby@councillors.example.org Thu Nov 26 09:30:00 2026\n"
            + message("tamsin", "ACCEPTED", "20261201T093000Z",
                      "Happy to come.\n\nFrom the desk of Cllr Lanternby: I will bring the highways report.\n")
            + "\nFrom otis.rookwood@councillors.example.org Thu Nov 26 09:31:00 2026\n"
            + message("otis", "TENTATIVE", "20261201T093100Z", "Possibly.\n") + "\n")
    (here / "mboxo-unescaped.mbox").write_text(text)


def mboxcl():
    out = ""
    quoted = ("Forwarding the resident's note below.\n\n"
              "From residents@example.org Wed Nov 25 10:00:00 2026\n"
              "Subject: bins\n\nPlease raise the bins.\n")
    for who, partstat, stamp, body in [("farah", "DECLINED", "20261201T094000Z", quoted),
                                       ("cyrus", "ACCEPTED", "20261201T094100Z", "See you there.\n")]:
        whole = message(who, partstat, stamp, body)
        head, rest = whole.split("\n\n", 1)
        out += (f"From {PEOPLE[who][1]} Thu Nov 26 09:4{stamp[12]}:00 2026\n" + head
                + f"\nContent-Length: {len(rest.encode())}\n\n" + rest + "\n")
    (here / "mboxcl.mbox").write_text(out)


def thunderbird():
    mozilla = ["X-Mozilla-Status: 0001", "X-Mozilla-Status2: 00000000"]
    text = ("From - Thu Nov 26 09:50:00 2026\n"
            + message("tamsin", "TENTATIVE", "20261201T095000Z", "Might be late.\n", extra_headers=mozilla)
            + "\nFrom - Thu Nov 26 09:51:00 2026\n"
            + message("otis", "NEEDS-ACTION", "20261201T095100Z", "Fwd: the invitation\n", extra_headers=mozilla, method="REQUEST")
            + "\n")
    (here / "thunderbird.mbox").write_text(text)


def takeout():
    gmail = lambda n: [f"X-GM-THRID: 17901234567890123{n}", "X-Gmail-Labels: Inbox,Opened,Category Personal"]
    text = ("From 1790123456789012345@xxx Thu Nov 26 09:55:00 +0000 2026\n"
            + message("cyrus", "DECLINED", "20261201T095500Z", "Declined.\n", extra_headers=gmail(1),
                      property_comment="sorry\\, planning committee that evening")
            + "\nFrom 1790123456789012346@xxx Thu Nov 26 09:56:00 +0000 2026\n"
            + message("tamsin", "ACCEPTED", "20261201T095600Z", "Accepted.\n", extra_headers=gmail(2),
                      param_comment="looking forward to it")
            + "\n")
    (here / "takeout.mbox").write_text(text)


if __name__ == "__main__":
    python_mailbox()
    mboxo_unescaped()
    mboxcl()
    thunderbird()
    takeout()
