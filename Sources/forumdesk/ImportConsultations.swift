import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

extension ImportCSV {
    /// `import csv consultations`: every row checked first; any problem and nothing is written. Each consultation
    /// is then saved to its own file with the store's checked, durable save.
    func importConsultations(_ rows: [(line: Int, fields: [String])]) throws {
        let now = try options.currentTime()
        let (store, data0) = try options.load()
        var data = data0
        let report = ConsultationImport.run(
            rows: rows, directory: data.directory, existing: data.consultations, today: LondonTime.date(now))
        reportIgnored(report.ignored, header: rows.first?.line ?? 1)
        try reportProblems(report.problems)
        let verb = dryRun ? "would add" : "added"
        for c in report.consultations {
            Output.line(
                TerminalText.sanitized(
                    "\(verb): \(c.id) (\(c.opens) to \(c.closes), \(c.engagementLevel.label)): \(c.title)"))
        }
        for title in report.skipped { Output.line(TerminalText.sanitized("skipped: \(title) (already recorded)")) }
        if dryRun { return }
        for c in report.consultations {
            do {
                try store.save(c, in: &data)
            } catch {
                Output.error("\(error)")
                throw ExitStatus.dataError
            }
        }
    }
}
