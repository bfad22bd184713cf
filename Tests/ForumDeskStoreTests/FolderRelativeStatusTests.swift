import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

@Suite struct FolderRelativeStatusTests {
    /// `statuses` (one folder opened per run of paths, `fstatat` in it) answers as `status` of each full path.
    @Test func test_statuses_equalEachPathsStatus() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let fs = PosixFileSystem()
            let files = DataStore(folder: DataFolder(root)).meetingFiles().map(\.path)
            let paths =
                files + [
                    root + "/meetings/2026/missing.json", root + "/meetings", root + "/nowhere/x.json", "relative-name",
                    root + "/forumdesk.json", files[0],
                    root + "/meetings/2026/../2025/" + (files[0] as NSString).lastPathComponent,
                ]
            let expected = paths.map { try? fs.status($0) }
            #expect(fs.statuses(paths[...]) == expected)
            #expect(DataStore(folder: DataFolder(root)).statuses(paths) == expected)
            #expect(expected.compactMap { $0 }.count == files.count + 4)
        }
    }
}
