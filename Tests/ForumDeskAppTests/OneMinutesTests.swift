import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskExport
@testable import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// One minutes document whichever way it is made: the app's `e` (on data loaded through the start-up index, where
/// closed meetings are summaries), its Minutes tab, `forumdesk export minutes` and the public site.
@Suite(.serialized) struct OneMinutesTests {
    static let sandyOctober = "2026-10-15-sandy-biggleswade-ltt"

    /// A-2026-055 (raised at Sandy in August) reported on and closed at the October meeting, as live notes record it.
    static func reportAtSandyOctober(_ w: Workspace) throws {
        var data = w.store.load()
        var august = try #require(data.meeting("2026-08-13-sandy-biggleswade-ltt"))
        let i = try #require(august.actions.firstIndex { $0.id == "A-2026-055" })
        august.actions[i].updates.removeLast()
        august.actions[i].updates += [
            ActionUpdate(
                at: LondonTime.parse("2026-10-15T19:40")!,
                text: "Harpreet reported Friday patrols doubled since September; calls down from 22 to 14",
                meeting: sandyOctober),
            ActionUpdate(
                at: LondonTime.parse("2026-10-15T19:41")!,
                text: "Done (reported at Let's Talk Together: Sandy and Biggleswade).",
                status: .done, meeting: sandyOctober),
        ]
        try w.store.save(august, in: &data)
    }

    static func cli(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = readAll(out.fileHandleForReading)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments)")
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func test_everyHeldMeeting_hasByteIdenticalMinutesFromTheApp_theCLI_andTheSite() throws {
        let w = try Workspace()
        try Self.reportAtSandyOctober(w)
        _ = w.store.loadIndexed(now: fixedNow)
        let (data, _) = w.store.loadIndexed(now: fixedNow)
        #expect(data.meeting(Self.sandyOctober)?.isSummary == true)
        var a = App(data: data, now: fixedNow, width: 100, height: 30, store: w.store, access: .editable)
        let site = w.folder + "/site"
        _ = try Self.cli(["publish", "--data", w.copy.path, "--out", site, "--now", "2026-11-23T12:00"])
        let held = data.meetings.filter { $0.status == .held }.map(\.id)
        #expect(held.count > 20)
        for id in held {
            a.exportDocument(id)
            // Every format for the meeting with the matters arising report; text (the same lines) for the others:
            // each comparison runs the binary, and the three formats render one list of lines.
            for format in id == Self.sandyOctober ? DocumentFormat.allCases : [.text] {
                let written = try String(
                    contentsOfFile: w.copy.path + "/exports/\(id)-minutes.\(format.fileExtension)", encoding: .utf8)
                let cli = try Self.cli(["export", "minutes", id, "--data", w.copy.path, "--format", format.rawValue])
                #expect(written == cli, "\(id) \(format)")
            }
            // The Minutes tab shows the same lines, read from the same full records.
            a.stack.append(MeetingScreen(meetingID: id, tab: .minutes))
            a.readShownMeetings()
            let m = try #require(a.context.data.meeting(id))
            let tab =
                MeetingMinutesTab().lines(m, a.context).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
                + "\n"
            #expect(
                tab == (try String(contentsOfFile: w.copy.path + "/exports/\(id)-minutes.txt", encoding: .utf8)),
                "\(id) Minutes tab")
            a.stack.removeLast()
            // The site publishes the same document for residents.
            let year = LondonTime.date(m.start).year
            for (ext, format) in id == Self.sandyOctober ? [("md", "md"), ("txt", "text")] : [("md", "md")] {
                let published = try String(
                    contentsOfFile: "\(site)/meetings/\(year)/\(id)-minutes.\(ext)", encoding: .utf8)
                let cli = try Self.cli([
                    "export", "minutes", id, "--data", w.copy.path, "--format", format, "--for", "residents",
                ])
                #expect(published == cli, "\(id) site \(ext)")
            }
        }
        let minutes = try String(
            contentsOfFile: w.copy.path + "/exports/\(Self.sandyOctober)-minutes.txt", encoding: .utf8)
        #expect(
            minutes.contains(
                "A-2026-055  Increase patrols near the recreation ground on Friday evenings. Harpreet Zephyrine – Bedfordshire Police. "
                    + "Raised 13 Aug 2026. Reported: Harpreet reported Friday patrols doubled since September; calls down from 22 to 14. Closed at this meeting."
            ))
    }
}
