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
    /// The latest invitation sent (or, once cancelled, the cancellation), if any.
    public var lastNotice: CouncillorNotification?
}

public enum NotificationRules {
    /// A notice is stale when it announced another date, time, venue or status (TENTATIVE while planned,
    /// CONFIRMED once confirmed), or an older calendar sequence.
    public static func isStale(_ notice: CouncillorNotification, for meeting: Meeting) -> Bool {
        if notice.sequence < meeting.sequence { return true }
        if let start = notice.start, start != meeting.start { return true }
        if let end = notice.end, end != meeting.end { return true }
        if let venue = notice.venue, venue != meeting.venue.name { return true }
        if let status = notice.status, status != meeting.status.eventStatus { return true }
        return false
    }

    /// Where one person (a ward councillor, or a partner's contact) stands: the same rules for both. Withdrawn
    /// notices (taken out of the outbox before they were sent) told nobody anything and do not count.
    public static func state(ofPerson personID: String, for meeting: Meeting) -> NotificationState {
        let notices = meeting.notifications.filter { $0.councillor == personID && $0.withdrawn == nil }
        // The last word they had (of two notices at the same moment, the later in the file).
        let last = latest(notices)
        if meeting.status == .cancelled {
            guard let last else { return .notNeeded }
            return last.kind == .cancellation ? .cancellationSent : .cancellationOwed
        }
        guard let invitation = latest(notices.filter { $0.kind == .invitation }) else { return .notNotified }
        // Cancelled and then reinstated: a new invitation is owed.
        if last?.kind == .cancellation || isStale(invitation, for: meeting) { return .stale }
        return invitation.reply == .noReply ? .notified : .replied(invitation.reply)
    }

    public static func state(ofCouncillor councillorID: String, for meeting: Meeting) -> NotificationState {
        state(ofPerson: councillorID, for: meeting)
    }

    /// Every councillor of every ward the meeting covers, with their state.
    public static func statuses(for meeting: Meeting, in directory: Directory) -> [CouncillorNotificationStatus] {
        directory.councillors(ofWards: meeting.wards).map { councillor in
            CouncillorNotificationStatus(
                councillor: councillor, state: state(ofPerson: councillor.id, for: meeting),
                lastNotice: lastInvitation(to: councillor.id, in: meeting))
        }
    }

    /// Where in `meeting.notifications` the councillor's current invitation is: the one a reply now answers.
    public static func currentInvitationIndex(ofCouncillor councillorID: String, in meeting: Meeting) -> Int? {
        meeting.notifications.indices
            .filter {
                let notice = meeting.notifications[$0]
                return notice.councillor == councillorID && notice.kind == .invitation && notice.withdrawn == nil
            }
            .max { (meeting.notifications[$0].at, $0) < (meeting.notifications[$1].at, $1) }
    }

    /// What a councillor wrote with a decline or tentative reply to their current notice (COMMENT): the
    /// apology reason live notes and the minutes offer when none was recorded at the meeting.
    public static func apologyReason(ofCouncillor councillorID: String, in meeting: Meeting) -> String? {
        guard let index = currentInvitationIndex(ofCouncillor: councillorID, in: meeting) else { return nil }
        let notice = meeting.notifications[index]
        return notice.reply == .declined || notice.reply == .tentative ? notice.comment : nil
    }

    /// Every invited partner with a named contact, with the contact's state. An invitation is "to send" (not
    /// notified) until a notice is written.
    public static func partnerStatuses(for meeting: Meeting, in directory: Directory) -> [PartnerNotificationStatus] {
        meeting.invitations.enumerated().compactMap { index, invitation in
            guard let id = invitation.person, let person = directory.person(id) else { return nil }
            var state = state(ofPerson: id, for: meeting)
            if let at = invitation.at,
                !meeting.notifications.contains(where: { $0.councillor == id && $0.withdrawn == nil })
            {
                // Stamped as sent before partners' notices were recorded: taken as an invitation at SEQUENCE 0, so a
                // later change (a raised sequence) or a cancellation is owed to them too.
                var known = meeting
                known.notifications.append(CouncillorNotification(councillor: id, at: at, method: .email, sequence: 0))
                state = Self.state(ofPerson: id, for: known)
            }
            if state == .notified, invitation.reply != .noReply { state = .replied(invitation.reply) }
            return PartnerNotificationStatus(
                invitation: index, contact: person, state: state,
                lastNotice: lastInvitation(to: id, in: meeting))
        }
    }

    /// The last notice sent (an invitation, or a cancellation once the meeting is cancelled), not withdrawn.
    public static func lastInvitation(to id: String, in meeting: Meeting) -> CouncillorNotification? {
        latest(
            meeting.notifications.filter {
                $0.councillor == id && $0.withdrawn == nil && ($0.kind == .invitation || meeting.status == .cancelled)
            })
    }

    /// The last notice sent; of two sent at the same moment, the later in the file.
    static func latest(_ notices: [CouncillorNotification]) -> CouncillorNotification? {
        notices.enumerated().max { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }?.element
    }
}

extension Meeting {
    /// Someone has been sent a notice (a councillor, or a partner invitation stamped as sent): a change of date,
    /// time or venue then raises the calendar SEQUENCE.
    public var hasBeenAnnounced: Bool { !self.notifications.isEmpty || self.invitations.contains { $0.at != nil } }
}

/// A partner invitation's contact and where they stand, by the same rules as a councillor.
public struct PartnerNotificationStatus: Sendable, Equatable {
    /// The invitation's position in `meeting.invitations`.
    public var invitation: Int
    public var contact: Person
    public var state: NotificationState
    public var lastNotice: CouncillorNotification?
}
