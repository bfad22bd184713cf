import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 27: deleting a person from the Directory screen, in a real terminal.
@Suite(.serialized) struct DirectoryDeletionEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    /// Every file under `folder` (hidden ones too) holding `needle`, any case.
    func filesHolding(_ needle: String, under folder: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let rel = walker?.nextObject() as? String {
            guard let bytes = FileManager.default.contents(atPath: folder + "/" + rel) else { continue }
            if String(decoding: bytes, as: UTF8.self).lowercased().contains(needle) { found.append(rel) }
        }
        return found
    }

    @Test func test_deleteAContact_refusedWhileNeeded_thenConfirmed_leavesNoTrace() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 100, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("4")
        try tmux.wait(for: "Contacts")
        try tmux.send("Tab", "Tab", "Tab", "/")
        // Invited to the meeting of 17 December: refused, saying where.
        try tmux.type("Harpreet Zephyrine")
        try tmux.send("Enter", "D")
        try tmux.wait(for: "is still needed")
        try tmux.wait(for: "2026-12-17-sandy-biggleswade-ltt")
        try tmux.send("Enter", "/", "Escape", "/")
        // Only in past meetings: asked, then deleted as erasure deletes.
        try tmux.type("Wilf Lanternby")
        try tmux.send("Enter", "D")
        try tmux.wait(for: "Delete Wilf Lanternby?")
        #expect(filesHolding("wilf-lanternby", under: data.path).count > 1)
        try tmux.send("d")
        try tmux.wait(for: "Deleted Wilf Lanternby")
        for needle in ["wilf lanternby", "wilf-lanternby", "wilf.lanternby"] {
            #expect(filesHolding(needle, under: data.path) == [], "\(needle)")
        }
        try tmux.send("q")
        let validate = try spawn([
            "sh", "-c", "'\(TestPaths.binary)' validate --data '\(data.path)' --now 2026-11-23T12:00 && echo VALID",
        ])
        #expect(validate.hasSuffix("VALID\n"), "\(validate)")
    }
}
