import Foundation

public enum CoverageRules {
    /// The roles the applicable rules require, in the order the rules name them, without repeats.
    public static func requiredRoles(for meeting: Meeting, in directory: Directory) -> [PartnerRole] {
        var seen: Set<PartnerRole> = []
        return directory.coverageRules.filter { $0.applies(to: meeting) }
            .flatMap(\.required)
            .filter { seen.insert($0).inserted }
    }

    /// Required roles not covered: until the meeting is recorded as held, by an invitation not declined;
    /// once held, by someone in the room (attendance is only known then). A cancelled meeting has no gaps.
    public static func gaps(for meeting: Meeting, in directory: Directory) -> [PartnerRole] {
        guard meeting.status != .cancelled else { return [] }
        let required = requiredRoles(for: meeting, in: directory)
        guard !required.isEmpty else { return [] }
        let covered = coveredRoles(for: meeting, in: directory, held: meeting.status == .held)
        return required.filter { !covered.contains($0) }
    }

    static func coveredRoles(for meeting: Meeting, in directory: Directory, held: Bool) -> Set<PartnerRole> {
        var organisations: [String] = []
        if held {
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
