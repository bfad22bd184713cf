import Foundation
import ForumDeskTestSupport
import Testing

/// No symbolic link in the data folder is followed, for reading or writing (issue 33).
@Suite struct DataFolderLinkTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let now = ["--now", "2026-11-23T12:00"]

    /// A meeting file that is a link to a valid meeting elsewhere is not read, and `validate` names it.
    @Test func test_meetingFileThatIsALink_isNotRead_andValidateNamesIt() throws {
        let copy = try SampleCopy()
        let file = copy.path + "/meetings/2026/\(id).json"
        let outside = copy.folder + "/outside.json"
        try FileManager.default.moveItem(atPath: file, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: outside)
        let run = try forumdesk(["validate", "--data", copy.path] + now)
        #expect(run.status != 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("\(id).json") && run.stdout.contains("symbolic link"), "\(run.stdout)")
    }

    /// Every folder e-mails are written to or moved through, made a link: `notify` and `send` write nothing
    /// through it (the councillors' e-mails stay inside the data folder or are not written), and say why.
    @Test(arguments: ["outbox", "outbox-pending", "outbox-sending", "sent"])
    func test_mailFolderThatIsALink_isNeverWrittenThrough(folder: String) throws {
        let copy = try SampleCopy()
        let elsewhere = copy.folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: copy.path + "/" + folder)
        try FileManager.default.createSymbolicLink(atPath: copy.path + "/" + folder, withDestinationPath: elsewhere)
        try copy.setMailProgram(["/bin/sh", "-c", "cat >/dev/null"])
        let notify = try forumdesk(["notify", id, "--data", copy.path] + now)
        _ = try forumdesk(["send", "--data", copy.path] + now)
        let written = try FileManager.default.subpathsOfDirectory(atPath: elsewhere)
        #expect(written.isEmpty, "\(folder): \(written) \(notify.stdout)\(notify.stderr)")
    }
}
