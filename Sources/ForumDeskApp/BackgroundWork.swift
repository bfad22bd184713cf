import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Long or blocking work started from a screen (a sync with the team, handing e-mail to the mail program) runs on
/// a thread of its own, so the keys keep working while the network or the mail program is slow. As in Bubble
/// Tea, the work runs outside `handle` and its result comes back as a message (`Finished`) that `finish` turns
/// into a change of the screens; while it runs the footer says so.
struct BackgroundWork: Sendable {
    /// What came of a piece of work, handled on the key loop.
    enum Finished: Sendable {
        case synced(Sync.Report)
        case sent(meetingID: String, lines: [DataStore.DeliveryLine], program: String)
    }

    /// What the footer says while it runs ("Syncing with the team").
    let doing: String
    let result: Pending<Finished>
    /// The meeting whose records the work writes, if any: not started twice at once.
    let meetingID: String?

    init(_ doing: String, meetingID: String? = nil, _ work: @escaping @Sendable () -> Finished) {
        self.doing = doing
        self.meetingID = meetingID
        result = Pending(work)
    }
}

extension App {
    /// Whether any work started from a screen is still running (the executable waits for it before exiting).
    public var isWorking: Bool { working.contains { $0.result.ready == nil } }

    /// Waits for the work still running (quitting is not a reason to leave a folder half-merged or a message
    /// half-recorded), then handles what it brought.
    public mutating func finishWork() {
        for work in working { _ = work.result.value }
        collectFinishedWork()
    }

    /// Called by the key loop between keys: each finished piece of work's result is handled (the footer says what
    /// came of it, changed files are read again). Returns whether any finished.
    @discardableResult
    public mutating func collectFinishedWork() -> Bool {
        var finished: [BackgroundWork.Finished] = []
        working.removeAll { work in
            guard let result = work.result.ready else { return false }
            finished.append(result)
            return true
        }
        for result in finished { finish(result) }
        return !finished.isEmpty
    }

    /// Starts work off the key loop, unless the same work is running already.
    mutating func start(_ work: @autoclosure () -> BackgroundWork, kind: String, meetingID: String? = nil) -> Bool {
        if let running = working.first(where: { $0.doing.hasPrefix(kind) && $0.meetingID == meetingID }) {
            message = .info("\(running.doing)… already: its result shows here when it is done")
            return false
        }
        working.append(work())
        return true
    }

    /// The footer's note while work runs and nothing else is said.
    var workingNote: Footer.Message? {
        let running = working.filter { $0.result.ready == nil }
        guard let first = running.first else { return nil }
        return .info(
            first.doing + "…" + (running.count > 1 ? " (and \(running.count - 1) more)" : "") + " keep working")
    }

    mutating func finish(_ result: BackgroundWork.Finished) {
        switch result {
        case .synced(let report): syncFinished(report)
        case .sent(let meetingID, let lines, let program): sendFinished(meetingID, lines, program: program)
        }
    }
}
