import Foundation

public enum CoverageRules {
    /// The roles the applicable rules require, in the order the rules name them, without repeats.
    public static func requiredRoles(for meeting: Meeting, in directory: Directory) -> [PartnerRole] {
        var roles: [PartnerRole] = []  // a handful: an array beats a set, and this runs for every meeting
        for rule in directory.coverageRules where rule.applies(to: meeting) {
            for role in rule.required where !roles.contains(role) { roles.append(role) }
        }
        return roles
    }

    /// Required roles not covered: until the meeting is recorded as held, by an invitation not declined;
    /// once held, by someone in the room (attendance is only known then). A cancelled meeting has no gaps.
    public static func gaps(for meeting: Meeting, in directory: Directory) -> [PartnerRole] {
        guard meeting.status != .cancelled else { return [] }
        let required = requiredRoles(for: meeting, in: directory)
        guard !required.isEmpty else { return [] }
        // Crossed off organisation by organisation, stopping once all are covered (the usual case).
        var missing = required
        func cover(_ organisation: String?) -> Bool {
            guard let id = organisation, let org = directory.organisation(id) else { return false }
            missing.removeAll(where: org.fills)
            return missing.isEmpty
        }
        if meeting.status == .held {
            for entry in meeting.attendance where entry.status.isInRoom {
                if cover(entry.organisation ?? entry.person.flatMap({ directory.person($0)?.organisation })) {
                    return []
                }
            }
        } else {
            for invitation in meeting.invitations where invitation.reply != .declined {
                if cover(invitation.organisation) { return [] }
            }
        }
        return missing
    }
}
