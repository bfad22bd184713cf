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

@Suite struct FailedSaveTests {
    @Test func test_diskFull_keepsTheEntryInMemory_saysSo_andCtrlSRetries() throws {
        let disk = FlakyDisk()
        let w = try Workspace(fs: disk)
        var a = w.app(
            keys: openSandyOctober + [.char("L"), .char("a")] + typing("Repaint the bus shelter #highways") + [.enter])
        let text = a.screenText
        #expect(text.contains("NOT SAVED, nothing was written: No space left on device (disk full)"))
        a.handle(.key(.tab))
        a.handle(.key(.tab))
        #expect(a.screenText.contains("Repaint the bus shelter"))  // kept in memory, still on screen
        #expect(
            w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt")?.actions.contains {
                $0.description == "Repaint the bus shelter"
            } == false)
        // Quitting now asks first; stay.
        a.handle(.key(.ctrl("c")))
        #expect(a.screenText.contains("Changes not saved"))
        a.handle(.key(.escape))
        #expect(!a.isFinished)
        disk.failing = false
        a.handle(.key(.ctrl("s")))
        #expect(a.screenText.contains("Saved 1 change that had failed before"))
        #expect(
            w.meetingOnDisk("2026-10-15-sandy-biggleswade-ltt")?.actions.contains {
                $0.description == "Repaint the bus shelter"
            } == true)
        #expect(a.unsavedCount == 0)
    }

    /// Each fault at each step of a save, entering an action in live notes: the entry stays on screen, the
    /// footer names what failed, the file is byte for byte what it was, no temp file is left, Ctrl-S saves it.
    @Test(
        arguments: FlakyDisk.Call.allCases,
        [
            (ENOSPC, "disk full"), (EIO, "I/O error"), (EACCES, "permission denied"),
            (EROFS, "read-only file system"),
        ])
    func test_faultAtEachStep_keepsTheEntry_saysWhatFailed_andRetrySaves(
        call: FlakyDisk.Call, fault: (Int32, String)
    ) throws {
        let disk = FlakyDisk(failing: call, with: fault.0)
        let w = try Workspace(fs: disk)
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let path = try #require(w.path(id))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var a = w.app(
            keys: [.char("2"), .char("/")] + typing("2026-12-17 sandy") + [.enter, .enter, .char("L"), .char("a")]
                + typing("Survey the footpath #highways") + [.enter])
        let text = a.screenText
        #expect(text.contains("NOT SAVED"), "\(call) \(fault.1): \(text)")
        #expect(text.contains("(\(fault.1))"), "\(call) \(fault.1): \(text)")
        a.handle(.key(.tab))
        a.handle(.key(.tab))
        #expect(a.screenText.contains("Survey the footpath"))  // kept in memory, on the actions pane
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)
        disk.failing = false
        a.handle(.key(.ctrl("s")))
        #expect(a.screenText.contains("Saved 1 change that had failed before"))
        #expect(w.meetingOnDisk(id)?.actions.contains { $0.description == "Survey the footpath" } == true)
    }

    @Test func test_quitWithUnsavedChanges_asksFirst() throws {
        let disk = FlakyDisk()
        let w = try Workspace(fs: disk)
        var a = w.app(keys: openSandyOctober + [.char("L"), .char("r")] + typing("40") + [.enter])
        #expect(a.unsavedCount == 1)
        for _ in 0..<4 { a.handle(.key(.char("q"))) }
        #expect(!a.isFinished)
        #expect(a.screenText.contains("Changes not saved"))
        a.handle(.key(.right))
        a.handle(.key(.enter))  // Quit anyway
        #expect(a.isFinished)
    }
}
