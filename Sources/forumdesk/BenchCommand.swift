import ArgumentParser
import Foundation
import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Measurements that the issues ask for, run on this machine: not timed assertions in tests.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the cost of saving one live entry (durable save with fsync), on a copy of the data.",
        discussion: """
        Copies the data folder to a temporary folder (with --meetings N, grown to N meetings by cloning the
        sample's meetings to other dates), then times N saves of one live-notes entry: the store's durable save
        alone, and a confirmed quick-entry action through the app (parse, save, refresh). Prints median and p99.
        """
    )

    @OptionGroup var options: DataOptions
    @Option(help: "Grow the copy to this many meetings first.") var meetings: Int?
    @Option(help: "How many saves to time.") var runs = 300

    func run() throws {
        let (_, source) = try options.load()
        let root = NSTemporaryDirectory() + "forumdesk-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: options.folder.root, toPath: root)
        try? FileManager.default.removeItem(atPath: root + "/.forumdesk.lock")
        let store = DataStore(folder: DataFolder(root))
        if let meetings, meetings > source.meetings.count {
            try grow(store, to: meetings)
        }
        let loadStart = DispatchTime.now()
        var data = store.load()
        let loadMs = Double(DispatchTime.now().uptimeNanoseconds - loadStart.uptimeNanoseconds) / 1e6
        guard let target = data.meetings.last(where: { $0.status != .cancelled }) else { throw ExitStatus.dataError }
        print("data: \(data.meetings.count) meetings; load \(String(format: "%.0f", loadMs)) ms; timing \(runs) saves to \(target.id)")

        var storeTimes: [Double] = []
        var meeting = target
        for n in 0..<runs {
            meeting.actions.append(Action(id: "BENCH-\(n)", description: "Bench entry \(n)"))
            let start = DispatchTime.now()
            try store.save(meeting, in: &data)
            storeTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        report("store save (write, fsync, rename, fsync folder)", storeTimes)

        var app = App(data: store.load(), now: Date(), width: 100, height: 30, store: store, access: .editable)
        app.open(meetingID: target.id, live: true)
        var appTimes: [Double] = []
        for n in 0..<runs {
            app.handle(.key(.char("a")))
            for c in "Entry \(n) #bench due:+14d" { app.handle(.key(.char(c))) }
            let start = DispatchTime.now()
            app.handle(.key(.enter))
            appTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        report("live entry confirmed (parse, save, refresh)", appTimes)
        let render = DispatchTime.now()
        _ = app.render()
        print("render of live notes after: \(String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - render.uptimeNanoseconds) / 1e6)) ms")
    }

    func report(_ what: String, _ times: [Double]) {
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2]
        let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        print("\(what): median \(String(format: "%.3f", median)) ms, p99 \(String(format: "%.3f", p99)) ms, max \(String(format: "%.3f", sorted.last!)) ms")
    }

    /// Clones the folder's meetings (new ids, shifted back year by year) until there are `count`.
    func grow(_ store: DataStore, to count: Int) throws {
        var data = store.load()
        let originals = data.meetings
        var n = 0
        var shift = 1
        while data.meetings.count < count {
            for var m in originals where data.meetings.count < count {
                n += 1
                let days = Double(-364 * shift) * 86_400
                m.start = m.start.addingTimeInterval(days)
                m.end = m.end.addingTimeInterval(days)
                m.id = "\(LondonTime.date(m.start))-\(m.area)-copy-\(n)"
                m.actions = m.actions.map { a in
                    var copy = a
                    copy.id = "\(a.id)-c\(n)"
                    return copy
                }
                try store.save(m, in: &data)
            }
            shift += 1
        }
    }
}
