import Foundation
import Synchronization

public struct Venue: Sendable, Equatable {
    /// The venue record (`venues/<id>.json`) this is, when one was chosen.
    public var id: String?
    public var name: String
    public var address: String?
    public var accessibility: String?
    public var extra: UnknownFields = [:]
    public init(name: String, address: String? = nil, accessibility: String? = nil, extra: UnknownFields = [:]) {
        self.name = name
        self.address = address
        self.accessibility = accessibility
        self.extra = extra
    }
}

/// A numbered agenda item, in the format of the Luton Forum agenda (seed 003).
public struct AgendaItem: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var tags: [String] = []
    /// A person from the directory, or nil when only `presenterName` is known.
    public var presenter: String?
    public var presenterName: String?
    public var organisation: String?
    public var purpose: [Purpose] = []
    public var engagementLevel: EngagementLevel?
    /// Time allowed, in minutes.
    public var minutes: Int?
    public var notes: String?
    /// What was said, minuted as it happened: the paragraph before "Resolved:" in the minutes.
    public var discussion: String?
    /// "Resolved: ..." once the item has been taken.
    public var outcome: String?
    /// The topic request this item carries, by id.
    public var topic: String?
    public var extra: UnknownFields = [:]
    public init(
        number: Int, title: String, tags: [String] = [], presenter: String? = nil, presenterName: String? = nil,
        organisation: String? = nil, purpose: [Purpose] = [], engagementLevel: EngagementLevel? = nil,
        minutes: Int? = nil, notes: String? = nil, outcome: String? = nil, extra: UnknownFields = [:]
    ) {
        self.number = number
        self.title = title
        self.tags = tags
        self.presenter = presenter
        self.presenterName = presenterName
        self.organisation = organisation
        self.purpose = purpose
        self.engagementLevel = engagementLevel
        self.minutes = minutes
        self.notes = notes
        self.outcome = outcome
        self.extra = extra
    }
}

/// A partner organisation (and optionally a named contact) asked to attend.
public struct Invitation: Sendable, Equatable {
    public var organisation: String
    public var person: String?
    public var at: Date?
    public var reply: Reply = .noReply
    public var extra: UnknownFields = [:]
    public init(
        organisation: String, person: String? = nil, at: Date? = nil, reply: Reply = .noReply,
        extra: UnknownFields = [:]
    ) {
        self.organisation = organisation
        self.person = person
        self.at = at
        self.reply = reply
        self.extra = extra
    }
}

/// One line of the PRESENT / APOLOGIES lists.
public struct Attendance: Sendable, Equatable {
    public var person: String?
    /// For someone not in the directory.
    public var name: String?
    public var organisation: String?
    public var role: AttendanceRole = .member
    public var status: AttendanceStatus
    /// Apologies: the reason given.
    public var reason: String?
    /// Substitute: the person stood in for.
    public var substituteFor: String?
    /// Joined a hybrid or online meeting online (`Meeting.online`): the minutes count them apart.
    public var online = false
    public var extra: UnknownFields = [:]
    public init(
        person: String? = nil, name: String? = nil, organisation: String? = nil, role: AttendanceRole = .member,
        status: AttendanceStatus, reason: String? = nil, substituteFor: String? = nil, extra: UnknownFields = [:]
    ) {
        self.person = person
        self.name = name
        self.organisation = organisation
        self.role = role
        self.status = status
        self.reason = reason
        self.substituteFor = substituteFor
        self.extra = extra
    }
}

public struct Declaration: Sendable, Equatable {
    public var person: String
    /// The agenda item number.
    public var item: Int
    public var nature: String
    public var extra: UnknownFields = [:]
    public init(person: String, item: Int, nature: String, extra: UnknownFields = [:]) {
        self.person = person
        self.item = item
        self.nature = nature
        self.extra = extra
    }
}

/// A notice sent to a ward councillor, with what it said, so a later change of date, time or venue shows it stale.
public struct CouncillorNotification: Sendable, Equatable {
    public var councillor: String
    public var at: Date
    public var method: ContactMethod
    public var kind: NoticeKind = .invitation
    /// The iCalendar SEQUENCE the notice carried.
    public var sequence: Int = 0
    /// What the notice announced.
    public var start: Date?
    public var end: Date?
    public var venue: String?
    /// The `STATUS` the notice announced (TENTATIVE while planned, CONFIRMED once confirmed): a later change of
    /// status makes the notice stale. nil in notices recorded before this was kept.
    public var status: EventStatus?
    /// The cancellation's reason, as the notice said it.
    public var reason: String?
    public var reply: Reply = .noReply
    /// When the councillor answered: a calendar reply's DTSTAMP (RFC 5546 orders replies by it), or when it was recorded by hand.
    public var repliedAt: Date?
    /// What the councillor wrote with the reply (COMMENT): "sorry, I have planning committee that evening".
    public var comment: String?
    /// The address a delegated invitation was passed to (DELEGATED-TO).
    public var delegatedTo: String?
    /// Why the reply's sender could not be checked (an `.ics` file imported without the e-mail it came in): the
    /// reply is recorded and shown as unverified. nil for a reply from the councillor's address or by hand.
    public var replyUnverified: String?
    /// When its e-mail was taken out of the outbox before the mail system sent it (superseded by a later notice
    /// to the same person): moved to `outbox-withdrawn/<meeting>/`. A withdrawn notice told nobody anything.
    public var withdrawn: Date?
    /// How far its e-mail has gone (`forumdesk send`), or a letter's printing (`forumdesk letters`): see `NoticeDelivery`.
    public var delivery: NoticeDelivery?
    /// When the mail program accepted its e-mail, or its letter was written for printing.
    public var sentAt: Date?
    /// The mail program's answer when it accepted it, or why sending failed or may not have finished.
    public var deliveryNote: String?
    /// The machine (and officer) whose outbox holds its e-mail, "ana-laptop (ana)": the outbox is not shared, so
    /// only that machine sends it and teammates see where it waits.
    public var queuedOn: String?
    public var extra: UnknownFields = [:]
    public init(
        councillor: String, at: Date, method: ContactMethod, kind: NoticeKind = .invitation, sequence: Int = 0,
        start: Date? = nil, end: Date? = nil, venue: String? = nil, reply: Reply = .noReply,
        repliedAt: Date? = nil, comment: String? = nil, delegatedTo: String? = nil, extra: UnknownFields = [:]
    ) {
        self.councillor = councillor
        self.at = at
        self.method = method
        self.kind = kind
        self.sequence = sequence
        self.start = start
        self.end = end
        self.venue = venue
        self.reply = reply
        self.repliedAt = repliedAt
        self.comment = comment
        self.delegatedTo = delegatedTo
        self.extra = extra
    }
}

public struct ActionUpdate: Sendable, Equatable {
    public var at: Date
    public var text: String
    /// The status the action moved to with this update, if it changed.
    public var status: ActionStatus?
    /// The meeting at which it was reported (matters arising), so that meeting's minutes record it.
    public var meeting: String?
    /// The due date it moved the action to, if it did (an owner's `due` line by e-mail).
    public var due: CalendarDate?
    /// Who sent it, by directory id, when it came by e-mail (`import reply`): the owner or a colleague.
    public var by: String?
    /// The Message-ID of the e-mail it came in: a second import of the same mailbox applies nothing twice.
    public var messageID: String?
    public var extra: UnknownFields = [:]
    /// Whether it came by e-mail from the owner's side rather than being typed by an officer.
    public var cameByEmail: Bool { messageID != nil }
    public init(at: Date, text: String, status: ActionStatus? = nil, meeting: String? = nil, extra: UnknownFields = [:])
    {
        self.at = at
        self.text = text
        self.status = status
        self.meeting = meeting
        self.extra = extra
    }
}

/// Something a partner agreed to do, followed up until closed and fed back to residents.
public struct Action: Sendable, Equatable, Identifiable {
    /// Stable and typable, e.g. `A-2026-041`.
    public var id: String
    /// The agenda item it was raised under.
    public var item: Int?
    public var description: String
    public var owner: String?
    public var organisation: String?
    public var due: CalendarDate?
    public var status: ActionStatus = .open
    public var tags: [String] = []
    public var updates: [ActionUpdate] = []
    /// "You said, we did": what residents are told.
    public var feedback: String?
    /// Reminders written to its owner (`forumdesk remind`), oldest first: `"reminders": [{"at": …, "to": person}]`.
    public var reminders: [ActionReminder] = []
    public var extra: UnknownFields = [:]
    public init(
        id: String, item: Int? = nil, description: String, owner: String? = nil, organisation: String? = nil,
        due: CalendarDate? = nil, status: ActionStatus = .open, tags: [String] = [], updates: [ActionUpdate] = [],
        feedback: String? = nil, reminders: [ActionReminder] = [], extra: UnknownFields = [:]
    ) {
        self.id = id
        self.item = item
        self.description = description
        self.owner = owner
        self.organisation = organisation
        self.due = due
        self.status = status
        self.tags = tags
        self.updates = updates
        self.feedback = feedback
        self.reminders = reminders
        self.extra = extra
    }

    /// When its owner was last chased (the latest reminder written), if ever.
    public var lastChased: Date? { reminders.map(\.at).max() }
}

/// A reminder about an action, written into the outbox for its owner (`forumdesk remind`): when it was written and
/// the person it went to (the owner, or the named contact of the owning organisation), by directory id.
public struct ActionReminder: Sendable, Equatable {
    public var at: Date
    public var to: String
    /// The "action raised" e-mail (`"kind": "raised"`) that first told the owner of it, rather than a reminder.
    public var raised = false
    public var extra: UnknownFields = [:]
    public init(at: Date, to: String, extra: UnknownFields = [:]) {
        self.at = at
        self.to = to
        self.extra = extra
    }
}

/// A meeting and everything recorded about it. One meeting is one file.
///
/// The fields live in one shared box, copied only when a shared meeting is changed: lists, memos, screens and
/// the index pass meetings around by the thousand, and a copy of the box is one retain where a copy of the
/// fields was one per string and array (the biggest cost of loading 10,000 meetings).
@dynamicMemberLookup
public struct Meeting: Sendable, Equatable, Identifiable {
    /// Every field of a meeting but the lists a summary keeps (`Lists`), defined once: `meeting.title` reads and
    /// writes `Fields.title` through `subscript(dynamicMember:)`, so a new field is a line here, its codec, and
    /// the places that show it.
    public struct Fields: Sendable, Equatable {
        /// `2026-11-24-sandy-biggleswade-ltt`: also the file name.
        public var id: String
        public var kind: MeetingKind
        public var title: String
        public var area: String
        public var wards: [String]
        public var start: Date
        public var end: Date
        public var venue: Venue
        public var status: MeetingStatus
        public var chair: String?
        /// The agenda item number being taken, while the meeting is minuted live (restored when live notes reopen).
        public var itemInProgress: Int?
        /// When the meeting actually ended, recorded by the note-taker's finish step (`end` is the advertised end).
        public var ended: Date?
        /// Calendar SEQUENCE: raised on every change of date, time or venue.
        public var sequence: Int = 0
        public var residentsPresent: Int?
        /// Of the residents present, how many joined online (a hybrid or online meeting): counted apart in the minutes.
        public var residentsOnline: Int?
        /// The joining link and instructions of an online or hybrid meeting; nil for a meeting only in a hall.
        public var online: OnlineJoining?
        /// Anonymous equality-monitoring counts: category (e.g. "age") → group (e.g. "65+") → count.
        public var equality: [String: [String: Int]] = [:]
        public var publicNotes: String?
        /// Why the meeting was cancelled: asked for when it is cancelled, and carried by the cancellation notices.
        public var cancellationReason: String?
        /// Languages of the notice (ISO 639-1), e.g. ["en", "bn", "ur"].
        public var languages: [String] = Fields.english
        /// Shared rather than a new array for every meeting made.
        public static let english = ["en"]
        /// The notice title in community languages, by language code.
        public var noticeTitles: [String: String] = [:]
        public var declarations: [Declaration] = []
        public var notifications: [CouncillorNotification] = []
        /// Recorded when an officer approves the minutes (`forumdesk minutes approve`); see `MinutesRules`.
        public var minutesApproved: MinutesApproval?
        /// Passages of this meeting an officer checked for publication although they seem to name someone or an
        /// address (`publish --review`), by the fingerprint of their text: an edit makes the passage new again.
        public var checkedForPublication: [String] = []
        public var extra: UnknownFields = [:]
        /// Read from the start-up index, not the file: only what lists, searches and the dashboard need (see
        /// `MeetingSummary` in the store). Never written as it is; the store reads the file before showing or saving it.
        public var isSummary = false
    }

    /// The lists a summary keeps, which a summary from the start-up index reads only at their first use (`Lazy`):
    /// `meeting.agenda` and the others read and write them.
    public struct Lists: Sendable, Equatable {
        public var agenda: [AgendaItem] = []
        public var invitations: [Invitation] = []
        public var attendance: [Attendance] = []
        public var actions: [Action] = []
        /// Issues residents raised from the floor.
        public var issues: [ResidentIssue] = []
        public init(
            agenda: [AgendaItem] = [], invitations: [Invitation] = [], attendance: [Attendance] = [],
            actions: [Action] = [],
            issues: [ResidentIssue] = []
        ) {
            self.agenda = agenda
            self.invitations = invitations
            self.attendance = attendance
            self.actions = actions
            self.issues = issues
        }
    }

    /// Changed only while uniquely referenced (`unique()`), so sharing it between threads is safe. A summary from
    /// the start-up index may come with its lists still unread (`Lazy`): they are read at their first use, once,
    /// under a lock; until then `facts` answers what the first screen asks of them. The other fields are always
    /// there, and are read without the lock (they are a separate property from the lists).
    @usableFromInline
    final class Box: @unchecked Sendable {
        @usableFromInline var fields: Fields
        @usableFromInline var storedLists: Lists
        /// What the lists hold, known without reading them; nil once the meeting may have changed.
        @usableFromInline var facts: SummaryFacts?
        private var rest: Lazy?
        private let complete: Atomic<Bool>

        @usableFromInline init(_ fields: Fields, _ lists: Lists) {
            self.fields = fields
            storedLists = lists
            complete = Atomic(true)
        }

        init(head: Fields, facts: SummaryFacts, rest: Lazy) {
            fields = head
            storedLists = Lists()
            self.facts = facts
            self.rest = rest
            complete = Atomic(false)
        }

        /// The lists, read first if they were not yet.
        @usableFromInline var lists: Lists {
            _read {
                if !complete.load(ordering: .acquiring) { readRest() }
                yield storedLists
            }
            _modify {
                if !complete.load(ordering: .acquiring) { readRest() }
                yield &storedLists
            }
        }

        @usableFromInline func readRest() {
            Box.restLock.withLock { _ in
                guard let rest else { return }
                rest.read(&storedLists)
                self.rest = nil
                complete.store(true, ordering: .releasing)
            }
        }

        var isComplete: Bool { complete.load(ordering: .acquiring) }

        /// One lock for every box: taken once per lazy summary, at its first use of a list.
        static let restLock = Mutex(())
    }

    /// Reads a summary's lists: agenda, invitations, attendance, actions and issues.
    public struct Lazy: Sendable {
        let read: @Sendable (inout Lists) -> Void
        public init(_ read: @escaping @Sendable (inout Lists) -> Void) { self.read = read }
    }

    @usableFromInline var box: Box

    @inlinable
    mutating func unique() {
        if isKnownUniquelyReferenced(&box) {
            box.facts = nil
        } else {
            box = Box(box.fields, box.lists)
        }
    }

    public static func == (a: Meeting, b: Meeting) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields && a.box.lists == b.box.lists
    }

    /// Any field but the lists, read in place and written copy-on-write: `meeting.title`, `meeting.wards.append(w)`.
    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        _modify {
            unique()
            yield &box.fields[keyPath: field]
        }
    }

    public var agenda: [AgendaItem] {
        get { box.lists.agenda }
        _modify { unique(); yield &box.lists.agenda }
    }

    public var invitations: [Invitation] {
        get { box.lists.invitations }
        _modify { unique(); yield &box.lists.invitations }
    }

    public var attendance: [Attendance] {
        get { box.lists.attendance }
        _modify { unique(); yield &box.lists.attendance }
    }

    public var actions: [Action] {
        get { box.lists.actions }
        _modify { unique(); yield &box.lists.actions }
    }

    /// Issues residents raised from the floor.
    public var issues: [ResidentIssue] {
        get { box.lists.issues }
        _modify { unique(); yield &box.lists.issues }
    }

    /// A summary whose lists are read on first use (`Lazy`), with the facts that stand in for them until then.
    /// Of `head`, every field but the lists is kept.
    public init(head: Meeting, facts: SummaryFacts, rest: Lazy) {
        box = Box(head: head.box.fields, facts: facts, rest: rest)
    }

    /// The lists together (read first when they were not yet).
    public var lists: Lists { box.lists }

    /// Whether the lists are read yet (tests, benchmarks).
    public var listsRead: Bool { box.isComplete }

    /// `Identifiable` asks for a declared `id`.
    public var id: String {
        get { box.fields.id }
        _modify { unique(); yield &box.fields.id }
    }

    public init(
        id: String, kind: MeetingKind, title: String, area: String, wards: [String], start: Date, end: Date,
        venue: Venue, status: MeetingStatus, chair: String? = nil
    ) {
        box = Box(
            Fields(
                id: id, kind: kind, title: title, area: area, wards: wards, start: start, end: end, venue: venue,
                status: status, chair: chair), Lists())
    }
}

extension Meeting {
    /// How long the meeting runs, in minutes.
    public var lengthMinutes: Int { Int(self.end.timeIntervalSince(self.start) / 60) }
    /// The time the agenda items allow, in minutes.
    public var agendaMinutes: Int { self.agenda.compactMap(\.minutes).reduce(0, +) }
}

/// What places a meeting on the calendar: its id (its file's name), its area and its start. Enough to check a
/// new meeting against every other without reading them in full (`forumdesk import csv meetings`).
public struct MeetingKey: Sendable, Hashable {
    public var id: String
    public var area: String
    public var start: Date
    public init(id: String, area: String, start: Date) {
        self.id = id
        self.area = area
        self.start = start
    }
}

extension Meeting {
    public var key: MeetingKey { MeetingKey(id: id, area: self.area, start: self.start) }
}

/// What a summary's lists hold that the dashboard, the overdue list and the topic roll-out ask of every meeting:
/// kept in the start-up index, so the first screen does not read every meeting's lists.
public struct SummaryFacts: Sendable, Equatable {
    /// Actions not done or dropped (`ActionStatus.isOpen`).
    public var openActions: Int
    /// The earliest due date of an open action with one: some action is overdue exactly when this is before today.
    public var earliestOpenDue: CalendarDate?
    /// Whether any agenda item carries a topic request.
    public var carriesTopics: Bool
    /// The highest number of its action and issue ids by what comes before the number, up to the last `-`
    /// (`A-2026-` → 41 for `A-2026-041`): what new ids are numbered after (`IDNumbers`), known without the lists.
    public var highestNumbers: HighestNumbers

    public init(
        openActions: Int, earliestOpenDue: CalendarDate?, carriesTopics: Bool,
        highestNumbers: HighestNumbers = HighestNumbers()
    ) {
        self.openActions = openActions
        self.earliestOpenDue = earliestOpenDue
        self.carriesTopics = carriesTopics
        self.highestNumbers = highestNumbers
    }

    public init(of fields: Meeting.Lists) {
        var open = 0
        var earliest: CalendarDate?
        for action in fields.actions where action.status.isOpen {
            open += 1
            if let due = action.due, earliest.map({ due < $0 }) ?? true { earliest = due }
        }
        var highest: [String: Int] = [:]
        for id in fields.actions.map(\.id) + fields.issues.map(\.id) {
            guard let dash = id.utf8.lastIndex(of: UInt8(ascii: "-")) else { continue }
            let prefix = String(Substring(id.utf8[...dash]))
            let n = QuickEntry.number(id, after: prefix)
            if n > 0 { highest[prefix] = max(highest[prefix] ?? 0, n) }
        }
        self.init(
            openActions: open, earliestOpenDue: earliest, carriesTopics: fields.agenda.contains { $0.topic != nil },
            highestNumbers: HighestNumbers(highest))
    }
}

/// The highest number of a meeting's ids by prefix (`A-2026-` → 41), as a short list in prefix order: a meeting
/// has one or two prefixes, and the index holds one of these per summary (a dictionary each cost a hashed
/// table per summary at every start).
public struct HighestNumbers: Sendable, Equatable {
    /// Each prefix once, in order.
    public private(set) var pairs: [Pair]

    public struct Pair: Sendable, Equatable {
        public var prefix: String
        public var number: Int
        public init(prefix: String, number: Int) {
            self.prefix = prefix
            self.number = number
        }
    }

    /// From numbers by prefix.
    public init(_ byPrefix: [String: Int] = [:]) {
        self.init(inOrder: byPrefix.map { Pair(prefix: $0.key, number: $0.value) }.sorted { $0.prefix < $1.prefix })
    }

    /// From pairs as they come (a prefix given twice keeps its highest number).
    public init(pairs given: [Pair]) {
        if zip(given, given.dropFirst()).allSatisfy({ $0.prefix < $1.prefix }) {
            self.init(inOrder: given)
        } else {
            self.init(Dictionary(given.map { ($0.prefix, $0.number) }, uniquingKeysWith: { Swift.max($0, $1) }))
        }
    }

    private init(inOrder: [Pair]) { pairs = inOrder }

    /// The highest number after `prefix`, nil when no id has it.
    public subscript(prefix: String) -> Int? { pairs.first { $0.prefix == prefix }?.number }
}

extension Meeting {
    /// The facts of its lists: from the index while they are unread, worked out otherwise.
    public var facts: SummaryFacts { box.facts ?? SummaryFacts(of: box.lists) }
    /// The facts when known without reading the lists (a summary from the index, unchanged since), else nil: a
    /// pass over every meeting asks this first and reads the lists only of the meetings it must.
    public var knownFacts: SummaryFacts? { box.facts }
}
