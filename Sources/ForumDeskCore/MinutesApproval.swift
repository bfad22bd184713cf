import Foundation

/// Who approved a meeting's minutes as a correct record, and when (seed 003: "Minutes of the previous meetings …
/// For agreement"). Until then the minutes are a draft, and are published marked as one.
public struct MinutesApproval: Sendable, Equatable {
    /// A person from the directory by id, or a name as typed.
    public var by: String
    public var at: Date
    /// The meeting whose "Minutes of the previous meeting" item agreed them, when it was one.
    public var meeting: String?
    public var extra: UnknownFields = [:]
    public init(by: String, at: Date, meeting: String? = nil, extra: UnknownFields = [:]) {
        self.by = by
        self.at = at
        self.meeting = meeting
        self.extra = extra
    }
}

/// Draft or approved: a held meeting's minutes are approved when an officer recorded it (`minutesApproved`,
/// `forumdesk minutes approve`), or when the next meeting of the same kind in the area resolved on its "Minutes of
/// the previous meeting" item that they be approved (or agreed, or confirmed) as a correct record.
public enum MinutesRules {
    /// "Minutes of the previous meeting(s)", "Minutes of the last meeting", "Previous minutes".
    public static func isApprovalItem(_ item: AgendaItem) -> Bool {
        let title = item.title.lowercased()
        return title.contains("minutes") && (title.contains("previous") || title.contains("last meeting"))
    }

    /// The item's resolution agrees the minutes (and does not refuse them).
    public static func approves(_ item: AgendaItem) -> Bool {
        guard isApprovalItem(item), let outcome = item.outcome?.lowercased() else { return false }
        let refused = ["not approved", "not agreed", "not confirmed", "not be approved", "deferred"].contains {
            outcome.contains($0)
        }
        return !refused && ["approved", "agreed", "confirmed", "correct record"].contains { outcome.contains($0) }
    }

    /// Every held meeting's approval, by meeting id: recorded, else from the next meeting's item. A held meeting
    /// missing from the result has draft minutes.
    public static func approvals(in meetings: [Meeting]) -> [String: MinutesApproval] {
        var out: [String: MinutesApproval] = [:]
        var series: [String: [Meeting]] = [:]
        for m in meetings where m.status == .held {
            if let recorded = m.minutesApproved { out[m.id] = recorded }
            series["\(m.area)\u{0}\(m.kind.rawValue)", default: []].append(m)
        }
        for (_, list) in series {
            let sorted = list.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            for (i, m) in sorted.enumerated() where i > 0 && out[sorted[i - 1].id] == nil {
                guard m.agenda.contains(where: approves) else { continue }
                out[sorted[i - 1].id] = MinutesApproval(
                    by: m.chair ?? "the meeting", at: m.ended ?? m.end, meeting: m.id)
            }
        }
        return out
    }
}
