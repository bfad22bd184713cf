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
        abstract: "Measure load, index, render, key press, search and durable save on a data folder.",
        discussion: """
            Run it on folders made by `forumdesk generate` (e.g. 1,000, 10,000 and 100,000 meetings). It times, in \
            this process: rebuilding the start-up index (with --cold), loading with the index, the first screen, \
            each main screen, a key press to the updated screen (Meetings list, cursor down), each step of an \
            incremental search over all meetings, and saving one live-notes entry durably (write, fsync, rename, \
            fsync folder) into a meeting it adds for the purpose and removes afterwards. Prints medians and p99, \
            and the peak memory (RSS) of the process.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(help: "How many saves and key presses to time.") var runs = 200
    @Flag(help: "Delete the start-up index first, to time its rebuild.") var cold = false
    @Option(help: "Screen size for the rendering measures, WIDTHxHEIGHT.") var size = "120x40"

    func run() throws {
        let folder = options.folder
        let store = DataStore(folder: folder)
        let now = try options.currentTime()
        let dims = size.split(separator: "x").compactMap { Int($0) }
        guard dims.count == 2 else { throw ValidationError("--size must look like 120x40") }
        let (width, height) = (dims[0], dims[1])
        if cold { try? FileManager.default.removeItem(atPath: folder.path(".forumdesk-index")) }

        let first = time { store.loadIndexed(now: now) }
        let (data, report) = first.value
        Output.line(
            "data: \(folder.root): \(data.meetings.count) meetings; first load \(String(format: "%.0f", first.ms)) ms"
                + (report.indexRebuilt ? " (index rebuilt)" : "") + ": \(report.decoded) files decoded from JSON, "
                + "\(data.meetings.filter(\.isSummary).count) meetings from the index")
        let loads = (0..<5).map { _ in time { store.loadIndexed(now: now) }.ms }
        line("load with index (warm), every file checked (commands)", loads)
        let appLoads = (0..<5).map { _ in time { store.loadIndexed(now: now, verify: false) }.ms }
        line("load with index (warm), files checked after the first screen (the app)", appLoads)
        let appLoad = store.loadIndexed(now: now, verify: false).1
        Output.line(
            "  of which: " + appLoad.phases.map { String(format: "%@ %.1f ms", $0.name, $0.ms) }.joined(separator: "; ")
        )
        Output.line("  year folders taken from the index, not listed: \(appLoad.foldersFromIndex)")

        let start = time { () -> Buffer in
            let app = App(data: data, now: now, width: width, height: height, store: store, access: .editable)
            return app.render()
        }
        Output.line(String(format: "first screen (app + dashboard render, after load): %.2f ms", start.ms))
        // The app's start when the start digest holds: the live meetings read, the dashboard drawn, nothing else.
        let digestStarts = (0..<5).map { _ in
            time { () -> Buffer? in
                guard let (live, cold) = store.loadStart(now: now) else { return nil }
                var app = App(data: live, now: now, width: width, height: height, store: store, access: .editable)
                app.startFromDigest(cold: cold)
                return app.render()
            }
        }
        if digestStarts.allSatisfy({ $0.value != nil }), let (live, cold) = store.loadStart(now: now) {
            line(
                "first screen from the start digest (\(live.meetings.count) live meetings read, \(cold.meetings) as sums)",
                digestStarts.map(\.ms))
        } else {
            Output.line(
                "first screen from the start digest: no digest holds for this folder (a load that may write makes one)")
        }
        let summaries = data.meetings.filter(\.isSummary)
        Output.line(
            "summaries whose lists the first screen read: \(summaries.filter(\.listsRead).count) of \(summaries.count)")

        var app = App(data: data, now: now, width: width, height: height, store: store, access: .editable)
        app.prepareSearch()  // as the app does after its load
        for (key, name) in [
            ("1", "dashboard"), ("2", "meetings"), ("3", "actions"), ("4", "directory"), ("5", "reports"),
            ("6", "topics"),
        ] {
            let switching = time { () -> Buffer in
                app.handle(.key(.char(Character(key))))
                return app.render()
            }
            let renders = (0..<20).map { _ in time { app.render() }.ms }
            line("screen \(name): open \(String(format: "%.2f", switching.ms)) ms; render", renders)
        }

        app.handle(.key(.char("2")))
        let presses = (0..<runs).map { n in
            time { () -> Buffer in
                app.handle(.key(n % 50 < 25 ? .down : .up))
                return app.render()
            }.ms
        }
        line("key press to updated screen (meetings, cursor)", presses)

        app.handle(.key(.char("/")))
        var steps: [Double] = []
        for _ in 0..<5 {
            for c in "biggleswade" {
                steps.append(
                    time { () -> Buffer in
                        app.handle(.key(.char(c)))
                        return app.render()
                    }.ms)
            }
            for _ in 0..<11 {
                steps.append(
                    time { () -> Buffer in
                        app.handle(.key(.backspace))
                        return app.render()
                    }.ms)
            }
        }
        line("incremental search step (type or delete a letter)", steps)
        Output.line(
            String(
                format:
                    "  of which the first letter (the search texts not yet made on the other thread made here): %.2f ms",
                steps[0]))
        app.handle(.key(.escape))
        // As a person searches: some time after the load, when the other thread has made the texts.
        var fresh = App(data: data, now: now, width: width, height: height, store: store, access: .editable)
        fresh.prepareSearch()
        let made = time { () -> Int in
            let deadline = Date().addingTimeInterval(300)
            var missing = fresh.searchTextsMissing
            while missing > 0, Date() < deadline {
                usleep(5000)
                missing = fresh.searchTextsMissing
            }
            return missing
        }
        fresh.handle(.key(.char("2")))
        fresh.handle(.key(.char("/")))
        var letters: [Double] = []
        for c in "biggleswade" {
            letters.append(
                time { () -> Buffer in
                    fresh.handle(.key(.char(c))); return fresh.render()
                }.ms)
        }
        Output.line(
            String(
                format:
                    "search texts made on another thread after the load in %.0f ms (%d left); then the first letter %.2f ms, "
                    + "the next ten: max %.2f ms", made.ms, made.value, letters[0], letters.dropFirst().max() ?? 0))

        try benchSaves(store: store, now: now, width: width, height: height)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        Output.line("peak RSS: \(usage.ru_maxrss / 1024) MB")
    }

    /// Adds a meeting for the purpose, times live entries into it, and removes it again.
    func benchSaves(store: DataStore, now: Date, width: Int, height: Int) throws {
        var (data, _) = store.loadIndexed(now: now)
        guard let area = data.directory.areas.first else { throw ExitStatus.dataError }
        let day = LondonTime.date(now).adding(days: 400)
        var meeting = Meeting(
            id: "\(day)-bench-\(getpid())", kind: .other, title: "Benchmark meeting (removed after)",
            area: area.id, wards: area.wards.prefix(1).map(\.id),
            start: LondonTime.instant(date: day, hour: 19, minute: 0),
            end: LondonTime.instant(date: day, hour: 21, minute: 0),
            venue: Venue(name: "Benchmark"), status: .planned)
        meeting.agenda = [AgendaItem(number: 1, title: "Benchmark", minutes: 10)]
        try store.save(meeting, in: &data)
        defer { try? store.delete(meetingID: meeting.id, in: &data) }

        var storeTimes: [Double] = []
        for n in 0..<runs {
            meeting.actions.append(Action(id: "BENCH-\(n)", description: "Bench entry \(n)"))
            let saved = meeting
            storeTimes.append(try timeThrowing { try store.save(saved, in: &data) })
        }
        line("store save (write, fsync, rename, fsync folder)", storeTimes)
        meeting.actions = []
        try store.save(meeting, in: &data)

        var app = App(data: data, now: now, width: width, height: height, store: store, access: .editable)
        app.open(meetingID: meeting.id, live: true)
        var appTimes: [Double] = []
        for n in 0..<runs {
            app.handle(.key(.char("a")))
            for c in "Entry \(n) #bench due:+14d" { app.handle(.key(.char(c))) }
            appTimes.append(
                time { () -> Buffer in
                    app.handle(.key(.enter))
                    return app.render()
                }.ms)
        }
        line("live entry saved and shown (parse, durable save, refresh, render)", appTimes)
        data = app.context.data
    }

    func time<T>(_ work: () -> T) -> (value: T, ms: Double) {
        let start = DispatchTime.now()
        let value = work()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
    }

    func timeThrowing(_ work: () throws -> Void) throws -> Double {
        let start = DispatchTime.now()
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }

    func line(_ what: String, _ times: [Double]) {
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2]
        let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        Output.line(
            String(
                format: "%@: median %.2f ms, p99 %.2f ms, max %.2f ms (%d runs)", what, median, p99, sorted.last!,
                sorted.count))
    }
}
