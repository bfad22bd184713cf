import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore

struct ProgrammeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme",
        abstract: "Plan a year's meetings from the rules in programme.json: preview the dates, then create them.",
        discussion: """
            programme.json holds a rule per area: every N weeks from a first date ("everyWeeks"), or the nth weekday \
            of every month or every few months ("nth", "weekday", "everyMonths"); the time, length, venue and kind. \
            --preview lists the dates with those skipped (bank holidays of England and Wales, the council's closed \
            days in forumdesk.json) or moved a week ("whenClosed": "next-week") said plainly, and each date's clashes. \
            Without --preview the planned meetings are created, each with its kind's agenda template. Run again after \
            extending or changing the rules: a planned meeting nobody has been told of is moved to the rule's time \
            and venue; a meeting held, notified, confirmed or cancelled is left as it is and listed, and so is a \
            planned meeting no rule gives any more. Exit 0, 2 for bad dates, 3 when programme.json cannot be read.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(help: ArgumentHelp("The first day to plan (default: today).", valueName: "day")) var from: String?
    @Option(
        help: ArgumentHelp("The last day to plan (default: 31 December of the first day's year).", valueName: "day"))
    var until: String?
    @Flag(help: "List the dates and what would be done; change nothing.") var preview = false

    func run() throws {
        let now = try options.currentTime()
        let first = try from.map(Self.day) ?? LondonTime.date(now)
        let last = try until.map(Self.day) ?? CalendarDate(year: first.year, month: 12, day: 31)
        guard first <= last else { throw ValidationError("--until (\(last)) is before --from (\(first))") }
        if preview { return try plan(from: first, until: last, now: now) }
        try withCommandTurn(options) { try plan(from: first, until: last, now: now) }
    }

    static func day(_ text: String) throws -> CalendarDate {
        guard let day = CalendarDate(iso: text) else {
            throw ValidationError("a day must be written like 2027-01-07, not \(text)")
        }
        return day
    }

    func plan(from: CalendarDate, until: CalendarDate, now: Date) throws {
        let file: ProgrammeFile
        switch DataStore(folder: options.folder).readProgramme() {
        case .missing:
            Output.error(
                "\(options.folder.programme): no programme yet; write one (see `forumdesk help programme` and docs/officer.md)"
            )
            throw ExitStatus.dataError
        case .failed(let diagnostic):
            Output.error("\(diagnostic)")
            throw ExitStatus.dataError
        case .read(let read):
            file = read
        }
        // Held meetings come from the start-up index as summaries (their area, day and status are all a plan needs);
        // every meeting still to come, which a plan may change or clash with, is read from its file.
        let (store, data0) = try options.load(indexed: true, readOnly: preview)
        var data = data0
        var bad: [String] = []
        for (i, rule) in file.rules.enumerated() {
            guard let area = data.directory.area(rule.area) else {
                bad.append("rule \(i + 1): unknown area `\(rule.area)`"); continue
            }
            for ward in rule.wards where !area.wards.contains(where: { $0.id == ward }) {
                bad.append("rule \(i + 1): `\(ward)` is not a ward of \(area.name)")
            }
        }
        guard bad.isEmpty else {
            for line in bad { Output.error("\(options.folder.programme): \(line)") }
            throw ExitStatus.dataError
        }
        let plan = ProgrammePlan.make(file.rules, data: data, from: from, until: until, now: now)
        plan.print(data: data, from: from, until: until, preview: preview)
        guard !preview else { return }
        do {
            try store.saveNew(plan.created, in: &data)
            for meeting in plan.changed { try store.save(meeting, in: &data) }
        } catch {
            Output.error("\(error); nothing more was written (`forumdesk validate` shows the meetings as they are)")
            throw ExitStatus.dataError
        }
        Output.line(
            "created \(plan.created.count) meeting\(plan.created.count == 1 ? "" : "s"), moved \(plan.changed.count), "
                + "left \(plan.kept.count) as \(plan.kept.count == 1 ? "it was" : "they were")")
    }
}
