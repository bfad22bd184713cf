import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport

/// The one redaction of everything public, against the spellings a council letterhead, an officer's notes or a
/// resident's e-mail use: each of `mustRedact` holds contact details that must vanish whole (the passage marked
/// with «», which becomes the placeholder); each of `mustKeep` holds none and comes out unchanged.
@Suite struct RedactionTests {
    /// «…» marks the passage that must become `Redaction.placeholder`.
    static let mustRedact: [String] = [
        // national, the letterhead's forms
        "Call «01632 960000» today", "Call «01632 960 000» today", "Call «01632960000» today",
        "Call «(01632) 960000» today",
        "Call «(01632) 960 000» today", "Call «(01632)960000» today", "Call «01632-960000» today",
        "Call «01632-960-000» today",
        "Call «01632.960.000» today", "Call «01632.960000» today", "Call «0163 296 0000» today",
        "Call «016 3296 0000» today",
        "Ring «020 7946 0000» please", "Ring «(020) 7946 0000» please", "Ring «0207 946 0000» please",
        "Ring «020-7946-0000» please",
        "Ring «0113 496 0000» please", "Ring «(0113) 496 0000» please", "Ring «0121 496 0000» please",
        "Ring «0161 496 0000» please",
        "Ring «028 9649 6000» please", "Ring «029 2018 0000» please", "Ring «0131 496 0000» please",
        "Ring «01632 96000» please",
        "Freephone «0800 123 4567».", "Freephone «0808 157 0000».", "Council line «0300 300 8000».",
        "Council line «0300-300-8000».",
        "Premium «0900 100 0000» line", "Non-geographic «0845 600 0000» line", "Call «0330 123 4567» now",
        "Call «0345 123 4567» now",
        // mobiles
        "Mobile «07700 900123».", "Mobile «07700900123».", "Mobile «07700 900 123».", "Mobile «0770 090 0123».",
        "Mobile «07700-900-123».", "Mobile «07700.900.123».", "Mobile «(07700) 900123».", "Mobile «077 0090 0123».",
        "mob: «07700 900 123»", "Text «07700 900456» or", "WhatsApp «07700 900 789» (evenings)",
        // international forms of UK numbers
        "Tel «+44 1632 960000» now", "Tel «+441632960000» now", "Tel «+44 (0)1632 960000» now",
        "Tel «+44 (0) 1632 960000» now",
        "Tel «+44(0)1632 960000» now", "Tel «+44 (0)1632 960 000» now", "Tel «+44-1632-960000» now",
        "Tel «+44.1632.960000» now",
        "Tel «+44 01632 960000» now", "Tel «0044 1632 960000» now", "Tel «00441632960000» now",
        "Tel «0044 (0)1632 960000» now",
        "Tel «+44 (0) 7700 900 123» now", "Tel «+44 7700 900123» now", "Tel «+447700900123» now",
        "Tel «0044 7700 900123» now",
        "Tel «+44 20 7946 0000» now", "Tel «+44 (0)20 7946 0000» now", "Tel «+ 44 1632 960000» now",
        // with an extension
        "Tel «01632 960000 ext. 123» today", "Tel «01632 960000 ext 123» today", "Tel «01632 960000 extn 45» today",
        "Tel «01632 960000 extension 6» today", "Tel «01632 960000 x123» today", "Tel «01632 960000, ext. 1234» today",
        "Tel «01632 960000 Ext: 12» today", "Tel «+44 (0)1632 960000 ext. 200» today",
        // run into other text
        "Tel:«01632960000»", "(«01632 960000»)", "[«07700 900123»]", "phone «01632 960000»/«07700 900123»",
        "«01632 960000»",
        "call «01632 960000» 2 times", "Tel\u{00A0}«01632\u{00A0}960000» ok", "Tel «01632\u{2009}960\u{2009}000» ok",
        "Tel «01632 – 960000» ok", "Tel «０１６３２ ９６００００» (full width)",
        // other countries
        "Family in France: «+33 1 23 45 67 89».", "Ireland «+353 1 234 5678».", "Ring «0033 1 23 45 67 89» from here",
        // e-mail addresses
        "Mail «ada@example.org» now", "Mail «Ada.Bell-Weather@example.co.uk» now", "Mail «ada+forum@example.org» now",
        "Mail «ada_b@mail.example.gov.uk» now", "Mail «o'brien@example.ie» now", "Mail «ada @ example.org» now",
        "Mail «ada@ example.org» now", "Mail «ada [at] example [dot] org» now", "Mail «ada(at)example(dot)org» now",
        "Mail «ada (at) example.org» now", "Mail «ada{at}example{dot}org» now", "Mail «ada <at> example <dot> org» now",
        "Mail «ada at example dot org» now", "Mail «ada AT example DOT org» now", "Mail «ada at example.org» now",
        "Mail «ada at example dot co dot uk» now", "Mail «ada@example dot org» now",
        "Mail «ada.bell at mail.example.com» now",
        "Mail «ADA@EXAMPLE.ORG» now", "Mail «josé@exämple.org» now", "<«ada@example.org»>", "mailto:«ada@example.org»",
        // private addresses with a postcode
        "Mrs Reed of «12 Mill Lane, LU6 3AB» raised it", "Sent to «12 Mill Lane, Dunstable, LU6 3AB».",
        "Write to «Flat 3, 12 Mill Lane, Sandy, SG19 1AB» please", "«12a High Street, Potton, SG19 2AB» wrote in",
        "Reply to «ROSE COTTAGE, MILL LANE, SANDY, SG19 1AB».", "from «Rose Cottage, Mill Lane, Sandy, SG19 1AB» about",
        "Lives at «4 The Green, Clophill MK45 4AB» now", "Postcode «LU6 3AB» only",
        "Postcode «lu6 3ab» in small letters",
        "Postcode «LU63AB» without a space", "At «10 Downing Street, London SW1A 2AA»",
        "«2 Church Road, Shefford, SG17 5TQ»",
        "Address: «33 Bedford Road, Marston Moretaine, Bedford MK43 0LA».", "«M1 1AA»", "«B33 8TH» is theirs",
    ]

    /// Texts with numbers and words that look a little like contact details but are not.
    static let mustKeep: [String] = [
        "Action A-2026-041 due 2026-12-15", "Case A-2026-0417 carried forward", "Ref 2026/0412 logged",
        "Planning ref CB/26/01234/FULL",
        "Crime ref 26000123456 given", "Meeting on 24/11/2026 at 19:00", "Meeting on 01/02/2026 at 7pm",
        "Dates 01.02.2026 to 15.03.2026",
        "On 01 02 2026 19 00 it rained", "2026-11-24T19:00", "from 09:00 to 17:00", "open 0900-1700 weekdays",
        "open 0900 1700 2100",
        "Ward population 12,345", "Population 12345 (2021 census)", "1,234,567 residents", "£1,250,000 for roads",
        "£12,500.00 grant",
        "£0.5m", "Budget 2025-2026", "Years 2019 2020 2021 2022 2023", "57 residents attended", "Q4 2026",
        "Q4 5PM start",
        "1 in 5 households", "0.5% rise", "Item 3.2.1 agreed", "Route 101 bus", "Call 101 for the police",
        "In an emergency call 999",
        "Speed limit 30 mph on the A1 and A6", "The A507 at junction 13 of the M1", "Room G1 is upstairs",
        "Covid19 figures fell",
        "meet at noon. Then walk", "Meet at the hall dot com? no", "We met at Priory and Dot arrived",
        "Talk to Dot at the library",
        "Cllr Ada Bellweather at the meeting", "Sandy Town Council", "@SandyTownCouncil on social media",
        "Email the team via the form",
        "version 2.0.1 installed", "3 of 12 councillors (25%)", "Sandy: 12 meetings: 10 held, 2 cancelled",
        "Median 14 days to close",
        "Between 7 and 9 o'clock", "Flat 3 and flat 4 were flooded", "12 Mill Lane was flooded",
        "Notes from 2026-03-05", "0 to 16 years",
    ]

    /// «…» becomes the placeholder; what remains is what must come out.
    static func expected(_ marked: String) -> String {
        marked.replacingOccurrences(of: "«[^»]*»", with: Redaction.placeholder, options: .regularExpression)
    }

    static func unmarked(_ marked: String) -> String {
        marked.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
    }

    @Test func test_table_isLargeAndHasBothKinds() {
        #expect(Self.mustRedact.count + Self.mustKeep.count >= 100)
        #expect(Self.mustRedact.count >= 100)
        #expect(Self.mustKeep.count >= 50)
    }

    @Test(arguments: mustRedact)
    func test_contactDetails_areRedactedWhole(_ marked: String) {
        #expect(Redaction.redact(Self.unmarked(marked)) == Self.expected(marked))
    }

    @Test(arguments: mustKeep)
    func test_ordinaryText_isLeftAlone(_ text: String) {
        #expect(Redaction.redact(text) == text)
    }

    /// A venue's address is public: its postcode stays, its phone number goes.
    @Test func test_venueAddress_keepsPostcode() {
        #expect(
            PublicRecord.cleanVenue("Sandy Library, Market Square, Sandy SG19 1AB, tel 01767 000000")
                == "Sandy Library, Market Square, Sandy SG19 1AB, tel \(Redaction.placeholder)")
    }

    /// Controls and bidi overrides are removed from public text, not shown.
    @Test func test_publicText_losesControlsAndBidiOverrides() {
        #expect(
            PublicRecord.clean("evil\u{202E}gnp.exe \u{2066}x\u{2069} a\u{1B}[2Jb\ttab\nline")
                == "evilgnp.exe x a[2Jb tab line")
    }
}
