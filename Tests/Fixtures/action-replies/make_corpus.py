#!/usr/bin/env python3
"""Writes the action-reply corpus: owners answering a ForumDesk reminder as Outlook, Gmail and Thunderbird write
replies. Run once; the .eml files are committed. Bytes are laid out as each program lays them out (Outlook: plain
and HTML in quoted-printable with its "From: ... Sent: ..." block; Gmail: base64 HTML, "On ... wrote:" and >
quoting; Thunderbird: format=flowed, bottom-posting between quoted lines, a "-- " signature)."""
import base64, quopri

DIGEST = """Dear {name},

These actions were agreed at community meetings and are owned by you. Residents are waiting to hear what happened: please reply with an update on each, or tell us if it is done.

OVERDUE
-------

{first}: Report back to residents on the points raised
  Due: 2 Jun 2026 (174 days overdue)
  Status: open

To update an action, reply to this e-mail with one line per action, above the quoted text:

  {first} done: <what was done, and when>
  {first} update: <what has happened so far>
  {first} due 2026-12-21: <why it needs longer>

Community Engagement Team
Central Bedfordshire Council
engagement@example.org"""

def qp(text):
    return quopri.encodestring(text.replace("\n", "\r\n").encode("utf-8")).decode("ascii")

def b64(text):
    raw = base64.encodebytes(text.replace("\n", "\r\n").encode("utf-8")).decode("ascii")
    return raw

def write(name, text):
    with open(name, "w", newline="") as f:
        f.write(text.replace("\r\n", "\n").replace("\n", "\r\n"))

# Outlook, top-posting: three answers, a signature without "-- ", then the quoted reminder under its header block.
plain = """A-2026-033 done: report sent to the residents' group on 24 Nov, copy on the council website
A-2026-039 update: contractor booked for 15 Dec
A-2026-038 due 2027-01-31: waiting for the survey

Kind regards,
Nikhil Kestrel
Community Engagement Officer
Central Bedfordshire Council

________________________________
From: Community Engagement Team <engagement@example.org>
Sent: 23 November 2026 09:00
To: Nikhil Kestrel <nikhil.kestrel@example.org>
Subject: Actions for you from residents' meetings: 7 overdue

""" + DIGEST.format(name="Nikhil Kestrel", first="A-2026-033")
html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>
<body dir="ltr"><div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">A-2026-033 done: report sent to the residents' group on 24 Nov, copy on the council website<br>A-2026-039 update: contractor booked for 15 Dec<br>A-2026-038 due 2027-01-31: waiting for the survey</div>
<div><br></div><div>Kind regards,<br>Nikhil Kestrel<br>Community Engagement Officer</div>
<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Community Engagement Team &lt;engagement@example.org&gt;<br><b>Sent:</b> 23 November 2026 09:00<br><b>To:</b> Nikhil Kestrel &lt;nikhil.kestrel@example.org&gt;<br><b>Subject:</b> Actions for you from residents' meetings: 7 overdue</font><div>&nbsp;</div></div>
<div><p>Dear Nikhil Kestrel,</p><pre>A-2026-033 done: &lt;what was done, and when&gt;</pre></div></body></html>"""
write("outlook-top.eml", f"""From: Nikhil Kestrel <nikhil.kestrel@example.org>
To: Community Engagement Team <engagement@example.org>
Subject: RE: Actions for you from residents' meetings: 7 overdue
Thread-Topic: Actions for you from residents' meetings: 7 overdue
Thread-Index: AQHbXk2y3h0Qn0m9Q0W2zY8oZ3n3Aw==
Date: Tue, 24 Nov 2026 10:12:31 +0000
Message-ID: <AM0PR10MB3346A1B2C3D4E5F6@AM0PR10MB3346.EURPRD10.PROD.OUTLOOK.COM>
In-Reply-To: <reminder.nikhil-kestrel.20261123T090000Z@forumdesk>
Accept-Language: en-GB, en-US
Content-Language: en-GB
X-MS-Has-Attach:
MIME-Version: 1.0
Content-Type: multipart/alternative;
	boundary="_000_AM0PR10MB3346A1B2C3D4E5F6AM0PR10MB3346EURP_"

--_000_AM0PR10MB3346A1B2C3D4E5F6AM0PR10MB3346EURP_
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

{qp(plain)}
--_000_AM0PR10MB3346A1B2C3D4E5F6AM0PR10MB3346EURP_
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

{qp(html)}
--_000_AM0PR10MB3346A1B2C3D4E5F6AM0PR10MB3346EURP_--
""")

# Gmail, top-posting, with an answer it cannot read and an action that does not exist; the reminder quoted with >.
quoted = "\n".join("> " + l if l else ">" for l in DIGEST.format(name="Yusuf Ambridge-Cole", first="A-2026-032").split("\n"))
plain = f"""Hi,

A-2026-032 update: resurfacing programmed for the week of 11 Jan
A-2026-057 finished last week I think
A-2026-999 done: gully emptied

Thanks
Yusuf

On Mon, 23 Nov 2026 at 09:00, Community Engagement Team <
engagement@example.org> wrote:

{quoted}
"""
html = """<div dir="ltr"><div>Hi,</div><div><br></div><div>A-2026-032 update: resurfacing programmed for the week of 11 Jan</div><div>A-2026-057 finished last week I think</div><div>A-2026-999 done: gully emptied</div><div><br></div><div>Thanks</div><div>Yusuf</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 23 Nov 2026 at 09:00, Community Engagement Team &lt;<a href="mailto:engagement@example.org">engagement@example.org</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">A-2026-032 done: &lt;what was done, and when&gt;</blockquote></div>"""
write("gmail-top.eml", f"""MIME-Version: 1.0
Date: Tue, 24 Nov 2026 14:03:11 +0000
References: <reminder.yusuf-ambridge-cole.20261123T090000Z@forumdesk>
In-Reply-To: <reminder.yusuf-ambridge-cole.20261123T090000Z@forumdesk>
Message-ID: <CAJ8xq4mR2f0Xo6pQn1Vv9zS7bW3cK5tYh2uE1dLr0aFg6NcP4w@mail.gmail.com>
Subject: Re: Actions for you from residents' meetings: 3 overdue
From: Yusuf Ambridge-Cole <yusuf.ambridge.cole@example.org>
To: Community Engagement Team <engagement@example.org>
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60718"

--000000000000a1b2c3d4e5f60718
Content-Type: text/plain; charset="UTF-8"

{plain}
--000000000000a1b2c3d4e5f60718
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: base64

{b64(html)}
--000000000000a1b2c3d4e5f60718--
""")

# Thunderbird, bottom-posting between the quoted lines, format=flowed, a "-- " signature.
write("thunderbird-bottom.eml", f"""Message-ID: <5d0c7a2e-3b1f-4c8e-9f61-2a7b8c9d0e1f@example.org>
Date: Wed, 25 Nov 2026 08:47:55 +0000
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: Actions for you from residents' meetings: 4 overdue
Content-Language: en-GB
To: Community Engagement Team <engagement@example.org>
References: <reminder.carys-brackenbury.20261123T090000Z@forumdesk>
From: Carys Brackenbury <carys.brackenbury@example.org>
In-Reply-To: <reminder.carys-brackenbury.20261123T090000Z@forumdesk>
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

On 23/11/2026 09:00, Community Engagement Team wrote:
> Dear Carys Brackenbury,
>
> A-2026-031: Report back to residents on the points raised
>    Due: 2 Jun 2026 (174 days overdue)

A-2026-031 done: volunteers planted the 40 hedge whips on 21 Nov

> A-2026-061: Clear the path by the brook
>    Status: open

A-2026-061 update: landowner's consent came through, work starts in 
December

>   A-2026-031 done: <what was done, and when>
>   A-2026-031 update: <what has happened so far>

-- 
Carys Brackenbury
Groundwork Bedfordshire, 01632 960151
""")

# HTML only, as Outlook on the web and some phones send it.
html = """<html><head><style>p{margin:0}</style></head><body><p>A-2026-040 done: new bins delivered to Flitwick Road on 20&nbsp;Nov</p><p>&nbsp;</p><p>Yasmin</p>
<div id="divRplyFwdMsg"><b>From:</b> Community Engagement Team &lt;engagement@example.org&gt;<br><b>Sent:</b> Monday, November 23, 2026 9:00 AM<br><b>Subject:</b> Actions for you</div>
<div>A-2026-071 done: &lt;what was done, and when&gt;</div></body></html>"""
write("outlook-html-only.eml", f"""From: Yasmin Bellweather <yasmin.bellweather@example.org>
To: "engagement@example.org" <engagement@example.org>
Subject: RE: Actions for you from residents' meetings: 2 overdue
Date: Wed, 25 Nov 2026 11:20:00 +0000
Message-ID: <DB9PR10MB5123F00D1234ABCD@DB9PR10MB5123.EURPRD10.PROD.OUTLOOK.COM>
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

{qp(html)}
""")

# A colleague in the owner's organisation answers for them, forwarding the reminder the owner passed on.
write("forwarded-colleague.eml", f"""From: Wilf Lanternby <wilf.lanternby@example.org>
To: Community Engagement Team <engagement@example.org>
Subject: Fwd: Actions for you from residents' meetings: 7 overdue
Date: Thu, 26 Nov 2026 09:30:00 +0000
Message-ID: <CAK1wilf0fwd9x8y7z6@mail.gmail.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"

Nikhil is on leave this week, so answering for him:

A-2026-048 update: the youth club has agreed to host the session in January

Wilf

---------- Forwarded message ---------
From: Nikhil Kestrel <nikhil.kestrel@example.org>
Date: Mon, 23 Nov 2026 at 11:02
Subject: Fwd: Actions for you from residents' meetings: 7 overdue
To: Wilf Lanternby <wilf.lanternby@example.org>

Can you pick up A-2026-048?

{DIGEST.format(name="Nikhil Kestrel", first="A-2026-048")}
""")

# Someone who is neither the owner nor in the owning organisation.
write("stranger.eml", """From: Pat Outsider <pat.outsider@example.net>
To: Community Engagement Team <engagement@example.org>
Subject: Re: Actions for you from residents' meetings: 7 overdue
Date: Thu, 26 Nov 2026 17:45:00 +0000
Message-ID: <20261126174500.ABC123@example.net>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"

A-2026-059 done: all sorted, you can close it
""")
