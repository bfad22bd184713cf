import Foundation
import ForumDeskCore

extension Codec {
    static func meeting(_ node: JSONNode) throws(DecodeError) -> Meeting {
        var r = try FieldReader(node, what: "a meeting")
        try checkSchema(&r)
        var m = Meeting(
            id: try r.id("id", MeetingRecord.self), kind: try r.choice("kind", MeetingKind.self),
            title: try r.string("title"),
            area: try r.string("area"), wards: try r.strings("wards"), start: try r.date("start"),
            end: try r.date("end"), venue: try r.object("venue", venue),
            status: try r.choice("status", MeetingStatus.self))
        m.chair = try r.optionalID("chair", PersonRecord.self)
        m.itemInProgress = try r.optionalInt("itemInProgress", Limits.itemNumber)
        m.ended = try r.optionalDate("ended")
        m.sequence = try r.optionalInt("sequence", Limits.sequence) ?? 0
        m.residentsPresent = try r.optionalInt("residentsPresent", Limits.headCount)
        m.residentsOnline = try r.optionalInt("residentsOnline", Limits.headCount)
        if let node = r.lookupForExtension("online") {
            if case .null = node.value {} else { m.online = try onlineJoining(node) }
        }
        m.equality = try equality(&r)
        m.publicNotes = try r.optionalString("publicNotes")
        m.cancellationReason = try r.optionalString("cancellationReason")
        let languages = try r.strings("languages")
        m.languages = languages.isEmpty ? ["en"] : languages
        m.noticeTitles = try r.stringMap("noticeTitles")
        m.agenda = try r.list("agenda", agendaItem)
        m.invitations = try r.list("invitations", invitation)
        m.attendance = try r.list("attendance", attendance)
        m.declarations = try r.list("declarations", declaration)
        m.notifications = try r.list("notifications", notification)
        m.actions = try r.list("actions", action)
        m.issues = try r.list("issues", issue)
        m.checkedForPublication = try r.strings("checkedForPublication")
        if let node = r.lookupForExtension("minutesApproved") {
            if case .null = node.value {} else { m.minutesApproved = try minutesApproval(node) }
        }
        m.extra = r.unknownFields
        return m
    }

    static func minutesApproval(_ node: JSONNode) throws(DecodeError) -> MinutesApproval {
        var r = try FieldReader(node, what: "the minutes' approval")
        var a = MinutesApproval(by: try r.string("by"), at: try r.date("at"))
        a.meeting = try r.optionalID("meeting", MeetingRecord.self)
        a.extra = r.unknownFields
        return a
    }

    static func encode(_ a: MinutesApproval) -> OrderedJSON {
        var w = FieldWriter()
        w.set("by", a.by)
        w.set("at", date: a.at)
        w.optional("meeting", a.meeting)
        return w.finish(a.extra)
    }

    static func encode(_ m: Meeting) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("id", m.id)
        w.set("kind", m.kind)
        w.set("title", m.title)
        w.set("area", m.area)
        w.set("wards", m.wards)
        w.set("start", date: m.start)
        w.set("end", date: m.end)
        w.set("venue", encode(m.venue))
        w.set("status", m.status)
        w.optional("chair", m.chair, keepNull: true)
        w.optional("itemInProgress", m.itemInProgress)
        if let ended = m.ended { w.set("ended", date: ended) }
        w.set("sequence", m.sequence)
        w.optional("residentsPresent", m.residentsPresent, keepNull: true)
        w.optional("residentsOnline", m.residentsOnline)
        if let online = m.online { w.set("online", encode(online)) }
        if !m.equality.isEmpty {
            w.set(
                "equality",
                .object(
                    m.equality.sorted { $0.key < $1.key }.map { category, counts in
                        (category, .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
                    }))
        }
        w.optional("publicNotes", m.publicNotes)
        w.optional("cancellationReason", m.cancellationReason)
        w.set("languages", m.languages)
        if !m.noticeTitles.isEmpty { w.set("noticeTitles", map: m.noticeTitles) }
        w.set("agenda", .array(m.agenda.map(encode)))
        w.set("invitations", .array(m.invitations.map(encode)))
        w.set("attendance", .array(m.attendance.map(encode)))
        w.set("declarations", .array(m.declarations.map(encode)))
        w.set("notifications", .array(m.notifications.map(encode)))
        w.set("actions", .array(m.actions.map(encode)))
        if !m.issues.isEmpty { w.set("issues", .array(m.issues.map(encode))) }
        if let approval = m.minutesApproved { w.set("minutesApproved", encode(approval)) }
        if !m.checkedForPublication.isEmpty { w.set("checkedForPublication", m.checkedForPublication) }
        return w.finish(m.extra)
    }

    static func equality(_ r: inout FieldReader) throws(DecodeError) -> [String: [String: Int]] {
        let categories = try r.stringKeyed("equality") { (node, key) throws(DecodeError) in
            guard case .object(let members) = node.value else {
                throw FieldReader.fail(node, key, "an object of counts")
            }
            var counts: [String: Int] = [:]
            for member in members {
                counts[member.key] = try FieldReader.wholeNumber(member.value, "\(key).\(member.key)", Limits.headCount)
            }
            return counts
        }
        return categories
    }

    static func venue(_ node: JSONNode) throws(DecodeError) -> Venue {
        var r = try FieldReader(node, what: "the venue")
        var v = Venue(name: try r.string("name"))
        v.id = try r.optionalID("id", VenueKind.self)
        v.address = try r.optionalString("address")
        v.accessibility = try r.optionalString("accessibility")
        v.extra = r.unknownFields
        return v
    }

    static func encode(_ v: Venue) -> OrderedJSON {
        var w = FieldWriter()
        w.optional("id", v.id)
        w.set("name", v.name)
        w.optional("address", v.address)
        w.optional("accessibility", v.accessibility)
        return w.finish(v.extra)
    }

    static func agendaItem(_ node: JSONNode) throws(DecodeError) -> AgendaItem {
        var r = try FieldReader(node, what: "an agenda item")
        var a = AgendaItem(number: try r.int("number", Limits.itemNumber), title: try r.string("title"))
        a.tags = try r.strings("tags")
        a.presenter = try r.optionalID("presenter", PersonRecord.self)
        a.presenterName = try r.optionalString("presenterName")
        a.organisation = try r.optionalID("organisation", OrganisationRecord.self)
        a.purpose = try r.choices("purpose", Purpose.self)
        a.engagementLevel = try r.optionalChoice("engagementLevel", EngagementLevel.self)
        a.minutes = try r.optionalInt("minutes", Limits.itemMinutes)
        a.notes = try r.optionalString("notes")
        a.discussion = try r.optionalString("discussion")
        a.outcome = try r.optionalString("outcome")
        a.topic = try r.optionalID("topic", TopicRecord.self)
        a.extra = r.unknownFields
        return a
    }

    static func encode(_ a: AgendaItem) -> OrderedJSON {
        var w = FieldWriter()
        w.set("number", a.number)
        w.set("title", a.title)
        if !a.tags.isEmpty { w.set("tags", a.tags) }
        w.optional("presenter", a.presenter)
        w.optional("presenterName", a.presenterName)
        w.optional("organisation", a.organisation)
        w.set("purpose", a.purpose)
        w.optional("engagementLevel", a.engagementLevel)
        w.optional("minutes", a.minutes)
        w.optional("notes", a.notes)
        w.optional("discussion", a.discussion)
        w.optional("outcome", a.outcome, keepNull: true)
        w.optional("topic", a.topic)
        return w.finish(a.extra)
    }

    static func invitation(_ node: JSONNode) throws(DecodeError) -> Invitation {
        var r = try FieldReader(node, what: "an invitation")
        var i = Invitation(organisation: try r.id("organisation", OrganisationRecord.self))
        i.person = try r.optionalID("person", PersonRecord.self)
        i.at = try r.optionalDate("at")
        i.reply = try r.choice("reply", default: Reply.noReply)
        i.extra = r.unknownFields
        return i
    }

    static func encode(_ i: Invitation) -> OrderedJSON {
        var w = FieldWriter()
        w.set("organisation", i.organisation)
        w.optional("person", i.person)
        w.optional("at", date: i.at)
        w.set("reply", i.reply)
        return w.finish(i.extra)
    }

    static func attendance(_ node: JSONNode) throws(DecodeError) -> Attendance {
        var r = try FieldReader(node, what: "an attendance entry")
        var a = Attendance(status: try r.choice("status", AttendanceStatus.self))
        a.person = try r.optionalID("person", PersonRecord.self)
        a.name = try r.optionalString("name")
        a.organisation = try r.optionalID("organisation", OrganisationRecord.self)
        a.role = try r.choice("role", default: AttendanceRole.member)
        a.reason = try r.optionalString("reason")
        a.substituteFor = try r.optionalString("substituteFor")  // a person id, or "(name removed)" after purge
        a.online = try r.bool("online", default: false)
        a.extra = r.unknownFields
        return a
    }

    static func encode(_ a: Attendance) -> OrderedJSON {
        var w = FieldWriter()
        w.optional("person", a.person)
        w.optional("name", a.name)
        w.optional("organisation", a.organisation)
        w.set("role", a.role)
        w.set("status", a.status)
        w.optional("reason", a.reason)
        w.optional("substituteFor", a.substituteFor)
        if a.online { w.set("online", true) }
        return w.finish(a.extra)
    }

    static func declaration(_ node: JSONNode) throws(DecodeError) -> Declaration {
        var r = try FieldReader(node, what: "a declaration of interest")
        var d = Declaration(
            person: try r.id("person", PersonRecord.self), item: try r.int("item", Limits.itemNumber),
            nature: try r.string("nature"))
        d.extra = r.unknownFields
        return d
    }

    static func encode(_ d: Declaration) -> OrderedJSON {
        var w = FieldWriter()
        w.set("person", d.person)
        w.set("item", d.item)
        w.set("nature", d.nature)
        return w.finish(d.extra)
    }

    static func notification(_ node: JSONNode) throws(DecodeError) -> CouncillorNotification {
        var r = try FieldReader(node, what: "a notification")
        var n = CouncillorNotification(
            councillor: try r.id("councillor", PersonRecord.self), at: try r.date("at"),
            method: try r.choice("method", ContactMethod.self))
        n.kind = try r.choice("kind", default: NoticeKind.invitation)
        n.sequence = try r.optionalInt("sequence", Limits.sequence) ?? 0
        n.start = try r.optionalDate("start")
        n.end = try r.optionalDate("end")
        n.venue = try r.optionalString("venue")
        n.status = try r.optionalChoice("status", EventStatus.self)
        n.reason = try r.optionalString("reason")
        n.reply = try r.choice("reply", default: Reply.noReply)
        n.repliedAt = try r.optionalDate("repliedAt")
        n.comment = try r.optionalString("comment")
        n.delegatedTo = try r.optionalString("delegatedTo")
        n.replyUnverified = try r.optionalString("replyUnverified")
        n.withdrawn = try r.optionalDate("withdrawn")
        n.delivery = try r.optionalChoice("delivery", NoticeDelivery.self)
        n.sentAt = try r.optionalDate("sentAt")
        n.deliveryNote = try r.optionalString("deliveryNote")
        n.queuedOn = try r.optionalString("queuedOn")
        n.extra = r.unknownFields
        return n
    }

    static func encode(_ n: CouncillorNotification) -> OrderedJSON {
        var w = FieldWriter()
        w.set("councillor", n.councillor)
        w.set("at", date: n.at)
        w.set("method", n.method)
        w.set("kind", n.kind)
        w.set("sequence", n.sequence)
        w.optional("start", date: n.start)
        w.optional("end", date: n.end)
        w.optional("venue", n.venue)
        w.optional("status", n.status)
        w.optional("reason", n.reason)
        w.set("reply", n.reply)
        w.optional("repliedAt", date: n.repliedAt)
        w.optional("comment", n.comment)
        w.optional("delegatedTo", n.delegatedTo)
        w.optional("replyUnverified", n.replyUnverified)
        w.optional("withdrawn", date: n.withdrawn)
        w.optional("delivery", n.delivery)
        w.optional("sentAt", date: n.sentAt)
        w.optional("deliveryNote", n.deliveryNote)
        w.optional("queuedOn", n.queuedOn)
        return w.finish(n.extra)
    }

    static func action(_ node: JSONNode) throws(DecodeError) -> Action {
        var r = try FieldReader(node, what: "an action")
        var a = Action(id: try r.id("id", ActionRecord.self), description: try r.string("description"))
        a.item = try r.optionalInt("item", Limits.itemNumber)
        a.owner = try r.optionalID("owner", PersonRecord.self)
        a.organisation = try r.optionalID("organisation", OrganisationRecord.self)
        a.due = try r.optionalDay("due")
        a.status = try r.choice("status", default: ActionStatus.open)
        a.tags = try r.strings("tags")
        a.updates = try r.list("updates", actionUpdate)
        a.feedback = try r.optionalString("feedback")
        a.reminders = try r.list("reminders", actionReminder)
        a.extra = r.unknownFields
        return a
    }

    static func actionReminder(_ node: JSONNode) throws(DecodeError) -> ActionReminder {
        var r = try FieldReader(node, what: "an action's reminder")
        var reminder = ActionReminder(at: try r.date("at"), to: try r.id("to", PersonRecord.self))
        reminder.raised = try r.optionalChoice("kind", ReminderKind.self) == .raised
        reminder.extra = r.unknownFields
        return reminder
    }

    static func encode(_ reminder: ActionReminder) -> OrderedJSON {
        var w = FieldWriter()
        w.set("at", date: reminder.at)
        w.set("to", reminder.to)
        if reminder.raised { w.set("kind", ReminderKind.raised) }
        return w.finish(reminder.extra)
    }

    static func encode(_ a: Action) -> OrderedJSON {
        var w = FieldWriter()
        w.set("id", a.id)
        w.optional("item", a.item)
        w.set("description", a.description)
        w.optional("owner", a.owner, keepNull: true)
        w.optional("organisation", a.organisation)
        w.optional("due", a.due.map { OrderedJSON.string($0.description) }, keepNull: true)
        w.set("status", a.status)
        w.set("tags", a.tags)
        w.set("updates", .array(a.updates.map(encode)))
        w.optional("feedback", a.feedback, keepNull: true)
        // Only once there is one: files of actions never chased stay as they were.
        if !a.reminders.isEmpty { w.set("reminders", .array(a.reminders.map(encode))) }
        return w.finish(a.extra)
    }

    static func actionUpdate(_ node: JSONNode) throws(DecodeError) -> ActionUpdate {
        var r = try FieldReader(node, what: "an action update")
        var u = ActionUpdate(at: try r.date("at"), text: try r.string("text"))
        u.status = try r.optionalChoice("status", ActionStatus.self)
        u.meeting = try r.optionalID("meeting", MeetingRecord.self)
        u.due = try r.optionalDay("due")
        u.by = try r.optionalID("by", PersonRecord.self)
        u.messageID = try r.optionalString("messageID")
        u.extra = r.unknownFields
        return u
    }

    static func encode(_ u: ActionUpdate) -> OrderedJSON {
        var w = FieldWriter()
        w.set("at", date: u.at)
        w.set("text", u.text)
        w.optional("status", u.status)
        w.optional("meeting", u.meeting)
        w.optional("due", u.due.map { OrderedJSON.string($0.description) })
        w.optional("by", u.by)
        w.optional("messageID", u.messageID)
        return w.finish(u.extra)
    }

    static func issue(_ node: JSONNode) throws(DecodeError) -> ResidentIssue {
        var r = try FieldReader(node, what: "a resident's issue")
        var i = ResidentIssue(id: try r.id("id", IssueRecord.self), text: try r.string("text"))
        i.tags = try r.strings("tags")
        i.item = try r.optionalInt("item", Limits.itemNumber)
        i.status = try r.choice("status", default: IssueStatus.open)
        i.answer = try r.optionalString("answer")
        i.action = try r.optionalID("action", ActionRecord.self)
        i.topic = try r.optionalID("topic", TopicRecord.self)
        i.extra = r.unknownFields
        return i
    }

    static func encode(_ i: ResidentIssue) -> OrderedJSON {
        var w = FieldWriter()
        w.set("id", i.id)
        w.set("text", i.text)
        if !i.tags.isEmpty { w.set("tags", i.tags) }
        w.optional("item", i.item)
        w.set("status", i.status)
        w.optional("answer", i.answer)
        w.optional("action", i.action)
        w.optional("topic", i.topic)
        return w.finish(i.extra)
    }

    // MARK: topics/<id>.json

    static func topic(_ node: JSONNode) throws(DecodeError) -> TopicRequest {
        var r = try FieldReader(node, what: "a topic request")
        try checkSchema(&r)
        var t = TopicRequest(
            id: try r.id("id", TopicRecord.self), title: try r.string("title"),
            minutes: try r.int("minutes", Limits.topicMinutes))
        t.description = try r.optionalString("description")
        t.organisation = try r.optionalID("organisation", OrganisationRecord.self)
        t.contact = try r.optionalID("contact", PersonRecord.self)
        t.purpose = try r.choices("purpose", Purpose.self)
        t.engagementLevel = try r.optionalChoice("engagementLevel", EngagementLevel.self)
        t.areas = try r.strings("areas")
        t.notBefore = try r.optionalDay("notBefore")
        t.notAfter = try r.optionalDay("notAfter")
        t.status = try r.choice("status", default: TopicStatus.requested)
        t.reason = try r.optionalString("reason")
        t.received = try r.optionalDay("received")
        t.tags = try r.strings("tags")
        t.raisedAt = try r.optionalID("raisedAt", MeetingRecord.self)
        t.extra = r.unknownFields
        return t
    }

    static func encode(_ t: TopicRequest) -> OrderedJSON {
        var w = FieldWriter()
        w.set("schema", currentSchema)
        w.set("id", t.id)
        w.set("title", t.title)
        w.optional("description", t.description)
        w.optional("organisation", t.organisation)
        w.optional("contact", t.contact)
        w.set("purpose", t.purpose)
        w.optional("engagementLevel", t.engagementLevel)
        w.set("areas", t.areas)
        w.optional("notBefore", t.notBefore.map { OrderedJSON.string($0.description) })
        w.optional("notAfter", t.notAfter.map { OrderedJSON.string($0.description) })
        w.set("minutes", t.minutes)
        w.set("status", t.status)
        w.optional("reason", t.reason)
        w.optional("received", t.received.map { OrderedJSON.string($0.description) })
        if !t.tags.isEmpty { w.set("tags", t.tags) }
        w.optional("raisedAt", t.raisedAt)
        return w.finish(t.extra)
    }
}
