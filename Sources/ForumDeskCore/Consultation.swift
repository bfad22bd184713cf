import Foundation

/// A consultation that lives beyond one agenda item (strategy item 30's joint consultation database): a police
/// survey, a library-hours consultation running eight weeks online and at drop-ins, the budget consultation.
/// One consultation is one file, `consultations/<id>.json`. It says what is asked, by whom, where, until when
/// and how (seed 002's engagement levels), and afterwards what came of it and what changed ("you said, we
/// did", seed 000's feedback principle), with participation as counts only, never identities.
public struct Consultation: Sendable, Equatable, Identifiable {
    /// `library-opening-hours-2027`: also the file name.
    public var id: String
    public var title: String
    /// The lead organisation (a partner in the directory).
    public var organisation: String?
    /// Who to contact about it (a person in the directory).
    public var contact: String?
    public var engagementLevel: EngagementLevel
    /// The areas it covers; empty means every area.
    public var areas: [String] = []
    /// Wards it is about, when narrower than its areas.
    public var wards: [String] = []
    /// Open from and to these days (inclusive), London time.
    public var opens: CalendarDate
    public var closes: CalendarDate
    public var methods: [ConsultationMethod] = []
    /// The online survey or the consultation's own page: `https://…` only (`OnlineJoining.linkProblem`).
    public var link: String?
    /// The topic requests that carry it to meetings.
    public var topics: [String] = []
    /// The agenda items where it was taken: meeting and item number.
    public var items: [ConsultationItem] = []
    /// What residents are told about it: published.
    public var summary: String?
    /// What the consultation found, once closed: published.
    public var results: String?
    /// "What we did": what changed because of it: published.
    public var changes: String?
    /// Responses received (all methods).
    public var responses: Int?
    /// Anonymous equality-monitoring counts of those who took part, by the meetings' categories: category → group → count.
    public var equality: [String: [String: Int]] = [:]
    public var extra: UnknownFields = [:]

    public init(
        id: String, title: String, engagementLevel: EngagementLevel, opens: CalendarDate, closes: CalendarDate,
        organisation: String? = nil, contact: String? = nil, areas: [String] = [], wards: [String] = [],
        methods: [ConsultationMethod] = [], summary: String? = nil
    ) {
        self.id = id
        self.title = title
        self.engagementLevel = engagementLevel
        self.opens = opens
        self.closes = closes
        self.organisation = organisation
        self.contact = contact
        self.areas = areas
        self.wards = wards
        self.methods = methods
        self.summary = summary
    }

    /// Where it stands on `today`: coming, open, closed waiting for its results, or closed with results.
    public func stage(on today: CalendarDate) -> ConsultationStage {
        if today < opens { return .coming }
        if today <= closes { return .open }
        return results == nil ? .awaitingResults : .reported
    }

    /// Whether it concerns an area: its areas (empty is every area) or one of its wards there.
    public func covers(area: String, in directory: Directory) -> Bool {
        if areas.isEmpty && wards.isEmpty { return true }
        if areas.contains(area) { return true }
        return wards.contains { directory.ward($0)?.area.id == area }
    }

    /// Whether it concerns a ward: named, or in one of its areas when it names no wards.
    public func covers(ward: String, in directory: Directory) -> Bool {
        if !wards.isEmpty { return wards.contains(ward) }
        guard let area = directory.ward(ward)?.area.id else { return false }
        return areas.isEmpty || areas.contains(area)
    }

    /// The open days, "1 December 2026 to 31 January 2027" style is the caller's: here the count.
    public var lengthInDays: Int { closes.daysSinceEpoch - opens.daysSinceEpoch + 1 }
}

/// An agenda item that carried a consultation: the meeting by id and the item by number.
public struct ConsultationItem: Sendable, Equatable {
    public var meeting: String
    public var item: Int
    public var extra: UnknownFields = [:]
    public init(meeting: String, item: Int) {
        self.meeting = meeting
        self.item = item
    }
}

/// How residents can take part.
public enum ConsultationMethod: String, ModelEnum {
    case survey
    case dropIn = "drop-in"
    case meetingItem = "meeting-item"
    case focusGroup = "focus-group"
    case writtenResponse = "written-response"
    public var label: String {
        switch self {
        case .survey: "survey"
        case .dropIn: "drop-in sessions"
        case .meetingItem: "meeting item"
        case .focusGroup: "focus group"
        case .writtenResponse: "written responses"
        }
    }
}

/// Where a consultation stands on a day.
public enum ConsultationStage: String, Sendable, CaseIterable {
    case coming, open
    case awaitingResults = "awaiting-results"
    case reported
    public var label: String {
        switch self {
        case .coming: "coming"
        case .open: "open now"
        case .awaitingResults: "closed, results awaited"
        case .reported: "closed, results published"
        }
    }
}

public enum ConsultationRecord: RecordKind {
    public static let rule = IdentifierRule(kind: "consultation", upperCase: false, maxLength: 100)
}
public typealias ConsultationID = RecordID<ConsultationRecord>
