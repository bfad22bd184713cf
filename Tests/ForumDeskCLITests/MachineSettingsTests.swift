import Foundation
import ForumDeskTestSupport
import Testing

/// A program named in the shared folder is never run (issue 33): `"sendmail"` in forumdesk.json, set by a
/// teammate's commit or anyone who can write the shared drive, is ignored with a warning; the machine's
/// configuration names the program.
@Suite struct MachineSettingsTests {
    @Test func test_mailProgramInTheSharedFolder_isNeverRun_theMachinesIs() throws {
        let copy = try SampleCopy()
        let witness = copy.folder + "/ran"
        let settings = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
        try text.replacingOccurrences(
            of: "\"council\":", with: "\"sendmail\": [\"/bin/sh\", \"-c\", \"touch \(witness)\"],\n  \"council\":"
        )
        .write(toFile: settings, atomically: true, encoding: .utf8)
        let now = ["--now", "2026-11-23T12:00"]
        #expect(try forumdesk(["notify", "2026-12-17-sandy-biggleswade-ltt", "--data", copy.path] + now).status == 0)
        let accepted = copy.folder + "/accepted"
        try copy.setMailProgram(["/bin/sh", "-c", "cat > /dev/null; touch \(accepted)"])
        let run = try forumdesk(["send", "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("is ignored"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: witness))
        #expect(FileManager.default.fileExists(atPath: accepted))
    }

    /// A machine configuration that cannot be read stops `send` with the file, the line and the reason.
    @Test func test_unreadableMachineConfiguration_isNamed() throws {
        let copy = try SampleCopy()
        try "{ \"sendmail\": \"msmtp\" }".write(toFile: copy.machineConfig, atomically: true, encoding: .utf8)
        let run = try forumdesk(["send", "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("machine-config.json") && run.stderr.contains("sendmail"), "\(run.stderr)")
    }
}
