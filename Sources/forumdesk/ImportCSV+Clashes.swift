import Foundation
import ForumDeskCore
import ForumDeskStore

extension ImportCSV {
    /// The most rows whose clashes an import checks: beyond it, `forumdesk validate` lists them.
    static let clashCheckLimit = 5_000

    /// The meetings a sheet adds, each with its kind's agenda template (`templates/<kind>.json`; "minutes of the
    /// previous meeting" dated from the area's last held meeting), and their clashes (the same hall, a councillor
    /// due elsewhere, a bank holiday or closed day, a pre-election period) among the meetings to come and each
    /// other, by meeting id. The history is read from the start-up index only when a template or the clash check
    /// needs it.
    func planImported(
        _ added: [Meeting], data: DataSet, now: Date
    ) throws -> (meetings: [Meeting], clashes: [String: [Clash]]) {
        guard !added.isEmpty else { return ([], [:]) }
        let checkClashes = added.count <= Self.clashCheckLimit
        let templated = added.contains { data.templates[$0.kind] != nil }
        guard checkClashes || templated else {
            Output.line(
                "clash checks skipped for more than \(Self.clashCheckLimit) meetings: `forumdesk validate` lists them")
            return (added, [:])
        }
        let (_, view) = try options.load(indexed: true, readOnly: true, viewing: true)
        // The held meetings of each area, in date order (new meetings are planned, so never "the previous meeting").
        var heldByArea: [String: [Meeting]] = [:]
        for meeting in view.meetings where meeting.status == .held {
            heldByArea[meeting.area, default: []].append(meeting)
        }
        let meetings = added.map { meeting -> Meeting in
            guard let template = view.templates[meeting.kind] else { return meeting }
            return template.applied(to: meeting, lastHeld: heldByArea[meeting.area]?.last { $0.start < meeting.start })
        }
        guard checkClashes else {
            Output.line(
                "clash checks skipped for more than \(Self.clashCheckLimit) meetings: `forumdesk validate` lists them")
            return (meetings, [:])
        }
        let ids = Set(added.map(\.id))
        let among = view.meetingsToCome(now: now).filter { !ids.contains($0.id) } + meetings
        let clashes = ClashRules.clashes(
            in: among, directory: view.directory, calendar: view.settings.planning, from: now)
        return (meetings, clashes.filter { ids.contains($0.key) })
    }
}
