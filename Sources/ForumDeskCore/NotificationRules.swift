import Foundation

/// Where a ward councillor stands for one meeting (strategy item 31: notified of and invited to every event).
public enum NotificationState: Sendable, Equatable {
    case notNotified
    case notified
    /// The meeting's date, time or venue changed after the last notice.
    case stale
    case replied(Reply)
    /// The meeting was cancelled after notices went out, and no cancellation has been sent.
    case cancellationOwed
    case cancellationSent
    /// Cancelled before anyone was told: nothing owed.
    case notNeeded

    /// The officer still has to send something.
    public var needsNotice: Bool {
        switch self {
        case .notNotified, .stale, .cancellationOwed: true
        default: false
        }
    }

    public var label: String {
        switch self {
        case .notNotified: "not notified"
        case .notified: "notified, no reply"
        case .stale: "stale notice"
        case .replied(let reply): reply.label
        case .cancellationOwed: "cancellation owed"
        case .cancellationSent: "cancellation sent"
        case .notNeeded: "not needed"
        }
    }
}

public struct CouncillorNotificationStatus: Sendable, Equatable {
    public var councillor: Person
    public var state: NotificationState
    /// The latest invitation sent, if any.
    public var lastNotice: CouncillorNotification?
}

public enum NotificationRules {
    /// A notice is stale when it announced another date, time or venue, or an older calendar sequence.
    public static func isStale(_ notice: CouncillorNotification, for meeting: Meeting) -> Bool {
        if notice.sequence < meeting.sequence { return true }
        if let start = notice.start, start != meeting.start { return true }
        if let end = notice.end, end != meeting.end { return true }
        if let venue = notice.venue, venue != meeting.venue.name { return true }
        return false
    }

    public static func state(ofCouncillor councillorID: String, for meeting: Meeting) -> NotificationState {
        let notices = meeting.notifications.filter { $0.councillor == councillorID }
        let invitation = latest(notices.filter { $0.kind == .invitation })
        if meeting.status == .cancelled {
            guard let invitation else { return .notNeeded }
            let cancelled = notices.contains { $0.kind == .cancellation && $0.at >= invitation.at }
            return cancelled ? .cancellationSent : .cancellationOwed
        }
        guard let invitation else { return .notNotified }
        if isStale(invitation, for: meeting) { return .stale }
        return invitation.reply == .noReply ? .notified : .replied(invitation.reply)
    }

    /// Every councillor of every ward the meeting covers, with their state.
    public static func statuses(for meeting: Meeting, in directory: Directory) -> [CouncillorNotificationStatus] {
        directory.councillors(ofWards: meeting.wards).map { councillor in
            let invitations = meeting.notifications.filter { $0.councillor == councillor.id && $0.kind == .invitation }
            return CouncillorNotificationStatus(councillor: councillor,
                                          state: state(ofCouncillor: councillor.id, for: meeting),
                                          lastNotice: latest(invitations))
        }
    }

    /// Where in `meeting.notifications` the councillor's current invitation is: the one a reply now answers.
    public static func currentInvitationIndex(ofCouncillor councillorID: String, in meeting: Meeting) -> Int? {
        meeting.notifications.indices
            .filter { meeting.notifications[$0].councillor == councillorID && meeting.notifications[$0].kind == .invitation }
            .max { (meeting.notifications[$0].at, $0) < (meeting.notifications[$1].at, $1) }
    }

    /// What a councillor wrote with a decline or tentative reply to their current notice (COMMENT): the
    /// apology reason live notes and the minutes offer when none was recorded at the meeting.
    public static func apologyReason(ofCouncillor councillorID: String, in meeting: Meeting) -> String? {
        guard let index = currentInvitationIndex(ofCouncillor: councillorID, in: meeting) else { return nil }
        let notice = meeting.notifications[index]
        return notice.reply == .declined || notice.reply == .tentative ? notice.comment : nil
    }

    /// The last notice sent; of two sent at the same moment, the later in the file.
    static func latest(_ notices: [CouncillorNotification]) -> CouncillorNotification? {
        notices.enumerated().max { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }?.element
    }
}
