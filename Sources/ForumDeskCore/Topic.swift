import Foundation

/// A partner's request for time on the agendas of some areas (strategy item 10): "Highways would like
/// 20 minutes in every area before the end of January to consult on the winter gritting routes".
/// One topic is one file, `topics/<id>.json`. The agenda items that carry it name it (`AgendaItem.topic`),
/// so the link survives renumbering and moving items; what residents said is that item's outcome.
public struct TopicRequest: Sendable, Equatable, Identifiable {
    /// `winter-gritting-routes`: also the file name.
    public var id: String
    public var title: String
    public var description: String?
    /// The requesting organisation.
    public var organisation: String?
    /// Who will present it (a person in the directory).
    public var contact: String?
    public var purpose: [Purpose] = []
    public var engagementLevel: EngagementLevel?
    /// The areas wanted; empty means every area.
    public var areas: [String] = []
    /// The window: not before / not after these days (inclusive).
    public var notBefore: CalendarDate?
    public var notAfter: CalendarDate?
    /// Time needed on each agenda, in minutes.
    public var minutes: Int
    public var status: TopicStatus = .requested
    /// Why it was declined (or withdrawn).
    public var reason: String?
    public var received: CalendarDate?
    public var tags: [String] = []
    /// The meeting where a resident raised it, when it came from the floor.
    public var raisedAt: String?
    public var extra: UnknownFields = [:]

    public init(
        id: String, title: String, minutes: Int, organisation: String? = nil, contact: String? = nil,
        purpose: [Purpose] = [], engagementLevel: EngagementLevel? = nil, areas: [String] = [],
        notBefore: CalendarDate? = nil, notAfter: CalendarDate? = nil, status: TopicStatus = .requested
    ) {
        self.id = id
        self.title = title
        self.minutes = minutes
        self.organisation = organisation
        self.contact = contact
        self.purpose = purpose
        self.engagementLevel = engagementLevel
        self.areas = areas
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.status = status
    }

    /// The areas it is wanted in, in directory order.
    public func wantedAreas(in directory: Directory) -> [Area] {
        areas.isEmpty ? directory.areas : directory.areas.filter { areas.contains($0.id) }
    }

    public func wants(area: String) -> Bool { areas.isEmpty || areas.contains(area) }

    /// Whether a day falls inside the window.
    public func windowContains(_ day: CalendarDate) -> Bool {
        (notBefore.map { day >= $0 } ?? true) && (notAfter.map { day <= $0 } ?? true)
    }
}

/// An issue a resident raised from the floor, recorded in one line and followed until it has a home:
/// answered, an action, or a topic for a later meeting.
public struct ResidentIssue: Sendable, Equatable, Identifiable {
    /// `R-2026-014`: typable, unique across meetings.
    public var id: String
    public var text: String
    public var tags: [String] = []
    /// The agenda item under way when it was raised.
    public var item: Int?
    public var status: IssueStatus = .open
    public var answer: String?
    /// The action raised for it.
    public var action: String?
    /// The topic request it became.
    public var topic: String?
    public var extra: UnknownFields = [:]
    public init(
        id: String, text: String, tags: [String] = [], item: Int? = nil, status: IssueStatus = .open,
        answer: String? = nil, action: String? = nil, topic: String? = nil
    ) {
        self.id = id
        self.text = text
        self.tags = tags
        self.item = item
        self.status = status
        self.answer = answer
        self.action = action
        self.topic = topic
    }
}
