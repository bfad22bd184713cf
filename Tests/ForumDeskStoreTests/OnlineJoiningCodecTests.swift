import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// A meeting's joining details and who joined online: read, written back the same, unknown fields kept.
@Suite struct OnlineJoiningCodecTests {
    static let hybrid = CodecTests.minimal.replacingOccurrences(
        of: "\"status\": \"confirmed\"",
        with: """
            "status": "confirmed", "residentsPresent": 30, "residentsOnline": 7,
            "online": {"kind": "zoom", "url": "https://zoom.us/j/5550123456", "dialIn": "0203 481 5240, ID 555 0123 456#",
                       "instructions": "Waiting room opens 18:45", "published": true, "x-later": 1},
            "attendance": [{"name": "Ada Ng", "status": "present", "online": true}, {"name": "Bo Li", "status": "present"}]
            """)

    @Test func test_hybridMeeting_roundTrips() throws {
        let m = try Codec.meeting(try JSONParser.parse(Array(Self.hybrid.utf8)))
        let online = try #require(m.online)
        #expect(online.kind == .zoom)
        #expect(online.webURL == "https://zoom.us/j/5550123456")
        #expect(online.telephoneURI == "tel:+442034815240")
        #expect(online.published && !online.onlineOnly)
        #expect(online.extra == ["x-later": .number("1")])
        #expect(m.residentsOnline == 7)
        #expect(m.attendance.map(\.online) == [true, false])
        let written = JSONWriter.write(Codec.encode(m))
        let again = try Codec.meeting(try JSONParser.parse(written))
        #expect(again == m)
        // A meeting in the room only writes nothing new: its file stays as it was.
        let plain = try Codec.meeting(try JSONParser.parse(Array(CodecTests.minimal.utf8)))
        let text = String(decoding: JSONWriter.write(Codec.encode(plain)), as: UTF8.self)
        #expect(!text.contains("online") && !text.contains("residentsOnline"))
    }

    @Test func test_aBadKind_isReportedWithItsPosition() throws {
        let text = Self.hybrid.replacingOccurrences(of: "\"kind\": \"zoom\"", with: "\"kind\": \"skype\"")
        #expect(throws: DecodeError.self) { try Codec.meeting(try JSONParser.parse(Array(text.utf8))) }
    }

    @Test func test_links_onlyHTTPSOrTel_reachTheNotices() {
        #expect(OnlineJoining.linkProblem("https://teams.microsoft.com/l/meetup-join/abc") == nil)
        #expect(OnlineJoining.linkProblem("tel:+441234567890") == nil)
        for bad in [
            "http://example.org/x", "javascript:alert(1)", "https://ex ample.org", "https://x.org/\"><script>",
            "https:///x", "tel:abc", "",
        ] {
            #expect(OnlineJoining.linkProblem(bad) != nil, "\(bad)")
            let o = OnlineJoining(kind: .web, url: bad)
            #expect(o.link == nil && o.webURL == nil && !o.problems.isEmpty, "\(bad)")
        }
        // a phone dial-in needs a number
        #expect(!OnlineJoining(kind: .phone, url: "https://x.org/j").problems.isEmpty)
        #expect(OnlineJoining(kind: .phone, dialIn: "01234 567890").problems.isEmpty)
        #expect(OnlineJoining(kind: .phone, dialIn: "+1 415 555 0100").telephoneURI == "tel:+14155550100")
    }
}
