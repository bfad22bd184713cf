import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct CodecTests {
    static let minimal = """
        {
          "schema": 1,
          "id": "2026-11-24-sandy-biggleswade-ltt",
          "kind": "lets-talk-together",
          "title": "Let's Talk Together: Sandy and Biggleswade",
          "area": "sandy-biggleswade",
          "wards": ["sandy"],
          "start": "2026-11-24T19:00",
          "end": "2026-11-24T21:00",
          "venue": {"name": "Sandy Village Hall"},
          "status": "confirmed"
        }
        """

    func decodeError(_ text: String) -> DecodeError? {
        do { _ = try Codec.meeting(try JSONParser.parse(Array(text.utf8))); return nil } catch let error as DecodeError
        {
            return error
        } catch { return nil }
    }

    func replacing(_ old: String, _ new: String) -> String { Self.minimal.replacingOccurrences(of: old, with: new) }

    @Test func test_minimalMeeting_decodesWithDefaults() throws {
        let meeting = try Codec.meeting(try JSONParser.parse(Array(Self.minimal.utf8)))
        #expect(meeting.languages == ["en"])
        #expect(meeting.sequence == 0)
        #expect(meeting.agenda.isEmpty && meeting.actions.isEmpty)
        #expect(LondonTime.iso(meeting.start) == "2026-11-24T19:00:00+00:00")
    }

    @Test func test_dateInTheWrongFormat_namesTheFieldAndItsPosition() {
        let error = decodeError(replacing("\"2026-11-24T19:00\"", "\"24/11/2026 7pm\""))
        #expect(
            error
                == DecodeError(
                    position: SourcePosition(line: 8, column: 12),
                    reason: "field `start` must be a date like 2026-11-24T19:00"))
    }

    @Test func test_unknownStatus_listsTheChoices() {
        let error = decodeError(replacing("\"confirmed\"", "\"confirmd\""))
        #expect(
            error?.reason
                == "field `status` must be one of planned, confirmed, held, postponed, cancelled, not `confirmd`")
        #expect(error?.position == SourcePosition(line: 11, column: 13))
    }

    @Test func test_wrongTypesAndMissingFields_areNamed() {
        #expect(
            decodeError(replacing("\"title\": \"Let's Talk Together: Sandy and Biggleswade\"", "\"title\": 7"))?.reason
                == "field `title` must be text in double quotes, not a number")
        #expect(decodeError(replacing("\"area\": \"sandy-biggleswade\",", ""))?.reason == "missing field `area`")
        #expect(
            decodeError(replacing("\"wards\": [\"sandy\"]", "\"wards\": \"sandy\""))?.reason
                == "field `wards` must be a list in [ ], not text")
        #expect(
            decodeError(replacing("\"status\": \"confirmed\"", "\"status\": \"confirmed\", \"residentsPresent\": -3"))?
                .reason
                == "field `residentsPresent` must be a whole number from 0 to 100000, not -3")
        #expect(
            decodeError(replacing("\"schema\": 1", "\"schema\": 2"))?.reason
                == "written by a newer ForumDesk (schema 2); this version reads schema 1")
        #expect(decodeError("[1]")?.reason == "a meeting must be an object in { }, not a list")
    }

    @Test func test_unknownFields_survive_atEveryLevel() throws {
        let text = replacing(
            "\"name\": \"Sandy Village Hall\"", "\"name\": \"Sandy Village Hall\", \"parking\": {\"spaces\": 12.50}"
        )
        .replacingOccurrences(
            of: "\"status\": \"confirmed\"", with: "\"status\": \"confirmed\", \"x-future\": [true, null]")
        let meeting = try Codec.meeting(try JSONParser.parse(Array(text.utf8)))
        #expect(meeting.venue.extra == ["parking": .object(["spaces": .number("12.50")])])
        #expect(meeting.extra == ["x-future": .array([.bool(true), .null])])
        let written = String(decoding: JSONWriter.write(Codec.encode(meeting)), as: UTF8.self)
        #expect(written.contains("\"spaces\": 12.50"))
        #expect(written.contains("\"x-future\": [\n    true,\n    null\n  ]"))
    }

    /// Which fields were asked for is kept by position, past the 64th member too: none of the read fields comes
    /// back as an unknown one, and every unknown one does.
    @Test func test_unknownFields_pastTheSixtyFourthMember() throws {
        let padding = (0..<70).map { "\"x-pad-\($0)\": \($0)" }.joined(separator: ", ")
        let text = replacing("\"status\": \"confirmed\"", "\(padding), \"status\": \"confirmed\", \"x-last\": true")
        let meeting = try Codec.meeting(try JSONParser.parse(Array(text.utf8)))
        #expect(meeting.status == .confirmed)
        #expect(meeting.extra.count == 71)
        #expect(meeting.extra["x-pad-69"] == .number("69") && meeting.extra["x-last"] == .bool(true))
        #expect(meeting.extra["status"] == nil && meeting.extra["title"] == nil && meeting.extra["venue"] == nil)
    }
}
