import Foundation
import ForumDeskTestSupport
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport

@Suite struct MailboxSplitTests {
    static func corpus(_ name: String) throws -> Data {
        try Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/mbox/\(name)"))
    }

    /// Python's `mailbox` splits at every "From " line (3 messages in the two files with unescaped ones); mutt, with
    /// its From_ date check and Content-Length, reads 2; so does ForumDesk.
    @Test func test_messagesInEachLayout() throws {
        let expected = [
            "python-mailbox.mbox": 3, "mboxo-unescaped.mbox": 2, "mboxcl.mbox": 2, "thunderbird.mbox": 2,
            "takeout.mbox": 2,
        ]
        for (name, count) in expected { #expect(MailReader.mbox(try Self.corpus(name)).count == count, "\(name)") }
    }

    @Test func test_fromLines_needASenderAndADate() {
        #expect(MailReader.isFromLine(Data("From MAILER-DAEMON Thu Nov 26 09:00:00 2026\n".utf8)))
        #expect(MailReader.isFromLine(Data("From - Thu Nov 26 09:50:00 2026\n".utf8)))
        #expect(MailReader.isFromLine(Data("From 1790@xxx Thu Nov 26 09:55:00 +0000 2026\n".utf8)))
        #expect(!MailReader.isFromLine(Data("From the desk of Cllr Lanternby: I will bring the report.\n".utf8)))
        #expect(!MailReader.isFromLine(Data("From Monday the hall is closed\n".utf8)))
    }

    /// A Content-Length that does not land on the next message is not believed: the From_ lines decide.
    @Test func test_aWrongContentLength_fallsBackToFromLines() {
        let text =
            "From a@b Thu Nov 26 09:00:00 2026\nSubject: one\nContent-Length: 3\n\nbody one\n\n"
            + "From a@b Thu Nov 26 09:01:00 2026\nSubject: two\n\nbody two\n"
        #expect(MailReader.mbox(Data(text.utf8)).count == 2)
    }
}
