import ArgumentParser
import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// `forumdesk list consultations`: the joint consultation record, where each stands today.
struct ListConsultations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consultations",
        abstract: "List consultations: open now, coming and closed, with whether their results are recorded.",
        discussion: """
            Consultations live in consultations/<id>.json: a survey, drop-in sessions or meeting items run by a \
            partner over weeks, with an engagement level (inform, consult, involve, collaborate, empower), open and \
            close dates, and once closed the results and what changed. A consultation closed with no results \
            recorded is marked `RESULTS DUE` (the dashboard lists them too). Filters: --area, --ward, --stage.
            """
    )

    @OptionGroup var options: DataOptions
    @Option(help: "Only consultations covering this area (name or id, any case, a prefix is enough).") var area: String?
    @Option(help: "Only consultations covering this ward.") var ward: String?
    @Option(help: "Only this stage: coming, open, awaiting-results, reported.") var stage: String?
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let now = try options.currentTime()
        let today = LondonTime.date(now)
        let (store, data) = try options.load(indexed: true, viewing: true)
        Output.reportUnfinished(store)
        let areaID = try Filters.area(area, data.directory)
        let wardID = try Filters.ward(ward, data.directory)
        let wanted: ConsultationStage?
        if let stage {
            guard let known = ConsultationStage(rawValue: stage) else {
                throw ValidationError(
                    "--stage: one of \(ConsultationStage.allCases.map(\.rawValue).joined(separator: ", ")), not `\(TerminalText.sanitized(stage))`"
                )
            }
            wanted = known
        } else {
            wanted = nil
        }
        let rows = data.consultations.filter { c in
            (areaID.map { c.covers(area: $0, in: data.directory) } ?? true)
                && (wardID.map { c.covers(ward: $0, in: data.directory) } ?? true)
                && (wanted.map { c.stage(on: today) == $0 } ?? true)
        }
        if json {
            let items: [OrderedJSON] = rows.map { c in
                .object([
                    ("id", .string(c.id)), ("title", .string(c.title)), ("stage", .string(c.stage(on: today).rawValue)),
                    ("engagementLevel", .string(c.engagementLevel.rawValue)),
                    ("organisation", c.organisation.map { .string($0) } ?? .null),
                    ("opens", .string(c.opens.description)), ("closes", .string(c.closes.description)),
                    ("areas", .array(c.areas.map { .string($0) })), ("wards", .array(c.wards.map { .string($0) })),
                    ("methods", .array(c.methods.map { .string($0.rawValue) })),
                    ("responses", c.responses.map { .int($0) } ?? .null),
                    ("results", c.results.map { .string($0) } ?? .null),
                ])
            }
            FileHandle.standardOutput.write(Data(JSONWriter.write(.array(items))))
        } else {
            var table = TextTable(headers: ["ID", "STAGE", "OPENS", "CLOSES", "LEVEL", "LEAD", "WHERE", "TITLE"])
            for c in rows {
                let stage = c.stage(on: today)
                let place =
                    c.areas.isEmpty && c.wards.isEmpty
                    ? "every area"
                    : (c.areas.map { data.directory.area($0)?.name ?? $0 }
                        + c.wards.map { data.directory.ward($0)?.ward.name ?? $0 }).joined(separator: ", ")
                table.add([
                    c.id, stage == .awaitingResults ? "RESULTS DUE" : stage.label, c.opens.description,
                    c.closes.description,
                    c.engagementLevel.label, c.organisation.map { data.directory.organisation($0)?.name ?? $0 } ?? "",
                    place, c.title,
                ])
            }
            Output.line(table.render())
            let due = rows.filter { $0.stage(on: today) == .awaitingResults }.count
            Output.line(
                "\(rows.count) consultation\(rows.count == 1 ? "" : "s"), \(due) closed with no results recorded (RESULTS DUE)"
            )
        }
        Output.reportLoadErrors(data)
        if !data.loadErrors.isEmpty { throw ExitStatus.dataError }
    }
}
