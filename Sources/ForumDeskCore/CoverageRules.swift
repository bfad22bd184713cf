import Foundation

public enum CoverageRules {
    /// The roles the applicable rules require, in the order the rules name them, without repeats.
    public static func requiredRoles(for meeting: Meeting, in directory: Directory) -> [PartnerRole] {
        var seen: Set<PartnerRole> = []
        return directory.coverageRules.filter { $0.applies(to: meeting) }
            .flatMap(\.required)
            .filter { seen.insert($0).inserted }
    }

    /// Whether the meeting is over for coverage purposes: once it has been held or its start has passed.
    public static func isPast(_ meeting: Meeting, now: Date) -> Bool {
        meeting.status == .held || meeting.start <= now
    }

    /// Required roles not covered: before the meeting by an invitation not declined,
    /// after it by someone in the room. A cancelled meeting has no gaps.
    public static func gaps(for meeting: Meeting, in directory: Directory, now: Date) -> [PartnerRole] {
        guard meeting.status != .cancelled else { return [] }
        let required = requiredRoles(for: meeting, in: directory)
        guard !required.isEmpty else { return [] }
        let covered = coveredRoles(for: meeting, in: directory, past: isPast(meeting, now: now))
        return required.filter { !covered.contains($0) }
    }

    static func coveredRoles(for meeting: Meeting, in directory: Directory, past: Bool) -> Set<PartnerRole> {
        var organisations: [String] = []
        if past {
            for entry in meeting.attendance where entry.status.isInRoom {
                if let org = entry.organisation ?? entry.person.flatMap({ directory.person($0)?.organisation }) {
                    organisations.append(org)
                }
            }
        } else {
            organisations = meeting.invitations.filter { $0.reply != .declined }.map(\.organisation)
        }
        return organisations.reduce(into: Set<PartnerRole>()) { roles, id in
            if let org = directory.organisation(id) { roles.formUnion(org.roles) }
        }
    }
}
