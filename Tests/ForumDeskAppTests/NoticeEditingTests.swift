import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

@Suite struct NoticeEditingTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let openCouncillors: [Key] =
        [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter, .tab, .tab, .tab]

    /// The e-mail's base64 parts, decoded and joined.
    func decodedParts(_ mail: String) -> String {
        var parts: [String] = [], run = ""
        for line in mail.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            if !line.isEmpty, line.allSatisfy({ $0.isLetter || $0.isNumber || "+/=".contains($0) }) {
                run += line; continue
            }
            if let data = Data(base64Encoded: run) { parts.append(String(decoding: data, as: UTF8.self)) }
            run = ""
        }
        return parts.joined(separator: "\n")
    }

    func outbox(_ w: Workspace) -> [String] { listing(w.copy.path + "/outbox/\(id)") }
    func listing(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// `u` after `n` withdraws the e-mail; `n` again writes one e-mail, not a second.
    @Test func test_undoOfANotice_withdrawsItsEmail_andNotifyAgainWritesNoDuplicate() throws {
        let w = try Workspace()
        var a = w.app(keys: openCouncillors + [.char("n")])
        #expect(outbox(w) == ["cllr-tamsin-lanternby-request-0.eml"])
        a.handle(.key(.char("u")))
        #expect(a.screenText.contains("Undone: 1 notice written to outbox/\(id)/"))
        #expect(outbox(w).isEmpty)
        #expect(listing(w.copy.path + "/outbox-withdrawn/\(id)") == ["cllr-tamsin-lanternby-request-0.eml"])
        #expect(w.meetingOnDisk(id)?.notifications.contains { $0.councillor == "cllr-tamsin-lanternby" } == false)
        a.handle(.key(.char("n")))
        #expect(outbox(w) == ["cllr-tamsin-lanternby-request-0.eml"])
        a.handle(.key(.char("n")))
        #expect(a.screenText.contains("has an up-to-date notice"))
        #expect(outbox(w) == ["cllr-tamsin-lanternby-request-0.eml"])
    }

    /// `S` hands the meeting's queued e-mails to this machine's mail program: refused (`false` exits 1), the
    /// row says "send failed" and the footer why, and the e-mail stays; accepted (`true`), it moves to sent/.
    @Test func test_sendKey_failureStaysQueuedWithTheReason_successMovesToSent() throws {
        let w = try Workspace()
        var a = w.app(keys: openCouncillors + [.char("n")])
        a.mailCommand = ["false"]
        #expect(a.screenText.contains("queued"), "\(a.screenText)")
        a.handle(.key(.char("S")))
        a.finishWork()
        #expect(a.screenText.contains("0 sent, 1 not"), "\(a.screenText)")
        #expect(a.screenText.contains("send failed"))
        #expect(outbox(w) == ["cllr-tamsin-lanternby-request-0.eml"])
        #expect(w.meetingOnDisk(id)?.notifications.last?.delivery == .failed)

        var b = w.app(keys: openCouncillors)
        b.mailCommand = ["true"]
        b.handle(.key(.char("S")))
        b.finishWork()
        #expect(b.screenText.contains("1 e-mail(s) sent"), "\(b.screenText)")
        #expect(outbox(w).isEmpty)
        #expect(
            listing(w.copy.path + "/sent/\(id)") == [
                "cllr-tamsin-lanternby-request-0.eml", "cllr-tamsin-lanternby-request-0.eml.log",
            ])
        #expect(w.meetingOnDisk(id)?.notifications.last?.delivery == .sent)
        b.handle(.key(.char("S")))
        b.finishWork()
        #expect(b.screenText.contains("Nothing in the outbox"))
    }

    /// A slow mail program does not freeze the screen: `S` returns at once, the footer says the e-mails are being
    /// sent, keys keep working, a second `S` does not start a second send, and a save of the same meeting made
    /// meanwhile (a teammate's, here) is kept while the delivery is recorded on it.
    @Test func test_sendKey_runsOffTheKeyLoop_andARecordSavedMeanwhileKeepsBothChanges() throws {
        let w = try Workspace()
        var a = w.app(keys: openCouncillors + [.char("n")])
        let gate = w.copy.path + "/../send-gate-\(UUID().uuidString)"
        a.mailCommand = ["sh", "-c", "while [ ! -e '\(gate)' ]; do sleep 0.05; done; cat >/dev/null"]
        a.handle(.key(.char("S")))
        #expect(a.isWorking)
        #expect(a.screenText.contains("Sending \(id)'s e-mails with sh"), "\(a.screenText)")
        a.handle(.key(.down))
        a.handle(.key(.char("S")))
        #expect(a.screenText.contains("already"), "\(a.screenText)")
        let finishedEarly = a.collectFinishedWork()
        #expect(!finishedEarly)

        // A teammate renames the meeting while the mail program is still running.
        var data = w.store.load()
        var theirs = try #require(data.meeting(id))
        theirs.title = "Sandy and Biggleswade LTT (renamed meanwhile)"
        try w.store.save(theirs, in: &data)

        #expect(FileManager.default.createFile(atPath: gate, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: gate) }
        a.finishWork()
        #expect(!a.isWorking)
        #expect(a.screenText.contains("1 e-mail(s) sent with sh"), "\(a.screenText)")
        let onDisk = try #require(w.meetingOnDisk(id))
        #expect(onDisk.title == "Sandy and Biggleswade LTT (renamed meanwhile)")
        #expect(onDisk.notifications.last?.delivery == .sent)
        #expect(a.context.data.meeting(id)?.notifications.last?.delivery == .sent)
    }

    /// The outbox is not synced: a notice records the machine whose outbox holds its e-mail, and on another
    /// machine the Councillors tab says where it waits and that it is sent from there, not by `S` here.
    @Test func test_notice_saysWhichMachineHoldsItsEmail() throws {
        let w = try Workspace()
        let toTamsin: [Key] = [.down, .down, .down]
        let a = w.app(width: 160, height: 48, keys: openCouncillors + [.char("n")] + toTamsin)
        #expect(w.meetingOnDisk(id)?.notifications.last?.queuedOn == ProcessOwner.machine)
        #expect(a.screenText.contains("queued on \(ProcessOwner.machine) (S sends it)"), "\(a.screenText)")
        let file = w.copy.path + "/meetings/2026/\(id).json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(
            of: "\"queuedOn\": \"\(ProcessOwner.machine)\"", with: "\"queuedOn\": \"cat-laptop (cat)\""
        )
        .write(toFile: file, atomically: true, encoding: .utf8)
        let b = w.app(width: 160, height: 48, keys: openCouncillors + toTamsin)
        #expect(b.screenText.contains("queued on cat-laptop (cat) (sent from that machine)"), "\(b.screenText)")
    }

    /// The meeting file fails to save after `n`: no e-mail stays in the outbox, and Ctrl-S later records no
    /// notice (nobody would receive it). `n` once the disk works writes both.
    @Test func test_failedSaveAfterNotify_leavesNothing_andCtrlSRecordsNoNotice() throws {
        let disk = FlakyDisk(failing: .rename, with: EIO, onlyPathsContaining: "/meetings/")
        let w = try Workspace(fs: disk)
        var a = w.app(keys: openCouncillors + [.char("n")])
        #expect(a.screenText.contains("NOT SENT"), "\(a.screenText)")
        #expect(outbox(w).isEmpty)
        #expect(a.unsavedCount == 0)
        disk.failing = false
        a.handle(.key(.ctrl("s")))
        #expect(w.meetingOnDisk(id)?.notifications.contains { $0.councillor == "cllr-tamsin-lanternby" } == false)
        #expect(
            a.context.data.meeting(id)?.notifications.contains { $0.councillor == "cllr-tamsin-lanternby" } == false)
        a.handle(.key(.char("n")))
        #expect(outbox(w) == ["cllr-tamsin-lanternby-request-0.eml"])
        #expect(w.meetingOnDisk(id)?.notifications.contains { $0.councillor == "cllr-tamsin-lanternby" } == true)
    }

    /// Inviting a partner on the Attendance tab leaves the invitation to send; `n` sends it, and after a
    /// postponement the partner is owed the update like the councillors.
    @Test func test_partnerInvitation_isToSendUntilNotified_andOwedTheUpdate() throws {
        let w = try Workspace()
        let id = "2026-12-08-cranfield-marston-woburn-ltt"
        var a = w.app(keys: [.char("2"), .char("/")] + typing(id) + [.enter, .enter, .tab, .tab, .char("a")])
        for key in [Key.enter] + typing("bedfordshire police") + [.enter, .enter] + typing("rhodri") + [
            .enter, .ctrl("s"),
        ] {
            a.handle(.key(key))
        }
        var m = try #require(w.meetingOnDisk(id))
        let invitation = try #require(m.invitations.first { $0.person == "rhodri-copperfield" })
        #expect(invitation.at == nil)
        #expect(a.screenText.contains("to send"))
        a.handle(.key(.tab))  // the Councillors tab, where n is
        a.handle(.key(.char("n")))
        m = try #require(w.meetingOnDisk(id))
        #expect(m.invitations.first { $0.person == "rhodri-copperfield" }?.at == fixedNow)
        let folder = w.copy.path + "/outbox/\(id)"
        #expect(listing(folder).contains("rhodri-copperfield-request-\(m.sequence).eml"))
        // Postponed: the partner's notice is stale, and `n` sends the update and withdraws the invitation.
        for key in [Key.char("P")] + typing("2027-01-14 19:00") + [.ctrl("s")] { a.handle(.key(key)) }
        m = try #require(w.meetingOnDisk(id))
        let state = NotificationRules.partnerStatuses(for: m, in: w.store.load().directory).first {
            $0.contact.id == "rhodri-copperfield"
        }?.state
        #expect(state == .stale)
        a.handle(.key(.char("n")))
        m = try #require(w.meetingOnDisk(id))
        #expect(
            listing(folder).filter { $0.hasPrefix("rhodri-copperfield-") } == [
                "rhodri-copperfield-request-\(m.sequence).eml"
            ])
        #expect(
            listing(w.copy.path + "/outbox-withdrawn/\(id)").contains { $0.hasPrefix("rhodri-copperfield-request-") })
    }

    /// Postponing a December meeting into January while a colleague's edit (another field) sits in the December
    /// file: the two are merged by record, so the January file holds both and the December file goes.
    @Test func test_postponeIntoNextYear_overAColleaguesEdit_mergesBoth() throws {
        let w = try Workspace()
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter])
        let path = try #require(w.path(id))
        let theirs = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"residentsPresent\": null", with: "\"residentsPresent\": 12")
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        for key in [Key.char("P")] + typing("2027-01-14 19:00") + [.ctrl("s")] { a.handle(.key(key)) }
        #expect(!a.screenText.contains("Changed by someone else"), "\(a.screenText)")
        #expect(!FileManager.default.fileExists(atPath: path))
        let moved = try DataStore.decodeMeeting(
            Array(try #require(FileManager.default.contents(atPath: w.copy.path + "/meetings/2027/\(id).json"))))
        #expect(moved.residentsPresent == 12 && LondonTime.hhmm(moved.start) == "19:00")
    }

    /// The same field changed by a colleague and here: that is a choice, so the question is asked and nothing is
    /// overwritten.
    @Test func test_sameFieldChangedByAColleague_asks() throws {
        let w = try Workspace()
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter])
        let path = try #require(w.path(id))
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(original.firstRange(of: /"start": "[^"]+"/))
        let theirs = original.replacingCharacters(in: start, with: "\"start\": \"2026-12-18T19:00:00Z\"")
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        for key in [Key.char("P")] + typing("2027-01-14 19:00") + [.ctrl("s")] { a.handle(.key(key)) }
        #expect(a.screenText.contains("Changed by someone else"), "\(a.screenText)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs)
        #expect(!FileManager.default.fileExists(atPath: w.copy.path + "/meetings/2027/\(id).json"))
    }

    /// Cancelling asks why; the reason goes into the record and the cancellation notices.
    @Test func test_cancelling_asksForAReason_andTheNoticeCarriesIt() throws {
        let w = try Workspace()
        var a = w.app(keys: [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter, .char("E")])
        for _ in 0..<11 { a.handle(.key(.tab)) }  // to Status
        for key in [Key.enter] + typing("cancelled") + [.enter, .ctrl("s")] { a.handle(.key(key)) }
        #expect(a.screenText.contains("why is it cancelled?"), "\(a.screenText)")
        #expect(w.meetingOnDisk(id)?.status != .cancelled)
        // Choosing the status moved on to the reason, where the question is.
        for key in typing("the hall flooded") + [.ctrl("s")] { a.handle(.key(key)) }
        let m = try #require(w.meetingOnDisk(id))
        #expect(m.status == .cancelled)
        #expect(m.cancellationReason == "the hall flooded")
        for key in [Key.tab, .tab, .tab, .char("n")] { a.handle(.key(key)) }
        let files = outbox(w).filter { $0.contains("-cancel-") }
        try #require(!files.isEmpty, "\(a.screenText)")
        let text = decodedParts(try String(contentsOfFile: w.copy.path + "/outbox/\(id)/\(files[0])", encoding: .utf8))
        #expect(text.contains("Reason: the hall flooded"))
        #expect(text.contains("COMMENT:the hall flooded"))
    }
}
