import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct SafePathTests {
    @Test func test_pathFromAnyStrings_neverLeavesTheDataFolder() async {
        let alphabet: [String] = [
            "a", "Z", "0", "-", ".", "..", "/", "\\", "\u{0}", "\n", "~", " ", "é", "\u{202E}", "%2e", ":", "*",
        ]
        let parts = Gen.int(in: 0...1_000).array(of: 0...12).map { choices -> [String] in
            var parts: [String] = [""]
            for c in choices {
                if c % 7 == 0 { parts.append("") } else { parts[parts.count - 1] += alphabet[c % alphabet.count] }
            }
            return parts
        }
        let folder = DataFolder("/srv/forumdesk/data")
        await propertyCheck(count: 2_000, input: parts) { parts in
            for candidate in [parts, [parts.joined(separator: "/")]] {
                guard let path = try? folder.inside(candidate) else { continue }
                let standard = (path as NSString).standardizingPath
                #expect(standard.hasPrefix("/srv/forumdesk/data/"), "\(candidate) made \(path)")
                #expect(path.split(separator: "/").allSatisfy { $0 != ".." && $0 != "." }, "\(candidate) made \(path)")
                #expect(!path.unicodeScalars.contains { $0.value < 0x20 }, "\(candidate)")
            }
            if let path = try? folder.inside(parts.joined(separator: "/")) {
                #expect((path as NSString).standardizingPath.hasPrefix("/srv/forumdesk/data/"))
            }
        }
    }

    @Test(arguments: hostileIdentifiers)
    func test_conflictCopy_export_andOutbox_refuseAHostileID(name: String, id: String) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let store = DataStore(folder: DataFolder(root))
            var m = try #require(store.load().meeting("2026-10-15-sandy-biggleswade-ltt"))
            m.id = id
            #expect(throws: SaveError.self) { _ = try store.saveConflictCopy(m, now: Date()) }
            // The app's `e` export names its files so; notify's outbox folder is `outbox/<id>/`.
            #expect(throws: PathError.self) { _ = try store.folder.meetingFileName(id, "-minutes.md") }
            if id.contains("..") || id.hasPrefix("/") || id.contains("\u{0}") || id.hasPrefix(".") || id.isEmpty
                || id.contains("\n")
            {
                #expect(throws: SaveError.self) { _ = try store.writeGenerated("x", to: "outbox/\(id)/a.eml") }
            }
            var data = store.load()
            #expect(throws: SaveError.self) { try store.save(m, in: &data) }
            // Nothing was written anywhere in or above the folder.
            #expect(listing(folder) == ["data"])
            #expect(!FileManager.default.fileExists(atPath: root + "/conflicts"))
        }
    }

    @Test func test_writes_andDeletes_neverGoThroughASymbolicLink() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let elsewhere = folder + "/elsewhere"
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root + "/exports", withDestinationPath: elsewhere)
            try FileManager.default.createSymbolicLink(atPath: root + "/conflicts", withDestinationPath: elsewhere)
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            let m = try #require(data.meeting("2026-10-15-sandy-biggleswade-ltt"))
            #expect(throws: SaveError.self) {
                _ = try store.writeGenerated("minutes", to: "exports/\(m.id)-minutes.md")
            }
            #expect(throws: SaveError.self) { _ = try store.saveConflictCopy(m, now: Date()) }
            #expect(listing(elsewhere).isEmpty)
            // A year folder that is a link: its meetings are not read through it (issue 33), and a meeting of that
            // year is not written (nor deleted) through it.
            let inLink = try #require(data.meetings.first { LondonTime.date($0.start).year == 2027 })
            let year = root + "/meetings/2027"
            try FileManager.default.moveItem(atPath: year, toPath: elsewhere + "/2027")
            try FileManager.default.createSymbolicLink(atPath: year, withDestinationPath: elsewhere + "/2027")
            data = store.load()
            #expect(!data.meetings.contains { LondonTime.date($0.start).year == 2027 })
            data = store.load()
            data.place(inLink)
            data.meetingPaths[inLink.id] = year + "/\(inLink.id).json"
            var changed = inLink
            changed.title = "Changed"
            let before = listing(elsewhere + "/2027").map { try? readText(elsewhere + "/2027/" + $0) }
            #expect(throws: SaveError.self) { try store.save(changed, in: &data) }
            #expect(throws: SaveError.self) { try store.delete(meetingID: inLink.id, in: &data) }
            #expect(listing(elsewhere + "/2027").map { try? readText(elsewhere + "/2027/" + $0) } == before)
        }
    }
}
