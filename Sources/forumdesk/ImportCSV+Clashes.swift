import Foundation
import ForumDeskCore
import ForumDeskStore

extension ImportCSV {
    /// The most rows whose clashes an import checks: beyond it, `forumdesk validate` lists them.
    static let clashCheckLimit = 5_000

    /// The clash checks of the meetings a sheet adds (the same hall, a councillor due elsewhere, a bank holiday or
    /// closed day, a pre-election period), among the meetings to come and each other; by meeting id. Read after
    /// the import is written (or, in a dry run, with the new meetings placed in memory only).
    func importClashes(_ added: [Meeting], now: Date) throws -> [String: [Clash]] {
        guard !added.isEmpty else { return [:] }
        guard added.count <= Self.clashCheckLimit else {
            Output.line("clash checks skipped for more than \(Self.clashCheckLimit) meetings: `forumdesk validate` lists them")
            return [:]
        }
        var (_, data) = try options.load(indexed: true, readOnly: dryRun, viewing: true)
        if dryRun { for meeting in added { data.place(meeting) } }
        let ids = Set(added.map(\.id))
        return data.clashes(now: now).filter { ids.contains($0.key) }
    }
}
