#!/usr/bin/env python3
"""Writes issue 36's cases into a copy of a data folder: contact details in every form the issue names, names with
titles, a private address, control and bidi override characters, typed into every free-text field of a held
meeting and of one to come. Prints, one a line, the strings that must appear nowhere in what is published:
"contact<TAB>json" never, "name<TAB>json" not until an officer has checked the passage (publish --review).
Usage: scripts/inject-public-cases.py DATA_DIR  (change a copy: it rewrites meeting files in place)
"""
import json
import os
import sys

data = sys.argv[1]
phones = ["(01632) 960000", "(01632) 960 000", "+44 (0)1632 960000", "0044 1632 960000", "+44 (0) 7700 900 123", "01632 960001",
          "07700900124", "01632-960-002 ext. 45"]
emails = ["ada.resident@example.org", "ada [at] example [dot] org", "bob at example dot org"]
addresses = ["12 Mill Lane, LU6 3AB", "ROSE COTTAGE, MILL LANE, SANDY, SG19 1AB"]
bidi = ["\u202e", "\u2066", "\u2069", "\u202a", "\u0007", "\u001b"]
n = 0


def details():
    global n
    n += 1
    return (f"Mrs Dan Reed of {addresses[n % len(addresses)]} asks to be called on {phones[n % len(phones)]} or mailed at "
            f"{emails[n % len(emails)]}; PCSO Fenella Merriweather{bidi[n % len(bidi)]} answered.")


for meeting_id in ["2026-10-15-sandy-biggleswade-ltt", "2026-12-17-sandy-biggleswade-ltt"]:
    path = os.path.join(data, "meetings", "2026", meeting_id + ".json")
    m = json.load(open(path, encoding="utf-8"))
    held = m["status"] == "held"
    m["title"] = "Let's Talk Together \u202eevil\u202c: " + details()
    m["publicNotes"] = details()
    m["venue"]["accessibility"] = details()
    for item in m["agenda"]:
        item["title"] = "Item: " + details()
        item["notes"] = details()
        if held:
            item["discussion"] = details() + "\n\n" + details()
            item["outcome"] = "Resolved: " + details()
    for action in m.get("actions", []):
        action["description"] = details()
        action["feedback"] = details()
    for issue in m.get("issues", []):
        issue["text"] = details()
        issue["answer"] = details()
        issue["status"] = "answered"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(m, f, indent=2, ensure_ascii=False)
for needle in phones + emails + addresses + ["960 000", "7700 900 1", "LU6 3AB", "SG19 1AB"] + bidi:
    print("contact\t" + json.dumps(needle))
for needle in ["Dan Reed", "Fenella Merriweather"]:  # published only once an officer has checked the passage
    print("name\t" + json.dumps(needle))
