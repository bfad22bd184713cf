import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct CouncillorViewEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    /// Every file of the folder with its content, to compare before and after.
    func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            }
        }
        return files
    }

    @Test func test_councillorView_listsOnlyTheirWards_andNoKeyChangesTheDisk() throws {
        let data = try SampleCopy()
        let before = try snapshot(data.path)
        let tmux = try Tmux(width: 120, height: 40, command: data.command + " --councillor 'tamsin lanternby'")
        try tmux.wait(for: "Tamsin Lanternby's wards")
        #expect(!FileManager.default.fileExists(atPath: data.path + "/.forumdesk.lock"))
        try tmux.send("2")
        let list = try tmux.wait(for: "Date ▲")  // the Meetings table, not the dashboard
        let rows = list.split(separator: "\n").dropFirst(3).filter { $0.contains(" 202") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("Sandy and Biggleswade") }, "\(list)")
        // Every editing key of every screen, pressed.
        for keys in [
            ["n"], ["Enter", "E", "P", "X", "D", "L"], ["Tab", "a", "e", "d", "K", "J"], ["Tab", "i", "x"],
            ["Tab", "n", "l", "t", "r", "Enter"], ["u", "C-r", "C-s"], ["3", "Enter", "m"], ["4", "Tab", "n", "Enter"],
        ] {
            for key in keys { try tmux.send(key) }
            try tmux.send("Escape")
        }
        try tmux.send("q", "q", "q", "q")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try snapshot(data.path) == before)
    }
}
