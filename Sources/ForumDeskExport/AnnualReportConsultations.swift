import Foundation
import ForumDeskCore

extension AnnualReport {
    /// The year's consultations (strategy item 30): those open at any time in the year, for the area if one is
    /// asked, each with its level, dates, responses, and "you said, we did": the results and what changed, or that
    /// the results are still awaited. Equality counts summed, as counts only. Nothing when there were none.
    static func consultationSection(
        year: Int, area: String?, directory: Directory, consultations: [Consultation],
        today: CalendarDate
    ) -> [DocumentLine] {
        let inYear = consultations.filter { c in
            c.opens.year <= year && c.closes.year >= year && (area.map { c.covers(area: $0, in: directory) } ?? true)
        }
        guard !inYear.isEmpty else { return [] }
        var out = [DocumentLine(.blank), DocumentLine(.heading, "CONSULTATIONS")]
        let responses = inYear.compactMap(\.responses).reduce(0, +)
        let reported = inYear.filter { $0.stage(on: today) == .reported }.count
        let due = inYear.filter { $0.stage(on: today) == .awaitingResults }.count
        out.append(
            DocumentLine(
                .body,
                "\(inYear.count) consultation\(inYear.count == 1 ? "" : "s"), \(responses) responses recorded; "
                    + "\(reported) with results published, \(due) closed with results still to publish."))
        for c in inYear.sorted(by: { ($0.opens, $0.id) < ($1.opens, $1.id) }) {
            let lead = c.organisation.flatMap { directory.organisation($0)?.name }.map { " (\($0))" } ?? ""
            out.append(DocumentLine(.subheading, c.title + lead))
            out.append(
                DocumentLine(
                    .body,
                    "  \(c.engagementLevel.label.capitalized), \(c.opens) to \(c.closes): "
                        + c.stage(on: today).label + (c.responses.map { "; \($0) responses" } ?? "")))
            if let results = c.results { out.append(DocumentLine(.body, "  You said: \(results)")) }
            if let changes = c.changes { out.append(DocumentLine(.body, "  We did: \(changes)")) }
        }
        var tallies: [String: [String: Int]] = [:]
        for c in inYear {
            for (category, counts) in c.equality {
                for (group, n) in counts { tallies[category, default: [:]][group, default: 0] += n }
            }
        }
        for (category, counts) in tallies.sorted(by: { $0.key < $1.key }) {
            out.append(
                DocumentLine(
                    .body,
                    "Who responded by \(category) (counts): "
                        + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        }
        return out
    }
}
