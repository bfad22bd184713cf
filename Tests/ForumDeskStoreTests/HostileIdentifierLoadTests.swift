import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct HostileIdentifierLoadTests {
    let meetingFile = "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"

    /// Puts `replacement` where `original` was in one sample file; returns the file's path.
    func edit(_ root: String, _ file: String, _ original: String, _ replacement: String) throws -> String {
        let path = root + file
        let text = try readText(path)
        #expect(text.contains(original), "fixture text not found: \(original)")
        try text.replacingOccurrences(of: original, with: replacement).write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Each id field of a meeting file, with a hostile value: the file is kept out with `path:line:column`, and a
    /// save over it is refused (never overwritten).
    @Test(arguments: hostileIdentifiers)
    func test_hostileIDInMeetingFile_isAPositionedError_andTheFileIsNeverOverwritten(name: String, id: String) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            for (original, field) in [
                ("\"id\": \"2026-10-15-sandy-biggleswade-ltt\"", "id"),
                ("\"person\": \"harpreet-zephyrine\"", "person"),
            ] {
                let key = original.split(separator: ":")[0]
                let path = try edit(root, meetingFile, original, "\(key): \(jsonLiteral(id))")
                let store = DataStore(folder: DataFolder(root))
                var data = store.load()
                let error = try #require(data.loadErrors.first { $0.path == path }, "\(name) in `\(field)`")
                #expect(error.position != nil)
                #expect(error.message.contains("field `\(field)` is not a valid"), "\(error.message)")
                #expect(error.description.hasPrefix("\(path):\(error.position!.line):\(error.position!.column): "))
                #expect(data.meeting("2026-10-15-sandy-biggleswade-ltt") == nil)
                // The message shows the id without its controls or overrides.
                #expect(
                    !error.message.unicodeScalars.contains { $0.value < 0x20 || (0x202A...0x202E).contains($0.value) })
                // Never overwritten: a meeting with the same id may not be saved over the file.
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                var m = try #require(
                    DataStore(folder: DataFolder(sampleData)).load().meeting("2026-10-15-sandy-biggleswade-ltt"))
                m.title = "Overwritten"
                #expect(throws: SaveError.self) { try store.save(m, in: &data) }
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
                try FileManager.default.removeItem(atPath: path)
                try FileManager.default.copyItem(atPath: sampleData + meetingFile, toPath: path)
            }
        }
    }

    @Test(arguments: hostileIdentifiers)
    func test_hostileIDInPeopleFile_orTopic_orAction_isAPositionedError(name: String, id: String) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let people = try edit(
                root, "/directory/people.json", "\"id\": \"cllr-harpreet-vantwood\"", "\"id\": \(jsonLiteral(id))")
            let topic = try edit(
                root, "/topics/winter-gritting-routes.json", "\"id\": \"winter-gritting-routes\"",
                "\"id\": \(jsonLiteral(id))")
            let meeting = try edit(
                root, "/meetings/2025/2025-11-25-cranfield-marston-woburn-ltt.json", "\"id\": \"A-2025-001\"",
                "\"id\": \(jsonLiteral(id))")
            let data = DataStore(folder: DataFolder(root)).load()
            for path in [people, topic, meeting] {
                let error = try #require(data.loadErrors.first { $0.path == path }, "\(name): \(path)")
                #expect(error.position != nil && error.message.contains("is not a valid"), "\(error.description)")
            }
            #expect(data.directory.people.isEmpty, "people.json stays out as a whole")
        }
    }
}
