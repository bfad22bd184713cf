import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Issue 24: the postal address in `people.json` and the team's in `forumdesk.json`, and the letters' files.
@Suite struct PostalAddressCodecTests {
    static let people = """
        {
          "schema": 1,
          "people": [
            {
              "id": "cllr-orla-hollowell",
              "name": "Cllr Orla Hollowell",
              "kind": "councillor",
              "wards": [
                "flitwick"
              ],
              "preferredContact": "letter",
              "postalAddress": [
                "c/o Flitwick Town Council Offices",
                "4 Station Road",
                "Flitwick",
                "MK45 1ZB"
              ]
            },
            {
              "id": "sgt",
              "name": "Sam Sergeant",
              "kind": "contact",
              "organisation": "police"
            }
          ]
        }

        """

    @Test func test_people_roundTripByteForByte_withAndWithoutAnAddress() throws {
        let file = try Codec.peopleFile(try JSONParser.parse(Array(Self.people.utf8)))
        #expect(
            file.people[0].postalAddress == [
                "c/o Flitwick Town Council Offices", "4 Station Road", "Flitwick", "MK45 1ZB",
            ])
        #expect(file.people[1].postalAddress == [])
        #expect(file.people[0].extra.isEmpty, "a known field, not kept as unknown")
        #expect(String(decoding: JSONWriter.write(Codec.encode(file)), as: UTF8.self) == Self.people)
    }

    @Test func test_people_oneStringAddress_readAsLines() throws {
        let text = Self.people.replacingOccurrences(
            of: "\"preferredContact\": \"letter\",",
            with: "\"preferredContact\": \"letter\", \"postalAddress\": \"7 Lantern Row, Sandy SG19 9ZZ\","
        )
        .replacingOccurrences(
            of:
                "\"postalAddress\": [\n        \"c/o Flitwick Town Council Offices\",\n        \"4 Station Road\",\n        \"Flitwick\",\n        \"MK45 1ZB\"\n      ]",
            with: "\"x\": 1")
        let file = try Codec.peopleFile(try JSONParser.parse(Array(text.utf8)))
        #expect(file.people[0].postalAddress == ["7 Lantern Row", "Sandy SG19 9ZZ"])
    }

    @Test func test_people_addressOfTheWrongType_isAnErrorAtItsPosition() {
        let text = Self.people.replacingOccurrences(of: "\"MK45 1ZB\"", with: "42")
        #expect(throws: DecodeError.self) { try Codec.peopleFile(try JSONParser.parse(Array(text.utf8))) }
    }

    @Test func test_settings_organiserAddress_roundTrips() throws {
        let text = """
            {
              "schema": 1,
              "council": "Central Bedfordshire Council",
              "organiserName": "Community Engagement Team",
              "organiserEmail": "engagement@example.org",
              "organiserAddress": [
                "Council Offices",
                "Shefford"
              ]
            }

            """
        let settings = try Codec.settings(try JSONParser.parse(Array(text.utf8)))
        #expect(settings.organiserAddress == ["Council Offices", "Shefford"])
        #expect(String(decoding: JSONWriter.write(Codec.encode(settings)), as: UTF8.self) == text)
    }

    @Test func test_letters_arePrivateFiles_andAMeetingsGeneratedFiles() throws {
        let root = NSTemporaryDirectory() + "forumdesk-letters-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = DataStore(folder: DataFolder(root))
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let path = try store.writeLetter(Array("<p>x</p>".utf8), to: "letters/\(id)/cllr-a-request-0.html")
        // The same notice again replaces its file: no `-2` copy.
        #expect(try store.writeLetter(Array("<p>y</p>".utf8), to: "letters/\(id)/cllr-a-request-0.html") == path)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let folderMode = try #require(
            try FileManager.default.attributesOfItem(atPath: root + "/letters/\(id)")[.posixPermissions] as? Int)
        #expect(folderMode & 0o077 == 0)
        try "not ours".write(toFile: root + "/letters/\(id)/notes.txt", atomically: true, encoding: .utf8)
        #expect(
            store.generatedFiles(ofMeeting: id) == [path],
            "the letter, not a file ForumDesk did not write, nor the folder holding it")
        try FileManager.default.removeItem(atPath: root + "/letters/\(id)/notes.txt")
        #expect(store.generatedFiles(ofMeeting: id) == [path, root + "/letters/\(id)"])
    }
}
