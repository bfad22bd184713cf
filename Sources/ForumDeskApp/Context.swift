import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// What screens read: the data, the clock, the terminal size, and facts derived once from the data.
public struct Context: Sendable {
    public var data: DataSet
    public var now: Date
    public var width: Int
    public var height: Int
    /// Warnings per meeting id, computed once per change rather than on every frame.
    public private(set) var warnings: [String: [Warning]] = [:]
    public private(set) var overdue: [RaisedAction] = []
    /// The agenda items carrying each topic, by topic id.
    public private(set) var topicSlots: [String: [TopicSlot]] = [:]
    /// Topics whose window closes within 14 days with a wanted area still without a slot.
    public private(set) var topicAlerts: [TopicAlert] = []
    /// The next action and issue ids, kept up as meetings change.
    public private(set) var ids = IDNumbers()
    /// Counts the refreshes: a value derived from the data is current while this has not moved.
    public private(set) var generation = 0

    /// In a councillor's view `data` holds their wards' meetings only; these are the whole council's, from
    /// which the topic roll-out and the next meeting of each area are found (a topic presented in another
    /// ward of the area was presented). Nil when `data` is everything.
    public var wholeCouncil: [Meeting]?
    /// The councillor view: browsing only (forms show what they hold and accept no typing).
    public var browseOnly = false
    /// The first screen of a start from the start digest (`DataStore.loadStart`): `data` holds the live meetings
    /// only, and these are the sums of the rest of the history, which the dashboard adds to its counts. Nil once
    /// the whole folder is loaded (`App.replaceData`).
    public var coldHistory: ColdHistory?
    /// The Meetings search's text of each meeting, kept from one change to the next (`SearchTexts`).
    let searchTexts = SearchTexts()

    /// The meetings area-wide figures are computed from.
    public var councilMeetings: [Meeting] { wholeCouncil ?? data.meetings }

    public init(data: DataSet, now: Date, width: Int = 80, height: Int = 24, wholeCouncil: [Meeting]? = nil) {
        self.data = data
        self.wholeCouncil = wholeCouncil
        self.now = now
        self.width = width
        self.height = height
        refresh()
    }

    /// Recomputes what is derived from the data, after a change.
    public mutating func refresh() {
        generation &+= 1
        ids = IDNumbers()
        searchTexts.removeAll()
        overdue = ActionRules.overdue(in: data.meetings, today: LondonTime.date(now))
        warnings = data.warningsByMeeting(now: now, overdue: overdue)
        refreshTopics()
    }

    /// The topic links and alerts: one pass over the agendas, a few microseconds a meeting.
    public mutating func refreshTopics() {
        generation &+= 1
        topicSlots = TopicRules.slots(in: councilMeetings)
        topicAlerts = inView(
            TopicRules.alerts(topics: data.topics, slots: topicSlots, directory: data.directory, now: now))
    }

    /// The councillor view's areas (those of the councillor's wards); nil for officers, who see every area.
    public var viewerAreas: Set<String>?

    /// Topic to-dos of the areas in view: a councillor sees only those that concern their wards' areas.
    func inView(_ alerts: [TopicAlert]) -> [TopicAlert] {
        guard let viewerAreas else { return alerts }
        return alerts.filter { !viewerAreas.isDisjoint(with: $0.areas) }
    }

    public func slots(_ topicID: String) -> [TopicSlot] { topicSlots[topicID] ?? [] }

    /// After one meeting changed: its own warnings and the overdue list, not every meeting's warnings,
    /// so confirming an entry costs the same whatever the size of the history.
    public mutating func refresh(meetingID: String) {
        generation &+= 1
        searchTexts.remove(meetingID)
        let today = LondonTime.date(now)
        if let meeting = data.meeting(meetingID) {
            ids.noteSaved(meeting)
            let list = Warnings.allWarnings(for: meeting, directory: data.directory, now: now)
            warnings[meetingID] = list.isEmpty ? nil : list
        } else {
            warnings[meetingID] = nil
        }
        refreshClashes()
        // The overdue list changes only by this meeting's actions; it stays in meeting order.
        overdue.removeAll { $0.meeting.id == meetingID }
        if let meeting = data.meeting(meetingID) {
            overdue += meeting.actions.filter { ActionRules.isOverdue($0, today: today) }.map {
                RaisedAction(meeting: meeting, action: $0)
            }
            overdue.sort { ($0.meeting.start, $0.meeting.id) < ($1.meeting.start, $1.meeting.id) }
        }
        // The topic links change only by this meeting's agenda: replace its slots, not a scan of every agenda.
        for topic in topicSlots.keys { topicSlots[topic]?.removeAll { $0.meeting.id == meetingID } }
        if let meeting = data.meeting(meetingID) {
            for (topic, added) in TopicRules.slots(in: [meeting]) {
                topicSlots[topic, default: []] += added
                topicSlots[topic]?.sort { ($0.meeting.start, $0.meeting.id) < ($1.meeting.start, $1.meeting.id) }
            }
        }
        topicSlots = topicSlots.filter { !$0.value.isEmpty }
        topicAlerts = inView(
            TopicRules.alerts(topics: data.topics, slots: topicSlots, directory: data.directory, now: now))
    }

    /// A changed date, venue or ward moves clashes between meetings: judged again over the meetings to come only.
    mutating func refreshClashes() {
        for (id, list) in warnings where list.contains(where: { $0.kind == .clash }) {
            let rest = list.filter { $0.kind != .clash }
            warnings[id] = rest.isEmpty ? nil : rest
        }
        for (id, list) in data.clashWarnings(now: now) {
            // Before the overdue actions, as `DataSet.warningsByMeeting` orders them.
            var own = warnings[id] ?? []
            let at = own.firstIndex { $0.kind == .overdueAction } ?? own.count
            own.insert(contentsOf: list, at: at)
            warnings[id] = own
        }
    }

    public var directory: Directory { data.directory }
    public var today: CalendarDate { LondonTime.date(now) }

    /// Who else has each meeting open in a form or live notes (their presence files), by meeting id.
    public var othersEditing: [String: [ProcessOwner]] = [:]

    /// A full-width line under the top bar (read-only: who holds the folder), or nil.
    public var banner: String?

    /// The area a screen gets below the top bar (and the banner) and above the footer.
    public var contentArea: Rect {
        let top = banner == nil ? 1 : 2
        return Rect(x: 0, y: top, width: width, height: height - top - 1)
    }

    func areaName(_ id: String) -> String { directory.area(id)?.name ?? id }

    func wardName(_ id: String) -> String { directory.ward(id)?.ward.name ?? id }

    func organisationName(_ id: String?) -> String {
        guard let id else { return "" }
        return directory.organisation(id)?.name ?? id
    }
}

/// Table formats: short and sortable-looking.
enum Format {
    /// "Tue 24 Nov 2026"
    static func day(_ instant: Date) -> String {
        let d = LondonTime.date(instant)
        return
            "\(LondonTime.weekday(d)) \(d.day < 10 ? " " : "")\(d.day) \(LondonTime.monthAbbreviation(d.month)) \(d.year)"
    }

    static func day(_ d: CalendarDate) -> String {
        "\(d.day < 10 ? " " : "")\(d.day) \(LondonTime.monthAbbreviation(d.month)) \(d.year)"
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// A date as a search finds it: every way the screens write it ("Tue 29 Nov 2026", "29 Nov 2026",
    /// "Dec 2026", "December", "2026-12-01"), so typing what a row shows finds the row.
    static func searchable(_ d: CalendarDate) -> String {
        "\(LondonTime.weekday(d)) \(d.day) \(LondonTime.monthAbbreviation(d.month)) \(d.year) \(monthNames[d.month - 1]) \(d.description)"
    }

    static func kind(_ kind: MeetingKind) -> String {
        switch kind {
        case .letsTalkTogether: "Let's Talk"
        case .wardForum: "Ward forum"
        case .areaCommittee: "Area cttee"
        case .other: "Other"
        }
    }

    /// "info", "discuss", "agree": short enough to list all three in a table column.
    static func purpose(_ purpose: Purpose) -> String {
        switch purpose {
        case .information: "info"
        case .discussion: "discuss"
        case .agreement: "agree"
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
