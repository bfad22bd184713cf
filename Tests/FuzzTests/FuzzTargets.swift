import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore
import ForumDeskExport
import ForumDeskTestSupport

/// The sample data the importers work against.
let sample = DataStore(folder: DataFolder(TestPaths.sampleData)).load()
let today = CalendarDate(year: 2026, month: 11, day: 23)
let now = LondonTime.parse("2026-11-23T12:00")!

/// Each parser of outside input, fed mutated inputs: none may crash, every failure is a clean error, and
/// what is accepted survives the round trip it must survive.
@Suite(.serialized) struct FuzzTests {
    /// Meeting, directory, topic and settings files: the JSON parser, then every decoder.
    @Test func test_jsonLoader() throws {
        var fuzzer = try Fuzzer(target: "json")
        fuzzer.run { bytes in
            let node: JSONNode
            do throws(JSONSyntaxError) {
                node = try JSONParser.parse(bytes)
            } catch {
                #expect(error.position.line >= 1 && error.position.column >= 1 && !error.reason.isEmpty)
                return
            }
            // Whatever parsed is written back and parses to the same tree.
            if case .object = node.value {
                _ = try? Codec.peopleFile(node)
                _ = try? Codec.organisationsFile(node)
                _ = try? Codec.areasFile(node)
                _ = try? Codec.topic(node)
                _ = try? Codec.settings(node)
            }
            if let meeting = try? Codec.meeting(node) {
                let again = try? DataStore.decodeMeeting(DataStore.encoded(meeting))
                let same = again == meeting  // compared outside #expect, which would print both meetings in full
                #expect(
                    same,
                    "a meeting that loads must save and load unchanged: \(String(decoding: bytes.prefix(300), as: UTF8.self))"
                )
            }
        }
    }

    /// `import csv meetings|people|organisations`: the CSV reader and the three importers.
    @Test func test_csvImporter() throws {
        var fuzzer = try Fuzzer(target: "csv")
        fuzzer.run { bytes in
            guard let rows = try? CSV.parse(String(decoding: bytes, as: UTF8.self)) else { return }
            let meetings = MeetingImport.run(
                rows: rows, directory: sample.directory, existing: sample.meetings.map(\.key), today: today)
            for meeting in meetings.meetings {
                #expect(!meeting.id.isEmpty && meeting.end >= meeting.start)
            }
            _ = DirectoryImport.run(.people, rows: rows, into: sample.directory)
            _ = DirectoryImport.run(.organisations, rows: rows, into: sample.directory)
        }
    }

    /// `import reply`: the iCalendar reader and the reply applied to a meeting.
    @Test func test_calendarReplyImporter() throws {
        var fuzzer = try Fuzzer(target: "ics")
        fuzzer.run { bytes in
            // The same bytes as a mail file (an .eml, an mbox) must never trap the MIME reader either.
            _ = ReplySource.read(Data(bytes), name: "fuzz", mailbox: true)
            guard let reply = try? CalendarReply.parse(String(decoding: bytes, as: UTF8.self)) else { return }
            let meeting = sample.meeting(reply.meetingID) ?? sample.meetings[sample.meetings.count / 2]
            let (updated, results) = reply.apply(to: meeting, directory: sample.directory, sent: now)
            #expect(results.count == reply.answers.count)
            #expect(updated.notifications.count == meeting.notifications.count)
        }
    }

    /// The live-notes line: actions, issues from the floor, and the dates they carry.
    @Test func test_quickEntryParser() throws {
        var fuzzer = try Fuzzer(target: "quick-entry")
        fuzzer.run { bytes in
            let line = String(decoding: bytes, as: UTF8.self)
            if let draft = try? QuickEntry.parse(line, directory: sample.directory, today: today) {
                #expect(!draft.description.isEmpty)
            }
            _ = try? QuickEntry.parseIssue(line)
            _ = QuickEntry.completions(of: line, directory: sample.directory)
            _ = try? DateInput.parse(line, today: today)
        }
    }
}
