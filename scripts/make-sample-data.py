#!/usr/bin/env python3
"""Writes the sample data folder (data/) for ForumDesk: Central Bedfordshire's seven SNT areas and wards
(public), fictional councillors and contacts (example.org, 01632 960xxx), real partner organisations, and
about sixty meetings from a year ago to three months ahead. Deterministic: the same output every run.

The files are written in ForumDesk's canonical form (two-space indent, fixed key order), so loading and
saving them with ForumDesk changes no byte; a test checks this.

Usage: scripts/make-sample-data.py [OUT_DIR]   (default: data)
"""
import datetime as dt
import json
import os
import random
import shutil
import sys
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
TODAY = dt.date(2026, 11, 23)  # the day the sample data was made; ages and warnings are relative to it
rng = random.Random(20261123)

AREAS = [
    ("cranfield-marston-woburn", "Cranfield, Marston and Woburn", "cmw",
     [("cranfield-marston-moretaine", "Cranfield and Marston Moretaine", 3), ("aspley-woburn", "Aspley and Woburn", 1)]),
    ("sandy-biggleswade", "Sandy and Biggleswade", "sandy-biggleswade",
     [("sandy", "Sandy", 3), ("biggleswade-north", "Biggleswade North", 2), ("biggleswade-south", "Biggleswade South", 2),
      ("potton", "Potton", 2), ("northill", "Northill", 1)]),
    ("ampthill-flitwick", "Ampthill and Flitwick", "ampthill-flitwick",
     [("ampthill", "Ampthill", 3), ("flitwick", "Flitwick", 3), ("westoning-flitton-greenfield", "Westoning, Flitton and Greenfield", 1),
      ("houghton-conquest-haynes", "Houghton Conquest and Haynes", 1), ("barton-le-clay", "Barton-le-Clay", 1)]),
    ("shefford-stotfold-arlesey", "Shefford, Stotfold and Arlesey", "ssa",
     [("shefford", "Shefford", 2), ("stotfold-langford", "Stotfold and Langford", 3), ("arlesey", "Arlesey", 3),
      ("silsoe-shillington", "Silsoe and Shillington", 1)]),
    ("dunstable-houghton-regis", "Dunstable, Houghton Regis and Rural", "dhr",
     [("dunstable-central", "Dunstable Central", 1), ("dunstable-icknield", "Dunstable Icknield", 2),
      ("dunstable-manshead", "Dunstable Manshead", 1), ("dunstable-northfields", "Dunstable Northfields", 2),
      ("dunstable-watling", "Dunstable Watling", 2), ("houghton-hall", "Houghton Hall", 2), ("parkside", "Parkside", 1),
      ("tithe-farm", "Tithe Farm", 1), ("caddington", "Caddington", 2)]),
    ("leighton-rural", "Leighton Rural", "leighton-rural",
     [("heath-and-reach", "Heath and Reach", 1), ("eaton-bray", "Eaton Bray", 1), ("toddington", "Toddington", 2)]),
    ("leighton-buzzard-linslade", "Leighton Buzzard and Linslade", "lbl",
     [("leighton-buzzard-north", "Leighton Buzzard North", 3), ("leighton-buzzard-south", "Leighton Buzzard South", 3),
      ("linslade", "Linslade", 3)]),
]
AREA_NAME = {a[0]: a[1] for a in AREAS}
AREA_WARDS = {a[0]: [w[0] for w in a[3]] for a in AREAS}
AREA_SHORT = {a[0]: a[2] for a in AREAS}
AREA_TOWN = {"cranfield-marston-woburn": "Cranfield", "sandy-biggleswade": "Sandy", "ampthill-flitwick": "Ampthill",
             "shefford-stotfold-arlesey": "Shefford", "dunstable-houghton-regis": "Dunstable",
             "leighton-rural": "Toddington", "leighton-buzzard-linslade": "Leighton Buzzard"}

# Invented names, clearly fictional in combination; contacts and councillors are not real people.
FIRST = ["Ada", "Bilal", "Carys", "Deepak", "Elin", "Farah", "Gareth", "Harpreet", "Imogen", "Jasper", "Kiran", "Lowri",
         "Mehmet", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Sanjay", "Tamsin", "Umar", "Verity", "Wilf", "Yasmin",
         "Zora", "Alfie", "Bronwen", "Cyrus", "Delphine", "Ewan", "Fenella", "Gulshan", "Hector", "Isla", "Jomo", "Keziah",
         "Leon", "Marisol", "Niamh", "Otis", "Parveen", "Rhodri", "Saoirse", "Tobias", "Uma", "Vikram", "Winifred", "Xavier",
         "Yusuf", "Zainab", "Amara", "Barnaby", "Cressida", "Dev", "Esme", "Florian", "Greer", "Hamza", "Ines", "Jago",
         "Kamala", "Lysander", "Maud", "Nikhil", "Orla", "Perpetua", "Rafferty", "Shirin", "Thea", "Ulric"]
LAST = ["Ashgrove", "Bellweather", "Copperfield", "Dunmore", "Elmsworth", "Fairbairn", "Greenhalgh", "Hollowell", "Ingleby",
        "Juniper", "Kestrel", "Larkspur", "Merriweather", "Nettlefold", "Oakhurst", "Pennywhistle", "Quillfeather", "Rookwood",
        "Sallowmere", "Thistlewood", "Underhill", "Vantwood", "Wychbold", "Yarrowby", "Ambridge-Cole", "Brackenbury",
        "Candlewick", "Dovecote", "Emberton", "Foxhollow", "Gorsefield", "Hazelmere", "Ivybridge-Shah", "Jessamy",
        "Kingfisher", "Lanternby", "Marchbank", "Nightingale-Rao", "Orchardson", "Primrose", "Quayle", "Rushmere",
        "Starling", "Tansley", "Umberfield", "Violetta", "Willowmere", "Yewdale", "Zephyrine", "Amberlight"]
used_names = set()


def person_name():
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in used_names:
            used_names.add(name)
            return name


def slug(text):
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


phone_counter = [100]


def phone():
    phone_counter[0] += 1
    return f"01632 960{phone_counter[0]:03d}"


def email(name, domain="example.org"):
    return slug(name).replace("-", ".") + "@" + domain


def iso(d, hour, minute):
    t = dt.datetime(d.year, d.month, d.day, hour, minute, tzinfo=LONDON)
    off = t.utcoffset()
    sign = "+" if off >= dt.timedelta(0) else "-"
    secs = abs(int(off.total_seconds()))
    return t.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{secs // 3600:02d}:{secs % 3600 // 60:02d}"


def stamp(d, hour=10, minute=0):
    """An office-hours timestamp: a weekend day moves to the Monday after."""
    if d.weekday() >= 5:
        d += dt.timedelta(days=7 - d.weekday())
    return iso(d, hour, minute)


# ---------------------------------------------------------------- organisations and contacts
ORGS = []          # (id, name, sector, frontline, areas)
CONTACTS = []      # person dicts
ORG_CONTACTS = {}  # org id -> [person ids]


def org(oid, name, sector, frontline=False, areas=(), contacts=()):
    ORGS.append((oid, name, sector, frontline, list(areas)))
    ORG_CONTACTS[oid] = []
    for title in contacts:
        add_contact(oid, title)


def add_contact(oid, title, area=None):
    name = person_name()
    pid = slug(name)
    CONTACTS.append({"id": pid, "name": name, "kind": "contact", "organisation": oid, "title": title,
                     "email": email(name), "phone": phone()})
    ORG_CONTACTS[oid].append(pid)
    return pid


org("cbc-community-engagement", "Central Bedfordshire Council: Community Engagement", "council-directorate",
    contacts=["Community Engagement Officer", "Community Engagement Officer", "Community Engagement Manager"])
org("cbc-sustainable-communities", "Central Bedfordshire Council: Sustainable Communities (highways, waste, planning)",
    "council-directorate", True, contacts=["Highways Area Manager", "Waste Services Manager", "Planning Officer"])
org("cbc-community-safety", "Central Bedfordshire Council: Community Safety", "council-directorate", True,
    contacts=["Community Safety Officer"])
org("cbc-childrens-services", "Central Bedfordshire Council: Children's Services", "council-directorate", True,
    contacts=["Early Help Locality Lead"])
org("cbc-social-care-health-housing", "Central Bedfordshire Council: Social Care, Health and Housing", "council-directorate", True,
    contacts=["Housing Area Manager", "Adult Social Care Locality Manager"])
org("cbc-customer-shared-services", "Central Bedfordshire Council: Customer and Shared Services", "council-directorate",
    contacts=["Libraries Development Manager"])
org("bedfordshire-police", "Bedfordshire Police", "police")
SNT_SERGEANT = {}
for a in AREAS:
    SNT_SERGEANT[a[0]] = add_contact("bedfordshire-police", f"Sergeant, {a[1]} SNT")
PCSO = {a[0]: add_contact("bedfordshire-police", f"PCSO, {a[1]} SNT") for a in AREAS[1:5]}
org("bedfordshire-police-authority", "Bedfordshire Police Authority", "police", contacts=["Authority Member"])
org("bedfordshire-fire-rescue", "Bedfordshire Fire and Rescue Service", "fire-and-rescue",
    contacts=["Station Manager, community safety", "Watch Manager, Dunstable"])
org("nhs-bedfordshire", "NHS Bedfordshire", "health", contacts=["Locality Engagement Lead"])
org("bedfordshire-patient-voice", "Bedfordshire Patient Voice", "health", contacts=["Volunteer Coordinator"])
org("central-bedfordshire-college", "Central Bedfordshire College", "education", contacts=["Community Partnerships Manager"])
org("biggleswade-academy", "Biggleswade Academy", "education", areas=["sandy-biggleswade"], contacts=["Business Manager"])
org("dunstable-town-centre-partnership", "Dunstable Town Centre Partnership", "business",
    areas=["dunstable-houghton-regis"], contacts=["Town Centre Manager"])
org("leighton-buzzard-chamber-of-trade", "Leighton Buzzard Chamber of Trade", "business",
    areas=["leighton-buzzard-linslade"], contacts=["Secretary"])
TOWN_COUNCILS = {
    "sandy-biggleswade": [("sandy-town-council", "Sandy Town Council"), ("biggleswade-town-council", "Biggleswade Town Council"),
                          ("potton-town-council", "Potton Town Council")],
    "ampthill-flitwick": [("ampthill-town-council", "Ampthill Town Council"), ("flitwick-town-council", "Flitwick Town Council")],
    "shefford-stotfold-arlesey": [("shefford-town-council", "Shefford Town Council"), ("stotfold-town-council", "Stotfold Town Council"),
                                  ("arlesey-town-council", "Arlesey Town Council")],
    "dunstable-houghton-regis": [("dunstable-town-council", "Dunstable Town Council"),
                                 ("houghton-regis-town-council", "Houghton Regis Town Council"),
                                 ("caddington-parish-council", "Caddington Parish Council")],
    "leighton-buzzard-linslade": [("leighton-linslade-town-council", "Leighton-Linslade Town Council")],
    "cranfield-marston-woburn": [("cranfield-parish-council", "Cranfield Parish Council"),
                                 ("marston-moretaine-parish-council", "Marston Moretaine Parish Council"),
                                 ("woburn-parish-council", "Woburn Parish Council")],
    "leighton-rural": [("toddington-parish-council", "Toddington Parish Council"), ("eaton-bray-parish-council", "Eaton Bray Parish Council")],
}
for area_id, councils in TOWN_COUNCILS.items():
    for oid, name in councils:
        org(oid, name, "town-or-parish-council", areas=[area_id], contacts=["Town Clerk" if "Town" in name else "Parish Clerk"])
org("brcc", "Bedfordshire Rural Communities Charity", "voluntary-and-community", contacts=["Community Development Worker"])
org("voluntary-community-action", "Voluntary and Community Action South Bedfordshire", "voluntary-and-community",
    areas=["dunstable-houghton-regis", "leighton-buzzard-linslade", "leighton-rural"], contacts=["Development Officer"])
org("groundwork-bedfordshire", "Groundwork Bedfordshire", "voluntary-and-community", contacts=["Project Officer"])
org("tithe-farm-residents", "Tithe Farm Residents' Association", "voluntary-and-community",
    areas=["dunstable-houghton-regis"], contacts=["Chair"])
org("dunstable-faith-forum", "Dunstable Faith Forum", "voluntary-and-community", areas=["dunstable-houghton-regis"],
    contacts=["Coordinator"])
org("leighton-youth-forum", "Leighton Buzzard Youth Forum", "voluntary-and-community",
    areas=["leighton-buzzard-linslade"], contacts=["Youth Worker"])

ENGAGEMENT_OFFICERS = ORG_CONTACTS["cbc-community-engagement"]
HIGHWAYS, WASTE, PLANNING = ORG_CONTACTS["cbc-sustainable-communities"]
SAFETY = ORG_CONTACTS["cbc-community-safety"][0]
EARLY_HELP = ORG_CONTACTS["cbc-childrens-services"][0]
HOUSING, ADULT_CARE = ORG_CONTACTS["cbc-social-care-health-housing"]
LIBRARIES = ORG_CONTACTS["cbc-customer-shared-services"][0]
FIRE = ORG_CONTACTS["bedfordshire-fire-rescue"]
NHS = ORG_CONTACTS["nhs-bedfordshire"][0]
ORG_OF = {p["id"]: p["organisation"] for p in CONTACTS}

# ---------------------------------------------------------------- councillors
COUNCILLORS = []
WARD_COUNCILLORS = {}
for a in AREAS:
    for wid, wname, seats in a[3]:
        WARD_COUNCILLORS[wid] = []
        for _ in range(seats):
            name = person_name()
            pid = "cllr-" + slug(name)
            method = rng.choices(["email", "letter", "phone"], [8, 1, 1])[0]
            COUNCILLORS.append({"id": pid, "name": f"Cllr {name}", "kind": "councillor", "wards": [wid],
                                "email": email(name, "councillors.example.org"), "phone": phone(),
                                "preferredContact": method})
            WARD_COUNCILLORS[wid].append(pid)


def area_councillors(area_id, wards=None):
    return [c for w in (wards or AREA_WARDS[area_id]) for c in WARD_COUNCILLORS[w]]


# ---------------------------------------------------------------- topics for agendas
TOPICS = [
    ("Policing priorities for the next quarter", ["community-safety"], "police", ["information", "discussion"], "consult", 20),
    ("Winter gritting routes", ["highways"], HIGHWAYS, ["information", "discussion"], "consult", 20),
    ("Council budget proposals 2027/28", ["budget"], "cbc-community-engagement", ["information", "discussion"], "consult", 25),
    ("Changes to bin collection days", ["waste"], WASTE, ["information"], "inform", 15),
    ("Local plan: proposed housing sites", ["planning"], PLANNING, ["information", "discussion"], "consult", 30),
    ("Anti-social behaviour hotspots", ["community-safety"], SAFETY, ["discussion", "agreement"], "involve", 20),
    ("Home fire safety visits", ["fire"], "fire", ["information"], "inform", 10),
    ("Access to GP appointments", ["health"], NHS, ["information", "discussion"], "consult", 20),
    ("Library opening hours review", ["libraries"], LIBRARIES, ["information", "discussion"], "consult", 15),
    ("Town centre parking", ["highways", "business"], HIGHWAYS, ["discussion"], "involve", 20),
    ("Community grants: residents decide", ["grants"], "cbc-community-engagement", ["discussion", "agreement"], "empower", 25),
    ("Flood resilience and drainage", ["environment"], "groundwork", ["information", "discussion"], "collaborate", 20),
    ("Community Speedwatch volunteers", ["highways", "community-safety"], "police", ["information", "agreement"], "involve", 15),
    ("Youth provision in the holidays", ["young-people"], EARLY_HELP, ["information", "discussion"], "consult", 20),
    ("Housing repairs and damp", ["housing"], HOUSING, ["information", "discussion"], "inform", 20),
]

OUTCOMES = [
    "Resolved: That the update be noted.",
    "Resolved: That the update be noted and residents' comments passed to the service.",
    "Resolved: That residents' views be fed into the consultation response.",
    "Resolved: That the proposals be supported, subject to the concerns raised about access for disabled residents.",
    "Resolved: That a follow-up report be brought to the next meeting.",
    "Resolved: That the priorities set out be agreed for the next quarter.",
]

ACTION_TEXTS = {
    "community-safety": ["Increase patrols near the recreation ground on Friday evenings",
                         "Report back on the number of anti-social behaviour calls since the last meeting"],
    "highways": ["Inspect the pothole on the High Street reported by residents", "Review the gritting of the school approach road",
                 "Consider a 20 mph limit outside the primary school"],
    "budget": ["Send residents the summary of the budget consultation results"],
    "waste": ["Confirm the new collection calendar in the residents' newsletter"],
    "planning": ["Publish the dates of the drop-in sessions on the housing sites"],
    "fire": ["Arrange home fire safety visits for residents who signed up at the meeting"],
    "health": ["Ask the practice to explain its new booking system at the next meeting"],
    "libraries": ["Share the opening hours survey results with residents"],
    "grants": ["Circulate the grant application form to community groups"],
    "environment": ["Clear the blocked drain on Mill Lane", "Map the streets that flooded in the autumn"],
    "young-people": ["Publish the holiday activity programme in schools"],
    "housing": ["Visit the flats reported with damp and report back"],
    "business": ["Meet traders about loading bays in the town centre"],
}
FEEDBACK = [
    "You said the problem was getting worse; we did the work and will keep checking it.",
    "You said you wanted to be told the results; we published them in the area newsletter.",
    "You said this mattered to your street; we raised it with the service, which has acted on it.",
]
APOLOGY_REASONS = ["illness", "another council meeting", "annual leave", "work commitment", "family commitment"]
VENUES = {
    "cranfield-marston-woburn": [("Cranfield Village Hall", "High Street, Cranfield, MK43 0BP"),
                                 ("Marston Moretaine Forum", "Bedford Road, Marston Moretaine, MK43 0LF")],
    "sandy-biggleswade": [("Sandy Village Hall", "Bedford Road, Sandy, SG19 1EL"),
                          ("Biggleswade Community Centre", "Shortmead Street, Biggleswade, SG18 0AT")],
    "ampthill-flitwick": [("Flitwick Rufus Centre", "Steppingley Road, Flitwick, MK45 1AH"),
                          ("Ampthill Parish Room", "Church Street, Ampthill, MK45 2PL")],
    "shefford-stotfold-arlesey": [("Shefford Community Hall", "Ampthill Road, Shefford, SG17 5BB"),
                                  ("Arlesey Village Hall", "High Street, Arlesey, SG15 6SN")],
    "dunstable-houghton-regis": [("Grove House", "High Street North, Dunstable, LU6 1LF"),
                                 ("Houghton Regis Community Centre", "Bedford Square, Houghton Regis, LU5 5ES")],
    "leighton-rural": [("Toddington Village Hall", "Station Road, Toddington, LU5 6BN"),
                       ("Eaton Bray Village Hall", "The Rye, Eaton Bray, LU6 2BQ")],
    "leighton-buzzard-linslade": [("Leighton Buzzard Library Theatre", "Lake Street, Leighton Buzzard, LU7 1RX"),
                                  ("Linslade Community Hall", "Old Road, Linslade, LU7 2RB")],
}
ACCESS = ["Step-free access; hearing loop; accessible toilet", "Step-free access; large-print agendas on request",
          "Lift to first floor; hearing loop; parking for blue badge holders"]
NOTICE_TITLES = {
    "dunstable-houghton-regis": {
        "bn": "আসুন একসাথে কথা বলি: ডানস্টেবল ও হটন রেজিস",
        "ur": "آئیے مل کر بات کریں: ڈنسٹیبل اور ہوٹن ریجس",
        "gu": "ચાલો સાથે વાત કરીએ: ડનસ્ટેબલ અને હ્યુટન રેજિસ",
        "pa": "ਆਓ ਮਿਲ ਕੇ ਗੱਲ ਕਰੀਏ: ਡਨਸਟੇਬਲ ਅਤੇ ਹਾਊਟਨ ਰੇਜਿਸ",
    },
    "leighton-buzzard-linslade": {
        "bn": "আসুন একসাথে কথা বলি: লেইটন বাজার্ড",
        "ur": "آئیے مل کر بات کریں: لیٹن بزرڈ",
    },
}


# Partners' topic requests (strategy item 10). "slots": the meetings whose agendas carry them, and what
# residents said there (the item's outcome).
TOPIC_REQUESTS = [
    {"id": "budget-2027-28", "title": "Council budget proposals 2027/28", "tags": ["budget"],
     "description": "Draft budget and the savings proposed for 2027/28: what residents would protect and what could change.",
     "organisation": "cbc-community-engagement", "contact": "ENGAGEMENT", "purpose": ["information", "discussion"],
     "engagementLevel": "consult", "areas": [], "notBefore": "2026-10-01", "notAfter": "2027-01-31", "minutes": 25,
     "received": "2026-09-02",
     "slots": {"2026-10-06-cranfield-marston-woburn-ltt": "Residents' views: keep rural bus support and the mobile library; would accept fewer grass cuts.",
               "2026-10-15-sandy-biggleswade-ltt": "Residents' views: protect adult social care and road repairs; several asked for less spent on consultants.",
               "2026-10-27-ampthill-flitwick-ltt": "Residents' views: worried about youth services; support for charging for garden waste.",
               "2026-11-05-shefford-stotfold-arlesey-ltt": "Residents' views: road maintenance first; concern about the cost of new housing infrastructure.",
               "2026-11-17-dunstable-houghton-regis-ltt": "Residents' views: keep town centre CCTV and the community hubs; split on a council tax rise.",
               "2026-11-26-leighton-rural-ltt": None}},
    {"id": "winter-gritting-routes", "title": "Winter gritting routes", "tags": ["highways"],
     "description": "Highways would like 20 minutes in every area before the end of January to consult on the priority gritting routes.",
     "organisation": "cbc-sustainable-communities", "contact": "HIGHWAYS", "purpose": ["information", "discussion"],
     "engagementLevel": "consult", "areas": [], "notBefore": "2026-11-23", "notAfter": "2027-01-31", "minutes": 20,
     "received": "2026-11-16", "slots": {}},
    {"id": "local-plan-housing-sites", "title": "Local plan: proposed housing sites", "tags": ["planning"],
     "description": "Consultation on the sites proposed for new homes near Flitwick and Leighton Buzzard.",
     "organisation": "cbc-sustainable-communities", "contact": "PLANNING", "purpose": ["information", "discussion"],
     "engagementLevel": "consult", "areas": ["ampthill-flitwick", "leighton-buzzard-linslade"],
     "notBefore": "2026-09-01", "notAfter": "2026-11-30", "minutes": 30, "received": "2026-07-20",
     "slots": {"2026-10-27-ampthill-flitwick-ltt": "Residents' views: support for the brownfield site; strong concern about traffic on the Ampthill road."}},
    {"id": "policing-priorities-2027", "title": "Policing priorities for 2027", "tags": ["community-safety"],
     "description": "The Safer Neighbourhood Teams ask residents which three priorities they should set for next year.",
     "organisation": "bedfordshire-police", "contact": "POLICE", "purpose": ["information", "agreement"],
     "engagementLevel": "involve", "areas": [], "notBefore": "2026-06-01", "notAfter": "2026-10-31", "minutes": 20,
     "received": "2026-05-11",
     "slots": {"2026-08-04-cranfield-marston-woburn-ltt": "Priorities agreed: rural burglary, speeding, fly-tipping.",
               "2026-08-13-sandy-biggleswade-ltt": "Priorities agreed: anti-social behaviour in the town centre, speeding, shoplifting.",
               "2026-08-25-ampthill-flitwick-ltt": "Priorities agreed: speeding, drug dealing near the station, scams against older residents.",
               "2026-09-03-shefford-stotfold-arlesey-ltt": "Priorities agreed: speeding, vehicle crime, anti-social behaviour.",
               "2026-09-15-dunstable-houghton-regis-ltt": "Priorities agreed: drug dealing, anti-social behaviour, knife crime."}},
    {"id": "winter-vaccinations", "title": "Winter vaccinations: flu and COVID-19", "tags": ["health"],
     "description": "Where and when residents can get their winter vaccinations; pop-up clinics in community venues.",
     "organisation": "nhs-bedfordshire", "contact": "NHS", "purpose": ["information"], "engagementLevel": "inform",
     "areas": ["dunstable-houghton-regis", "shefford-stotfold-arlesey", "leighton-rural"],
     "notBefore": "2026-10-01", "notAfter": "2026-12-05", "minutes": 10, "received": "2026-09-21",
     "slots": {"2026-11-17-dunstable-houghton-regis-ltt": "Residents asked for a clinic in Houghton Regis on a Saturday.",
               "2026-11-26-leighton-rural-ltt": None}},
    {"id": "library-opening-hours", "title": "Library opening hours review", "tags": ["libraries"],
     "description": "Proposed changes to opening hours at the smaller libraries.",
     "organisation": "cbc-customer-shared-services", "contact": "LIBRARIES", "purpose": ["information", "discussion"],
     "engagementLevel": "consult", "areas": ["cranfield-marston-woburn", "sandy-biggleswade", "leighton-rural"],
     "notBefore": "2026-11-01", "notAfter": "2027-01-31", "minutes": 15, "received": "2026-10-12", "status": "declined",
     "reason": "The review is consulted on online this year; Libraries will bring the results to the spring meetings.", "slots": {}},
    {"id": "home-fire-safety-visits", "title": "Home fire safety visits", "tags": ["fire"],
     "description": "Free home fire safety visits for older and disabled residents.",
     "organisation": "bedfordshire-fire-rescue", "contact": "FIRE", "purpose": ["information"], "engagementLevel": "inform",
     "areas": [], "notBefore": "2026-11-01", "notAfter": "2027-03-31", "minutes": 10, "received": "2026-10-30",
     "status": "withdrawn", "reason": "The service is running its own drop-in sessions in each town instead.", "slots": {}},
    {"id": "youth-provision-holidays", "title": "Youth provision in the holidays", "tags": ["young-people"],
     "description": "Plans for holiday activities and what young people and parents want from them.",
     "organisation": "cbc-childrens-services", "contact": "EARLY_HELP", "purpose": ["information", "discussion"],
     "engagementLevel": "consult", "areas": ["dunstable-houghton-regis", "leighton-buzzard-linslade"],
     "notBefore": "2027-02-01", "notAfter": "2027-04-30", "minutes": 20, "received": "2026-11-09", "slots": {}},
    {"id": "town-centre-parking-leighton", "title": "Town centre parking in Leighton Buzzard", "tags": ["highways", "business"],
     "description": "Raised by residents at the September meeting: short-stay spaces and the cost of parking near the market.",
     "organisation": "cbc-sustainable-communities", "contact": "HIGHWAYS", "purpose": ["discussion"], "engagementLevel": "involve",
     "areas": ["leighton-buzzard-linslade"], "notBefore": "2027-01-01", "notAfter": "2027-03-31", "minutes": 20,
     "received": "2026-09-29", "raisedAt": "2026-09-29-leighton-buzzard-linslade-ltt", "slots": {}},
]
TOPIC_BY_MEETING = {}
for _t in TOPIC_REQUESTS:
    for _mid, _said in _t["slots"].items():
        TOPIC_BY_MEETING.setdefault(_mid, []).append((_t, _said))

# Issues residents raised from the floor: (text, tags, answer).
ISSUES = [
    ("Street lights out on the path behind the school", ["highways"],
     "Answered: the Highways Officer has logged the fault; repairs are due within 14 days."),
    ("Speeding on the main road at school times", ["highways", "community-safety"],
     "Answered: the SNT will run speed checks and invited residents to join Community Speedwatch."),
    ("Fly-tipping in the lay-by again", ["environment"],
     "Answered: the waste team clears it within five working days; report it online with a photo."),
    ("The bus to the hospital no longer stops in the village", ["transport"],
     "Answered: the operator changed the route; the council is asking it to restore the stop."),
    ("Bins missed twice this month on our street", ["waste"],
     "Answered: the crew's round changed; the street has been added back to the schedule."),
    ("Young people have nowhere to go in the evenings", ["young-people"],
     "Answered: Early Help described the youth club and asked young people what else they want."),
    ("Potholes on the lane to the station", ["highways"],
     "Answered: inspected; two are programmed for repair, the rest are below the intervention level."),
    ("Cannot get a GP appointment for weeks", ["health"],
     "Answered: the NHS lead explained the new online booking and the extra Saturday clinics."),
    ("Drug dealing reported near the shops", ["community-safety"],
     "Answered: the SNT has increased patrols and asked residents to report through Crimestoppers."),
    ("Flooding at the ford after heavy rain", ["environment"],
     "Answered: the drainage team will clear the culvert; residents can sign up for flood alerts."),
]
issue_counters = {}


def next_issue_id(year):
    issue_counters[year] = issue_counters.get(year, 0) + 1
    return f"R-{year}-{issue_counters[year]:03d}"


def presenter_for(kind, area_id):
    """(person, organisation) for a topic's presenter code."""
    if kind == "police":
        p = SNT_SERGEANT[area_id]
    elif kind == "fire":
        p = FIRE[0]
    elif kind == "groundwork":
        p = ORG_CONTACTS["groundwork-bedfordshire"][0]
    elif kind == "cbc-community-engagement":
        p = ENGAGEMENT_OFFICERS[2]
    elif kind in ("ENGAGEMENT", "HIGHWAYS", "PLANNING", "NHS", "LIBRARIES", "EARLY_HELP", "FIRE", "POLICE"):
        p = {"ENGAGEMENT": ENGAGEMENT_OFFICERS[2], "HIGHWAYS": HIGHWAYS, "PLANNING": PLANNING, "NHS": NHS,
             "LIBRARIES": LIBRARIES, "EARLY_HELP": EARLY_HELP, "FIRE": FIRE[0],
             "POLICE": SNT_SERGEANT.get(area_id, SNT_SERGEANT[AREAS[0][0]])}[kind]
    else:
        p = kind
    return p, ORG_OF[p]


# ---------------------------------------------------------------- meetings
action_counters = {}
all_open_actions = {}  # area -> list of (action dict) still open, for "carried forward"


def next_action_id(year):
    action_counters[year] = action_counters.get(year, 0) + 1
    return f"A-{year}-{action_counters[year]:03d}"


def schedule():
    """(date, area, kind, wards) for every meeting, in date order."""
    plan = []
    start = dt.date(2025, 11, 25)
    for i, a in enumerate(AREAS):
        d = start + dt.timedelta(days=i * 9)
        while d <= dt.date(2027, 2, 26):
            weekday_shift = (1 - d.weekday()) % 7 if i % 2 == 0 else (3 - d.weekday()) % 7  # Tuesdays or Thursdays
            day = d + dt.timedelta(days=weekday_shift)
            if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 4):
                day += dt.timedelta(days=14)  # nobody holds a residents' meeting over Christmas
            plan.append((day, a[0], "lets-talk-together", AREA_WARDS[a[0]]))
            d += dt.timedelta(days=63)
    forums = [(dt.date(2026, 3, 12), "dunstable-houghton-regis", ["tithe-farm", "parkside"]),
              (dt.date(2026, 6, 18), "sandy-biggleswade", ["biggleswade-north", "biggleswade-south"]),
              (dt.date(2026, 9, 17), "leighton-buzzard-linslade", ["linslade"]),
              (dt.date(2026, 12, 10), "ampthill-flitwick", ["flitwick"]),
              (dt.date(2027, 1, 21), "shefford-stotfold-arlesey", ["arlesey"])]
    for d, area, wards in forums:
        plan.append((d, area, "ward-forum", wards))
    for d, area in [(dt.date(2026, 4, 23), "dunstable-houghton-regis"), (dt.date(2026, 10, 22), "leighton-buzzard-linslade")]:
        plan.append((d, area, "area-committee", AREA_WARDS[area]))
    return sorted(plan)


def make_meeting(d, area_id, kind, wards, index):
    town = AREA_TOWN[area_id]
    if kind == "lets-talk-together":
        mid = f"{d.isoformat()}-{area_id}-ltt"
        title = f"Let's Talk Together: {AREA_NAME[area_id]}"
        hours = ((19, 0), (21, 0)) if index % 3 else ((18, 30), (20, 30))
    elif kind == "ward-forum":
        mid = f"{d.isoformat()}-{wards[0]}-ward-forum"
        title = "Ward forum: " + " and ".join(w.replace("-", " ").title() for w in wards)
        hours = ((14, 0), (15, 30))
    else:
        mid = f"{d.isoformat()}-{area_id}-area-committee"
        title = f"Area committee: {AREA_NAME[area_id]}"
        hours = ((18, 0), (20, 0))
    venue_name, address = VENUES[area_id][index % 2]
    past = d < TODAY
    status = "held" if past else ("confirmed" if (d - TODAY).days < 45 else "planned")
    councillors = area_councillors(area_id, wards)
    chair = councillors[index % len(councillors)]
    m = {"schema": 1, "id": mid, "kind": kind, "title": title, "area": area_id, "wards": wards,
         "start": iso(d, *hours[0]), "end": iso(d, *hours[1]),
         "venue": {"name": venue_name, "address": address, "accessibility": ACCESS[index % len(ACCESS)]},
         "status": status, "chair": chair, "sequence": 0, "residentsPresent": None}
    languages = ["en"]
    titles = NOTICE_TITLES.get(area_id) if kind == "lets-talk-together" else None
    if titles:
        languages += list(titles.keys())
    m["_languages"] = languages
    m["_titles"] = titles
    m["_date"] = d
    m["_hours"] = hours
    m["_town"] = town
    return m


def build_agenda(m, rng_local):
    area_id = m["area"]
    items = [
        {"number": 1, "title": "Introductions and apologies", "purpose": ["information"], "engagementLevel": "inform", "minutes": 5},
        {"number": 2, "title": "Minutes of the previous meeting", "purpose": ["agreement"], "minutes": 5},
        {"number": 3, "title": "Matters arising", "presenter": ENGAGEMENT_OFFICERS[0],
         "organisation": "cbc-community-engagement", "purpose": ["information"], "engagementLevel": "inform", "minutes": 10},
        {"number": 4, "title": "Disclosures of interest", "purpose": ["information"], "minutes": 5},
    ]
    for topic in rng_local.sample(TOPICS, rng_local.randint(2, 4)):
        title, tags, who, purpose, level, minutes = topic
        person, orgid = presenter_for(who, area_id)
        items.append({"number": len(items) + 1, "title": title, "tags": tags, "presenter": person, "organisation": orgid,
                      "purpose": purpose, "engagementLevel": level, "minutes": minutes})
    requested = {t["title"] for t in TOPIC_REQUESTS}
    items = [i for i in items if i["title"] not in requested]
    for topic, said in TOPIC_BY_MEETING.get(m["id"], []):
        person, orgid = presenter_for(topic["contact"], area_id)
        items.append({"number": 0, "title": topic["title"], "tags": topic["tags"], "presenter": person, "organisation": orgid,
                      "purpose": topic["purpose"], "engagementLevel": topic["engagementLevel"], "minutes": topic["minutes"],
                      "notes": topic["description"], "topic": topic["id"], "_said": said})
    # A real agenda fits the meeting; upcoming ones keep 25 minutes free for requests still to come, except
    # one that is overbooked on purpose, so the capacity warning is there to see.
    length = minutes_between(m["_hours"])
    free = 0 if m["_date"] < TODAY or m["id"] == OVERBOOKED else 25
    while sum(i["minutes"] for i in items) + 20 + free > length:
        droppable = [i for i in items if i["number"] != 0 and i.get("tags") and "topic" not in i]
        if not droppable:
            break
        items.remove(droppable[-1])
    if m["id"] == OVERBOOKED:
        person, orgid = presenter_for(HIGHWAYS, area_id)
        items.append({"number": 0, "title": "Town centre regeneration: the plans", "tags": ["regeneration"], "presenter": person,
                      "organisation": orgid, "purpose": ["information", "discussion"], "engagementLevel": "consult",
                      "minutes": length - sum(i["minutes"] for i in items) - 20 + 15})
    items.append({"number": 0, "title": "Residents' open session", "tags": ["open-session"],
                  "purpose": ["discussion"], "engagementLevel": "involve", "minutes": 20})
    for n, item in enumerate(items, start=1):
        item["number"] = n
    return items


OVERBOOKED = "2027-01-28-leighton-rural-ltt"


def minutes_between(hours):
    (h1, m1), (h2, m2) = hours
    return (h2 * 60 + m2) - (h1 * 60 + m1)


def finish_agenda_item(item, held, rng_local):
    out = {"number": item["number"], "title": item["title"]}
    if item.get("tags"):
        out["tags"] = item["tags"]
    for key in ("presenter", "presenterName", "organisation"):
        if key in item:
            out[key] = item[key]
    out["purpose"] = item["purpose"]
    for key in ("engagementLevel", "minutes"):
        if key in item:
            out[key] = item[key]
    if held and item["number"] >= 5 and rng_local.random() < 0.6:
        out["notes"] = "Residents asked questions about timescales and how they would hear the outcome."
    if "topic" in item:
        out["notes"] = item["notes"]
    if not held:
        out["outcome"] = None
    elif item["number"] == 1:
        out["outcome"] = "Resolved: That the apologies be noted."
    elif item["number"] == 2:
        out["outcome"] = "Resolved: That the minutes be approved as a correct record and signed by the Chair."
    elif item["number"] == 3:
        out["outcome"] = "Resolved: That the matters arising report be noted."
    elif item["number"] == 4:
        out["outcome"] = None
    else:
        out["outcome"] = rng_local.choice(OUTCOMES)
    if "topic" in item:
        if held and item.get("_said"):
            out["outcome"] = item["_said"]
        out["topic"] = item["topic"]
    return out


def required_partners(area_id):
    towns = [c[0] for c in TOWN_COUNCILS[area_id]]
    orgs = ["bedfordshire-police", "cbc-sustainable-communities", "cbc-community-safety", towns[0]]
    if area_id in ("dunstable-houghton-regis",):
        orgs += ["bedfordshire-fire-rescue", "nhs-bedfordshire"]
    if area_id == "leighton-buzzard-linslade":
        orgs += ["leighton-youth-forum"]
    return orgs


def contact_for(orgid, area_id):
    if orgid == "bedfordshire-police":
        return SNT_SERGEANT[area_id]
    return ORG_CONTACTS[orgid][0]


def write_meetings(out):
    meetings = []
    plan = schedule()
    for index, (d, area_id, kind, wards) in enumerate(plan):
        r = random.Random(f"{d}-{area_id}-{kind}")
        m = make_meeting(d, area_id, kind, wards, index)
        held = m["status"] == "held"
        agenda = build_agenda(m, r)
        partners = required_partners(area_id) + r.sample(["brcc", "groundwork-bedfordshire", "central-bedfordshire-college",
                                                            "bedfordshire-patient-voice", "cbc-social-care-health-housing"], 2)
        meetings.append((m, agenda, partners, r))

    # Special cases that make the dashboard's warnings real.
    by_id = {m[0]["id"]: m for m in meetings}
    upcoming = [x for x in meetings if x[0]["_date"] >= TODAY]
    past = [x for x in meetings if x[0]["_date"] < TODAY]
    cancelled_past = past[len(past) // 3][0]
    cancelled_past["status"] = "cancelled"
    cancelled_past["publicNotes"] = "Cancelled: the venue flooded. Residents' questions were answered in writing."
    not_recorded = past[-1][0]["id"]
    past[-1][0]["status"] = "confirmed"
    postponed = upcoming[1][0]["id"]
    cancelled_upcoming = upcoming[3][0]["id"]
    no_police = upcoming[2][0]["id"]
    no_agenda = upcoming[-1][0]["id"]
    gap_past = past[-3][0]["id"]

    files = []
    year_now = None
    for m, agenda, partners, r in meetings:
        d = m["_date"]
        held = m["status"] == "held"
        status = m["status"]
        area_id = m["area"]
        councillors = area_councillors(area_id, m["wards"])
        # Notices go out about four weeks ahead; nothing yet for meetings more than ten weeks away.
        notice_day = d - dt.timedelta(days=28)
        notify = notice_day <= TODAY
        notifications = []
        if m["id"] == postponed:
            # Notified for the original date, then moved a week later: every notice is now stale.
            original = d - dt.timedelta(days=7)
            for i, c in enumerate(councillors):
                notifications.append({"councillor": c, "at": stamp(notice_day - dt.timedelta(days=7)), "method": "email",
                                      "kind": "invitation", "sequence": 0, "start": iso(original, *m["_hours"][0]),
                                      "end": iso(original, *m["_hours"][1]), "venue": m["venue"]["name"],
                                      "reply": "accepted" if i == 0 else "no-reply"})
                if i == 0:
                    notifications[-1]["repliedAt"] = stamp(notice_day - dt.timedelta(days=5), 16, 20)
            m["sequence"] = 1
            m["status"] = "confirmed"
            m["publicNotes"] = f"Moved from {original.strftime('%-d %B')} because the hall was double-booked."
        elif notify:
            for i, c in enumerate(councillors):
                # Historic gaps: an occasional councillor never notified.
                if r.random() < (0.08 if held else 0.12):
                    continue
                method = next(p["preferredContact"] for p in COUNCILLORS if p["id"] == c)
                reply = r.choices(["accepted", "declined", "tentative", "no-reply"], [5, 2, 1, 2])[0]
                n = {"councillor": c, "at": stamp(notice_day + dt.timedelta(days=r.randint(0, 3)), 9 + i % 6, 15),
                     "method": method, "kind": "invitation", "sequence": 0, "start": m["start"], "end": m["end"],
                     "venue": m["venue"]["name"], "reply": reply}
                if reply != "no-reply":
                    n["repliedAt"] = stamp(notice_day + dt.timedelta(days=r.randint(4, 10)), 14, 5)
                notifications.append(n)
            if status == "cancelled":
                when = notice_day + dt.timedelta(days=20)
                for c in councillors:
                    notifications.append({"councillor": c, "at": stamp(when, 11, 0), "method": "email",
                                          "kind": "cancellation", "sequence": 1, "reply": "no-reply"})
        if m["id"] == cancelled_upcoming:
            m["status"] = "cancelled"
            m["publicNotes"] = "Cancelled: clash with the council's budget meeting. A new date will follow."

        invitations = []
        for orgid in partners:
            if m["id"] == no_police and orgid == "bedfordshire-police":
                continue
            if not notify and not held and orgid != "bedfordshire-police" and r.random() < 0.5:
                continue
            reply = "accepted" if held else r.choices(["accepted", "no-reply", "declined"], [6, 3, 1])[0]
            if orgid == "bedfordshire-police":
                reply = "accepted"
            invitations.append({"organisation": orgid, "person": contact_for(orgid, area_id),
                                "at": stamp(notice_day - dt.timedelta(days=2), 9, 30), "reply": reply})

        attendance = []
        declarations = []
        actions = []
        if held:
            present_orgs = partners[:]
            if m["id"] == gap_past:
                present_orgs = [o for o in present_orgs if not o.startswith("cbc-")]
            for j, orgid in enumerate(present_orgs):
                person = contact_for(orgid, area_id)
                if orgid == "bedfordshire-police" and area_id in PCSO and r.random() < 0.35:
                    attendance.append({"person": PCSO[area_id], "organisation": orgid, "role": "member",
                                       "status": "substitute", "substituteFor": person})
                    attendance.append({"person": person, "organisation": orgid, "role": "member",
                                       "status": "apologies", "reason": "on duty at another incident"})
                elif r.random() < 0.3 and orgid not in required_partners(area_id):
                    attendance.append({"person": person, "organisation": orgid, "role": "member", "status": "apologies",
                                       "reason": r.choice(APOLOGY_REASONS)})
                else:
                    attendance.append({"person": person, "organisation": orgid, "role": "member", "status": "present"})
            for c in councillors:
                st = r.choices(["present", "apologies", "absent"], [6, 2, 1])[0]
                if c == m["chair"]:
                    st = "present"
                entry = {"person": c, "role": "member", "status": st}
                if st == "apologies":
                    entry["reason"] = r.choice(APOLOGY_REASONS)
                attendance.append(entry)
            attendance.append({"person": ENGAGEMENT_OFFICERS[index_of(m) % 2], "organisation": "cbc-community-engagement",
                               "role": "support-officer", "status": "present"})
            if r.random() < 0.3:
                attendance.append({"name": "Observer from a neighbouring parish", "role": "observer", "status": "present"})
            m["residentsPresent"] = r.randint(11, 58)
            if r.random() < 0.5:
                n = m["residentsPresent"]
                young = r.randint(0, n // 5)
                old = r.randint(n // 4, n // 2)
                m["equality"] = {"age": {"16-24": young, "25-64": n - young - old, "65+": old},
                                 "disability": {"yes": r.randint(1, n // 6 + 1), "no or not stated": 0}}
                m["equality"]["disability"]["no or not stated"] = n - m["equality"]["disability"]["yes"]
            if r.random() < 0.25:
                present_cllrs = [a["person"] for a in attendance if a.get("person", "").startswith("cllr-") and a["status"] == "present"]
                topical = [i for i in agenda if i["number"] >= 5 and i["title"] != "Residents' open session"]
                if present_cllrs and topical:
                    declarations.append({"person": present_cllrs[0], "item": topical[0]["number"],
                                         "nature": r.choice(["Personal interest: member of the town council",
                                                             "Personal interest: governor of a local school",
                                                             "Personal interest: lives on a street named in the item"])})
            # Actions raised at the meeting.
            for item in [i for i in agenda if i.get("tags")][: r.randint(1, 3)]:
                tag = item["tags"][0]
                texts = ACTION_TEXTS.get(tag) or ["Report back to residents on the points raised"]
                owner = item.get("presenter") or ENGAGEMENT_OFFICERS[0]
                year = d.year
                due = d + dt.timedelta(days=r.choice([21, 28, 42, 56]))
                age = (TODAY - d).days
                if status == "cancelled":
                    break
                if age > 200:
                    st = r.choices(["done", "dropped", "carried-forward"], [8, 1, 1])[0]
                elif age > 90:
                    st = r.choices(["done", "in-progress", "open", "carried-forward"], [7, 1, 1, 1])[0]
                else:
                    st = r.choices(["open", "in-progress", "done"], [3, 3, 3])[0]
                a = {"id": next_action_id(year), "item": item["number"], "description": r.choice(texts),
                     "owner": owner, "organisation": ORG_OF.get(owner, "cbc-community-engagement"),
                     "due": due.isoformat(), "status": st, "tags": [tag], "updates": [], "feedback": None}
                upd_day = d + dt.timedelta(days=r.randint(7, 20))
                if upd_day < TODAY and st != "open":
                    a["updates"].append({"at": stamp(upd_day, 15, 40), "text": "Work started; residents who raised it have been told.",
                                         "status": "in-progress"})
                if st == "done":
                    fin = min(due + dt.timedelta(days=r.randint(-10, 10)), TODAY - dt.timedelta(days=1))
                    a["updates"].append({"at": stamp(fin, 12, 0), "text": "Completed.", "status": "done"})
                    a["feedback"] = r.choice(FEEDBACK)
                elif st == "carried-forward":
                    a["updates"].append({"at": stamp(min(due, TODAY - dt.timedelta(days=1)), 20, 30),
                                         "text": "Carried forward to the next meeting: waiting on the contractor.",
                                         "status": "carried-forward"})
                elif st == "dropped":
                    a["updates"].append({"at": stamp(due, 10, 0), "text": "Dropped: the landowner is not the council; residents told.",
                                         "status": "dropped"})
                    a["feedback"] = "You said the verge needed cutting; it is private land, so we passed your concern to the owner."
                actions.append(a)
        issues = []
        if held and d.year == 2026 and status != "cancelled":
            open_item = agenda[-1]["number"]
            age = (TODAY - d).days
            for text, tags, answer in r.sample(ISSUES, r.randint(1, 3)):
                issue = {"id": next_issue_id(d.year), "text": text, "tags": tags, "item": open_item}
                linked = [a for a in actions if set(a["tags"]) & set(tags)]
                roll = r.random()
                if linked and roll < 0.35:
                    issue.update(status="action", action=linked[0]["id"])
                elif age < 40 and roll > 0.6:
                    issue["status"] = "open"
                else:
                    issue.update(status="answered", answer=answer)
                issues.append(issue)
            if m["id"] == "2026-09-29-leighton-buzzard-linslade-ltt":
                issues.append({"id": next_issue_id(d.year), "text": "Not enough short-stay parking near the market",
                               "tags": ["highways", "business"], "item": open_item, "status": "topic",
                               "topic": "town-centre-parking-leighton"})
        if m["id"] == no_agenda:
            agenda_out = []
        else:
            agenda_out = [finish_agenda_item(i, held, r) for i in agenda]
        if m["id"] == not_recorded:
            # Took place, but nobody recorded it: no attendance, outcomes still open.
            agenda_out = [finish_agenda_item(i, False, r) for i in agenda]

        ordered = {}
        for key in ["schema", "id", "kind", "title", "area", "wards", "start", "end", "venue", "status", "chair",
                    "sequence", "residentsPresent"]:
            ordered[key] = m[key]
        if "equality" in m:
            ordered["equality"] = {k: dict(sorted(v.items())) for k, v in sorted(m["equality"].items())}
        if "publicNotes" in m:
            ordered["publicNotes"] = m["publicNotes"]
        ordered["languages"] = m["_languages"]
        if m["_titles"]:
            ordered["noticeTitles"] = dict(sorted(m["_titles"].items()))
        ordered["agenda"] = agenda_out
        ordered["invitations"] = invitations
        ordered["attendance"] = attendance
        ordered["declarations"] = declarations
        ordered["notifications"] = notifications
        ordered["actions"] = actions
        if issues:
            ordered["issues"] = issues
        files.append((d.year, m["id"], ordered))
    for year, mid, doc in files:
        write_json(os.path.join(out, "meetings", str(year), f"{mid}.json"), doc)
    return files


_index = {}


def index_of(m):
    return _index.setdefault(m["id"], len(_index))


def write_json(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


# Postal addresses (issue 24, `forumdesk letters`) for councillors who prefer a letter: fictional, each care of a
# town or parish council's offices, as a councillor's published correspondence address would be. One who prefers
# a letter is left without an address, so `letters` has someone to report as missing one.
POSTAL_ADDRESSES = {
    "cllr-parveen-vantwood": ["c/o Sandy Town Council Offices", "10 Cambridge Road", "Sandy", "SG19 1ZA"],
    "cllr-orla-hollowell": ["c/o Flitwick Town Council Offices", "4 Station Road", "Flitwick", "MK45 1ZB"],
    "cllr-priya-ambridge-cole": ["c/o Members' Room, The Rufus Centre", "21 Steppingstone Place", "Flitwick", "MK45 1ZC"],
    "cllr-greer-kingfisher": ["c/o Shefford Town Council Offices", "7 High Street", "Shefford", "SG17 5ZD"],
    "cllr-deepak-violetta": ["c/o Ward Office, 3 Market Square", "Leighton Buzzard", "LU7 1ZE"],
}
ORGANISER_ADDRESS = ["Council Offices", "2 Market Square", "Shefford", "SG17 5ZZ"]


def person_doc(p):
    out = {"id": p["id"], "name": p["name"], "kind": p["kind"]}
    if p["kind"] == "councillor":
        out["wards"] = p["wards"]
    for key in ("organisation", "title", "email", "phone", "preferredContact"):
        if key in p:
            out[key] = p[key]
    if p["id"] in POSTAL_ADDRESSES:
        out["postalAddress"] = POSTAL_ADDRESSES[p["id"]]
    return out


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "data"
    if os.path.isdir(os.path.join(out, "meetings")):
        shutil.rmtree(os.path.join(out, "meetings"))
    write_json(os.path.join(out, "forumdesk.json"),
               {"schema": 1, "council": "Central Bedfordshire Council", "organiserName": "Community Engagement Team",
                "organiserEmail": "engagement@example.org", "organiserAddress": ORGANISER_ADDRESS,
                "equalityCategories": {"age": ["16-24", "25-64", "65+"], "disability": ["yes", "no or not stated"]},
                "sampleToday": TODAY.isoformat()})
    areas = [{"id": a[0], "name": a[1], "wards": [{"id": w[0], "name": w[1]} for w in a[3]]} for a in AREAS]
    rules = [
        {"kind": "lets-talk-together", "required": ["police", "frontline-directorate", "town-or-parish-council"]},
        {"kind": "ward-forum", "required": ["police", "town-or-parish-council"]},
        {"area": "dunstable-houghton-regis", "kind": "lets-talk-together", "required": ["fire-and-rescue", "health"]},
        {"area": "leighton-buzzard-linslade", "kind": "lets-talk-together", "required": ["voluntary-and-community"]},
    ]
    write_json(os.path.join(out, "directory", "areas.json"), {"schema": 1, "areas": areas, "coverageRules": rules})
    write_json(os.path.join(out, "directory", "people.json"),
               {"schema": 1, "people": [person_doc(p) for p in COUNCILLORS + CONTACTS]})
    orgs = []
    for oid, name, sector, frontline, oareas in ORGS:
        o = {"id": oid, "name": name, "sector": sector}
        if frontline:
            o["frontline"] = True
        if oareas:
            o["areas"] = oareas
        orgs.append(o)
    write_json(os.path.join(out, "directory", "organisations.json"), {"schema": 1, "organisations": orgs})
    files = write_meetings(out)
    if os.path.isdir(os.path.join(out, "topics")):
        shutil.rmtree(os.path.join(out, "topics"))
    for t in TOPIC_REQUESTS:
        doc = {"schema": 1, "id": t["id"], "title": t["title"], "description": t["description"],
               "organisation": t["organisation"], "contact": presenter_for(t["contact"], AREAS[0][0])[0],
               "purpose": t["purpose"], "engagementLevel": t["engagementLevel"], "areas": t["areas"],
               "notBefore": t["notBefore"], "notAfter": t["notAfter"], "minutes": t["minutes"],
               "status": t.get("status", "scheduled" if t["slots"] else "requested")}
        for key in ("reason", "received"):
            if key in t:
                doc[key] = t[key]
        doc["tags"] = t["tags"]
        if "raisedAt" in t:
            doc["raisedAt"] = t["raisedAt"]
        write_json(os.path.join(out, "topics", f"{t['id']}.json"), doc)
    print(f"wrote {len(files)} meetings, {len(TOPIC_REQUESTS)} topic requests, {len(COUNCILLORS)} councillors, "
          f"{len(CONTACTS)} contacts, {len(ORGS)} organisations to {out}/")


if __name__ == "__main__":
    main()
