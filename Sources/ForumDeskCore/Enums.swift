/// Closed vocabularies of the model. Each is written in files by its raw value.
public protocol ModelEnum: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    /// Words for people: tables, reports, error messages.
    var label: String { get }
}

extension ModelEnum {
    public static var allRawValues: [String] { allCases.map { $0.rawValue } }
}

public enum MeetingKind: String, ModelEnum {
    case letsTalkTogether = "lets-talk-together"
    case wardForum = "ward-forum"
    case areaCommittee = "area-committee"
    case other
    public var label: String {
        switch self {
        case .letsTalkTogether: "Let's Talk Together"
        case .wardForum: "Ward forum"
        case .areaCommittee: "Area committee"
        case .other: "Other"
        }
    }
}

public enum MeetingStatus: String, ModelEnum {
    case planned, confirmed, held, postponed, cancelled
    public var label: String { rawValue.capitalized }
    /// The iCalendar `STATUS` a notice of a meeting in this status carries (RFC 5545 §3.8.1.11).
    public var eventStatus: EventStatus {
        switch self {
        case .planned, .postponed: .tentative
        case .confirmed, .held: .confirmed
        case .cancelled: .cancelled
        }
    }
}

/// An event's iCalendar `STATUS`, as a notice announced it.
public enum EventStatus: String, ModelEnum {
    case tentative = "TENTATIVE", confirmed = "CONFIRMED", cancelled = "CANCELLED"
    public var label: String { rawValue.lowercased() }
}

public enum Sector: String, ModelEnum {
    case councilDirectorate = "council-directorate"
    case police
    case fireAndRescue = "fire-and-rescue"
    case health
    case education
    case business
    case townOrParishCouncil = "town-or-parish-council"
    case voluntaryAndCommunity = "voluntary-and-community"
    case other
    public var label: String {
        switch self {
        case .councilDirectorate: "council directorate"
        case .police: "police"
        case .fireAndRescue: "fire and rescue"
        case .health: "health"
        case .education: "education"
        case .business: "business"
        case .townOrParishCouncil: "town or parish council"
        case .voluntaryAndCommunity: "voluntary and community sector"
        case .other: "other"
        }
    }
}

/// What a coverage rule asks to be represented: a sector, or any frontline council directorate.
public enum PartnerRole: String, ModelEnum {
    case councilDirectorate = "council-directorate"
    case frontlineDirectorate = "frontline-directorate"
    case police
    case fireAndRescue = "fire-and-rescue"
    case health
    case education
    case business
    case townOrParishCouncil = "town-or-parish-council"
    case voluntaryAndCommunity = "voluntary-and-community"
    public var label: String {
        switch self {
        case .frontlineDirectorate: "a frontline council directorate"
        case .councilDirectorate: "a council directorate"
        case .police: "police"
        case .fireAndRescue: "fire and rescue"
        case .health: "health"
        case .education: "education"
        case .business: "business"
        case .townOrParishCouncil: "the town or parish council"
        case .voluntaryAndCommunity: "the voluntary and community sector"
        }
    }
}

public enum PersonKind: String, ModelEnum {
    case councillor, contact
    public var label: String { rawValue }
}

public enum ContactMethod: String, ModelEnum {
    case email, letter, phone
    public var label: String { self == .email ? "e-mail" : rawValue }
}

public enum Purpose: String, ModelEnum {
    case information, discussion, agreement
    public var label: String { rawValue }
}

/// Levels of engagement (seeds 002 and 004).
public enum EngagementLevel: String, ModelEnum {
    case inform, consult, involve, collaborate, empower
    public var label: String { rawValue }
}

/// A reply to an invitation or a councillor notice.
public enum Reply: String, ModelEnum {
    case noReply = "no-reply"
    case accepted, declined, tentative
    /// Passed to someone else (RFC 5545 PARTSTAT=DELEGATED); the notice records whom (`delegatedTo`).
    case delegated
    public var label: String { self == .noReply ? "no reply" : rawValue }
}

public enum AttendanceRole: String, ModelEnum {
    case member, observer
    case supportOfficer = "support-officer"
    public var label: String { self == .supportOfficer ? "support officer" : rawValue }
}

public enum AttendanceStatus: String, ModelEnum {
    case invited, accepted, declined, present, apologies, absent, substitute
    public var label: String { rawValue }
    /// In the room: present in person or as someone's substitute.
    public var isInRoom: Bool { self == .present || self == .substitute }
}

public enum NoticeKind: String, ModelEnum {
    case invitation, cancellation
    public var label: String { rawValue }
}

/// Where a notice's e-mail is on its way out (`forumdesk send`): written to `outbox/` (queued), handed to the mail
/// program and not known to have come back (sending: it may have been sent), accepted by it (sent), or refused
/// (failed, back in the outbox with the reason). nil on notices recorded before ForumDesk sent mail itself.
public enum NoticeDelivery: String, ModelEnum {
    case queued, sending, sent, failed
    public var label: String {
        switch self {
        case .queued: "queued"
        case .sending: "may be sent"
        case .sent: "sent"
        case .failed: "send failed"
        }
    }
}

public enum ActionStatus: String, ModelEnum {
    case open
    case inProgress = "in-progress"
    case done
    case carriedForward = "carried-forward"
    case dropped
    public var label: String {
        switch self {
        case .inProgress: "in progress"
        case .carriedForward: "carried forward"
        default: rawValue
        }
    }
    /// Still owed to residents: shows as a matter arising and can become overdue.
    public var isOpen: Bool { self != .done && self != .dropped }
}

/// Where a partner's topic request stands. `scheduled` and `presented` follow from the agendas that carry it;
/// `withdrawn` and `declined` are the officer's decisions.
public enum TopicStatus: String, ModelEnum {
    case requested, scheduled, presented, withdrawn, declined
    public var label: String { rawValue }
    /// No longer wanted on any agenda.
    public var isClosed: Bool { self == .withdrawn || self == .declined }
}

/// What became of an issue a resident raised from the floor.
public enum IssueStatus: String, ModelEnum {
    case open, answered
    /// An action was raised to deal with it.
    case action
    /// It became a topic request for a later meeting.
    case topic
    public var label: String {
        switch self {
        case .open: "open"
        case .answered: "answered"
        case .action: "became an action"
        case .topic: "became a topic"
        }
    }
}
